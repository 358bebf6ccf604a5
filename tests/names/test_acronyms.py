"""Acronyms (`veu.names.acronyms`): a name's own in parentheses, screened as a name of the party;
the defence-industrial groups' and forces' written out wherever they occur."""

from __future__ import annotations

import pytest

from veu.matching import Entity, Query, ScreeningIndex, score_entities
from veu.model import Listing, Name
from veu.names import normalise
from veu.names.acronyms import GROUP_ACRONYMS, expand_acronyms, own_acronym, parenthesised

MATCH, REVIEW = 0.85, 0.70


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Khan Research Laboratories (KRL)", "KRL"),
        ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)", "IRGC"),
        ("China Academy of Engineering Physics (CAEP)", "CAEP"),  # "of" skipped
        ("AVIC Flight Automatic Control Research Institute (FACRI)", "FACRI"),  # the group's
        ("Aviation Industry Corporation of China (AVIC)", "AVIC"),  # more than an initial
        ("China North Industries Corporation (NORINCO)", "NORINCO"),
        ("Advanced Targeting Systems Company, LLC (ATS)", "ATS"),
    ],
)
def test_an_acronym_spelt_by_the_names_words_is_read(name: str, acronym: str) -> None:
    assert own_acronym(name) == acronym


@pytest.mark.parametrize(
    "name",
    [
        "ABAR PETROLEUM SERVICE SAL (OFFSHORE)",  # a word, not the name's acronym
        "ASIA ENERGY GENERAL TRADING (LLC)",  # a legal form
        "China Electronics (CHINA)",  # one word of the name is not an acronym
        "Huawei Technologies (HT)",  # two letters stand for too many names
        "Khan Research Laboratories (KRL) Pakistan",  # not at the end
        "Khan Research Laboratories",
        "ATLAS OCEAN AND PETROCHEMICAL (AOPC)",  # no word for its C
    ],
)
def test_other_parentheses_are_not(name: str) -> None:
    assert own_acronym(name) is None


@pytest.mark.parametrize(
    ("name", "added"),
    [  # as the SDN list and the CSL write them
        ("Khan Research Laboratories (KRL)", ["Khan Research Laboratories", "KRL"]),
        ("Closed Joint Stock Company Surgutneftegasbank (ZAO SNGB)",
         ["Closed Joint Stock Company Surgutneftegasbank", "SNGB"]),
        ("JSC Central Research Institute of Machine Building (JSC TsNIIMash)",
         ["JSC Central Research Institute of Machine Building", "TsNIIMash"]),
        ("Raneen Wireless Development Systems Company (RWDS, LLC)",
         ["Raneen Wireless Development Systems Company", "RWDS"]),
        ("Gazprom Dobycha Irkutsk, OOO (f.k.a., Otkrytoe Aktsionernoe Obshchestvo Irkutskgazprom)",
         ["Gazprom Dobycha Irkutsk, OOO", "Otkrytoe Aktsionernoe Obshchestvo Irkutskgazprom"]),
        ("Far East Trading Company, Inc. (a.k.a. FETCO, Inc.)",
         ["Far East Trading Company, Inc.", "FETCO, Inc."]),
        ("ACME TRADING (formerly known as ACME IMPORT)", ["ACME TRADING", "ACME IMPORT"]),
        ("Mexpar International, Inc. (a.k.a. Pasadena Aerospace; Aviation Logistics and Supply)",
         ["Mexpar International, Inc.", "Pasadena Aerospace", "Aviation Logistics and Supply"]),
        ("ASMAT (APPLIED SYSTEMS METHODS AND TECHNOLOGY)",
         ["ASMAT", "APPLIED SYSTEMS METHODS AND TECHNOLOGY"]),
        # parentheses that qualify the name: the name without them is another party's
        ("IMAM KHOMEINI RELIEF COMMITTEE (LEBANON BRANCH)", []),
        ("ABAR PETROLEUM SERVICE SAL (OFFSHORE)", []),
        ("ASIA ENERGY GENERAL TRADING (LLC)", []),
        ("Markel Closed Joint Stock Company (Markel CJSC)", []),  # a word, not an abbreviation
        ("SOCCER ZONE (MNC GROUP INTERNATIONAL, INC.)", []),
        ("Rostec (Russian Technologies State Corporation)", []),  # Rostec spells no words' start
        ("Acme (a.k.a.)", []),
    ],
)  # fmt: skip
def test_trailing_parentheses_add_the_names_they_hold(name: str, added: list[str]) -> None:
    assert parenthesised(name) == added


