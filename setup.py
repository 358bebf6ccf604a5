"""The C extensions of veu (everything else is declared in pyproject.toml). They are optional:
where they cannot be built (no C compiler), veu runs the same code in Python, more slowly."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            f"veu.{package}.{name}",
            [f"src/veu/{package}/{name}.c"],
            extra_compile_args=["-O2"],
            optional=True,
        )
        for package, name in (("matching", "_postings"), ("matching", "_tokens"), ("names", "_sounds"))
    ]
)
