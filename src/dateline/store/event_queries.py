"""The queries of events: storing mentions linked to their events, and reading events."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, select

from ..actors import Actor
from ..link import candidate_window, choose_event, merge_mentions, type_group
from ..models import Event, Evidence
from .schema import articles, event_mention_codes, event_mentions

__all__ = ["save_events", "select_events"]


def save_events(connection: Connection, article_id: str, events: Sequence[Event]) -> None:
    """Store an article's coded mentions, each linked to the stored event it tells of
    (or starting a new one)."""
    for event in events:
        candidates = _link_candidates(connection, event)
        event_id = choose_event(event, candidates)
        if event_id is None:
            if not event.actors and not event.recipients:
                continue  # corroborates nothing stored: no event of its own
            event_id = event.id
        connection.execute(event_mentions.insert(), [_event_row(article_id, event, event_id)])
        codes = sorted({a.code for a in (*event.actors, *event.recipients)})
        # Only an event's first mentions are indexed for linking (its representatives).
        if codes and len(candidates.get(event_id, ())) < REPRESENTATIVES:
            last = event.date_end or event.date
            long = (
                last is not None
                and event.date is not None
                and (date.fromisoformat(last) - date.fromisoformat(event.date)).days
                > SHORT_EVENT_DAYS
            )
            connection.execute(
                event_mention_codes.insert(),
                [
                    {
                        "mention_id": event.id,
                        "code": c,
                        "date": event.date,
                        "last": last,
                        "long": long,
                    }
                    for c in codes
                ],
            )


# An event is found, when linking, through its first mentions only: a summit told
# by five hundred outlets is recognised by its first ten as well as by all of
# them, and the lookup stays small.
REPRESENTATIVES = 10


def select_events(
    connection: Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Iterable[str] | None = None,
) -> Iterator[Event]:
    """Stored events (each merged from all its mentions) in date order, undated last."""
    grouped: dict[str, list[Event]] = {}
    for row in connection.execute(
        _mentions_query().order_by(articles.c.seq, event_mentions.c.start)
    ).mappings():
        grouped.setdefault(row["event_id"], []).append(_event(row))
    wanted = set(types) if types else None
    events = [merge_mentions(mentions) for mentions in grouped.values()]
    events.sort(key=lambda e: (e.date is None, e.date or "", e.id))
    for event in events:
        if wanted is not None and event.type not in wanted:
            continue
        if since and (event.date_end or event.date or "") < since:
            continue
        if until and (event.date or "\uffff") > until + "\uffff":
            continue
        yield event


def _mentions_query() -> Select[Any]:
    return select(
        event_mentions,
        articles.c.file,
        articles.c.url,
        articles.c.published,
        articles.c.outlet,
    ).join(articles, articles.c.id == event_mentions.c.article_id)


def _link_candidates(connection: Connection, mention: Event) -> dict[str, list[Event]]:
    """Stored mentions an event could share with ``mention``: a shared actor code, a
    compatible type, nearby dates.

    Codes, dates and types are indexed, so this reads a handful of rows
    whatever the size of the store.
    """
    window = candidate_window(mention)
    codes = sorted({a.code for a in (*mention.actors, *mention.recipients)})
    if window is None:
        return {}
    if not codes:
        return _corroboration_candidates(connection, mention)
    parameters = {
        "codes": codes,
        "types": sorted(type_group(mention.type)),
        "start": window[0],
        "end": window[1],
        "earliest": (date.fromisoformat(window[0]) - timedelta(days=SHORT_EVENT_DAYS)).isoformat(),
    }
    grouped: dict[str, list[Event]] = {}
    seen: set[str] = set()
    for query in (_CANDIDATES_BY_CODE, _LONG_CANDIDATES_BY_CODE):
        for row in connection.execute(query, parameters).mappings():
            if row["id"] not in seen:  # a mention sharing two codes comes twice
                seen.add(row["id"])
                grouped.setdefault(row["event_id"], []).append(_stored_mention(connection, row))
    return grouped


# Mentions spanning more than this many days are "long": few, and looked up apart,
# so that the common short ones are found by a narrow scan of the index.
SHORT_EVENT_DAYS = 7

# Built once, so that SQLAlchemy compiles it once: linking runs it for every mention.
# The (code, long, date) index narrows to one actor's mentions of a few days, plus
# its few long ones; the queries start from that index so the planner uses it.
_CODES = event_mention_codes.c


def _candidates_by_code(long: bool) -> Select[Any]:
    starts = (
        _CODES.date <= bindparam("end")
        if long
        else _CODES.date.between(bindparam("earliest"), bindparam("end"))
    )
    return (
        _mentions_query()
        .join(event_mention_codes, _CODES.mention_id == event_mentions.c.id)
        .where(
            _CODES.code.in_(bindparam("codes", expanding=True)),
            _CODES.long.is_(long),
            starts,
            _CODES.last >= bindparam("start"),
            event_mentions.c.type.in_(bindparam("types", expanding=True)),
        )
    )


_CANDIDATES_BY_CODE = _candidates_by_code(long=False)
_LONG_CANDIDATES_BY_CODE = _candidates_by_code(long=True)


def _corroboration_candidates(connection: Connection, mention: Event) -> dict[str, list[Event]]:
    """Representative mentions of a compatible type that a mention naming no actor may
    corroborate: those dated the very day it is, or, for a vaguer span ("in September
    2020"), those lasting several days that overlap it."""
    if mention.date_end and mention.date_end != mention.date:
        when = and_(
            _CODES.date <= mention.date_end,
            _CODES.last >= mention.date,
            _CODES.last != _CODES.date,
        )
    else:
        when = _CODES.date == mention.date
    query = (
        _mentions_query()
        .join(event_mention_codes, _CODES.mention_id == event_mentions.c.id)
        .where(when, event_mentions.c.type.in_(sorted(type_group(mention.type))))
        .distinct()
        .limit(20 * REPRESENTATIVES)
    )
    grouped: dict[str, list[Event]] = {}
    for row in connection.execute(query).mappings():
        grouped.setdefault(row["event_id"], []).append(_stored_mention(connection, row))
    return grouped


# Stored mentions never change, and linking reads an event's representatives
# again for every new mention near them: keep the recent ones read.
_MENTIONS: OrderedDict[tuple[int, str], Event] = OrderedDict()
_MENTIONS_KEPT = 20_000


def _stored_mention(connection: Connection, row: Any) -> Event:
    key = (id(connection.engine), row["id"])
    found = _MENTIONS.get(key)
    if found is None:
        found = _MENTIONS[key] = _event(row)
        if len(_MENTIONS) > _MENTIONS_KEPT:
            _MENTIONS.popitem(last=False)
    return found


def _event_row(article_id: str, event: Event, event_id: str) -> dict[str, Any]:
    [evidence] = event.mentions
    return {
        "id": event.id,
        "event_id": event_id,
        "article_id": article_id,
        "type": event.type,
        "mode": event.mode,
        "contexts": json.dumps(list(event.contexts)),
        "actors": json.dumps([a.to_dict() for a in event.actors], ensure_ascii=False),
        "recipients": json.dumps([a.to_dict() for a in event.recipients], ensure_ascii=False),
        "date": event.date,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "status": event.status,
        "speaker": event.speaker,
        "place_name": event.place_name,
        "place_country": event.place_country,
        "magnitude": json.dumps(dict(event.magnitude)),
        "confidence": event.confidence,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "trigger": evidence.trigger,
    }


def _event(row: Any) -> Event:
    evidence = Evidence(
        doc=row["article_id"],
        file=row["file"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        trigger=row["trigger"],
        url=row["url"],
        published=row["published"],
        outlet=row["outlet"],
    )
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        actors=tuple(Actor.from_dict(a) for a in json.loads(row["actors"])),
        recipients=tuple(Actor.from_dict(a) for a in json.loads(row["recipients"])),
        date=row["date"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        date_source=row["date_source"],
        status=row["status"],
        mentions=(evidence,),
        contexts=tuple(json.loads(row["contexts"])),
        speaker=row["speaker"],
        place_name=row["place_name"],
        place_country=row["place_country"],
        magnitude=tuple(json.loads(row["magnitude"]).items()),
        confidence=row["confidence"],
        cameo=row["cameo"],
        goldstein=row["goldstein"],
    )
