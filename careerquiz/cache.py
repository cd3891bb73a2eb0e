"""Redis through django-redis, with a short circuit breaker in front of it.

The cache only ever holds what can be rebuilt (the bank per version, rendered fragments,
result pages) and the rate-limit counters. With django-redis's documented
``IGNORE_EXCEPTIONS`` a Redis that refuses connections or times out is a miss, and a write
to it is dropped: the quiz goes on at database speed.

A Redis that *hangs* (accepts connections, never answers) would still cost a socket timeout
on every cache call, and one page makes several. So the clients here are django-redis's
``DefaultClient`` (its documented ``CLIENT_CLASS`` extension point) with a breaker: after a
connection failure or timeout, every call in this process fails at once, without touching
the network, for CACHE_BREAKER_SECONDS; then the next call tries Redis again. A hung Redis
costs one short timeout (REDIS_TIMEOUT) per window, not one per call.

A full Redis (``OOM command not allowed``) is not an outage: Redis answered. The page cache
drops the write; the rate limits use :class:`RateLimitClient`, which lets that error through
so the limits fail closed (careerquiz.middleware.RateLimitStoreFullMiddleware answers 429)
instead of letting everyone through."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError

logger = logging.getLogger("careerquiz.cache")

# Until when (time.monotonic()) the breaker of each Redis server is open, for every thread
# and every cache alias of this process.
_open_until: dict[str, float] = {}


class CacheUnavailable(RedisConnectionError):
    """The breaker is open: Redis failed a moment ago and is not asked again yet."""


class CircuitBreakerClient(DefaultClient):
    def __init__(self, server, params, backend):
        super().__init__(server, params, backend)
        # One breaker per Redis location, whichever cache alias or thread asks.
        self.breaker_key = server if isinstance(server, str) else ",".join(server)

    def _guarded(self, method, *args, **kwargs):
        server = self.breaker_key
        if time.monotonic() < _open_until.get(server, 0.0):
            raise ConnectionInterrupted(connection=None) from CacheUnavailable("circuit breaker open")
        try:
            return method(*args, **kwargs)
        except ConnectionInterrupted as exc:
            if isinstance(exc.__cause__, OutOfMemoryError):
                self._memory_full(exc)
                raise
            _open_until[server] = time.monotonic() + settings.CACHE_BREAKER_SECONDS
            logger.warning(
                "cache unavailable, not asked again for %s s: %s", settings.CACHE_BREAKER_SECONDS, exc
            )
            raise

    def _memory_full(self, exc: ConnectionInterrupted) -> None:
        """A write refused for want of memory: for the page cache like any failure (ignored,
        the write is dropped), but without opening the breaker."""

    # The cache operations Django's cache API offers, each behind the breaker.
    def get(self, *args, **kwargs):
        return self._guarded(super().get, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guarded(super().get_many, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._guarded(super().set, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded(super().set_many, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guarded(super().add, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded(super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded(super().delete_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded(super().has_key, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._guarded(super().incr, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._guarded(super().decr, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded(super().touch, *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self._guarded(super().clear, *args, **kwargs)


class RateLimitClient(CircuitBreakerClient):
    """For the rate-limit counters: an outage fails open (RATELIMIT_FAIL_OPEN), a full
    Redis fails closed: the OutOfMemoryError reaches the view instead of being ignored."""

    def _memory_full(self, exc: ConnectionInterrupted) -> None:
        raise exc.__cause__
