# Fehrest — every set-up step a fresh machine needs is here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DEMO_DB ?= build/demo/register.sqlite
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install system-deps lint test test-fast demo bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# Debian packages the tests use (PostgreSQL, Chromium); installs only what is missing.
system-deps:
	bash scripts/install-system-deps.sh
	bash scripts/install-chromium.sh

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: install system-deps lint
	@set -e; \
	export FEHREST_TEST_PG_URL="$$(bash scripts/pg-test.sh start)"; \
	trap 'bash scripts/pg-test.sh stop >/dev/null 2>&1 || true' EXIT; \
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -x -m "not postgres and not browser and not slow"

demo: install
	@bash scripts/demo.sh "$(DEMO_DB)" "$(HOST)" "$(PORT)"

bench: install
	@if [ -x bench/text/setup_peers.sh ]; then bash bench/text/setup_peers.sh; fi
	@set -e; for script in bench/bench_*.py; do \
	  echo; echo "== $$script"; $(PY) $$script; \
	done

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
