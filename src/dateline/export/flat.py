"""One event as one flat, typed record: what the CSV and Parquet exports share.

:class:`FlatEvent` turns the nested :class:`~dateline.models.Event` into
columns a spreadsheet or a data frame can hold: magnitude split into one
column per count, the first mention's source in its own columns, counts of
mentions, outlets and articles. Values keep their types (dates, numbers,
actor tuples) so that each format decides how to spell them.
:func:`event_record` is the looser record of ``Store.to_pandas``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import Any

from ..actors.values import Actor
from ..events.ontology import EventType, known_event_type
from ..events.values import MAGNITUDE_KINDS
from ..models import Event, Evidence
from ..places.values import PLACE_FIELDS, place_fields

__all__ = [
    "EVENT_COLUMNS",
    "FLAT_COLUMNS",
    "MAGNITUDE_KINDS",
    "QUAD_CLASS_NUMBERS",
    "FlatEvent",
    "actor_label",
    "actor_labels",
    "event_record",
    "first_day_of",
    "flat_event",
    "quad_class_number",
]


# CAMEO's (and GDELT's) numbering of the four quad classes.
QUAD_CLASS_NUMBERS = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}


@dataclass(frozen=True)
class FlatEvent:
    """An event as one row: every field a scalar, a date, or a tuple of actors or strings."""

    id: str
    type: str
    mode: str | None
    quad_class: int | None
    cameo: str | None
    goldstein: float | None
    status: str
    date: datetime.date | None
    date_end: datetime.date | None
    date_precision: str | None
    date_source: str | None
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    speaker: str | None
    place_name: str | None
    place_country: str | None
    place_admin1: str | None
    place_lat: float | None
    place_lon: float | None
    place_source: str | None
    place_geonameid: int | None
    killed: int | None
    injured: int | None
    displaced: int | None
    arrested: int | None
    size: int | None
    confidence: float
    contexts: tuple[str, ...]
    disagreements: tuple[str, ...]
    num_mentions: int
    num_sources: int
    num_articles: int
    first_doc: str | None
    first_file: str | None
    first_url: str | None
    first_published: str | None
    first_outlet: str | None
    first_sentence: str | None


FLAT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(FlatEvent))


def flat_event(event: Event) -> FlatEvent:
    """The event as one flat record; CAMEO code and Goldstein score fall back to its type's."""
    known = known_event_type(event.type)  # a dropped type is exported uncoded
    # The counts the events stage reads from text; each has its own column.
    counts: dict[str, Any] = {kind: dict(event.magnitude).get(kind) for kind in MAGNITUDE_KINDS}
    first: Evidence | None = event.mentions[0] if event.mentions else None
    return FlatEvent(
        id=event.id,
        type=event.type,
        mode=event.mode,
        quad_class=QUAD_CLASS_NUMBERS[known.quad_class] if known else None,
        cameo=event.cameo or (known.cameo if known else None),
        goldstein=event.goldstein if event.goldstein is not None else _goldstein(known),
        status=event.status,
        date=first_day_of(event.date),
        date_end=first_day_of(event.date_end),
        date_precision=event.date_precision,
        date_source=event.date_source,
        actors=event.actors,
        recipients=event.recipients,
        speaker=event.speaker,
        **place_fields(event.place),
        **counts,
        confidence=event.confidence,
        contexts=event.contexts,
        disagreements=event.disagreements,
        num_mentions=len(event.mentions),
        num_sources=event.sources,
        num_articles=len({m.doc for m in event.mentions}),
        first_doc=first.doc if first else None,
        first_file=first.file if first else None,
        first_url=first.url if first else None,
        first_published=first.published if first else None,
        first_outlet=first.outlet if first else None,
        first_sentence=first.sentence if first else None,
    )


def quad_class_number(type_name: str) -> int | None:
    """The quad class (1 verbal cooperation .. 4 material conflict) of a PLOVER type."""
    known = known_event_type(type_name)
    return QUAD_CLASS_NUMBERS[known.quad_class] if known else None


def first_day_of(value: str | None) -> datetime.date | None:
    """The first day an ISO date names: "2020-11-24", "2020-11" and "2020" all have one."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return datetime.date(year, month, day)
    except ValueError:
        return None  # "XXXX-11-06": a day without a year is no day


def actor_label(actor: Actor) -> str:
    """``CODE:SECTOR:name``, with empty trailing parts dropped: ``KEN:GOV:William Ruto``, ``UNO:IGO``."""
    # The list separator must not occur inside a label.
    parts = [actor.code, actor.sector or "", (actor.name or "").replace(";", ",")]
    while parts and not parts[-1]:
        parts.pop()
    return ":".join(parts)


def actor_labels(actors: tuple[Actor, ...]) -> str:
    """Actors as labels joined by ``;``."""
    return ";".join(actor_label(a) for a in actors)


# The columns of Store.to_pandas: nested values (actors, magnitude) kept as lists and dicts.
EVENT_COLUMNS = (
    "id",
    "type",
    "mode",
    "quad_class",
    "date",
    "date_end",
    "date_precision",
    "date_source",
    "status",
    "actors",
    "recipients",
    "speaker",
    *PLACE_FIELDS,
    "magnitude",
    "confidence",
    "cameo",
    "goldstein",
    "sources",
    "mentions",
    "disagreements",
)


def event_record(event: Event) -> dict[str, Any]:
    """An event as one flat record of :data:`EVENT_COLUMNS` (a row of ``Store.to_pandas``)."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "quad_class": known.quad_class if (known := known_event_type(event.type)) else None,
        "date": event.date,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "status": event.status,
        "actors": [a.label for a in event.actors],
        "recipients": [a.label for a in event.recipients],
        "speaker": event.speaker,
        **place_fields(event.place),
        "magnitude": dict(event.magnitude),
        "confidence": event.confidence,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "sources": event.sources,
        "mentions": len(event.mentions),
        "disagreements": list(event.disagreements),
    }


def _goldstein(known: EventType | None) -> float | None:
    return known.goldstein if known else None
