"""English glosses of Chinese organisation names, word for word.

Chinese names of foreign and Chinese companies are mostly translated, not transliterated:
通用动力陆地系统公司 is General Dynamics Land Systems, 中国电子科技集团 China Electronics Technology
Group. Their pinyin (``tongyong dongli ludi xitong``) shares nothing with the English, so a name
written in Chinese is also compared through a gloss: the Han text cut into the longest words of
`GLOSSARY` (general and trade vocabulary, Chinese places, ordinals such as 第十四 → 14), each
word replaced by its English, the characters between them left as pinyin (names: 华为 → huawei),
except the brands listed Chinese companies write in English (海康威视 → Hikvision, 长江 →
Yangtze), which are entries too. A word with several translations (航空: aviation, aeronautics,
aerospace) takes the one the other name uses. A stretch of characters that may be a foreign name
written by sound (洛克希德, `veu.names.transliteration`) is written as the other name's word it
sounds like (Lockheed), when one does; and a stretch the other name writes in Wade-Giles, as
Taiwan writes its names (中山 is the Chung-Shan of National Chung-Shan Institute of Science and
Technology; its pinyin is zhongshan), as the other writes it. A name written in Japanese is
read alike: its kanji as simplified Chinese writes them (`veu.names.normalize.simplified`), and
the katakana that write loanwords by sound in the same run (三菱重工航空エンジン: エンジン is an
entry, engine); a katakana word no entry has is its Hepburn (`veu.names.kana`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import Levenshtein

from veu.names.kana import KATAKANA, romanise_kana
from veu.names.legal_forms import CJK_LEGAL_FORMS
from veu.names.normalize import HAN_OR_KATAKANA_RUN, NormalName, normalise, simplified
from veu.names.numbers import HAN_NUMERAL, han_numeral
from veu.names.pinyin import fold, is_pinyin, pinyin_of
from veu.names.transliteration import (
    SOUND_THRESHOLD,
    han_sound_key,
    sounds_like,
    transliterable,
)

# Han word: its English, alternatives separated by |, the usual first. One entry a line.
_GLOSSARY = """
公司 company|corporation|inc|co
有限公司 co ltd|company limited|limited
股份有限公司 co ltd|company limited|corporation
有限责任公司 llc|co ltd|company limited
株式会社 co ltd|corporation|kabushiki kaisha
分公司 branch
子公司 subsidiary
与 and
和 and
及 and
设计 design
产业 industries|industry
电路 circuit|circuits
新材料 new materials
咨询 consulting
协会 association
委员会 committee|commission
基金会 foundation
项目 project
人权 human rights
倡导 advocacy|advocates
维吾尔 uyghur|uighur|uygur
世界 world|global
国家 national|state|country
主要 main|major|principal
繁荣 prosperous|prosperity
扁平 flat
代表大会 congress|assembly
联盟 alliance|coalition|union
论坛 forum
政府 government
军事 military
解放军 liberation army
部队 unit|troops|forces
总医院 general hospital
医院 hospital
人民 people|peoples|renmin
火箭 rocket|rockets
卫星 satellite|satellites
激光 laser|lasers
红外 infrared
测控 measurement and control
测试 testing|test
检测 testing|inspection
计量 metrology
医药 pharmaceutical|pharmaceuticals
医疗 medical|healthcare
联邦 federal
机构 agency|organization|institution
喷气机 jet|jets
航太 aerospace
硬件 hardware
情报 intelligence
舰船 ship|ships|vessels
资本 capital
运输 transportation|transport
机器人 robotics|robot|robots
导航 navigation
工作室 studio|studios
合伙 partnership|partners
涡轮增压器 turbocharger|turbochargers
探索 exploration
原动机 power systems|prime mover|engines
生物 biological|bio|biotech
钢铁 steel|iron and steel
冶金 metallurgy|metallurgical
有色 nonferrous|non ferrous
稀有 rare
集团 group|corporation|groups
集团公司 group corporation|corporation|group
控股 holdings|holding
国际 international
全球 global
环球 universal|global
环太平洋 pacific rim
合资 joint venture
实业 industries|industrial
企业 enterprises|enterprise
工业 industries|industry|industrial
重工 heavy industries|heavy industry|industry
重工业 heavy industries|heavy industry|industry
工程 engineering
技术 technologies|technology|technical|tech
科技 technologies|technology|science and technology|tech
科工 science and industry
高科技 high tech|high technology
科学 science|sciences|scientific
科学院 academy of sciences
物理 physics
化学 chemistry|chemical|chemicals
力学 mechanics
数学 mathematics
自动化 automation
研究院 research institute|academy|institute
研究所 research institute|institute
研究 research|studies
计算 computing|computation
数字 digital
存储 memory|storage
中心 center|centre
实验室 laboratories|laboratory|labs|lab
大学 university|academy
工业大学 polytechnical university|university of technology|institute of technology
理工大学 university of science and technology|institute of technology
学院 institute|college|academy
系统 systems|system
解决方案 solutions|solution
方案 solutions
服务 services|service
管理 management
物流 logistics
船务 shipping|marine|ship management
海运 shipping|ocean shipping|maritime|marine
航运 shipping|navigation|marine
船舶管理 ship management|shipmanagement
货运 freight|cargo
货运代理 freight forwarding|forwarding
集装箱 container|containers
油轮 tanker|tankers
轮船 steamship|shipping
海外 overseas
代理 agency|agent|agents
租赁 leasing|lease
石油 petroleum|oil
贸易 trading|trade
进出口 import and export
投资 investment|investments|ventures
风险投资 ventures|venture capital
发展 development
开发 development
制造 manufacturing
电子 electronics|electronic
电气 electric|electrical
电力 electric power|power
信息 information
通信 communications|communication
通讯 communications|communication
电信 telecommunications|telecom
移动 mobile
网络 network|networks
软件 software
数据 data
计算机 computer|computers
半导体 semiconductor|semiconductors
集成电路 integrated circuit|integrated circuits
微电子 microelectronics
光电 optoelectronics|optoelectronic
光学 optics|optical
光子 photonics
材料 materials|material
金属 metals|metal
稀土 rare earth|rare earths
磁材 magnetic materials
磁性材料 magnetic materials
永磁 permanent magnet|permanent magnets
磁体 magnets|magnet
磁业 magnetics|magnet|magnets
钕铁硼 ndfeb|neodymium iron boron
钐钴 samarium cobalt|smco
镨钕 praseodymium neodymium|prnd
钕 neodymium
镝 dysprosium
铽 terbium
钐 samarium
镨 praseodymium
钇 yttrium
钆 gadolinium
镧 lanthanum
铈 cerium
钪 scandium
钴 cobalt
钨 tungsten
钨业 tungsten
钼业 molybdenum
钴业 cobalt
铝业 aluminum|aluminium
铜业 copper
锂业 lithium
钼 molybdenum
钛 titanium
锂 lithium
铝 aluminum|aluminium
镁 magnesium
合金 alloys|alloy
氧化物 oxides|oxide
有色金属 nonferrous metals|non ferrous metals
矿业 mining
矿 mining|mine|minerals|ore
化工 chemical|chemicals
能源 energy
核 nuclear
核工业 nuclear industry|national nuclear
广核 general nuclear power|general nuclear
航空 aviation|aeronautics|aeronautical|aero|aerospace
航天 aerospace|space|astronautics
宇航 aerospace|astronautics
航空航天 aerospace|aeronautics and astronautics
航空宇宙 aerospace
宇宙 space|aerospace
空间 space
太空 space
导弹 missiles|missile
防务 defense|defence
国防 national defense|defense|defence
防卫 defense|defence
安全 security|safety
军械 ordnance
兵器 ordnance|weapons
兵器工业 north industries|ordnance industry|weapons industry
兵器装备 south industries|ordnance equipment|weapons equipment
武器 weapons
弹药 ammunition|munitions
战术 tactical
战略 strategic
任务 mission|missions
陆地 land
海上 maritime|marine
海洋 marine|ocean|oceanic|maritime
海事 maritime|marine
船舶 shipbuilding|ships|marine
造船 shipbuilding
机械 machinery|mechanical
设备 equipment
装备 equipment
仪器 instruments|instrument
精密 precision
动力 dynamics|power
空气动力 aerodynamics|aerodynamic
发动机 engines|engine
涡轮 turbine|turbines
无人机 drones|drone|unmanned aerial vehicle|unmanned aerial|unmanned aircraft|uav|uas
无人 unmanned
飞行 flight
急速 rapid
艇 boat|craft|boats
舵 rudder
飞机 aircraft
商用 commercial
直升机 helicopters|helicopter
雷达 radar
传感器 sensors|sensor
声学 acoustics|acoustic
概念 concepts|concept
先进 advanced
应用 applied|applications|application
人工智能 artificial intelligence|ai
智能 intelligent|intelligence|smart
自主 autonomous|autonomy
自治 autonomy|autonomous
运营 operations
控制 control
火控 fire control
集成 integration|integrated
红色 red
红猫 red cat
火风暴 firestorm
铁山 iron mountain
蓝力 blue force
蓝色 blue
风暴 storm
山脉 mountains|range
护盾 shield
力量 power|force
高点 high point
潜航 dive|undersea
地球 earth
天空 sky
文本 text
菱形 rhombus|diamond
立方 cubic
摇杆 stick|joystick
领域 area|domain|field
监控 surveillance|monitoring
视频 video
市场 market
浩劫 havoc
防御 defense|defence
网络安全 cybersecurity|cyber security
海军 navy|naval
陆军 army
空军 air force
动力学 dynamics
电池 batteries|battery
标枪 javelin
侦察 reconnaissance|recon
图书馆 library
内华达 nevada
内华达山脉 sierra nevada
模拟 simulation
仿真 simulation
环境 environment|environmental
汽车 automotive|auto|motor
交通 transportation|transport
铁路 railway|railways
建设 construction
建筑 construction
北方 northern|north
南方 southern|south
东方 eastern|east|oriental
西方 western|west
西北 northwest|northwestern
东北 northeast|northeastern
西南 southwest|southwestern
东南 southeast|southeastern
中国 china|chinese
中华 china|chinese
美国 american|america|us|usa
日本 japan|japanese|nippon|nihon
韩国 korea|korean
台湾 taiwan
加拿大 canada|canadian
澳大利亚 australia|australian
法国 france|french
德国 germany|german
意大利 italy|italian
以色列 israel|israeli
印度 india|indian
俄罗斯 russia|russian
新加坡 singapore
英国 british|uk
联合 united|joint|alliant
通用 general
原子 atomics|atomic
维度 dimensions|dimension
太平洋 pacific
大西洋 atlantic
顶峰 summit|peak
边缘 edge
前沿 frontier
创新 innovation|innovations
北京 beijing
上海 shanghai
天津 tianjin
重庆 chongqing
成都 chengdu
西安 xian
武汉 wuhan
南京 nanjing
杭州 hangzhou
广州 guangzhou
深圳 shenzhen
沈阳 shenyang
哈尔滨 harbin|haerbin
长沙 changsha
合肥 hefei
郑州 zhengzhou
济南 jinan
青岛 qingdao
大连 dalian
厦门 xiamen
苏州 suzhou
无锡 wuxi
包头 baotou
赣州 ganzhou
内蒙古 inner mongolia|neimenggu
江西 jiangxi
江苏 jiangsu
浙江 zhejiang
广东 guangdong
四川 sichuan
陕西 shaanxi
山西 shanxi
湖南 hunan
湖北 hubei
河南 henan
河北 hebei
山东 shandong
福建 fujian
安徽 anhui
云南 yunnan
贵州 guizhou
甘肃 gansu
辽宁 liaoning
吉林 jilin
黑龙江 heilongjiang
广西 guangxi
新疆 xinjiang
西藏 tibet|xizang
香港 hong kong
澳门 macau|macao
长江 yangtze|changjiang
海康威视 hikvision
大疆 dji
中芯国际 smic|semiconductor manufacturing international
飞腾 phytium
海光 hygon
旷视 megvii
商汤 sensetime
科大讯飞 iflytek
依图 yitu
云从 cloudwalk
浪潮 inspur
曙光 sugon|dawning
中科曙光 sugon|dawning
中兴通讯 zte|zhongxing telecommunication
联通 unicom
中兴 zte|zhongxing
中国中车 crrc
中车 crrc
中远海运 cosco shipping
远洋海运 cosco shipping
中远 cosco
海能达 hytera
雷神 raytheon
三菱 mitsubishi
川崎 kawasaki
川重 kawaju|kawasaki heavy industries
富士通 fujitsu
日本电气 nec
东芝 toshiba
日立 hitachi
斯巴鲁 subaru
岐阜 gifu
波音 boeing
贝宜 bae
特励达 teledyne
自动车 motor|motors|automobile|automotive
电机 electric|electrical machinery
制作所 works|manufacturing
制铁 steel
商事 corporation|trading
物产 bussan|trading
宇宙航空 aerospace
国立 national
大学校 academy|college
宇宙航空研究开发机构 aerospace exploration agency|jaxa
国立研究开发法人 national research and development agency|national research and development
独立行政法人 incorporated administrative agency|independent administrative institution
合资会社 limited partnership|goshi kaisha
合名会社 general partnership|gomei kaisha
エンジン engine|engines
エンジニアリング engineering
エアロスペース aerospace
エアロ aero
スペース space
システム systems|system
システムズ systems|system
マリン marine
マリタイム maritime
マシナリ machinery
マシナリー machinery
ターボチャージャ turbocharger|turbochargers
ターボチャージャー turbocharger|turbochargers
ターボ turbo
ディフェンス defense|defence
ナショナル national
セキュリティ security
ネットワーク network|networks
ネットワークス networks
センサ sensor|sensors
センサー sensor|sensors
ジェット jet
サービス service|services
マスター master
メタル metal|metals
マニュファクチャリング manufacturing
ジャパン japan
ユナイテッド united
カンパニー company
コーポレーション corporation
ホールディングス holdings
グループ group
インターナショナル international
テクノロジー technology|technologies
テクノロジーズ technologies
テクノ techno
エレクトロニクス electronics
エレクトリック electric
エレクトロン electron
ソリューション solution|solutions
ソリューションズ solutions
インダストリー industry|industries
インダストリーズ industries
マテリアル material|materials
マテリアルズ materials
マグネット magnet|magnets
マグネティクス magnetics
モーター motor|motors
モータ motor|motors
モーターズ motors
ケミカル chemical|chemicals
メディカル medical
エナジー energy
エネルギー energy
パワー power
プラント plant
オートモーティブ automotive
アビエーション aviation
ロボティクス robotics
デバイス device|devices
セミコンダクター semiconductor
コミュニケーションズ communications
ソフトウェア software
デジタル digital
トレーディング trading
リサーチ research
スチール steel
アロイ alloy|alloys
レアアース rare earth|rare earths
プレシジョン precision
オプティカル optical
マシン machine|machines
ミサイル missile|missiles
レーダー radar
ヘリコプター helicopter|helicopters
ビークル vehicle|vehicles
アドバンスト advanced
グローバル global
アジア asia
アメリカ america|american
ヨーロッパ europe|european
"""

GLOSSARY: dict[str, tuple[str, ...]] = {
    han: tuple(english.split("|"))
    for han, english in (line.split(" ", 1) for line in _GLOSSARY.strip().splitlines())
}
_LONGEST = max(len(k) for k in GLOSSARY)
# Entries that are legal forms (`CJK_LEGAL_FORMS`, which normalising removes) or say only that
# the name is a company's (子公司, subsidiary): a name with no other entry has no gloss (its
# pinyin, compared already, says as much).
FORMS = frozenset(
    {simplified(f) for forms in CJK_LEGAL_FORMS.values() for f in forms}.intersection(GLOSSARY)
    | {"子公司"}
)

# A legal form's translations -> what it is glossed as beside a name that writes none of them:
# the first that is a legal form in English too (removed and reported like the other's), else
# nothing.
_UNWRITTEN_FORMS: dict[tuple[str, ...], str] = {
    GLOSSARY[form]: next((a for a in GLOSSARY[form] if normalise(a).empty), "")
    for form in FORMS
    if form in GLOSSARY
}
_KATAKANA = re.compile(f"[{KATAKANA}]")
# 第十四 (the fourteenth), as units of state groups are numbered: 14th.
_ORDINAL = re.compile(f"第({HAN_NUMERAL})")

Segment = tuple[str, ...]  # a word's English alternatives


class Unglossed(NamedTuple):
    """A stretch of characters no glossary entry covers: its pinyin (a katakana word's Hepburn),
    and the characters, which may be a foreign name written by sound
    (`veu.names.transliteration`)."""

    pinyin: str
    han: str


def _segment_run(run: str) -> tuple[list[Segment | Unglossed], bool]:
    """A run of Han characters as glossary words (longest first, from the left), ordinals and
    `Unglossed` stretches (each stretch of characters no entry covers); and whether any word
    other than a legal form (`FORMS`) was translated, or a stretch may be read by sound."""
    out: list[Segment | Unglossed] = []
    found = False
    unknown: list[str] = []

    def flush() -> None:
        nonlocal found
        if unknown:
            han = "".join(unknown)
            if _KATAKANA.match(han):  # a word written by sound in Japanese: its romaji
                out.append(Unglossed(romanise_kana(han), han))
            else:
                out.append(Unglossed("".join(pinyin_of(han)), han))
                found = found or transliterable(han)
            unknown.clear()

    pos = 0
    while pos < len(run):
        ordinal = _ORDINAL.match(run, pos)
        if ordinal:
            flush()
            out.append((f"{han_numeral(ordinal.group(1))}th",))
            pos = ordinal.end()
            found = True
            continue
        for size in range(min(_LONGEST, len(run) - pos), 0, -1):
            word = run[pos : pos + size]
            if word in GLOSSARY:
                flush()
                out.append(GLOSSARY[word])
                pos += size
                found = found or word not in FORMS
                break
        else:
            if unknown and bool(_KATAKANA.match(unknown[-1])) != bool(_KATAKANA.match(run[pos])):
                flush()  # katakana and Han characters are not one stretch
            unknown.append(run[pos])
            pos += 1
    flush()
    return out, found


@lru_cache(maxsize=20_000)
def segments(text: str) -> tuple[str | tuple[Segment | Unglossed, ...], ...]:
    """``text`` with each Han run cut into segments (`_segment_run`); other text kept as it is.
    Empty when no glossary word (nor ordinal) is found and no stretch may be read by sound:
    the gloss would be the pinyin."""
    parts: list[str | tuple[Segment | Unglossed, ...]] = []
    pos = 0
    translated = False
    text = simplified(text)
    for match in HAN_OR_KATAKANA_RUN.finditer(text):
        parts.append(text[pos : match.start()])
        run, found = _segment_run(match.group())
        translated = translated or found
        parts.append(tuple(run))
        pos = match.end()
    parts.append(text[pos:])
    return tuple(parts) if translated else ()


def gloss(text: str, other: Collection[str] = ()) -> str | None:
    """The English gloss of a name written (partly) in Chinese, or None when it has neither a
    glossary word nor a stretch read by sound beside ``other``, the tokens of the name it is
    compared with. Of a word's translations, the one with the most words all among them is
    taken (科技 beside ``Science and Technology`` is both words, not
    ``Technology``), the first of equals, else the usual one; a legal form (`FORMS`: 集团, 公司)
    none of whose translations the other name has is given as one that is a legal form in
    English too (集团: Corporation, not Group), removed and reported like the other's, or left
    out (`_UNWRITTEN_FORMS`): legal forms never decide. A stretch no entry covers is its pinyin,
    or the other's word that it sounds like (`by_sound`)."""
    found = _gloss(text, tuple(other))
    return None if found is None else found[0]


def by_sound(text: str, other: Collection[str]) -> tuple[tuple[str, str, float], ...]:
    """The stretches of ``text`` its gloss beside ``other`` reads by sound, each with the
    other's words written in its place and how alike they sound (洛克希德, lockheed, 0.94)."""
    found = _gloss(text, tuple(other))
    return () if found is None else found[1]


@lru_cache(maxsize=20_000)
def _gloss(
    text: str, other: tuple[str, ...]
) -> tuple[str, tuple[tuple[str, str, float], ...]] | None:
    parts = segments(text)
    if not parts:
        return None
    words = frozenset(other)
    spaced = f" {' '.join(other)} "  # the other's words, for `_joined`
    # A name all of whose words are pinyin (CHEN, Shusheng) is compared by its pinyin: a
    # stretch is not read by sound as one of its words (贾森·艾肯, Jason Aiken, read as
    # Shusheng Chen scored 0.88 in veu-names/10).
    in_pinyin = bool(other) and all(map(is_pinyin, other))
    used: set[int] = set()
    sounded: list[tuple[str, str, float]] = []
    translated = False
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        latin = len(out) - 1 if out and out[-1].strip() else -1  # Latin text just before the run
        for alternatives in part:
            if isinstance(alternatives, Unglossed):
                written = _in_wade_giles(alternatives, other)
                if written is not None:  # as Taiwan writes it: 中山, Chung-Shan
                    sounded.append((alternatives.han, written, 1.0))
                    out.append(f" {written} ")
                    continue
                sound = None if in_pinyin else _by_sound(alternatives, other, words, used)
                if sound is None:
                    out.append(f" {alternatives.pinyin} ")
                else:
                    sounded.append((alternatives.han, *sound))
                    if latin == len(out) - 1:
                        out[-1] = _joined_before(out[-1], sound[0])
                    out.append(f" {sound[0]} ")
                continue
            fitting = [a for a in alternatives if all(w in words for w in a.split())]
            if not fitting and other:  # or words the other joins to more (Aerotechnologies)
                fitting = [a for a in alternatives if all(_joined(w, spaced) for w in a.split())]
                # or, however short, the end of the other's word the word before begins
                # (文本矿, text + ore, beside TextOre; 浩劫人工智能, havoc + ai, beside HavocAI)
                before = out[-1].split()[-1:] if out else []
                fitting += [a for a in alternatives if before and before[0] + a in words]
            if fitting or not other or alternatives not in _UNWRITTEN_FORMS:
                chosen = max(fitting, key=lambda a: len(a.split()), default=alternatives[0])
            else:  # a legal form the other does not write
                chosen = _UNWRITTEN_FORMS[alternatives]
            out.append(f" {chosen} ")
            translated = True
    if not translated and not sounded:
        return None  # only pinyin: the name as it is, compared already
    return "".join(out), tuple(sounded)


JOINED_MIN = 4  # the fewest letters of a translation that may begin a longer word


def _joined(word: str, spaced: str) -> bool:
    """Whether ``word`` (`JOINED_MIN` letters or more) begins or ends a longer word of the
    other name (``spaced``: its words between spaces): an English name joins words the Chinese
    writes apart (High Point Aerotechnologies, 高点航空技术, 航空 aero; Alliant Techsystems, 技术
    tech; ReconCraft, 侦察艇, 艇 craft)."""
    if len(word) < JOINED_MIN:
        return False
    begins, ends = spaced.find(f" {word}"), spaced.find(f"{word} ")
    while begins >= 0 and spaced[begins + len(word) + 1] == " ":  # the word itself, not more
        begins = spaced.find(f" {word}", begins + 1)
    while ends >= 0 and spaced[ends - 1] == " ":
        ends = spaced.find(f"{word} ", ends + 1)
    return begins >= 0 or ends >= 0


def _joined_before(text: str, word: str) -> str:
    """``text`` (Latin text just before a stretch read by sound as ``word``) without its last
    word when ``word`` begins with it: L3哈里斯 beside L3Harris reads as l3harris, not as l3
    l3harris (0.53 beside L3Harris Technologies in veu-names/10)."""
    head, _, last = text.rstrip().rpartition(" ")
    letters = "".join(c for c in last.lower() if c.isalnum())
    if letters and word != letters and word.startswith(letters):
        return f"{head} "
    return text


def wade_giles(han: str) -> tuple[str, ...]:
    """The syllables of ``han`` in Wade-Giles, as Taiwan writes names (中山: chung, shan), its
    apostrophes and umlauts left out as most writers leave them (习近平: hsi, chin, ping); each
    character read alone (names have few characters read otherwise in a word)."""
    return tuple(_wade_giles(c) for c in han)


@lru_cache(maxsize=20_000)
def _wade_giles(character: str) -> str:
    [syllable] = lazy_pinyin(character, style=Style.WADEGILES)
    return fold(syllable)


def _in_wade_giles(stretch: Unglossed, other: tuple[str, ...]) -> str | None:
    """The word or run of words of ``other`` that write ``stretch`` in Wade-Giles (one word,
    give or take a letter, ``lungteh``, or one a syllable, ``chung shan``), when its Wade-Giles
    is not its pinyin; else None."""
    syllables = wade_giles(stretch.han)
    joined = "".join(syllables)
    if joined == stretch.pinyin or len(syllables) < 2:
        return None
    for word in other:  # one letter more or less: Lungteh for lung-te (德, often teh)
        if word == joined or (len(joined) >= 5 and Levenshtein.distance(word, joined) <= 1):
            return word
    size = len(syllables)
    for i in range(len(other) - size + 1):
        if other[i : i + size] == syllables:
            return " ".join(syllables)
    return None


def _by_sound(
    stretch: Unglossed, other: tuple[str, ...], words: frozenset[str], used: set[int]
) -> tuple[str, float] | None:
    """The word of ``other`` not yet taken (``used``) that ``stretch`` sounds like best, when
    alike enough (`SOUND_THRESHOLD`), and how alike; else None (the pinyin is kept, as it is
    when ``other`` writes the pinyin itself: 华为 beside Huawei)."""
    if not other or stretch.pinyin in words or not transliterable(stretch.han):
        return None
    best, best_at = 0.0, -1
    for k, word in enumerate(other):
        if k not in used and (alike := sounds_like(stretch.han, word)) > best:
            best, best_at = alike, k
    if best < SOUND_THRESHOLD:
        return None
    used.add(best_at)
    return other[best_at], best


@lru_cache(maxsize=20_000)
def glossed(text: str, other: tuple[str, ...]) -> NormalName | None:
    """The English gloss of a name written in Chinese, normalised, its words' translations
    chosen to fit ``other`` (the tokens of the name it is compared with); None without one."""
    english = gloss(text, other)
    if english is None:
        return None
    normal = normalise(english)
    return None if normal.empty else normal


@lru_cache(maxsize=20_000)
def sound_stretches(text: str) -> tuple[tuple[str, str], ...]:
    """The stretches of ``text`` that may be foreign names written by sound, each with its
    sound key (`han_sound_key`), for finding the names written in Latin letters that they
    sound like (each stretch once)."""
    out: dict[str, str] = {}
    for part in segments(text):
        if isinstance(part, str):
            continue
        for stretch in part:
            if isinstance(stretch, Unglossed) and (key := han_sound_key(stretch.han)):
                out.setdefault(stretch.han, key)
    return tuple(out.items())


def sound_keys(text: str) -> frozenset[str]:
    """The sound keys of `sound_stretches`."""
    return frozenset(key for _, key in sound_stretches(text))


@lru_cache(maxsize=20_000)
def vocabulary_tokens(text: str) -> frozenset[str]:
    """The normalised tokens of `vocabulary` (none without a gloss)."""
    words = vocabulary(text)
    return frozenset(normalise(words).tokens) if words else frozenset()


@lru_cache(maxsize=20_000)
def vocabulary_groups(text: str) -> tuple[frozenset[str], ...]:
    """The normalised tokens of each translated word of ``text``, a set for each word (航空:
    aviation, aeronautics, aeronautical, aero, aerospace), for finding the names written in
    English: a name counts each word once, whichever translation it uses, so that names having
    all its words come before names having one rare translation of one. Legal forms (which
    normalising removes) and stretches read by sound (`sound_keys`) give none."""
    out: list[frozenset[str]] = []
    for part in segments(text):
        if isinstance(part, str):
            continue
        for alts in part:
            if isinstance(alts, Unglossed):
                continue
            words = frozenset(t for alt in alts for t in normalise(alt).tokens)
            if words and words not in out:
                out.append(words)
    return tuple(out)


def vocabulary(text: str) -> str | None:
    """Every English word the gloss of ``text`` may use (all translations of its words), for
    indexing: an English query finds the Chinese name by whichever translation it uses. None
    without a glossary word (a name only read by sound is found by `sound_keys`)."""
    parts = segments(text)
    translated = any(
        not isinstance(alts, Unglossed)
        for part in parts
        if not isinstance(part, str)
        for alts in part
    )
    if not translated:
        return None
    return " ".join(
        part
        if isinstance(part, str)
        else " ".join(
            alts.pinyin if isinstance(alts, Unglossed) else " ".join(alts) for alts in part
        )
        for part in parts
    )
