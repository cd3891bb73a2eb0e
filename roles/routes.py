"""The route between two roles over the known transitions, the way people really move.
Pure: any objects with ``from_role``, ``to_role`` (slugs), ``months`` and optionally
``commonness`` will do, so the role pages (over Transition rows) and the scoring engine's
plans (over its TransitionInfo) share it."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol, TypeVar

USUAL, COMMON, OCCASIONAL = 3, 2, 1

# How much longer a move that is not the conventional next step counts when a route is
# chosen, in months. Career ladders are climbed rung by rung: a zigzag that is shorter on
# paper (engineer, product manager, head of product, director) is not the way most people
# get there, so it must be clearly shorter to win. Two years for a common move and five for
# an occasional one keep a direct move that really is common and much quicker (a product
# manager hired as a startup's first head of product) while the usual ladder wins otherwise.
DETOUR_MONTHS = {USUAL: 0, COMMON: 24, OCCASIONAL: 60}


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
    commonness: int = USUAL


H = TypeVar("H", bound=Hop)


def route_cost(hop: Hop) -> int:
    """What a hop costs when choosing a route: its months plus ``DETOUR_MONTHS`` for how
    common the move is. A hop that does not say counts as usual, so a graph without
    commonness is routed by months alone."""
    return hop.months + DETOUR_MONTHS[getattr(hop, "commonness", USUAL)]


def shortest_route(transitions: Iterable[H] | Mapping[str, list[H]], start: str, goal: str) -> list[H] | None:
    """Dijkstra by ``route_cost``: the sum over hops of months + detour for moves that are
    not the usual ladder; ties go to fewer hops, then alphabetical paths. None if unreachable."""
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
        cost, hops, path, route = heapq.heappop(queue)
        node = path[-1]
        if node == goal:
            return list(route)
        if node in settled:
            continue
        settled.add(node)
        for t in edges.get(node, []):
            if t.to_role not in settled:
                heapq.heappush(queue, (cost + route_cost(t), hops + 1, (*path, t.to_role), (*route, t)))
    return None
