"""What the pages show, built from the store's records before any template sees them.

- :func:`timeline_view`: a page of events by day, with the cursors of the
  pages before and after it;
- :func:`passages`: each source of an event, its evidence sentence in its
  paragraph of the article, the trigger word apart;
- :func:`recognised`: how each actor of an event was recognised in its
  sentences;
- :func:`safe_link`, :func:`quad_of`, :func:`shown_source`: what templates
  call.

(An article's marked body is :mod:`.marks`.)

Everything here is plain text; the templates escape it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from urllib.parse import urlsplit

from ..actors import ActorMention
from ..api import Store
from ..events.ontology import known_event_type
from ..models import Article, Event, Evidence
from ..query import TimelineQuery
from .marks import HOW_WORDS, Recognition, recognitions
from .params import Filters, Paging, cursor_of

__all__ = [
    "UPLOAD_PREFIX",
    "ActorWords",
    "Passage",
    "actor_words",
    "TimelineView",
    "page_of",
    "passages",
    "quad_of",
    "recognised",
    "safe_link",
    "shown_source",
    "timeline_view",
]

# The temporary folders of the ingest form's uploads are named with this prefix.
UPLOAD_PREFIX = "dateline-upload-"
# The sources of an event whose sentences say how its actors were recognised.
RECOGNITION_SOURCES = 50


@dataclass(frozen=True)
class TimelineView:
    """One page of the timeline."""

    days: list[tuple[str, list[Event]]]
    count: int
    shown: int
    next_cursor: str | None
    previous_cursor: str | None


def timeline_view(store: Store, filters: Filters, paging: Paging) -> TimelineView:
    """The page ``paging`` asks of the events ``filters`` asks, grouped by day."""
    query = filters.query()
    found, after, previous = page_of(store, query, paging)
    days = [
        (day, list(group))
        for day, group in groupby(found, key=lambda e: e.date[:10] if e.date else "undated")
    ]
    return TimelineView(days, store.count_events(query), len(found), after, previous)


def page_of(
    store: Store, query: TimelineQuery, paging: Paging
) -> tuple[list[Event], str | None, str | None]:
    """The page's events, the cursor of the next page and that of the previous one
    (None: there is none)."""
    if paging.before:
        # The page before: read backwards from the cursor, then turn it round.
        found, more = store.events_page(
            query, limit=paging.limit, after=paging.before, descending=not paging.descending
        )
        found.reverse()
        previous = cursor_of(found[0]) if more and found else None
        return found, (cursor_of(found[-1]) if found else paging.before), previous
    found, after = store.events_page(
        query, limit=paging.limit, after=paging.after, descending=paging.descending
    )
    return found, after, (cursor_of(found[0]) if paging.after and found else None)


# An event's sources --------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """One source of an event: the evidence sentence in its paragraph.

    ``before`` + ``lead`` + ``trigger`` + ``tail`` + ``after`` is the
    paragraph; ``lead`` + ``trigger`` + ``tail`` the sentence. Without the
    article's body (``found`` False) only the sentence is known.
    """

    evidence: Evidence
    title: str | None
    before: str
    lead: str
    trigger: str
    tail: str
    after: str
    found: bool
    # The sentence cut into pieces: (text, "trigger", "actor" or None, title): the
    # trigger, and the words naming each of the event's actors, marked.
    pieces: tuple[tuple[str, str | None, str], ...] = ()


ActorWords = dict[tuple[str, int, int], list[ActorMention]]


def passages(store: Store, event: Event, within: ActorWords | None = None) -> list[Passage]:
    """Each mention of ``event`` with its paragraph, read from the stored articles (one
    query for all of them), the words naming its actors marked (``within``: the actor
    mentions inside each evidence sentence, as :func:`actor_words` reads them)."""
    docs = list(dict.fromkeys(evidence.doc for evidence in event.mentions))
    bodies = {article.id: article for article in store.articles(ids=docs)}
    within = within or {}
    codes = {actor.code for actor in (*event.actors, *event.recipients)}
    return [
        _with_actor_words(
            _passage(evidence, bodies.get(evidence.doc)),
            within.get((evidence.doc, evidence.start, evidence.end), []),
            codes,
        )
        for evidence in event.mentions
    ]


def actor_words(store: Store, event: Event) -> ActorWords:
    """The actor mentions (not places) inside the evidence sentences of ``event``'s first
    :data:`RECOGNITION_SOURCES` mentions, by (article id, start, end) of the sentence."""
    spans = [(m.doc, m.start, m.end) for m in event.mentions[:RECOGNITION_SOURCES]]
    return store.actor_mentions_within(spans)


def recognised(
    store: Store, event: Event, within: ActorWords | None = None
) -> tuple[list[Recognition], list[Recognition]]:
    """How each actor and each recipient of ``event`` was recognised, read from the actor
    mentions inside its evidence sentences (those of its first
    :data:`RECOGNITION_SOURCES` mentions)."""
    within = within if within is not None else actor_words(store, event)
    spans = [(m.doc, m.start, m.end) for m in event.mentions[:RECOGNITION_SOURCES]]
    sentences = [within.get(span, []) for span in dict.fromkeys(spans)]
    return recognitions(event.actors, sentences), recognitions(event.recipients, sentences)


def _with_actor_words(
    passage: Passage, mentions: Sequence[ActorMention], codes: set[str]
) -> Passage:
    """The passage with its sentence in pieces: the trigger, and each mention naming one
    of ``codes`` (its title: who, and how it was recognised); marks never overlap (the
    trigger first, then from the left)."""
    sentence = passage.lead + passage.trigger + passage.tail
    marks: list[tuple[int, int, str, str]] = []
    if passage.trigger:
        at = len(passage.lead)
        marks.append((at, at + len(passage.trigger), "trigger", "the trigger word"))
    start = passage.evidence.start
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        begin, end = mention.start - start, mention.end - start
        if mention.is_place or mention.actor.code not in codes or not passage.found:
            continue
        if not (0 <= begin < end <= len(sentence)) or sentence[begin:end] != mention.text:
            continue
        if any(begin < b and a < end for a, b, _, _ in marks):
            continue
        how = HOW_WORDS.get(mention.how, mention.how)
        marks.append((begin, end, "actor", f"{mention.actor.label}: {how}"))
    pieces: list[tuple[str, str | None, str]] = []
    cursor = 0
    for begin, end, kind, title in sorted(marks):
        if begin > cursor:
            pieces.append((sentence[cursor:begin], None, ""))
        pieces.append((sentence[begin:end], kind, title))
        cursor = end
    if cursor < len(sentence):
        pieces.append((sentence[cursor:], None, ""))
    return replace(passage, pieces=tuple(pieces))


def _passage(evidence: Evidence, article: Article | None) -> Passage:
    sentence = evidence.sentence
    before = after = ""
    found = False
    if article is not None and 0 <= evidence.start < evidence.end <= len(article.body):
        body = article.body
        if _same_text(body[evidence.start : evidence.end], sentence):
            sentence = body[evidence.start : evidence.end]
            first = body.rfind("\n", 0, evidence.start) + 1
            last = body.find("\n", evidence.end)
            before = body[first : evidence.start]
            after = body[evidence.end : last if last >= 0 else len(body)]
            found = True
    lead, trigger, tail = _split_trigger(sentence, evidence.trigger)
    title = article.title if article else None
    return Passage(evidence, title, before, lead, trigger, tail, after, found)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _split_trigger(sentence: str, trigger: str) -> tuple[str, str, str]:
    """The sentence cut around the first whole-word occurrence of the trigger."""
    if trigger.strip():
        match = re.search(rf"(?<!\w){re.escape(trigger.strip())}(?!\w)", sentence, re.IGNORECASE)
        if match:
            return sentence[: match.start()], match.group(0), sentence[match.end() :]
    return sentence, "", ""


def safe_link(url: str | None) -> str | None:
    """``url`` when it is a web address (http or https), else None: an article's URL is
    data, and ``javascript:`` must never become a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def quad_of(type_name: str) -> str:
    """The quad class of a PLOVER type ("unknown" for a type the codebook has dropped)."""
    known = known_event_type(type_name)
    return known.quad_class if known else "unknown"


def shown_source(source: str) -> str:
    """Where an article was read from, as the reader should see it: a file uploaded
    through the ingest form was read from a temporary folder that no longer exists."""
    if UPLOAD_PREFIX in source:
        return f"uploaded in the browser ({source.rsplit('/', 1)[-1]})"
    return source
