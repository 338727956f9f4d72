"""What the summary timeline reads of the coded events: each dated event with its evidence.

One query, read-only: the events whose first day is known (within a range
when asked), each with its type, quad class, Goldstein weight, number of
sources, and the article and character offsets of every mention that tells
it, so that the summary can weigh a day by its events and quote the
sentences that report them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from ..query import DayEvent
from .event_plan import plan_of
from .schema import actor_mentions, event_mentions, events

if TYPE_CHECKING:
    from ..query import TimelineQuery

__all__ = ["select_day_events", "select_naming_sentences"]


def select_day_events(
    connection: Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    question: TimelineQuery | None = None,
) -> list[DayEvent]:
    """Every event whose first day is known (and within ``since``..``until``), in day order;
    with ``question``, only the events answering it (the timeline's filters)."""
    if question is None:
        return _day_events(connection, since, until, ())
    found: dict[str, DayEvent] = {}
    for part in plan_of(connection, question).parts:
        for event in _day_events(connection, since, until, part):
            found.setdefault(event.event_id, event)
    return sorted(found.values(), key=lambda e: (e.first_day, e.event_id))


def select_naming_sentences(connection: Connection, codes: Sequence[str]) -> set[tuple[str, int]]:
    """The sentences (article id, number) where an actor of ``codes`` is named."""
    if not codes:
        return set()
    named = (
        select(actor_mentions.c.article_id, actor_mentions.c.sentence)
        .where(actor_mentions.c.code.in_(list(codes)))
        .distinct()
    )
    return {(article, int(number)) for article, number in connection.execute(named)}


def _day_events(
    connection: Connection, since: date | None, until: date | None, conditions: Sequence[Any]
) -> list[DayEvent]:
    query = (
        select(
            events.c.id,
            events.c.type,
            events.c.quad_class,
            events.c.first_day,
            events.c.last_day,
            events.c.date_source,
            events.c.goldstein,
            events.c.sources,
            events.c.mention_count,
            event_mentions.c.article_id,
            event_mentions.c.start,
            event_mentions.c.end,
        )
        .join(event_mentions, event_mentions.c.event_id == events.c.id)
        .where(events.c.first_day.is_not(None), *conditions)
        .order_by(
            events.c.sort_day, events.c.id, event_mentions.c.article_id, event_mentions.c.start
        )
    )
    if since is not None:
        query = query.where(events.c.first_day >= since)
    if until is not None:
        query = query.where(events.c.first_day <= until)
    return list(_grouped([tuple(row) for row in connection.execute(query)]))


def _grouped(rows: Sequence[tuple[Any, ...]]) -> Iterator[DayEvent]:
    current: list[tuple[Any, ...]] = []
    for row in rows:
        if current and row[0] != current[0][0]:
            yield _event(current)
            current = []
        current.append(row)
    if current:
        yield _event(current)


def _event(rows: Sequence[tuple[Any, ...]]) -> DayEvent:
    first = rows[0]
    return DayEvent(
        event_id=first[0],
        type=first[1],
        quad_class=first[2],
        first_day=first[3],
        last_day=first[4] or first[3],
        date_source=first[5],
        goldstein=first[6],
        sources=int(first[7]),
        mention_count=int(first[8]),
        evidence=tuple((row[9], int(row[10]), int(row[11])) for row in rows),
    )
