"""Batch screening (``veu batch screen``): a CSV or Parquet file of names in, the same rows out
with their best list hit, streamed in chunks so memory stays flat whatever the file's size.

A CSV file may be separated by commas, semicolons, tabs or bars (read off its header line), and
is read as UTF-8, or UTF-16 where its byte-order mark says so, or in the encoding asked for (a
Chinese Excel saves CSV in GB18030); the output is written alike. Quoting is read strictly: a
quote left open is an error, not the rest of the file read as one name, and a row with more
fields than the header is named. Input columns: ``name`` (required), and optionally ``country``
(an ISO 3166-1 code or a country's name), ``birth_date`` (``YYYY`` or ``YYYY-MM-DD``) and
``schema`` (a FollowTheMoney schema: ``Person``, ``Company``, ...); any other column is kept as
it is. Every row is checked before any is screened: a malformed value is named with its row and
nothing is written. Output adds ``match_name``, ``match_list``, ``match_listing``, ``score``,
``match`` (at the policy pack's match threshold) and ``in_force`` (on the date). The output is
written to a temporary file and moved into place at the end: an error leaves no half-written
file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import multiprocessing
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from veu.countries import country_code
from veu.errors import InvalidInput, Problem
from veu.matching import Query, ScreeningIndex
from veu.matching.entity import FTM_SCHEMATA, ORGANISATION_SCHEMAS, PERSON_SCHEMAS
from veu.model import Listing, PartyKind
from veu.services.context import Context
from veu.services.lists import require_snapshot
from veu.services.policies import thresholds_on

CHUNK = 2000
OUTPUT_COLUMNS = ("match_name", "match_list", "match_listing", "score", "match", "in_force")
PERSON = {s.lower() for s in PERSON_SCHEMAS}
ORGANISATION = {s.lower() for s in ORGANISATION_SCHEMAS}
_YEAR = re.compile(r"(\d{4})")


# The best hit of a row: matched name, list, listing, score, match, in force (None: no hit).
BestHit = tuple[str, str, str, float, bool, bool] | None


@dataclass(frozen=True)
class Row:
    name: str
    country: str | None
    schema: str | None
    birth_year: str | None


@dataclass
class BatchReport:
    rows: int = 0
    matches: int = 0
    blank: int = 0
    output: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "matches": self.matches, "blank_names": self.blank}


def _kind_conflict(schema: str | None, listing: Listing) -> bool:
    if not schema:
        return False
    schema = schema.strip().lower()
    kind = listing.kind
    if schema in PERSON:
        return kind in (PartyKind.company, PartyKind.organization, PartyKind.vessel)
    if schema in ORGANISATION:
        return kind == PartyKind.person
    return False


def _year_conflict(year: str | None, listing: Listing) -> bool:
    if not year or not listing.birth_dates:
        return False
    years = {m.group(1) for d in listing.birth_dates if (m := _YEAR.search(d))}
    return bool(years) and year not in years


def best_hit(index: ScreeningIndex, row: Row, day: dt.date, threshold: float) -> BestHit:
    """The best hit for one row: a listing of another kind (a company for a person) is passed
    over, and one whose birth years all differ from the row's is scored 0.25 lower."""
    if not row.name.strip():
        return None
    query = Query(name=row.name, countries=frozenset([row.country]) if row.country else frozenset())
    # Without a schema or a birth year no hit is passed over or lowered: the first is the best,
    # and the others' listings need not be read.
    limit = 5 if row.schema or row.birth_year else 1
    best = None
    for hit in index.search(query, limit=limit, min_score=0.5, explain=False):
        if _kind_conflict(row.schema, hit.listing):
            continue
        score = hit.score - (0.25 if _year_conflict(row.birth_year, hit.listing) else 0.0)
        if best is None or score > best[3]:
            listing = hit.listing
            best = (
                hit.matched_name,
                listing.list_id,
                listing.id,
                round(score, 4),
                score >= threshold,
                listing.status_on(day).in_force,
            )
    return best


DELIMITERS = (",", ";", "\t", "|")


