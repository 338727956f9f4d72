"""What the first page and the map count, in SQL: the news window, events a day by quad
class, the most active actors and dyads, the background's size, and the places.

Every count is a GROUP BY over the conditions the timeline uses
(:func:`~.event_plan.plan_of`), so a chart or a map point counts the
events its link opens, and no event is read into Python.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.orm import aliased

from ..models import day_of
from .event_plan import first_published, plan_of
from .schema import articles, event_actors, events

if TYPE_CHECKING:
    from ..query import TimelineQuery

__all__ = [
    "DayCount",
    "MapPoint",
    "Overview",
    "select_overview",
    "count_by_day_and_quad",
    "news_window",
    "top_actors",
    "top_dyads",
    "place_points",
]

# (first day, quad class or None, events)
DayCount = tuple[date, str | None, int]


@dataclass(frozen=True)
class MapPoint:
    """Events at one place: where, and how many of each quad class."""

    name: str
    country: str | None
    lat: float
    lon: float
    quads: tuple[tuple[str, int], ...]  # (quad class, events), the most first

    @property
    def count(self) -> int:
        return sum(count for _, count in self.quads)


@dataclass(frozen=True)
class Overview:
    """What the first page tells of the events answering a query."""

    first: date | None  # the news window: the first and last days of publication
    last: date | None
    articles: int
    events: int  # the events answering the query
    background: int  # of those, the background (historical, or dated long before)
    days: list[DayCount]  # the news (not background) by day and quad class
    actors: list[tuple[str, int]]
    dyads: list[tuple[str, str, int]]


def select_overview(connection: Connection, query: TimelineQuery, *, top: int = 10) -> Overview:
    """The first page's counts of the events answering ``query``: the news window, the
    news by day and quad class, the most active actors and dyads of the news, and how
    many events are background (a few GROUP BY queries)."""
    from dataclasses import replace

    from .event_queries import count_events

    first, last, count = news_window(connection)
    news = replace(query, background=False) if query.background is None else query
    return Overview(
        first=first,
        last=last,
        articles=count,
        events=count_events(connection, query),
        background=count_events(connection, replace(query, background=True)),
        days=count_by_day_and_quad(connection, news),
        actors=top_actors(connection, news, limit=top),
        dyads=top_dyads(connection, news, limit=top),
    )


def news_window(connection: Connection) -> tuple[date | None, date | None, int]:
    """The first and last days of publication of the stored articles, and how many
    articles there are (two reads of the index of publication times)."""
    last = connection.execute(
        select(func.max(articles.c.published)).where(articles.c.published.is_not(None))
    ).scalar()
    count = connection.execute(select(func.count()).select_from(articles)).scalar_one()
    return first_published(connection), (day_of(last) if last else None), int(count)


def count_by_day_and_quad(connection: Connection, query: TimelineQuery) -> list[DayCount]:
    """How many dated events answer ``query``, by first day and quad class, in day order."""
    counts: Counter[tuple[date, str | None]] = Counter()
    for part in plan_of(connection, query).parts:
        grouped = (
            select(events.c.first_day, events.c.quad_class, func.count())
            .where(events.c.first_day.is_not(None), *part)
            .group_by(events.c.first_day, events.c.quad_class)
        )
        for day, quad, count in connection.execute(grouped):
            counts[(day, quad)] += count
    return sorted(
        ((day, quad, count) for (day, quad), count in counts.items()), key=lambda r: r[:1]
    )


def top_actors(
    connection: Connection, query: TimelineQuery, *, limit: int = 10
) -> list[tuple[str, int]]:
    """The codes taking part (as actor or recipient) in the most events answering
    ``query``, with how many; ties by code."""
    told = func.count(event_actors.c.event_id.distinct())
    found: Counter[str] = Counter()
    for part in plan_of(connection, query).parts:
        chosen = select(events.c.id).where(*part)
        grouped = (
            select(event_actors.c.code, told)
            .where(event_actors.c.code != "---", event_actors.c.event_id.in_(chosen))
            .group_by(event_actors.c.code)
        )
        for code, count in connection.execute(grouped):
            found[code] += count
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]


def top_dyads(
    connection: Connection, query: TimelineQuery, *, limit: int = 10
) -> list[tuple[str, str, int]]:
    """The pairs (first actor, first recipient) of the most events answering ``query``,
    either way round, with how many; ties by codes."""
    actor, recipient = aliased(event_actors, name="actor"), aliased(event_actors, name="recipient")
    found: Counter[tuple[str, str]] = Counter()
    for part in plan_of(connection, query).parts:
        chosen = select(events.c.id).where(*part)
        first_recipient = and_(
            recipient.c.event_id == actor.c.event_id,
            recipient.c.role == "recipient",
            recipient.c.position == 0,
        )
        grouped = (
            select(actor.c.code, recipient.c.code, func.count())
            .select_from(actor)
            .join(recipient, first_recipient)
            .where(
                actor.c.role == "actor",
                actor.c.position == 0,
                actor.c.code != recipient.c.code,
                actor.c.event_id.in_(chosen),
            )
            .group_by(actor.c.code, recipient.c.code)
        )
        for a, b, count in connection.execute(grouped):
            first, second = sorted((a, b))
            found[(first, second)] += count
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [(a, b, count) for (a, b), count in ranked]


def place_points(
    connection: Connection, query: TimelineQuery, *, limit: int = 2000
) -> list[MapPoint]:
    """The geocoded places of the events answering ``query``, each with its events by
    quad class; the ``limit`` places with the most events."""
    key = (events.c.place_name, events.c.place_country, events.c.place_lat, events.c.place_lon)
    counts: Counter[tuple[str, str | None, float, float, str]] = Counter()
    for part in plan_of(connection, query).parts:
        grouped = (
            select(*key, events.c.quad_class, func.count())
            .where(events.c.place_lat.is_not(None), events.c.place_lon.is_not(None), *part)
            .group_by(*key, events.c.quad_class)
        )
        for name, country, lat, lon, quad, count in connection.execute(grouped):
            counts[(name or country or "", country, lat, lon, quad or "unknown")] += count
    places: dict[tuple[str, str | None, float, float], Counter[str]] = {}
    for (name, country, lat, lon, quad), count in counts.items():
        places.setdefault((name, country, lat, lon), Counter())[quad] += count
    points = [
        MapPoint(name, country, lat, lon, tuple(sorted(q.items(), key=lambda i: (-i[1], i[0]))))
        for (name, country, lat, lon), q in places.items()
    ]
    points.sort(key=lambda point: (-point.count, point.name))
    return points[:limit]
