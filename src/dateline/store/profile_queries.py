"""An actor's or a dyad's profile counted in SQL: the events answering a query by month
and type (:func:`count_by_month_and_type`), and an actor's most frequent partners
(:func:`top_partners`).

Both are GROUP BY queries over the same conditions the timeline uses
(:func:`~.event_plan.plan_of`), so a profile's count is the timeline's and
costs one aggregate, not a read of every event.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import aliased

from .event_plan import plan_of
from .schema import event_actors, events

if TYPE_CHECKING:
    from ..query import TimelineQuery

__all__ = ["MonthCount", "count_by_month_and_type", "top_partners"]

# (month "YYYY-MM", or None for an event undated or dated only to its year; type; events)
MonthCount = tuple[str | None, str, int]


def count_by_month_and_type(connection: Connection, query: TimelineQuery) -> list[MonthCount]:
    """How many events answer ``query``, by month of their first day and by type, in
    (month, type) order (None, the months unknown, first)."""
    month = func.substr(events.c.date, 1, 7)
    counts: Counter[tuple[str | None, str]] = Counter()
    for part in plan_of(connection, query).parts:
        grouped = (
            select(month, events.c.type, func.count()).where(*part).group_by(month, events.c.type)
        )
        for found, kind, count in connection.execute(grouped):
            counts[(found if found and len(found) == 7 else None, kind)] += count
    return sorted(
        ((found, kind, count) for (found, kind), count in counts.items()),
        key=lambda row: (row[0] or "", row[1]),
    )


def top_partners(
    connection: Connection, code: str, query: TimelineQuery, *, limit: int = 15
) -> list[tuple[str, int]]:
    """The codes on the other side of ``code``'s events (among those answering
    ``query``), with how many events each: its recipients when ``code`` acts (or, in
    an event without recipients, the other actors), the actors when it receives.
    The most frequent first (ties by code); at most ``limit``."""
    mine, other = aliased(event_actors, name="mine"), aliased(event_actors, name="other")
    sides = or_(
        and_(mine.c.role == "actor", other.c.role == "recipient"),
        and_(mine.c.role == "recipient", other.c.role == "actor"),
        and_(
            mine.c.role == "actor",
            other.c.role == "actor",
            events.c.has_recipients.is_(False),
        ),
    )
    told = func.count(other.c.event_id.distinct())
    found: Counter[str] = Counter()
    for part in plan_of(connection, query).parts:
        partners = (
            select(other.c.code, told)
            .select_from(mine)
            .join(other, other.c.event_id == mine.c.event_id)
            .join(events, events.c.id == mine.c.event_id)
            .where(mine.c.code == code, other.c.code != code, sides, *part)
            .group_by(other.c.code)
        )
        for partner, count in connection.execute(partners):
            found[partner] += count
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]
