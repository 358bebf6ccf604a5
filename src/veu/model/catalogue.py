"""The lists the product knows, with the kind of list each is (the policy maps kinds to effects)."""

from __future__ import annotations

from veu.model.lists import ListEffectKind, ListInfo

_K = ListEffectKind

CN_LISTS: dict[str, ListInfo] = {
    info.id: info
    for info in (
        ListInfo(
            id="cn-ecl",
            title="MOFCOM Export Control List",
            title_zh="出口管制管控名单",
            authority="MOFCOM",
            kind=_K.cn_export_control,
        ),
        ListInfo(
            id="cn-uel",
            title="Unreliable Entity List",
            title_zh="不可靠实体清单",
            authority="MOFCOM (UEL working mechanism)",
            kind=_K.cn_unreliable_entity,
        ),
        ListInfo(
            id="cn-afs",
            title="Anti-foreign-sanctions countermeasure list",
            title_zh="反制裁清单",
            authority="MFA / MOFCOM",
            kind=_K.cn_countermeasure,
        ),
        ListInfo(
            id="cn-watch",
            title="MOFCOM Watch List",
            title_zh="关注名单",
            authority="MOFCOM",
            kind=_K.cn_watch,
        ),
    )
}

OWN_RED_LIST = ListInfo(
    id="cn-meu",
    title="Military end-user red list",
    title_zh="军事最终用户红名单",
    authority="the licensing authority",
    kind=_K.own_red_list,
)

FOREIGN_LISTS: dict[str, ListInfo] = {
    info.id: info
    for info in (
        ListInfo(
            id="us-ofac-sdn",
            title="OFAC Specially Designated Nationals",
            authority="U.S. Treasury OFAC",
            kind=_K.foreign,
            url="https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists",
        ),
        ListInfo(
            id="un-sc",
            title="UN Security Council Consolidated List",
            authority="UN Security Council",
            kind=_K.foreign,
            url="https://www.un.org/securitycouncil/content/un-sc-consolidated-list",
        ),
    )
}

# Trade.gov Consolidated Screening List: one list per source code in it.
CSL_SOURCES: dict[str, tuple[str, str]] = {
    "EL": ("Entity List", "U.S. Commerce BIS"),
    "MEU": ("Military End User List", "U.S. Commerce BIS"),
    "UVL": ("Unverified List", "U.S. Commerce BIS"),
    "DPL": ("Denied Persons List", "U.S. Commerce BIS"),
    "ISN": ("Nonproliferation Sanctions", "U.S. State Department"),
    "DTC": ("ITAR Debarred", "U.S. State Department"),
    "SDN": ("Specially Designated Nationals (via CSL)", "U.S. Treasury OFAC"),
    "SSI": ("Sectoral Sanctions Identifications List", "U.S. Treasury OFAC"),
    "FSE": ("Foreign Sanctions Evaders", "U.S. Treasury OFAC"),
    "PLC": ("Palestinian Legislative Council List", "U.S. Treasury OFAC"),
    "CAP": ("CAPTA List", "U.S. Treasury OFAC"),
    "CMIC": ("Non-SDN Chinese Military-Industrial Complex Companies List", "U.S. Treasury OFAC"),
    "MBS": ("Non-SDN Menu-Based Sanctions List", "U.S. Treasury OFAC"),
}
for _code, (_title, _authority) in CSL_SOURCES.items():
    _id = f"us-csl-{_code.lower()}"
    FOREIGN_LISTS[_id] = ListInfo(
        id=_id, title=f"{_title} (CSL)", authority=_authority, kind=_K.foreign
    )

ALL_LISTS: dict[str, ListInfo] = {**CN_LISTS, OWN_RED_LIST.id: OWN_RED_LIST, **FOREIGN_LISTS}


def list_info(list_id: str) -> ListInfo | None:
    return ALL_LISTS.get(list_id)
