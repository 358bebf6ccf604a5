"""Legal forms in many languages and scripts, each mapped to a canonical class.

The matcher removes legal forms before comparing names (they do not decide a match) and keeps
their classes, so a conflict (``AG`` against ``GmbH``) can be explained. Latin variants are written
as they look after transliteration, casefolding and removal of dots; multi-word forms are token
sequences. CJK forms are removed wherever they occur in unsegmented text.
"""

from __future__ import annotations

# canonical class -> variants (space-separated tokens, already lower-case ASCII)
LATIN_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    # Corporation, Inc. and Co. are used interchangeably (``Boeing Co`` / ``Boeing Inc``).
    "corporation": (
        "corporation",
        "corp",
        "korporatsiya",
        "korporatsiia",
        "incorporated",
        "inc",
        "company",
        "co",
        "companies",
        "compania",
        "compagnie",
        "cie",
        "kompaniya",
        "sherkat",  # Persian: company (Sherkat-e ...)
        "sherkate",
        "shirkat",
        "companhia",
        "co inc",
        # Spanish ``y Cía.`` (and company; ``y Compañía``, ``& Co.``: the form and the word
        # joining it, `veu.names.normalize`)
        "y cia",
        "and cia",  # ``& Cía.`` (``&`` is read as ``and``); Cía alone is also the CIA
    ),
    "limited": (
        "limited",
        "ltd",
        "ltda",
        "limitada",
        "co ltd",
        "company limited",
        "pte ltd",
        "pte limited",
        "pte",
        "pvt ltd",
        "pvt limited",
        "pvt",
        "private limited",
        "private limited company",
        "proprietary limited",
        "pty limited",
        "pty ltd",
        "sdn bhd",
        "sendirian berhad",
        "bhd",
        "berhad",
    ),
    "llc": (
        "llc",
        "limited liability company",
        "l l c",
        "llp",
        "limited liability partnership",
        "ooo",
        # OFAC writes ООО four ways (ogranichennoi / -oy, otvetstvennostyu / -iu)
        "obshchestvo s ogranichennoi otvetstvennostiu",
        "obshchestvo s ogranichennoi otvetstvennostyu",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "obshchestvo s ogranichennoy otvetstvennostiu",
        "tov",
        "tovarystvo z obmezhenoiu vidpovidalnistiu",
        # Bulgaria (ЕООД, ООД), the former Yugoslavia (d.o.o.), Czechia and Slovakia (s.r.o.),
        # Turkey (Limited Şirketi, Ltd. Şti.)
        "eood",
        "ood",
        "doo",
        "dooel",  # North Macedonia: a single owner's d.o.o.
        "sro",
        "spol s ro",
        "limited sirketi",
        "ltd sti",
        "sp z oo",
        "sp zoo",
        "sp z o o",
        # Latin America (S. de R.L. de C.V.), Belgium, France, the UAE's free zones
        "s de rl de cv",
        "s de rl",
        "srl de cv",
        "sprl",
        "bvba",
        "eurl",
        "fzco",
        "fzc",
        "fze",
        "fz llc",
        "dmcc",  # registered in the Dubai Multi Commodities Centre free zone
        # the Gulf (With Limited Liability), Brazil and Chile (sole owner's limited company)
        "wll",
        "w l l",
        "eireli",
        "eirl",
        # Mexico's rural production companies (S.P.R., S. de P.R.) of limited liability
        "spr de rl de cv",
        "spr de r l de cv",
        "spr de rl",
        "s de pr de rl de cv",
        "s de pr de rl",
        # Belarus: additional liability company (ОДО)
        "additional liability company",
        "obshchestvo s dopolnitelnoy otvetstvennostyu",
        # a single owner's LLC: Iraq's, Syria's and Jordan's One-Person Company, the UAE's Sole
        # Proprietorship LLC, as the SDN list writes them
        "one person llc",
        "one person company",
        "llc one person company",
        "one person co ltd",
        "sole proprietorship llc",
        # Belarus in Belarusian (ТАА, ТДА; a foreign owner's: замежнае ТАА), as OFAC writes it
        "tavarystva z abmezhavanay adkaznastsyu",
        "tavarystva s abmezhavanay adkaznastsyu",
        "zamezhnaye tavarystva z abmezhavanay adkaznastsyu",
        "tavarystva z dadatkovay adkaznastsyu",
        # Romania, Italy, Spain, Portugal, France: the long forms of SRL, S.L., Ltda, SARL
        "societatea cu raspundere limitata",
        "societate cu raspundere limitata",
        "societa a responsabilita limitata",
        "sociedad de responsabilidad limitada",
        "sociedad limitada",
        "sl",
        "slu",
        "sociedade limitada",
        "societe a responsabilite limitee",
        # Poland, Czechia, Hungary, the Baltics, Denmark, Germany, Iceland
        "spolka z ograniczona odpowiedzialnoscia",
        "spolecnost s rucenim omezenym",
        "korlatolt felelossegu tarsasag",
        "kft",
        "sia",
        "uab",
        "ou",
        "aps",
        "anpartsselskab",
        "ug",
        "ehf",
    ),
    "plc": ("plc", "public limited company", "public company limited", "pcl"),
    "partnership": (
        "lp",
        "limited partnership",
        "partnership",
        "kg",
        "gmbh co kg",
        "kommanditgesellschaft",
        "offene handelsgesellschaft",
        "general partnership",
        "spr de ri",  # Mexico: a rural production company of unlimited liability
        "sp j",
        "sp k",
        "ohg",
        # Spanish: sociedad en comandita (simple)
        "scs",
        "s en c",
        # and en comandita por acciones (S.C.A., S. en C.A.)
        "sca",
        "s en ca",
    ),
    "gmbh": ("gmbh", "gesellschaft mit beschrankter haftung", "ges m b h", "mbh"),
    "stock_company": (
        "ag",
        "aktiengesellschaft",
        "kgaa",
        "kommanditgesellschaft auf aktien",
        # the long forms of S.A., S.p.A., S.A.S., N.V., B.V., AB, AS, Oy, a.s.
        "sociedad anonima",
        "sociedade anonima",
        "societe anonyme",
        "societe par actions simplifiee",
        "societa per azioni",
        "societatea pe actiuni",
        "societate pe actiuni",
        "naamloze vennootschap",
        "besloten vennootschap",
        "aktiebolag",
        "aksjeselskap",
        "allmennaksjeselskap",
        "aktieselskab",
        "osakeyhtio",
        "julkinen osakeyhtio",
        "spolka akcyjna",
        "akciova spolecnost",
        "perseroan terbatas",
        "sau",
        "zrt",
        "nyrt",
        "ad",  # Bulgaria, Serbia, North Macedonia (a.d.); d.d. in Croatia and Slovenia
        "dd",
        "ead",  # Bulgaria: a single owner's joint-stock company (ЕАД)
        # the Gulf's public and closed joint-stock companies (SAOG, SAOC, QPSC, QSC, PSC)
        "saog",
        "saoc",
        "qpsc",
        "qsc",
        "psc",
        "sa",
        "s a",
        "sas",
        "s a s",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "oyj",
        "ab",
        "as",
        "asa",
        "a s",
        "se",
        "sae",
        "sal",  # Lebanon (S.A.L., and S.A.L. (Offshore)); only at the end (Sal Khan)
        "sal offshore",
        "sal off shore",  # S.A.L. (Off-Shore)
        "offshore sal",
        "off shore sal",
        "sal holding",  # S.A.L. (Holding)
        "inc off shore",
        "jsc",
        "ojsc",
        "cjsc",
        "pjsc",
        "oao",
        "zao",
        "pao",
        "ao",
        "joint stock company",
        "open joint stock company",
        "closed joint stock company",
        "public joint stock company",
        "non public joint stock company",
        "publicly traded company",  # OFAC's English for ПАО
        "private joint stock company",
        "prat",  # Ukraine: private joint-stock company (ПрАТ)
        "aktsionernoe obshchestvo",
        "otkrytoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo",
        "publichnoe aktsionernoe obshchestvo",
        "nepublichnoe aktsionernoe obshchestvo",
        # the same with -oye, as OFAC also writes them
        "aktsionernoye obshchestvo",
        "otkrytoye aktsionernoye obshchestvo",
        "zakrytoye aktsionernoye obshchestvo",
        "publichnoye aktsionernoye obshchestvo",
        "nepublichnoye aktsionernoye obshchestvo",
        # Belarus in Belarusian (ААТ, ЗАТ; a joint venture's: сумеснае ЗАТ), as OFAC writes it
        "adkrytaye aktsyyanernaye tavarystva",
        "adkrytae aktsyianernae tavarystva",
        "zakrytaye aktsyyanernaye tavarystva",
        "zakrytae aktsyianernae tavarystva",
        "sumesnaye zakrytaye aktsyyanernaye tavarystva",
        "aktsyyanernaye tavarystva",
        "aktsyianernae tavarystva",
        # Turkey (Anonim Şirketi, A.Ş.)
        "anonim sirketi",
        "kk",
        "kabushiki kaisha",
        "kabushikigaisha",
        "yugen kaisha",
        "gk",
        "godo kaisha",
        "tbk",
        "pt",
        "jsc co",
        # Mexico and Peru: S.A. de C.V., S.A.B. de C.V., S.A.P.I. de C.V., S.A.C.
        "sa de cv",
        "s a de cv",
        "sade cv",  # S.A.DE C.V.
        "s a de c v",
        "sa cv",
        "sab de cv",
        "sapi de cv",
        "sac",
        # Venezuela: compañía anónima (C.A., only at the end of a name), S.A.C.A.
        "ca",
        "saca",
        "s a c a",
    ),
    # Russia's state enterprises (ФГУП, ГУП): Federal State Unitary Enterprise Almaz is FGUP
    # Almaz (not GUP in Latin letters, which may be a given name)
    "unitary_enterprise": (
        "fgup",
        "fsue",
        "federal state unitary enterprise",
        "state unitary enterprise",
        "unitary enterprise",
        "federalnoe gosudarstvennoe unitarnoe predpriyatie",
        "gosudarstvennoe unitarnoe predpriyatie",
        "federalnoye gosudarstvennoye unitarnoye predpriyatiye",
        "gosudarstvennoye unitarnoye predpriyatiye",
        # Belarus's unitary enterprises (УП, ЧУП, РУП, ПУП; OFAC writes the -oye endings)
        "unitarnoe predpriyatie",
        "unitarnoye predpriyatiye",
        "chastnoye unitarnoye predpriyatiye",
        "chastnoe unitarnoe predpriyatie",
        "respublikanskoye unitarnoye predpriyatiye",
        "respublikanskoe unitarnoe predpriyatie",
        "proizvodstvennoye unitarnoye predpriyatiye",
        "proizvodstvenno torgovoye chastnoye unitarnoye predpriyatiye",
        # and in Belarusian (унітарнае прадпрыемства)
        "unitarnaye pradpryemstva",
        "pryvatnaye unitarnaye pradpryemstva",
        "respublikanskaye unitarnaye pradpryemstva",
        "vytvorchaye unitarnaye pradpryemstva",
        "vytvorcha handlevaye pryvatnaye unitarnaye pradpryemstva",
    ),
    "cooperative": (
        "cooperative",
        "co operative",
        "coop",
        "cooperativa",
        "sc de rl de cv",  # Mexico: sociedad cooperativa de responsabilidad limitada
        "sc de rl",
        "kooperativ",
        "genossenschaft",
        "eingetragene genossenschaft",
        "eg",
    ),
    # associations: eingetragener Verein, association sans but lucratif, vereniging zonder
    # winstoogmerk
    "association": ("ev", "asbl", "vzw"),
    # Chinese legal forms written in pinyin (集团, 有限公司, ...), as in romanised registers.
    "group": ("jituan", "jituan youxian gongsi", "jituan gongsi", "konggu jituan"),
}
# Pinyin forms that complete the classes above.
_PINYIN_FORMS = {
    "limited": ("youxian gongsi", "youxiangongsi"),
    "stock_company": ("gufen youxian gongsi", "gufen gongsi", "gufenyouxiangongsi"),
    "llc": ("youxian zeren gongsi",),
    "corporation": ("gongsi", "zonggongsi", "zong gongsi"),
}
for _cls, _forms in _PINYIN_FORMS.items():
    LATIN_LEGAL_FORMS[_cls] = (*LATIN_LEGAL_FORMS[_cls], *_forms)

