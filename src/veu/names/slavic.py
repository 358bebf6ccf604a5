"""Persons' names romanised from Belarusian or Ukrainian, read as the same names romanised from
Russian.

Belarus's and Ukraine's officials, and Russia's appointees in occupied Ukraine, are on the lists
(OFAC, the EU, the UK) under their names romanised from their own language, often beside the
Russian romanisation of the same person's name: NOVIKAU, Siarhei Ihnatavich is NOVIKOV, Sergey
Ignatovich; KURCHENKO, Serhiy Vitaliyovych is KURCHENKO, Sergei Vitalyevich; LUKASHENKA is
LUKASHENKO. A contract or a customer file writes either, and one listing often has only one
(Sergey Novikov beside NOVIKAU, Siarhei Ihnatavich scored 0.43, cleared). A `Romanisation`
writes such a name as Russian romanisations do:

- the given names by a table (Siarhei, Serhiy: sergei; Uladzimir, Volodymyr: vladimir; Ryhor:
  grigory, which the letters alone do not reach; and as the Cyrillic is transliterated the
  Russian way: Сяргей, syargey; Володимир, volodimir; Євген, ievgen) and the stems of
  patronymics by another (Mikalaevich: nikolaevich);
- the endings (Belarusian -au, -ou, -eu: -ov, -ov, -ev; -avich, -auna: -ovich, -ovna; -ka: -ko;
  Ukrainian -ovych, -ivna: -ovich, -ovna; -skyi: -sky);
- the letters (h as g in both, Belarusian г and Ukrainian г, but not the h of kh, sh, ch, zh;
  Belarusian dz as d, ts before e or i as t, ia between consonants as e, Ul- before a vowel as
  Vl-, and ў, a u after a vowel before a consonant, as v and as written: Paulichenka,
  Pavlichenko; Naumau, Naumov; Ukrainian y between consonants as i: Pushylin, Pushilin).

Belarusian writes the unstressed o as a (akanye: Halavanau, Golovanov; Varabei, Vorobey), which
no rule can undo; `a_for_o` reads an a as the other name's o where that is the only difference.

A name is read so only when it looks romanised from that language (`Romanisation.looks`): one
of its given names (those Russian romanisations do not write too: not Yuriy, Valeriy, which
BGN's Russian writes so) or a patronymic with its ending. -ou and -au alone are not enough:
Abou, Mohamedou, Hamshou (French romanisations of Arabic), Lau, Chou are not Belarusian. Only
persons' names are read so (`veu.matching.scorer`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

_CONSONANT = "bcdfghjklmnpqrstvwxz"
# г, Belarusian's and Ukrainian's h, Russian's g; not kh, sh, ch, zh
_H_AS_G = (re.compile(r"(?<![kscz])h"), "g")
SHORTEST_ENDED = 5  # letters of the shortest word whose ending is read (Lau, Chou are not)


def _table(text: str) -> dict[str, str]:
    return dict(entry.split() for entry in text.replace("\n", " ").split(";"))


@dataclass(frozen=True, eq=False)
class Romanisation:
    """How a language's romanisation writes what Russian romanisations write otherwise."""

    name: str
    given_names: dict[str, str]  # a given name: its Russian romanisation
    stems: tuple[tuple[str, str], ...]  # a patronymic's stem: its Russian, longest first
    patronymics: tuple[str, ...]  # the endings of patronymics only this romanisation writes
    stem_ending: re.Pattern[str]  # what follows a patronymic's stem
    endings: tuple[tuple[str, str], ...]  # a word's ending: Russian's, the first that applies
    letters: tuple[tuple[re.Pattern[str], str], ...]  # letters: Russian's, in order
    both: tuple[re.Pattern[str], ...] = ()  # letters read both as Russian's v and as written
    shared: frozenset[str] = frozenset()  # given names Russian romanisations write so too

    @cached_property
    def marks(self) -> frozenset[str]:
        """The given names only this romanisation writes so: those of its table but the
        ``shared``."""
        return frozenset(self.given_names) - self.shared

    def looks(self, tokens: tuple[str, ...]) -> bool:
        """Whether a person's name looks romanised from this language: it has a given name
        only it writes so, or a patronymic with its ending."""
        return self in romanisations_of(tokens)

    def read_word(self, word: str) -> tuple[str, ...]:
        """One word as Russian romanisations write it, the ways it may be read: a given name
        by the table; else with a patronymic's stem by the stems' table, its ending and its
        letters, and the letters read both ways as v and as written. The word itself when none
        applies."""
        return _read_word(self, word)

    def reading(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """A name that looks romanised from this language with each word read as Russian
        romanisations write it (its first reading), or None when it does not look so or reads
        the same."""
        if not self.looks(tokens):
            return None
        read = tuple(self.read_word(t)[0] for t in tokens)
        return None if read == tokens else read

    def read_words(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """Every reading of every word of a name that looks romanised from this language that
        differs from the word as written: the words an index also finds the name by."""
        if not self.looks(tokens):
            return ()
        return tuple(dict.fromkeys(w for t in tokens for w in self.read_word(t) if w != t))


@lru_cache(maxsize=65536)
def _read_word(language: Romanisation, word: str) -> tuple[str, ...]:
    if not word.isalpha():
        return (word,)
    given = language.given_names.get(word)
    if given is not None:
        return (given,)
    for own, russian in language.stems:
        if word.startswith(own) and language.stem_ending.fullmatch(word[len(own) :]):
            word = russian + word[len(own) :]
            break
    if len(word) >= SHORTEST_ENDED:
        for own, russian in language.endings:
            if word.endswith(own):
                word = word[: -len(own)] + russian
                break
    for pattern, replacement in language.letters:
        word = pattern.sub(replacement, word)
    read = word
    for pattern in language.both:
        read = pattern.sub("v", read)
    return tuple(dict.fromkeys((read, word)))


_SHORT_I = frozenset("iyj")  # й after a vowel, as romanisations write it (Mikhailo, Mikhaylo)


def a_for_o(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` but for an a where ``other`` has an o (akanye: galavanov,
    golovanov) or й written otherwise after a vowel (vorobei, vorobey; dmukhayla, dmukhailo)."""
    if len(word) != len(other) or word == other:
        return False
    return all(
        x == y
        or (x == "a" and y == "o")
        or (x in _SHORT_I and y in _SHORT_I and k and word[k - 1] in "aeou")
        for k, (x, y) in enumerate(zip(word, other, strict=True))
    )


def _stems(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_table(text).items(), key=lambda pair: -len(pair[0])))


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """Endings in their order (the first that applies is read)."""
    return tuple(_table(text).items())


_BELARUSIAN_NAMES = _table(
    """
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
barys boris; yahor yegor; kiryl kirill; fiodar fedor; yauheniya yevgeniya; lidziya lidiya;
syargey sergei; syarhey sergei; igar igor; yaugen yevgeny; aleg oleg; svyatlana svetlana;
natallya natalia; valyantsin valentin
"""
)
BELARUSIAN = Romanisation(
    name="belarusian",
    given_names=_BELARUSIAN_NAMES,
    stems=_stems(
        """
aliaksandr aleksandr; alyaksandr aleksandr; aliakse alekse; siarhe serge; uladzimir vladimir;
dzmitr dmitr; yauhen yevgen; yaugen yevgen; ihar igor; mikala nikola; viktar viktor;
hienadz gennad; henadz gennad; genadz gennad; leanid leonid; hryhor grigor; ryhor grigor;
yaraslav yaroslav; stanislav stanislav; kanstantsin konstantin; piatr petr; pyatr petr;
paval pavl; aleh oleg; raman roman; vadzim vadim; fiodar fedor; yakau yakov; radzivon rodion;
mihaul mikhail; iur yuri; yur yuri
"""
    ),
    # Ihnatavich, Uladzimirauna, Radzivonawna, Mikalaeuna; Iosifavitj, in Swedish romanisation
    patronymics=("avich", "avitj", "auna", "awna", "euna", "ewna"),
    stem_ending=re.compile(r"(y?[ae]vi(ch|tj)|[ae]vna|[ae][uw]na|ovich|ovna)$"),
    endings=_pairs(
        "yavich yevich; avich ovich; avitj ovich; auna ovna; awna ovna; euna evna; "
        "ewna evna; slau slav; au ov; ou ov; eu ev; ka ko"
    ),
    letters=(
        _H_AS_G,
        (re.compile(r"dz(?!h)"), "d"),  # дз for a soft д; not dzh (дж)
        (re.compile(r"ts(?=[ei])"), "t"),  # ц for a soft т
        (re.compile(f"(?<=[{_CONSONANT}])ia(?=[{_CONSONANT}])"), "e"),  # я for an unstressed е
        (re.compile(r"^ul(?=[aeiou])"), "vl"),  # у for в before a consonant (Uladzimir)
    ),
    # ў, a u after a vowel before a consonant: Russian's в (Paulichenka, Pavlichenko) or its
    # vowel у (Naumau, Naumov)
    both=(re.compile(f"(?<=[aeiou])u(?=[{_CONSONANT}])"),),
)

_UKRAINIAN_NAMES = _table(
    """
serhiy sergei; serhii sergei; oleh oleg; ihor igor; mykola nikolai; yevhen yevgeny;
yevhenii yevgeny; yevheniy yevgeny; volodymyr vladimir; oleksandr aleksandr; andriy andrei;
andrii andrei; oleksiy aleksei; oleksii aleksei; dmytro dmitry; petro pyotr; vasyl vasily;
hennadiy gennady; hennadii gennady; mykhailo mikhail; mykhaylo mikhail; pavlo pavel;
bohdan bogdan; kostiantyn konstantin; kostyantyn konstantin; maksym maksim; denys denis;
olena yelena; tetiana tatiana; tetyana tatiana; nataliia natalia; yuliia yulia;
liudmyla lyudmila; halyna galina; svitlana svetlana; kateryna yekaterina; heorhiy georgy;
heorhii georgy; hryhoriy grigory; hryhorii grigory; vadym vadim; vladyslav vladislav;
yuriy yuri; yurii yuri; valeriy valery; valerii valery; anatoliy anatoly; anatolii anatoly;
vitaliy vitaly; vitalii vitaly;
volodimir vladimir; ievgen yevgeny; yevgen yevgeny; sergiy sergei; mikola nikolai;
dmitro dmitry; mikhaylo mikhail; kostyantin konstantin
"""
)
UKRAINIAN = Romanisation(
    name="ukrainian",
    given_names=_UKRAINIAN_NAMES,
    stems=_stems(
        """
oleksandr aleksandr; serhi serge; serhiy serge; mykola nikola;
volodymyr vladimir; yevhen yevgen; ihor igor; hennadi gennadi; hennadiy gennadi;
oleksi aleksee; oleksiy aleksee; dmytr dmitr; mykhailo mikhail; mykhaylo mikhail; pavl pavl;
vasyl vasil; hryhori grigori; hryhoriy grigori; heorhi georgi; heorhiy georgi; petr petr;
bohdan bogdan; vadym vadim; andri andree; andriy andree
"""
    ),
    # Vitaliyovych, Oleksandrivna
    patronymics=("ovych", "ivna"),
    stem_ending=re.compile(r"(y?i?ovych|y?ivna|ovich|evich|ovna|evna)$"),
    endings=_pairs(
        "iyovych yevich; yovych yevich; iovych ievich; ovych ovich; yivna yevna; "
        "ivna ovna; skyi sky; skyy sky; ych ich"
    ),
    letters=(
        _H_AS_G,
        (re.compile(f"(?<=[{_CONSONANT}])y(?=[{_CONSONANT}])"), "i"),  # и: Pushylin, Pushilin
    ),
    # BGN's Russian romanisation writes Юрий Yuriy, Валерий Valeriy: not the language's alone
    shared=frozenset(
        {"yuriy", "yurii", "valeriy", "valerii", "anatoliy", "anatolii", "vitaliy", "vitalii"}
    ),
)

ROMANISATIONS: tuple[Romanisation, ...] = (BELARUSIAN, UKRAINIAN)


@lru_cache(maxsize=65536)
def romanisations_of(tokens: tuple[str, ...]) -> tuple[Romanisation, ...]:
    """The romanisations a name looks romanised from (`Romanisation.looks`): most names none,
    asked once for every pair of persons' names scored."""
    return tuple(
        language
        for language in ROMANISATIONS
        if any(t in language.marks or t.endswith(language.patronymics) for t in tokens)
    )


def readings(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The first reading of a name romanised from Belarusian or Ukrainian (`ROMANISATIONS`), or
    None when none reads it."""
    for language in ROMANISATIONS:
        read = language.reading(tokens)
        if read is not None:
            return read
    return None


def read_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Every word any romanisation reads ``tokens`` as (`Romanisation.read_words`)."""
    return tuple(
        dict.fromkeys(w for language in ROMANISATIONS for w in language.read_words(tokens))
    )
