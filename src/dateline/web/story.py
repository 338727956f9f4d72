"""The first page and the map: the story at a glance.

- ``/``: the news window (the first to the last day of publication), a
  chart of the news a day or a week by quad class, the key dates with
  their sentences, the most active actors and dyads, and a small map;
  each links to the filtered timeline. The background (historical events,
  or dated more than a month before the first article) is a count and a
  link, never drawn. A URL of the old timeline (``/?actor=...``) is sent
  on to ``/timeline``.
- ``/map``: the geocoded places of the events answering the timeline's
  filters, as points coloured by quad class over Natural Earth's country
  outlines; each point links to its events.

Every count is an SQL aggregate (:meth:`Store.overview`,
:meth:`Store.places`); the first page (its counts and its key dates) is
computed once per state of the database (its numbers of articles and
events) and remembered.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..api import Store
from ..query import BACKGROUND_DAYS, QUAD_CLASSES, TimelineQuery
from ..store.story_queries import MapPoint, Overview
from .charts import time_chart
from .params import Filters, filters, store_of
from .templating import render
from .world import map_view

__all__ = ["Remembered", "router"]

router = APIRouter(include_in_schema=False)

FIRST_PAGE_DATES = 8
FIRST_PAGE_MAP_POINTS = 300


@router.get("/", response_class=HTMLResponse)
def first_page(request: Request, store: Annotated[Store, Depends(store_of)]) -> Response:
    """The story at a glance; a URL with timeline parameters goes on to ``/timeline``."""
    if request.url.query:
        return RedirectResponse(f"/timeline?{request.url.query}", status_code=307)
    remembered: Remembered = request.app.state.first_page
    state = (store.count_articles(), store.count_events())
    shown = remembered.get(("first page", state), lambda: _first_page(store))
    return render(request, "story.html", **shown)


def _first_page(store: Store) -> dict[str, Any]:
    """What the first page shows: a few GROUP BY queries and the key dates."""
    news = TimelineQuery(background=False)
    seen = store.overview(TimelineQuery())
    first, last = _window(seen)
    chart = time_chart(
        seen.days,
        first,
        last,
        link=lambda a, b: Filters().url(
            "/timeline", since=a.isoformat(), until=b.isoformat(), background="false"
        ),
    )
    since = first.isoformat() if first else None
    keys = store.summary(TimelineQuery(since=since), dates=FIRST_PAGE_DATES, sentences=1)
    points = store.places(news, limit=FIRST_PAGE_MAP_POINTS)
    return {
        "overview": seen,
        "first": first,
        "last": last,
        "chart": chart,
        "entries": keys,
        "world": map_view(points, _place_link(Filters())),
        "news_days": BACKGROUND_DAYS,
        "quads": QUAD_CLASSES,
    }


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    chosen: Annotated[Filters, Depends(filters)],
    store: Annotated[Store, Depends(store_of)],
) -> HTMLResponse:
    """The places of the events answering the filters, coloured by quad class."""
    query = chosen.query()
    points = store.places(query)
    return render(
        request,
        "map.html",
        world=map_view(points, _place_link(chosen)),
        points=points[:50],
        located=sum(point.count for point in points),
        filters=chosen,
        timeline_url=chosen.url("/timeline"),
        quads=QUAD_CLASSES,
    )


def _place_link(chosen: Filters) -> Callable[[MapPoint], str]:
    def link(point: MapPoint) -> str:
        return chosen.url("/timeline", place=point.name or point.country)

    return link


def _window(seen: Overview) -> tuple[date | None, date | None]:
    """The chart's window: the news window, or the days of the news when no article has
    a day of publication."""
    days = [day for day, _, _ in seen.days]
    first = seen.first - timedelta(days=BACKGROUND_DAYS) if seen.first else None
    if first is not None and days:
        first = max(first, min(days))  # no empty month before the first event
    return first or (min(days) if days else None), max(
        [d for d in (seen.last, max(days) if days else None) if d is not None], default=None
    )


# The first page, computed once per state of the database -------------------------


class Remembered:
    """Values remembered by key (the first page by the database's numbers of articles and
    events: its key dates read every sentence, its counts every event), the latest
    ``size`` kept; computed under a lock, so that concurrent requests compute once."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self.found: OrderedDict[object, dict[str, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: object, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        with self.lock:
            if key in self.found:
                self.found.move_to_end(key)
                return self.found[key]
            value = compute()
            self.found[key] = value
            while len(self.found) > self.size:
                self.found.popitem(last=False)
            return value
