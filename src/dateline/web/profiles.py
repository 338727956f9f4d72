"""An actor's and a dyad's profile: its news by quad class over its own window (an SVG
bar chart drawn on the server, a bar a day, week, month or year), its events by type,
how many are background, and an actor's most frequent partners.

The store counts (SQL aggregates: events by day and quad class, by month
and type, partners by code); this module only arranges the counts, so a
profile costs a few GROUP BY queries whatever the number of events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..api import Store
from ..query import QUAD_CLASSES, TimelineQuery
from ..store.profile_queries import MonthCount
from ..store.story_queries import DayCount
from .charts import TimeChart, time_chart
from .params import Filters, store_of
from .templating import render
from .views import quad_of

__all__ = ["Profile", "profile", "router"]

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Profile:
    """What an actor or a dyad page shows."""

    count: int
    chart: TimeChart
    by_type: list[tuple[str, int]]
    by_quad: list[tuple[str, int]]
    partners: list[tuple[str, int]]
    background: int = 0  # events of the background (historical, or dated long before)


def profile(
    counts: Iterable[MonthCount],
    partners: Iterable[tuple[str, int]] = (),
    days: Iterable[DayCount] = (),
    *,
    background: int = 0,
    link: Callable[[date, date], str] | None = None,
) -> Profile:
    """A profile from the store's counts of events by month and type (the month None:
    undated, or dated only to a year), the partners' counts, and the news (not the
    background) by day and quad class, which the chart draws over its own window: from
    the first day to the last that it counts."""
    types: Counter[str] = Counter()
    quads: Counter[str] = Counter()
    for _month, kind, count in counts:
        types[kind] += count
        quads[quad_of(kind)] += count
    return Profile(
        count=sum(types.values()),
        chart=time_chart(days, link=link),
        by_type=sorted(types.items(), key=lambda item: (-item[1], item[0])),
        by_quad=[(q, quads[q]) for q in (*QUAD_CLASSES, "unknown") if quads[q]],
        partners=list(partners),
        background=background,
    )


def _shown(store: Store, query: TimelineQuery, path: str, **given: str) -> Profile:
    seen = store.overview(query)
    partners = store.partners(given["actor"], query) if "actor" in given else ()

    def link(first: date, last: date) -> str:
        since, until = first.isoformat(), last.isoformat()
        return Filters().url(path, **given, since=since, until=until, background="false")

    return profile(
        store.event_counts(query), partners, seen.days, background=seen.background, link=link
    )


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(
    request: Request, code: str, store: Annotated[Store, Depends(store_of)]
) -> HTMLResponse:
    """An actor: its events by month and quad class, by type, and its partners."""
    query = TimelineQuery(actors=(code,))
    [code] = query.actors or (code,)
    shown = _shown(store, query, "/timeline", actor=code)
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
    shown = _shown(store, query, "/timeline", dyad=",".join(pair))
    title = f"{pair[0]} and {pair[1]}"
    return render(
        request, "profile.html", title=title, code=None, pair=pair, profile=shown, query=query
    )
