"""Finding policy packs: the versions shipped in ``veu/policy/packs/<pack>/<version>.yaml``, each
validated when loaded, and the one in force on a date."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from pathlib import Path

from veu.errors import NotFound
from veu.policy.pack import PolicyPack, parse_pack

DEFAULT_PACK = "cn-rare-earth-veu"


def _root() -> Path:
    return Path(str(resources.files("veu.policy") / "packs"))


@lru_cache(maxsize=1)
def all_packs() -> tuple[PolicyPack, ...]:
    packs = []
    for file in sorted(_root().glob("*/*.yaml")):
        packs.append(parse_pack(file.read_text("utf-8"), f"{file.parent.name}/{file.name}"))
    return tuple(packs)


def load_file(path: Path) -> PolicyPack:
    """Validate a pack file (``veu policy validate``)."""
    return parse_pack(path.read_text("utf-8"), path.name)


def pack_for(day: dt.date, *, name: str = DEFAULT_PACK, version: str | None = None) -> PolicyPack:
    """The given version of a pack, or the newest version in force on ``day``."""
    candidates = [p for p in all_packs() if p.pack == name]
    if not candidates:
        raise NotFound(f"no policy pack {name!r}")
    if version is not None:
        for pack in candidates:
            if pack.version == version:
                return pack
        raise NotFound(
            f"{name} has no version {version!r}; it has {', '.join(p.version for p in candidates)}"
        )
    in_force = [p for p in candidates if p.in_force_from <= day]
    if not in_force:
        raise NotFound(f"no version of {name} is in force on {day}")
    return max(in_force, key=lambda p: (p.in_force_from, p.version))


def parse_ref(ref: str) -> tuple[str, str]:
    """``cn-rare-earth-veu@2026.11.1`` -> (pack, version); a bare version is of the default."""
    if "@" in ref:
        name, version = ref.split("@", 1)
        return name, version
    return DEFAULT_PACK, ref


def thresholds_on(day: dt.date) -> tuple[float, float]:
    """The (match, review) thresholds of the pack in force on ``day``; before the first version
    took effect, the first version's (screening may ask about any date)."""
    try:
        pack = pack_for(day)
    except NotFound:
        pack = min(
            (p for p in all_packs() if p.pack == DEFAULT_PACK), key=lambda p: p.in_force_from
        )
    return pack.thresholds.match, pack.thresholds.review
