"""Matching features: each a small documented function returning a score and its evidence.

Evidence features say how alike two names are (0..1). Penalties lower a score and say why.
The scorer (`veu.matching.scorer`) combines them with the weights declared here; every feature's
docstring is its documentation (``docs/matching.md`` is generated from them and checked by a test).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from rapidfuzz.distance import Levenshtein

from veu.countries import HAN_COUNTRIES, country_words
from veu.matching.tokens import (
    ARTICLES,
    CONTRAST_WORDS,
    JOINING_WORDS,
    NASAB,
    PARTICLES,
    PHONETIC_SIMILARITY,
    TITLES,
    align,
    alike_by_sound_only,
    covered,
    distinctive,
    left_out_initial,
    phonetic_key,
    token_similarity,
)
from veu.names import NormalName
from veu.names.acronyms import is_acronym_of
from veu.names.korean import HANGUL
from veu.names.normalize import SURNAME_FIRST, latin_words, normalise
from veu.names.numbers import HAN_NUMERAL, han_numeral

Detail = dict[str, Any]


class FeatureResult(NamedTuple):
    """A feature's score (0..1) and its evidence. A named tuple: made thousands of times a
    query, it is made faster than a frozen dataclass."""

    score: float
    detail: Detail


def tokens(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Token alignment: pair each token of one name with its most similar token of the other
    (order does not matter, a few typing errors are tolerated); the score is the share of all
    characters that are paired, weighted by pair similarity. Unpaired tokens count against;
    very common words (International, Technology, Systems, ...) count for half their width, and
    a patronymic (Viktorovich, Petrovna) or a joining word (of, and, for) only one name has
    for a quarter, as does a title
    (President, Dr, Shaikh, Mullah) when the names share a distinctive word (not so ``MRS
    International`` / ``International``), and a middle initial one name has for its letter
    when it is all that is left over and two words in full are paired (``Kathy J. Warden`` /
    ``Kathy Warden``). An initial stands for the word it begins only
    beside a distinctive word both names write in full (``J. Smith`` / ``John Smith``): when
    the initials are all the distinctive words paired (``Group W`` / ``Welmart Group``, which
    scored 0.93 in veu-names/10), the score is held at 0.6."""
    a, b = query.tokens, candidate.tokens
    if not a or not b:
        return FeatureResult(0.0, {"reason": "a name has no distinctive tokens"})
    score, aligned, unmatched_a, unmatched_b = align(a, b)
    detail: Detail = {
        "aligned": [list(x) for x in aligned],
        "unmatched_query": list(unmatched_a),
        "unmatched_candidate": list(unmatched_b),
    }
    if score > INITIALS_ONLY and _initials_only(aligned):
        detail["capped_from"] = round(score, 4)
        detail["reason"] = "only initials stand for the distinctive words paired"
        score = INITIALS_ONLY
    return FeatureResult(score, detail)


INITIALS_ONLY = 0.6


def _initials_only(aligned: tuple[tuple[str, str, float], ...]) -> bool:
    """Whether initials are paired with words, and no distinctive word with one in full."""
    initials = [x for x, y, _ in aligned if min(len(x), len(y)) == 1 and x != y]
    return bool(initials) and not any(
        len(x) > 1 and len(y) > 1 and distinctive(x) and distinctive(y) for x, y, _ in aligned
    )