def listing(i: int, *names: str) -> Listing:
    return Listing(
        id=f"t:{i}", list_id="t", party_id=f"t:{i}", names=tuple(Name(value=n) for n in names)
    )


def test_screening_the_acronym_finds_the_party() -> None:
    index = ScreeningIndex(
        [
            listing(1, "Khan Research Laboratories (KRL)"),
            listing(2, "China Academy of Engineering Physics (CAEP)"),
            listing(3, "ABAR PETROLEUM SERVICE SAL (OFFSHORE)"),
        ]
    )
    hits = index.search(Query(name="KRL"), min_score=MATCH)
    assert [(h.listing.id, h.matched_name) for h in hits] == [("t:1", "KRL")]
    assert [h.listing.id for h in index.search(Query(name="CAEP"), min_score=MATCH)] == ["t:2"]
    # the full name still matches as written, and a word in parentheses is no name of its own
    assert index.search(Query(name="Khan Research Laboratories"), min_score=MATCH)
    assert not index.search(Query(name="Offshore"), min_score=MATCH)


def test_screening_a_name_the_parentheses_hold_finds_the_party() -> None:
    index = ScreeningIndex(
        [
            listing(1, "Closed Joint Stock Company Surgutneftegasbank (ZAO SNGB)"),
            listing(2, "Gazprom Dobycha Irkutsk, OOO (f.k.a., Otkrytoe Aktsionernoe Obshchestvo "
                    "Irkutskgazprom)"),
            listing(3, "IMAM KHOMEINI RELIEF COMMITTEE (LEBANON BRANCH)"),
        ]
    )  # fmt: skip

    def found(text: str) -> list[tuple[str, float]]:
        return [(h.listing.id, h.score) for h in index.search(Query(name=text), min_score=MATCH)]

    assert found("SNGB") == [("t:1", 1.0)]
    assert found("Joint Stock Company Surgutneftegasbank") == [("t:1", 1.0)]
    assert found("Irkutskgazprom OAO") == [("t:2", 1.0)]
    assert found("Gazprom Dobycha Irkutsk") == [("t:2", 1.0)]
    assert found("Imam Khomeini Relief Committee") == []  # the branch is not the committee


def test_a_query_is_also_searched_by_the_names_its_parentheses_hold() -> None:
    index = ScreeningIndex(
        [listing(1, "JOINT STOCK COMPANY SURGUTNEFTEGASBANK"), listing(2, "SNGB Partners")]
    )
    query = Query(name="Closed Joint Stock Company Surgutneftegasbank (ZAO SNGB)")
    hits = index.search(query, min_score=0.5)
    assert (hits[0].listing.id, hits[0].score) == ("t:1", 1.0)
    assert hits[0].explanation["query_name"] == "Closed Joint Stock Company Surgutneftegasbank"
    assert [h.listing.id for h in index.search(query, min_score=MATCH)] == ["t:1"]
    assert index.search(query, limit=1, explain=False)[0].explanation == {}
    # not by an acronym alone, which another party may have
    index = ScreeningIndex([listing(1, "PARCHIN CHEMICAL INDUSTRIES", "PCI")])
    query = Query(name="Pentane Chemistry Industries (PCI)")
    assert not index.search(query, min_score=MATCH)


def test_entities_are_scored_with_their_acronyms() -> None:
    def company(name: str) -> Entity:
        return Entity.model_validate({"schema": "Company", "properties": {"name": [name]}})

    listed = company("Khan Research Laboratories (KRL)")
    assert score_entities(listed, company("KRL")).score >= MATCH
    assert score_entities(listed, company("KRT")).score < REVIEW


def test_a_name_of_many_words_beginning_alike_is_read_at_once() -> None:
    # Every way of spelling the acronym from 24 words beginning with A was tried one by one.
    assert own_acronym(" ".join(["Alpha"] * 24) + " (AAAAAAAAAAAZ)") is None
    assert own_acronym(" ".join(["Alpha"] * 24) + " (AAAAAAAAAAAA)") == "AAAAAAAAAAAA"
    # a hostile list file's name of thousands of words is no name with its acronym
    assert own_acronym("A " * 5000 + "(AAAAAAAAAAAA)") is None
    assert parenthesised("A " * 5000 + "(AAAAAAAAAAAA)") == []


