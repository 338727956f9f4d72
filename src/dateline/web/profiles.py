"""An actor's and a dyad's profile: events by quad class a month (an SVG bar chart drawn
on the server), by type, and an actor's most frequent partners.

The store counts (SQL aggregates: events by month and type, partners by
code); this module only arranges the counts, so a profile costs two
GROUP BY queries whatever the number of events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..api import Store
from ..store.profile_queries import MonthCount
from ..timeline import TimelineQuery
from ..timeline.filters import QUAD_CLASSES
from .app import render
from .params import store_of
from .views import quad_of

__all__ = ["Bar", "Chart", "Profile", "profile", "router"]

router = APIRouter(include_in_schema=False)

CHART_HEIGHT = 160
BAR_WIDTH = 18
GAP = 4
LEFT = 36  # room for the scale


@dataclass(frozen=True)
class Bar:
    """One rectangle of the chart (a quad class in a month)."""

    x: int
    y: int
    width: int
    height: int
    quad: str
    label: str


@dataclass(frozen=True)
class Chart:
    """A stacked bar chart: a bar a month, a block a quad class."""

    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[int, str]]  # (x, month) under the bars
    top: int  # the largest month's count


@dataclass(frozen=True)
class Profile:
    """What an actor or a dyad page shows."""

    count: int
    chart: Chart
    by_type: list[tuple[str, int]]
    by_quad: list[tuple[str, int]]
    partners: list[tuple[str, int]]


def profile(counts: Iterable[MonthCount], partners: Iterable[tuple[str, int]] = ()) -> Profile:
    """A profile from the store's counts of events by month and type (the month None:
    undated, or dated only to a year) and the partners' counts."""
    months: dict[str, Counter[str]] = {}
    types: Counter[str] = Counter()
    quads: Counter[str] = Counter()
    for month, kind, count in counts:
        quad = quad_of(kind)
        types[kind] += count
        quads[quad] += count
        if month:
            months.setdefault(month, Counter())[quad] += count
    return Profile(
        count=sum(types.values()),
        chart=_chart(months),
        by_type=sorted(types.items(), key=lambda item: (-item[1], item[0])),
        by_quad=[(q, quads[q]) for q in (*QUAD_CLASSES, "unknown") if quads[q]],
        partners=list(partners),
    )


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(months) < 600:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _chart(months: dict[str, Counter[str]]) -> Chart:
    if not months:
        return Chart(LEFT, CHART_HEIGHT, [], [], 0)
    every = _months_between(min(months), max(months))
    top = max(sum(counts.values()) for counts in months.values())
    scale = (CHART_HEIGHT - 10) / top
    bars: list[Bar] = []
    ticks: list[tuple[int, str]] = []
    step = max(1, len(every) // 12)  # about a dozen month labels at most
    for number, month in enumerate(every):
        x = LEFT + number * (BAR_WIDTH + GAP)
        base = CHART_HEIGHT
        for quad in (*QUAD_CLASSES, "unknown"):
            value = months.get(month, Counter())[quad]
            if not value:
                continue
            height = max(1, round(value * scale))
            base -= height
            label = f"{month}: {value} {quad.replace('_', ' ')}"
            bars.append(Bar(x, base, BAR_WIDTH, height, quad, label))
        if number % step == 0:
            ticks.append((x, month))
    width = LEFT + len(every) * (BAR_WIDTH + GAP) + 40
    return Chart(width, CHART_HEIGHT, bars, ticks, top)


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(
    request: Request, code: str, store: Annotated[Store, Depends(store_of)]
) -> HTMLResponse:
    """An actor: its events by month and quad class, by type, and its partners."""
    query = TimelineQuery(actors=(code,))
    [code] = query.actors or (code,)
    shown = profile(store.event_counts(query), store.partners(code))
    return render(
        request, "profile.html", title=code, code=code, pair=None, profile=shown, query=query
    )


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, a: str, b: str, store: Annotated[Store, Depends(store_of)]
) -> HTMLResponse:
    """Two actors: the events between them by month and quad class, and by type."""
    query = TimelineQuery(dyad=(a, b))
    pair = query.dyad or (a, b)
    shown = profile(store.event_counts(query))
    title = f"{pair[0]} and {pair[1]}"
    return render(
        request, "profile.html", title=title, code=None, pair=pair, profile=shown, query=query
    )
