"""Given names read as the same name written by another language or as its nickname.

A list writes a person's name as their own language has it, often romanised from Russian
(OFAC: AVEN, Pyotr Olegovich; PRIGOZHIN, Yevgeniy Viktorovich); a press article, a customer
file or a contract writes it as the reader's language does (Peter Aven, Eugene Prigozhin). The
surname then agrees and the given name shares too few letters to count (Peter Aven beside Pyotr
Olegovich Aven scored 0.40 in veu-names/11). `COGNATES` holds the commonest given names of the
languages whose names the lists carry (English, Russian, Ukrainian and Belarusian in their usual
romanisations, German, French, Spanish, Portuguese, Italian, Polish, Czech, Hungarian, and the
Arabic forms of the names Islam shares with the Bible: Yusuf, Ibrahim, Musa, Dawood), one name a
line (a line begun with spaces goes on with the one before), the romanisations of one name
joined by a slash (Пётр: pyotr/petr/pjotr; Сергей: sergei/sergey/sergej/serguei; Юсуф:
yusuf/youssef), Russian names without another language's form included for their spellings;
the nicknames are `veu.names.nicknames`'. A word is related to the words of its line, not to
those of another line that shares one of its words (Jacques is both James and Jacob: James is
not Jacob).

Both tables relate names more generously than one person's papers do (Paul and Pablo are the
same name, not always the same person's), so a pair read through them is held for review, never
matched on that reading alone (`veu.matching.scorer`); a pair read only through other spellings
of one name (Pyotr Aven, Petr Aven) may match.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from veu.names.nicknames import related as nickname_table

NICKNAME = "nickname"
COGNATE = "the same name in another language"
SPELLING = "another spelling"

COGNATES = """
peter pyotr/petr/pjotr piotr petro pedro pierre pietro piet petar petrus boutros/butros/botros
paul pavel pablo paolo paulo pawel pavlo paulus boulos/bulus
john juan jean johann johannes jan ivan ioann giovanni joao hans ian sean yohannes ioannis
  jovan janos
michael mikhail mykhailo/mykhaylo miguel michel michele michal mihail mihai mikael mikail mihaly
joseph josef jose giuseppe iosif osip yosef yusuf/youssef/yousef/yusif/yousif josip jozef jozsef
alexander aleksandr/alexandr aleksander alexandre alejandro alessandro oleksandr
  aliaksandr/alyaksandr aleksandar sandor iskander/iskandar alexandros
george georgiy/georgy/georgii/georgi jorge giorgio georg georges jerzy heorhiy giorgi jiri
nicholas nicolas nikolai/nikolay/nikolaj mykola nicola nicolo nikola nikolaos niklas nikolaus
  nicolae mikalai
stephen steven stefan stepan stephan esteban stefano etienne istvan stefanos szczepan
andrew andrei/andrey andrii/andriy andre andres andreas andrea andrzej andrija andras ondrej andrej
james jaime jacques giacomo jaume
jacob jakob jacobo yakov/iakov jakub yaqub/yacoub yaakov jacopo jacques
william wilhelm guillaume guillermo guglielmo willem
charles carl karl carlos carlo karol karel
henry henri heinrich enrique enrico henrik genrikh
frederick friedrich frederic federico fryderyk fredrik
francis francisco francesco francois franz frantisek franciszek
anthony antonio antoine anton antoni antonin antony
thomas tomas tommaso tomasz foma
matthew matthias mateo matteo mathieu matvey/matvei mateusz matej
mark marc marco marcos markus marek
luke luca lucas luc luka lukas lukasz
philip phillip philippe felipe filippo filip philipp
daniel daniil danylo daniele danil
david davide dawid davit dawood/dawud/daoud/daud
simon simeon semyon/semen shimon szymon
gregory grigory/grigoriy/grigorii gregorio gregoire gregor grzegorz hryhoriy
vincent vincenzo vicente wincenty
lawrence laurence lorenzo laurent lavrentiy
victor viktor vittorio wiktor
leo leon lev
eugene yevgeny/yevgeniy/evgeny/evgeniy/evgenii/yevgenii/evgeni/yevgeni/evgueni eugen eugenio
  eugeniusz yevhen/yevhenii/ievgen
constantine konstantin kostiantyn/konstantyn costantino constantin konstanty
dmitry/dmitri/dmitriy/dmitrii dimitri dimitry dimitrios demetrius dmytro
basil vasily/vasiliy/vasilii/vasili/vassili vasyl basilio wasyl
gabriel gavriil gavril gabriele jibril/jibreel
raphael rafael raffaele
isaac isaak yitzhak/itzhak ishaq/ishak
abraham avraham ibrahim/ebrahim abramo
moses moshe musa/moussa/mousa moise mose
solomon shlomo suleiman/sulaiman/sulayman/suleyman salomon
ishmael ismail/ismoil ismael
jonah jonas yunus/younis/younes
aaron aron harun/haroun/haroon
zachary zacharias zakaria/zakariya/zakariyya zechariah
elias elijah ilya/ilia ilyas elia
theodore fyodor/fedor/feodor teodoro theodor teodor todor
timothy timofey/timofei tymofiy timoteo
edward eduard eduardo edoardo edouard
richard ricardo riccardo ryszard
arthur artur arturo
ignatius ignat ignacio ignazio
mary maria/mariya/marija marie maryam miriam
catherine katherine kathryn ekaterina/yekaterina katarina caterina catalina katarzyna kateryna
  katharina
