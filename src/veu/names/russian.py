"""The words of Russian organisations' names that lists write translated: Концерн ВКО
«Алмаз-Антей» is Concern VKO Almaz-Antey, Объединённая судостроительная корпорация United
Shipbuilding Corporation, Вертолёты России Russian Helicopters. Transliterated (kontsern,
obedinennaya sudostroitelnaya, vertolety rossii) they shared nothing with the English but the
names' own words (Концерн ВКО «Алмаз-Антей» beside its English name scored 0.72 in veu-names/10).

`TRANSLATIONS` gives each word, in every ending of its stem (gosudarstvennaya, gosudarstvennyy,
gosudarstvennogo: state), the English a list writes, so that both read alike. Only stems of six
letters or more, and no word of the phrases that `veu.names.numbers.PHRASES` folds whole
(konstruktorskoe byuro: KB; nauchno issledovatelskiy institut: NII).
"""

from __future__ import annotations

from functools import lru_cache

from veu.names.numbers import COMPOUNDS, PHRASES

_STEMS = {
    "gosudarstvenn": "state", "obedinenn": "united", "obyedinenn": "united",
    "aviastroiteln": "aircraft", "sudostroiteln": "shipbuilding", "vertolet": "helicopters",
    "rossiysk": "russia", "rossiisk": "russia", "rossijsk": "russia", "kontsern": "concern",
    "institut": "institute", "kholding": "holding", "tekhnologi": "technologies",
    "elektronik": "electronics", "promyshlenn": "industrial", "takticheskoe": "tactical",
    "raketn": "missiles", "yadern": "nuclear", "khimichesk": "chemical",
    "opticheskoe": "optical", "mekhanichesk": "mechanical", "aviatsionn": "aviation",
    "kosmichesk": "space", "federaln": "federal", "natsionaln": "national",
    "tsentraln": "central", "neftyan": "oil", "energetichesk": "energy",
    "dvigatelestroiteln": "engine", "vertoletn": "helicopter",
    # Kinds of industry that English writes in two words (Instrument-Making Plant, Machine
    # Building Plant), folded to one by `veu.names.numbers.PHRASES`: the Russian word to that one.
    "priborostroiteln": "instrumentmaking", "priborostroeni": "instrumentmaking",
    "mashinostroiteln": "machinebuilding", "mashinostroeni": "machinebuilding",
    "sudoremontn": "shiprepair", "radiotekhnichesk": "radioengineering",
}  # fmt: skip
_ENDINGS = (
    "", "a", "ya", "aya", "aia", "yy", "yi", "iy", "ii", "y", "i", "oe", "oye", "oie", "ogo",
    "omu", "ym", "im", "ykh", "ikh", "ye", "ie", "uyu", "oy", "oi", "ey", "ei", "u", "om", "e",
    "ov", "am", "akh", "ami", "iya", "iyu", "ij", "yj",
)  # fmt: skip
# Words in no ending of a stem: a noun's own forms, and the English adjective of the country.
# Not Rossiya itself, which is also a name (Bank Rossiya, AB Rossiya: read as Russia, every
# Russian company's name held them for review), nor tsentr (center, a common word).
_WORDS = {
    "rossii": "russia", "russian": "russia", "zavod": "plant", "zavoda": "plant",
    "zavody": "plant", "byuro": "bureau",
}  # fmt: skip

_IN_PHRASES = frozenset(word for phrase in PHRASES for word in phrase)
TRANSLATIONS: dict[str, str] = {
    word: english
    for word, english in (
        *((stem + ending, english) for stem, english in _STEMS.items() for ending in _ENDINGS),
        *_WORDS.items(),
    )
    if word not in _IN_PHRASES  # konstruktorskoe byuro stays KB, not konstruktorskoe bureau
}


# Russian names an organisation by the adjective of its town or region (Муромский завод, Muromskiy
# Zavod) where English writes the town (Murom Plant): the adjective's endings, longest first, and
# the sounds a stem may add before them (Yalta: Yaltinskaya; Lianozovo: Lianozovsky).
_PLACE_ENDINGS = tuple(
    sorted(
        {"skiy", "skii", "ski", "sky", "skiye", "skie", "skaya", "skaia", "skoe", "skoye",
         "skogo", "skikh", "skykh", "skom", "skoy", "skoi"},
        key=len,
        reverse=True,
    )
)  # fmt: skip
_PLACE_INFIXES = ("in", "ov", "ev")
# Words that make a name an organisation's (the adjective of place is read only then: a person's
# surname may end so, Zelensky, Kowalski beside Kowal), in English as the normaliser leaves them.
ORGANISATION_WORDS = frozenset(
    {"plant", "factory", "shipyard", "yard", "works", "institute", "bureau", "kb", "okb", "nii",
     "npo", "npp", "center", "centre", "company", "enterprise", "holding", "concern",
     "association", "group", "bank", "university", "academy", "studio", "refinery", "distillery",
     "kombinat", "combine", "port", "airlines", "union", "shipbuilding", "helicopter"}
) | frozenset(COMPOUNDS)  # fmt: skip
PLACE_STEM_MIN = 4  # letters of a town's name an adjective keeps, at least
PLACE_LEFT_MAX = 2  # letters of the town's name after the stem, at most (Yaroslav-l, Rybin-sk)


@lru_cache(maxsize=65536)
def place_stems(word: str) -> tuple[str, ...]:
    """The beginnings of the town's or region's name that ``word``, a Russian adjective of place,
    may be made from (muromskiy: murom; yaltinskaya: yaltin, yalt); () for any other word."""
    for ending in _PLACE_ENDINGS:
        if word.endswith(ending):
            base = word[: -len(ending)]
            stems = (base, base[:-2]) if base.endswith(_PLACE_INFIXES) else (base,)
            return tuple(s for s in stems if len(s) >= PLACE_STEM_MIN)
    return ()


def is_place_of(stems: tuple[str, ...], word: str) -> bool:
    """Whether ``word`` names the place of an adjective with these ``stems`` (`place_stems`):
    it begins with one and adds at most ``PLACE_LEFT_MAX`` letters (Murom, Mytishchi, Yaroslavl)."""
    return not place_stems(word) and any(
        word.startswith(s) and len(word) - len(s) <= PLACE_LEFT_MAX for s in stems
    )


@lru_cache(maxsize=65536)
def _adjectives(tokens: tuple[str, ...]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Where ``tokens`` have a Russian adjective of place, and its stems (`place_stems`)."""
    return tuple(
        (k, stems)
        for k, word in enumerate(tokens)
        if len(word) > PLACE_STEM_MIN + 2 and (stems := place_stems(word))
    )


def read_places(tokens: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...] | None:
    """``tokens`` with each Russian adjective of place that a word of ``other`` names the place
    of read as that word (muromskiy beside murom: murom), or None when none is."""
    found = _adjectives(tokens)
    if not found:
        return None
    read = list(tokens)
    for k, stems in found:
        if tokens[k] in other:
            continue
        place = next((w for w in other if w not in tokens and is_place_of(stems, w)), None)
        if place is not None:
            read[k] = place
    return None if read == list(tokens) else tuple(read)
