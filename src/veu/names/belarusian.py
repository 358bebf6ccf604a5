"""Persons' names romanised from Belarusian, read as the same names romanised from Russian.

Belarus's officials are on the lists (OFAC's Belarus programme, the EU's, the UK's) under their
names romanised from Belarusian, often beside the Russian romanisation of the same person's name:
NOVIKAU, Siarhei Ihnatavich is NOVIKOV, Sergey Ignatovich; HALAVANAU, Viktar Hryhoryavich is
GOLOVANOV, Viktor Grigoriyevich; LUKASHENKA is LUKASHENKO. A contract or a customer file writes
either, and one listing often has only one (Sergey Novikov beside NOVIKAU, Siarhei Ihnatavich
scored 0.43, cleared). `reading` writes such a name as Russian romanisations do:

- the given names by `_GIVEN_NAMES` (Siarhei: sergei, Uladzimir: vladimir, Ryhor: grigory,
  which the letters alone do not reach) and the stems of patronymics by `_PATRONYMIC_STEMS`
  (Mikalaevich: nikolaevich);
- the endings: -au, -ou, -eu as -ov, -ov, -ev (ў after a vowel: Novikau, Novikov), -slau as
  -slav, -avich and -auna (-awna) as -ovich and -ovna, -euna as -evna, a final -ka as -ko
  (Lukashenka, Astreika);
- the letters: h as g (Belarusian г: Ihar, Igor; not the h of kh, sh, ch, zh), dz as d
  (Dzmitry, Dmitry), ts before e or i as t (Tsertsel, Tertel; Artsiom), ia between consonants
  as e (Siarhei, Sergei; Piatrovich, Petrovich), an initial u before l as v (Uladzimir), and u
  after a vowel before a consonant (ў) as v and as written (Paulichenka, Pavlichenko; Naumau,
  Naumov).

Belarusian writes the unstressed o as a (akanye: Halavanau, Golovanov; Varabei, Vorobey), which
no rule can undo; `a_for_o` reads an a as the other name's o where that is the only difference.

A name is read so only when it looks Belarusian (`looks_belarusian`): a Belarusian given name,
or a patronymic with a Belarusian ending. -ou and -au alone are not enough: Abou, Mohamedou,
Hamshou (French romanisations of Arabic), Lau, Chou are not Belarusian. Only persons' names are
read so (`veu.matching.scorer`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Belarusian given names in their usual romanisations, with the Russian romanisation of the
# same name.
_GIVEN_NAMES = """
aliaksandr aleksandr; alyaksandr aleksandr; aliaksandar aleksandr; aliaksei aleksei;
aliaksey aleksei; alyaksei aleksei; siarhei sergei; uladzimir vladimir; uladzislau vladislav;
dzmitryi dmitry; dzmitriy dmitry; dzmitry dmitry; zmitser dmitry; yauheni yevgeny;
yauhen yevgeny; ihar igor; mikalai nikolai; mikalay nikolai; viktar viktor; hienadzi gennady;
hienadz gennady; henadz gennady; genadzi gennady; genadz gennady; leanid leonid; ryhor grigory;
siamion semyon; volha olga; tatsiana tatiana; natallia natalia; halina galina; maryna marina;
yaraslau yaroslav; stanislau stanislav; viachaslau vyacheslav; vyachaslau vyacheslav;
branislau bronislav; kanstantsin konstantin; valiantsin valentin; alena yelena; piotr pyotr;
paval pavel; anatol anatoly; aleh oleg; raman roman; artsiom artem; vadzim vadim; hleb gleb;
iryna irina; sviatlana svetlana; liudmila lyudmila; stsiapan stepan; stiapan stepan;
barys boris; yahor yegor; kiryl kirill; fiodar fedor; yauheniya yevgeniya; lidziya lidiya
"""
# The stems of patronymics whose Russian the letters alone do not give (Mikalaevich:
# nikolaevich; Ryhoravich: grigorovich; Iureuna: yurievna), before a patronymic's ending.
_PATRONYMIC_STEMS = """
aliaksandr aleksandr; alyaksandr aleksandr; aliakse alekse; siarhe serge; uladzimir vladimir;
dzmitr dmitr; yauhen yevgen; yaugen yevgen; ihar igor; mikala nikola; viktar viktor;
hienadz gennad; henadz gennad; genadz gennad; leanid leonid; hryhor grigor; ryhor grigor;
yaraslav yaroslav; stanislav stanislav; kanstantsin konstantin; piatr petr; pyatr petr;
paval pavl; aleh oleg; raman roman; vadzim vadim; fiodar fedor; yakau yakov; radzivon rodion;
mihaul mikhail; iur yuri; yur yuri
"""


def _table(text: str) -> dict[str, str]:
    return dict(entry.split() for entry in text.replace("\n", " ").split(";"))


_GIVEN = _table(_GIVEN_NAMES)
_STEMS = sorted(_table(_PATRONYMIC_STEMS).items(), key=lambda pair: -len(pair[0]))
# Patronymics' endings only Belarusian romanisation writes (Ihnatavich, Uladzimirauna,
# Radzivonawna, Mikalaeuna; Iosifavitj, in Swedish romanisation): a name with one looks
# Belarusian.
_PATRONYMIC = re.compile(r"(avich|avitj|auna|awna|euna|ewna)$")
_PATRONYMIC_ENDING = re.compile(r"(y?[ae]vi(ch|tj)|[ae]vna|[ae][uw]na|ovich|ovna)$")
_ENDINGS = (
    ("yavich", "yevich"), ("avich", "ovich"), ("avitj", "ovich"), ("auna", "ovna"),
    ("awna", "ovna"), ("euna", "evna"), ("ewna", "evna"), ("slau", "slav"), ("au", "ov"),
    ("ou", "ov"), ("eu", "ev"), ("ka", "ko"),
)  # fmt: skip
_CONSONANT = "bcdfghjklmnpqrstvwxz"
_LETTERS = (
    (re.compile(r"(?<![kscz])h"), "g"),  # г; not kh, sh, ch, zh
    (re.compile(r"dz(?!h)"), "d"),  # дз for a soft д; not dzh (дж)
    (re.compile(r"ts(?=[ei])"), "t"),  # ц for a soft т
    (re.compile(f"(?<=[{_CONSONANT}])ia(?=[{_CONSONANT}])"), "e"),  # я for an unstressed е
    (re.compile(r"^ul(?=[aeiou])"), "vl"),  # у for в before a consonant (Uladzimir)
)
# ў, a u after a vowel before a consonant: Russian's в (Paulichenka, Pavlichenko) or its vowel
# у (Naumau, Naumov); both are read.
_SHORT_U = re.compile(f"(?<=[aeiou])u(?=[{_CONSONANT}])")
SHORTEST_ENDED = 5  # letters of the shortest word whose ending is read (Lau, Chou are not)


@lru_cache(maxsize=65536)
def looks_belarusian(tokens: tuple[str, ...]) -> bool:
    """Whether a person's name looks romanised from Belarusian: it has a Belarusian given name
    (`_GIVEN_NAMES`: Siarhei, Uladzimir, Dzmitry, ...) or a patronymic with a Belarusian ending
    (Ihnatavich, Uladzimirauna)."""
    return any(t in _GIVEN or _PATRONYMIC.search(t) for t in tokens)


@lru_cache(maxsize=65536)
def read_word(word: str) -> tuple[str, ...]:
    """One word of a Belarusian name as Russian romanisations write it (see the module's
    docstring), the ways it may be read: a given name by `_GIVEN_NAMES`; else with a
    patronymic's stem by `_PATRONYMIC_STEMS`, its ending and its letters, and a u after a vowel
    before a consonant read as v and as written (Pavlichenko, Naumov). The word itself when none
    applies."""
    if not word.isalpha():
        return (word,)
    given = _GIVEN.get(word)
    if given is not None:
        return (given,)
    for be, ru in _STEMS:
        if word.startswith(be) and _PATRONYMIC_ENDING.fullmatch(word[len(be) :]):
            word = ru + word[len(be) :]
            break
    read = _letters(_ending(word) if len(word) >= SHORTEST_ENDED else word)
    return tuple(dict.fromkeys((_SHORT_U.sub("v", read), read)))


def _ending(word: str) -> str:
    for be, ru in _ENDINGS:
        if word.endswith(be):
            return word[: -len(be)] + ru
    return word


def _letters(word: str) -> str:
    for pattern, replacement in _LETTERS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def reading(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A name that looks Belarusian (`looks_belarusian`) with each word read as Russian
    romanisations write it (`read_word`, its first reading), or None when it does not look
    Belarusian or reads the same."""
    if not looks_belarusian(tokens):
        return None
    read = tuple(read_word(t)[0] for t in tokens)
    return None if read == tokens else read


def read_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Every reading of every word of a name that looks Belarusian (`read_word`) that differs
    from the word as written: the words an index also finds the name by. None for another
    name."""
    if not looks_belarusian(tokens):
        return ()
    return tuple(dict.fromkeys(w for t in tokens for w in read_word(t) if w != t))


def a_for_o(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` but for an a where ``other`` has an o (akanye: galavanov,
    golovanov) or an i where it has a y after a vowel (vorobei, vorobey)."""
    if len(word) != len(other) or word == other:
        return False
    return all(
        x == y or (x == "a" and y == "o") or (x == "i" and y == "y" and k and word[k - 1] in "aeo")
        for k, (x, y) in enumerate(zip(word, other, strict=True))
    )
