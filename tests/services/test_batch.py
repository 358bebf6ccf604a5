"""Batch screening of CSV and Parquet files against the loaded lists."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from veu.errors import InvalidInput
from veu.services import batch
from veu.services.context import Context

ROWS = [
    {
        "ref": "1",
        "name": "洛克希德·马丁公司",
        "country": "US",
        "schema": "Company",
        "birth_date": "",
    },
    {"ref": "2", "name": "Lockheed Martin Corp.", "country": "", "schema": "", "birth_date": ""},
    {"ref": "3", "name": "Nordwind Turbinen GmbH", "country": "DE", "schema": "", "birth_date": ""},
    {"ref": "4", "name": "", "country": "", "schema": "", "birth_date": ""},
    {
        "ref": "5",
        "name": "Lockheed Martin",
        "country": "US",
        "schema": "Person",
        "birth_date": "1970",
    },
]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_csv_in_csv_out(loaded_ctx: Context, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", ROWS)
    seen: list[int] = []
    report = batch.screen_file(loaded_ctx, source, tmp_path / "out.csv", progress=seen.append)
    assert (report.rows, report.matches, report.blank) == (5, 2, 1)
    assert sum(seen) == 5
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        out = list(csv.DictReader(f))
    assert [r["ref"] for r in out] == ["1", "2", "3", "4", "5"]
    assert out[0]["match"] == "True"
    assert out[0]["match_listing"].endswith("lockheedmartin")
    assert out[0]["in_force"] == "True"
    assert out[1]["match"] == "True"
    assert out[2]["match"] in ("", "False")
    assert out[3]["match_name"] == ""
    assert out[4]["match"] in ("", "False")  # a person is never a company


def test_the_total_comes_from_the_rows_checked_not_the_lines(
    loaded_ctx: Context, tmp_path: Path
) -> None:
    # A quoted name with a line break is one row on two lines: counting lines said 6.
    rows = [*ROWS, {"ref": "6", "name": "Nordwind\nTurbinen", "country": "", "schema": "",
                    "birth_date": ""}]  # fmt: skip
    source = write_csv(tmp_path / "in.csv", rows)
    totals: list[int] = []
    report = batch.screen_file(loaded_ctx, source, tmp_path / "out.csv", started=totals.append)
    assert totals == [report.rows] == [6]
    assert source.read_text("utf-8").count("\n") == 8  # header, 6 rows, one line break inside


def test_parquet_in_parquet_out_with_two_workers(loaded_ctx: Context, tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS * 3), source)
    batch.screen_file(loaded_ctx, source, tmp_path / "one.parquet")
    batch.screen_file(loaded_ctx, source, tmp_path / "two.parquet", workers=2)
    one = pq.read_table(tmp_path / "one.parquet").to_pylist()
    two = pq.read_table(tmp_path / "two.parquet").to_pylist()
    assert one == two
    assert len(one) == 15
    assert one[0]["score"] >= 0.85
    assert one[0]["ref"] == "1"
    assert pq.read_table(tmp_path / "one.parquet").schema.field("match").type == pa.bool_()


def test_a_repeated_row_is_screened_once(
    loaded_ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows with the same name, country, schema and birth year get the same hit: screened once
    per run, and every copy gets the hit in the output."""
    screened: list[str] = []
    real = batch.best_hit

    def counting(index: object, row: batch.Row, *args: object) -> batch.BestHit:
        screened.append(row.name)
        return real(index, row, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "best_hit", counting)
    source = write_csv(tmp_path / "in.csv", ROWS * 4)
    report = batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
    assert report.rows == 20
    assert len(screened) == len(ROWS)
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        out = list(csv.DictReader(f))
    for k, row in enumerate(out):
        assert {key: row[key] for key in batch.OUTPUT_COLUMNS} == {
            key: out[k % len(ROWS)][key] for key in batch.OUTPUT_COLUMNS
        }


