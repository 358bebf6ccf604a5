"""Foreign names written in Chinese characters by sound, compared with their Latin spelling.

Chinese writes a foreign person's name, and many a foreign company's, by sound, with the
characters of the Xinhua transliteration tables: Lockheed Martin is 洛克希德·马丁, Christopher
Brady 克里斯托弗·布雷迪, Anduril 安杜里尔. The pinyin of such a name (``luokexide mading``)
shares few letters with the English, so both are reduced to what they keep of the sound: a
sequence of consonant classes (`sound_of_han`, `sound_of_latin`), Chinese's added vowels and
English's silent letters left out, and compared by an edit distance in which the sounds Chinese
writes one way for several English ones cost nothing (its j, q, x stand for English j, soft g,
ch, s, k or h) and the sounds it drops or adds cost less (an English r before a consonant, an
initial vowel, h, w). `sounds_like` gives the similarity in 0..1; the gloss
(`veu.names.gloss`) writes a word of the other name in place of the pinyin when they sound
alike enough (`SOUND_THRESHOLD`).

Only characters of the transliteration tables (`TRANSLITERATION_CHARACTERS`) are read this way:
a stretch with any other character is a Chinese word, never a foreign name's sound.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from types import ModuleType

from pypinyin import lazy_pinyin

_compiled: ModuleType | None
try:  # the distance in C (`_sounds.c`), when the extension is built
    from veu.names import _sounds as _compiled
except ImportError:  # pragma: no cover - a machine without a C compiler
    _compiled = None

# The characters of the Xinhua transliteration tables for English, German, French, Spanish,
# Russian and Japanese names (the common ones): a stretch made only of these may be a foreign
# name written by sound.
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安昂奥澳欧厄恩尔鄂"
    "巴芭拜班邦宝保鲍贝本比彼毕庇宾波伯博勃布柏"
    "查察柴策楚茨"
    "达戴代黛丹道德登邓迪蒂狄丁东杜顿多朵敦"
    "法凡范方菲斐费芬丰冯佛弗福富夫芙"
    "盖甘冈高戈哥格根贡古瓜圭郭"
    "哈海亥汉豪浩赫黑亨洪胡华怀惠霍翰"
    "基吉加佳嘉贾杰捷金津久"
    "卡凯坎康考柯科克肯孔库夸奎昆阔可"
    "拉莱赖兰朗劳勒雷蕾累里理利莉丽力列林琳领隆卢鲁路伦罗洛略吕露龙历励"
    "马玛迈麦曼芒毛梅美门蒙孟米密明缪摩莫默姆穆木慕"
    "纳娜奈南内尼妮宁纽努诺"
    "帕派潘庞佩彭皮珀普蒲"
    "齐奇琪恰乔切钦丘琼"
    "让热茹瑞若"
    "萨塞赛桑瑟森沙莎珊山尚绍舍申圣施史什舒斯松苏索丝思士撒"
    "塔泰坦汤唐陶特提廷汀通图托屯土"
    "瓦万旺威韦维魏温文沃乌伍"
    "西希锡席夏谢辛休许修肖逊"
    "雅亚扬杨耶叶伊因英尤于约尹易宜娅"
    "扎泽詹兹朱卓佐曾祖治"
)
# Readings pypinyin gives for the word sense, not the transliteration one (什 shen, not shi).
_READINGS = {"什": "shi"}

# Given names so common that their Chinese spelling is fixed by use rather than by sound
# (约翰 is John, not a y sound; 艾米 Amy, whose sounds are too few to compare), with the ways the
# lists write them: read as written here (the Xinhua tables' usual forms; version 11 adds the
# names beyond the first 24, from 艾米 down, and second spellings).
_COMMON_NAMES = """
约翰 john; 约瑟夫 joseph; 詹姆斯 james; 杰西 jesse; 大卫 david; 戴维 david|dave; 马修 matthew;
迈克尔 michael; 迈克 mike|michael; 麦克 mike|michael; 汤姆 tom; 威廉 william; 爱德华 edward;
乔治 george; 亨利 henry; 查尔斯 charles; 伊丽莎白 elizabeth; 玛丽 mary;
凯瑟琳 catherine|katherine|kathryn; 路易斯 louis|luis|lewis;
保罗 paul; 彼得 peter; 安德鲁 andrew; 史蒂夫 steve;
艾米 amy; 亚当 adam; 安 ann|anne; 安妮 annie|anne; 安娜 anna; 康纳 connor|conor; 凯文 kevin;
米奇 mitch|mickey; 乔什 josh; 贾森 jason; 杰森 jason; 布赖恩 brian|bryan; 布莱恩 brian|bryan;
克里斯托弗 christopher; 克里斯 chris; 理查德 richard; 托马斯 thomas; 罗伯特 robert; 鲍勃 bob;
马克 mark|marc; 史蒂文 steven|stephen; 斯蒂芬 stephen|steven; 丹尼尔 daniel; 丹 dan;
约书亚 joshua; 本杰明 benjamin; 本 ben; 萨拉 sarah|sara; 莎拉 sarah|sara; 艾米丽 emily;
艾米莉 emily; 杰西卡 jessica; 劳拉 laura; 琳达 linda; 苏珊 susan; 凯西 kathy|casey|cathy;
帕特里克 patrick; 格雷戈里 gregory; 乔安妮 joanne; 艾伦 alan|allen|allan|ellen; 朱莉 julie;
丽莎 lisa; 南希 nancy; 肯尼思 kenneth; 唐纳德 donald; 罗纳德 ronald; 乔纳森 jonathan;
尼古拉斯 nicholas; 安东尼 anthony; 埃里克 eric|erik; 弗兰克 frank; 斯科特 scott;
蒂莫西 timothy; 杰弗里 jeffrey|geoffrey; 雷蒙德 raymond; 亚历山大 alexander; 塞缪尔 samuel;
吉姆 jim; 比尔 bill; 马特 matt; 尼克 nick; 乔 joe; 山姆 sam; 亚历克斯 alex; 凯特 kate;
艾玛 emma; 奥利维亚 olivia; 索菲亚 sophia|sofia; 夏洛特 charlotte; 玛格丽特 margaret;
芭芭拉 barbara; 艾丽莎 eliza|alissa|alyssa; 贾斯汀 justin; 贾丝廷 justine; 杰伊 jay;
米歇尔 michelle|michel; 海伦 helen; 卡伦 karen; 凯伦 karen; 玛丽亚 maria; 弗雷德里克 frederick;
安迪 andy; 托尼 tony; 比利 billy; 肖恩 sean|shawn; 瑞安 ryan; 赖安 ryan; 布兰登 brandon;
凯尔 kyle; 伊恩 ian; 埃文 evan; 泰勒 taylor|tyler; 米切尔 mitchell; 马丁 martin;
菲利普 philip|phillip; 道格拉斯 douglas; 拉里 larry; 杰里 jerry|gerry; 特里 terry;
卡尔 carl|karl; 沃尔特 walter; 亚瑟 arthur; 哈里 harry; 哈利 harry; 罗杰 roger; 基思 keith;
加里 gary; 韦恩 wayne; 维克多 victor; 文森特 vincent; 伊万 ivan; 谢尔盖 sergey|sergei;
弗拉基米尔 vladimir; 德米特里 dmitry|dmitri; 安德烈 andrey|andrei; 尼古拉 nikolai|nikolay;
米哈伊尔 mikhail; 伊戈尔 igor; 奥列格 oleg; 穆罕默德 muhammad|mohammed|mohammad|mohamed|mehmet;
艾哈迈德 ahmed|ahmad; 侯赛因 hussein|husayn|hussain
"""
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    han: tuple(names.split("|"))
    for entry in _COMMON_NAMES.replace("\n", " ").split(";")
    for han, names in [entry.split()]
}
# A stretch is read by sound only with at least this many characters (one character is too
# little to tell a name's sound from a chance likeness).
MIN_CHARACTERS = 2
# Sounds alike enough to stand for each other.
SOUND_THRESHOLD = 0.75

_INITIALS = (
    ("zh", "J"), ("ch", "J"), ("sh", "S"), ("b", "P"), ("p", "P"), ("m", "M"), ("f", "F"),
    ("d", "T"), ("t", "T"), ("n", "N"), ("l", "L"), ("r", "L"), ("g", "K"), ("k", "K"),
    ("h", "H"), ("j", "J"), ("q", "J"), ("x", "J"), ("z", "S"), ("c", "S"), ("s", "S"),
    ("y", "Y"), ("w", "W"),
)  # fmt: skip
# A pinyin final's vowel (a, e, i, o, u) and whether it ends in a nasal.
_FINALS = {
    "a": "a", "ia": "a", "ua": "a", "ai": "e", "uai": "e", "ao": "o", "iao": "o",
    "e": "e", "ie": "e", "ue": "e", "ve": "e", "ei": "e", "ui": "e", "i": "i",
    "o": "o", "uo": "o", "ou": "o", "iu": "u", "u": "u", "v": "u",
    "an": "aN", "ian": "aN", "uan": "aN", "van": "aN", "ang": "aN", "iang": "aN", "uang": "aN",
    "en": "eN", "eng": "eN", "in": "iN", "ing": "iN", "un": "uN", "vn": "uN",
    "ong": "oN", "iong": "oN",
}  # fmt: skip
# Syllables whose vowel only carries a consonant (克 ke for k, 斯 si for s, 布 bu for b): the
# vowel is left out.
_BARE = frozenset(
    ("ke", "te", "de", "ge", "he", "se", "si", "zi", "ci", "shi", "zhi", "chi", "ri", "bu", "pu",
     "fu", "mu")
)  # fmt: skip


@lru_cache(maxsize=20_000)
def transliterable(han: str) -> bool:
    """Whether a stretch of Han characters may be a foreign name written by sound (a given name
    of `COMMON_NAMES` always: 大卫, David, has a character the tables do not)."""
    return han in COMMON_NAMES or (
        len(han) >= MIN_CHARACTERS and all(c in TRANSLITERATION_CHARACTERS for c in han)
    )


@lru_cache(maxsize=4096)
def _syllable(character: str) -> str:
    """The sounds of one character's reading: its initial's class, its vowel (unless it only
    carries the consonant: 克 ke is k), and N for a final -n or -ng; 尔 (er) is L, 恩 (en) N."""
    reading = (_READINGS.get(character) or lazy_pinyin(character)[0]).replace("ü", "v")
    if reading == "er":
        return "L"
    if reading in ("en", "eng"):
        return "N"
    initial, rest = "", reading
    for written, cls in _INITIALS:
        if reading.startswith(written):
            initial, rest = cls, reading[len(written) :]
            break
    if initial == "Y":  # ya, you: the y begins the vowel; yi, yin, ying: it is the vowel
        if rest in ("i", "in", "ing"):
            initial = ""
        rest = {"u": "v", "ue": "ve", "uan": "van"}.get(
            rest, "i" + rest if not rest.startswith("i") else rest
        )
    if initial == "W" and rest == "u":  # wu: the vowel u
        return "u"
    if reading in _BARE:
        return initial
    return initial + _FINALS.get(rest, "")


@lru_cache(maxsize=20_000)
def sound_of_han(han: str) -> str:
    """The sounds of a stretch of Han characters read as a foreign name."""
    return _collapse("".join(_syllable(c) for c in han))


def _collapse(sound: str) -> str:
    out: list[str] = []
    for s in sound:
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


_LATIN_GROUPS = (
    ("sch", "S"), ("tch", "J"), ("dg", "J"), ("ck", "K"), ("ph", "F"), ("sh", "S"), ("th", "0"),
    ("wh", "W"), ("qu", "K"), ("ts", "S"), ("tz", "S"), ("ng", "N"), ("gh", ""), ("x", "KS"),
    ("ee", "i"), ("ea", "i"), ("ie", "i"), ("oo", "u"), ("ou", "u"), ("au", "o"), ("aw", "o"),
    ("ai", "e"), ("ay", "e"), ("ei", "e"), ("ey", "i"),
)  # fmt: skip
_LATIN_LETTERS = {
    "b": "P", "p": "P", "f": "F", "v": "V", "w": "W", "m": "M", "n": "N", "d": "T", "t": "T",
    "l": "L", "k": "K", "q": "K", "j": "J", "s": "S", "z": "S", "h": "H",
    "a": "a", "e": "e", "i": "i", "o": "o", "u": "u",
}  # fmt: skip
_VOWELS = frozenset("aeiouy")
# The groups by their first letter, in their order (only those a word's letter begins are tried).
_GROUPS_BY_FIRST: dict[str, tuple[tuple[str, str], ...]] = {
    first: tuple(item for item in _LATIN_GROUPS if item[0][0] == first)
    for first in {g[0] for g, _ in _LATIN_GROUPS}
}
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")  # a doubled consonant is one sound


@lru_cache(maxsize=20_000)
def sound_of_latin(word: str) -> str:
    """The sounds of a word in Latin letters, as Chinese would hear it: silent letters left
    out (a final e, gh, the k of kn), an r that no vowel follows soft (R: Chinese drops it from
    Martin, 马丁, and writes it in Sergey, 谢尔盖), c and g
    soft before e, i, y, a first Mc said Mac (麦克唐奈, McDonnell: MKToNeL was 0.745 alike, under
    `SOUND_THRESHOLD`), the e of a final -er or -ers after a consonant left out (Chinese writes
    no vowel there: 罗德, Roeder; 鲁德, Rudder), an l before a consonant soft as an r is (Walters,
    瓦特斯 and 沃尔特斯), the n and g of ng before a vowel two sounds (Brungardt, 布伦加特), a
    final d or t a sound of its own, D, which a transliteration may leave unwritten (McDonald,
    麦克唐纳; David, 大卫) or write as any t (Grant, 格兰特), and the other vowels (a, e, i, o, u)
    kept."""
    w = _DOUBLED.sub(r"\1", word.lower())
    if len(w) > 3 and w.endswith("e") and w[-2] not in _VOWELS:
        w = w[:-1]
    out = ""
    i = 0
    n = len(w)
    if w.startswith(("kn", "wr")):
        i = 1
    elif w.startswith("mc") and n > 3:  # Mc is Mac (McDonnell, 麦克唐奈; McCaul, 麦考尔)
        out, i = "MaK", 2
    while i < n:
        c = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        if c == "c" and nxt == "h":
            out += "K" if w[i + 2 : i + 3] in ("r", "l") else "J"
            i += 2
            continue
        group = next(
            ((g, cls) for g, cls in _GROUPS_BY_FIRST.get(c, ()) if w.startswith(g, i)), None
        )
        if group is not None and group[0] == "ng" and w[i + 2 : i + 3] in _VOWELS and nxt:
            out += "N"  # n and g apart before a vowel: Brungardt, 布伦加特; Angela, 安吉拉
            i += 1
            continue
        if group is not None:
            out += group[1] if not (group[0] == "gh" and i == 0) else "K"
            i += len(group[0])
            continue
        if c == "e" and i > 0 and w[i - 1] not in _VOWELS and w[i + 1 :] in ("r", "rs"):
            i += 1  # the unstressed -er of Roeder, Walters: Chinese writes no vowel (罗德, 瓦特斯)
            continue
        if c == "y":
            out += "Y" if nxt in _VOWELS and nxt else "i"
        elif c == "r":  # before a vowel an l to Chinese; else soft (Martin 马丁, Sergey 谢尔盖)
            out += "L" if nxt in _VOWELS and nxt else "R"
        elif c == "l" and nxt and nxt not in _VOWELS:  # soft before a consonant (Walters 瓦特斯)
            out += "R"
        elif c == "c":
            out += "S" if nxt in ("e", "i", "y") else "K"
        elif c == "g":
            out += "J" if nxt in ("e", "i", "y") else "K"
        else:
            out += _LATIN_LETTERS.get(c, "")
        i += 1
    out = _collapse(out)
    if out.endswith("T") and w[-1] in "dt":  # a final d or t, often left unwritten (麦克唐纳)
        out = out[:-1] + "D"
    return out


# Sounds of the Chinese that stand for sounds of the English at no cost, or at half. (0 is
# English th, which Chinese writes as t, s or x: Thomas 托马斯, Smith 史密斯, Matthew 马修; an
# initial J is often written as y: John 约翰, Jürgen 尤尔根.)
_FREE = {
    ("J", "S"), ("J", "K"), ("J", "H"), ("W", "V"), ("F", "V"), ("K", "H"),
    ("0", "T"), ("0", "S"), ("0", "J"), ("R", "L"), ("D", "T"),
}  # fmt: skip
_HALF = {("P", "F"), ("W", "F"), ("T", "S"), ("D", "S"), ("P", "V"), ("Y", "J"), ("M", "N")}
# What adding or leaving out each sound costs: a vowel little (Chinese adds some, English
# spelling hides others), and h, w, y, l, n and a final d or t (D) less than other consonants
# (one side often writes them and the other not).
_WEIGHTS = {"H": 0.5, "W": 0.5, "Y": 0.3, "L": 0.7, "N": 0.7, "R": 0.3, "D": 0.5}
_VOWEL_WEIGHT = 0.35
_VOWEL_CHANGE = 0.25  # one vowel written for another


def _weight(sound: str) -> float:
    return _VOWEL_WEIGHT if sound.islower() else _WEIGHTS.get(sound, 1.0)


def _substitution(a: str, b: str) -> float:
    if a == b or (a, b) in _FREE or (b, a) in _FREE:
        return 0.0
    if a.islower() and b.islower():
        return _VOWEL_CHANGE
    if a.islower() or b.islower():
        return _weight(a) + _weight(b)
    if (a, b) in _HALF or (b, a) in _HALF:
        return 0.5
    return 1.0


def sound_distance(a: str, b: str) -> float:
    """Weighted edit distance between two sound sequences (see module docstring): in C
    (`veu/names/_sounds.c`) when the extension is built, the same value as
    `sound_distance_python`."""
    if _compiled is not None:
        found: float | None = _compiled.distance(a, b)
        if found is not None:
            return found
    return sound_distance_python(a, b)


def sound_distance_python(a: str, b: str) -> float:
    """`sound_distance`, in Python."""
    previous = [0.0]
    for y in b:
        previous.append(previous[-1] + _weight(y))
    for x in a:
        drop = _weight(x)
        current = [previous[0] + drop]
        for j, y in enumerate(b, 1):
            current.append(
                min(
                    previous[j] + drop,
                    current[j - 1] + _weight(y),
                    previous[j - 1] + _substitution(x, y),
                )
            )
        previous = current
    return previous[-1]


if _compiled is not None:  # the C distance takes the costs defined here, by ASCII code
    _compiled.configure(
        array("d", (_weight(chr(c)) for c in range(128))).tobytes(),
        array(
            "d", (_substitution(chr(x), chr(y)) for x in range(128) for y in range(128))
        ).tobytes(),
    )


@lru_cache(maxsize=50_000)
def sounds_like(han: str, word: str) -> float:
    """How alike a stretch of Han characters, read as a foreign name, and a Latin word sound,
    in 0..1 (0 when the stretch is not transliterable or either has fewer than two sounds)."""
    if not transliterable(han):
        return 0.0
    if word in COMMON_NAMES.get(han, ()):
        return 1.0
    if not _VOWELS.intersection(word):  # not read as spelt (an acronym: SGM, NEC)
        return 0.0
    return _alike(sound_of_han(han), sound_of_latin(word))


def _alike(a: str, b: str) -> float:
    """How alike two sound sequences are: 1 - their distance over the heavier's weight; 0 when
    either has no consonant or neither has two."""
    (consonants_a, mass_a), (consonants_b, mass_b) = _measure(a), _measure(b)
    if min(consonants_a, consonants_b) < 1 or max(consonants_a, consonants_b) < 2:
        return 0.0
    return max(0.0, 1.0 - sound_distance(a, b) / max(mass_a, mass_b))


def alike_sounds(han: str, sounds: list[str]) -> list[int]:
    """The places in ``sounds`` (`sound_of_latin` of words with a vowel) of those that ``han``
    sounds like at `SOUND_THRESHOLD` or more, as `sounds_like` reads them (but for
    `COMMON_NAMES`, which it reads by name): in C when the extension is built (a Chinese query's
    stretch beside every word with its sound key, thousands for a common key at a million
    names), else in Python, which gives the same places."""
    if not transliterable(han):
        return []
    a = sound_of_han(han)
    if _compiled is not None:
        found: list[int] | None = _compiled.alike(a, sounds, SOUND_THRESHOLD)
        if found is not None:
            return found
    return alike_sounds_python(a, sounds)


def alike_sounds_python(a: str, sounds: list[str]) -> list[int]:
    """`alike_sounds` in Python, from the stretch's sounds ``a``."""
    return [k for k, b in enumerate(sounds) if _alike(a, b) >= SOUND_THRESHOLD]