# CJK legal forms, longest first when applied. Removed anywhere in unsegmented text.
CJK_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "stock_company": (
        "股份有限公司",
        "股份公司",
        "株式会社",
        "有限会社",
        "合同会社",
        "주식회사",
        "(주)",
        "（株）",
        "(株)",
    ),
    "llc": ("有限责任公司", "有限责任", "유한회사"),
    "limited": (
        "有限公司",
        "有限",
    ),
    "group": ("集团有限公司", "集团公司", "控股集团", "集团"),
    "corporation": (
        "总公司",
        "分公司",
        "公司",
        "会社",
        "회사",
        "国立研究开发法人",  # Japan's statutory bodies: 国立研究開発法人, simplified
        "独立行政法人",
    ),
    "partnership": ("有限合伙", "合伙企业", "合资会社", "合名会社"),
}

# Cyrillic forms removed before transliteration (casefolded).
CYRILLIC_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "общество с ограниченной ответственностью",
        "общество с дополнительной ответственностью",
        "таварыства з абмежаванай адказнасцю",  # Belarusian
        "таварыства з дадатковай адказнасцю",
        "ооо",
        "таа",
        "тов",
    ),
    "unitary_enterprise": (
        "федеральное государственное унитарное предприятие",
        "государственное унитарное предприятие",
        "республиканское унитарное предприятие",
        "частное унитарное предприятие",
        "унитарное предприятие",
        "фгуп",
        "гуп",
        "руп",
        "чуп",
        # Belarusian
        "рэспубліканскае унітарнае прадпрыемства",
        "прыватнае унітарнае прадпрыемства",
        "унітарнае прадпрыемства",
    ),
    "stock_company": (
        "открытое акционерное общество",
        "закрытое акционерное общество",
        "непубличное акционерное общество",
        "публичное акционерное общество",
        "акционерное общество",
        "адкрытае акцыянернае таварыства",  # Belarusian
        "закрытае акцыянернае таварыства",
        "акцыянернае таварыства",
        "оао",
        "аат",
        "зат",
        "зао",
        "пао",
        "ао",
    ),
}


