"""Properties of name scoring over many generated names (veu-names/5): two generations of an
Arabic name, two branches of a company in two countries, a legal form cut short at any letter."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from veu.countries import country_words
from veu.matching import score_names
from veu.matching.tokens import token_similarity
from veu.names import normalise

MATCH, REVIEW = 0.85, 0.70

# Given names and family names as the SDN list writes them.
GIVEN = (
    "Muhammad", "Abdallah", "Faisal", "Ibrahim", "Sulayman", "Hajjaj", "Fahad", "Rashid",
    "Mahmud", "Salman", "Hasan", "Ahmad", "Umar", "Khalid", "Walid", "Yusuf", "Hamid", "Tariq",
    "Nasir", "Zayd", "Bakr", "Jamal", "Mansur", "Karim",
)  # fmt: skip
FAMILY = (
    "al-Rawi", "al-Ahdal", "al-Habsi", "al-Ajmi", "al-Nuaymi", "al-Tikriti", "al-Masri",
    "al-Zahrani",
)  # fmt: skip
# Companies of the Entity List and the SDN list that have branches abroad.
COMPANIES = (
    "Huawei Technologies",
    "Huawei Cloud",
    "Raytheon",
    "Corad Technology",
    "Bank VTB",
    "Havanatur",
    "Central Bank of",
)
COUNTRIES = sorted(country_words())


def score(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b)).score


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(GIVEN), st.sampled_from(GIVEN), st.sampled_from(FAMILY))
def test_own_and_fathers_names_swapped_never_match(own: str, father: str, family: str) -> None:
    assume(token_similarity(own.lower(), father.lower()) < 0.85)
    swapped = score(f"{own} bin {father} {family}", f"{father} bin {own} {family}")
    assert REVIEW <= swapped < MATCH  # the same words: a person looks, it is not a match
    # Written surname first, as the SDN list writes it, it is still two generations.
    family_first = score(f"{family.upper()}, {own} bin {father}", f"{father} bin {own} {family}")
    assert family_first < MATCH


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(GIVEN), st.sampled_from(GIVEN), st.sampled_from(FAMILY))
def test_son_of_is_one_word_however_spelt(own: str, father: str, family: str) -> None:
    assume(own != father)
    assert score(f"{own} bin {father} {family}", f"{own} ibn {father} {family}") == 1.0
    assert score(f"{own} bin {father} {family}", f"{family.upper()}, {own} Bin {father}") == 1.0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(COMPANIES), st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES))
def test_branches_in_two_countries_never_match(company: str, one: str, other: str) -> None:
    words = country_words()
    assume(words[one] != words[other])
    assume(not (set(company.lower().split()) & {one, other}))
    assert score(f"{company} {one.title()}", f"{company} {other.title()}") < MATCH
    # The same country twice is the same branch.
    assert score(f"{company} {one.title()}", f"{company} ({one.upper()})") >= MATCH


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(("Tactical Missiles", "Uralvagonzavod", "Transneftproduct", "Almaz Antey")),
    st.sampled_from(
        ("Joint Stock Company", "Limited Liability Company", "Public Joint Stock Company")
    ),
    st.integers(min_value=2, max_value=6),
)
def test_a_legal_form_cut_at_any_letter_is_still_removed(name: str, form: str, kept: int) -> None:
    full = f"{name} {form}"
    cut = full[: len(full) - len("Company") + kept]  # the last word cut after ``kept`` letters
    assert normalise(cut).tokens == normalise(full).tokens == normalise(name).tokens
