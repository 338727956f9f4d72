"""From event mentions with raw spans to coded events.

:func:`find_mentions` reads what the sentence says; this module asks the
other stages what it means, through their public functions only:

- ``actors.resolve_span`` turns each role span into actors (a group
  reference such as "the two presidents" into the people it stands for);
- ``time.clause_date`` gives the date the trigger's clause talks about,
  else the passage's reference date, else the publication date;
- the place span becomes a geocoded place through ``places`` (the
  countries it and the article name decide between places of one name);
  a place the gazetteer lacks takes its country from the actor resolver
  ("in Bucharest" is in ROU); a sentence that names no place takes the
  article's dateline.

An event whose date lies years before its article is ``historical``
background. A hypothetical act ("talks to provide aid", "obliged X to
withdraw") is dropped, as a careful coder would: it is a topic, not
something that happened, was promised or was refused. A role span that
names someone the actors stage does not know ("Nirmal Jain") is an actor of
unknown country (``---``). A mention with no actor at all is kept when it
is dated by its own words (the link stage lets it corroborate an event
another sentence names: "the agreement reached on 10 November" beside "the
leaders signed the statement on November 10"), or when the learned coder is
sure of it (the acts of one-sentence records often name no one: "Shops
closed as workers went on strike").

A visit's recipient is the host: when the text names only the place
("talks held in Doha"), the place's country is the recipient.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..actors import UNKNOWN_CODE, Actor, ActorMemory, resolve_span
from ..coder import EventCoder
from ..models import Article, Event, Evidence
from ..places import Place, country_place, dateline_place, gazetteer, resolve_place
from ..time import ClauseDate, TimeValue, clause_date
from .mentions import find_mentions
from .status import is_historical
from .values import EventMention, SpanRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["code_events"]

# Entity labels of place names ("Kharkiv" is a GPE, "the Sinai" a LOC).
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# How sure the learned coder must be to keep an act whose actors nobody names.
UNNAMED_CONFIDENCE = 0.7


def code_events(
    doc: Doc,
    article: Article,
    memory: ActorMemory,
    time_values: Sequence[TimeValue],
    *,
    anchor: date | None,
    coder: EventCoder | None = None,
) -> list[Event]:
    """The coded events of one parsed article, in text order.

    ``memory`` must already hold the article's actor mentions
    (``actors.resolve_doc`` ran on ``doc``); ``anchor`` is the day the
    article is read against (its publication day when known); without one,
    an event that no written date places has no date (``date_precision``
    "none").
    """
    events = []
    where: _ArticlePlaces | None = None
    for mention in find_mentions(doc, coder=coder):
        where = where or _article_places(article, memory)
        event = _code(doc, article, mention, memory, time_values, anchor, where)
        if event is not None:
            events.append(event)
    return events


def _code(
    doc: Doc,
    article: Article,
    mention: EventMention,
    memory: ActorMemory,
    time_values: Sequence[TimeValue],
    anchor: date | None,
    where: _ArticlePlaces,
) -> Event | None:
    if mention.status == "hypothetical":
        return None
    published = article.published_date
    # Unnamed actors ("gunmen") whose sentence names no country take the dateline's.
    place = article.dateline_place
    actors = _actors(doc, mention.actor_spans, published, memory, place)
    recipients = tuple(
        a
        for a in _actors(doc, mention.recipient_spans, published, memory, place, target=True)
        if a not in actors
    )
    trigger = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if trigger is None:  # offsets come from this doc's tokens, so this cannot happen
        return None
    when = clause_date(trigger, time_values, anchor)
    if not (actors or recipients or _dated_by_its_words(when) or _sure(mention)):
        return None
    said = _place(doc, mention.place, published, memory, where.countries)
    if said is not None and said.lat is None:
        said = None  # a name nobody can place ("the South") says less than the dateline
    host = said.country if said else None
    if (
        host is not None
        and mention.place is not None
        and _hosted_by_place(mention, actors, recipients, host)
    ):
        words, first, last = mention.place
        recipients = (*recipients, Actor(host, "GOV").read_from(words, first, last))
    status = mention.status
    if status == "occurred" and when and anchor and is_historical(when.end, anchor):
        status = "historical"
    contexts = tuple(dict.fromkeys(c for a in (*actors, *recipients) for c in a.contexts))
    # spaCy's sentences carry the white space that follows them.
    sentence = mention.sentence.strip()
    start = mention.start + len(mention.sentence) - len(mention.sentence.lstrip())
    return Event(
        id=_event_id(article.id, mention),
        type=mention.type,
        mode=mention.mode,
        actors=actors,
        recipients=recipients,
        date=when.start.isoformat() if when else None,
        date_end=when.end.isoformat() if when and when.end != when.start else None,
        date_precision=when.precision if when else "none",
        date_source=when.source if when else None,
        status=status,
        mentions=(
            Evidence(
                doc=article.id,
                file=article.file,
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                trigger=mention.trigger,
                url=article.url,
                published=article.published,
                outlet=article.outlet,
            ),
        ),
        contexts=tuple(sorted(set(mention.contexts) | set(contexts))),
        speaker=mention.speaker[0] if mention.speaker else None,
        place=said or where.dateline,
        magnitude=tuple(mention.magnitude.to_dict().items()),
        confidence=mention.confidence,
        cameo=mention.cameo,
        goldstein=mention.goldstein,
    )


def _dated_by_its_words(when: ClauseDate | None) -> bool:
    return when is not None and when.source == "expression"


def _sure(mention: EventMention) -> bool:
    """An act the learned coder is sure of stands without a named actor (without
    the coder: one whose calibrated confidence is as high)."""
    sureness = mention.probability if mention.probability is not None else mention.confidence
    return sureness >= UNNAMED_CONFIDENCE


def _actors(
    doc: Doc,
    spans: Sequence[SpanRef],
    published: date | None,
    memory: ActorMemory,
    place: str | None = None,
    *,
    target: bool = False,
) -> tuple[Actor, ...]:
    found: list[Actor] = []
    for _text, start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        resolved = resolve_span(span, published, memory, place=place, target=target)
        for actor in resolved if isinstance(resolved, tuple) else (resolved,):
            if actor is not None and actor not in found:
                found.append(actor)
    return tuple(found)


def _hosted_by_place(
    mention: EventMention,
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    place_country: str | None,
) -> bool:
    if mention.mode != "visit" or place_country is None:
        return False
    return all(a.code != place_country for a in (*actors, *recipients))


@dataclass(frozen=True)
class _ArticlePlaces:
    """What the article says about places, read once: the countries it names, each with
    its share of the country mentions, and its dateline's place."""

    countries: dict[str, float]
    dateline: Place | None