@lru_cache(maxsize=50_000)
def _measure(sound: str) -> tuple[int, float]:
    """A sound sequence's consonants, and its weight (what leaving all of it out costs)."""
    return sum(not s.islower() for s in sound), sum(map(_weight, sound))


# Sounds merged into one class for `sound_key`: what the comparison lets stand for each other at
# no cost falls together, and what one side often writes and the other not (h, w, y) is left out.
_KEY_CLASSES = str.maketrans(
    {
        "J": "K",
        "S": "K",
        "H": None,
        "0": "T",
        "D": "T",
        "F": "P",
        "V": "P",
        "W": "P",
        "M": "N",
        "Y": None,
        "R": None,
    }
)


def sound_key(sound: str) -> str | None:
    """A coarse key of a sound sequence, for finding candidates: its consonants with alike
    ones merged (`_KEY_CLASSES`); Lockheed and 洛克希德 both give LKT. None under two
    consonants (too common a key to say anything)."""
    key = _collapse("".join(s for s in sound if not s.islower()).translate(_KEY_CLASSES))
    return key if len(key) >= 2 else None


@lru_cache(maxsize=100_000)
def latin_sound_key(word: str, shortest: int = 4) -> str | None:
    """`sound_key` of a Latin word that may stand for a name written by sound in Chinese
    (`_heard`)."""
    return sound_key(sound_of_latin(word)) if _heard(word, shortest) else None


