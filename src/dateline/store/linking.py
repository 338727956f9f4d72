"""Writing events: an article's mentions stored and linked, and ``relink``.

The ``link`` stage decides, and says which stored mentions it needs
(:func:`~dateline.link.retrieval.gather`); this module answers its lookups
(:class:`SqlCandidates`, through indexed columns) and applies its decisions, inside the caller's transaction and under the link
lock (:func:`lock_links`), so that two writers never both find "no event"
for one happening. Every event touched is rebuilt from its own mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, exists, func, select, update

from ..actors import UNKNOWN_CODE
from ..link import event_of, events_of, link
from ..link.retrieval import Stored, codes_of, gather
from ..models import Event
from .rows import actor_rows, event_row, mention_from_row, mention_row, mentions_query
from .schema import (
    event_actors,
    event_mention_codes,
    event_mentions,
    events,
    store_info,
)

__all__ = ["LINK_LOCK", "RelinkReport", "SqlCandidates", "lock_links", "relink", "save_mentions"]

# The store_info row every writer updates first: the lock that serialises linking.
LINK_LOCK = "link_lock"


def lock_links(connection: Connection) -> None:
    """Take the link lock for the rest of the transaction.

    Updating one row blocks every other writer that does the same until this
    transaction ends: on PostgreSQL a row lock, on SQLite the write lock
    taken at once (before anything is read, so what is read stays current).
    """
    done = connection.execute(
        update(store_info).where(store_info.c.key == LINK_LOCK).values(value="linking")
    ).rowcount
    if not done:
        connection.execute(store_info.insert().values(key=LINK_LOCK, value="linking"))


def save_mentions(connection: Connection, by_article: Mapping[str, Sequence[Event]]) -> None:
    """Store the coded mentions of one or more articles (article id -> its mentions) and
    link them: each joins the event it tells of, starts one, or merges events it shows
    to be one. Call under :func:`lock_links`.

    Linking is order-free, so the mentions of many articles are linked in one step
    with the same outcome as one article at a time, and at a fraction of the cost:
    the stored regions they touch are read and decided once.
    """
    rows = [(article_id, m) for article_id, found in by_article.items() for m in found]
    if not rows:
        return
    mentions = [m for _, m in rows]
    stored = gather(SqlCandidates(connection), mentions)
    links = link(mentions, stored)
    event_of_mention = links.event_of()
    connection.execute(
        event_mentions.insert(),
        [
            {
                **mention_row(article_id, m, event_of_mention.get(m.id)),
                "region": links.regions.get(m.id),
            }
            for article_id, m in rows
        ],
    )
    codes = _code_rows(mentions)
    if codes:
        connection.execute(event_mention_codes.insert(), codes)
    fresh = {m.id for m in mentions}
    before = {s.mention.id: (s.event_id, s.region) for s in stored}
    _assign(
        connection,
        {
            key: (event_id, links.regions.get(key))
            for key, event_id in event_of_mention.items()
            if key not in fresh and before.get(key) != (event_id, links.regions.get(key))
        },
    )
    touched = {*links.retired, *(e for e in event_of_mention.values() if e is not None)}
    _rebuild(connection, touched)


@dataclass(frozen=True)
class RelinkReport:
    """What a relink did: how many mentions it read and how many events it made."""

    mentions: int
    events: int


def relink(connection: Connection) -> RelinkReport:
    """Rebuild every event from the stored mentions (after a change of the link rules).

    Running it twice gives the same events: linking depends only on the
    mentions. Call under :func:`lock_links`.
    """
    mentions = [mention_from_row(row) for row in connection.execute(mentions_query()).mappings()]
    links = link(mentions, ())
    connection.execute(delete(event_actors))
    connection.execute(delete(events))
    _assign(
        connection,
        {key: (event_id, links.regions.get(key)) for key, event_id in links.event_of().items()},
    )
    members, _ = events_of(links, mentions)
    _write_events(connection, [event_of(key, found) for key, found in members.items()])
    return RelinkReport(mentions=len(mentions), events=len(members))


def rebuild_codes(connection: Connection) -> None:
    """Index the actor codes and days of every stored mention again (after an upgrade)."""
    connection.execute(delete(event_mention_codes))
    mentions = [mention_from_row(row) for row in connection.execute(mentions_query()).mappings()]
    rows = _code_rows(mentions)
    if rows:
        connection.execute(event_mention_codes.insert(), rows)


# -- answering linking's lookups --------------------------------------------------

_CODES = event_mention_codes.c

# How the code index is laid out: rows of mentions spanning more days than this are
# flagged ``long``, few, and read apart, so that the short ones are found by a narrow
# range of the (code, long, date) index. Changing it needs ``rebuild_codes``.
_SHORT_DAYS = 7


def _named_by(long: bool, any_code: bool) -> Select[Any]:
    starts = (
        _CODES.date <= bindparam("end")
        if long
        else _CODES.date.between(bindparam("earliest"), bindparam("end"))
    )
    which = (
        _CODES.code != UNKNOWN_CODE  # rows an older version indexed
        if any_code
        else _CODES.code.in_(bindparam("codes", expanding=True))
    )
    found = select(_CODES.mention_id).where(
        which, _CODES.long.is_(long), starts, _CODES.last >= bindparam("start")
    )
    return mentions_query().where(
        event_mentions.c.id.in_(found),
        event_mentions.c.type.in_(bindparam("types", expanding=True)),
    )


# Built once, so that SQLAlchemy compiles them once: linking runs them for every mention.
_NAMED_BY = {
    (long, any_code): _named_by(long, any_code)
    for long in (False, True)
    for any_code in (False, True)
}
_NAMED = exists().where(_CODES.mention_id == event_mentions.c.id, _CODES.code != UNKNOWN_CODE)


class SqlCandidates:
    """The lookups of :class:`~dateline.link.retrieval.Candidates`, answered from the
    stored mentions through the code index."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._kept: dict[str, Stored] = {}

    def named(
        self, codes: Collection[str] | None, types: Collection[str], first: date, last: date
    ) -> list[Stored]:
        parameters: dict[str, Any] = {
            "types": sorted(types),
            "start": first.isoformat(),
            "end": last.isoformat(),
            "earliest": (first - timedelta(days=_SHORT_DAYS)).isoformat(),
        }
        if codes is not None:
            if not codes:
                return []
            parameters["codes"] = sorted(codes)
        rows: dict[str, Any] = {}
        for long in (False, True):
            query = _NAMED_BY[(long, codes is None)]
            for row in self._connection.execute(query, parameters).mappings():
                rows[row["id"]] = row
        return self._stored(rows.values())

    def unnamed(
        self, types: Collection[str], first: date, last: date, *, date_source: str
    ) -> list[Stored]:
        day_after = (last + timedelta(days=1)).isoformat()  # dates may carry a time
        query = mentions_query().where(
            ~_NAMED,
            event_mentions.c.date_source == date_source,
            event_mentions.c.type.in_(sorted(types)),
            event_mentions.c.date < day_after,
            func.coalesce(event_mentions.c.date_end, event_mentions.c.date) >= first.isoformat(),
        )
        return self._stored(self._connection.execute(query).mappings())

    def in_regions(self, regions: Collection[str]) -> list[Stored]:
        query = mentions_query().where(event_mentions.c.region.in_(sorted(regions)))
        return self._stored(self._connection.execute(query).mappings())

    def _stored(self, rows: Iterable[Any]) -> list[Stored]:
        """Each row as linking sees it, read once however often it is found."""
        found = []
        for row in rows:
            if row["id"] not in self._kept:
                self._kept[row["id"]] = Stored(
                    mention_from_row(row), row["event_id"], row["region"]
                )
            found.append(self._kept[row["id"]])
        return found