def test_each_group_acronym_is_spelt_by_its_names_words() -> None:
    # NWPU: Northwestern Polytechnical University, its N and W from one word.
    for acronym, name in GROUP_ACRONYMS.items():
        if acronym != "NWPU":
            assert own_acronym(f"{name} ({acronym})") == acronym, name


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("CETC 38th Research Institute", "China Electronics Technology Group Corporation 38th "
         "Research Institute"),
        ("Cetc 38th", "China Electronics Technology Group Corporation 38th"),  # any case
        ("AVIC-Chengdu", "Aviation Industry Corporation of China-Chengdu"),
        ("PLA", "People's Liberation Army"),
        ("PLA Unit 61398", "People's Liberation Army Unit 61398"),
        ("Chinese PLA General Hospital", "Chinese People's Liberation Army General Hospital"),
        ("PLA 61398", "People's Liberation Army 61398"),
        ("PLA NAVY", "People's Liberation Army NAVY"),
        ("PLA Materials Co Ltd", "PLA Materials Co Ltd"),  # the plastic: not a unit's word
        ("Josep PLA", "Josep PLA"),  # Pla is a surname: last after another word
        ("PLA, Josep", "PLA, Josep"),  # before a comma
        ("Pla Unit", "Pla Unit"),  # not in capitals
        ("SPLA in Opposition", "SPLA in Opposition"),  # inside a longer word
        ("AVICENNA Ltd", "AVICENNA Ltd"),
        ("Cascade Systems", "Cascade Systems"),
        # acronyms of others too: Spain's research council, and its cancer association
        ("CSIC Instituto de Ciencia de Materiales", "CSIC Instituto de Ciencia de Materiales"),
        ("AECC Asociacion Espanola Contra el Cancer", "AECC Asociacion Espanola Contra el Cancer"),
    ],
)  # fmt: skip
def test_group_acronyms_are_written_out(text: str, expanded: str) -> None:
    assert expand_acronyms(text) == expanded


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("CETC 38th Research Institute",
         "China Electronics Technology Group Corporation 38th Research Institute"),
        ("AVIC Chengdu Aircraft Industrial (Group) Co. Ltd.",
         "Aviation Industry Corporation of China Chengdu Aircraft Industrial Group"),
        ("CASIC Second Academy", "China Aerospace Science and Industry Corporation 2nd Academy"),
        ("PLA Unit 61398", "People's Liberation Army Unit 61398"),
        ("中国人民解放军61398部队", "PLA Unit 61398"),
        ("NORINCO", "CHINA NORTH INDUSTRIES GROUP CORPORATION LIMITED"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
    ],
)  # fmt: skip
def test_a_unit_written_with_its_groups_acronym_or_without_matches(left: str, right: str) -> None:
    # veu-names/8 scored these 0.43 to 0.72
    def company(name: str) -> Entity:
        return Entity.model_validate({"schema": "Company", "properties": {"name": [name]}})

    assert score_entities(company(left), company(right)).score >= MATCH


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("CETC 38th Research Institute", "CETC 14th Research Institute"),
        ("CETC 38th Research Institute", "China Electronics Technology Group Corporation"),
        ("PLA Unit 61398", "PLA Unit 61486"),
        ("AVIC Chengdu Aircraft Industrial", "CASIC Chengdu Engine Company"),
    ],
)
def test_units_of_a_group_stay_apart(left: str, right: str) -> None:
    assert (
        score_entities(
            Entity.model_validate({"schema": "Company", "properties": {"name": [left]}}),
            Entity.model_validate({"schema": "Company", "properties": {"name": [right]}}),
        ).score
        < MATCH
    )


def test_a_person_named_pla_is_not_the_army() -> None:
    assert normalise("Josep PLA").tokens == ("josep", "pla")
    person = Entity.model_validate({"schema": "Person", "properties": {"name": ["Josep PLA"]}})
    army = Entity.model_validate({"schema": "Organization", "properties": {"name": ["PLA"]}})
    assert score_entities(person, army).score < REVIEW


def test_the_index_finds_a_unit_written_the_other_way() -> None:
    index = ScreeningIndex(
        [
            listing(1, "China Electronics Technology Group Corporation 38th Research Institute"),
            listing(2, "CETC 14th Research Institute"),
        ]
    )
    hits = index.search(Query(name="CETC 38th Research Institute"), min_score=MATCH)
    assert [h.listing.id for h in hits] == ["t:1"]
    hits = index.search(
        Query(name="China Electronics Technology Group 14th Research Institute"), min_score=MATCH
    )
    assert [h.listing.id for h in hits] == ["t:2"]
