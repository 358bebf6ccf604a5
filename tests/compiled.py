"""The C extensions under test: a test of one fails under CI when it is not built (CI builds
them), and is skipped elsewhere (a machine without a C compiler runs the Python)."""

from __future__ import annotations

import os
from types import ModuleType

import pytest


def required(module: ModuleType | None, name: str) -> ModuleType:
    """``module``, the C extension ``name`` as imported (None when it is not built)."""
    if module is None:
        if os.environ.get("CI"):
            pytest.fail(f"the C extension {name} is not built")
        pytest.skip(f"the C extension {name} is not built (no C compiler)")
    return module
