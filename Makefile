# make install: build .venv (idempotent).  make run: install, create and load the database, serve.
# make test: install, then lint, type-check and run every test.
# make bench, bench-accuracy, bench-speed, bench-libraries: the benchmarks (tables in docs/benchmarks.md).
# make lists: screening measured on the bundled lists themselves (a regression measure, printed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint typecheck pytest bench bench-accuracy bench-speed bench-libraries lists goldens clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt setup.py $(wildcard src/veu/matching/*.c src/veu/names/*.c)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/veu db init
	$(BIN)/veu serve

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy src

pytest: install
	$(BIN)/pytest -q -n 2

test: lint typecheck pytest

# The benchmarks also need the systems veu is measured against (the `bench` extra).
BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run

bench-accuracy: $(BENCH_STAMP)
	$(BIN)/python -m bench.accuracy

bench-speed: $(BENCH_STAMP)
	$(BIN)/python -m bench.speed

bench-libraries: $(BENCH_STAMP)
	$(BIN)/python -m bench.libraries

lists: install
	$(BIN)/python -m bench.lists

goldens: install
	$(BIN)/python -m tests.regenerate_goldens

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
