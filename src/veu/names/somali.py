"""Somali names in Somali's own spelling, read as the lists' usual spelling.

Somali writes its names in a Latin alphabet of its own: x for the h of Arabic ح (Xasan: Hassan,
Maxamed: Mohamed, Xirsi: Hirsi), c for the 'ayn (Cali: Ali, Cumar: Omar, Cabdi: Abdi) and long
vowels doubled (Cabdullaahi: Abdullahi, Yuusuf: Yusuf, Roobow: Robow). The SDN and UN lists give
Al-Shabaab's members in both spellings (CALI, Maxamed; XIRSI, Xasan Cabdilaahi); a query in the
usual spelling met the Somali one at 0.5 to 0.75. `reading` writes a name that looks Somali
(`looks_somali`) the usual way: x as h, the c of the 'ayn left out, doubled vowels single.

A name looks Somali when it has a name written with the 'ayn's c (Cali, Cumar, Ciise, Cabdi...),
or two words so marked, one with x beside a vowel (`looks_somali`): the lists' other names
with an x (Alexandrovich, Felix, Gaxiola, Rexhepi, pinyin Xu) or a doubled vowel (Saad,
Maalim) are not read so; and only persons' names are read so (`veu.matching.scorer`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from veu.names.korean import looks_korean
from veu.names.pinyin import is_pinyin

# A word with Somali's x for ح beside a vowel (maxamed, axmed, xasan, baynax): not Albanian xh
# (Rexhepi) nor Basque tx (Bengoetxea), not pinyin (Xu, Xiaohong: read so, Xu would be Hu), not
# Alex, Maxim, Xavier.
_X_WORD = re.compile(r"[aeiou]x|x[aeiou]")
_NOT_X = ("xh", "tx", "alex", "maxim", "xavier", "xen")
# A long vowel doubled (cabdullaahi, yuusuf, siidow).
_LONG_VOWEL = re.compile(r"aa|ii|uu")
# Names that begin with Somali's c for the 'ayn (Cali, Cumar, Ciise, Cabdi): each enough alone.
_AYN_NAMES = frozenset({"cali", "cumar", "ciise", "cusmaan", "cismaan", "cilmi", "caddow",
                        "caydiid", "cadde", "cawil", "cawad"})  # fmt: skip
# The 'ayn written c: first before a vowel (Cali, Cumar, Cabdi, Ciise), or after a vowel before a
# consonant, left out.
_AYN = re.compile(r"^c(?=[aeiou])|(?<=[aeiou])c(?=[^aeiouh])")
_DOUBLED = re.compile(r"([aeiou])\1")


def _x_word(token: str) -> bool:
    return (
        _X_WORD.search(token) is not None
        and not any(part in token for part in _NOT_X)
        and not is_pinyin(token)
    )


def looks_somali(tokens: tuple[str, ...]) -> bool:
    """Whether a name reads as Somali spelling: every word letters only, not a Korean name, and
    a word of the 'ayn names (`_AYN_NAMES`) or beginning Cabd, or two words marked so, one of
    them with x beside a vowel and the other with it too or a long vowel doubled (XIRSI, Xasan;
    SIIDOW, Maxamed). One such word is not enough: Felix, Gaxiola, Saad, Maalim are not Somali
    spelling."""
    if not all(t.isalpha() for t in tokens) or looks_korean(tokens):
        return False
    if any(t in _AYN_NAMES or t.startswith("cabd") for t in tokens):
        return True
    x_words = [t for t in tokens if _x_word(t)]
    long_vowels = [t for t in tokens if t not in x_words and _LONG_VOWEL.search(t)]
    return bool(x_words) and len(x_words) + len(long_vowels) >= 2


def read_word(token: str) -> str:
    """A word of a Somali name in the usual spelling: x as h, the c of the 'ayn left out,
    doubled vowels single (xasan: hasan; cabdullaahi: abdullahi)."""
    word = _AYN.sub("", token.replace("x", "h"))
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=65536)
def reading(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A name that looks Somali (`looks_somali`) in the usual spelling, or None when it does not
    look Somali or reads the same."""
    if not looks_somali(tokens):
        return None
    read = tuple(read_word(t) for t in tokens)
    return None if read == tokens else read
