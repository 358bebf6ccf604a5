"""Names written in Arabic script (Arabic, Persian, Urdu), which write consonants and long vowels
but not short ones: أسامة بن لادن is Usama bin Laden, محمد is Muhammad, Mohammed or Mohamed.

`romanise` writes an Arabic-script name's long vowels and splits off its article before it is
transliterated (anyascii leaves the alif out: أسامة came out ``smh``); `consonants` reduces a
word in Latin letters to what such a script writes of it, so that a word of a name written in
Arabic script can be read as the word of a Latin name with the same consonants (`fitted`). Without
its vowels a word may be read more than one way (محمد: Muhammad; محمود: Mahmoud, whose long u
the script writes, but the consonants do not keep), so a pair matched that way is never more than
a person's look (`veu.matching.scorer`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f]+")
# Long vowels and the letters that carry a hamza, as names are written in Latin letters; the
# final ة of Usama, Hamza is said a.
_LETTERS = str.maketrans(
    {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ؤ": "u", "ئ": "i",
     "ض": "dh"}  # ض as ظ and ذ: z, dh or d (`read_consonants`); anyascii wrote d
)  # fmt: skip
_GOD = frozenset({"الله", "لله", "اللہ"})  # the last as Urdu writes it
ARTICLE = "ال"
_ABD = "عبد"  # written glued to the article of the name it begins (عبدالرحمن: Abd al-Rahman)
# Persian writes a word's final vowel e with ه, and a space that does not part its letters (a
# zero-width non-joiner) after it inside a word: خامنه‌ای, Khamenei.
_PERSIAN_E = re.compile("\u0647\u200c")


def _romanised_word(w: str) -> str:
    if w in _GOD:
        return "allah"
    if w.startswith(_ABD + ARTICLE) and len(w) > len(_ABD + ARTICLE) + 1:
        return "bd " + _romanised_word(w[len(_ABD) :])  # anyascii writes ع as ` (left out)
    if w.startswith(ARTICLE) and len(w) > len(ARTICLE) + 1:
        return "al " + w[len(ARTICLE) :].translate(_LETTERS)
    return w.translate(_LETTERS)


def romanise(text: str) -> str:
    """``text`` with each word in Arabic script given its long vowels, its article split off
    (الظواهري: al ظواهري), Allah written out and a glued Abd al- parted (عبدالجبار: bd al
    جبار); the rest is left to the transliteration."""
    return _WORD.sub(lambda found: _romanised_word(found.group()), _PERSIAN_E.sub("e", text))


# Letter groups that Latin spellings of Arabic names write for one letter (ذ and ظ: dh or z,
# ث: th or s, خ: kh or h, غ: gh or g, ج: j or, in French, dj, ش: sh or, in French, ch), and c
# before e, i or y said s (Lounici); then q, k and g merged (ق is q, k or, in the Maghreb, g:
# Gasmi; غ is gh or g). Letters written more than one way otherwise are read each way
# (`read_consonants`).
_GROUPS = (
    ("dh", "z"), ("th", "s"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("dj", "j"),
    ("ch", "sh"),
)  # fmt: skip
_SOFT_C = re.compile("c(?=[eiy])")
_MERGED = str.maketrans({"q": "k", "c": "k", "g": "k"})
_VOWELS = frozenset("aeiouyw")  # and the letters long vowels are written with
MIN_CONSONANTS = 2  # fewer say little about which word it is: read only as a short word
SHORT_WORD = 5  # the longest word one consonant is read as (علي: Ali; ايوب: Ayyub)
# The article as Latin spellings write it, also where its l is said as the letter that begins
# the next word (a sun letter: ad-Din, ar-Rahman, as-Salam, ash-Shabab, an-Nur, at-Tawhid)
_SUN = "tdszrln"  # the sun letters as `consonants` writes them (dh is z, th s)
SUN_WRITTEN = ("t", "th", "d", "dh", "r", "z", "s", "sh", "n")  # as Latin spellings write them
ARTICLES = frozenset({"al", "el", "ul"} | {v + c for v in "aeu" for c in SUN_WRITTEN})
# Words of names that the article goes with, beginning with a sun letter: the article written
# apart before one of them, as it is said (Nasir ad Din, Ahrar ash Sham), is the article, where
# ad, an, as, at or ed before another word may be a word or a name of its own (An Nguyen, Ed
# Davis; `veu.names.normalize._said_article`).
ARTICLE_WORDS = frozenset(
    {
        "daawa", "dawa", "dawah", "daula", "dawla", "deen", "din", "dine", "dulaymi",
        "nasir", "nasser", "nur", "nour", "noor", "nusra", "nusrah",
        "rahim", "raheem", "rahman", "rehman", "rashid", "rasheed", "razzaq", "razaq",
        "salam", "salaam", "sattar", "sayed", "sayyid", "shabaab", "shabab", "sham", "shams",
        "tawhid", "tawheed", "zahra", "zaman", "zarqawi", "zawahiri",
    }
)  # fmt: skip


@lru_cache(maxsize=100_000)
def consonants(token: str) -> str:
    """What a script without short vowels keeps of a word: its consonants (letter groups and
    letters merged, `_GROUPS`), without the vowels and the letters long ones are written with (a,
    e, i, o, u, w, y), each repeated one once: ``mohammed`` and ``mhmd`` give ``mhmd``, ``usama``
    and ``asama`` ``sm``, ``gasmi`` and ``qasmy`` ``ksm``."""
    for written, kept in _GROUPS:
        if written in token:
            token = token.replace(written, kept)
    if "c" in token:
        token = _SOFT_C.sub("s", token)
    out: list[str] = []
    for ch in token.translate(_MERGED):
        if ch not in _VOWELS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


# Letters of the script that Latin spellings write more than one way, as they are romanised: ذ,
# ظ and ض (dh) as z, dh or d (Zakir, Dhahir and Dahir; Fazl, Fadhl and Fadl), ژ (zh) as zh or j
# (Nezhad, Nejad).
_EITHER = (("dh", "d"), ("zh", "j"))
# The letter groups romanised Arabic writes one letter with (the first letter of a word said as
# the article's l).
_DIGRAPHS = frozenset({"dh", "th", "sh", "kh", "gh", "zh"})


@lru_cache(maxsize=100_000)
def read_consonants(token: str) -> frozenset[str]:
    """The consonants (`consonants`) of a word of a name written in Arabic script, romanised,
    in each way Latin spellings write its letters (`_EITHER`): فضل, fdhl, is ``fzl`` or
    ``fdl``."""
    spellings = [token]
    for written, other in _EITHER:
        if written in token:
            spellings += [s.replace(written, other) for s in spellings]
    return frozenset(map(consonants, spellings))


def sun_letter(word: str) -> str:
    """The letter ``word`` begins with, as romanised (one letter, or two that write one), when
    it is a sun letter, which the article before it is said as; else empty."""
    said = word[:2] if word[:2] in _DIGRAPHS else word[:1]
    return said if consonants(said)[:1] in _SUN else ""


def _joined(tokens: tuple[str, ...], i: int) -> list[tuple[int, str]]:
    """The readings of the words of ``tokens`` from ``i`` on as one word of a name in Latin
    letters: how many words, and the reading (read by `read_consonants`). A word and the
    article with the word after it (سعد الدين: Saduddin, the article's l said as the d of Din;
    Abdulkader); a word and the article (عبد الرحمن: Abdur of Abdur Rahman; Abdul); the article
    and its word (الدين: Eddine); two words (عبد الله: Abdullah)."""
    out: list[tuple[int, str]] = []
    word = tokens[i]
    if i + 1 == len(tokens):
        return out
    after = tokens[i + 1]
    if word == "al":
        return [(2, after)] if sun_letter(after) else []
    if after == "al" and i + 2 < len(tokens):
        last = tokens[i + 2]
        out.append((3, word + after + last))
        if said := sun_letter(last):  # the l said as the next word's first letter
            out += [(3, word + last), (2, word + said)]
    out.append((2, word + after))
    # each word keeps a consonant of its own in the reading (ايوب بشير is not Bashir: its b
    # merges with Bashir's)
    return [
        (size, joined)
        for size, joined in out
        if all(
            len(consonants(joined)) > len(consonants(t)) for t in tokens[i : i + size] if t != "al"
        )
    ]


@lru_cache(maxsize=20_000)  # a name is fitted to many others
def _joins(tokens: tuple[str, ...]) -> tuple[tuple[tuple[int, str, frozenset[str]], ...], ...]:
    """For each word of ``tokens``, its readings with the words after it as one word (`_joined`)
    that keep enough consonants (`MIN_CONSONANTS`, one more but after the article): how many
    words, the words, and their `read_consonants`."""
    out = []
    for i, token in enumerate(tokens):
        least = MIN_CONSONANTS if token == "al" else MIN_CONSONANTS + 1
        out.append(
            tuple(
                (size, joined, read_consonants(joined))
                for size, joined in _joined(tokens, i)
                if len(consonants(joined)) >= least
            )
        )
    return tuple(out)


def joined_readings(tokens: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each reading of words in a row of ``tokens`` (a name written in Arabic script) as one word
    (`_joins`), with the first of those words: what a name's word in Latin letters may be
    looked up by, besides the consonants of each word (its `read_consonants`)."""
    return [
        (tokens[i], kept)
        for i, readings in enumerate(_joins(tokens))
        for _, _, spelt in readings
        for kept in spelt
    ]


