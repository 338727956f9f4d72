"""Plain typed data passed between stages.

Stages exchange these frozen dataclasses and nothing else: no spaCy objects,
no database rows, no dicts of dicts.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from .actors.values import Actor, ActorMention, LearnedPerson
from .places.values import NO_PLACE, Place

if TYPE_CHECKING:
    from .time.values import TimeValue

__all__ = [
    "Actor",
    "Article",
    "ArticleAnalysis",
    "DatedSentence",
    "Event",
    "Evidence",
    "Precision",
    "RawDocument",
    "article_id",
    "day_of",
]

Precision = Literal["second", "minute", "day", "month", "year"]
DocumentKind = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One input document as read by a source, before cleaning.

    ``text`` is already decoded. The ``*_hint`` fields carry metadata that the
    container supplied (a JSONL field, a feed entry, a WARC header); the
    cleaner prefers them to what it finds in the text. ``given`` says that the
    text is the article as the user gave it (the text field of a JSONL or CSV
    record, standard input), not a page it has to be extracted from (HTML,
    WARC, a download, a page copied into a .txt file): it is never refused
    for its length, and no line of it is taken for page furniture unless
    prose surrounds it.
    """

    source: str  # path or URL, for messages
    file: str  # input file's base name, or the record id inside an export
    text: str
    kind: DocumentKind = "text"
    title_hint: str | None = None
    published_hint: str | None = None
    url_hint: str | None = None
    outlet_hint: str | None = None
    authors_hint: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # warnings worth showing, e.g. "read as cp1251"
    given: bool = False  # the text is the article itself, not a page to extract it from


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata; the unit that is stored."""

    id: str
    file: str
    source: str
    body: str
    title: str | None = None
    published: str | None = None  # ISO 8601, cut to its precision: "2020-11-24T22:45"
    published_precision: Precision | None = None
    published_source: str | None = None  # where the date came from, e.g. "text:date-line"
    outlet: str | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    url: str | None = None
    dateline_place: str | None = None
    language: str | None = None
    # What cleaning had to leave out, e.g. an impossible date; shown to the user, not stored.
    notes: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def published_date(self) -> date | None:
        """The calendar day of publication, if known to the day."""
        if self.published_precision in (None, "month", "year"):
            return None
        return day_of(self.published)

    def to_dict(self) -> dict[str, Any]:
        """The article as JSON-ready data, in the field order of the contract."""
        data = asdict(self)
        data["authors"] = list(self.authors)
        data.pop("notes")
        body = data.pop("body")
        return {**data, "body": body}  # the long field last, for people reading the JSONL


@dataclass(frozen=True)
class Evidence:
    """Where an event is told: the article, the sentence and its character offsets in the body."""

    doc: str  # article id
    file: str
    sentence: str
    start: int
    end: int
    trigger: str = ""
    url: str | None = None
    published: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The mention as the export writes it."""
        return {
            "doc": self.doc,
            "file": self.file,
            "url": self.url,
            "published": self.published,
            "outlet": self.outlet,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
        }


# A first and a last day, inclusive.
DayRange = tuple[date, date]


@dataclass(frozen=True)
class Event:
    """One coded event (PLOVER) with its actors, date, place, magnitude and evidence."""

    id: str
    type: str
    mode: str | None
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    date: str | None
    date_end: str | None
    date_precision: str | None
    date_source: str | None  # "expression", "passage" or "published"
    status: str
    mentions: tuple[Evidence, ...]
    contexts: tuple[str, ...] = ()
    speaker: str | None = None
    place: Place | None = None
    magnitude: tuple[tuple[str, int], ...] = ()  # ("killed", 94), ...
    confidence: float = 0.5
    cameo: str | None = None
    goldstein: float | None = None
    disagreements: tuple[str, ...] = ()  # where its sources differ: "date: 2020-11-09 | 2020-11-10"

    @property
    def place_name(self) -> str | None:
        """The name of the place where it happened."""
        return self.place.name if self.place else None

    @property
    def place_country(self) -> str | None:
        """The country (ISO alpha-3) of the place where it happened."""
        return self.place.country if self.place else None

    @cached_property
    def codes(self) -> frozenset[str]:
        """The codes of every actor the event names, actors and recipients."""
        return frozenset(actor.code for actor in (*self.actors, *self.recipients))

    @cached_property
    def days(self) -> DayRange | None:
        """The first and last day of the event (the same for one day), None when undated."""
        if self.date is None:
            return None
        first = date.fromisoformat(self.date[:10])
        last = date.fromisoformat(self.date_end[:10]) if self.date_end else first
        return first, max(first, last)

    @property
    def sources(self) -> int:
        """How many distinct outlets (or, without an outlet, articles) report the event."""
        return len({m.outlet or m.doc for m in self.mentions})

    def to_dict(self) -> dict[str, Any]:
        """The event in the export format of DESIGN.md."""
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "actors": [_actor_record(a) for a in self.actors],
            "recipients": [_actor_record(a) for a in self.recipients],
            "date": self.date,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "status": self.status,
            "speaker": self.speaker,
            "place": self.place.to_dict() if self.place else dict(NO_PLACE),
            "magnitude": dict(self.magnitude),
            "confidence": self.confidence,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "sources": self.sources,
            "disagreements": list(self.disagreements),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class DatedSentence:
    """One sentence of a stored article with the days its date expressions name.

    What the timeline summary reads: ``dates`` holds (first day, last day,
    precision) for each DATE/TIME expression of the sentence that names days
    (not durations or sets), as the time stage resolved it against the
    article's publication day; in a journalist's chronology, the sentences
    of an entry also name the entry's day.
    """

    article_id: str
    published: date | None
    number: int  # position of the sentence in the article, from 0
    text: str
    start: int  # character offsets in the body
    end: int
    dates: tuple[tuple[date, date, str], ...] = ()


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the analysis of one article found, before it is stored: its event mentions
    (one coded sentence each, not yet linked), actor mentions, dated sentences, the
    people it proposes (learned from titles and appositions) and its time expressions
    (what the article page marks)."""

    events: list[Event]
    actor_mentions: list[ActorMention]
    dated: list[DatedSentence]
    people: list[LearnedPerson]
    times: list[TimeValue] = field(default_factory=list)


def _actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "code": actor.code,
        "sector": actor.sector,
        "name": actor.name,
        "office": actor.office,
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
    }


def day_of(published: str | None) -> date | None:
    """The calendar day of an ISO date or date-time, or None when it names no real day
    (a database written before impossible dates were refused may hold "2021-02-31")."""
    if not published or len(published) < 10:
        return None
    try:
        return datetime.fromisoformat(published[:10]).date()
    except ValueError:
        return None


_SPACE = re.compile(r"\s+")


def article_id(body: str) -> str:
    """A stable id from an article's content: the same text always gets the same id.

    White space and case are ignored so that the same article read from a
    page and from a pasted copy is recognised.
    """
    normal = _SPACE.sub(" ", body).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
