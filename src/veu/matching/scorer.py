"""Scoring a pair of names: the features of `veu.matching.features`, combined and explained.

The combination: the best evidence feature (each scaled by its weight), raised to a floor feature
when one applies, minus the penalties, and held down to a cap feature's weight when one applies.
When both names are written in Chinese the Han characters are compared directly and the
pinyin-based features are not used (homophones must not match); `distinct_words` then reads the
characters. When only one is, it is also
compared through its English gloss (`veu.names.gloss`), and the better of the two scores counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any

from veu.matching.features import (
    NAME_FEATURES,
    NEXT_GENERATION,
    Combination,
    Feature,
)
from veu.matching.tokens import ARTICLES as WRITTEN_ARTICLES
from veu.matching.tokens import LETTER_VOWELS, PARTICLES, middle_names, token_similarity
from veu.names import NormalName
from veu.names.abjad import ARTICLES, consonants, fitted, in_arabic_script, sun_letter
from veu.names.baltic import stems, written_baltic
from veu.names.given_names import SPELLING, read_given_names
from veu.names.gloss import by_sound, glossed
from veu.names.korean import HANGUL
from veu.names.korean import reading as korean_reading
from veu.names.normalize import given_first
from veu.names.pinyin import is_pinyin
from veu.names.russian import ORGANISATION_WORDS, read_places
from veu.names.slavic import ROMANISATIONS, Romanisation, a_for_o, romanisations_of
from veu.names.somali import reading as somali_reading
from veu.names.wade_giles import reading as wade_giles_reading

ALGORITHM = "veu-names"
ALGORITHM_VERSION = "51"
_PINYIN_FEATURES = frozenset({"tokens", "skeleton"})
# The features scored, by whether both names are written in Chinese (the Han characters are then
# compared, not their pinyin) and whether an explanation is asked for (without one, information
# changes nothing and is not computed).
_SCORED: dict[tuple[bool, bool], tuple[Feature, ...]] = {
    (both_han, explain): tuple(
        f
        for f in NAME_FEATURES
        if (f.name != "han" or both_han)
        and not (both_han and f.name in _PINYIN_FEATURES)
        and (explain or f.kind != "info")
    )
    for both_han in (False, True)
    for explain in (False, True)
}


@dataclass(frozen=True)
class NameScore:
    score: float
    explanation: dict[str, Any]


def score_names(
    query: NormalName, candidate: NormalName, *, explain: bool = True, person: bool = False
) -> NameScore:
    """Score two normalised names in 0..1 and say, feature by feature, why (without
    ``explain``, the same score and an empty explanation: for ranking many candidates). A name
    written in Chinese beside one that is not is also scored through its English gloss
    (通用动力陆地系统公司 / General Dynamics Land Systems); the better score counts, and the
    explanation then shows the gloss. ``person``: the names are a person's (a listed person's,
    or an entity's of the Person schema), whose middle names one may leave out
    (`_through_middle_names`). Words one name joins are joined in the other (`_joined`), before
    they are read, and in a gloss beside the other name; a person's initials written together
    are read apart where the other name has the words they begin (`_initials_apart`)."""
    if query.tokens != candidate.tokens:
        query, candidate = _joined(query, candidate), _joined(candidate, query)
        if person:
            query, candidate = _parted(query, candidate), _parted(candidate, query)
            query, candidate = _initials_apart(query, candidate), _initials_apart(candidate, query)
    # as written (a gloss, fitted to the other's words, writes 集团 as its Group)
    direct = _score_names(
        _group_as_form(query, candidate), _group_as_form(candidate, query), explain=explain
    )
    if query.empty or candidate.empty or _same_name(query, candidate):
        return direct  # no reading scores the same name otherwise
    if _read_by_consonants(query, candidate) or _read_by_consonants(candidate, query):
        return _through_consonants(query, candidate, direct, explain=explain)
    if not query.han and not candidate.han:
        best = _through_wade_giles(query, candidate, direct, explain=explain)
        best = _through_korean(query, candidate, best, explain=explain)
        best = _through_given_names(query, candidate, best, explain=explain)
        best = _through_letters(query, candidate, best, explain=explain)
        if person:
            best = _through_somali(query, candidate, best, explain=explain)
            best = _with_repeats(query, candidate, best, explain=explain)
            best = _through_middle_names(query, candidate, best, explain=explain)
            best = _through_endings(query, candidate, best, explain=explain)
            best = _through_slavic(query, candidate, best, explain=explain)
            return _generations(query, candidate, best, explain=explain)
        return _through_places(query, candidate, best, explain=explain)
    if bool(query.han) == bool(candidate.han):
        return direct
    chinese, other = (query, candidate) if query.han else (candidate, query)
    english = glossed(chinese.original, other.tokens)
    if english is None:
        return direct
    best = _through_gloss(chinese, english, other, other, direct, query is chinese, explain=explain)
    read = (
        middle_names(english.tokens, given_first(other), initials=True)
        if person and not _repeats_a_word(other)
        else None
    )
    if read is not None:  # 大卫·萨顿, David Keith Sutton: Chinese writes no middle names
        tokens, left_out = read
        middle = {"read_as": " ".join(tokens), "left_out": list(left_out)}
        best = _through_gloss(
            chinese, english, other, other.read_as(tokens, other.scripts), best,
            query is chinese, explain=explain, middle=middle,
        )  # fmt: skip
    return best


def _through_gloss(
    chinese: NormalName,
    english: NormalName,
    other: NormalName,
    compared: NormalName,
    best: NameScore,
    query_side: bool,
    *,
    explain: bool,
    middle: dict[str, Any] | None = None,
) -> NameScore:
    """``best``, or the score of ``english`` (the gloss of ``chinese``, fitted to ``other``)
    beside ``compared`` (``other``, or ``other`` read without the ``middle`` names the Chinese
    leaves out) less the gloss's penalties, when that is higher; its explanation then shows the
    gloss (and the middle names left out)."""
    english, compared = _joined(english, compared), _joined(compared, english)
    pair = (english, compared) if query_side else (compared, english)
    through = _score_names(*pair, explain=explain)
    sounded = by_sound(chinese.original, other.tokens)
    letters = max(1, len(compared.skeleton))
    unlike = UNLIKE_ONE_WORD if len(compared.tokens) == 1 else UNLIKE_WORDS
    penalty = GLOSS_PENALTY + sum(
        SOUND_PENALTY + unlike * (1 - alike) * len(word) / letters for _, word, alike in sounded
    )
    if middle is not None:
        penalty += MIDDLE_NAME_PENALTY_CHINESE * len(middle["left_out"])
    score = max(0.0, through.score - penalty)
    if score <= best.score:
        return best
    if explain:
        through.explanation["gloss"] = {
            "side": "query" if query_side else "candidate",
            "english": " ".join(english.tokens),
            "penalty": round(penalty, 4),
        }
        if sounded:
            through.explanation["gloss"]["by_sound"] = {
                han: {"english": word, "alike": round(alike, 4)} for han, word, alike in sounded
            }
        if middle is not None:
            through.explanation["gloss"]["middle_names"] = middle
    return NameScore(score, through.explanation)


def _group_as_form(name: NormalName, other: NormalName) -> NormalName:
    """``name`` without the word Group where ``other`` had 集团 (or Jituan) removed as a legal
    form and does not write the word: PVH Group beside MOFCOM's PVH集团 scored 0.6, Huawei Group
    beside 华为集团 0.75, the word the legal form translates counting against them. English
    Group is no legal form (Avia Group is a name); beside one that had it removed, it is."""
    if "group" not in other.forms or "group" not in name.tokens or "group" in other.tokens:
        return name  # most pairs: one test
    tokens = tuple(t for t in name.tokens if t != "group")
    if not tokens:
        return name
    return replace(name, tokens=tokens, skeleton="".join(tokens), forms=name.forms | {"group"})


def _joined(name: NormalName, other: NormalName) -> NormalName:
    """``name`` with two or three words in a row joined where ``other`` writes them as one word
    (Hua Wei Technologies beside Huawei, Abdul Rahman beside Abdulrahman, Aero Vironment beside
    AeroVironment): the alignment of words pairs a word with a word, and the skeleton, which
    joins every word, no longer helps once other words differ (Hua Wei Technologies / Huawei
    0.32, now 0.75 as the one contained in the other). The skeleton is the same."""
    words, theirs, skeleton = name.tokens, other.tokens, name.skeleton
    article = not WRITTEN_ARTICLES.isdisjoint(words) and _said_possible(words, theirs)
    for word in theirs:  # most pairs: none of the other's words is written within this name
        if word in skeleton and len(word) > 2 and word not in words:
            break
    else:
        if not article:
            return name
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2):  # the longest run first
            if i + size > len(words):
                continue
            run = "".join(words[i : i + size])
            if run in theirs and run not in words:
                break
            if article and (said := _said_in(words, i, size, theirs)) is not None:
                run = said
                break
        else:
            run, size = words[i], 1
        out.append(run)
        i += size
    if article:  # the article its repeats lost, where the other writes it glued to the word
        out = [
            _GLUED_ARTICLE + w if w not in theirs and _GLUED_ARTICLE + w in theirs else w
            for w in out
        ]
    return name if tuple(out) == words else replace(name, tokens=tuple(out))


# A name's tokens hold a word once, so of AL-HUMAYQANI, 'Abd al-Wahab al-Qawi only the first al
# is left (al humayqani abd wahab qawi): beside 'Abd alWahab alQawi ALHUMAYQANI, wahab is read
# alwahab (`_joined`).
_GLUED_ARTICLE = "al"


PARTED_ALIKE = 0.8  # how alike the rest of a glued word must be to the other's next word


def _parted(name: NormalName, other: NormalName) -> NormalName:
    """A person's ``name`` with a word that begins with a word of ``other`` read as two words
    where the rest is spelt like the other's next word (`token_similarity` at least
    `PARTED_ALIKE`; glued given names are persons'): Abdulrahman beside Abdul Rehman is Abdul
    Rahman, scored as that is (0.42, now 0.92).
    `_joined` joins words only where the other writes them alike. The skeleton is the same."""
    words, theirs = name.tokens, other.tokens
    firsts = tuple(t for t in theirs[:-1] if len(t) >= _PARTED_MIN)
    if not firsts or not any(w.startswith(firsts) and w not in theirs for w in words):
        return name  # most pairs: no word begins with one of the other's
    out: list[str] = []
    for word in words:
        part = None
        if word not in theirs:
            for k, first in enumerate(theirs[:-1]):
                rest = word[len(first) :]
                if (
                    len(first) >= _PARTED_MIN
                    and len(rest) >= _PARTED_MIN
                    and word.startswith(first)
                    and token_similarity(rest, theirs[k + 1]) >= PARTED_ALIKE
                ):
                    part = (first, rest)
                    break
        out.extend(part or (word,))
    return name if len(out) == len(words) else replace(name, tokens=tuple(out))


_PARTED_MIN = 3  # letters of each part, at least


def _said_possible(words: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether a word of ``theirs`` may be words of ``words`` joined with their article as said
    (`_said_in`): one beginning as such a run of words would (`_said_starts`). Most pairs:
    none."""
    first = _said_starts(words)
    return any(len(w) > 2 and w.startswith(first) and w not in words for w in theirs)


