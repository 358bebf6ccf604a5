"""Words compared one by one: which words are alike (typing errors, transliteration variants,
initials), how the words of two names pair up, and what a word left unpaired costs. The name
features of `veu.matching.features` are built on these."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from types import ModuleType

from rapidfuzz.distance import OSA, Levenshtein

from veu.names.korean import looks_korean
from veu.names.pinyin import is_pinyin
from veu.names.slavic import ROMANISATIONS

_compiled: ModuleType | None
try:  # the same functions in C (`_tokens.c`), when the extension is built
    from veu.matching import _tokens as _compiled
except ImportError:  # pragma: no cover - a machine without a C compiler
    _compiled = None

# Words so common in organisation names that they say little about which organisation it is:
# they count for half their width when names are aligned (a distinctive word such as SOS or FJ
# must decide, not INTERNATIONAL or TECHNOLOGY SERVICE).
_GENERIC = """
international technology technologies tech service services solutions systems system group
holding holdings industries industry industrial trading trade engineering global enterprise
enterprises development management consulting resources energy electronics electronic digital
integrated advanced research national general american china chinese science sciences
scientific products manufacturing logistics capital partners investment investments network
networks communications security defense defence aerospace aviation marine shipping import
export co-operative association institute center centre
npo npp okb kb nii tsnii
"""
GENERIC_WORDS = frozenset(_GENERIC.split())

# Words that tell organisations apart by naming a different one of a kind: two of them are never
# typing errors for each other (China Northern / China Southern Rare Earth, Eastern / Western).
_CONTRAST = """
north south east west northern southern eastern western northeast northwest southeast southwest
northeastern northwestern southeastern southwestern central upper lower inner outer first
second third fourth fifth
bei nan dong xi zhong beifang nanfang dongfang xifang
"""
CONTRAST_WORDS = frozenset(_CONTRAST.split())
GENERIC_WEIGHT = 0.5


def _width(token: str) -> float:
    return len(token) * (GENERIC_WEIGHT if token in GENERIC_WORDS else 1.0)


def _max_edits(length: int) -> int:
    if length <= 3:
        return 0
    if length <= 6:
        return 1
    if length <= 10:
        return 2
    return 3


# Letter groups written differently by different transliteration systems (Hussein / Husayn,
# Mohammed / Muhammad, Djamel / Jamal as French writes Arabic names; Tse-tung / Zedong is beyond
# them): rewritten before comparing sounds.
_SOUNDS = (
    ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("ph", "f"), ("ck", "k"), ("kh", "h"),
    ("gh", "g"), ("th", "t"), ("dh", "d"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"),
    ("w", "v"), ("q", "k"), ("c", "k"), ("z", "s"), ("x", "ks"), ("dj", "j"), ("j", "i"),
)  # fmt: skip
_VOWELS = str.maketrans("eiou", "aaaa")
PHONETIC_SIMILARITY = 0.85


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """A token's sound, roughly: transliteration variants rewritten (``ph`` → ``f``, ``y`` →
    ``i``, ``q`` → ``k``, ...), every vowel made ``a``, repeated letters made single: the
    vowels' places stay, their qualities go; a final h after a vowel is left out (``usamah``,
    ``usama``). ``hussein`` and ``husayn`` both give ``hasan``,
    ``mohammed`` and ``muhammad`` ``mahamad``; ``subaru`` (``sabara``) and ``sobar``
    (``sabar``) stay apart."""
    for written, said in _SOUNDS:
        token = token.replace(written, said)
    if len(token) > 3 and token[-1] == "h" and token[-2] in "aeiou":
        token = token[:-1]  # a final h after a vowel is not said (Usamah, Usama; Hamzah, Hamza)
    out: list[str] = []
    for ch in token.translate(_VOWELS):
        if not out or ch != out[-1]:
            out.append(ch)
    return "".join(out)


# "Son of" as names write it (Osama bin Laden / Usama ibn Laden, Ben Ali): one word however
# spelt; with "daughter of", the words of an Arabic name's lineage (X bin Y: X, son of Y). The
# articles that may begin the father's name (Ibrahim bin al-Din) are passed over. The article
# too is one word however spelt: al, el, ul, and ol as Persian names write it (Khatam ol-Anbia,
# Khatam al-Anbiya: the IRGC's construction headquarters).
SON_OF = frozenset({"bin", "ibn", "ben", "bn"})
NASAB = frozenset({"bin", "ibn", "bn", "bint", "binti"})  # not Ben, also a given name
ARTICLES = frozenset({"al", "el", "ul", "ol"})


@lru_cache(maxsize=100_000)
def token_similarity(a: str, b: str) -> float:
    """`token_similarity_python`, in C when the extension is built (the same values)."""
    if _compiled is not None:
        found: float | None = _compiled.similarity(a, b)
        if found is not None:
            return found
    return token_similarity_python(a, b)


def token_similarity_python(a: str, b: str) -> float:
    """Similarity of two tokens: 1 when equal; a few edits allowed by length; digits exact; an
    initial (``j``) stands for a token it begins (``joachim``) at 0.9; tokens that sound alike
    (the same `phonetic_key` of three letters or more: ``husayn`` / ``hussein``) at least 0.85,
    and long ones whose keys differ by one sound (``aleksandr`` / ``alexander``) at least 0.8,
    when they are long enough to compare by sound (four letters or more, five when both have
    four: ``AVIC`` / ``AVEC`` are not alike, ``Musa`` / ``Moussa`` are); ``bin``, ``ibn`` and
    ``ben`` (son of) are one word, and so are the articles ``al``, ``el``, ``ul`` and ``ol``."""
    if a == b or (a in SON_OF and b in SON_OF) or (a in ARTICLES and b in ARTICLES):
        return 1.0
    if a.isdigit() or b.isdigit():
        return 0.0
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return 0.9
    distance = OSA.distance(a, b)  # a swap of two letters is one edit (Andruil / Anduril)
    similar = (
        1.0 - distance / max(len(a), len(b)) if distance <= _max_edits(min(len(a), len(b))) else 0.0
    )
    if similar < PHONETIC_SIMILARITY and _may_sound_alike(a, b):
        key_a, key_b = phonetic_key(a), phonetic_key(b)
        if len(key_a) >= 3 and key_a == key_b:
            return PHONETIC_SIMILARITY
        # Long names may differ by one more sound (Aleksandr / Alexander), or by one sound for a
        # close one (Mykolaivna / Nikolaevna, Eghtesad / Eqtesad), not for any other (Neverov /
        # Nazarov, Severskiy / Sinarskiy, Echegaray / Echeverria: other names).
        if min(len(key_a), len(key_b)) >= 7 and _one_sound_apart(key_a, key_b):
            return PHONETIC_SIMILARITY - 0.05
    return similar


# Sounds close enough that two long names' keys differing by one of them alone may be spellings
# of one name: voiced and voiceless (g k, d t, b p, v f), the nasals (m n), l and r.
CLOSE_SOUNDS = frozenset(
    pair for a, b in ("gk", "dt", "bp", "vf", "mn", "lr") for pair in (a + b, b + a)
)


def _one_sound_apart(a: str, b: str) -> bool:
    """Whether two phonetic keys differ by one sound added or left out, or by one sound for a
    close one (`CLOSE_SOUNDS`)."""
    if len(a) != len(b):
        return Levenshtein.distance(a, b) <= 1
    apart = [x + y for x, y in zip(a, b, strict=True) if x != y]
    return len(apart) == 1 and apart[0] in CLOSE_SOUNDS


def alike_by_sound_only(a: str, b: str) -> bool:
    """Whether `token_similarity` finds two tokens alike by their sound though their spellings
    are more edits apart than a typing error makes (Tolou / Tilo, Janus / Jonas; not Skydio /
    Skydoi, Shell / Schell, one edit apart)."""
    if a == b or not token_similarity(a, b):
        return False
    return OSA.distance(a, b) > _max_edits(min(len(a), len(b)))


PHONETIC_MIN_LENGTH = 4


def _may_sound_alike(a: str, b: str) -> bool:
    """Whether two tokens are long enough to compare by sound: four letters or more, and five
    when both have four (``AVIC`` / ``AVEC``, ``CETC`` / ``CITC``: acronyms a letter apart are
    different parties as often as not), unless their lengths differ (``Musa`` / ``Moussa``); and
    both have a vowel: letters without one are read as letters, not as a word (``CSRC`` /
    ``CSSRC``, two institutes)."""
    shorter = min(len(a), len(b))
    return (
        shorter >= PHONETIC_MIN_LENGTH + (1 if len(a) == len(b) == shorter else 0)
        and not LETTER_VOWELS.isdisjoint(a)
        and not LETTER_VOWELS.isdisjoint(b)
    )


LETTER_VOWELS = frozenset("aeiouy")  # a word without one is read as letters (CSRC, JC)


Alignment = tuple[float, tuple[tuple[str, str, float], ...], tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=20_000)
def align(a: tuple[str, ...], b: tuple[str, ...]) -> Alignment:
    """`align_python`, in C when the extension is built (the same values)."""
    if _compiled is not None:
        found: Alignment | None = _compiled.align(a, b)
        if found is not None:
            return found
    return align_python(a, b)


def align_python(a: tuple[str, ...], b: tuple[str, ...]) -> Alignment:
    """The token alignment of two names: (score, aligned pairs, unpaired tokens of each).
    Pairs are taken most similar first; the score is the paired share of both names' width."""
    pairs = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            sim = token_similarity(x, y)
            if sim > 0:
                pairs.append((sim, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    paired = total = 0.0
    aligned: list[tuple[str, str, float]] = []
    for sim, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        x, y = a[i], b[j]
        # An initial counts as the whole token it stands for.
        width = 2 * max(len(x), len(y)) if min(len(x), len(y)) == 1 else _width(x) + _width(y)
        paired += sim * width
        total += width
        aligned.append((x, y, round(sim, 3)))
    unpaired_a = tuple(t for i, t in enumerate(a) if i not in used_a)
    unpaired_b = tuple(t for j, t in enumerate(b) if j not in used_b)
    # A title is discounted only beside a distinctive word both names have (MRS International /
    # International shares only a common word: the title may be the name).
    titles = any(distinctive(x) for x, _, _ in aligned)
    full = sum(1 for x, y, _ in aligned if len(x) > 1 and len(y) > 1)
    initials = left_out_initial((*unpaired_a, *unpaired_b), full)
    rest = 0.0  # added one by one, as the C does (sum() adds floats otherwise since 3.12)
    for name, used in ((a, used_a), (b, used_b)):
        for i, t in enumerate(name):
            if i not in used:
                rest += _unpaired_width(t, titles, initials=initials, after=i > 0)
    total += rest
    return min(1.0, paired / total), tuple(aligned), unpaired_a, unpaired_b


def covered(short: tuple[str, ...], long_: tuple[str, ...], threshold: float) -> bool:
    """`covered_python`, in C when the extension is built (the same values)."""
    if _compiled is not None:
        found: bool | None = _compiled.covered(short, long_, threshold)
        if found is not None:
            return found
    return covered_python(short, long_, threshold)


def covered_python(short: tuple[str, ...], long_: tuple[str, ...], threshold: float) -> bool:
    """Whether each token of ``short`` has one of ``long_`` at least ``threshold`` alike
    (`token_similarity`); a word is never covered by an initial (``Axient`` / ``John A.
    Cuomo``), only the reverse."""
    return all(
        any(token_similarity(s, t) >= threshold and (len(t) > 1 or len(s) == 1) for t in long_)
        for s in short
    )


def shapes(joined: list[str], words: tuple[str, ...]) -> tuple[list[str], list[str], bytes]:
    """`shapes_python`, in C when the extension is built (the same values)."""
    if _compiled is not None:
        found: tuple[list[str], list[str], bytes] | None = _compiled.shapes(joined, words)
        if found is not None:
            return found
    return shapes_python(joined, words)


def shapes_python(joined: list[str], words: tuple[str, ...]) -> tuple[list[str], list[str], bytes]:
    """For names given as their tokens joined by spaces (as a screening index keeps them), what
    its shortlist compares: their skeletons (the tokens joined), their order-free forms (the
    tokens sorted, then joined), and a byte for each, 1 where its tokens include all of
    ``words`` (distinct tokens) or are all among them (never when ``words`` is empty)."""
    given = set(words)
    skeletons: list[str] = []
    orderless: list[str] = []
    flags = bytearray()
    for text in joined:
        tokens = text.split()
        skeletons.append("".join(tokens))
        orderless.append("".join(sorted(tokens)))
        others = set(tokens)
        flags.append(bool(given) and (others <= given or given <= others))
    return skeletons, orderless, bytes(flags)


def distinctive(token: str) -> bool:
    """A word that can tell two names apart: not a number, a common word, a title, a joining
    word (``of``) or ``bin``."""
    return (
        len(token) >= 2
        and not token.isdigit()
        and token not in GENERIC_WORDS
        and token not in TITLES
        and token not in JOINING_WORDS
        and token not in NASAB
    )


# The total width of two names (the denominator of the `tokens` score): each paired token its
# width (a generic word half its length; an initial paired with a token counts as that token)
# and each unpaired token at least this many letters, so that a short distinctive word (``LKD``
# in ``LKD Aerospace``) is not nearly free to leave out.
UNMATCHED_MIN_WIDTH = 4
# Words a name is often written without: a patronymic (Sergey Lavrov / Sergey Viktorovich Lavrov)
# and a title (below). One only one name has counts for this share of its width.
LEFT_OUT_WEIGHT = 0.25
# Russian's (Vladimirovitj in Swedish romanisation), and those only Ukrainian's and Belarusian's
# romanisations write (`veu.names.slavic`: Vitaliyovych, Oleksandrivna; Ihnatavich, Mikalaeuna)
PATRONYMIC_ENDINGS = tuple(
    dict.fromkeys(
        ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ivna", "ovitj", "evitj",
         *(ending for language in ROMANISATIONS for ending in language.patronymics))
    )
)  # fmt: skip
PATRONYMIC_STEM = 3  # letters at least before the ending
_PATRONYMIC = re.compile(rf"^[a-z]{{{PATRONYMIC_STEM},}}(?:{'|'.join(PATRONYMIC_ENDINGS)})$")


def is_patronymic(token: str) -> bool:
    """Whether a word is a patronymic (`PATRONYMIC_ENDINGS`, after `PATRONYMIC_STEM` letters at
    least): a word a person's name is often written without."""
    return _PATRONYMIC.match(token) is not None


# Titles and honorifics written before a person's name (President, Dr, Shaikh, Mullah, Colonel):
# one only one name has counts for a quarter of its width too (President Barack Obama / Barack
# Obama), when the names share a distinctive word. Words that are as often part of a name
# (General, Major, Captain, Lord, Dame, Amir, Sayyid, Khan) are not among them.
_TITLES = """
mr mrs ms miss mme mlle dr prof professor president prasident presidente prezident monsieur
madame herr frau senor senora sir excellency sheikh shaikh sheik shaykh haji hajji
alhaji alhadj mullah mulla maulvi maulavi mawlawi mawlavi moulavi qari imam ayatollah colonel
lieutenant brigadier admiral senator
"""
TITLES = frozenset(_TITLES.split())

# Words that join the others (``of``, ``and``, ``for``; French, Spanish and German ``des``,
# ``del``, ``et``, ``und``): names are written with and without them, and in another order
# without them (Aviation Industry Corporation of China, which Chinese writes 中国航空工业, China
# Aviation Industry). One only one name has counts for a quarter of its width, as a title does,
# after another word of its name (one that begins a name joins nothing: D.E.S. International),
# and they never tell two names apart. Not ``de``, ``du``, ``la`` or ``le``: also syllables of
# pinyin (德, 杜, 拉, 乐) and surnames (Du, Le).
JOINING_WORDS = frozenset({"of", "and", "for", "des", "del", "et", "und"})


def left_out_initial(left_over: Collection[str], paired_in_full: int) -> bool:
    """Whether the words two names leave over are one initial, beside at least two words both
    write in full: a middle initial, as often left out as written (Kathy J. Warden / Kathy
    Warden); not two initials, nor one beside a word of the other's (Hans O. Friedrich / Hans
    Joachim Friedrich), nor a letter of a company's name (R&D, A and M, ANA I beside ANA)."""
    if len(left_over) != 1 or paired_in_full < 2:
        return False
    (word,) = left_over
    return len(word) == 1 and "a" <= word <= "z"


def _unpaired_width(
    token: str, titles: bool = True, *, initials: bool = False, after: bool = True
) -> float:
    """The width a token counts for when the other name has nothing like it: at least
    ``UNMATCHED_MIN_WIDTH``; a joining word after another word of its name (``after``: one
    that begins a name joins nothing: D.E.S. International, Des Moines; one may end it once a
    legal form is removed: Htoo Group of Companies), a patronymic, or a title (with
    ``titles``), a quarter of its width; with ``initials`` (`left_out_initial`), the initial
    its own width."""
    if initials and len(token) == 1:
        return _width(token)
    joining = after and token in JOINING_WORDS
    if joining or (titles and token in TITLES) or is_patronymic(token):
        return _width(token) * LEFT_OUT_WEIGHT
    return max(_width(token), UNMATCHED_MIN_WIDTH)


if _compiled is not None:  # the C functions take the word lists and weights defined here
    _compiled.configure(
        GENERIC_WORDS, TITLES, JOINING_WORDS, SON_OF, ARTICLES, NASAB,
        tuple(w for w, _ in _SOUNDS), tuple(s for _, s in _SOUNDS),
        PATRONYMIC_ENDINGS, PATRONYMIC_STEM, GENERIC_WEIGHT, LEFT_OUT_WEIGHT,
        UNMATCHED_MIN_WIDTH, PHONETIC_SIMILARITY, PHONETIC_MIN_LENGTH,
        "".join(sorted(CLOSE_SOUNDS)),
    )  # fmt: skip


MIDDLE_NAMES_MOST = 2  # middle names one person's name may leave out of another's
MIDDLE_NAME_SIMILARITY = 0.85  # a word of the shorter name is one of the longer's at this
# Words that begin an Arabic name's parts (Abu Muhammad, father of Muhammad; Umm, bin, al): a
# name beginning with one is not a first name followed by middle names.
PARTICLES = NASAB | SON_OF | ARTICLES | frozenset({"abu", "abou", "umm"})


def middle_names(
    short: tuple[str, ...], long_: tuple[str, ...], *, initials: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A person's name read as another leaving out middle names (David Sutton beside David
    Keith Sutton, JANAN AGHA beside JANAN MOHAMMAD AHMED AGHA: Chinese writes foreign persons'
    names so, 大卫·萨顿, and lists and forms often do): when ``short`` (two words or more) begins
    with the first word of ``long_``, ends with its last, and has its other words among
    ``long_``'s middle ones in order, the words of ``long_`` it has and those it leaves out (at
    most `MIDDLE_NAMES_MOST`); else None. Chinese names written in pinyin and Korean names
    (`veu.names.korean.looks_korean`) have no middle names (Li Ming is not Li Xiao Ming, KIM Song
    not KIM Song Chol), and one-letter words stand for no middle name here (a left-out initial is
    the token alignment's), unless ``initials`` (beside a name in Chinese, which writes none:
    凯西·沃登, Kathy J. Warden)."""
    if not 2 <= len(short) < len(long_) or all(map(is_pinyin, long_)) or looks_korean(long_):
        return None
    if short[0] in PARTICLES or long_[0] in PARTICLES:  # Abu Muhammad: a kunya, not a first name
        return None

    def alike(a: str, b: str) -> bool:
        return token_similarity(a, b) >= MIDDLE_NAME_SIMILARITY

    if not (alike(short[0], long_[0]) and alike(short[-1], long_[-1])):
        return None
    kept, left_out = [long_[0]], []
    wanted = iter(short[1:-1])
    word = next(wanted, None)
    for middle in long_[1:-1]:
        if word is not None and alike(word, middle):
            kept.append(middle)
            word = next(wanted, None)
        else:
            left_out.append(middle)
    if word is not None or len(left_out) > MIDDLE_NAMES_MOST:
        return None
    if not initials and any(len(w) < 2 for w in left_out):
        return None
    return (*kept, long_[-1]), tuple(left_out)