def latin_form_index() -> dict[tuple[str, ...], str]:
    """Token sequence -> canonical class, for the Latin matcher."""
    index: dict[tuple[str, ...], str] = {}
    for cls, variants in LATIN_LEGAL_FORMS.items():
        for variant in variants:
            index[tuple(variant.split())] = cls
    return index


# Letters a cut-short last word of a legal form keeps, at least (``Joint Stock Co``).
TRUNCATED_MIN = 2


def truncated_form_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """A cut-short last word -> the multi-word forms it may end (their full words, class),
    longest first: a name cut at a field's width (a payment message's 35 characters) ends in
    ``Joint Stock Compan`` or ``Limited Liability Co``. Only forms of two words or more, whose
    earlier words must then be whole: a lone ``Partners`` or ``Limit`` is a word of the name,
    not a cut-short ``Partnership`` or ``Limited``."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, cls in sorted(latin_form_index().items(), key=lambda item: -len(item[0])):
        if len(key) < 2:
            continue
        last = key[-1]
        for size in range(TRUNCATED_MIN, len(last)):
            index.setdefault(last[:size], []).append((key, cls))
    return index


def cjk_forms_longest_first() -> list[tuple[str, str]]:
    pairs = [(v, cls) for cls, vs in CJK_LEGAL_FORMS.items() for v in vs]
    return sorted(pairs, key=lambda p: -len(p[0]))


def cyrillic_forms_longest_first() -> list[tuple[str, str]]:
    pairs = [(v, cls) for cls, vs in CYRILLIC_LEGAL_FORMS.items() for v in vs]
    return sorted(pairs, key=lambda p: -len(p[0]))