@lru_cache(maxsize=65536)
def _said_starts(words: tuple[str, ...]) -> tuple[str, ...]:
    """How a word that writes words of ``words`` with their article in one may begin: with the
    word before the article and the article's vowel, with the two words before it, or with the
    article (its vowel, l or not, and the first letter of the word after it)."""
    starts: list[str] = []
    for p, word in enumerate(words):
        if word not in WRITTEN_ARTICLES:
            continue
        if p >= 1:
            starts += [words[p - 1] + v for v in "aeu"]
        if p >= 2:
            starts.append(words[p - 2] + words[p - 1])
        if p + 1 < len(words) and words[p + 1]:
            starts += [f"{v}{c}{words[p + 1][0]}" for v in "aeu" for c in ("l", "")]
    return tuple(starts)


def _said_in(words: tuple[str, ...], at: int, size: int, theirs: tuple[str, ...]) -> str | None:
    """The word of ``theirs`` (not one of ``words``) that the ``size`` words of ``words`` from
    ``at``, with the article among them, write as one word with the article as said before the
    word after it: Siraj al Din is Sirajuddin or Sirajudin, Abd al Rahman Abdurrahman, Abd al
    Abdul, and Habib al beside Rehman Habibur (`_written_said`); else None."""
    run = words[at : at + size]
    if WRITTEN_ARTICLES.isdisjoint(run):
        return None
    after = words[at + size] if at + size < len(words) else ""
    for word in theirs:
        if len(word) > 2 and word not in words and _written_said(word, 0, run, after):
            return word
    return None