def delimiter_of(header: str) -> str:
    """A CSV file's delimiter, read off its header line: the one of ``DELIMITERS`` it holds most
    often (a spreadsheet saved where the decimal mark is a comma writes ``;``), else ``,``."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the earlier, so ``,`` first
    return best if counts[best] else ","


@dataclass(frozen=True)
class _Input:
    """An input file, its header (or Parquet metadata) read once: its columns, and its rows as
    many times as they are asked for (once to check them, once to screen them)."""

    columns: list[str]
    rows: Callable[[], Iterator[dict[str, Any]]]
    delimiter: str = ","  # a CSV file's
    encoding: str = ""  # a CSV file's
    arrow_schema: Any = None  # a Parquet file's


# A byte-order mark says a file's encoding, whatever was asked (Excel's "Unicode Text" is UTF-16).
_MARKS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _encoding_of(path: Path, asked: str | None) -> str:
    """The encoding ``path`` is read in: its byte-order mark's, else ``asked``, else UTF-8 (a
    Chinese Excel saves CSV in GB18030 without a mark: ``asked`` must say so)."""
    with path.open("rb") as handle:
        start = handle.read(3)
    if asked is not None:
        try:
            codecs.lookup(asked)
        except LookupError:
            raise InvalidInput(
                f"unknown encoding {asked!r}",
                [Problem("one Python knows: utf-8, gb18030, utf-16, ...", field="encoding")],
            ) from None
    marked = next((codec for mark, codec in _MARKS if start.startswith(mark)), None)
    return marked or asked or "utf-8"


def _undecodable(file: str, encoding: str, error: UnicodeDecodeError, where: str) -> Problem:
    hint = " (a file a Chinese Excel saved: --encoding gb18030)" if "utf-8" in encoding else ""
    return Problem(
        f"not {encoding}: byte {error.object[error.start : error.start + 1]!r} cannot be read"
        f"{hint}",
        file=file,
        field=where,
    )


def _open_csv(path: Path, encoding: str | None = None) -> _Input:
    codec = _encoding_of(path, encoding)
    try:
        with path.open(encoding=codec, newline="") as handle:
            header = handle.readline()
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path.name} cannot be read as {codec}",
            [_undecodable(path.name, codec, error, "header")],
        ) from None
    delimiter = delimiter_of(header)
    columns = next(csv.reader([header], delimiter=delimiter), [])

    def rows() -> Iterator[dict[str, Any]]:
        with path.open(encoding=codec, newline="") as handle:
            # strict: a quote left open is an error, not the rest of the file read as one name
            reader = csv.DictReader(handle, delimiter=delimiter, strict=True)
            try:
                yield from reader
            except csv.Error as error:
                raise csv.Error(f"line {reader.line_num}: {error}") from None

    return _Input(columns, rows, delimiter=delimiter, encoding=codec)


def _open_parquet(path: Path) -> _Input:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise InvalidInput(
            f"{path.name} is not a Parquet file this can read",
            [Problem(str(error), file=path.name)],
        ) from None

    def rows() -> Iterator[dict[str, Any]]:
        for batch in source.iter_batches(batch_size=CHUNK):
            yield from batch.to_pylist()

    return _Input(list(source.schema_arrow.names), rows, arrow_schema=source.schema_arrow)


def _kind(path: Path, what: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise InvalidInput(
        f"{path.name}: the {what} must be .csv or .parquet",
        [Problem(f"unknown file type {suffix or '(none)'}", file=str(path))],
    )


# Worker processes share the index built before they start (fork): nothing is pickled but rows.
_WORKER: dict[str, Any] = {}


def _score_chunk(rows: list[Row]) -> list[BestHit]:
    return [_WORKER["hit"](r) for r in rows]


REPEATS_KEPT = 65_536  # rows remembered by each process: a file often names a party many times


def _remembering(index: ScreeningIndex, day: dt.date, threshold: float) -> Callable[[Row], BestHit]:
    """`best_hit` for one run, remembering the rows it has seen: the same name, country, schema
    and birth year give the same hit, so a repeated row is not screened again."""

    @lru_cache(maxsize=REPEATS_KEPT)
    def hit(row: Row) -> BestHit:
        return best_hit(index, row, day, threshold)

    return hit


def screen_file(
    ctx: Context,
    source: Path,
    target: Path,
    *,
    day: dt.date | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    started: Callable[[int], None] | None = None,
    encoding: str | None = None,
) -> BatchReport:
    """Screen every row of ``source`` into ``target`` (see the module's docstring). ``started``
    is told how many rows there are once they are checked, ``progress`` how many more are done
    after each chunk. ``encoding``: a CSV file's, where it has no byte-order mark (UTF-8 if
    not given)."""
    if not source.is_file():
        raise InvalidInput(f"{source} is not a file", [Problem("no such file", file=str(source))])
    kind_in, kind_out = _kind(source, "input"), _kind(target, "output")
    if target.exists() and target.resolve() == source.resolve():
        raise InvalidInput(
            "the output would overwrite the input", [Problem("same file", file=str(target))]
        )
    given = _open_parquet(source) if kind_in == "parquet" else _open_csv(source, encoding)
    columns = given.columns
    if "name" not in columns:
        raise InvalidInput(
            f"{source.name} has no `name` column",
            [
                Problem(
                    f"columns are: {', '.join(columns) or '(none)'}", file=source.name, field="name"
                )
            ],
        )
    clash = [c for c in OUTPUT_COLUMNS if c in columns]
    if clash:
        raise InvalidInput(
            f"{source.name} already has the output column(s) {', '.join(clash)}",
            [Problem("rename or drop it", file=source.name, field=c) for c in clash],
        )
    total = _check_rows(source.name, given.rows(), given.encoding)
    if started is not None:
        started(total)
    day = day or ctx.today()
    threshold, _ = thresholds_on(day)
    snapshot = require_snapshot(ctx)
    with ctx.read() as uow:  # an index for this run, its listings kept as JSON: less memory
        stored = uow.lists.payloads(snapshot, dataset="listings")
    index = ScreeningIndex.from_json(payload for _, payload in stored)
    del stored
    report = BatchReport(output=str(target))
    fd, temp_name = tempfile.mkstemp(prefix=".veu-batch-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    pool = None
    try:
        remembered = _remembering(index, day, threshold)
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _WORKER.update(hit=remembered)  # each forked worker fills its own copy
            pool = multiprocessing.get_context("fork").Pool(workers)

        def scored(chunk: list[dict[str, Any]]) -> list[BestHit]:
            parsed = [_row(r) for r in chunk]
            if pool is not None:
                size = max(1, len(parsed) // (workers * 4))
                parts = [parsed[i : i + size] for i in range(0, len(parsed), size)]
                return [hit for part in pool.map(_score_chunk, parts) for hit in part]
            return [remembered(r) for r in parsed]

        writer: _CsvOut | _ParquetOut = (
            # tabs for a .tsv output, else as the input (it goes back to the same spreadsheet)
            _CsvOut(
                temp,
                columns,
                "\t" if target.suffix.lower() == ".tsv" else given.delimiter,
                given.encoding or "utf-8",  # as the input, which a spreadsheet will open alike
            )
            if kind_out == "csv"
            else _ParquetOut(temp, columns, given.arrow_schema)
        )
        try:
            for chunk in _chunks(given.rows(), CHUNK):
                out = []
                for record, hit in zip(chunk, scored(chunk), strict=True):
                    report.rows += 1
                    if not str(record.get("name") or "").strip():
                        report.blank += 1
                    if hit is not None and hit[4]:
                        report.matches += 1
                    out.append(
                        {**record, **dict(zip(OUTPUT_COLUMNS, hit or (None,) * 6, strict=True))}
                    )
                writer.write(out)
                if progress is not None:
                    progress(len(chunk))
        finally:
            writer.close()
        temp.replace(target)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
            _WORKER.clear()
        temp.unlink(missing_ok=True)
    return report


def _row(record: dict[str, Any]) -> Row:
    year = _YEAR.search(_text(record, "birth_date"))
    return Row(
        name=str(record.get("name") or ""),
        country=country_code(_text(record, "country")),
        schema=_text(record, "schema") or None,
        birth_year=year.group(1) if year else None,
    )


def _text(record: dict[str, Any], column: str) -> str:
    value = record.get(column)
    return "" if value is None else str(value).strip()


_BIRTH_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?: 00:00:00)?$")  # a Parquet timestamp too
SCHEMATA = frozenset(s.lower() for s in FTM_SCHEMATA)
MAX_PROBLEMS = 50
MAX_NAME = 500  # as a party's name anywhere else (screening, shipments, applications)


def _row_problems(record: dict[str, Any], file: str, number: int) -> list[Problem]:
    """What is wrong with row ``number`` (1 is the first after the header): a name longer than
    ``MAX_NAME``, a country that is neither an ISO 3166-1 code nor a country's name, a birth date
    that is not ``YYYY`` or ``YYYY-MM-DD``, a schema that is not FollowTheMoney's."""
    problems = []
    beyond = record.get(None)  # type: ignore[call-overload]  # csv.DictReader's: extra fields
    if beyond:
        header = len(record) - 1
        problems.append(
            f"{header + len(beyond)} fields where the header has {header}"
            " (a value holding the delimiter must be quoted)"
        )
    name = str(record.get("name") or "")
    if len(name) > MAX_NAME:
        problems.append(f"name is {len(name):,} characters long; at most {MAX_NAME} are screened")
    country = _text(record, "country")
    if country and country_code(country) is None:
        problems.append(f"country {country!r} is neither an ISO 3166-1 code nor a country's name")
    born = _text(record, "birth_date")
    if born and not _BIRTH_DATE.match(born):
        problems.append(f"birth_date {born!r} is not YYYY or YYYY-MM-DD")
    schema = _text(record, "schema")
    if schema and schema.lower() not in SCHEMATA:
        problems.append(f"schema {schema!r} is not a FollowTheMoney schema (Person, Company, ...)")
    return [Problem(p, file=file, field=f"row {number}") for p in problems]