def _article_places(article: Article, memory: ActorMemory) -> _ArticlePlaces:
    # A name of places in several countries ("Tripoli") does not vote for the one the
    # actors stage read it as.
    named = Counter(
        m.actor.code
        for m in memory.document_mentions()
        if m.how != "generic"
        and gazetteer().country(m.actor.code) is not None
        and len({f.country for f, _ in gazetteer().lookup(m.text)}) < 2
    )
    total = sum(named.values())
    countries = {code: count / total for code, count in named.items()}
    return _ArticlePlaces(countries, dateline_place(article, article_countries=countries))


def _place(
    doc: Doc,
    place: SpanRef | None,
    published: date | None,
    memory: ActorMemory,
    article_countries: dict[str, float],
) -> Place | None:
    """The sentence's place, geocoded: the countries named within its phrase ("the
    Ukrainian city of Kharkiv") and in the article choose between places of one name;
    a place the gazetteer lacks is placed in the country the actors stage reads in it
    (a capital, a seat of power, a country), at that country's point."""
    if place is None:
        return None
    name, start, end = place
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return Place(name=name, source="sentence")
    within = [
        m
        for m in memory.mentions_within(span.start_char, span.end_char)
        if m.how != "generic"  # "in the refugee camp" names no country
    ]
    named = [m.actor for m in within]
    if not named:
        resolved = resolve_span(span, published, memory)
        named = list(resolved) if isinstance(resolved, tuple) else [resolved] if resolved else []
    countries = [a.code for a in named if a.sector != "IGO" and a.code != UNKNOWN_CODE]
    names = _place_names(span)
    # The countries the phrase names besides the place ("Ukrainian" in "the Ukrainian city
    # of Kharkiv"), not the one the place's own name stands for ("Tripoli" for Libya).
    near = [m.actor.code for m in within if m.text not in names and m.actor.code in countries]
    found = resolve_place(names, "sentence", near=near, article=article_countries)
    if found is not None:
        return found
    return (
        country_place(countries[0], name, "sentence")
        if countries
        else Place(name, source="sentence")
    )


def _place_names(span: Span) -> list[str]:
    """Readings of a place phrase, widest first: the phrase without its article, then its
    runs of proper names from the last ("the Ukrainian city of Kharkiv": Kharkiv)."""
    words = list(span)
    while words and words[0].pos_ == "DET":
        words = words[1:]
    names = [span.doc[words[0].i : words[-1].i + 1].text] if words else []
    runs: list[list[Token]] = []
    for token in words:
        if token.pos_ == "PROPN" and token.ent_type_ != "NORP" or token.ent_type_ in _PLACE_ENTS:
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
    for run in reversed(runs):
        text = span.doc[run[0].i : run[-1].i + 1].text
        if text not in names:
            names.append(text)
    return names


def _event_id(article_id: str, mention: EventMention) -> str:
    key = f"{article_id}:{mention.trigger_start}:{mention.trigger_end}:{mention.type}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