def test_a_file_without_names_is_refused_and_nothing_written(
    loaded_ctx: Context, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "in.csv", [{"firm": "Acme"}])
    with pytest.raises(InvalidInput, match="no `name` column") as caught:
        batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
    assert caught.value.problems[0].field == "name"
    assert not (tmp_path / "out.csv").exists()
    assert list(tmp_path.iterdir()) == [source]
    with pytest.raises(InvalidInput, match=r"\.csv or \.parquet"):
        batch.screen_file(loaded_ctx, write_csv(tmp_path / "a.csv", ROWS), tmp_path / "out.xlsx")


def test_malformed_rows_are_named_and_nothing_is_screened(
    loaded_ctx: Context, tmp_path: Path
) -> None:
    rows = [
        {**ROWS[1], "country": "Russland", "birth_date": "", "schema": ""},
        {**ROWS[1], "country": "", "birth_date": "07/10/1952", "schema": ""},
        {**ROWS[1], "country": "", "birth_date": "", "schema": "Persn"},
        {**ROWS[1], "name": "Lockheed Martin " * 40},
    ]
    source = write_csv(tmp_path / "in.csv", [*ROWS, *rows])
    with pytest.raises(InvalidInput, match="malformed rows: nothing was screened") as caught:
        batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
    problems = caught.value.problems
    assert [p.field for p in problems] == ["row 6", "row 7", "row 8", "row 9"]
    assert "'Russland'" in problems[0].reason
    assert "'07/10/1952'" in problems[1].reason
    assert "'Persn'" in problems[2].reason
    assert "640 characters long" in problems[3].reason
    assert list(tmp_path.iterdir()) == [source]


def test_a_country_may_be_a_name_or_a_code() -> None:
    rows = [{"name": "Huawei", "country": c} for c in ("CN", "chn", "China", "cn")]
    assert {batch._row(r).country for r in rows} == {"CN"}
    assert batch._row({"name": "Huawei", "birth_date": 1952}).birth_year == "1952"


def test_a_semicolon_or_tab_separated_file_is_read_and_written_alike(
    loaded_ctx: Context, tmp_path: Path
) -> None:
    """A spreadsheet saved where the decimal mark is a comma writes `;`."""
    source = tmp_path / "in.csv"
    source.write_text('name;ref\nLockheed Martin Corp.;1\n"Acme; Bakery";2\n', "utf-8")
    report = batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
    assert (report.rows, report.matches) == (2, 1)
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        out = list(csv.DictReader(f, delimiter=";"))
    assert [(r["name"], r["ref"]) for r in out] == [
        ("Lockheed Martin Corp.", "1"),
        ("Acme; Bakery", "2"),
    ]
    assert (out[0]["match"], out[1]["match"]) == ("True", "")  # no hit at all for the bakery
    tabs = tmp_path / "in.tsv"
    tabs.write_text("name\tref\nLockheed Martin Corp.\t1\n", "utf-8")
    batch.screen_file(loaded_ctx, tabs, tmp_path / "out.tsv")
    first = (tmp_path / "out.tsv").read_text("utf-8").splitlines()[1].split("\t")
    assert first[:2] == ["Lockheed Martin Corp.", "1"]