def distinct_words(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Each name keeps a distinctive word the other lacks (``China Northern Rare Earth`` /
    ``China Southern Rare Earth``, ``... Al-Rawi`` / ``... Al-Tikriti``): a different part, not a
    missing one, so usually a different party. The score is capped at the weight, just above the
    review threshold: such a pair is never a match on the names alone, and a person looks. A
    word only one name has (a middle name, a department) is not this, nor a title
    (``President``, ``Dr``), nor words only split differently (``Goodwill`` / ``Good Will``,
    pinyin ``Luokexide`` / ``Luo Ke Xi De``). Words naming one of a kind (``Northern`` /
    ``Southern``, ``Eastern``, ``Central``, ``Second``) are different words even when they differ
    by a letter or two, and so are two countries (``Bank of Chad`` / ``Bank of China``, ``Raytheon
    Australia`` / ``Raytheon Austria``), even a common word such as China: a company's branches
    in two countries are two parties. Two names written in Chinese are compared by their
    characters: each keeps characters the other lacks in their place (北京 / 南京航空航天大学,
    哈尔滨工业 / 工程大学, 中国航天科技 / 科工集团), where characters only one name has (集团公司 /
    集团) are not this, nor one word for "and" written for another (与 / 和). Two names written
    in Hangul are compared by their syllables, each a word, which Hangul writes one way only:
    김종은 / 김정은 (jong / jeong) are two names, though a romanisation may write both Jong. Names
    that pair only common words (no distinctive word, no number), one with a distinctive word
    of three letters or more the other lacks, are this too: that word is all that names the
    party (China Electronics Technology HIK Group, a subsidiary, beside China Electronics
    Technology Group), unless it is the other's acronym (CETC)."""
    if query.han and candidate.han:
        return _distinct_characters(query.han, candidate.han)
    a, b = query.tokens, candidate.tokens
    if not a or not b:
        return FeatureResult(0.0, {})
    _, aligned, unmatched_a, unmatched_b = align(a, b)
    countries = country_words()
    contrasts = [(x, y) for x, y, _ in aligned if _contrasting(x, y, countries)]
    if contrasts:
        return FeatureResult(1.0, {"contrasting": [list(c) for c in contrasts]})
    if query.scripts == candidate.scripts == HANGUL:
        syllables = [[x, y] for x, y, _ in aligned if x != y]
        if syllables:
            return FeatureResult(1.0, {"syllables": syllables})
    places_a = {countries[t] for t in unmatched_a if t in countries}
    places_b = {countries[t] for t in unmatched_b if t in countries}
    if places_a and places_b and not places_a & places_b:
        named = [[t for t in side if t in countries] for side in (unmatched_a, unmatched_b)]
        return FeatureResult(1.0, {"countries": named})
    only_a = [t for t in unmatched_a if distinctive(t)]
    only_b = [t for t in unmatched_b if distinctive(t)]
    if bool(only_a) != bool(only_b) and _common_words_only(aligned):
        extra, other = (only_a, b) if only_a else (only_b, a)
        if all(len(t) >= 3 and not is_acronym_of(t, other) for t in extra):
            return FeatureResult(
                1.0, {"common_words_only": True, "query": only_a, "candidate": only_b}
            )
    if not (only_a and only_b):
        return FeatureResult(0.0, {})
    joined = Levenshtein.normalized_similarity("".join(unmatched_a), "".join(unmatched_b))
    if joined >= RESPLIT_SIMILARITY:
        return FeatureResult(0.0, {"resplit": [only_a, only_b]})
    return FeatureResult(1.0, {"query": only_a, "candidate": only_b})


RESPLIT_SIMILARITY = 0.85


def _common_words_only(aligned: tuple[tuple[str, str, float], ...]) -> bool:
    """Whether words are paired and none of them is distinctive nor a number (China
    Electronics Technology Group: every word a common one)."""
    return bool(aligned) and not any(
        distinctive(x) or distinctive(y) or x.isdigit() for x, y, _ in aligned
    )


def _distinct_characters(a: str, b: str) -> FeatureResult:
    """`distinct_words` of two names' Han characters: the runs of characters each has where
    the other has others (by edit distance), when both have some."""
    only_a: list[str] = []
    only_b: list[str] = []
    for step in Levenshtein.opcodes(a, b):
        if step.tag in ("replace", "delete"):
            only_a.append(a[step.src_start : step.src_end])
        if step.tag in ("replace", "insert"):
            only_b.append(b[step.dest_start : step.dest_end])
    only_a = [run for run in only_a if not set(run) <= HAN_JOINERS]
    only_b = [run for run in only_b if not set(run) <= HAN_JOINERS]
    if not (only_a and only_b):
        return FeatureResult(0.0, {})
    return FeatureResult(1.0, {"query": only_a, "candidate": only_b})


# Characters that join words (and, of): one written for another (吉布斯与考克斯 / 吉布斯和考克斯,
# Gibbs & Cox in two of MOFCOM's announcements) is not another name.
HAN_JOINERS = frozenset("与和及暨并之的")


def _contrasting(x: str, y: str, countries: dict[str, str]) -> bool:
    """Two aligned words naming different ones of a kind, or different countries; not a word of
    a kind beside a misspelling of it (CNTRAL BANK OF SYRIA is the Central Bank of Syria)."""
    if x == y:
        return False
    if (x in CONTRAST_WORDS) != (y in CONTRAST_WORDS):
        return token_similarity(x, y) < PHONETIC_SIMILARITY
    if x in CONTRAST_WORDS:
        return True
    return x in countries and y in countries and countries[x] != countries[y]


def _parentage(tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """Around the first ``bin`` of a name: the word before it (the end of the person's own
    name) and the first two words after it (the father's name, or his name and the family's),
    articles passed over; None without one."""
    for i, token in enumerate(tokens):
        if token in NASAB and i > 0:
            father: list[str] = []
            for word in tokens[i + 1 :]:
                if word in NASAB or len(father) == 2:
                    break
                if word not in ARTICLES:
                    father.append(word)
            return (tokens[i - 1], tuple(father)) if father else None
    return None


def one_word_by_sound(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Two names of one word each that only sound alike, their spellings too far apart to be a
    typing error of each other (Tolou / Tilo, Janus / Jonas, Hassan / Hussain, Husayn / Hussein):
    one word is all there is to tell two parties apart, and a likeness of sound alone is too
    little to match on. The score is capped at the weight, just under the match threshold: a
    person looks (Husayn / Hussein may be one name; Diona / Dena, Tolou / Tilo are not). Words a
    typing error apart are not this (Artur / Arthur, Skydio / Skydoi). A particle or a title
    is not a word here: Abu Umar / Abu 'Ammar, Hassan, Abu / Abu Husayn and Al-Amir / Al-Ammar
    are one word each, the name after the particle (a kunya, father of ..., is shared by many).
    Two names written in Chinese are compared by their characters, not this."""
    a, b = _own_words(query.tokens), _own_words(candidate.tokens)
    if (query.han and candidate.han) or len(a) != 1 or len(b) != 1:
        return FeatureResult(0.0, {})
    if not alike_by_sound_only(a[0], b[0]):
        return FeatureResult(0.0, {})
    return FeatureResult(1.0, {"query": a[0], "candidate": b[0]})


def _own_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words but its particles (Abu, Umm, al, bin) and titles: Abu Umar is one word,
    Umar, as much as Umar is."""
    return tuple(t for t in tokens if t not in PARTICLES and t not in TITLES)


def lineage(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Arabic names written ``X bin Y`` (X, son of Y) where one name's own name is the other's
    father's name: the own and father's names swapped (``Salman bin Muhammad al-Rawi`` /
    ``Muhammad bin Salman al-Rawi``, ``'Abd al-Rahman bin 'Amir`` / ``'Amir bin 'Abd
    al-Rahman``), or a son beside his father (``Usama bin Muhammad bin Awad bin Ladin`` /
    ``Muhammad bin Awad bin Ladin``). The same words, but two generations, not one person. Word
    order is otherwise free, so without this the pair would score as one name; it is capped like
    ``distinct_words``, for a person to look."""
    a, b = _parentage(query.tokens), _parentage(candidate.tokens)
    if a is None or b is None:
        return FeatureResult(0.0, {})
    (own_a, father_a), (own_b, father_b) = a, b
    generations = not _alike(own_a, own_b) and (
        any(_alike(own_a, t) for t in father_b) or any(_alike(own_b, t) for t in father_a)
    )
    if not generations:
        return FeatureResult(0.0, {})
    return FeatureResult(
        1.0,
        {
            "query": {"own": own_a, "father": list(father_a)},
            "candidate": {"own": own_b, "father": list(father_b)},
        },
    )


def _alike(a: str, b: str) -> bool:
    return token_similarity(a, b) >= PHONETIC_SIMILARITY


def next_generation(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Two persons' Arabic names (an article or ``bin`` in one of them), one of which is the
    other's with one more name before it: an Arabic name is the person's own name, then the
    father's, the grandfather's and the family's, so the longer is the shorter's son or
    daughter (``AL-TIKRITI, Hala Saddam Hussein`` / ``AL-TIKRITI, Saddam Hussein``;
    ``Ibrahim Sabawi Ibrahim Hassan`` / ``Sab'awi Ibrahim Hassan``, whose words are the same
    once a repeated one is written once). Families are listed together, and without this the
    child scored as the parent (0.92 and 1.0). The names are compared given names first (a
    name written surname first before a comma has it moved to the end), with their words as
    written. Not when the name before is a particle, a title, or Muhammad, which an Arabic
    name may write or leave out before the own name (Muhammad Ayman al-Zawahiri), nor ``abd``
    (Abd al-Rahman is one name). Capped like ``lineage``, for a person to look. Persons only:
    a company's name may well begin with one word more (Bank Al Jazira, Al Jazira)."""
    a, b = _given_first_words(query.original), _given_first_words(candidate.original)
    if not _arabic_style(a) and not _arabic_style(b):
        return FeatureResult(0.0, {})
    for child, parent, side in ((a, b, "query"), (b, a, "candidate")):
        if _child_of(child, parent):
            return FeatureResult(
                1.0, {"child": side, "own": child[0], "then": " ".join(child[1:3])}
            )
    return FeatureResult(0.0, {})


def _arabic_style(words: tuple[str, ...]) -> bool:
    return any(w in ARTICLES or w in NASAB for w in words)


_NOT_OWN = frozenset({"abd", "abdul", "abdel", "abdal", "abdol"})


def _child_of(child: tuple[str, ...], parent: tuple[str, ...]) -> bool:
    """Whether ``child`` is ``parent``'s own and next name after an own name of its own, and
    longer (the same words in another order are one name: Salman Mohammed bin / Mohammed bin
    Salman)."""
    if len(child) < 3 or len(parent) < 2 or len(child) <= len(parent):
        return False
    own = child[0]
    if (
        own in PARTICLES
        or own in _NOT_OWN
        or not distinctive(own)
        or phonetic_key(own) == _MUHAMMAD
        or parent[0] in PARTICLES
    ):
        return False
    return (
        _alike(child[1], parent[0]) and _alike(child[2], parent[1]) and not _alike(own, parent[0])
    )


_MUHAMMAD = phonetic_key("muhammad")  # Mohammed, Mohamed, Muhammad...


@lru_cache(maxsize=65536)
def _given_first_words(original: str) -> tuple[str, ...]:
    """A name's words as written, each normalised (a word written twice is there twice), given
    names first: a name written surname first before a comma has its surname moved to the end."""
    found = SURNAME_FIRST.match(original)
    parts = (found.group(2), found.group(1)) if found else (original,)
    return tuple(t for part in parts for chunk in part.split() for t in normalise(chunk).tokens)


_DIGITS = re.compile(r"\d+")


def _numbers_of(tokens: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The numbers of a name's tokens (each run of digits alone or at either end of a word),
    and every run of digits they hold."""
    text = " ".join(tokens)
    numbers, runs = set(), set()
    for run in _DIGITS.finditer(text):
        runs.add(run.group())
        before, after = text[run.start() - 1 : run.start()], text[run.end() : run.end() + 1]
        if not (before.isalpha() and after.isalpha()):
            numbers.add(run.group())
    return numbers, runs


def numbers(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Numbers that differ (``Fund VIII`` / ``Fund IX``, ``Company 23`` / ``Company``,
    第十四研究所 / 第三十八研究所, ``APT38`` / ``APT39``): numbers, Roman and Chinese numerals in
    names usually tell entities apart, so a difference costs a lot. A number written into a word
    is a number all the same (``APT38`` / ``APT 38``, ``Unit8200`` / ``Unit 8200``: the same),
    but not a digit between letters, which stands for a letter (``Ig0r Sech1n``), nor one the
    other name writes between letters (``L3 Harris`` / ``L3Harris``)."""
    both_han = bool(query.han and candidate.han)
    if not (both_han or _DIGITS.search(query.skeleton) or _DIGITS.search(candidate.skeleton)):
        return FeatureResult(0.0, {})  # most names: no digit on either side
    (a, within_a), (b, within_b) = _numbers_of(query.tokens), _numbers_of(candidate.tokens)
    if both_han:
        a, b = a | han_numbers(query.han), b | han_numbers(candidate.han)
    if (a - within_b) or (b - within_a):
        return FeatureResult(1.0, {"query": sorted(a), "candidate": sorted(b)})
    return FeatureResult(0.0, {})


_HAN_NUMERAL = re.compile(HAN_NUMERAL)


def han_numbers(han: str) -> set[str]:
    """The numbers written in Chinese numerals in a name (十四 → 14, 三十八 → 38, 一〇五 →
    105), as digit strings. A lone 一 is left out: it is often part of a word."""
    return {str(han_numeral(run)) for run in _HAN_NUMERAL.findall(han) if run != "一"}


def skeleton(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Skeleton similarity: the names' tokens joined without spaces, compared by edit distance.
    Catches spacing and word-splitting differences (``Good Will`` / ``Goodwill``) and pinyin
    written as syllables or words (``Hai Guang`` / ``Haiguang``). When a short word (three
    letters or fewer; a lone initial beside nothing else left over excepted) of one name has no
    counterpart in the other, the score is capped at 0.8:
    such a word often tells organisations apart (SOS / SES International), so the pair may
    reach review, never a match. Very short skeletons must be equal."""
    a, b = query.skeleton, candidate.skeleton
    if not a or not b:
        return FeatureResult(0.0, {"reason": "a name has no distinctive tokens"})
    if min(len(a), len(b)) < 4 and a != b:
        return FeatureResult(0.0, {"query": a, "candidate": b, "reason": "too short to be fuzzy"})
    score = Levenshtein.normalized_similarity(a, b)
    lone = _unpaired_short_words(query, candidate) if score > SHORT_WORD_CAP else []
    if lone:
        # A short word (an abbreviation such as SOS or FJ) often tells organisations apart, and
        # joined into a skeleton it hardly counts: such a pair may reach review, not a match.
        return FeatureResult(
            SHORT_WORD_CAP,
            {
                "query": a,
                "candidate": b,
                "capped_from": round(score, 4),
                "short_words_unpaired": lone,
            },
        )
    return FeatureResult(score, {"query": a, "candidate": b})


SHORT_WORD = 3
SHORT_WORD_CAP = 0.8


def _unpaired_short_words(query: NormalName, candidate: NormalName) -> list[str]:
    """Words of at most ``SHORT_WORD`` letters in one name and not in the other (pinyin
    syllables of names written in Han excepted, and a middle initial left out,
    `left_out_initial`: Kathy Warden / Kathy J. Warden, but Trust I is not Trust II)."""
    if query.han or candidate.han or query.skeleton == candidate.skeleton:
        return []  # pinyin syllables, or the same letters split otherwise (L3Harris / L3 Harris)
    a, b = set(query.tokens), set(candidate.tokens)
    own = a ^ b
    if left_out_initial(own, sum(1 for t in a & b if len(t) > 1)):
        return []
    return sorted(t for t in own if len(t) <= SHORT_WORD and not t.isdigit())


def han(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Han characters compared directly (traditional folded to simplified, legal forms such as
    有限公司 removed), by edit distance. Used instead of pinyin when both names are written in
    Chinese, so that homophones do not match. When both also have words in Latin letters
    (LKD航天公司 / AEVEX 航天公司: 航天 is aerospace, the rest is the name), those are
    compared too, their words' skeletons by edit distance, and the lower of the two scores
    counts: the same Chinese word after different names is no match (it scored 1 in
    veu-names/10)."""
    a, b = query.han, candidate.han
    if not a or not b:
        return FeatureResult(0.0, {"reason": "a name has no Han characters"})
    score = Levenshtein.normalized_similarity(a, b)
    detail: dict[str, Any] = {"query": a, "candidate": b}
    left_out = _country_left_out(a, b)
    if left_out is not None:  # 美国通用原子航空系统 / 通用原子航空系统
        country, rest_a, rest_b, share = left_out
        through = Levenshtein.normalized_similarity(rest_a, rest_b) * (1 - share / 2)
        if through > score:
            score = through
            detail["country_left_out"] = country
    latin_a, latin_b = latin_words(query.original), latin_words(candidate.original)
    if latin_a and latin_b:
        latin = Levenshtein.normalized_similarity("".join(latin_a), "".join(latin_b))
        detail["latin"] = {"query": list(latin_a), "candidate": list(latin_b)}
        if latin < score:
            detail["han_score"] = round(score, 4)
            score = latin
    return FeatureResult(score, detail)


def _country_left_out(a: str, b: str) -> tuple[str, str, str, float] | None:
    """A country's name (`HAN_COUNTRIES`) one name begins or ends with and the other names no
    country: the country, the two names without it, and its share of the characters of the
    name that has it; else None. Such a country counts for half its characters, as a very
    common word does among words (`tokens`): 美国光子 / 光子 is 0.75 alike, as USA Photon /
    Photon is; 美国通用原子航空系统 / 通用原子航空系统 0.9. Two countries are two parties
    (`distinct_words`)."""
    for mine, theirs, flipped in ((a, b, False), (b, a, True)):
        found = _HAN_COUNTRY_AT_EDGE.search(mine)
        if found is None:
            continue
        if _HAN_COUNTRY.search(theirs):
            return None
        country = found.group()
        rest = mine[: found.start()] + mine[found.end() :]
        share = len(country) / len(mine)
        return (country, theirs, rest, share) if flipped else (country, rest, theirs, share)
    return None


# A country's name anywhere, and one a name begins or ends with, not the whole of it (longest
# first: 中国台湾 before 中国)
_HAN_COUNTRY = re.compile("|".join(HAN_COUNTRIES))
_HAN_COUNTRY_AT_EDGE = re.compile(
    f"^(?:{_HAN_COUNTRY.pattern})(?=.)|(?<=.)(?:{_HAN_COUNTRY.pattern})$"
)


# A word of the shorter name is in the longer one when one of its words is at least this alike.
CONTAINED_SIMILARITY = 0.85


def containment(query: NormalName, candidate: NormalName) -> FeatureResult:
    """One name contained in the other: every token of the shorter name appears (near-exactly)
    in the longer one, as with ``Huawei`` and ``Huawei Technologies`` (for Chinese names: the
    shorter name's characters appear as one run in the longer). Such a pair deserves a person's
    look even when the other scores are low, so it scores at the review level; it never reaches
    a match on its own. A title the shorter name has (``President Erdoğan``) is not looked for,
    nor a joining word (``of``, ``and``, `veu.matching.tokens.JOINING_WORDS`), which Chinese
    does not write (中国人民解放军国防科技大学, the PLA's
    National University of Defense Technology); a word is not contained in an initial
    (``Anduril`` / ``Coalition For A Prosperous America``)."""
    if query.han and candidate.han:
        short_h, long_h = sorted((query.han, candidate.han), key=len)
        if len(short_h) >= 3 and len(short_h) < len(long_h) and short_h in long_h:
            return FeatureResult(1.0, {"contained": short_h, "in": long_h})
        return FeatureResult(0.0, {})
    a, b = query.tokens, candidate.tokens
    if not a or not b:
        return FeatureResult(0.0, {})
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == len(long_):
        return FeatureResult(0.0, {})
    if any(distinctive(t) for t in short):  # never a title: President Erdoğan looks for Erdoğan
        short = tuple(t for t in short if t not in TITLES)
    short = tuple(t for t in short if t not in JOINING_WORDS)
    if len("".join(short)) < 5:
        return FeatureResult(0.0, {})
    if covered(short, long_, CONTAINED_SIMILARITY):
        return FeatureResult(1.0, {"contained": list(short), "in": list(long_)})
    return FeatureResult(0.0, {})


def legal_forms(query: NormalName, candidate: NormalName) -> FeatureResult:
    """Legal forms found and removed on each side (``Corp.``, ``GmbH``, 有限公司, ``ООО``). They
    never count for or against a match: this feature only reports them (weight 0)."""
    if not query.forms and not candidate.forms:
        return FeatureResult(0.0, {})
    return FeatureResult(0.0, {"query": sorted(query.forms), "candidate": sorted(candidate.forms)})


def country_conflict(query: frozenset[str], candidate: frozenset[str]) -> FeatureResult:
    """The query's country is known and the listing names countries, none of them the query's.
    Subsidiaries abroad exist, so this only lowers the score a little."""
    if query and candidate and not (query & candidate):
        return FeatureResult(1.0, {"query": sorted(query), "candidate": sorted(candidate)})
    return FeatureResult(0.0, {"query": sorted(query), "candidate": sorted(candidate)})


@dataclass(frozen=True)
class Feature:
    name: str
    kind: Literal["evidence", "floor", "penalty", "cap", "info"]
    weight: float
    function: Callable[..., FeatureResult]

    def doc(self) -> str:
        return " ".join((self.function.__doc__ or "").split())

    def explained(self, result: FeatureResult) -> Detail:
        """The feature's entry in an explanation: its score, weight and evidence."""
        return {"score": round(result.score, 4), "weight": self.weight, **result.detail}


@dataclass
class Combination:
    """How features' results make one score (for names and for whole entities alike): the best
    evidence (each scaled by its weight), raised to a floor when one applies, minus the
    penalties, and held down to a cap's weight when one applies."""

    best: float = 0.0
    floor: float = 0.0
    penalty: float = 0.0
    cap: float = 1.0

    def add(self, feature: Feature, result: FeatureResult) -> None:
        contribution = result.score * feature.weight
        if feature.kind == "evidence":
            self.best = max(self.best, contribution)
        elif feature.kind == "floor":
            self.floor = max(self.floor, contribution)
        elif feature.kind == "penalty":
            self.penalty += contribution
        elif feature.kind == "cap" and result.score:
            self.cap = min(self.cap, feature.weight)

    def cannot_change(self, feature: Feature) -> bool:
        """Whether ``feature`` cannot change the score given what is counted so far: a floor not
        above the best reached, a cap not below it less the penalties (later penalties only lower
        it), information always. Such a feature may be skipped when no explanation is asked
        for: the score is the same, sooner."""
        reached = max(self.best, self.floor)
        if feature.kind == "floor":
            return feature.weight <= reached
        if feature.kind == "cap":
            return feature.weight >= reached - self.penalty
        return feature.kind == "info"

    @property
    def score(self) -> float:
        return max(0.0, min(1.0, self.cap, max(self.best, self.floor) - self.penalty))


def render_table(features: tuple[Feature, ...]) -> str:
    """A Markdown table of features (name, kind, weight, and their docstrings)."""
    lines = ["| feature | kind | weight | what it measures |", "|---|---|---|---|"]
    for feature in features:
        lines.append(f"| `{feature.name}` | {feature.kind} | {feature.weight} | {feature.doc()} |")
    return "\n".join(lines) + "\n"


NAME_FEATURES: tuple[Feature, ...] = (
    Feature("tokens", "evidence", 1.0, tokens),
    Feature("skeleton", "evidence", 0.95, skeleton),
    Feature("han", "evidence", 1.0, han),
    Feature("containment", "floor", 0.75, containment),
    Feature("numbers", "penalty", 0.15, numbers),
    Feature("distinct_words", "cap", 0.72, distinct_words),
    Feature("lineage", "cap", 0.72, lineage),
    Feature("one_word_by_sound", "cap", 0.84, one_word_by_sound),
    Feature("legal_forms", "info", 0.0, legal_forms),
)
NEXT_GENERATION = Feature("next_generation", "cap", 0.72, next_generation)  # persons only
COUNTRY_FEATURE = Feature("country_conflict", "penalty", 0.05, country_conflict)
ALL_FEATURES: tuple[Feature, ...] = (*NAME_FEATURES, NEXT_GENERATION, COUNTRY_FEATURE)


def render_docs() -> str:
    """The features section of docs/matching.md, generated from the features themselves."""
    return render_table(ALL_FEATURES)
