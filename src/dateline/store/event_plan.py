"""How a reader's question becomes SQL: conditions on ``events``, in parts whose events
follow one another in (sort_day, id) order (:func:`plan_of`).

"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Select, exists, func, not_, or_, select
from sqlalchemy.orm import aliased

from ..query import BACKGROUND_DAYS, DayRange
from .rows import UNDATED
from .schema import articles, event_actors, event_mentions, events

if TYPE_CHECKING:
    from ..query import TimelineQuery

__all__ = ["FEW", "Plan", "background_condition", "first_published", "plan_of"]


# The plan ------------------------------------------------------------------------
#
# An actor filter is answered one of two ways. When its codes are named in few
# rows, their event ids are read from the (code, role, event_id) index and those
# events fetched ("id IN (...)"); when in many, the events of the date range are
# walked in order, each checked against that index ("EXISTS"), until a page is
# full. SQLite keeps no statistics to choose between them, so the plan counts
# the rows of the codes asked, by the index alone and no further than it must:
# the index is read when its rows are fewer than FEW and than the date range's.
FEW = 5000


@dataclass(frozen=True)
class Plan:
    """A query as SQL: parts, each a list of conditions on ``events``, whose events
    follow one another in (sort_day, id) order."""

    parts: tuple[tuple[ColumnElement[bool], ...], ...]


def plan_of(connection: Connection, query: TimelineQuery) -> Plan:
    dates = _date_parts(query.days)
    found = _status_conditions(query)
    if query.types:
        found.append(events.c.type.in_(query.types))
    if query.quad_classes:
        found.append(events.c.quad_class.in_(query.quad_classes))
    if query.actors or query.sectors or query.dyad:
        fewer = _Counter(connection, dates)
        if query.actors:
            codes = (event_actors.c.code.in_(query.actors), event_actors.c.role.in_(_ROLES))
            found.append(_with_actor(fewer.few(*codes), *codes))
        if query.sectors:
            sectors = event_actors.c.sector.in_(query.sectors)
            found.append(_with_actor(fewer.few(sectors), sectors))
        if query.dyad:
            first, second = query.dyad
            if fewer.rows(event_actors.c.code == second) < fewer.rows(event_actors.c.code == first):
                first, second = second, first  # read from the rarer code
            found.append(_dyad(fewer.few(event_actors.c.code == first), first, second))
    if query.outlet:
        found.append(_reported_by(query.outlet))
    if query.text and query.text.split():
        found.append(_told_with(query.text.split()))
    if query.place:
        found.append(_at_place(query.place))
    if query.background is not None:
        found.append(background_condition(connection, query.background))
    return Plan(tuple((*found, *part) for part in dates))


class _Counter:
    """Counts of index rows, each stopped as soon as it passes FEW or the date range's
    events (the dearer of the two plans costs no more than that)."""

    def __init__(self, connection: Connection, dates: list[list[ColumnElement[bool]]]) -> None:
        self.connection = connection
        self.dates = dates
        self._span: int | None = None

    def rows(self, *conditions: ColumnElement[bool]) -> int:
        """Rows of ``event_actors`` meeting ``conditions``, up to FEW + 1."""
        return self._capped(select(event_actors.c.event_id).where(*conditions), FEW + 1)

    def few(self, *conditions: ColumnElement[bool]) -> bool:
        """Whether reading the index is cheaper than walking the date range."""
        rows = self.rows(*conditions)
        if rows > FEW:
            return False
        if self._span is None:
            self._span = sum(
                self._capped(select(events.c.id).where(*part), FEW + 1) for part in self.dates
            )
        return rows <= self._span

    def _capped(self, rows: Select[Any], cap: int) -> int:
        counted = select(func.count()).select_from(rows.limit(cap).subquery())
        return self.connection.execute(counted).scalar_one()


def _status_conditions(query: TimelineQuery) -> list[ColumnElement[bool]]:
    if query.statuses:
        asked = (*query.statuses, "negated") if query.include_negated else query.statuses
        return [events.c.status.in_(sorted(set(asked)))]
    if query.include_negated:
        return []
    return [events.c.status != "negated"]


def _date_parts(days: DayRange) -> list[list[ColumnElement[bool]]]:
    """The events whose [first_day, last_day] touches ``days``, as parts in order;
    undated ones never do.

    With a first day, the events that began before it and still ran on it come
    first: only events with a ``date_end`` can, so the partial index of those
    finds them without reading the years before. Then those that begin within
    the range, read by the (sort_day, id) index from the first day on.
    """
    if days.is_open:
        return [[]]
    last = min(days.last or UNDATED - timedelta(days=1), UNDATED - timedelta(days=1))
    within: list[ColumnElement[bool]] = [events.c.sort_day <= last]
    if days.first is None:
        return [within]
    spans = aliased(events, name="spans")
    began_before = select(spans.c.id).where(
        spans.c.date_end.is_not(None),
        spans.c.last_day >= days.first,
        spans.c.sort_day < days.first,
    )
    return [[events.c.id.in_(began_before)], [events.c.sort_day >= days.first, *within]]


def _with_actor(few: bool, *conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """An actor or recipient meets ``conditions``."""
    if few:
        return events.c.id.in_(select(event_actors.c.event_id).where(*conditions))
    return exists().where(event_actors.c.event_id == events.c.id, *conditions)


_ROLES = ("actor", "recipient")


def _dyad(few: bool, first: str, second: str) -> ColumnElement[bool]:
    """Events with ``first`` on one side and ``second`` on the other, either way round;
    an event without recipients has both among its actors."""
    one, other = aliased(event_actors, name="one"), aliased(event_actors, name="other")
    pairs = [
        one.c.code == first,
        other.c.code == second,
        # Naming both roles lets each side be looked up by (code, role, event_id).
        one.c.role.in_(_ROLES),
        other.c.role.in_(_ROLES),
        or_(one.c.role != other.c.role, events.c.has_recipients.is_(False)),
    ]
    if few:
        found = (
            select(one.c.event_id)
            .join(other, other.c.event_id == one.c.event_id)
            .join(events, events.c.id == one.c.event_id)
            .where(*pairs)
        )
        return events.c.id.in_(found)
    return (
        exists()
        .select_from(one.join(other, other.c.event_id == one.c.event_id))
        .where(one.c.event_id == events.c.id, *pairs)
    )


def _reported_by(outlet: str) -> ColumnElement[bool]:
    return (
        exists()
        .select_from(event_mentions.join(articles, articles.c.id == event_mentions.c.article_id))
        .where(
            event_mentions.c.event_id == events.c.id,
            func.lower(articles.c.outlet) == outlet.strip().lower(),
        )
    )


def _told_with(words: Sequence[str]) -> ColumnElement[bool]:
    """A mention whose sentence holds every word (case does not matter; on SQLite, only
    for ASCII letters)."""
    sentence = func.lower(event_mentions.c.sentence)
    return exists().where(
        event_mentions.c.event_id == events.c.id,
        *(sentence.contains(word.lower(), autoescape=True) for word in words),
    )


def _at_place(place: str) -> ColumnElement[bool]:
    """Where it happened: the place's name, or its country's code (case does not matter)."""
    wanted = place.strip()
    return or_(
        func.lower(events.c.place_name) == wanted.lower(),
        events.c.place_country == wanted.upper(),
    )


def first_published(connection: Connection) -> date | None:
    """The first article's day of publication (None: no article has one); one read of
    the index of publication times."""
    stamp = connection.execute(
        select(func.min(articles.c.published)).where(articles.c.published.is_not(None))
    ).scalar()
    try:
        return date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None


def background_condition(connection: Connection, wanted: bool) -> ColumnElement[bool]:
    """The background (``wanted``) or the news (not ``wanted``): background is an event of
    status ``historical`` or dated more than BACKGROUND_DAYS before the first article."""
    first = first_published(connection)
    old: ColumnElement[bool] = events.c.status == "historical"
    if first is not None:
        old = or_(old, events.c.sort_day < first - timedelta(days=BACKGROUND_DAYS))
    return old if wanted else not_(old)
