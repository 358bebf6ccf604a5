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

from veu.names.numbers import PHRASES

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
    "dvigatelestroiteln": "engine",
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