def _check_rows(file: str, rows: Iterator[dict[str, Any]], encoding: str = "") -> int:
    """Every row read before any is screened: a malformed one is named, and nothing is written
    (so is a CSV file's malformed quoting, or a byte its ``encoding`` cannot read). The number of
    rows, when all are well."""
    problems: list[Problem] = []
    number = 0
    try:
        for number, record in enumerate(rows, start=1):
            problems += _row_problems(record, file, number)
            if len(problems) >= MAX_PROBLEMS:
                break
    except csv.Error as error:  # the file itself: nothing after it can be read as rows
        problems.append(Problem(f"malformed CSV at {error}", file=file, field=f"row {number + 1}"))
    except UnicodeDecodeError as error:
        problems.append(_undecodable(file, encoding, error, f"row {number + 1}"))
    if problems:
        raise InvalidInput(f"{file} has malformed rows: nothing was screened", problems)
    return number


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _CsvOut:
    def __init__(self, path: Path, columns: list[str], delimiter: str, encoding: str) -> None:
        self.handle = path.open("w", encoding=encoding, newline="")
        self.writer = csv.DictWriter(
            self.handle, [*columns, *OUTPUT_COLUMNS], extrasaction="ignore", delimiter=delimiter
        )
        self.writer.writeheader()

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.writer.writerows(rows)

    def close(self) -> None:
        self.handle.close()


class _ParquetOut:
    """Parquet output with a fixed schema: the input's columns (strings, from a CSV) and the
    added ones, so a chunk without any hit still has the right types."""

    def __init__(self, path: Path, columns: list[str], source: Any = None) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        fields = (
            [source.field(c) for c in columns]
            if source is not None
            else [pa.field(c, pa.string()) for c in columns]
        )
        added = [pa.string(), pa.string(), pa.string(), pa.float64(), pa.bool_(), pa.bool_()]
        self.schema = pa.schema(
            [*fields, *(pa.field(c, t) for c, t in zip(OUTPUT_COLUMNS, added, strict=True))]
        )
        self.writer = pq.ParquetWriter(path, self.schema)

    def write(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()
