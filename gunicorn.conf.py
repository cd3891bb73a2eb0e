"""gunicorn settings for Career Quiz. Run: gunicorn -c gunicorn.conf.py careerquiz.wsgi

Everything can be overridden from the environment (PORT, WEB_CONCURRENCY, THREADS, ...)."""

import gc
import multiprocessing
import os

bind = os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# One thread per worker measured fastest for these CPU-bound pages (benchmarks/load.py);
# raise THREADS when the database is far away. The worker is gunicorn's threaded one, but
# its event loop reads each request whole before a thread takes it: with one thread, a
# client sending nothing or sending slowly would otherwise hold the worker
# (careerquiz/worker.py; REQUEST_READ_TIMEOUT, 10 s by default, for a request to arrive).
worker_class = "careerquiz.worker.RequestBufferingWorker"
threads = int(os.environ.get("THREADS", "1"))
timeout = int(os.environ.get("TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# The app is imported once, in the master, and each worker forked from it: a worker
# starts in milliseconds, not the second an import of Django and the app takes on a busy
# core, and the workers share the imported code's memory. Nothing opens a connection at
# import (tests/test_production.py checks the master holds none).
preload_app = True
# The imported app (some 70,000 objects) is frozen out of the garbage collector before the
# workers are forked: a worker's full collection would otherwise walk all of it, stalling
# every connection the worker holds for 50 ms or more, and writing to those objects' pages
# would copy them into each worker. The collector is off in the master while it imports
# (the Python docs' advice for forking servers) and on again in each worker.
gc.disable()


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()


# Recycle workers now and then so a slow leak never grows without bound. Not every few
# thousand requests: under load each replacement cost a second of a core and stalled the
# connections it held for as long (benchmarks/load.py: with 2,000, the bare view's p99
# was 2 s), and a new worker starts with empty per-process caches.
max_requests = int(os.environ.get("MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
# Trust X-Forwarded-* only from the load balancer's addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# TLS directly in gunicorn (the Observatory check uses it); usually the load balancer does it.
certfile = os.environ.get("TLS_CERT") or None
keyfile = os.environ.get("TLS_KEY") or None
