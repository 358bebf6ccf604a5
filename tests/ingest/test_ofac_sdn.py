from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, FIXTURES
from veu.ingest import ofac_sdn
from veu.ingest.sdn_remarks import iso_dob, parse_remarks
from veu.model import PartyKind

SDN_2024 = DATA / "ofac_sdn" / "2024-05-03" / "sdn.csv"


@pytest.fixture(scope="module")
def sdn_2024() -> dict[str, object]:
    outcome = ofac_sdn.parse(SDN_2024, dt.date(2024, 5, 3))
    return {"outcome": outcome, "by_id": {item.id: item for item in outcome.lists[0].listings}}


def test_primary_file_alone_reads_every_entry(sdn_2024: dict) -> None:
    outcome = sdn_2024["outcome"]
    assert outcome.report.rows == 14965
    assert outcome.report.rejected == []
    assert len(outcome.lists[0].listings) == 14965
    assert outcome.lists[0].data_date == dt.date(2024, 5, 3)


def test_remarks_give_aliases_programs_and_links(sdn_2024: dict) -> None:
    by_id = sdn_2024["by_id"]
    bank = by_id["us-ofac-sdn:306"]
    assert [n.value for n in bank.names] == ["BANCO NACIONAL DE CUBA", "BNC"]
    assert bank.names[1].role == "alias"
    assert bank.kind == PartyKind.company
    nasrallah = by_id["us-ofac-sdn:2686"]
    assert nasrallah.kind == PartyKind.person
    assert nasrallah.programs == ("SDGT", "SYRIA")
    assert [r.target_name for r in nasrallah.relations] == ["HIZBALLAH"]
    assert nasrallah.birth_dates[0] == "1960-08-31"
    iran = by_id["us-ofac-sdn:4632"]
    assert {r.target_name for r in iran.relations} == {
        "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE",
        "HIZBALLAH",
    }


def test_identifiers_from_remarks(sdn_2024: dict) -> None:
    listings = sdn_2024["by_id"].values()
    uscc = [i for item in listings for i in item.identifiers if i.scheme == "uscc"]
    assert uscc
    assert all(i.country == "CN" for i in uscc)
    assert all(item.identifiers[0].scheme == "ofac" for item in listings)


def test_companion_files_add_addresses_aliases_and_overflow_remarks() -> None:
    outcome = ofac_sdn.parse(FIXTURES / "ofac_sdn_2021-07", dt.date(2021, 7, 1))
    assert outcome.report.rejected == []
    by_id = {item.id: item for item in outcome.lists[0].listings}
    assert len(by_id) == 9
    bank = by_id["us-ofac-sdn:306"]
    assert "NATIONAL BANK OF CUBA" in [n.value for n in bank.names]
    assert any(a.country == "CH" for a in bank.addresses)
    # sdn_comments.csv continues the remarks: its Linked To names are read
    lazarus = by_id["us-ofac-sdn:28263"]
    assert "LAZARUS GROUP" in [r.target_name for r in lazarus.relations]
    assert len(by_id["us-ofac-sdn:12300"].relations) > 10


def test_the_dos_eof_byte_and_null_markers(tmp_path: Path) -> None:
    raw = (FIXTURES / "ofac_sdn_2021-07" / "sdn.csv").read_bytes()
    assert raw.endswith(b"\x1a")
    outcome = ofac_sdn.parse(FIXTURES / "ofac_sdn_2021-07" / "sdn.csv", dt.date(2021, 7, 1))
    aero = next(item for item in outcome.lists[0].listings if item.id.endswith(":36"))
    assert aero.remarks is None  # "-0- " is null
    assert aero.programs == ("CUBA",)


def test_malformed_rows_are_reported_with_line_and_reason(tmp_path: Path) -> None:
    folder = tmp_path / "sdn"
    shutil.copytree(FIXTURES / "ofac_sdn_2021-07", folder)
    lines = (folder / "sdn.csv").read_bytes().rstrip(b"\x1a").decode().split("\r\n")
    lines.insert(2, '99999,"BROKEN ROW",-0- ')  # too few columns
    lines.insert(3, 'abc,"NOT A NUMBER",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ')
    lines.insert(4, '99998,"",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ')
    lines.insert(5, '99997,"X",spaceship,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ')
    (folder / "sdn.csv").write_text("\r\n".join(lines))
    outcome = ofac_sdn.parse(folder, dt.date(2021, 7, 1))
    problems = {(p.line, p.reason) for p in outcome.report.rejected}
    assert problems == {
        (3, "expected 12 columns, found 3"),
        (4, "ent_num 'abc' is not a number"),
        (5, "the entry has no name"),
        (6, "unknown SDN_Type 'spaceship'"),
    }
    assert all(p.file == "sdn.csv" for p in outcome.report.rejected)
    assert len(outcome.lists[0].listings) == 9


def test_dob_formats() -> None:
    assert iso_dob("10 Dec 1948") == "1948-12-10"
    assert iso_dob("Dec 1948") == "1948-12"
    assert iso_dob("circa 1951") == "1951"
    assert iso_dob("1955 to 1958") == "1955 to 1958"


def test_remarks_parser_on_a_real_remark() -> None:
    remarks = parse_remarks(
        "DOB 09 Feb 1951; POB Gaza, Egypt; Passport 92/664 (Egypt); SSN 523-33-8386 "
        "(United States); a.k.a. 'ABU-'UMAR'; nationality Egypt; Linked To: HAMAS."
    )
    assert [n.value for n in remarks.names] == ["ABU-'UMAR"]
    assert remarks.birth_dates == ["1951-02-09"]
    assert remarks.nationalities == ["EG"]
    assert [(i.scheme, i.value, i.country) for i in remarks.identifiers] == [
        ("passport", "92/664", "EG")
    ]
    assert [r.target_name for r in remarks.relations] == ["HAMAS"]