def _heard(word: str, shortest: int) -> bool:
    """Whether a Latin word may stand for a name written by sound in Chinese: at least
    ``shortest`` letters, with a vowel (not an acronym)."""
    return len(word) >= shortest and word.isalpha() and bool(_VOWELS.intersection(word))


@lru_cache(maxsize=100_000)
def latin_sound_keys(word: str, shortest: int = 4) -> tuple[str, ...]:
    """The keys a word is found by (none for a word without a key): `latin_sound_key` first,
    and the keys of what a Chinese transliteration writes that the key leaves out
    (`_transliterated`): an initial h written with x (希利, Healy), an r without a vowel after
    it written 尔 (谢尔盖, Sergey; 许贝尔, Hueber), a gh between vowels written 格 (加拉格尔,
    Gallagher); and each key without a final t or d, or l and t (d), or l, where a Chinese
    transliteration often writes none (David 大卫, TP; Gilliland 吉格兰, KLN; McDonald 麦克唐纳
    and McDonnell 麦克唐奈, NKTN)."""
    if not _heard(word, shortest):
        return ()
    keys = [k for sound in _transliterated(word) if (k := sound_key(sound)) is not None]
    return tuple(
        dict.fromkeys(
            cut
            for k in keys
            for cut in (k, *(k[: -len(end)] for end in _UNWRITTEN_ENDS if _shortened(k, end)))
        )
    )


