"""The quickest route between two roles over the known transitions. Pure: any objects
with ``from_role``, ``to_role`` (slugs) and ``months`` will do, so the role pages (over
Transition rows) and the scoring engine's plans (over its TransitionInfo) share it."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol, TypeVar


class Hop(Protocol):
    from_role: str
    to_role: str
    months: int


class Edge(NamedTuple):
    """A transition as a route needs it; ``row`` is whatever it was made from."""

    from_role: str
    to_role: str
    months: int
    row: object = None


H = TypeVar("H", bound=Hop)


def shortest_route(transitions: Iterable[H] | Mapping[str, list[H]], start: str, goal: str) -> list[H] | None:
    """Dijkstra by months; ties go to fewer hops, then alphabetical paths. None if unreachable."""
    if start == goal:
        return []
    if isinstance(transitions, Mapping):
        edges = transitions
    else:
        edges = {}
        for t in transitions:
            edges.setdefault(t.from_role, []).append(t)
    queue: list[tuple[int, int, tuple[str, ...], tuple[H, ...]]] = [(0, 0, (start,), ())]
    settled: set[str] = set()
    while queue:
        months, hops, path, route = heapq.heappop(queue)
        node = path[-1]
        if node == goal:
            return list(route)
        if node in settled:
            continue
        settled.add(node)
        for t in edges.get(node, []):
            if t.to_role not in settled:
                heapq.heappush(queue, (months + t.months, hops + 1, (*path, t.to_role), (*route, t)))
    return None
