"""The map: country outlines and the places of events, drawn as SVG on the server.

The outlines are Natural Earth's 1:110m countries (public domain), shipped
as ``static/world-110m.json`` (``scripts/build_world_map.py`` rebuilds it
from the ``world-atlas`` npm package): no tile server, no network. The
projection is equirectangular: x is the longitude + 180, y 90 - the
latitude, in degrees; the map's viewBox frames the events' places.

>>> view = frame([])
>>> (view.x, view.y, view.width, view.height)
(0.0, 6.0, 360.0, 144.0)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..store.story_queries import MapPoint

__all__ = ["Dot", "Frame", "MapView", "frame", "map_view", "outlines"]

WORLD = Path(__file__).parent / "static" / "world-110m.json"
NORTH, SOUTH = 84.0, -60.0  # the world frame leaves out the poles
ASPECT = 2.5  # width / height of the map
MIN_SPAN = 24.0  # degrees of longitude a frame shows at least


@dataclass(frozen=True)
class Frame:
    """The part of the world shown: the SVG viewBox, in degrees."""

    x: float
    y: float
    width: float
    height: float

    @property
    def view_box(self) -> str:
        return f"{self.x:.2f} {self.y:.2f} {self.width:.2f} {self.height:.2f}"


@dataclass(frozen=True)
class Dot:
    """A place on the map: its point, size, colour (the quad class of most of its
    events), label and link."""

    cx: float
    cy: float
    r: float
    quad: str
    label: str
    href: str


@dataclass(frozen=True)
class MapView:
    """What the map page draws."""

    frame: Frame
    countries: list[tuple[str, str]]  # (name, SVG path)
    dots: list[Dot]


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple[str, str, Frame], ...]:
    """Each country's name, SVG path and bounds (read and projected once)."""
    record = json.loads(WORLD.read_text(encoding="utf-8"))
    shapes = []
    for country in record["countries"]:
        parts = []
        xs = [x + 180 for ring in country["rings"] for x in ring[0::2]]
        ys = [90 - y for ring in country["rings"] for y in ring[1::2]]
        if not xs:
            continue
        bounds = Frame(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        for ring in country["rings"]:
            points = [
                f"{ring[i] + 180:.2f},{90 - ring[i + 1]:.2f}" for i in range(0, len(ring) - 1, 2)
            ]
            parts.append("M" + "L".join(points) + "Z")
        shapes.append((country["name"], "".join(parts), bounds))
    return tuple(shapes)


def _overlap(a: Frame, b: Frame) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


def frame(points: Sequence[MapPoint]) -> Frame:
    """The frame around ``points`` (with a margin, at least MIN_SPAN degrees wide, in
    the map's proportions); the whole world without points."""
    world = Frame(0.0, 90 - NORTH, 360.0, NORTH - SOUTH)
    if not points:
        return world
    west, east = min(p.lon for p in points), max(p.lon for p in points)
    south, north = min(p.lat for p in points), max(p.lat for p in points)
    width = max(east - west, (north - south) * ASPECT, MIN_SPAN) * 1.3
    if width >= world.width:
        return world
    height = width / ASPECT
    x = min(max((west + east) / 2 + 180 - width / 2, 0.0), 360.0 - width)
    y = min(max(90 - (north + south) / 2 - height / 2, 0.0), 180.0 - height)
    return Frame(x, y, width, height)


def map_view(points: Sequence[MapPoint], link: Callable[[MapPoint], str]) -> MapView:
    """The map of ``points``: a dot each, its area growing with its events."""
    shown = frame(points)
    most = max((point.count for point in points), default=1)
    unit = shown.width / 80  # the largest dot's radius: an eightieth of the map's width
    dots = []
    for point in sorted(points, key=lambda p: -p.count):  # small dots drawn over big ones
        quad = point.quads[0][0] if point.quads else "unknown"
        shares = ", ".join(f"{n} {q.replace('_', ' ')}" for q, n in point.quads)
        where = f"{point.name} ({point.country})" if point.country else point.name
        dots.append(
            Dot(
                cx=round(point.lon + 180, 3),
                cy=round(90 - point.lat, 3),
                r=round(unit * (0.35 + 0.65 * math.sqrt(point.count / most)), 3),
                quad=quad,
                label=f"{where}: {point.count} event{'s' if point.count != 1 else ''} ({shares})",
                href=link(point),
            )
        )
    countries = [(name, path) for name, path, bounds in outlines() if _overlap(bounds, shown)]
    return MapView(shown, countries, dots)
