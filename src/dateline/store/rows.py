"""Models to table rows and back: what the write side stores, the read side reads.

An event is stored twice over: each of its mentions in ``event_mentions``
(one coded sentence, as the pipeline made it), and the event merged from all
of them in ``events`` and ``event_actors``, so that a reader gets an event
without reading its neighbours' mentions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, select

from ..actors import Actor, ActorMention
from ..events.ontology import known_event_type
from ..models import Article, Event, Evidence
from ..places.values import place_fields, place_from_fields
from ..time.values import TimeValue
from .schema import articles, event_mentions

__all__ = [
    "actor_mention_from_row",
    "actor_rows",
    "article_from_row",
    "event_from_row",
    "event_row",
    "evidence_from_row",
    "mention_from_row",
    "mentions_query",
    "mention_row",
    "time_from_row",
    "time_row",
]

# Undated events sort after every dated one.
UNDATED = date.max


def event_row(event: Event) -> dict[str, Any]:
    """The ``events`` row of a merged event."""
    first = _day(event.date)
    last = _day(event.date_end) or first
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "quad_class": _quad_class(event.type),
        "status": event.status,
        "date": event.date,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "first_day": first,
        "last_day": last,
        "sort_day": first or UNDATED,
        "contexts": json.dumps(list(event.contexts)),
        "speaker": event.speaker,
        **place_fields(event.place),
        "magnitude": json.dumps(dict(event.magnitude)),
        "confidence": event.confidence,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "sources": event.sources,
        "mention_count": len(event.mentions),
        "has_recipients": bool(event.recipients),
        "disagreements": json.dumps(list(event.disagreements), ensure_ascii=False),
    }


def actor_rows(event: Event) -> list[dict[str, Any]]:
    """The ``event_actors`` rows of a merged event, in the order the event lists them."""
    return [
        {
            "event_id": event.id,
            "role": role,
            "position": position,
            "code": actor.code,
            "sector": actor.sector,
            "name": actor.name,
            "office": actor.office,
            "contexts": json.dumps(list(actor.contexts)),
            "text": actor.text,
            "start": actor.start,
            "end": actor.end,
        }
        for role, group in (("actor", event.actors), ("recipient", event.recipients))
        for position, actor in enumerate(group)
    ]


def event_from_row(
    row: Mapping[Any, Any], actors: Iterable[Mapping[Any, Any]], mentions: Iterable[Evidence]
) -> Event:
    """The event of an ``events`` row, its ``event_actors`` rows and its mentions' evidence."""
    ordered = sorted(actors, key=lambda a: (a["role"] != "actor", a["position"]))
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        actors=tuple(_actor(a) for a in ordered if a["role"] == "actor"),
        recipients=tuple(_actor(a) for a in ordered if a["role"] == "recipient"),
        date=row["date"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        date_source=row["date_source"],
        status=row["status"],
        mentions=tuple(mentions),
        contexts=tuple(json.loads(row["contexts"] or "[]")),
        speaker=row["speaker"],
        place=place_from_fields(row),
        magnitude=tuple(json.loads(row["magnitude"] or "{}").items()),
        confidence=row["confidence"],
        cameo=row["cameo"],
        goldstein=row["goldstein"],
        disagreements=tuple(json.loads(row["disagreements"] or "[]")),
    )


def mention_row(article_id: str, mention: Event, event_id: str | None) -> dict[str, Any]:
    """The ``event_mentions`` row of a one-mention event, told of by event ``event_id``."""
    [evidence] = mention.mentions
    return {
        "id": mention.id,
        "event_id": event_id,
        "article_id": article_id,
        "type": mention.type,
        "mode": mention.mode,
        "contexts": json.dumps(list(mention.contexts)),
        "actors": json.dumps([a.to_dict() for a in mention.actors], ensure_ascii=False),
        "recipients": json.dumps([a.to_dict() for a in mention.recipients], ensure_ascii=False),
        "date": mention.date,
        "date_end": mention.date_end,
        "date_precision": mention.date_precision,
        "date_source": mention.date_source,
        "status": mention.status,
        "speaker": mention.speaker,
        **place_fields(mention.place),
        "magnitude": json.dumps(dict(mention.magnitude)),
        "confidence": mention.confidence,
        "cameo": mention.cameo,
        "goldstein": mention.goldstein,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "trigger": evidence.trigger,
    }


