"""The network drawing of the web view: actors on a circle, events as arrows between them, as
plain SVG computed here (no script, no library): the layout depends only on the sorted actors,
so the same graph gives the same bytes.

Actors are placed around a circle in the order of their class, then label (countries together,
people together); an event is a curve from the actor that acts to the one it is directed at,
several events between one pair fanned out; its line shows how the reports present it
(view.Event.standing).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from html import escape

from diplograph.view import Actor, Edge, View

RADIUS = 300.0
NODE = 7.0
SPREAD = 26.0  # distance between two events of one pair, at their middle
LABEL_CHARS = 34


def _number(value: float) -> str:
    """A coordinate with one decimal, never `-0.0`.

    >>> _number(-0.04), _number(12.345)
    ('0.0', '12.3')
    """
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def short(label: str, limit: int = LABEL_CHARS) -> str:
    """A label cut to fit beside its node.

    >>> short("Russian delegation led by Sergei Shoigu (July 2023)", 20)
    'Russian delegation…'
    """
    return label if len(label) <= limit else label[: limit - 2].rstrip() + "…"


def drawn_actors(view: View) -> list[Actor]:
    """The actors that some edge touches, in drawing order (class, label, IRI)."""
    used = {e.source for e in view.edges} | {e.target for e in view.edges}
    return sorted((view.actors[i] for i in used), key=lambda a: (a.kind, a.label, a.iri))


def layout(actors: list[Actor]) -> dict[str, tuple[float, float]]:
    """Each actor's place on the circle, the first at the top, clockwise.

    >>> places = layout([Actor("a", "A", "person", None), Actor("b", "B", "person", None)])
    >>> [(_number(x), _number(y)) for x, y in places.values()]
    [('0.0', '-300.0'), ('0.0', '300.0')]
    """
    count = max(len(actors), 1)
    places = {}
    for index, actor in enumerate(actors):
        angle = 2 * math.pi * index / count - math.pi / 2
        places[actor.iri] = (RADIUS * math.cos(angle), RADIUS * math.sin(angle))
    return places


def _curve(start: tuple[float, float], end: tuple[float, float], offset: float) -> str:
    """The path of one edge: a quadratic curve bent by `offset` (perpendicular to the pair's
    canonical direction), stopped short of the target's node."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    cx, cy = (x1 + x2) / 2 + nx * offset, (y1 + y2) / 2 + ny * offset
    back = math.hypot(x2 - cx, y2 - cy) or 1.0
    tx, ty = x2 - (x2 - cx) / back * (NODE + 3), y2 - (y2 - cy) / back * (NODE + 3)
    return f"M{_number(x1)},{_number(y1)} Q{_number(cx)},{_number(cy)} {_number(tx)},{_number(ty)}"


def _offsets(edges: tuple[Edge, ...]) -> dict[Edge, tuple[float, bool]]:
    """Each edge's bend, and whether it runs against its pair's canonical direction (the
    events of one pair of actors fanned out around the straight line)."""
    pairs: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in edges:
        pairs[tuple(sorted((edge.source, edge.target)))].append(edge)  # type: ignore[index]
    found = {}
    for (first, _), group in pairs.items():
        for index, edge in enumerate(group):
            bend = (index - (len(group) - 1) / 2) * SPREAD
            found[edge] = (bend, edge.source != first)
    return found


def network_svg(view: View, href: Callable[[str, str], str]) -> str:
    """The network as an SVG element; `href(folder, iri)` gives the link of a page."""
    actors = drawn_actors(view)
    places = layout(actors)
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="-560 -380 1120 760" '
        'role="img" aria-labelledby="network-title">',
        '<title id="network-title">Who acted towards whom: actors and the events between them'
        "</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>'
        "</defs>",
    ]
    bends = _offsets(view.edges)
    for edge in view.edges:
        event = view.events[edge.event]
        start, end = event.days()
        bend, reverse = bends[edge]
        path = _curve(places[edge.source], places[edge.target], -bend if reverse else bend)
        title = (
            f"{view.actors[edge.source].label} → {view.actors[edge.target].label}: "
            f"{event.kind}, {event.when()} ({event.standing()}): {event.label}"
        )
        lines.append(
            f'<a href="{escape(href("event", event.iri))}" class="edge m-{event.standing()}" '
            f'data-kind="{escape(event.kind)}" data-standing="{event.standing()}" '
            f'data-start="{escape(start)}" data-end="{escape(end)}">'
            f'<title>{escape(title)}</title><path d="{path}" marker-end="url(#arrow)"/></a>'
        )
    for actor in actors:
        x, y = places[actor.iri]
        right = x >= -0.5
        lx, ly = x * (RADIUS + 14) / RADIUS, y * (RADIUS + 14) / RADIUS + 4
        qid = f", Wikidata {actor.qid}" if actor.qid else ""
        kind = actor.kind.replace(" ", "-")
        lines.append(
            f'<a href="{escape(href("entity", actor.iri))}" class="node k-{escape(kind)}">'
            f"<title>{escape(f'{actor.label} ({actor.kind}{qid})')}</title>"
            f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{_number(NODE)}"/>'
            f'<text x="{_number(lx)}" y="{_number(ly)}" '
            f'text-anchor="{"start" if right else "end"}">{escape(short(actor.label))}</text></a>'
        )
    lines.append("</svg>")
    return "\n".join(lines)