elizabeth elisabeth elisabetta elizaveta/yelizaveta elzbieta isabel isabelle isabella
anne anna ana hanna hannah
helen helena elena/yelena olena
sophia sofia/sofiya sophie zofia
margaret margarita margherita marguerite malgorzata
natalie natalia/natalya/nataliya nathalie
julia yulia/yuliya giulia julie
irene irina iryna
sergei/sergey/sergej/serguei serhiy/serhii/sergiy serge sergio sergiusz
alexei/aleksei/alexey/aleksey/alexej/aleksej oleksiy/oleksii/oleksij alexis alessio
yuri/yuriy/yury/yurii/yurij/iouri/jurij/juri
vladimir/wladimir volodymyr/wolodymyr vladimiro wlodzimierz
kirill/kyrill kyrylo/kirilo cyril cyrille cirilo cirillo
maxim/maksim/maxime/maksym maximo massimo
denis/denys dennis
nikita/mykyta
arseny/arseniy/arsenii
anatoly/anatoliy/anatolii/anatoli/anatolij anatole anatolio
valery/valeriy/valerii/valeri/valerij valerio valere
vitaly/vitaliy/vitalii/vitali/vitalij vitale
gennady/gennadiy/gennadii/gennadi/gennadij hennadiy/hennadii
arkady/arkadiy/arkadii/arkadi arkadiusz
vyacheslav/viacheslav/wjatscheslaw vyacheslaw
yaroslav/iaroslav/jaroslav jaroslaw
stanislav/stanislaw stanislas
leonid leonidas
oleg oleh
igor ihor
bogdan bohdan
vadim vadym
tatiana/tatyana/tatjana tetiana/tetyana
ksenia/kseniya/xenia
anastasia/anastasiya/anastasija
daria/darya/dariya
olga olha helga
lyudmila/ludmila/liudmila
larisa/larissa
lyubov/liubov
yevgeniya/evgeniya/evgenia eugenia eugenie
"""


def lines() -> list[str]:
    """The lines of `COGNATES`, one a name (a line begun with spaces goes on with the one
    before)."""
    out: list[str] = []
    for line in COGNATES.strip().split("\n"):
        if line.startswith(" ") and out:
            out[-1] += line
        else:
            out.append(line)
    return out


@cache
def related() -> dict[str, dict[str, str]]:
    """Each given name, with the names it is related to and how (`SPELLING`, `COGNATE`,
    `NICKNAME`): read on first use, not when veu starts."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for line in lines():
        names = [spelling.split("/") for spelling in line.split()]
        for k, spellings in enumerate(names):
            others = [word for j, words in enumerate(names) if j != k for word in words]
            for name in spellings:
                out[name].update((other, SPELLING) for other in spellings if other != name)
                out[name].update((other, COGNATE) for other in others)
    for name, nicknames in nickname_table().items():
        for other in nicknames:
            out[name].setdefault(other, NICKNAME)
    return dict(out)


@cache
def spellings() -> dict[str, tuple[str, ...]]:
    """Each given name with its other spellings (`SPELLING` in `related`: nikolay, nikolai,
    nikolaj), in the table's order, for the names that have some."""
    out = {
        name: tuple(other for other, how in others.items() if how == SPELLING)
        for name, others in related().items()
    }
    return {name: others for name, others in out.items() if others}


def read_given_names(
    tokens: tuple[str, ...], other: tuple[str, ...]
) -> tuple[tuple[str, ...], list[tuple[str, str, str]]] | None:
    """``tokens`` with each word related (`related`) to a word ``other`` has and ``tokens`` has
    not, written as that word (Peter Aven beside Pyotr Olegovich Aven: pyotr aven; Ted Doe
    beside Theodore Doe: theodore doe), and the (written, read, relation) words; None when no
    word is. A word of the other is read for one word only."""
    table = related()
    out = list(tokens)
    changed: list[tuple[str, str, str]] = []
    taken = set(tokens)
    for k, token in enumerate(tokens):
        names = table.get(token)
        if names is None or token in other:
            continue
        for word in other:
            relation = names.get(word)
            if relation is not None and word not in taken:
                out[k] = word
                changed.append((token, word, relation))
                taken.add(word)
                break
    return (tuple(out), changed) if changed else None
