"""A Redis cache that degrades to misses when Redis is down.

The cache only ever holds what can be rebuilt (the bank per version, rendered fragments,
result pages) and the session copy of ``cached_db`` sessions, whose truth is in the
database. So when Redis stops answering, reads are misses, writes are dropped, and the quiz
goes on at database speed; each failure is logged. Rate limits then fail open (see
RATELIMIT_FAIL_OPEN in the settings)."""

from __future__ import annotations

import logging
import socket

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("careerquiz.cache")

try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a dependency
    RedisError = OSError

FAILURES = (RedisError, OSError, socket.timeout)


def _failed(operation: str, exc: BaseException) -> None:
    logger.warning("cache unavailable (%s): %s", operation, exc)


class ReusingRedisClient(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every cache operation, and building one
    (its table of response callbacks) took longer than the round trip to Redis. One
    client per connection pool is enough: it is thread-safe and takes connections from
    the pool."""

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = super().get_client(key, write=write)
        return clients[index]


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisClient  # RedisCache sets its own client class here

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except FAILURES as exc:
            _failed("get", exc)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except FAILURES as exc:
            _failed("get_many", exc)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except FAILURES as exc:
            _failed("has_key", exc)
            return False

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except FAILURES as exc:
            _failed("add", exc)
            return False

    def set(self, key, value, timeout=None, version=None):
        try:
            return super().set(key, value, timeout, version)
        except FAILURES as exc:
            _failed("set", exc)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except FAILURES as exc:
            _failed("set_many", exc)
            return list(data)

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except FAILURES as exc:
            _failed("touch", exc)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except FAILURES as exc:
            _failed("delete", exc)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except FAILURES as exc:
            _failed("delete_many", exc)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except FAILURES as exc:
            _failed("incr", exc)
            # What a missing key raises: callers such as the rate limiter handle it.
            raise ValueError("cache unavailable") from exc

    def clear(self):
        try:
            return super().clear()
        except FAILURES as exc:
            _failed("clear", exc)
