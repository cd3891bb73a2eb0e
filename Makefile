# Two commands for a fresh machine:
#   make run    install, migrate, load the default content, serve http://127.0.0.1:8000
#   make test   install what the tests need (Python packages, Debian's Chromium) and run them all
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run prod test unit install install-dev chromium nginx htmlchecker lint bench bench-analytics loadbench lighthouse quality

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

# The production stack on this machine, in the foreground: nginx in front of gunicorn on
# http://127.0.0.1:8080 (PROD_PORT); SQLite by default, DATABASE_URL / REDIS_URL for
# PostgreSQL and Redis. Ctrl-C stops both gracefully. Plain HTTP, so secure cookies are off
# unless you say otherwise; a random SECRET_KEY unless you give one.
PROD_ENV = DEBUG=0 SECRET_KEY=$${SECRET_KEY:-$(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')}
prod: install nginx
	$(PROD_ENV) $(BIN)/python manage.py migrate --noinput
	$(PROD_ENV) $(BIN)/python manage.py load_default_content
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(PROD_ENV) SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SECURE_COOKIES=$${SECURE_COOKIES:-0} \
		CLIENT_IP_HEADER=$${CLIENT_IP_HEADER:-HTTP_X_REAL_IP} \
		$(BIN)/python scripts/serve_prod.py

# Debian's nginx (the light build has everything the configuration in deploy/nginx uses).
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		echo "Installing Debian's nginx for the production stack"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light >/dev/null; }

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

test: install-dev chromium nginx htmlchecker lint
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

loadbench: install-dev nginx
	@command -v wrk >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python benchmarks/load.py

# Lighthouse performance of every public page, desktop and mobile (production settings).
lighthouse: install-dev chromium htmlchecker
	$(BIN)/python benchmarks/lighthouse.py