def _written_said(word: str, at: int, run: tuple[str, ...], after: str) -> bool:
    """Whether ``word`` from ``at`` is ``run`` joined, its article written al, el or ul, or as
    said before the word after it (ud, ad, ed before din; u, a, e alone: Sirajudin)."""
    if not run:
        return at == len(word)
    part, rest = run[0], run[1:]
    if part not in WRITTEN_ARTICLES:
        return word.startswith(part, at) and _written_said(word, at + len(part), rest, after)
    if at >= len(word) or word[at] not in "aeu":
        return False
    if word.startswith("l", at + 1) and _written_said(word, at + 2, rest, after):
        return True
    sun = sun_letter(rest[0] if rest else after)
    if not sun:
        return False
    if word.startswith(sun, at + 1) and _written_said(word, at + 1 + len(sun), rest, after):
        return True
    return _written_said(word, at + 1, rest, after)


_NOT_INITIALS = frozenset({"ng", "hm"})  # Cantonese surnames (Ng, Hm) written without vowels


def _initials_apart(name: NormalName, other: NormalName) -> NormalName:
    """A person's ``name`` with a word of two or three consonants read as that many initials
    where ``other`` has words in a row that they begin (JC Juncker beside Jean-Claude Juncker;
    J.C. and GW are written so once the dots are dropped): the alignment then pairs each initial
    with its word, as it pairs J. C. Juncker's. A word with a vowel is not read so (Al, Ed, Li
    are names). The skeleton is the same."""
    words, theirs = name.tokens, other.tokens
    out: list[str] = []
    for word in words:
        if (
            2 <= len(word) <= 3
            and word.isalpha()
            and LETTER_VOWELS.isdisjoint(word)
            and word not in _NOT_INITIALS
            and word not in theirs
            and _begins_words(word, theirs)
        ):
            out.extend(word)
        else:
            out.append(word)
    return name if len(out) == len(words) else replace(name, tokens=tuple(out))


def _begins_words(letters: str, words: tuple[str, ...]) -> bool:
    """Whether ``words`` has words in a row that ``letters`` begin in order (George W. Bush: g
    and w)."""
    size = len(letters)
    return any(
        all(w[0] == c for w, c in zip(words[i : i + size], letters, strict=True))
        for i in range(len(words) - size + 1)
    )


# A word-for-word translation is less certain than the name as written: a score through the
# gloss is this much lower, so that of a listing's names, one matched as written comes first.
GLOSS_PENALTY = 0.01
# A word read by sound (洛克希德 as Lockheed) is less certain still: this much more for each,
# and how unlike they sound (1 - `sounds_like`) for the word's share of the other name's
# letters, in full when the other name is that one word (Anduril, Insitu: it scores no more
# than the sounds' likeness), by three quarters when it has more (Brian Schimpf: each word read
# alike is more evidence that the others are not alike by chance).
SOUND_PENALTY = 0.02
UNLIKE_ONE_WORD = 1.0
UNLIKE_WORDS = 0.75


