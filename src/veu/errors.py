"""One error hierarchy for the whole product.

Every error carries a stable ``code`` and a ``status`` (the HTTP status the API maps it to, in one
place: `veu.api.errors`). Input errors name what was wrong and where (file, line, field).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is wrong with it."""

    reason: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def location(self) -> str:
        parts = [p for p in (self.file, str(self.line) if self.line else None) if p]
        where = ":".join(parts)
        if self.field:
            where = f"{where} {self.field}" if where else self.field
        return where

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.reason}" if where else self.reason

    def as_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "file": self.file, "line": self.line, "field": self.field}


class VeuError(Exception):
    """Base of every error the product raises on purpose."""

    code = "error"
    status = 500

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = problems or []

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "problems": [p.as_dict() for p in self.problems],
        }

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message, *(f"  {p}" for p in self.problems)]
        return "\n".join(lines)


class InvalidInput(VeuError):
    """A request, file or argument is malformed; ``problems`` say where and why."""

    code = "invalid_input"
    status = 422


class ImportRejected(InvalidInput):
    """Too many rows of an import failed, so nothing was written."""

    code = "import_rejected"


class NotFound(VeuError):
    code = "not_found"
    status = 404


class Conflict(VeuError):
    code = "conflict"
    status = 409


class Forbidden(VeuError):
    code = "forbidden"
    status = 403


class ConfigurationError(VeuError):
    code = "configuration_error"
    status = 500


@dataclass
class ProblemList:
    """Collects problems while parsing; turns them into an error when asked."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        reason: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.problems.append(Problem(reason=reason, file=file, line=line, field=field))

    def __bool__(self) -> bool:
        return bool(self.problems)
