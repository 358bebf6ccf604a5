"""Korean names romanised two ways, read alike.

The lists write Korean names, most of them the DPRK's, as different sources romanised them:
McCune-Reischauer with or without its apostrophes (CHO Ch'o'l, Ku Cha-hyo'ng), the DPRK's own
spelling (JO YONG CHOL, RI), the South's Revised Romanization (Jo, Lee, Park). The same name then
differs by letters that only tell aspirated from plain consonants (ch / j, k / g, t / d, p / b)
and by the spelling of its vowels (eo / o, eu / u, oo / u): Cho Yong Chol beside JO YONG CHOL
scored 0.72 in veu-names/13, held for review by the distinct-words cap. `reading` writes both
names one way: surnames by `SURNAMES` (Lee, Rhee, Yi and Ri are one), the other words with those
letters merged, so that the scorer compares them as the same sounds.

Only names that read as Korean on both sides are read so (`looks_korean`): a Korean surname
first or last, every word a syllable or two, not every word pinyin (a Chinese name such as Li
Ming is not Korean).
"""

from __future__ import annotations

from veu.names.pinyin import is_pinyin

# Each Korean surname as the lists write it, the spellings of one surname on a line, the first
# the one it is read as.
_SURNAMES = """
ri lee rhee yi i li
bak pak park
choe choi chwe
jong jung chong chung
jo cho joh
gang kang
gim kim
go ko koh
yun yoon
sin shin
im lim rim
o oh
an ahn
mun moon
son sohn
u woo wu
yu ryu yoo ryoo
han
hwang
hong
song
jang chang
ho
ha
nam
no noh roh
ju chu
sim shim
won
yang
gwon kwon
baeg paek baek
so seo suh
gu ku koo
hyon hyeon hyun
jon jeon chon
ryom yeom yom ryeom
byon pyon byeon byun
tae thae
gye kye
gil kil
bae pae
"""
SURNAMES: dict[str, str] = {
    spelling: line.split()[0]
    for line in _SURNAMES.strip().splitlines()
    for spelling in line.split()
}
# Letters that tell apart only spellings, merged (in this order): vowels, then consonants that
# differ by aspiration alone.
_MERGED = (("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "i"), ("sh", "s"), ("ch", "j"),
           ("k", "g"), ("t", "d"), ("p", "b"))  # fmt: skip
# The Revised Romanization of a Hangul syllable block's letters: its initial consonant, vowel and
# final consonant (a final as it sounds at the end of a syllable: 박 bak, 석 seok, 철 cheol).
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
             "t", "p", "h")  # fmt: skip
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
           "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
           "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
HANGUL = frozenset({"Hangul"})  # the scripts of a name written in Hangul alone
LONGEST_WORD = 8  # letters in a word of a Korean name: two syllables (Yongchol)


def romanise(block: str) -> str:
    """A Hangul syllable block in the Revised Romanization (김 gim, 정 jeong, 박 bak, 리 ri); any
    other character as it is."""
    index = ord(block) - 0xAC00
    if not 0 <= index < 11172:
        return block
    initial, vowel, final = index // 588, index % 588 // 28, index % 28
    return _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]


def looks_korean(tokens: tuple[str, ...]) -> bool:
    """Whether a name reads as Korean: two words or more, a Korean surname first or last, every
    word of at most `LONGEST_WORD` letters, and not every word pinyin."""
    return (
        len(tokens) >= 2
        and (tokens[0] in SURNAMES or tokens[-1] in SURNAMES)
        and all(len(t) <= LONGEST_WORD and t.isalpha() for t in tokens)
        and not all(map(is_pinyin, tokens))
    )


def _word(token: str) -> str:
    for written, merged in _MERGED:
        token = token.replace(written, merged)
    return token


def read_word(token: str) -> str:
    """A word of a Korean name written one way: a surname as `SURNAMES` reads it, another word
    with the letters that only tell spellings apart merged."""
    return SURNAMES.get(token) or _word(token)


def read(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A name that reads as Korean (`looks_korean`) written one way (`read_word`: Kim Jong Un
    and 김정은, gim jeong eun, both gim jong un), or None when it does not read as Korean or
    reads the same: what an index files a Korean name under, and searches a query by."""
    if not looks_korean(tokens):
        return None
    written = _written(tokens)
    return None if written == tokens else written


def _written(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(read_word, tokens))


def reading(
    a: tuple[str, ...], b: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Two names' words written one way (`read_word`), when both read as Korean and the reading
    changes one of them; else None."""
    if not (looks_korean(a) and looks_korean(b)):
        return None
    read_a, read_b = _written(a), _written(b)
    if read_a == a and read_b == b:
        return None
    return read_a, read_b