# A name written in Arabic script read as a Latin name's words with the same consonants
# (`veu.names.abjad`): the score through that reading is lowered by this, and never goes above
# this cap, under the match threshold: without its short vowels a word may be read as more than
# one name (محمد: Muhammad, and by its consonants Mahmoud), so such a pair is for a person to
# look at, not to decide alone.
CONSONANTS_PENALTY = 0.01
CONSONANTS_CAP = 0.84
# The fewest consonants the words read that way, and the words the other name has as written
# (but the article), must hold in all: one (علي read as Ali, or as Li) is no evidence of the
# name; عبد الله beside Abd Allah has abd read and allah as written.
CONSONANTS_READ = 3


def _read_by_consonants(arabic: NormalName, other: NormalName) -> bool:
    """Whether ``arabic`` is written in Arabic script alone and ``other`` in Latin letters
    without Han characters (pinyin is not read by consonants: علي is not 李, li)."""
    return in_arabic_script(arabic.scripts) and "Latin" in other.scripts and not other.han


def _through_consonants(
    query: NormalName, candidate: NormalName, direct: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of a name written in Arabic script beside one that is not: also through
    the reading of its words that the other's consonants fit (`veu.names.abjad.fitted`); the
    better score counts."""
    arabic, other = (query, candidate) if in_arabic_script(query.scripts) else (candidate, query)
    tokens, read = fitted(arabic.tokens, other.tokens)
    shared = (t for t in arabic.tokens if t in other.tokens and t not in ARTICLES)
    evidence = [word for _, word in read] + list(shared) if read else []
    if sum(len(consonants(word)) for word in evidence) < CONSONANTS_READ:
        return direct
    side = "query" if arabic is query else "candidate"
    detail = {"side": side, "read_as": " ".join(tokens), "words": dict(read)}
    reading = arabic.read_as(tokens, other.scripts)
    return _through(
        direct, reading, other, side, "consonants", detail, CONSONANTS_PENALTY, CONSONANTS_CAP,
        explain=explain,
    )  # fmt: skip


def _through(
    best: NameScore,
    reading: NormalName,
    other: NormalName,
    side: str,
    key: str,
    detail: dict[str, Any],
    penalty: float,
    cap: float,
    *,
    explain: bool,
) -> NameScore:
    """``best``, or the score of ``reading`` (one name read another way, on ``side``) beside
    ``other`` lowered by ``penalty`` and held at ``cap`` when that is higher; its explanation then
    says so under ``key`` (``detail``, with the penalty, and the cap when there is one)."""
    pair = (reading, other) if side == "query" else (other, reading)
    through = _score_names(*pair, explain=explain)
    score = min(cap, max(0.0, through.score - penalty))
    if score <= best.score:
        return best
    if explain:
        through.explanation[key] = {
            **detail,
            "penalty": round(penalty, 4),
            **({"cap": cap} if cap < 1.0 else {}),
        }
    return NameScore(score, through.explanation)


# A name in Wade-Giles read as pinyin (`veu.names.wade_giles`): the score through the reading is
# lowered by this, and by this more for each syllable that has more than one reading once its
# apostrophe is dropped (ping: bing or ping), since the reading chose the one the other name has.
WADE_GILES_PENALTY = 0.02
WADE_GILES_AMBIGUOUS = 0.01


def _through_wade_giles(
    query: NormalName, candidate: NormalName, direct: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two names without Han characters, one of them in Wade-Giles (Hsi
    Chin-ping, Xi Jinping): also through its reading as pinyin beside the other
    (`veu.names.wade_giles.reading`); the better score counts."""
    if direct.score >= 1.0:
        return direct
    best = direct
    for side, (this, other) in (("query", (query, candidate)), ("candidate", (candidate, query))):
        read = wade_giles_reading(this.tokens, other.skeleton)
        if read is None:
            continue
        tokens, changed, ambiguous = read
        if not changed:
            continue
        detail = {"side": side, "read_as": " ".join(tokens), "syllables": dict(changed)}
        penalty = WADE_GILES_PENALTY + WADE_GILES_AMBIGUOUS * ambiguous
        best = _through(
            best, this.read_as(tokens), other, side, "wade_giles", detail, penalty, 1.0,
            explain=explain,
        )  # fmt: skip
    return best


# Two Korean names written one way (`veu.names.korean`: Cho Yong Chol, JO YONG CHOL): the score
# through that reading is this much lower, since it merges letters that may tell two names apart.
KOREAN_PENALTY = 0.03


def _through_korean(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two Korean names romanised two ways (`veu.names.korean.reading`): also
    both written one way; the better score counts. Not two names written in Hangul, which
    writes each syllable one way only (김종은 / 김정은: jong / jeong, a romanisation's Jong)."""
    if best.score >= 1.0 or query.scripts == candidate.scripts == HANGUL:
        return best
    read = korean_reading(query.tokens, candidate.tokens)
    if read is None:
        return best
    mine, theirs = read
    detail = {"read_as": f"{' '.join(mine)} / {' '.join(theirs)}"}  # the query's / the other's
    return _through(
        best, query.read_as(mine), candidate.read_as(theirs), "query", "korean", detail,
        KOREAN_PENALTY, 1.0, explain=explain,
    )  # fmt: skip


# A Russian adjective of place read as the place (`veu.names.russian.read_places`: Muromskiy
# beside Murom): the score through the reading is this much lower.
PLACE_PENALTY = 0.02


def _through_places(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two organisations' names, one naming a town by its Russian adjective
    (Mytishchinskiy Mashinostroitelnyy Zavod) where the other writes the town (Mytishchi
    Machine-Building Plant): also that name read with the town; the better score counts. Only
    for names that are an organisation's (a legal form, or a word of `ORGANISATION_WORDS`: a
    person's surname may end so, Zelensky; Kowalski beside Kowal)."""
    if best.score >= 1.0 or ("sk" not in query.skeleton and "sk" not in candidate.skeleton):
        return best  # every adjective of place has -sk- (most names: one test in C)
    if not (query.forms or candidate.forms) and ORGANISATION_WORDS.isdisjoint(
        query.tokens + candidate.tokens
    ):
        return best
    return _read_either(
        query, candidate, best, lambda this, other: read_places(this.tokens, other.tokens),
        "place_adjective", PLACE_PENALTY, explain=explain,
    )  # fmt: skip


# A Somali name in Somali spelling read in the usual one (`veu.names.somali`: Xasan Cabdilaahi,
# Hassan Abdillahi): the score through the reading is this much lower.
SOMALI_PENALTY = 0.03


def _through_somali(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two persons' names, one in Somali spelling (`veu.names.somali.reading`:
    XIRSI, Xasan Cabdilaahi; CALI, Maxamed): also that one read in the usual spelling beside
    the other; the better score counts."""
    if best.score >= 1.0:
        return best

    def read(this: NormalName, other: NormalName) -> tuple[str, ...] | None:
        return None if somali_reading(other.tokens) else somali_reading(this.tokens)

    return _read_either(query, candidate, best, read, "somali", SOMALI_PENALTY, explain=explain)


def _read_either(
    query: NormalName,
    candidate: NormalName,
    best: NameScore,
    read: Callable[[NormalName, NormalName], tuple[str, ...] | None],
    key: str,
    penalty: float,
    *,
    explain: bool,
) -> NameScore:
    """``best``, or the score of either name read another way beside the other (``read`` of it
    and the other: its words so read, or None), ``penalty`` lower, its explanation under
    ``key`` (which side, and the reading)."""
    for this, other, side in ((query, candidate, "query"), (candidate, query, "candidate")):
        tokens = read(this, other)
        if tokens is not None:
            detail = {"side": side, "read_as": " ".join(tokens)}
            best = _through(
                best, this.read_as(tokens, this.scripts), other, side, key, detail, penalty,
                1.0, explain=explain,
            )  # fmt: skip
    return best


# Letters one romanisation writes for a sound that another writes otherwise, each read as the
# other where the other name writes that (its key in the explanation, the letters, their
# readings):
# - the sound of Russian ж and Persian ژ is zh in English romanisations and j in French ones, and
#   in many Persian names as their bearers write them (AHMADINEJAD, Ahmadinezhad; PRIGOZHIN,
#   Prigojine; GADZHIEV, Gadjiev; Nadezhda, Nadejda); not in a word of pinyin, whose zh and j
#   are two sounds (Zhang, Jiang; Zhou, Jiu);
# - Arabic ظ, ذ and ض are dh in some romanisations and z in others and in Persian and Urdu
#   (Kadhim, Kazim; Nadhim, Nazim; Ramadhan, Ramazan; Hafidh, Hafiz), and the lists write one
#   person both ways ('ABD AL-HAMID AL-ASADI, Makki Kazim; ABDUL HAMEED AL ASADI, Makki Kadhim,
#   at 0.72). dh beside d (Ramadhan, Ramadan) is a letter left out, near enough as written.
# A name so read is this much lower.
_READ_LETTERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("zh_as_j", "zh", ("j",)),  # dzh read dj
    ("dh_as_z", "dh", ("z",)),
)
LETTERS_PENALTY = 0.02
# The ending of a Russian, Ukrainian or Belarusian adjective, as romanisations write -ский
# (Kalinovsky, Kalinovskiy, Kalinovski, Kalinovskii, Kalinovskij; Ukrainian Kolomoyskyi) and
# -ская (Zelenskaya, Zelenskaia, Zelenskaja), a surname's or a word of a company's name: one
# ending, read as the other name writes it, this much lower.
_ADJECTIVE = re.compile(r"^([a-z]{3,}sk)(iy|ii|ij|yi|yy|y|i|aya|aia|aja)$")
ADJECTIVE_PENALTY = 0.01


def _through_letters(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two names without Han characters, one writing letters where the other
    writes their other romanisation (`_READ_LETTERS`: zh for j, dh for z): also that one
    read so (`_letters_read`), `LETTERS_PENALTY` lower; and one writing an adjective's ending
    otherwise (`_adjective_read`: Kalinovski, Kalinovsky), `ADJECTIVE_PENALTY` lower; the better
    score counts."""
    for key, written, readings in _READ_LETTERS:
        if best.score >= 1.0:
            break
        best = _read_either(
            query, candidate, best, partial(_letters_read, written=written, readings=readings),
            key, LETTERS_PENALTY, explain=explain,
        )  # fmt: skip
    if best.score >= 1.0:
        return best
    return _read_either(
        query, candidate, best, _adjective_read, "adjective_ending", ADJECTIVE_PENALTY,
        explain=explain,
    )  # fmt: skip


def _adjective_read(name: NormalName, other: NormalName) -> tuple[str, ...] | None:
    """``name``'s words that end as an adjective (`_ADJECTIVE`) written as ``other`` writes a
    word of the same stem and gender with another of those endings (kalinovski beside
    kalinovsky: kalinovsky); None when none is."""
    if "sk" not in name.skeleton or "sk" not in other.skeleton:
        return None  # most pairs: two tests
    theirs: dict[tuple[str, bool], str] = {}
    for word in other.tokens:
        if found := _ADJECTIVE.match(word):
            theirs[found[1], found[2][0] == "a"] = word
    if not theirs:
        return None
    out = []
    for word in name.tokens:
        found = _ADJECTIVE.match(word)
        if found and word not in other.tokens:
            word = theirs.get((found[1], found[2][0] == "a"), word)
        out.append(word)
    return None if tuple(out) == name.tokens else tuple(out)


def _letters_read(
    name: NormalName, other: NormalName, *, written: str, readings: tuple[str, ...]
) -> tuple[str, ...] | None:
    """``name``'s words with the letters ``written`` read as one of ``readings`` (the nearest),
    each where that brings it nearer a word of ``other`` with the reading; None when none is.
    Not a word of pinyin (`is_pinyin`)."""
    if written not in name.skeleton or not any(r in other.skeleton for r in readings):
        return None  # most pairs: one test each
    out = []
    for word in name.tokens:
        if written in word and not is_pinyin(word):
            best, alike = word, 0.0
            for reading in readings:
                read = word.replace(written, reading)
                for w in other.tokens:
                    if reading in w:
                        near = token_similarity(read, w)
                        if near > token_similarity(word, w) and near > alike:
                            best, alike = read, near
            word = best
        out.append(word)
    return None if tuple(out) == name.tokens else tuple(out)


# A given name read as another spelling of it, as the same name in another language or as its
# nickname, or the reverse (`veu.names.given_names`: Pyotr Aven beside Petr Olegovich Aven, Peter
# Aven beside Pyotr Olegovich Aven, Ted Doe beside Theodore Doe): this much lower, and held under
# the match threshold unless every word read is another spelling, since the tables relate names
# more generously than one person's papers do (Bill: William, and Robert; Paul: Pablo).
GIVEN_NAME_PENALTY = 0.02
GIVEN_NAME_CAP = 0.84


def _through_given_names(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two names without Han characters, also with the query's words that
    are other spellings of the candidate's given names, the same names in another language,
    their nicknames or formal names, read as those (`read_given_names`); the better score counts,
    never above `GIVEN_NAME_CAP` unless every word read is another spelling."""
    read = read_given_names(query.tokens, candidate.tokens)
    if read is None:
        return best
    tokens, changed = read
    cap = 1.0 if all(relation == SPELLING for _, _, relation in changed) else GIVEN_NAME_CAP
    if best.score >= cap:
        return best
    detail = {
        "read_as": " ".join(tokens),
        "words": {written: word for written, word, _ in changed},
        "relations": {written: relation for written, _, relation in changed},
    }
    return _through(
        best, query.read_as(tokens), candidate, "query", "given_names", detail,
        GIVEN_NAME_PENALTY, cap, explain=explain,
    )  # fmt: skip


# A person's name read without the middle names the other leaves out (`middle_names`: David
# Sutton beside David Keith Sutton): this much lower, and this much more for each word left out,
# since a middle name is evidence, if weak, of another person of the same first and last names.
# Beside a name written in Chinese, which writes no foreign person's middle names (大卫·萨顿 is
# David Keith Sutton on MOFCOM's list), their absence is no such evidence: only a little for
# each word left out, so that a name leaving out fewer comes first.
MIDDLE_NAMES_PENALTY = 0.04
MIDDLE_NAME_PENALTY = 0.02
MIDDLE_NAME_PENALTY_CHINESE = 0.01


def _through_middle_names(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two persons' names, one of which leaves out middle names of the other
    (`veu.matching.tokens.middle_names`): also the longer read without them, beside the
    shorter; the better score counts. Not for a name that writes a word twice (ABDUL KABIR
    ABDUL JAN, SAIF AL-DIN AL-RAWI): its tokens hold the word once, and the name read so would
    seem to leave out a middle name it has (ABDUL KABIR MOHAMMAD JAN is another person)."""
    if len(query.tokens) == len(candidate.tokens):  # neither is the longer
        return best
    longer = len(query.tokens) > len(candidate.tokens)
    this, other, side = (query, candidate, "query") if longer else (candidate, query, "candidate")
    read = middle_names(given_first(other), given_first(this))
    if read is None or _repeats_a_word(query) or _repeats_a_word(candidate):
        return best
    tokens, left_out = read
    detail = {"side": side, "read_as": " ".join(tokens), "left_out": list(left_out)}
    penalty = MIDDLE_NAMES_PENALTY + MIDDLE_NAME_PENALTY * len(left_out)
    return _through(
        best, this.read_as(tokens, this.scripts), other, side, "middle_names", detail,
        penalty, 1.0, explain=explain,
    )  # fmt: skip


# A man's name in Latvian or Lithuanian spelling (`veu.names.baltic`) read without the endings,
# beside the other name, is this much lower.
ENDINGS_PENALTY = 0.02
_ENDING_ALIKE = 0.8  # what a word without its ending must be to the other's word


def _through_endings(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two persons' names, also with each word that ends as a Latvian or
    Lithuanian name does read without the ending, where that is at least `_ENDING_ALIKE` to a
    word of the other and closer to it than the word as written (Sergejs: sergej, beside
    Sergey), the whole way again (middle names included), `ENDINGS_PENALTY` lower; the better
    score counts. Only for a name written the Baltic way (`_without_endings`)."""
    if best.score >= 1.0:
        return best
    read_query, read_candidate = (
        _without_endings(query, candidate),
        _without_endings(candidate, query),
    )
    if read_query is None and read_candidate is None:
        return best
    detail = {
        **({"query": " ".join(read_query)} if read_query else {}),
        **({"candidate": " ".join(read_candidate)} if read_candidate else {}),
    }
    return _rescored(
        best, query, candidate, read_query, read_candidate, "endings", detail, ENDINGS_PENALTY,
        explain=explain,
    )  # fmt: skip


def _rescored(
    best: NameScore,
    query: NormalName,
    candidate: NormalName,
    read_query: tuple[str, ...] | None,
    read_candidate: tuple[str, ...] | None,
    key: str,
    detail: dict[str, Any],
    penalty: float,
    *,
    explain: bool,
) -> NameScore:
    """``best``, or the score of two persons' names with either or both read another way
    (``read_query``, ``read_candidate``: their words so read, or None), scored the whole way
    again (`score_names`: middle names, other spellings of given names), ``penalty`` lower, when
    that is higher; its explanation then says so under ``key`` (``detail``, with the penalty).
    For readings that other readings must compose with (`_through_endings`,
    `_through_slavic`); `_through` scores a reading by the features alone."""
    through = score_names(
        query if read_query is None else query.read_as(read_query, query.scripts),
        candidate
        if read_candidate is None
        else candidate.read_as(read_candidate, candidate.scripts),
        explain=explain,
        person=True,
    )
    score = max(0.0, through.score - penalty)
    if score <= best.score:
        return best
    if explain:
        through.explanation[key] = {**detail, "penalty": penalty}
    return NameScore(score, through.explanation)


def _without_endings(name: NormalName, other: NormalName) -> tuple[str, ...] | None:
    """``name``'s words with the endings `_through_endings` reads away, or None when none is
    (or when ``name`` is not written the Baltic way, `written_baltic`)."""
    if not written_baltic(name.tokens):
        return None
    out = tuple(_stem(word, other.tokens) for word in name.tokens)
    return None if out == name.tokens else out


def _stem(word: str, theirs: tuple[str, ...]) -> str:
    """``word`` without a Baltic name's ending, when that brings it nearer a word of ``theirs``
    (see `_through_endings`); else ``word``."""
    if word in theirs:
        return word
    for stem in stems(word):
        for other in theirs:
            alike = token_similarity(stem, other)
            if alike >= _ENDING_ALIKE and alike > token_similarity(word, other):
                return stem
    return word


# A person's name romanised from Belarusian or Ukrainian read as Russian romanisations write it
# (`veu.names.slavic`: NOVIKAU, Siarhei Ihnatavich beside Sergey Novikov; KURCHENKO, Serhiy
# beside Sergei Kurchenko) is this much lower.
SLAVIC_PENALTY = 0.03


def _through_slavic(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two persons' names, one romanised from Belarusian or Ukrainian
    (`Romanisation.looks`), also with each of its words read as Russian romanisations write it
    (`_russian_words`), and again with its given names read by the language's table whether or
    not that brings them nearer (Alena: yelena, beside Elena), the whole way again (middle
    names, other spellings of given names), `SLAVIC_PENALTY` lower; and, when both are
    (Володимир, volodimir, the Cyrillic transliterated the Russian way, beside Volodymyr), both
    read so (`Romanisation.reading`). The better score counts (its explanation under the
    language's name)."""
    if not romanisations_of(query.tokens) and not romanisations_of(candidate.tokens):
        return best  # most pairs: two cached lookups
    for language in ROMANISATIONS:
        nearest_query, by_table_query = _russian_words(language, query, candidate)
        nearest_candidate, by_table_candidate = _russian_words(language, candidate, query)
        readings = (
            ("query", nearest_query, None),
            ("candidate", None, nearest_candidate),
            ("query", by_table_query, None),
            ("candidate", None, by_table_candidate),
            ("both", language.reading(query.tokens), language.reading(candidate.tokens)),
        )
        for side, mine, theirs in readings:
            if best.score >= 1.0:
                return best
            if (mine is None and theirs is None) or (side == "both" and None in (mine, theirs)):
                continue
            read: Any = " ".join(mine or theirs or ())
            if side == "both":
                read = {"query": " ".join(mine or ()), "candidate": " ".join(theirs or ())}
            best = _rescored(
                best, query, candidate, mine, theirs, language.name,
                {"side": side, "read_as": read}, SLAVIC_PENALTY, explain=explain,
            )  # fmt: skip
    return best


_Reading = tuple[str, ...] | None


def _russian_words(
    language: Romanisation, name: NormalName, other: NormalName
) -> tuple[_Reading, _Reading]:
    """``name``'s words read as Russian romanisations write them (`Romanisation.read_word`, and
    an a read as the other's o, `slavic.a_for_o`), each where that brings it nearer a word of
    ``other`` (the nearest reading); and the same with each given name of the language's table
    read by it even where that does not (Alena: yelena, which reads Elena as another spelling
    of it, though alena is as near elena as written), or None when that is the nearest reading.
    (None, None) when ``name`` does not look romanised from ``language``; None for a reading
    that reads no word."""
    if not language.looks(name.tokens):
        return None, None
    theirs = other.tokens
    nearest, by_table = [], []
    for word in name.tokens:
        near = word
        if word not in theirs:
            best = max(token_similarity(word, w) for w in theirs)
            for read in language.read_word(word):
                read = next((w for w in theirs if a_for_o(read, w)), read)
                alike = max(token_similarity(read, w) for w in theirs)
                if alike > best:
                    near, best = read, alike
        nearest.append(near)
        unread = near == word and word not in theirs
        by_table.append(language.given_names.get(word, word) if unread else near)
    reading = None if nearest == list(name.tokens) else tuple(nearest)
    return reading, None if by_table == nearest else tuple(by_table)


_WORD = re.compile(r"\w+")


def _generations(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """``best``, held at `NEXT_GENERATION`'s weight when one person's name is the other's
    child's (`veu.matching.features.next_generation`), whatever reading found it."""
    if best.score <= NEXT_GENERATION.weight:
        return best
    result = NEXT_GENERATION.function(query, candidate)
    if not result.score:
        return best
    if not explain:
        return NameScore(NEXT_GENERATION.weight, {})
    explanation = {**best.explanation, NEXT_GENERATION.name: NEXT_GENERATION.explained(result)}
    return NameScore(NEXT_GENERATION.weight, explanation)


def _with_repeats(
    query: NormalName, candidate: NormalName, best: NameScore, *, explain: bool
) -> NameScore:
    """`score_names` of two persons' names, one writing a word twice (ABDULLAHI MOHAMED MOHAMED
    CADDOW), which its tokens hold once, beside one with as many words or more, a word of which
    it does not have (ABDULLAHI OSMAN MOHAMED CADDOW): the name is also scored with the word
    written twice, where the other's word stands against it, and the lower score counts (the two
    are namesakes whose fathers' names differ: 0.90, now under review). Not a particle written
    twice (Isa Bin Tarif Al Bin Ali), nor beside a name that repeats a word too; a name that
    only repeats a word beside one without another word (Sergey Sergey Shoigu / Sergey Shoigu)
    is as before."""
    for this, other, side in ((query, candidate, "query"), (candidate, query, "candidate")):
        tokens = _written_twice(this)
        if (
            tokens is None
            or len(tokens) > len(other.tokens)
            or set(other.tokens) <= set(this.tokens)
            or _written_twice(other) is not None
        ):
            continue
        pair = (this.read_as(tokens, this.scripts), other)
        through = _score_names(*(pair if side == "query" else pair[::-1]), explain=explain)
        if through.score < best.score:
            if explain:
                through.explanation["repeated_word"] = {"side": side, "read_as": " ".join(tokens)}
            best = through
    return best


def _written_twice(name: NormalName) -> tuple[str, ...] | None:
    """A name's tokens with each word it writes twice or more (not a particle: bin, al, abu)
    written so, or None when it writes none so."""
    return _with_words_twice(name.original, name.tokens)


@lru_cache(maxsize=65536)
def _with_words_twice(original: str, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    written = _words_written(original)
    if len(written) <= len(tokens):
        return None  # most names: a word written twice leaves fewer tokens than words
    every = Counter(written)
    counts = {t: every[t] for t in tokens if t not in PARTICLES}
    if all(count <= 1 for count in counts.values()):
        return None
    return tuple(t for t in tokens for _ in range(max(1, counts.get(t, 1))))


def _repeats_a_word(name: NormalName) -> bool:
    words = _words_written(name.original)
    return len(set(words)) < len(words)


@lru_cache(maxsize=65536)
def _words_written(original: str) -> tuple[str, ...]:
    """A name's words as written, lower-cased (a word written twice is there twice)."""
    return tuple(_WORD.findall(original.lower()))


def reading_beside(name: NormalName, other: NormalName) -> tuple[str, ...] | None:
    """The words the scorer may read ``name`` as beside ``other``: those of a name in Arabic
    script that the other's consonants fit, the pinyin of a name in Wade-Giles, or a name
    romanised from Belarusian or Ukrainian read as Russian romanisations write it
    (`_russian_words`); None when it reads ``name`` as written only (for estimates:
    `veu.matching.entity`)."""
    if _read_by_consonants(name, other):
        return fitted(name.tokens, other.tokens)[0]
    if name.han or other.han:
        return None
    read = wade_giles_reading(name.tokens, other.skeleton)
    if read is not None:
        return read[0]
    return next(
        (
            r
            for lang in romanisations_of(name.tokens)
            if (r := _russian_words(lang, name, other)[0]) is not None
        ),
        None,
    )


def _score_names(query: NormalName, candidate: NormalName, *, explain: bool) -> NameScore:
    if query.empty or candidate.empty:
        side = "query" if query.empty else "candidate"
        return NameScore(
            0.0,
            {
                "no_distinctive_name": {
                    "score": 0.0,
                    "reason": f"the {side} name is only a legal form or punctuation",
                    "forms": sorted((query if query.empty else candidate).forms),
                }
            },
        )
    if not explain and _same_name(query, candidate):
        return NameScore(1.0, {})  # every feature agrees
    both_han = bool(query.han and candidate.han)
    combined = Combination()
    explanation: dict[str, Any] = {}
    for feature in _SCORED[both_han, explain]:
        if not explain and feature.kind != "evidence" and combined.cannot_change(feature):
            continue
        result = feature.function(query, candidate)
        combined.add(feature, result)
        if not explain:
            continue
        if feature.kind == "evidence" or result.score or (feature.kind == "info" and result.detail):
            explanation[feature.name] = feature.explained(result)
    return NameScore(combined.score, explanation)


def _same_name(a: NormalName, b: NormalName) -> bool:
    """The same name once normalised: the same tokens and Han characters."""
    return a.tokens == b.tokens and a.han == b.han