_UNWRITTEN_ENDS = ("T", "LT", "L")
_WRITTEN_X = ("Hi", "He", "Hu")  # an h Chinese may write x (希 xi, 许 xu, 休 xiu); before a, o: h
_SPOKEN_GH = re.compile(r"(?<=[aeiou])gh(?=[aeiou])")


def _transliterated(word: str) -> list[str]:
    """The sounds of ``word``: its own (`sound_of_latin`) first, then as Chinese
    transliterations also write them, where its key would leave out what they write: an initial
    h before e, i or u as x (J: 希利, Healy; 许贝尔, Hueber), where the key drops h (before a or
    o Chinese writes h: 汉斯, Hans); an r without a vowel after it as 尔 (L: 谢尔盖, Sergey),
    where the key drops r; a gh between vowels as g (加拉格尔, Gallagher), where it is silent.
    Each sound once."""
    sounds = [sound_of_latin(word)]
    if "gh" in word and (spoken := _SPOKEN_GH.sub("g", word)) != word:
        sounds.append(sound_of_latin(spoken))
    sounds += ["J" + s[1:] for s in sounds if s.startswith(_WRITTEN_X)]
    sounds += [s.replace("R", "L") for s in sounds if "R" in s]
    return list(dict.fromkeys(sounds))


def _shortened(key: str, end: str) -> bool:
    return key.endswith(end) and len(key) - len(end) >= 2


def han_sound_key(han: str) -> str | None:
    """`sound_key` of a transliterable stretch of Han characters (else None)."""
    return sound_key(sound_of_han(han)) if transliterable(han) else None
