from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import DATA, FIXTURES
from veu.ingest import csl
from veu.model import ListingState

CSL_2022 = DATA / "trade_gov_csl" / "2022-05" / "consolidated.csv.gz"


@pytest.fixture(scope="module")
def outcome_2022() -> csl.ParseOutcome:
    return csl.parse(CSL_2022)


def test_every_source_becomes_a_list(outcome_2022: csl.ParseOutcome) -> None:
    counts = {p.info.id: len(p.listings) for p in outcome_2022.lists}
    assert counts["us-csl-el"] == 2001
    assert counts["us-csl-meu"] == 71
    assert counts["us-csl-dpl"] == 462
    assert counts["us-csl-uvl"] == 201
    assert counts["us-csl-cmic"] == 68
    assert sum(counts.values()) == 14159
    # the data date is the newest start_date when none is given
    assert {p.data_date for p in outcome_2022.lists} == {dt.date(2022, 4, 21)}


def test_a_duplicate_record_is_rejected_with_its_line(outcome_2022: csl.ParseOutcome) -> None:
    [problem] = outcome_2022.report.rejected
    assert problem.reason == "_id 15268 appears twice in CAP"
    assert problem.file == "consolidated.csv.gz"
    assert problem.line == 1980


def test_meu_entry_keeps_its_measures_and_country(outcome_2022: csl.ParseOutcome) -> None:
    meu = {
        item.primary_name: item
        for p in outcome_2022.lists
        if p.info.id == "us-csl-meu"
        for item in p.listings
    }
    aecc = meu["AECC Aero Science & Technology Co. Ltd."]
    assert aecc.countries == ("CN",)
    assert aecc.source.number == "85 FR 83799"
    assert aecc.listed_on == dt.date(2020, 12, 23)
    assert "supplement no. 2 to part 744" in aecc.measures[0]


def test_entity_list_aliases(outcome_2022: csl.ParseOutcome) -> None:
    el = [item for p in outcome_2022.lists if p.info.id == "us-csl-el" for item in p.listings]
    hygon = next(item for item in el if item.primary_name == "Chengdu Haiguang Integrated Circuit")
    assert [n.value for n in hygon.names[1:]] == ["Hygon", "Chengdu Haiguang Jincheng Dianlu Sheji"]


def test_the_and_before_the_last_alias_is_no_part_of_it(outcome_2022: csl.ParseOutcome) -> None:
    """The CSL writes ``NEDI Technology; NTESY; and Nanjing Nade Technology``."""
    el = [item for p in outcome_2022.lists if p.info.id == "us-csl-el" for item in p.listings]
    dji = next(item for item in el if item.primary_name == "DJI")
    assert "Da-Jiang Innovations" in [n.value for n in dji.names]
    aliases = [n.value for item in el for n in item.names]
    assert not [a for a in aliases if a.startswith("and ")]
    assert csl._aliases("A; B; and C") == ["A", "B", "C"]
    assert csl._aliases("AND Technology; Anderson Ltd") == ["AND Technology", "Anderson Ltd"]


def test_a_name_that_says_what_else_the_party_is_known_as_is_parted(
    outcome_2022: csl.ParseOutcome,
) -> None:
    """The Entity List writes some of its parties' other names, and former names, inside a name:
    each is a name of its own (screening Yichang Institute of Testing Technology found it at 0.63
    before; Otkrytoe Aktsionernoe Obshchestvo Irkutskgazprom is a former name)."""
    names = {
        n.value: (x.primary_name, n.role)
        for p in outcome_2022.lists
        for x in p.listings
        for n in x.names
    }
    assert names["Yichang Institute of Testing Technology"][1] == "alias"
    assert names["Pasadena Aerospace"] == ("Mexpar International, Inc.", "alias")
    assert names["Mexpar International, Inc."][1] == "primary"
    assert names["Otkrytoe Aktsionernoe Obshchestvo Irkutskgazprom"] == (
        "Gazprom Dobycha Irkutsk, OOO",
        "former",
    )
    assert not [n for n in names if re.search(r"(?i)\b[af]\.k\.a\b", n)]


