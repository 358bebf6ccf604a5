"""Validating YAML (or JSON) documents against a pydantic model, with line numbers in errors."""

from __future__ import annotations

from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from veu.errors import InvalidInput, Problem

T = TypeVar("T")


def plain(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {plain(k): plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(v) for v in node.value]
    return yaml.safe_load(yaml.serialize(node))


def line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The line (1-based) of the node at ``loc``, or of its nearest existing parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        match = None
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if str(plain(k)) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            match = node.value[part] if part < len(node.value) else None
        if match is None:
            break
        node = match
        line = node.start_mark.line + 1
    return line


def compose(text: str, file: str, what: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InvalidInput(
            f"{what} {file} is not valid YAML or JSON",
            [
                Problem(
                    reason=str(getattr(exc, "problem", exc)),
                    file=file,
                    line=mark.line + 1 if mark is not None else None,
                )
            ],
        ) from exc
    if root is None:
        raise InvalidInput(f"{what} {file} is empty", [Problem(reason="empty", file=file)])
    return root


def validate(text: str, file: str, model: type[T] | Any, what: str) -> T:
    """``text`` as ``model``; an invalid document raises `InvalidInput` naming file, line, field
    and problem for each error."""
    root = compose(text, file, what)
    adapter = model if isinstance(model, TypeAdapter) else TypeAdapter(model)
    try:
        result: T = adapter.validate_python(plain(root))
        return result
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
            problems.append(
                Problem(
                    reason=error["msg"],
                    file=file,
                    line=line_of(root, loc),
                    field=".".join(map(str, loc)) or None,
                )
            )
        raise InvalidInput(f"{what} {file} is invalid", problems) from exc


__all__ = ["BaseModel", "compose", "line_of", "plain", "validate"]
