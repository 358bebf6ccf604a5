"""Policy packs as versioned data, item classification, and `decide`."""

from veu.policy.decide import decide
from veu.policy.pack import PolicyPack, parse_pack
from veu.policy.world import World

__all__ = ["PolicyPack", "World", "decide", "parse_pack"]