def mentions_query() -> Select[Any]:
    """``event_mentions`` joined with their article's ``file``, ``url``, ``published`` and
    ``outlet``: the rows :func:`mention_from_row` and :func:`evidence_from_row` read."""
    return select(
        event_mentions,
        articles.c.file,
        articles.c.url,
        articles.c.published,
        articles.c.outlet,
    ).join(articles, articles.c.id == event_mentions.c.article_id)


def evidence_from_row(row: Mapping[Any, Any]) -> Evidence:
    """The evidence of an ``event_mentions`` row joined with its article's
    ``file``, ``url``, ``published`` and ``outlet``."""
    return Evidence(
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


def mention_from_row(row: Mapping[Any, Any]) -> Event:
    """The one-mention event of an ``event_mentions`` row joined with its article's
    ``file``, ``url``, ``published`` and ``outlet``."""
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        actors=_actors_of(row["actors"]),
        recipients=_actors_of(row["recipients"]),
        date=row["date"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        date_source=row["date_source"],
        status=row["status"],
        mentions=(evidence_from_row(row),),
        contexts=_strings_of(row["contexts"]),
        speaker=row["speaker"],
        place=place_from_fields(row),
        magnitude=_magnitude_of(row["magnitude"]),
        confidence=row["confidence"],
        cameo=row["cameo"],
        goldstein=row["goldstein"],
    )


# A corpus names the same few actors again and again: each JSON text is read once.
@lru_cache(maxsize=65536)
def _actors_of(text: str) -> tuple[Actor, ...]:
    return tuple(Actor.from_dict(a) for a in json.loads(text))


@lru_cache(maxsize=4096)
def _strings_of(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@lru_cache(maxsize=4096)
def _magnitude_of(text: str) -> tuple[tuple[str, int], ...]:
    return tuple(json.loads(text).items())


def article_from_row(row: Mapping[Any, Any]) -> Article:
    """The article of an ``articles`` row."""
    return Article(
        id=row["id"],
        file=row["file"],
        source=row["source"],
        body=row["body"],
        title=row["title"],
        published=row["published"],
        published_precision=row["published_precision"],
        published_source=row["published_source"],
        outlet=row["outlet"],
        authors=tuple(json.loads(row["authors"] or "[]")),
        url=row["url"],
        dateline_place=row["dateline_place"],
        language=row["language"],
    )


def actor_mention_from_row(row: Mapping[Any, Any]) -> ActorMention:
    """The actor mention of an ``actor_mentions`` row."""
    return ActorMention(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        actor=_actor(row),
        how=row["how"],
        sentence=row["sentence"],
        is_place=bool(row["is_place"]),
    )


def time_row(article_id: str, value: TimeValue) -> dict[str, Any]:
    """The ``time_expressions`` row of one time expression of an article."""
    return {
        "article_id": article_id,
        "start": value.start_char,
        "end": value.end_char,
        "text": value.text,
        "type": value.type,
        "value": value.value,
        "precision": value.precision,
        "anchoring": value.anchoring,
        "mod": value.mod,
        "first_day": value.start.isoformat() if value.start else None,
        "last_day": value.end.isoformat() if value.end else None,
    }


def time_from_row(row: Mapping[Any, Any]) -> TimeValue:
    """The time expression of a ``time_expressions`` row (a range's own days only)."""
    return TimeValue(
        text=row["text"],
        start_char=row["start"],
        end_char=row["end"],
        type=row["type"],
        value=row["value"],
        start=_day(row["first_day"]),
        end=_day(row["last_day"]),
        precision=row["precision"],
        anchoring=row["anchoring"],
        mod=row["mod"],
    )


def _actor(row: Mapping[Any, Any]) -> Actor:
    return Actor(
        code=row["code"],
        sector=row["sector"],
        name=row["name"],
        office=row["office"],
        contexts=tuple(json.loads(row["contexts"] or "[]")),
        text=row["text"],
        start=row["start"],
        end=row["end"],
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _quad_class(type_name: str) -> str | None:
    known = known_event_type(type_name)
    return known.quad_class if known else None
