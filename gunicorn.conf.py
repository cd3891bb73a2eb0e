"""gunicorn settings for Career Quiz. Run: gunicorn -c gunicorn.conf.py careerquiz.wsgi

In production gunicorn sits behind nginx (deploy/nginx/careerquiz.conf.template), which reads
every request whole before passing it on and takes every response whole before sending it
out: slow clients, idle connections and body limits are nginx's business, so the stock
``sync`` worker is the right one (gunicorn's deployment guide recommends exactly this pair).

Everything can be overridden from the environment (PORT, WEB_CONCURRENCY, TIMEOUT, ...)."""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# One request at a time per process: the pages are CPU-bound and nginx buffers the slow
# parts, so threads would only add contention on the interpreter lock.
worker_class = "sync"
# A request that runs longer than this (a database that stopped answering in the middle of
# a query, for example: no client-side socket option notices a server process that hangs
# on a live host) gets its worker killed and replaced; nginx then answers the friendly 503
# page (docs/operations.md). Longer than any page should ever take.
timeout = int(os.environ.get("TIMEOUT", "10"))
# On a graceful stop or HUP a worker finishes the request it is serving first.
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", "20"))
# The app is imported once, in the master, and each worker forked from it: a worker starts
# in milliseconds and the workers share the imported code's memory. Nothing opens a
# connection at import (tests/test_production.py checks the master holds none).
preload_app = True
# Recycle workers now and then so a slow leak never grows without bound; a sync worker
# finishes its request before it exits, and nginx holds the waiting ones meanwhile.
max_requests = int(os.environ.get("MAX_REQUESTS", "20000"))
max_requests_jitter = int(os.environ.get("MAX_REQUESTS_JITTER", "2000"))
# Trust X-Forwarded-* only from the proxy's addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (gunicornc) lives at one path per user: several servers on one
# machine (tests, benchmarks) would fight over it, and nothing here uses it.
control_socket_disable = True
accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# TLS directly in gunicorn (scripts/observatory.sh uses it); in production nginx does it.
certfile = os.environ.get("TLS_CERT") or None
keyfile = os.environ.get("TLS_KEY") or None
