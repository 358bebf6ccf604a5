"""Reading stored dataset entries back: one parser per kind of dataset."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from veu.model.authorization import Authorization
from veu.model.listings import Listing
from veu.model.lists import DatasetKind
from veu.model.registry import RegistryRecord

_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "listings": TypeAdapter(Listing),
    "registry": TypeAdapter(RegistryRecord),
    "judgements": TypeAdapter(RegistryRecord),
    "authorizations": TypeAdapter(Authorization),
}


def parse_record(dataset: DatasetKind, payload: str) -> Any:
    return _ADAPTERS[dataset].validate_json(payload)
