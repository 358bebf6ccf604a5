"""Lists known to the product and what kind of list each is."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict


class ListEffectKind(StrEnum):
    """What a list is, which the policy pack maps to an effect on a shipment."""

    cn_export_control = "cn_export_control"  # 出口管制管控名单
    cn_unreliable_entity = "cn_unreliable_entity"  # 不可靠实体清单
    cn_countermeasure = "cn_countermeasure"  # 反制裁清单
    cn_watch = "cn_watch"  # 关注名单
    own_red_list = "own_red_list"  # the authority's own military end-user red list
    foreign = "foreign"  # OFAC, BIS, UN ...


DatasetKind = Literal["listings", "registry", "judgements", "authorizations"]


class ListInfo(BaseModel):
    """A list, or another dataset kept in snapshots the same way (``dataset`` says which)."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    title_zh: str | None = None
    authority: str
    kind: ListEffectKind = ListEffectKind.foreign
    url: str | None = None
    dataset: DatasetKind = "listings"