@lru_cache(maxsize=20_000)  # the shortlist estimates a candidate through it, then the scorer
def fitted(
    tokens: tuple[str, ...], other: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """``tokens`` (of a name written in Arabic script) with each word that ``other`` (a name's
    tokens in Latin letters) does not have as it is read as the first word of ``other`` not yet
    taken with the same consonants (`read_consonants`): an article as the other's article (al,
    el, ad, ...) first, then words in a row that the other writes as one (`_joined`: عبد الله,
    Abdullah; سعد الدين, Saduddin), then a word of two consonants or more, or of one beside a
    word of `SHORT_WORD` letters at most (علي, Ali). And the words read, with what."""
    taken = {t for t in tokens if t in other}
    free = [o for o in other if o not in taken]
    joins = _joins(tokens)
    out: list[str] = []
    read: list[tuple[str, str]] = []

    keys = [consonants(word) for word in free]

    def take(skeletons: frozenset[str], short: bool) -> str | None:
        for k, key in enumerate(keys):
            if key in skeletons and (not short or len(free[k]) <= SHORT_WORD):
                del keys[k]
                return free.pop(k)
        return None

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in taken:
            out.append(token)
            i += 1
            continue
        if token in ARTICLES:  # as the other's article, however written
            k = next((k for k, o in enumerate(free) if o in ARTICLES), None)
            if k is not None:
                del keys[k]
                out.append(free.pop(k))
                i += 1
                continue
        word = None
        for size, _, spelt in joins[i]:
            if any(t in taken for t in tokens[i : i + size]):
                continue
            word = take(spelt, False)
            if word is not None:
                out.append(word)
                read.append((" ".join(tokens[i : i + size]), word))
                i += size
                break
        if word is not None:
            continue
        skeleton = consonants(token)
        short = len(skeleton) < MIN_CONSONANTS
        word = take(read_consonants(token), short) if skeleton else None
        if word is not None:
            out.append(word)
            read.append((token, word))
        else:
            out.append(token)
        i += 1
    return tuple(out), tuple(read)


def in_arabic_script(scripts: frozenset[str]) -> bool:
    """A name written in Arabic script, not also in Latin letters."""
    return "Arabic" in scripts and "Latin" not in scripts