def test_a_party_named_inside_what_the_list_says_of_it_has_its_own_name(
    outcome_2022: csl.ParseOutcome,
) -> None:
    """A subordinate institution written after its parent is a name of its own: Bowei Integrated
    Circuits scored 0.61 beside China Electronics Technology Group Corporation 13th Research
    Institute (CETC 13). Subordinate Institution - Bowei Integrated Circuits, below review; one
    whose name begins with a number keeps its parent's (23rd Research Institute is not CASIC's
    alone). So do a party written with its successors, and one noted as a subordinate institute
    or an individual. The names as the list writes them are kept."""
    names = {
        n.value: x.primary_name for p in outcome_2022.lists for x in p.listings for n in x.names
    }
    cetc = "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)."
    assert (
        names["Bowei Integrated Circuits"]
        == f"{cetc}  Subordinate Institution - Bowei Integrated Circuits"
    )
    assert "China Aerospace Science and Industry Corporation Second Academy 283 Factory" in names
    assert "283 Factory" not in names
    assert "Guangzhou Hongyu Technology Co., Ltd." in names
    assert "Kata'ib Hezbollah" in names
    assert "Igor Aleksandrovich Michurin" in names


@pytest.mark.parametrize(
    ("name", "written", "others"),
    [
        ("Far East Co. (a.k.a. FETCO, Inc.)", "Far East Co.", [("FETCO, Inc.", "alias")]),
        ("A Institute, a.k.a., B Institute", "A Institute", [("B Institute", "alias")]),
        ("PEARL (A.K.A. NEI-CHIEN CHU) LI", "PEARL LI", [("NEI-CHIEN CHU", "alias")]),
        ("Ri Sung Chol (aka Ri Song) (DPRK individual)", "Ri Sung Chol", [("Ri Song", "alias")]),
        ("X Co (a.k.a. Y; Z)", "X Co", [("Y", "alias"), ("Z", "alias")]),
        ("LTS Holding Limited (f.k.a. IPP Ltd.)", "LTS Holding Limited", [("IPP Ltd.", "former")]),
        ("f.k.a. Sibirskaya Neftyanaya OAO", None, [("Sibirskaya Neftyanaya OAO", "former")]),
        ("Lebanese Hizballah and any successor, sub-unit, or subsidiary thereof",
         "Lebanese Hizballah and any successor, sub-unit, or subsidiary thereof",
         [("Lebanese Hizballah", "alias")]),
        # aka is a word of the name unless after a bracket
        ("AKA INTEGRAL SERVICES, S.A. DE C.V.", "AKA INTEGRAL SERVICES, S.A. DE C.V.", []),
        ("MAZAKA GENERAL TRADING L.L.C.", "MAZAKA GENERAL TRADING L.L.C.", []),
        ("Osaka Aka Trading", "Osaka Aka Trading", []),
        # a description, not a name, is no name
        ("P Commission (PC), and subordinate entity Nuclear reactors (including plants), fuel",
         "P Commission (PC), and subordinate entity Nuclear reactors (including plants), fuel",
         []),
    ],
)  # fmt: skip
def test_names_in(name: str, written: str | None, others: list[tuple[str, str]]) -> None:
    assert csl.names_in(name) == (written, others)


def test_end_dates_become_expiry(outcome_2022: csl.ParseOutcome) -> None:
    dpl = [item for p in outcome_2022.lists if p.info.id == "us-csl-dpl" for item in p.listings]
    ended = [item for item in dpl if item.history and item.history[0].status == "expired"]
    assert ended
    sample = ended[0]
    assert sample.status_on(sample.history[0].start).state == ListingState.expired


def test_treasury_rows_share_the_ofac_party(outcome_2022: csl.ParseOutcome) -> None:
    sdn = [item for p in outcome_2022.lists if p.info.id == "us-csl-sdn" for item in p.listings]
    assert all(item.party_id.startswith("ofac:") for item in sdn)
    assert any(i.scheme == "passport" for item in sdn for i in item.identifiers)


def test_repeated_header_row_is_skipped_with_a_warning() -> None:
    outcome = csl.parse(FIXTURES / "csl_2023-11_head.csv")
    assert [(w.line, w.reason) for w in outcome.report.warnings] == [
        (2, "repeated header row skipped")
    ]
    assert outcome.report.rows == 40
    assert outcome.report.rejected == []


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,source,title\n1,x,y\n")
    outcome = csl.parse(path)
    assert outcome.lists == []
    assert outcome.report.rejected[0].reason == "missing column(s): _id, name"


def test_parse_ids() -> None:
    ids = csl.parse_ids(
        "QA, 28940000602, National ID No.; JO, 2014-08-30, 2009-08-31, K475336, "
        "Passport; Male, Gender"
    )
    assert [(i.scheme, i.value, i.country) for i in ids] == [
        ("national_id", "28940000602", "QA"),
        ("passport", "K475336", "JO"),
    ]
