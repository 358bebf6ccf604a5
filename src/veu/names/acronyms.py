"""Acronyms: a name's own, written after it in parentheses, and the groups' and forces' that
lists write in other parties' names.

Lists write a party's acronym after its name: ``Khan Research Laboratories (KRL)``, ``AVIC
Flight Automatic Control Research Institute (FACRI)``, ``ISLAMIC REVOLUTIONARY GUARD CORPS
(IRGC)``. Someone screening the acronym alone should find the party, but ``KRL`` shares one word
of four with the name as written. `own_acronym` reads the acronym off such a name, so that it is
screened as a name of the party too.

The state groups of China's defence industry, its armed forces, and a few others, are written by
their acronym in the names of their units: ``CETC 38th Research Institute`` (China Electronics
Technology Group Corporation 38th Research Institute), ``AVIC Chengdu Aircraft Industrial``,
``PLA Unit 61398``. The same unit written the other way scored 0.43 to 0.72 in veu-names/8.
`expand_acronyms` writes each such acronym out, before a name is normalised, so that both ways
read alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from veu.names.legal_forms import latin_form_index

# A trailing parenthesised word in capitals (digits, & and - allowed after the first letter).
_TRAILING = re.compile(r"^(?P<name>.*?\S)\s*\((?P<acronym>[A-Z][A-Z0-9&\-]{2,11})\)\s*$")
_WORD = re.compile(r"[^\W_]+")
MIN_LETTERS = 3  # two letters stand for too many names
# Longer text is no name with its acronym or another name in parentheses (the longest of the
# bundled lists' names ending in parentheses has 324 characters): not read, so that a hostile list
# file's 10,000-character name is not spelt over word by word (48 s).
LONGEST_NAME = 400
_FORMS = latin_form_index()


def own_acronym(name: str) -> str | None:
    """The acronym written in parentheses at the end of ``name`` when it is made of the
    beginnings of at least two of the name's words, in order: their initials (Khan Research
    Laboratories, KRL), or more of a word (AViation Industry Corporation, AVIC); words may be
    skipped (``of``, a group's name before its unit's: AVIC Flight Automatic Control Research
    Institute, FACRI). Else None: a parenthesised word that is not such an acronym
    (``(OFFSHORE)``, ``(LLC)``, ``(CHINA)`` after a name beginning with China) is not one."""
    if len(name) > LONGEST_NAME:
        return None
    found = _TRAILING.match(name.strip())
    if found is None:
        return None
    acronym = found.group("acronym")
    letters = "".join(c for c in acronym if c.isalnum())
    words = tuple(w.upper() for w in _WORD.findall(found.group("name")))
    return acronym if is_acronym_of(letters, words) else None


def is_acronym_of(letters: str, words: tuple[str, ...]) -> bool:
    """Whether ``letters`` (`MIN_LETTERS` or more) are spelt by the beginnings of at least two
    of ``words``, in order, written in the same case (casc: china aerospace science and
    technology corporation)."""
    if len(letters) < MIN_LETTERS or len(words) < 2:
        return False
    return _most_words(letters, words) >= 2


def _most_words(letters: str, words: tuple[str, ...]) -> int:
    """The most words whose beginnings, in order, spell ``letters`` (-1 when none do). Each
    (letter, word) position is solved once: without that, a name of many words beginning alike
    (a hostile list file) took seconds."""

    @cache
    def spelt(at: int, first: int) -> int:
        if at == len(letters):
            return 0
        best = -1
        for w in range(first, len(words)):
            word = words[w]
            k = 0
            while k < len(word) and at + k < len(letters) and word[k] == letters[at + k]:
                k += 1
                rest = spelt(at + k, w + 1)
                if rest >= 0:
                    best = max(best, rest + 1)
        return best

    return spelt(0, 0)


def with_acronyms(names: Iterable[str]) -> list[str]:
    """``names`` and, after each, the names its trailing parentheses hold (`parenthesised`: its
    own acronym, Khan Research Laboratories (KRL); another name, a.k.a. or formerly), each once:
    the names a party is screened by."""
    out: dict[str, None] = {}
    for name in names:
        out[name] = None
        for other in parenthesised(name):
            out.setdefault(other, None)
    return list(out)


# A name's trailing parentheses, and what they hold.
_PARENTHESES = re.compile(r"^(?P<name>.*?\S)[\s,]*\((?P<inner>[^()]+)\)\s*$")
# Another name of the party: also known as, formerly known as (a.k.a., f.k.a., formerly).
_ALSO = re.compile(
    r"^(?:(?:a|f)\.?\s?k\.?\s?a\.?|also known as|formerly known as|formerly|previously)[\s.,:]+",
    re.IGNORECASE,
)


def parenthesised(name: str) -> list[str]:
    """The names a name's trailing parentheses add (the name without them first): another name
    marked as such, or several between semicolons (Gazprom Dobycha Irkutsk, OOO (f.k.a.,
    Otkrytoe Aktsionernoe Obshchestvo Irkutskgazprom)); its own acronym (`own_acronym`),
    also after a legal form (Closed Joint Stock Company Surgutneftegasbank (ZAO SNGB); JSC
    Central Research Institute of Machine Building (JSC TsNIIMash): one word written with
    two capitals or more); or the words a one-word name is the acronym of (AVS (Armored
    Vehicle Spares); ASMAT (APPLIED SYSTEMS METHODS AND TECHNOLOGY)). Else
    nothing: parentheses that qualify a name (LEBANON BRANCH, OFFSHORE, CHINA) are part of
    it, and the name without them is another party's."""
    if ")" not in name or len(name) > LONGEST_NAME:
        return []
    found = _PARENTHESES.match(name.strip())
    if found is None:
        return []
    outer, inner = found.group("name").strip(" ,"), found.group("inner").strip()
    also = _ALSO.match(inner)
    if also is not None:  # one name or several, between semicolons
        others = [o.strip(" ,") for o in inner[also.end() :].split(";")]
        others = [o for o in others if _WORD.search(o)]
        return [outer, *others] if others else []
    acronym = own_acronym(name) or _acronym_after_form(inner)
    if acronym is not None:
        return [outer, acronym]
    words = _WORD.findall(inner)
    if len(_WORD.findall(outer)) == 1 and len(words) >= 2:
        letters = "".join(c for c in outer if c.isalnum()).upper()
        if (
            len(letters) >= MIN_LETTERS
            and _most_words(letters, tuple(w.upper() for w in words)) >= 2
        ):
            return [outer, inner]
    return []


