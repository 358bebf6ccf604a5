"""What every importer shares: the outcome and report types, decoding, ids, dates in paths."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veu.errors import InvalidInput, Problem
from veu.model import ListInfo, Listing, Name, StatusEvent
from veu.names import normalise


@dataclass(frozen=True)
class StatusUpdate:
    """A status event for every listing made by one announcement (``list_id`` + ``document``)."""

    list_id: str
    document: str  # "<year>-<number>", the second part of the listing id
    event: StatusEvent


def listing_document(listing: Listing) -> str | None:
    """The announcement part of an announcement-based listing id (``cn-ecl:2025-21:cubic``)."""
    parts = listing.id.split(":")
    return parts[1] if len(parts) >= 3 else None


def apply_updates(listings: Iterable[Listing], updates: Iterable[StatusUpdate]) -> list[Listing]:
    """Add each update's event to the listings of its announcement, once (re-applying is a
    no-op), keeping each history in date order."""
    by_doc: dict[tuple[str, str], list[StatusEvent]] = defaultdict(list)
    for update in updates:
        by_doc[(update.list_id, update.document)].append(update.event)
    out = []
    for listing in listings:
        events = by_doc.get((listing.list_id, listing_document(listing) or ""), [])
        history = list(listing.history)
        for event in events:
            if not any(
                (event.status, event.start, event.until) == (e.status, e.start, e.until)
                for e in history
            ):
                history.append(event)
        if len(history) != len(listing.history):
            history.sort(key=lambda e: (e.start, e.status))
            listing = listing.model_copy(update={"history": tuple(history)})
        out.append(listing)
    return out


@dataclass
class ParsedList:
    """The complete content of one list as read from a source."""

    info: ListInfo
    data_date: dt.date | None  # None: the file does not say; the caller decides
    listings: list[Listing]
    merge: bool = False  # True: adds to the list's current content instead of replacing it
    updates: list[StatusUpdate] = field(default_factory=list)  # applied again after a merge
    records: list[Any] = field(default_factory=list)  # entries of a non-listing dataset

    def entries(self) -> list[Any]:
        return self.listings if self.info.dataset == "listings" else self.records

    def merged_with(self, existing: Iterable[Any]) -> list[Any]:
        """The dataset's new content given its current entries: for a merging source, the union
        (new entries replacing old ones with the same id), with status updates applied to
        listings."""
        if not self.merge:
            return list(self.entries())
        combined = {entry.id: entry for entry in existing}
        combined.update((entry.id, entry) for entry in self.entries())
        values = list(combined.values())
        if self.info.dataset == "listings":
            values = apply_updates(values, self.updates)
        return sorted(values, key=lambda item: str(item.id))


@dataclass
class ImportReport:
    source: str
    files: list[str] = field(default_factory=list)
    rows: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def reject(
        self, reason: str, *, file: str | None, line: int | None, field_name: str | None = None
    ) -> None:
        self.rejected.append(Problem(reason=reason, file=file, line=line, field=field_name))

    def warn(self, reason: str, *, file: str | None, line: int | None = None) -> None:
        self.warnings.append(Problem(reason=reason, file=file, line=line))

    @property
    def reject_share(self) -> float:
        """Rejected records over records read (all rejected when none could be read)."""
        if not self.rejected:
            return 0.0
        return min(1.0, len(self.rejected) / self.rows) if self.rows else 1.0


@dataclass
class ParseOutcome:
    lists: list[ParsedList]
    report: ImportReport


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"cannot read {path}: {exc.strerror}",
            [Problem(reason=str(exc.strerror), file=str(path))],
        ) from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InvalidInput(
                f"{path} is not a valid gzip file", [Problem(reason=str(exc), file=str(path))]
            ) from exc
    return data


def _trimmed(path: Path) -> bytes:
    """A file's bytes, gzip undone, its BOM and the DOS end-of-file byte dropped."""
    data = read_bytes(path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.rstrip(b"\x1a\r\n") + b"\n" if data.rstrip(b"\x1a\r\n") else b""


# C1 control characters a list wrote for Windows-1252's (a text read as Latin-1, then written as
# UTF-8: the CSL's Xi\x92an is Xi’an), as those; the five Windows-1252 leaves undefined stay.
_C1_AS_CP1252 = {
    code: char
    for code in range(0x80, 0xA0)
    if (char := bytes([code]).decode("cp1252", errors="ignore"))
}
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")  # looked for in the bytes: most files have none


def read_text(path: Path) -> str:
    """Text of a list file: gzip undone, BOM and the DOS end-of-file byte dropped, UTF-8 (or
    Windows-1252 for older files that are not UTF-8, as OFAC's were), its C1 control characters
    read as the Windows-1252 characters they stand for (`_C1_AS_CP1252`)."""
    data = _trimmed(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
    return text.translate(_C1_AS_CP1252) if _C1_IN_UTF8.search(data) else text


def read_utf8(path: Path) -> str:
    """Text of a file in one of veu's own formats (YAML, JSON, JSON lines: a registry, entities,
    a shipment, an application), which are UTF-8: gzip undone, BOM dropped; a byte that is not
    UTF-8 is named with its line, not read as another encoding would (a file saved in GB18030
    read so had its Chinese names stored garbled)."""
    data = _trimmed(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1]
        raise InvalidInput(
            f"{path.name} is not UTF-8: nothing was read",
            [
                Problem(
                    f"byte {byte!r} is not UTF-8 (save the file as UTF-8)",
                    file=path.name,
                    line=line,
                )
            ],
        ) from None


def file_digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(read_bytes(p))
    return h.hexdigest()


_DATE_IN_PATH = re.compile(r"(20\d\d|19\d\d)-(\d\d)(?:-(\d\d))?")


def date_in_path(path: Path) -> dt.date | None:
    """A date written in the path (``.../2024-05-03/sdn.csv``, ``2022-05``), if any."""
    for part in reversed(path.resolve().parts):
        m = _DATE_IN_PATH.search(part)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
            except ValueError:
                continue
    return None


def name_key(name: str) -> str:
    """A stable key for a party name: its normalised skeleton (or Han), else a hash."""
    normal = normalise(name)
    key = normal.skeleton or normal.han
    if key:
        return key[:80]
    return hashlib.sha1(name.encode()).hexdigest()[:16]


def split_outside_brackets(text: str, separator: str) -> list[str]:
    """``text`` parted at each ``separator`` outside brackets, ASCII or full-width (a closing
    bracket without its opening one, as in ``b)``, closes nothing), each part stripped, the
    empty ones left out."""
    parts: list[str] = []
    depth = start = 0
    for k, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch == separator and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def unique_names(names: Iterable[Name]) -> list[Name]:
    """``names`` with each value once, as first given (a primary name before its aliases)."""
    seen: set[str] = set()
    out = []
    for n in names:
        if n.value not in seen:
            seen.add(n.value)
            out.append(n)
    return out


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%d %b %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_xml(data: bytes, file: str) -> ET.Element:
    """The root of an XML document; malformed XML is refused with its file and line."""
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InvalidInput(
            f"{file} is not well-formed XML", [Problem(str(exc), file=file, line=exc.position[0])]
        ) from exc
