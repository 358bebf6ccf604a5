"""A deterministic list of realistic names for the speed benchmark: entities built from real name
parts of the shipped lists (persons' given and family names, company words, Chinese characters),
in several scripts, with about five aliases each. Seeded, fast, never committed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from veu.model import Listing, Name, PartyKind
from veu.services.bootstrap import parse_bundled

_CYRILLIC = str.maketrans(
    {
        "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х",
        "i": "и", "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
        "q": "к", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс",
        "y": "ы", "z": "з",
    }
)  # fmt: skip
SUFFIXES = ["Co., Ltd.", "Corporation", "Group", "LLC", "Limited", "GmbH", "JSC", "Inc."]
HAN_SUFFIXES = ["有限公司", "集团", "股份有限公司", "研究所", "科技有限公司"]


@dataclass(frozen=True)
class Parts:
    given: list[str]
    family: list[str]
    words: list[str]
    han: list[str]


def parts() -> Parts:
    listings, _ = parse_bundled()
    given: set[str] = set()
    family: set[str] = set()
    words: set[str] = set()
    han: set[str] = set()
    for listing in listings:
        for name in listing.names:
            value = name.value
            if any("\u4e00" <= ch <= "\u9fff" for ch in value):
                han.update(ch for ch in value if "\u4e00" <= ch <= "\u9fff")
                continue
            tokens = [t.strip(",.()") for t in value.split() if t.strip(",.()").isalpha()]
            if listing.kind == PartyKind.person and len(tokens) >= 2:
                given.update(t.title() for t in tokens[:-1] if len(t) > 2)
                family.add(tokens[-1].title())
            elif listing.kind != PartyKind.person:
                words.update(t.title() for t in tokens if len(t) > 3)
    return Parts(sorted(given), sorted(family), sorted(words), sorted(han))


def typo(rng: random.Random, text: str) -> str:
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.33:
        return text[:i] + text[i + 1 :]
    if kind < 0.66:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice("aeiounrst") + text[i + 1 :]


def entity_names(rng: random.Random, p: Parts) -> tuple[PartyKind, list[str]]:
    """One entity's names: a primary name and about four aliases (reordered, abbreviated,
    misspelt, in Cyrillic or in Chinese characters)."""
    if rng.random() < 0.45:
        first, last = rng.choice(p.given), rng.choice(p.family)
        middle = rng.choice(p.given) if rng.random() < 0.4 else ""
        primary = " ".join(x for x in (first, middle, last) if x)
        names = [primary, f"{last.upper()}, {first}", typo(rng, primary)]
        names.append(primary.lower().translate(_CYRILLIC))
        if rng.random() < 0.6:
            names.append(f"{first[0]}. {last}")
        return PartyKind.person, names
    words = rng.sample(p.words, rng.randint(2, 4))
    primary = " ".join(words) + " " + rng.choice(SUFFIXES)
    names = [primary, " ".join(words), typo(rng, primary), " ".join(reversed(words))]
    if rng.random() < 0.5:
        names.append("".join(rng.sample(p.han, rng.randint(2, 5))) + rng.choice(HAN_SUFFIXES))
    if rng.random() < 0.3:
        names.append(" ".join(w[0] for w in words).upper() + " " + rng.choice(SUFFIXES))
    return PartyKind.company, names


def listings(count: int, seed: int = 7) -> list[Listing]:
    """``count`` entities as listings of a list ``bench``, about five names each."""
    rng = random.Random(seed)
    p = parts()
    out = []
    for i in range(count):
        kind, names = entity_names(rng, p)
        unique = list(dict.fromkeys(names))
        out.append(
            Listing.model_construct(
                id=f"bench:{i}",
                list_id="bench",
                party_id=f"bench:{i}",
                kind=kind,
                names=tuple(
                    Name.model_construct(value=n, role="primary" if k == 0 else "alias", lang=None)
                    for k, n in enumerate(unique)
                ),
                countries=(),
                addresses=(),
                identifiers=(),
                history=(),
                birth_dates=(),
                relations=(),
                listed_on=None,
            )
        )
    return out


def perturb(rng: random.Random, name: str) -> str:
    """A query as a person would type it: a typo, a dropped or reordered word, other case."""
    tokens = name.split()
    choice = rng.random()
    if choice < 0.4:
        return typo(rng, name)
    if choice < 0.6 and len(tokens) > 2:
        del tokens[rng.randrange(len(tokens))]
        return " ".join(tokens)
    if choice < 0.8 and len(tokens) > 1:
        rng.shuffle(tokens)
        return " ".join(tokens)
    return name.upper()
