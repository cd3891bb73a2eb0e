#!/usr/bin/env bash
# Grades Career Quiz with the MDN HTTP Observatory scanner, over TLS, against a local
# gunicorn with production settings and a self-signed certificate for "localhost".
#
#   bash scripts/observatory.sh            (as root: it binds ports 80 and 443)
#
# Port 80 answers with the redirect to HTTPS, port 443 serves the app; the scanner trusts
# the self-signed certificate through NODE_EXTRA_CA_CERTS. Exits non-zero unless the grade
# is A+ and every test passes. Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL;
# default: the local ones, database careerquiz_bench) and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

export DJANGO_SETTINGS_MODULE=careerquiz.settings DEBUG=0 ALLOWED_HOSTS=localhost
export SECRET_KEY=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))")
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/careerquiz_bench}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/1}
export STATIC_ROOT="$work/static" ACCESS_LOG=/dev/null LOG_LEVEL=warning
.venv/bin/python - <<'PY'
import os, psycopg
url = os.environ["DATABASE_URL"]; name = url.rsplit("/", 1)[1]
with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
        conn.execute(f'CREATE DATABASE "{name}"')
PY
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_default_content >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0

WEB_CONCURRENCY=2 .venv/bin/gunicorn -c gunicorn.conf.py --bind 0.0.0.0:80 careerquiz.wsgi &
WEB_CONCURRENCY=2 TLS_CERT="$work/cert.pem" TLS_KEY="$work/key.pem" \
  .venv/bin/gunicorn -c gunicorn.conf.py --bind 0.0.0.0:443 careerquiz.wsgi &
for _ in $(seq 50); do curl -skf https://localhost/-/health/ >/dev/null && break; sleep 0.2; done

# Its install scripts download the HSTS preload list and certificate bundles, which this
# offline machine cannot reach: install without them. "localhost" is on no preload list.
(cd "$work" && npm init -y >/dev/null && npm install --silent --ignore-scripts @mdn/mdn-http-observatory@1.4.8 >/dev/null)
echo '{}' > "$work/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json"
NODE_EXTRA_CA_CERTS="$work/cert.pem" node "$work/node_modules/@mdn/mdn-http-observatory/src/scan.js" localhost > "$work/scan.json" || true
.venv/bin/python - "$work/scan.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
if "error" in report:
    sys.exit(f"scan failed: {report['error']}")
scan = report["scan"]
print(f"grade {scan['grade']}, score {scan['score']}, tests passed {scan['testsPassed']}/{scan['testsQuantity']}")
for name, test in sorted(report["tests"].items()):
    print(f"  {'pass' if test['pass'] else 'FAIL'}  {name}: {test['result']}")
sys.exit(0 if scan["grade"] == "A+" and scan["testsFailed"] == 0 else 1)
PY
