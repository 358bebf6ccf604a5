"""Numbers, ordinals and common abbreviations in names, folded to one spelling."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import chain, product

from rapidfuzz.distance import OSA

ORDINALS: dict[str, str] = {
    "first": "1",
    "1st": "1",
    "second": "2",
    "2nd": "2",
    "third": "3",
    "3rd": "3",
    "fourth": "4",
    "4th": "4",
    "fifth": "5",
    "5th": "5",
    "sixth": "6",
    "6th": "6",
    "seventh": "7",
    "7th": "7",
    "eighth": "8",
    "8th": "8",
    "ninth": "9",
    "9th": "9",
    "tenth": "10",
    "10th": "10",
    "eleventh": "11",
    "twelfth": "12",
    "thirteenth": "13",
    "fourteenth": "14",
    "fifteenth": "15",
    "sixteenth": "16",
    "seventeenth": "17",
    "eighteenth": "18",
    "nineteenth": "19",
    "twentieth": "20",
    "thirtieth": "30",
    "fortieth": "40",
    "fiftieth": "50",
}

# The adjectives of the points of the compass, read as their nouns: a name translated from
# Chinese writes either (北方稀土: China Northern Rare Earth, China North Rare Earth).
DIRECTIONS: dict[str, str] = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast",
    "southwestern": "southwest",
}  # fmt: skip

ABBREVIATIONS: dict[str, str] = {
    "intl": "international",
    "int": "international",
    "natl": "national",
    "mfg": "manufacturing",
    "dept": "department",
    "univ": "university",
    "assn": "association",
    "assoc": "association",
    "tech": "technology",
    "techs": "technologies",
    "svcs": "services",
    "sys": "systems",
    "labs": "laboratories",
    "lab": "laboratory",
    "hldgs": "holdings",
    "mgmt": "management",
    "mt": "mount",
    "st": "saint",
    "ste": "sainte",
    # as written in company registers and sanctions lists (COMM, GRP, SRVCES, TECH, ...)
    "grp": "group",
    "grps": "groups",
    "comm": "communications",
    "comms": "communications",
    "commun": "communications",
    "telecomm": "telecommunications",
    "srvces": "services",
    "srvcs": "services",
    "servs": "services",
    "svc": "services",
    "engg": "engineering",
    "engr": "engineering",
    "inds": "industries",
    "indus": "industries",
    "inst": "institute",
    "acad": "academy",
    "sci": "science",
    "equip": "equipment",
    "mach": "machinery",
    "trdg": "trading",
    "devt": "development",
    "dev": "development",
    "invt": "investment",
    "chem": "chemical",
    "pharm": "pharmaceutical",
    "ctr": "center",
    "cntr": "center",
    "centre": "center",
    "govt": "government",
    "assocs": "associates",
    "bros": "brothers",
    "elecs": "electronics",
    "electr": "electronics",
    "usa": "us",
    "hk": "hongkong",
}

# The kinds of Russian state research and industrial bodies, as the lists write them in English,
# in transliteration, and by their Russian acronym (NPO Almaz, Scientific Production Association
# Almaz, Nauchno-Proizvodstvennoe Obedinenie Almaz): each folded to its acronym, so that the
# three read alike (veu-names/10; they scored 0.21 to 0.29).
_PHRASES = {
    "npo": (
        "nauchno proizvodstvennoe obedinenie", "nauchno proizvodstvennoye obyedineniye",
        "scientific production association", "scientific and production association",
        "science and production association", "research and production association",
        "research production association",
    ),
    "npp": (
        "nauchno proizvodstvennoe predpriyatie", "nauchno proizvodstvennoye predpriyatiye",
        "scientific production enterprise", "scientific and production enterprise",
        "science and production enterprise", "research and production enterprise",
        "research production enterprise",
    ),
    "okb": (
        "opytno konstruktorskoe byuro", "opytno konstruktorskoye byuro",
        "experimental design bureau",
    ),
    "kb": ("konstruktorskoe byuro", "konstruktorskoye byuro", "design bureau"),
    "nii": (
        "nauchno issledovatelskiy institut", "nauchno issledovatelskii institut",
        "nauchno issledovatelski institut", "nauchno issledovatelsky institut",
        "scientific research institute", "science research institute",
    ),
    "tsnii": (
        "tsentralnyy nauchno issledovatelskiy institut",
        "tsentralny nauchno issledovatelsky institut",
        "tsentralnyi nauchno issledovatelskii institut",
        "central scientific research institute", "central science research institute",
    ),
}  # fmt: skip
# Kinds of industry written in two words or, joined or hyphenated, in one (Instrument-Making
# Plant, Machine Building Plant, Shiprepair Yard): one word, as `veu.names.russian` reads the
# Russian word (priborostroitelnyy, mashinostroitelnyy, sudoremontnyy).
COMPOUNDS = {
    "instrumentmaking": ("instrument making",),
    "machinebuilding": ("machine building",),
    "shiprepair": ("ship repair", "ship repairing"),
    "radioengineering": ("radio engineering",),
}
# Countries that names write in full or by their initials (U.S. Department of State, United
# States Department of State; UK Ministry of Defence): folded to the initials; Hong Kong, HK and
# Hongkong (Daystar Electric (HK) Ltd.) to one word.
_PLACES = {
    "us": ("united states", "united states of america"),
    "uk": ("united kingdom", "united kingdom of great britain and northern ireland"),
    "uae": ("united arab emirates",),
    "hongkong": ("hong kong",),
}
# Each phrase's words as the normaliser leaves them before it folds phrases (northern: north).
PHRASES: dict[tuple[str, ...], str] = {
    tuple(DIRECTIONS.get(word, word) for word in phrase.split()): acronym
    for table in (_PHRASES, COMPOUNDS, _PLACES)
    for acronym, phrases in table.items()
    for phrase in phrases
}
PHRASE_LONGEST = max(len(k) for k in PHRASES)
_PHRASE_FIRST = frozenset(k[0] for k in PHRASES)
PHRASE_WORDS = frozenset(word for phrase in PHRASES for word in phrase)
# A word of this many letters or more one edit (a letter added, left out or changed, or two
# swapped) from a word of a table may be read as that word: a misspelling of it.
MISSPELT_MIN = 7


class Misspellings:
    """The words of a table that a word may misspell: one edit from it, found through each
    word's spellings with a letter left out (its doors), for words of `MISSPELT_MIN` letters
    or more. One edit leaves a word of seven letters its first three letters or its last
    three, so a word sharing neither with any of the table's words misspells none of them: most
    words are turned away so, before their doors are made."""

    def __init__(self, words: Iterable[str]) -> None:
        self.doors: dict[str, set[str]] = {}
        self.heads: set[str] = set()
        self.tails: set[str] = set()
        for word in words:
            if len(word) >= MISSPELT_MIN and word.isalpha():
                self.heads.add(word[:3])
                self.tails.add(word[-3:])
                for door in {word, *_deletions(word)}:
                    self.doors.setdefault(door, set()).add(word)

    def of(self, word: str) -> set[str]:
        """The table's words one edit from ``word`` (itself among them when it is one)."""
        if len(word) < MISSPELT_MIN or not word.isalpha():
            return set()
        if word[:3] not in self.heads and word[-3:] not in self.tails:
            return set()
        near: set[str] = set()
        for door in (word, *_deletions(word)):
            near.update(k for k in self.doors.get(door, ()) if OSA.distance(word, k) <= 1)
        return near


