"""Which events a timeline shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..events.ontology import event_type
from ..models import Event

__all__ = ["QUAD_CLASSES", "TimelineQuery", "select"]

QUAD_CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


@dataclass(frozen=True)
class TimelineQuery:
    """A reader's question. Empty fields ask nothing.

    ``actors``: events with any of these codes among actors or recipients;
    ``dyad``: events with one code on each side (either way round);
    ``since``/``until``: ISO dates (or prefixes: "2020-11") the event touches;
    ``text``: words that must all appear in an evidence sentence.
    """

    actors: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    quad_classes: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    text: str | None = None
    include_negated: bool = False


def select(events: Iterable[Event], query: TimelineQuery) -> Iterator[Event]:
    """The events that answer ``query``, in the order given."""
    for event in events:
        if _matches(event, query):
            yield event


def _matches(event: Event, query: TimelineQuery) -> bool:
    actors = {a.code for a in event.actors}
    recipients = {a.code for a in event.recipients}
    everyone = actors | recipients
    checks = (
        query.include_negated or event.status != "negated",
        not query.actors or bool(everyone & {code.upper() for code in query.actors}),
        query.dyad is None or _has_dyad(actors, recipients, everyone, query.dyad),
        not query.types or event.type in {t.upper() for t in query.types},
        not query.quad_classes or event_type(event.type).quad_class in query.quad_classes,
        not query.since or (event.date_end or event.date or "") >= query.since,
        not query.until or (event.date or "\uffff")[: len(query.until)] <= query.until,
        not query.outlet
        or any((m.outlet or "").casefold() == query.outlet.casefold() for m in event.mentions),
        not query.text or _has_words(event, query.text),
    )
    return all(checks)


def _has_dyad(
    actors: set[str], recipients: set[str], everyone: set[str], dyad: tuple[str, str]
) -> bool:
    first, second = (code.upper() for code in dyad)
    if recipients:
        return (first in actors and second in recipients) or (
            second in actors and first in recipients
        )
    return {first, second} <= everyone


def _has_words(event: Event, text: str) -> bool:
    sentences = " ".join(m.sentence for m in event.mentions).casefold()
    return all(word in sentences for word in text.casefold().split())
