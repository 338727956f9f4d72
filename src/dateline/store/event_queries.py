"""The queries that read events: a reader's question answered in SQL, a page at a time.

1. a plan turns a :class:`~dateline.query.TimelineQuery` into conditions
   on ``events``: actors, dyads and sectors through the (code, role,
   event_id) and (sector, event_id) indexes of ``event_actors``, dates
   through the (sort_day, id) index;
2. :func:`select_events` reads one page of ``events`` rows in (sort_day, id)
   order after a cursor (keyset paging: no OFFSET, so page 1,000 costs what
   page 1 does), then the actors and the mentions of those events only, one
   query each;
3. :func:`event` and :func:`article` read one record with all its mentions (an
   article with its actor mentions and time expressions too).

Nothing here writes: linking mentions into events is :mod:`.linking`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    String,
    func,
    literal,
    or_,
    select,
)

from ..actors import ActorMention
from ..errors import ConfigError
from ..models import Article, Event, Evidence
from ..time.values import TimeValue
from .article_queries import select_article_actors, select_article_times
from .event_plan import Plan, plan_of
from .rows import (
    UNDATED,
    article_from_row,
    event_from_row,
    evidence_from_row,
    mention_from_row,
    mentions_query,
)
from .schema import articles, event_actors, event_mentions, events

if TYPE_CHECKING:
    from ..query import TimelineQuery

__all__ = [
    "PAGE_SIZE",
    "ArticleMentions",
    "LinkedMention",
    "count_events",
    "cursor_of",
    "event",
    "events_page",
    "iter_events",
    "select_events",
]

# Events read per query when a caller wants them all: enough to make each round
# trip worth it, few enough that the IN lists of their actors and mentions stay
# short (SQLite allows 32,766 parameters).
PAGE_SIZE = 500


@dataclass(frozen=True)
class LinkedMention:
    """One event mention as coded in its sentence, and the event it tells of (None:
    it names no actor and corroborates no event)."""

    mention: Event
    event_id: str | None


@dataclass(frozen=True)
class ArticleMentions:
    """A stored article with the event mentions coded in it, its actor mentions (places
    included) and its time expressions, each in text order."""

    article: Article
    mentions: tuple[LinkedMention, ...]
    actors: tuple[ActorMention, ...] = ()
    times: tuple[TimeValue, ...] = ()


def count_events(connection: Connection, query: TimelineQuery) -> int:
    """How many stored events answer ``query``."""
    plan = plan_of(connection, query)
    return sum(
        connection.execute(select(func.count()).select_from(events).where(*part)).scalar_one()
        for part in plan.parts
    )


def select_events(
    connection: Connection,
    query: TimelineQuery,
    *,
    limit: int | None = None,
    after: str | None = None,
    descending: bool = False,
) -> list[Event]:
    """Up to ``limit`` events (all without one) answering ``query``, after the cursor
    ``after``, in (first day, id) order, undated last (first with ``descending``);
    each with its actors and all its mentions."""
    found = iter_events(
        connection,
        query,
        after=after,
        descending=descending,
        page_size=min(limit, PAGE_SIZE) if limit else None,
    )
    return list(islice(found, limit) if limit is not None else found)


def events_page(
    connection: Connection,
    query: TimelineQuery,
    *,
    limit: int = 50,
    after: str | None = None,
    descending: bool = False,
) -> tuple[list[Event], str | None]:
    """One page: up to ``limit`` events after the cursor ``after``, and the cursor of
    the next page (None on the last page)."""
    if limit < 1:
        raise ConfigError(f"a page holds at least one event, not {limit}")
    plan = plan_of(connection, query)
    rows = _page_rows(connection, plan, limit + 1, after, descending)
    more = len(rows) > limit
    rows = rows[:limit]
    return _events_of(connection, rows), (_cursor(rows[-1]) if more else None)


def iter_events(
    connection: Connection,
    query: TimelineQuery,
    *,
    after: str | None = None,
    descending: bool = False,
    page_size: int | None = None,
) -> Iterator[Event]:
    """Every event answering ``query`` after the cursor ``after``, read a page at a
    time (:data:`PAGE_SIZE` events), so that an export of millions holds one page in
    memory."""
    page_size = page_size or PAGE_SIZE
    plan = plan_of(connection, query)
    while True:
        rows = _page_rows(connection, plan, page_size, after, descending)
        yield from _events_of(connection, rows)
        if len(rows) < page_size:
            return
        after = _cursor(rows[-1])


def event(connection: Connection, event_id: str) -> Event | None:
    """The stored event ``event_id`` with all its mentions, or None."""
    rows = _rows(connection, select(events).where(events.c.id == event_id))
    return _events_of(connection, rows)[0] if rows else None


def article(connection: Connection, article_id: str) -> ArticleMentions | None:
    """The stored article ``article_id`` with its event mentions (each with the event it
    tells of), actor mentions and time expressions, or None."""
    found = _rows(connection, select(articles).where(articles.c.id == article_id))
    if not found:
        return None
    told = (
        mentions_query()
        .where(event_mentions.c.article_id == article_id)
        .order_by(event_mentions.c.start, event_mentions.c.end, event_mentions.c.id)
    )
    mentions = tuple(
        LinkedMention(mention_from_row(m), m["event_id"]) for m in _rows(connection, told)
    )
    return ArticleMentions(
        article_from_row(found[0]),
        mentions,
        select_article_actors(connection, article_id),
        select_article_times(connection, article_id),
    )


# Paging -------------------------------------------------------------------------


def _page_rows(
    connection: Connection,
    plan: Plan,
    limit: int,
    after: str | None,
    descending: bool,
) -> list[Mapping[str, Any]]:
    """Up to ``limit`` rows after the cursor, from each part in turn (the parts follow
    one another in (sort_day, id) order)."""
    day, key = events.c.sort_day, events.c.id
    position: list[ColumnElement[bool]] = []
    if after is not None:
        last_day, last_id = _parse_cursor(after)
        at, seen = literal(last_day, Date()), literal(last_id, String())
        # Written so that the (sort_day, id) index can seek to the cursor's day.
        if descending:
            position = [day <= at, or_(day < at, key < seen)]
        else:
            position = [day >= at, or_(day > at, key > seen)]
    order = (day.desc(), key.desc()) if descending else (day, key)
    rows: list[Mapping[str, Any]] = []
    for part in reversed(plan.parts) if descending else plan.parts:
        if len(rows) == limit:
            break
        page = select(events).where(*part, *position).order_by(*order).limit(limit - len(rows))
        rows += _rows(connection, page)
    return rows


def cursor_of(event: Event) -> str:
    """The page cursor at ``event``: what a page ending with it returns, so that a
    reader can page on (or back, with ``descending``) from any event shown."""
    day = date.fromisoformat(event.date[:10]) if event.date else UNDATED
    return f"{day.isoformat()}:{event.id}"


def _cursor(row: Mapping[str, Any]) -> str:
    return f"{row['sort_day'].isoformat()}:{row['id']}"


def _parse_cursor(cursor: str) -> tuple[date, str]:
    day, _, key = cursor.partition(":")
    try:
        return date.fromisoformat(day), _nonempty(key)
    except ValueError:
        raise ConfigError(
            f"{cursor!r} is not a page cursor (give the one the previous page returned)"
        ) from None


def _nonempty(key: str) -> str:
    if not key:
        raise ValueError("no id")
    return key


# Loading a page's records ---------------------------------------------------------


def _events_of(connection: Connection, rows: Sequence[Mapping[str, Any]]) -> list[Event]:
    """The events of ``rows`` with their actors and mentions: one query each, for these
    events only."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    actors: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for actor in _rows(connection, select(event_actors).where(event_actors.c.event_id.in_(ids))):
        actors[actor["event_id"]].append(actor)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    told = (
        mentions_query()
        .where(event_mentions.c.event_id.in_(ids))
        .order_by(
            articles.c.published.asc().nulls_last(),
            event_mentions.c.article_id,
            event_mentions.c.start,
            event_mentions.c.id,
        )
    )
    for mention in _rows(connection, told):
        evidence[mention["event_id"]].append(evidence_from_row(mention))
    return [event_from_row(row, actors[row["id"]], evidence[row["id"]]) for row in rows]


def _rows(connection: Connection, query: Select[Any]) -> list[Mapping[str, Any]]:
    # Rows by column name, as :mod:`.rows` reads them.
    return cast(list[Mapping[str, Any]], connection.execute(query).mappings().all())
