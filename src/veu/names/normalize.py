"""Normalising names for comparison across scripts.

``normalise(text)`` turns a name as written (Chinese, Latin, Cyrillic, pinyin, ...) into a
`NormalName`: Latin tokens (Han transliterated to pinyin, kana by Hepburn, other scripts to
ASCII), a no-space skeleton, the Han characters (traditional and Japan's own forms folded to
simplified, the spaces between them dropped), and the legal forms found, which are removed from
the tokens so that they never decide a match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import opencc
from anyascii import anyascii
from rapidfuzz.distance import OSA

from veu.names.abjad import ARTICLE_WORDS, SUN_WRITTEN, in_arabic_script
from veu.names.abjad import romanise as romanise_arabic
from veu.names.acronyms import expand_acronyms
from veu.names.kana import KATAKANA, romanise_kana
from veu.names.korean import romanise as romanise_korean
from veu.names.legal_forms import (
    cjk_forms_longest_first,
    cyrillic_forms_longest_first,
    latin_form_index,
    truncated_form_index,
)
from veu.names.numbers import (
    ABBREVIATIONS,
    DIRECTIONS,
    NUMBER_WORDS,
    ORDINALS,
    PHRASE_WORDS,
    ROMAN,
    Misspellings,
    fold_phrases,
    words_to_numbers,
)
from veu.names.pinyin import POSTAL, is_pinyin, pinyin_of
from veu.names.pinyin import SYLLABLES as PINYIN
from veu.names.russian import TRANSLATIONS as RUSSIAN
from veu.names.wade_giles import READINGS as WADE_GILES_SYLLABLES
from veu.names.wade_giles import is_wade_giles_word

T2S = opencc.OpenCC("t2s")  # traditional Chinese to simplified
# Characters OpenCC's jp2t changes (the kanji Japan has written since 1946, shinjitai) that are not
# also simplified characters Chinese writes otherwise: jp2t would make 研究 硏究, 沪 濾, 郎 郞.
_CHINESE_TOO = frozenset("予叙晃概欠沪瓶研萌翻郎缶糸弁芸褒慎")


@cache
def _shinjitai() -> dict[int, str]:
    """Japan's own forms of kanji (気, 広, 鉄, 関, 県) as simplified Chinese writes them (气, 广,
    铁, 关, 县): OpenCC's jp2t (to the traditional form) then t2s, for the characters of the CJK
    block that jp2t changes and t2s leaves, less those Chinese writes too (`_CHINESE_TOO`).
    Built when first asked for (8 ms), not when the module is imported."""
    block = "".join(map(chr, range(0x4E00, 0xA000)))
    traditional = opencc.OpenCC("jp2t").convert(block)  # character for character
    changed = [(a, b) for a, b in zip(block, traditional, strict=True) if a != b]
    kept = T2S.convert("".join(a for a, _ in changed))
    simplified = T2S.convert("".join(b for _, b in changed))
    return {
        ord(a): s
        for (a, _), k, s in zip(changed, kept, simplified, strict=True)
        if k == a and s != a and a not in _CHINESE_TOO
    }


def simplified(text: str) -> str:
    """``text`` with its Han characters as simplified Chinese writes them: traditional ones
    (OpenCC's t2s) and Japan's own forms (`_shinjitai`: 日本電気, 日本电气); and without the
    spaces Chinese does not write between them, which forms and documents laid out by hand put
    there (王　伟, 公 司)."""
    converted: str = T2S.convert(_HAN_GAP.sub("", text).translate(_shinjitai()))
    return converted


_CJK_FORMS = cjk_forms_longest_first()
_CYRILLIC_FORMS = [
    (re.compile(rf"(?<![\w]){re.escape(form)}(?![\w])"), cls)
    for form, cls in cyrillic_forms_longest_first()
]
_LATIN_FORMS = latin_form_index()
_TRUNCATED_FORMS = truncated_form_index()
_LATIN_FORM_MAX = max(len(k) for k in _LATIN_FORMS)
# Short forms that are also ordinary words or syllables: removed only at the start or the end;
# and the forms that also say what a body is, read so inside a name (AGRICULTURAL COOPERATIVE
# BANK is a bank of its kind, not AGRICULTURAL DEVELOPMENT BANK's agricultural bank).
_EDGE_ONLY = {k for k in _LATIN_FORMS if len(k) == 1 and len(k[0]) <= 3} | {
    ("cooperative",),
    ("cooperativa",),
    ("kooperativ",),
    ("coop",),
    ("partnership",),
}
# Short forms that are also given names, written after companies' names: removed only at the end.
_END_ONLY = {("sal",), ("ca",)}
# The words a legal form can begin with: any other word is kept without looking further.
_FORM_FIRST = frozenset(k[0] for k in _LATIN_FORMS)
# Short forms that are also Chinese syllables, written before a name (PAO, AO, ZAO: Russian
# joint-stock companies): kept beside a Chinese person's name (`_chinese_name`). Not S.A. nor SE,
# written after companies' names, Chinese ones too.
_SYLLABLE_FORMS = {k for k in _EDGE_ONLY if k[0] in PINYIN or k[0] in WADE_GILES_SYLLABLES} - {
    ("sa",),
    ("se",),
}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_KANA = "\u3040-\u30ff\u31f0-\u31ff"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
HAN_RUN = re.compile(f"[{_HAN}]+")
_HAN_GAP = re.compile(f"(?<=[{_HAN}])\\s+(?=[{_HAN}])")  # spaces between Han characters
# Han characters and katakana, which Japanese names write in one word (三菱重工航空エンジン)
HAN_OR_KATAKANA_RUN = re.compile(f"[{_HAN}{KATAKANA}]+")
# Han characters and Korean syllable blocks, each read syllable by syllable: a run of either.
_SYLLABIC_RUN = re.compile(f"[{_HAN}]+|[\uac00-\ud7a3]+")
# The characters compared as characters: Han and Kana. Korean is compared by its syllables' Latin
# reading (`_transliterate`), as names written in Latin are: 김정은 beside Kim Jong Un.
_CJK_CHAR = re.compile(f"[{_HAN}{_KANA}]")
_KANA_CHAR = re.compile(f"[{_KANA}]")
_SCRIPT_RANGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Han", re.compile(f"[{_HAN}]")),
    ("Kana", re.compile(f"[{_KANA}]")),
    ("Hangul", re.compile(f"[{_HANGUL}]")),
    ("Cyrillic", re.compile("[\u0400-\u04ff]")),
    ("Arabic", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("Greek", re.compile("[\u0370-\u03ff]")),
    ("Latin", re.compile("[A-Za-z\u00c0-\u024f]")),
)
_APOSTROPHES = re.compile(r"['`´’‘ʼ]")
# ``Xi?an``: an apostrophe lost to a wrong encoding (as in the CSL), between two letters.
_LOST_APOSTROPHE = re.compile(r"(?<=[a-z])\?(?=[a-z])")
# ``711th``, ``22nd``: ordinals written with digits, folded to the number.
_DIGIT_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_POSSESSIVE = re.compile(r"['’]s\b")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}(?:[a-z]\b)?")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_STOPWORDS = frozenset({"the"})
# Roman numerals that are also pinyin syllables (XI, and the surname Xi): read as a number only
# after a word that is no pinyin (Bain Capital Fund XI; not Xi Jinping, Jinping Xi, Li Xi), and
# not before one (CAST Xi an Spaceflight Engine Factory: Xi'an, its apostrophe lost).
_PINYIN_NUMERALS = frozenset(ROMAN) & PINYIN
# Abbreviations written out, Chinese places in the postal romanisation written in pinyin, and
# the words of Russian organisations' names translated.
_SPELLINGS = {**RUSSIAN, **ABBREVIATIONS, **DIRECTIONS, **POSTAL}
# A word one edit from a word the normaliser translates from Russian, an ordinal or a Chinese
# place in the postal romanisation is folded as that one (`_near_fold`). Not one near an
# abbreviation: a word an edit longer is often a word of its own (Telecom is not Telecomm).
_NEAR_FOLDS = {**RUSSIAN, **ORDINALS, **POSTAL}
# Words not read as a misspelling: the spelled numbers, and the words of the phrases
# `fold_phrases` folds whole (institut in nauchno issledovatelskii institut, NII).
_LEFT_AS_WRITTEN = NUMBER_WORDS | PHRASE_WORDS


@lru_cache(maxsize=1)
def _fold_spellings() -> Misspellings:
    """`_NEAR_FOLDS`' misspellings, made on first use: 12 ms that a command needing no name
    should not pay when it starts."""
    return Misspellings(_NEAR_FOLDS)


def _near_fold(word: str) -> str | None:
    """What ``word`` folds to when it is a misspelling (one edit, `Misspellings`) of a word of
    `_NEAR_FOLDS` and of no other that folds otherwise (TSETRALNOE: central, as TSENTRALNOE;
    FIFTEENH: 15; SUDOREMONTNY: shiprepair); None otherwise, and for a word of a table itself
    (a spelled number: seventy is not seventh). Not cached itself: `_folded_word`, its only
    caller, is."""
    if word in _LEFT_AS_WRITTEN:
        return None
    folded = {_NEAR_FOLDS[k] for k in _fold_spellings().of(word)}
    return folded.pop() if len(folded) == 1 else None


# The Persian ezafe written after a hyphen (SHERKAT-E MELLI-YE SAKHTEMAN, BANK-E TAT): a
# grammatical ending the English names do not write (MELLI SAKHTEMAN COMPANY, TAT BANK).
_EZAFE = re.compile(r"(?<=[a-z]{2})-y?e\b(?!-)", re.IGNORECASE)
# The Arabic article written as it is said before a sun letter, as the letter that begins the
# next word (ad-Din, ar-Rahman, as-Sayyid, ash-Shami, at-Tawhid, an-Nur; ud-Din, ur-Rahman in
# Urdu; ed-Dine, es-Sayed in French): the article al, as the lists also write it (al-Din,
# al-Sayyid), with its hyphen; written apart (Jamaat ud Dawa, Nasir ad Din), only where it can be
# nothing else (`_said_article`). Before another letter it is no article (Ed-Wards).
_SAID_ARTICLE = re.compile(rf"\b([aeu]({'|'.join(SUN_WRITTEN)}))(-|\s+)(?=(\2\w*))", re.IGNORECASE)
_URDU_ARTICLES = frozenset({"ud", "ur"})


def _said_article(found: re.Match[str]) -> str:
    """``al-`` for an article written as said (`_SAID_ARTICLE`): with its hyphen, or apart where
    it can be nothing else, Urdu's ud and ur, or any said form before a word the article goes
    with in names (`ARTICLE_WORDS`) or a word of origin (`_nisba`: Ad Dagestani); An Nguyen, Ed
    Davis and US Steel stay as written. Else the text as written."""
    article, joint, word = found.group(1).lower(), found.group(3), found.group(4).lower()
    said = joint == "-" or (
        len(word) > len(article) - 1
        and (article in _URDU_ARTICLES or word in ARTICLE_WORDS or _nisba(word))
    )
    return "al-" if said else found.group(0)


_NISBA_LETTERS = 5  # letters of a word of origin (nisba) at least: Dagestani, Suri is too short


def _nisba(word: str) -> bool:
    """Whether ``word`` may be an Arabic name's word of origin, which takes the article (AD
    DAGESTANI, ASH SHAMI): five letters or more, ending in i."""
    return len(word) >= _NISBA_LETTERS and word.endswith("i")


# ``SiemensAG``: a legal form glued to the name, recognisable by its capitals.
_GLUED_FORM = re.compile(r"(?<=[a-z])([A-Z]{2,5})\b")


@dataclass(frozen=True, slots=True)
class NormalName:
    """A name ready for comparison. ``empty`` is true when nothing distinctive is left."""

    original: str
    tokens: tuple[str, ...]
    skeleton: str
    han: str
    forms: frozenset[str]
    scripts: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.tokens and not self.han

    def read_as(self, tokens: tuple[str, ...], scripts: frozenset[str] | None = None) -> NormalName:
        """This name read another way: as ``tokens``, without Han characters (a name in
        Arabic script read by a Latin name's consonants, one in Wade-Giles read as pinyin)."""
        return NormalName(
            original=self.original,
            tokens=tokens,
            skeleton="".join(tokens),
            han="",
            forms=self.forms,
            scripts=self.scripts if scripts is None else scripts,
        )


_LATIN_ONLY = frozenset({"Latin"})
_ASCII_LETTER = re.compile("[A-Za-z]")


def scripts_of(text: str) -> frozenset[str]:
    if text.isascii():  # most names: one quick test instead of one per script
        return _LATIN_ONLY if _ASCII_LETTER.search(text) else frozenset()
    return frozenset(name for name, pattern in _SCRIPT_RANGES if pattern.search(text))


def _latin(text: str) -> str:
    """``text`` (no Han nor Hangul) in ASCII: kana by Hepburn (`veu.names.kana`: ジャパン japan,
    where anyascii writes jiyapan), the rest by anyascii."""
    return anyascii(romanise_kana(text) if _KANA_CHAR.search(text) else text)


def _transliterate(text: str) -> list[Token]:
    """Latin tokens of ``text``: Han runs become pinyin syllables and Korean syllable blocks their
    Revised Romanization, one token a syllable (flagged: kept as spelt, as a Korean name written
    in Hangul without spaces, 김정은, is read gim jeong eun); other scripts ASCII."""
    tokens: list[Token] = []
    pos = 0

    def add(chunk: str, from_han: bool) -> None:
        tokens.extend((t, from_han) for t in _clean_latin(chunk.lower()).split())

    if text.isascii():  # most names: no Han run to look for, nothing to transliterate
        add(text, False)
        return tokens

    for run in _SYLLABIC_RUN.finditer(text):
        if run.start() > pos:
            add(_latin(text[pos : run.start()]), False)
        syllables = run.group()
        if "\uac00" <= syllables[0] <= "\ud7a3":  # Hangul, in the Revised Romanization
            add(" ".join(map(romanise_korean, syllables)), True)
        else:
            add(" ".join(pinyin_of(syllables)), True)
        pos = run.end()
    if pos < len(text):
        add(_latin(text[pos:]), False)
    return tokens


def _clean_latin(text: str) -> str:
    # Each rewrite only where its character occurs (most names have none of them).
    if "'" in text or "`" in text or not text.isascii():
        text = _POSSESSIVE.sub("", text)
        text = _APOSTROPHES.sub("", text)
    if "?" in text:
        text = _LOST_APOSTROPHE.sub("", text)
    if "&" in text:
        text = text.replace("&", " and ")
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    return _NON_ALNUM.sub(" ", text)


Token = tuple[str, bool]  # (text, a syllable read from Han or Hangul)


# A legal form misspelt at either end of a name (Joynt Stock Company, Aktiengeselschaft,
# Limted): one word of it one edit away (a letter added, dropped, changed, or two swapped), a
# word of at least FUZZY_FORM_WORD letters. A form of one word only at the end, and only these
# long ones (not Compagnie, one edit from the surname Compagni, nor Limitada from Limitado).
FUZZY_FORM_WORD = 4
_FUZZY_SINGLE = (
    "limited",
    "company",
    "companies",
    "corporation",
    "incorporated",
    "aktiengesellschaft",
    "kommanditgesellschaft",
    "cooperative",
    "partnership",
)
assert all((form,) in _LATIN_FORMS for form in _FUZZY_SINGLE)
# The multi-word forms by their words but one: the word misspelt is the one left out.
_FORMS_WITHOUT: dict[tuple[int, tuple[str, ...]], list[tuple[str, ...]]] = {}
for _key in _LATIN_FORMS:
    for _at in range(len(_key) if len(_key) > 1 else 0):
        _FORMS_WITHOUT.setdefault((_at, _key[:_at] + _key[_at + 1 :]), []).append(_key)
# The words of the multi-word forms: a stretch of a name that holds two words not among them
# is no misspelt form.
_MULTI_WORDS = frozenset(word for key in _LATIN_FORMS if len(key) > 1 for word in key)
# The long one-word forms by first letter and length, each under the lengths one edit away.
_SINGLE_NEAR: dict[tuple[str, int], tuple[str, ...]] = {}
for _form in _FUZZY_SINGLE:
    for _size in range(len(_form) - 1, len(_form) + 2):
        _SINGLE_NEAR[_form[0], _size] = (*_SINGLE_NEAR.get((_form[0], _size), ()), _form)


def _one_edit(written: str, form: str) -> bool:
    return (
        len(form) >= FUZZY_FORM_WORD
        and len(written) >= FUZZY_FORM_WORD - 1
        and abs(len(written) - len(form)) <= 1
        and OSA.distance(written, form, score_cutoff=1) == 1
    )


def _misspelt_form(words: list[str], end: bool) -> tuple[int, tuple[str, ...]] | None:
    """(size, form) of the longest multi-word legal form the ``words`` at the ``end`` of a name
    (else at its start) spell with one word one edit away: the word nearest that end that is
    no word of any form, and no other such word in the form. None without one."""
    count = len(words)
    order = range(count - 1, -1, -1) if end else range(count)
    outside = [k for k in order if words[k] not in _MULTI_WORDS][:2]
    if not outside:
        return None
    at = outside[0]
    if end:
        first = outside[1] + 1 if len(outside) > 1 else 0
        spans = [(start, count) for start in range(first, at + 1)]
    else:
        last = outside[1] if len(outside) > 1 else count
        spans = [(0, stop) for stop in range(last, at, -1)]
    for start, stop in spans:
        if stop - start < 2:
            continue
        window = tuple(words[start:stop])
        for key in _FORMS_WITHOUT.get(
            (at - start, window[: at - start] + window[at - start + 1 :]), ()
        ):
            if _one_edit(words[at], key[at - start]):
                return stop - start, key
    return None


def _misspelt_single(word: str) -> str | None:
    """The long one-word legal form (`_FUZZY_SINGLE`) that ``word`` misspells by one edit, its
    first letter right (Limted, Corportaion); None for none, or for the form itself."""
    for form in _SINGLE_NEAR.get((word[0], len(word)), ()) if word else ():
        if form != word and _one_edit(word, form):
            return form
    return None


def _correct_edge_forms(tokens: list[Token]) -> list[Token]:
    """``tokens`` with a legal form misspelt at the end or the start of the name written as it
    should be, the longest such form at each end, so that it is removed as that form is: a
    multi-word form with one word one edit away (`_misspelt_form`), or at the end one of the
    long one-word forms (``_FUZZY_SINGLE``: Limted, Corportaion) after a word that is no
    multi-word form's (Joint Stock Compan is cut short, not misspelt) or is a form alone
    (Co., Limted). A word of the name is
    always left beside it. The first letter of a misspelt one-word form is taken to be right."""
    n = len(tokens)
    if n < 2 or tokens[-1][1]:
        return tokens
    last = tokens[-1][0]
    # A form of two words or more holds one of the two words at its end written right.
    if last in _MULTI_WORDS or tokens[-2][0] in _MULTI_WORDS:
        edge = tokens[max(1, n - _LATIN_FORM_MAX) :]
        found = _misspelt_form([t for t, _ in edge], end=True)
        if found is not None and not any(han for _, han in edge[-found[0] :]):
            return tokens[: n - found[0]] + [(word, False) for word in found[1]]
    form = _misspelt_single(last)
    before = tokens[-2][0]  # a word of a longer form only, cut short; a form alone, written so
    if form is not None and (before not in _MULTI_WORDS or (before,) in _LATIN_FORMS):
        return [*tokens[:-1], (form, False)]
    if tokens[0][0] in _MULTI_WORDS or tokens[1][0] in _MULTI_WORDS:
        edge = tokens[: min(n - 1, _LATIN_FORM_MAX)]
        found = _misspelt_form([t for t, _ in edge], end=False)
        if found is not None and not any(han for _, han in edge[: found[0]]):
            return [(word, False) for word in found[1]] + tokens[found[0] :]
    return tokens


# The former Yugoslavia's d.o.o. and North Macedonia's DOOEL, after which its companies write
# their seat or what they do (TEHNOGLOBAL SYSTEMS DOO BEOGRAD, KARNER D.O.O. LJUBLJANA, T.G.A.
# D.O.O. ZA TRGOVINU I USLUGE): the name is the words before it. DOO without its dots may be a
# Korean name's syllable (Chun Doo Hwan): then two words of the name before it, or a seat's word
# longer than a syllable after it.
_SEAT_AFTER = frozenset({"doo", "dooel"})
_DOTTED_SEAT = re.compile(r"\bd\.\s?o\.\s?o\b|\bdooel\b")
_SEAT_WORDS = 6  # words of the seat and what the company does, at most
_SEAT_LETTERS = 6  # letters of the seat's first word after DOO without dots and one word


def _without_seat(tokens: list[Token], forms: set[str], written: str) -> list[Token]:
    """``tokens`` without a form of `_SEAT_AFTER` and the seat after it (its class recorded in
    ``forms``): TEHNOGLOBAL SYSTEMS DOO BEOGRAD beside Tehnoglobal Systems d.o.o. scored 0.75.
    ``written``: the name as the tokens were read from it (casefolded), which tells whether the
    form is written with its dots (D.O.O.) or as DOOEL."""
    for i in range(1, len(tokens) - 1):
        text, from_han = tokens[i]
        if from_han or text not in _SEAT_AFTER or len(tokens) - i - 1 > _SEAT_WORDS:
            continue
        if i >= 2 or len(tokens[i + 1][0]) >= _SEAT_LETTERS or _DOTTED_SEAT.search(written):
            forms.add(_LATIN_FORMS[(text,)])
            return tokens[:i]
    return tokens


def _strip_latin_forms(tokens: list[Token], written: str = "") -> tuple[list[Token], set[str]]:
    """Remove legal forms written in Latin letters (never pinyin syllables), also when a word
    of one is misspelt at an end of the name (`_correct_edge_forms`), and the seat written after
    a form of the former Yugoslavia (`_without_seat`; ``written``: the text read)."""
    forms: set[str] = set()
    if len(tokens) > 2 and tokens[0][0] in _STOPWORDS and not tokens[0][1]:
        tokens = tokens[1:]  # The LLC Karst: the form begins the name
    tokens = _without_seat(tokens, forms, written)
    tokens = _spaced_form(tokens)
    tokens = _correct_edge_forms(tokens)
    cut = _truncated_form(tokens)
    if cut is not None:
        tokens = tokens[: -cut[0]]
        forms.add(cut[1])
    keep: list[Token] = []
    i = 0
    n = len(tokens)
    at_end = cut is not None  # whether a form was removed at the end of the name
    while i < n:
        if tokens[i][0] not in _FORM_FIRST:
            keep.append(tokens[i])
            i += 1
            continue
        matched = 0
        for size in range(min(_LATIN_FORM_MAX, n - i), 0, -1):
            window = tokens[i : i + size]
            if any(from_han for _, from_han in window):
                continue
            key = tuple(text for text, _ in window)
            cls = _LATIN_FORMS.get(key)
            if cls is None:
                continue
            if key in _EDGE_ONLY and not (i == 0 or i + size == n):
                continue
            if key in _END_ONLY and i + size != n:
                continue
            if key in _SYLLABLE_FORMS and _chinese_name(tokens, i):
                continue
            forms.add(cls)
            matched = size
            break
        if matched:
            _drop_joining(keep)
            i += matched
            at_end = i == n
        else:
            keep.append(tokens[i])
            i += 1
    # A trailing form can expose another (``Foo Co Ltd``), misspelt too once one was removed at
    # the end (``Raytronic Corpration, Limited``): strip edge forms again.
    while len(keep) > 1 and not keep[-1][1]:
        word = keep[-1][0]
        misspelt = _misspelt_single(word) if at_end and (word,) not in _LATIN_FORMS else None
        cls = _LATIN_FORMS.get((misspelt or word,))
        if cls is None or ((word,) in _SYLLABLE_FORMS and _chinese_name(keep, len(keep) - 1)):
            break
        forms.add(cls)
        keep.pop()
        _drop_joining(keep)
    return keep, forms


SPACED_FORM_MIN = 3  # letters of a legal form written apart (S R L), at least


def _spaced_form(tokens: list[Token]) -> list[Token]:
    """``tokens`` with the single letters that end them written as one word when that word is a
    legal form of `SPACED_FORM_MIN` letters or more (ACME S R L: acme srl; G M B H), as a
    register or a form stripped of its dots writes it. Two letters are left apart: they are
    more often a person's initials (Smith A B) than a form (AB, AG)."""
    run = 0
    while run < len(tokens) - 1 and len(tokens[-1 - run][0]) == 1 and not tokens[-1 - run][1]:
        run += 1
    if run < SPACED_FORM_MIN:
        return tokens
    joined = "".join(text for text, _ in tokens[-run:])
    if (joined,) not in _LATIN_FORMS:
        return tokens
    return [*tokens[:-run], (joined, False)]


# Words joining a legal form to the name (``& Co.``, ``y Compañía``, ``et Cie``, ``und Co.``;
# ``&`` is read as ``and``): part of the form, not a word of the name left dangling.
_JOINING_FORMS = frozenset({"and", "y", "et", "und"})


def _drop_joining(keep: list[Token]) -> None:
    """Drop the word joining a legal form just removed to the name kept before it (Smith & Co.:
    smith, not smith and), when a word of the name is left."""
    if len(keep) > 1 and not keep[-1][1] and keep[-1][0] in _JOINING_FORMS:
        keep.pop()


def _chinese_name(tokens: list[Token], at: int) -> bool:
    """Whether the words of ``tokens`` but the one ``at`` (a legal form that is also a Chinese
    syllable: PAO, AO, ZAO, SA, SE) are one to three, each pinyin or Wade-Giles: the name of a
    Chinese person whose surname the form spells (PAO, Yu Hsiang: Bao Yuxiang; PAO was removed
    as a Russian PAO, a public joint-stock company, and the surname lost)."""
    rest = [text for k, (text, _) in enumerate(tokens) if k != at]
    return 0 < len(rest) <= 3 and all(is_pinyin(t) or is_wade_giles_word(t) for t in rest)


def _truncated_form(tokens: list[Token]) -> tuple[int, str] | None:
    """(words, class) of a multi-word legal form cut short at the end of a name (``Joint Stock
    Compan``), when a word of the name is left before it; else None."""
    if not tokens or tokens[-1][1]:
        return None
    for key, cls in _TRUNCATED_FORMS.get(tokens[-1][0], ()):
        size = len(key)
        if size < len(tokens) and all(
            text == word and not from_han
            for (text, from_han), word in zip(tokens[-size:-1], key[:-1], strict=True)
        ):
            return size, cls
    return None


def _pinyin_follows(tokens: list[Token], k: int) -> bool:
    """Whether the word after word ``k`` is a syllable of pinyin that is no legal form."""
    after = tokens[k + 1][0] if k + 1 < len(tokens) else ""
    return is_pinyin(after) and (after,) not in _LATIN_FORMS


@lru_cache(maxsize=65_536)
def _folded_word(written: str, roman: bool) -> str:
    """A word in Latin letters folded (`_fold_tokens`): an ordinal or a Roman numeral (when
    ``roman``) as its number, an abbreviation, a Chinese place in the postal romanisation or a
    Russian word as `_SPELLINGS` writes it, or as the word it misspells (`_near_fold`)."""
    text = ORDINALS.get(written, written)
    digits = _DIGIT_ORDINAL.match(text)
    if digits:
        text = digits.group(1)
    if roman:
        text = ROMAN.get(text, text)
    folded = _SPELLINGS.get(text)
    if folded is None and text == written:  # nothing else read it: perhaps misspelt
        folded = _near_fold(text)
    return folded or text


def _article_repeated(texts: list[str], k: int) -> bool:
    """Whether word ``k`` of ``texts`` (a name written in Arabic script, romanised) is the article
    or the word after it, the two written so before: the second al-Din of Siraj al-Din Jalal
    al-Din (سراج الدين جلال الدين), which the Latin spelling writes in one word with Jalal
    (Jalaluddin)."""
    start = k if texts[k] == "al" else k - 1
    if start < 0 or start + 1 >= len(texts) or texts[start] != "al":
        return False
    pair = (texts[start], texts[start + 1])
    return any((texts[j], texts[j + 1]) == pair for j in range(start))


def _fold_tokens(tokens: list[Token], arabic: bool = False) -> list[str]:
    """Spelling variants folded (ordinals, Roman numerals, abbreviations, Chinese places in the
    postal romanisation, spelled numbers, the kinds of Russian bodies: `fold_phrases`) and
    repeats dropped, for tokens written in Latin (in a name written in Arabic script, ``arabic``,
    but an article and its word repeated: `_article_repeated`); pinyin syllables are kept as
    they are."""
    texts = [text for text, _ in tokens] if arabic else []
    out: list[str] = []
    latin: list[str] = []

    def flush() -> None:
        out.extend(words_to_numbers(latin))
        latin.clear()

    before = ""  # the word before, as written
    repeated = False  # a repeat kept until phrases and numbers are read
    for k, (text, from_han) in enumerate(tokens):
        if from_han:
            flush()
            out.append(text)
            before = text
            continue
        # xi is 11 only after a word that is not pinyin (Ocean Xi), else pinyin (Xi Jinping),
        # and not before a syllable of pinyin that is no legal form (CAST Xi an: Xi'an)
        roman = text not in _PINYIN_NUMERALS or (
            bool(before) and not is_pinyin(before) and not _pinyin_follows(tokens, k)
        )
        before = text
        text = _folded_word(text, roman)
        if text in _STOPWORDS:
            continue
        if (text in latin or text in out) and not (arabic and _article_repeated(texts, k)):
            if text not in _LEFT_AS_WRITTEN and not (
                len(text) == 1 and latin and len(latin[-1]) == 1
            ):
                continue  # ``Sergey Sergey Shoigu``: a repeat says nothing more
            repeated = True  # or a letter of a name spelt in letters (A W A: awa, not aw)
        latin.append(text)
    flush()
    if not repeated:
        return fold_phrases(out)
    return _without_repeats(fold_phrases(out), {text for text, from_han in tokens if from_han})


def _without_repeats(tokens: list[str], pinyin: set[str]) -> list[str]:
    """``tokens`` without the repeats of words read with their neighbours (`_LEFT_AS_WRITTEN`),
    which `_fold_tokens` keeps until phrases and numbers are read: the second ``of`` of the
    Government of the United Kingdom of Great Britain and Northern Ireland belongs to the
    phrase folded to UK, and Two Hundred Two is not Two Hundred. Pinyin syllables are kept
    as they are."""
    seen: set[str] = set()
    out: list[str] = []
    for token in tokens:
        if token in seen and token in _LEFT_AS_WRITTEN and token not in pinyin:
            continue
        seen.add(token)
        out.append(token)
    return out


def _unglue_form(match: re.Match[str]) -> str:
    suffix = match.group(1)
    return f" {suffix}" if (suffix.lower(),) in _LATIN_FORMS else suffix


@lru_cache(maxsize=65536)
def normalise(text: str) -> NormalName:
    """Normalise one name (see module docstring). Pure and cached."""
    s = expand_acronyms(unicodedata.normalize("NFKC", text).strip())
    if "-" in s:
        s = _EZAFE.sub("", s)
    s = _SAID_ARTICLE.sub(_said_article, s)
    s = _GLUED_FORM.sub(_unglue_form, s)
    scripts = scripts_of(s)
    if "Han" in scripts:
        s = simplified(s)
    s = s.casefold()
    forms: set[str] = set()
    if scripts & {"Han", "Kana", "Hangul"}:
        for form, cls in _CJK_FORMS:
            if form in s:
                s = s.replace(form, " ")
                forms.add(cls)
    if "Cyrillic" in scripts:
        for pattern, cls in _CYRILLIC_FORMS:
            s, count = pattern.subn(" ", s)
            if count:
                forms.add(cls)
    if "Arabic" in scripts:  # long vowels written, the article split off
        s = romanise_arabic(s)
    han = "" if s.isascii() else "".join(_CJK_CHAR.findall(s))
    tokens, latin_forms = _strip_latin_forms(_transliterate(s), s)
    forms |= latin_forms
    folded = _fold_tokens(tokens, in_arabic_script(scripts))
    return NormalName(
        original=text,
        tokens=tuple(folded),
        skeleton="".join(folded),
        han=han,
        forms=frozenset(forms),
        scripts=scripts,
    )


@lru_cache(maxsize=65536)
def latin_words(text: str) -> tuple[str, ...]:
    """The normalised words of a name written partly in Chinese that are not Chinese (LKD in
    LKD航天公司, AEVEX in AEVEX 航天公司): the name without its Han characters, normalised."""
    return normalise(HAN_RUN.sub(" ", text)).tokens


SURNAME_FIRST = re.compile(r"^([^,]+),([^,]+)$")  # SUTTON, David Keith: one comma, surname before


def surname_first(name: NormalName) -> int:
    """How many of ``name``'s first tokens are a surname written before a comma (SUTTON, David
    Keith: 1; AL-ZAWAHIRI, Ayman: 2), as the lists write persons; 0 when it is not written so,
    or when the surname is all its tokens."""
    found = SURNAME_FIRST.match(name.original)
    if found is None:
        return 0
    surname = len(normalise(found.group(1)).tokens)
    return surname if 0 < surname < len(name.tokens) else 0


def given_first(name: NormalName) -> tuple[str, ...]:
    """A person's name's tokens, given names first: a name written surname first before a comma
    has its surname's words moved to the end (`surname_first`)."""
    surname = surname_first(name)
    return (*name.tokens[surname:], *name.tokens[:surname]) if surname else name.tokens