def test_the_best_hit_is_the_first_unless_a_schema_or_birth_year_says_otherwise() -> None:
    """A row with neither schema nor birth year takes the first hit (only its listing is read);
    with them, a hit of another kind is passed over and one born another year lowered."""
    import datetime as dt

    from veu.matching import Query, ScreeningIndex
    from veu.model import Listing, Name, PartyKind

    def listing(key: str, name: str, kind: PartyKind, born: tuple[str, ...] = ()) -> Listing:
        return Listing(
            id=f"t:{key}",
            list_id="t",
            party_id=f"t:{key}",
            kind=kind,
            names=(Name(value=name),),
            birth_dates=born,
        )

    index = ScreeningIndex(
        [
            listing("firm", "Ivan Petrov Trading", PartyKind.company),
            listing("man", "Ivan Petrov", PartyKind.person, ("1961",)),
            listing("other", "Ivan Petrova", PartyKind.person, ("1975",)),
        ]
    )
    day = dt.date(2026, 11, 26)
    plain = batch.best_hit(index, batch.Row("Ivan Petrov", None, None, None), day, 0.85)
    first = index.search(Query("Ivan Petrov"), limit=5, min_score=0.5, explain=False)[0]
    assert plain is not None
    assert plain[2] == first.listing.id == "t:man"
    assert plain[3] == round(first.score, 4)
    company = batch.best_hit(index, batch.Row("Ivan Petrov", None, "Company", None), day, 0.85)
    assert company is not None
    assert company[2] == "t:firm"  # the persons passed over
    born = batch.best_hit(index, batch.Row("Ivan Petrov", None, "Person", "1975"), day, 0.85)
    assert born is not None
    assert born[2] == "t:other"  # 1961 is not 1975: lowered below it


def test_a_malformed_csv_file_is_named_and_nothing_is_screened(
    loaded_ctx: Context, tmp_path: Path
) -> None:
    """A quote left open would have the rest of the file read as one name; a value holding the
    delimiter unquoted gives a row more fields than the header, which would be lost."""
    for text, where, reason in (
        ('name,ref\nLockheed Martin,1\n"Acme, Bakery,2\nHuawei,3\n', "row 2", "unexpected end"),
        ('name,ref\n"Acme" Bakery,1\n', "row 1", "expected after"),
        ("name,ref\nLockheed Martin,1\nAcme, Bakery,2\n", "row 2", "3 fields where the header"),
    ):
        source = tmp_path / "in.csv"
        source.write_text(text, "utf-8")
        with pytest.raises(InvalidInput, match="nothing was screened") as caught:
            batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
        [problem] = caught.value.problems
        assert problem.field == where, text
        assert reason in problem.reason, text
        assert list(tmp_path.iterdir()) == [source]


def test_a_csv_file_is_read_and_written_in_its_encoding(
    loaded_ctx: Context, tmp_path: Path
) -> None:
    """UTF-16 by its byte-order mark (Excel's Unicode Text); GB18030, as a Chinese Excel saves
    CSV, when asked for; a byte the encoding cannot read is named, with the way to read it."""
    text = "name,ref\n洛克希德·马丁公司,1\n"
    source = tmp_path / "in.csv"
    source.write_bytes(text.encode("gb18030"))
    with pytest.raises(InvalidInput, match="cannot be read as utf-8") as caught:
        batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
    assert "--encoding gb18030" in caught.value.problems[0].reason
    report = batch.screen_file(loaded_ctx, source, tmp_path / "out.csv", encoding="gb18030")
    assert (report.rows, report.matches) == (1, 1)
    written = (tmp_path / "out.csv").read_bytes().decode("gb18030")
    assert written.splitlines()[1].startswith("洛克希德·马丁公司,1,")
    source.write_bytes(text.replace(",", "\t").encode("utf-16"))  # a mark: UTF-16 whatever asked
    report = batch.screen_file(loaded_ctx, source, tmp_path / "out.csv", encoding="gb18030")
    assert (report.rows, report.matches) == (1, 1)
    assert (tmp_path / "out.csv").read_bytes().decode("utf-16").startswith("name\tref\t")
    with pytest.raises(InvalidInput, match="unknown encoding"):
        batch.screen_file(loaded_ctx, source, tmp_path / "out.csv", encoding="klingon")


def test_a_file_that_is_not_parquet_is_named(loaded_ctx: Context, tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    source.write_text("name\nAcme\n", "utf-8")
    with pytest.raises(InvalidInput, match="not a Parquet file") as caught:
        batch.screen_file(loaded_ctx, source, tmp_path / "out.csv")
    assert caught.value.problems[0].file == "in.parquet"
    assert list(tmp_path.iterdir()) == [source]