def _deletions(word: str) -> tuple[str, ...]:
    return tuple(word[:i] + word[i + 1 :] for i in range(len(word)))


@cache
def _phrase_spellings() -> Misspellings:
    return Misspellings(PHRASE_WORDS)


@lru_cache(maxsize=65_536)
def _phrase_words(token: str) -> tuple[str, ...]:
    """``token`` when it is a word of a phrase or misspells none; else the words of phrases it
    misspells (scientfic: scientific), in order: one word's spellings may both be one edit
    away (proizvodstvennye: proizvodstvennoe, proizvodstvennoye), and the phrase decides."""
    if token in PHRASE_WORDS:
        return (token,)
    near = _phrase_spellings().of(token)
    return tuple(sorted(near)) if near else (token,)


def fold_phrases(tokens: list[str]) -> list[str]:
    """``tokens`` with each phrase of `PHRASES` (the longest first, from the left) replaced by
    its acronym, a word of it misspelt too (Scientfic Research Institute, NII)."""
    read = [_phrase_words(t) for t in tokens]
    if _PHRASE_FIRST.isdisjoint(chain.from_iterable(read)):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(PHRASE_LONGEST, len(tokens) - i), 1, -1):
            acronym = next(
                (a for words in product(*read[i : i + size]) if (a := PHRASES.get(words))),
                None,
            )
            if acronym is not None:
                out.append(acronym)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _roman(number: int) -> str:
    tens, units = divmod(number, 10)
    ones = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
    return "x" * tens + ones[units]


# Roman numerals from 2 to 39 (ii ... xxxix), of two letters or more: single letters are more
# often initials (Malcolm X, Fund X is left a letter), and numerals with l (50: li, lv) are also
# names and pinyin syllables (Li). XVI and XVIII had been read as words (BICENTENARIO XVI).
ROMAN: dict[str, str] = {_roman(n): str(n) for n in range(2, 40) if len(_roman(n)) > 1}


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,  # a common misspelling
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)  # the spelled numbers `words_to_numbers` reads


def words_to_numbers(tokens: list[str]) -> list[str]:
    """Replace spelled numbers below 100 by digits: ``forty four`` and ``forty 4`` -> ``44``."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _TENS:
            value = _TENS[token]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            unit = _UNITS.get(nxt)
            if unit is None and nxt.isdigit() and len(nxt) == 1:
                unit = int(nxt)
            if unit is not None and 0 < unit < 10:
                out.append(str(value + unit))
                i += 2
                continue
            out.append(str(value))
        elif token in _UNITS:
            out.append(str(_UNITS[token]))
        else:
            out.append(token)
        i += 1
    return out


HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
HAN_NUMERAL = "[〇零一二两三四五六七八九十百千]+"


def han_numeral(numeral: str) -> int:
    """The value of a number written in Chinese numerals: 十四 → 14, 三十八 → 38, digit by digit
    without units (一〇五 → 105)."""
    if not any(ch in HAN_UNITS for ch in numeral):
        return int("".join(str(HAN_DIGITS[ch]) for ch in numeral))
    total, digit = 0, 0
    for ch in numeral:
        if ch in HAN_UNITS:
            total += (digit or 1) * HAN_UNITS[ch]
            digit = 0
        else:
            digit = HAN_DIGITS[ch]
    return total + digit