def searched_names(query: str) -> list[str]:
    """The names a query's trailing parentheses hold (`parenthesised`) that it is also searched
    by: those of two words or more, never an acronym alone (Pentane Chemistry Industries (PCI) is
    not Parchin Chemical Industries, whose acronym is PCI too)."""
    return [n for n in parenthesised(query) if len(_WORD.findall(n)) >= 2]


def _acronym_after_form(inner: str) -> str | None:
    """The one word that parentheses hold beside legal forms (ZAO SNGB, JSC TsNIIMash, RWDS,
    LLC) when it is written with two capitals or more (an abbreviation, not a word), else None."""
    words = [w for w in _WORD.findall(inner) if (w.lower(),) not in _FORMS]
    if len(words) != 1 or len(words) == len(_WORD.findall(inner)):
        return None
    word = words[0]
    capitals = sum(1 for c in word if c.isupper())
    return word if capitals >= 2 and len(word) >= MIN_LETTERS else None


# Acronyms of defence-industrial groups, armed forces and institutions that the lists define (an
# alias of the party whose letters begin the words of its name, or the one in use) and write in
# the names of other listed parties (their units and subsidiaries), each with the name it stands
# for. Only acronyms of four letters or more that are no word or name of their own; PLA is the one
# exception (see `expand_acronyms`). Left out as the names of others too: AECC (Aero Engine
# Corporation of China; also Spain's cancer association, a British college) and CSIC (China
# Shipbuilding Industry Corporation; also Spain's national research council), which held those
# for review against the Chinese groups.
GROUP_ACRONYMS: dict[str, str] = {
    "AEOI": "Atomic Energy Organization of Iran",
    "AVIC": "Aviation Industry Corporation of China",
    "BUAA": "Beijing University of Aeronautics and Astronautics",
    "CAEIT": "China Academy of Electronics and Information Technology",
    "CAEP": "China Academy of Engineering Physics",
    "CALT": "China Academy of Launch Vehicle Technology",
    "CASC": "China Aerospace Science and Technology Corporation",
    "CASIC": "China Aerospace Science and Industry Corporation",
    "CETC": "China Electronics Technology Group Corporation",
    "CNIGC": "China North Industries Group Corporation",
    "CNNC": "China National Nuclear Corporation",
    "CNOOC": "China National Offshore Oil Corporation",
    "COMAC": "Commercial Aircraft Corporation of China",
    "CSGC": "China South Industries Group Corporation",
    "CSSC": "China State Shipbuilding Corporation",
    "IRGC": "Islamic Revolutionary Guard Corps",
    "IRISL": "Islamic Republic of Iran Shipping Lines",
    "NORINCO": "China North Industries Group Corporation",
    "NUAA": "Nanjing University of Aeronautics and Astronautics",
    "NUDT": "National University of Defense Technology",
    "NWPU": "Northwestern Polytechnical University",
    "PLAAF": "People's Liberation Army Air Force",
    "PLARF": "People's Liberation Army Rocket Force",
    "PLASSF": "People's Liberation Army Strategic Support Force",
    "SMIC": "Semiconductor Manufacturing International Corporation",
}
_GROUP = re.compile(r"\b(" + "|".join(sorted(GROUP_ACRONYMS, key=len, reverse=True)) + r")\b", re.I)
# PLA is also a surname (Josep Pla) and a plastic (PLA Materials Co.): it is read as the army only
# in capitals, and only standing alone or followed by a number or by a word the army's units are
# named with (PLA Unit 61398, PLA 61398, PLA General Hospital, PLA Navy, PLA Rocket Force).
_UNIT_WORDS = (
    "Unit Units Troops Navy Naval Air Ground Rocket Strategic Support Joint General Hospital "
    "Academy University College School Institute Military National Information Engineering "
    "Logistics Armed Police Force Forces Garrison District Command Theater Theatre Southern "
    "Northern Eastern Western Central Army Daily Nanjing Beijing Shenyang Guangzhou Chengdu "
    "Jinan Lanzhou China Chinese"
)
_PLA = re.compile(rf"\bPLA(?=\s+(?:\d|(?:{'|'.join(_UNIT_WORDS.split())})\b))", re.I)
_PLA_NAME = "People's Liberation Army"


def _pla(match: re.Match[str]) -> str:
    return _PLA_NAME if match.group() == "PLA" else match.group()  # in capitals only


def expand_acronyms(text: str) -> str:
    """``text`` with each acronym of `GROUP_ACRONYMS` (in any case) and PLA (in capitals, see
    above) written out: ``CETC 38th Research Institute`` gives ``China Electronics Technology
    Group Corporation 38th Research Institute``."""
    if _GROUP.search(text) is not None:
        text = _GROUP.sub(lambda m: GROUP_ACRONYMS[m.group(1).upper()], text)
    if "PLA" in text:
        text = _PLA_NAME if text.strip() == "PLA" else _PLA.sub(_pla, text)
    return text
