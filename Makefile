# Two commands for a fresh machine:
#   make run    install, migrate, load the default content, serve http://127.0.0.1:8000
#   make test   install what the tests need (Python packages, Debian's Chromium) and run them all
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test unit install install-dev chromium htmlchecker lint bench bench-analytics loadbench lighthouse quality

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt

run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_default_content
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:8000

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

# The Nu HTML Checker for the tests: Java (Debian's) and vnu-jar (npm, pinned in package-lock.json).
htmlchecker:
	@command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
		echo "Installing Java and npm for the HTML checker"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless npm >/dev/null; }
	@[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || npm ci --no-audit --no-fund --silent

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-dev chromium htmlchecker lint
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=tests.settings >/dev/null
	$(BIN)/pytest $(PYTEST_ARGS)

# The fast loop while you work: pure Python, no browser, no app servers, no Java. `make test`
# (and CI) runs everything.
unit: install-dev
	$(BIN)/pytest -m "not e2e and not server and not htmlcheck" $(PYTEST_ARGS)

bench: install-dev
	$(BIN)/python benchmarks/bench_scoring.py

# The editors' analytics page, results CSV and re-score preview over 100,000 attempts
# (ATTEMPTS=1000000 for more; DATABASE_URL=postgres://... for PostgreSQL).
bench-analytics: install-dev
	$(BIN)/python benchmarks/analytics.py --attempts $${ATTEMPTS:-100000}

# Recommendation quality against hand-written personas, random and noisy respondents.
quality: install-dev
	$(BIN)/python benchmarks/quality.py

loadbench: install-dev
	@command -v wrk >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python benchmarks/load.py

# Lighthouse performance of every public page, desktop and mobile (production settings).
lighthouse: install-dev chromium htmlchecker
	$(BIN)/python benchmarks/lighthouse.py