# -- applying decisions ----------------------------------------------------------


def _assign(connection: Connection, places: dict[str, tuple[str | None, str | None]]) -> None:
    """Point stored mentions at their (event, region), mention id -> the pair."""
    if places:
        connection.execute(
            update(event_mentions)
            .where(event_mentions.c.id == bindparam("key"))
            .values(event_id=bindparam("event"), region=bindparam("area")),
            [{"key": key, "event": e, "area": r} for key, (e, r) in places.items()],
        )


def _code_rows(mentions: Iterable[Event]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for mention in mentions:
        if mention.days is None:
            continue
        first, last = mention.days
        long = (last - first).days > _SHORT_DAYS
        rows.extend(
            {
                "mention_id": mention.id,
                "code": code,
                "date": first.isoformat(),
                "last": last.isoformat(),
                "long": long,
            }
            for code in sorted(codes_of(mention))
        )
    return rows


def _rebuild(connection: Connection, event_ids: Iterable[str]) -> None:
    """Write the ``events`` rows of ``event_ids`` again from their mentions."""
    wanted = sorted(set(event_ids))
    if not wanted:
        return
    members: dict[str, list[Event]] = defaultdict(list)
    query = mentions_query().where(event_mentions.c.event_id.in_(wanted))
    for row in connection.execute(query).mappings():
        members[row["event_id"]].append(mention_from_row(row))
    _delete_events(connection, wanted)
    _write_events(connection, [event_of(key, found) for key, found in members.items()])


def _delete_events(connection: Connection, event_ids: Sequence[str]) -> None:
    connection.execute(delete(event_actors).where(event_actors.c.event_id.in_(event_ids)))
    connection.execute(delete(events).where(events.c.id.in_(event_ids)))


def _write_events(connection: Connection, merged: Sequence[Event]) -> None:
    if not merged:
        return
    connection.execute(events.insert(), [event_row(event) for event in merged])
    rows = [row for event in merged for row in actor_rows(event)]
    if rows:
        connection.execute(event_actors.insert(), rows)
