# The two commands: `make run` (set up and serve) and `make test` (every test, both databases).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test test-sqlite test-postgres test-browser lint bench bench-xl audit install install-test chromium node shared-sources clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## make run: virtual environment, install, migrate, load the codebook and GA/11955 once,
## create the demo logins, and serve on http://127.0.0.1:$(PORT) with the task queue's
## worker beside the web server (background imports); Ctrl-C stops both.
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py setup_workbench --demo-coding
	PY=$(PY) scripts/serve.sh $(PORT)

## make test: lint, the suite on SQLite, then the whole suite on a throwaway PostgreSQL,
## browser tests included. The browser tests run on PostgreSQL only: on SQLite's in-memory
## test database the live server's threads and the test share one connection, which real
## SQLite deployments never do (each request has its own). Both runs always happen; the last
## line says how each went. The suite runs in JOBS pytest-xdist workers (auto: one per core),
## which keeps CI under 20 minutes on 2 cores.
JOBS ?= auto
SUITE := $(PY) -m pytest -p no:cacheprovider -n $(JOBS) --durations=15
test: shared-sources install-test chromium node
	$(PY) -m ruff check .
	@sqlite=passed; postgresql=passed; \
	echo "=== Test run 1/2: database SQLite (in-memory test database; browser tests on run 2) ==="; \
	env -u DATABASE_URL WB_TEST_DATABASE=sqlite $(SUITE) -m "not browser" || sqlite=FAILED; \
	echo "=== Test run 2/2: database PostgreSQL (throwaway server), browser tests included ==="; \
	WB_TEST_DATABASE=postgresql scripts/with_postgres.sh $(SUITE) || postgresql=FAILED; \
	echo "=== SQLite: $$sqlite. PostgreSQL: $$postgresql. ==="; \
	[ $$sqlite = passed ] && [ $$postgresql = passed ]

test-sqlite: install-test
	env -u DATABASE_URL WB_TEST_DATABASE=sqlite $(PY) -m pytest $(ARGS)

test-postgres: install-test
	WB_TEST_DATABASE=postgresql scripts/with_postgres.sh $(PY) -m pytest $(ARGS)

test-browser: install-test chromium
	WB_TEST_DATABASE=postgresql scripts/with_postgres.sh $(PY) -m pytest -m browser $(ARGS)

## The tests read the real source texts and exchange standards next to the repository.
shared-sources:
	@if [ ! -d ../shared/seeds ] || [ ! -d ../shared/standards ] || [ ! -d ../shared/records ]; then \
		echo "The tests read ../shared/seeds, ../shared/records and ../shared/standards (the source" >&2; \
		echo "texts, the UN PDFs and the REFI-QDA schema): clone the repository next to that folder." >&2; \
		exit 1; \
	fi

## Debian's Chromium for the browser tests (never `playwright install`).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi

## Debian's Node.js for the workspace script's unit tests (tests/js/, `node --test`).
node:
	@if ! command -v node >/dev/null; then \
		echo "Installing Debian's nodejs for the workspace script's unit tests"; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs >/dev/null; \
	fi

lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

bench: install-test
	$(PY) benchmarks/run.py $(ARGS)

## make bench-xl: every monitoring page, the exports and deep statement pages at 1,000,000
## statements, on the kept server of scripts/xl_postgres.sh (generated on first use).
bench-xl: install-test
	$(PY) benchmarks/xl.py $(ARGS)

## make audit: issue 17's attacks re-run over HTTP as an outsider (benchmarks/audit.py, a
## throwaway PostgreSQL and gunicorn); not part of `make test`. ARGS="--only backups,…".
audit: install-test
	$(PY) -m benchmarks.audit $(ARGS)

clean:
	rm -rf $(VENV) data staticfiles .pytest_cache .ruff_cache
