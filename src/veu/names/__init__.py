"""Name normalisation: scripts, casefolding, Han to pinyin, legal forms, tokens."""

from veu.names.normalize import NormalName, normalise, scripts_of

__all__ = ["NormalName", "normalise", "scripts_of"]
