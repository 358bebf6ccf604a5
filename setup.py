"""The C extension of veu (everything else is declared in pyproject.toml). It is optional: where
it cannot be built (no C compiler), veu runs the same code in Python, more slowly."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "veu.matching._postings",
            ["src/veu/matching/_postings.c"],
            extra_compile_args=["-O2"],
            optional=True,
        )
    ]
)
