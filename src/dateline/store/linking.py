"""Writing events: an article's mentions stored and linked, and ``relink``.

The ``link`` stage decides; this module only gathers what it needs (the
stored mentions near the new ones, found through indexed columns) and
applies its decisions, inside the caller's transaction and under the link
lock (:func:`lock_links`), so that two writers never both find "no event"
for one happening. Every event touched is rebuilt from its own mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, delete, exists, func, select, update

from ..actors import UNKNOWN_CODE
from ..link import (
    SHORT_EVENT_DAYS,
    Stored,
    candidate_window,
    codes_of,
    event_of,
    is_named,
    link,
    linked,
    type_group,
)
from ..models import Event
from .rows import actor_rows, event_row, mention_from_row, mention_row, mentions_query
from .schema import (
    event_actors,
    event_mention_codes,
    event_mentions,
    events,
    store_info,
)

__all__ = ["LINK_LOCK", "RelinkReport", "lock_links", "relink", "save_mentions"]

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
    stored = _nearby(connection, mentions)
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
    by_id = {m.id: m for m in mentions}
    members: dict[str, list[Event]] = defaultdict(list)
    for key, event_id in links.event_of().items():
        if event_id is not None:
            members[event_id].append(by_id[key])
    _write_events(connection, [event_of(key, found) for key, found in members.items()])
    return RelinkReport(mentions=len(mentions), events=len(members))


def rebuild_codes(connection: Connection) -> None:
    """Index the actor codes and days of every stored mention again (after an upgrade)."""
    connection.execute(delete(event_mention_codes))
    mentions = [mention_from_row(row) for row in connection.execute(mentions_query()).mappings()]
    rows = _code_rows(mentions)
    if rows:
        connection.execute(event_mention_codes.insert(), rows)


# -- gathering what linking needs ----------------------------------------------


def _nearby(connection: Connection, mentions: Sequence[Event]) -> list[Stored]:
    """The stored mentions :func:`~dateline.link.link` needs: those near the new ones,
    with the whole of every region a new mention links to."""
    found: dict[str, Stored] = {}
    placed: set[str] = set()  # mentions naming no actor whose candidates are kept

    def keep(rows: Iterable[Any]) -> list[Stored]:
        kept = []
        for row in rows:
            if row["id"] not in found:
                found[row["id"]] = Stored(mention_from_row(row), row["event_id"], row["region"])
            kept.append(found[row["id"]])
        return kept

    def keep_corroborated(unnamed: Event) -> None:
        if unnamed.id not in placed:
            placed.add(unnamed.id)
            keep(_corroborated_by(connection, unnamed))

    regions: set[str] = set()
    for mention in mentions:
        if codes_of(mention):
            for item in keep(_named_near(connection, mention)):
                if item.region is not None and linked(mention, item.mention):
                    regions.add(item.region)
            # Stored mentions naming no actor that this one might be corroborated by
            # better than by what they joined: each is placed again among all it fits.
            for unnamed in keep(_unnamed_near(connection, mention)):
                if not is_named(unnamed.mention):
                    keep_corroborated(unnamed.mention)
        elif not is_named(mention):
            keep_corroborated(mention)
        # A mention whose actors nobody resolved links with nothing: nothing to gather.
    if regions:
        for item in keep(_region_members(connection, regions)):
            if not is_named(item.mention):
                keep_corroborated(item.mention)
    return list(found.values())


def _region_members(connection: Connection, regions: Iterable[str]) -> Iterable[Any]:
    query = mentions_query().where(event_mentions.c.region.in_(sorted(regions)))
    return connection.execute(query).mappings()


_CODES = event_mention_codes.c


def _candidates_by_code(long: bool) -> Select[Any]:
    starts = (
        _CODES.date <= bindparam("end")
        if long
        else _CODES.date.between(bindparam("earliest"), bindparam("end"))
    )
    return (
        mentions_query()
        .join(event_mention_codes, _CODES.mention_id == event_mentions.c.id)
        .where(
            _CODES.code.in_(bindparam("codes", expanding=True)),
            _CODES.long.is_(long),
            starts,
            _CODES.last >= bindparam("start"),
            event_mentions.c.type.in_(bindparam("types", expanding=True)),
        )
    )


# Built once, so that SQLAlchemy compiles them once: linking runs them for every mention.
# The (code, long, date) index narrows to one actor's mentions of a few days, plus its
# few long ones.
_SHORT_BY_CODE = _candidates_by_code(long=False)
_LONG_BY_CODE = _candidates_by_code(long=True)


def _named_near(connection: Connection, mention: Event) -> Iterable[Any]:
    """Stored named mentions sharing a code with ``mention``, of a compatible type, whose
    days touch its candidate window."""
    window = candidate_window(mention)
    if window is None:
        return []
    parameters = {
        "codes": sorted(codes_of(mention)),
        "types": sorted(type_group(mention.type)),
        "start": window[0],
        "end": window[1],
        "earliest": (date.fromisoformat(window[0]) - timedelta(days=SHORT_EVENT_DAYS)).isoformat(),
    }
    rows: list[Any] = []
    for query in (_SHORT_BY_CODE, _LONG_BY_CODE):
        rows.extend(connection.execute(query, parameters).mappings())
    return rows


_NAMED = exists().where(_CODES.mention_id == event_mentions.c.id)


def _unnamed_near(connection: Connection, mention: Event) -> Iterable[Any]:
    """Stored mentions naming no actor that might corroborate ``mention``: a compatible
    type, dated by their text within its span."""
    if mention.date is None or mention.date_source == "published":
        return []
    first = mention.date[:10]
    last = (mention.date_end or mention.date)[:10]
    query = mentions_query().where(
        ~_NAMED,
        event_mentions.c.date_source == "expression",
        event_mentions.c.type.in_(sorted(type_group(mention.type))),
        event_mentions.c.date <= last,
        func.coalesce(event_mentions.c.date_end, event_mentions.c.date) >= first,
    )
    return connection.execute(query).mappings()


def _corroborated_by(connection: Connection, mention: Event) -> Iterable[Any]:
    """Stored named mentions that ``mention`` (naming no actor) might corroborate: those
    dated the very day it is, or, for a vaguer span, those lasting several days that
    overlap it."""
    if mention.date is None or mention.date_source != "expression":
        return []
    first = mention.date[:10]
    last = (mention.date_end or mention.date)[:10]
    if last != first:
        when = and_(_CODES.date <= last, _CODES.last >= first, _CODES.last != _CODES.date)
    else:
        when = _CODES.date == first
    when = and_(when, _CODES.code != UNKNOWN_CODE)  # rows an older version indexed
    query = mentions_query().where(
        event_mentions.c.id.in_(select(_CODES.mention_id).where(when)),
        event_mentions.c.type.in_(sorted(type_group(mention.type))),
    )
    return connection.execute(query).mappings()


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
        long = (last - first).days > SHORT_EVENT_DAYS
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
