"""An article's body as the article page marks it, and an event's actors as the event page
explains them.

:func:`marked_body` cuts the body in two layers:

1. runs: stretches covered by the same event mentions (each mention's
   sentence), cut at every mention's ends, as before;
2. pieces inside each run: the words marked in it, each an actor (linked to
   its page), a place, a time expression (its value in the title) or an
   event's trigger (linked to its event).

Inner marks never overlap: they are taken by rank (triggers, then actors and
places, then time expressions; then from the left, the longer first) and one
that overlaps a mark already taken is dropped. A mark whose stored text is not
the text at its offsets is dropped too. A linked mention whose event no marked
trigger of its sentence links to (its trigger not found, dropped, or shared
with another event's) gets a reference after its sentence, so that every
event stays one click away.

Everything here is plain text; the templates escape it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..actors import UNKNOWN_CODE, Actor, ActorMention
from ..models import Event
from ..store.event_queries import LinkedMention
from ..time.values import TimeValue

__all__ = [
    "HOW_WORDS",
    "Mark",
    "Piece",
    "Recognition",
    "Run",
    "marked_body",
    "recognitions",
]

MarkKind = Literal["trigger", "actor", "place", "time"]
_RANK: dict[str, int] = {"trigger": 0, "actor": 1, "place": 1, "time": 2}


@dataclass(frozen=True)
class Mark:
    """A marked word or phrase: ``target`` is the event id (a trigger) or the actor code
    (an actor) it links to, None when it links nowhere; ``title`` is shown on hover."""

    kind: MarkKind
    title: str
    target: str | None = None


@dataclass(frozen=True)
class Piece:
    """A stretch of a run, marked or plain."""

    text: str
    mark: Mark | None = None


@dataclass(frozen=True)
class Run:
    """A stretch of an article's body, the mentions whose sentences cover it (none: plain
    text), its pieces, and the events referred to after it (linked mentions ending here
    whose trigger is not marked)."""

    text: str
    mentions: tuple[LinkedMention, ...] = ()
    pieces: tuple[Piece, ...] = ()
    references: tuple[LinkedMention, ...] = ()

    @property
    def event_id(self) -> str | None:
        """The event the run tells of: that of its first linked mention."""
        return next((m.event_id for m in self.mentions if m.event_id), None)


def marked_body(
    body: str,
    mentions: Sequence[LinkedMention],
    actors: Sequence[ActorMention] = (),
    times: Sequence[TimeValue] = (),
) -> list[Run]:
    """``body`` cut at every mention's ends, each run with the mentions covering it and
    its pieces: the triggers, actors, places and time expressions marked in it."""
    spans = [
        (m, min(ev.start, len(body)), min(ev.end, len(body)))
        for m in mentions
        if m.mention.mentions and 0 <= (ev := m.mention.mentions[0]).start < ev.end
    ]
    marks = _chosen(
        [*_trigger_marks(body, spans), *_actor_marks(body, actors), *_time_marks(body, times)]
    )
    linked = [(s, e, mark.target) for s, e, mark in marks if mark.kind == "trigger" and mark.target]
    cuts = sorted({0, len(body), *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    runs = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m, s, e in spans if s <= start and end <= e)
        references = tuple(
            m
            for m, s, e in spans
            if e == end
            and m.event_id
            and not any(s <= a and b <= e and to == m.event_id for a, b, to in linked)
        )
        pieces = _pieces(body, start, end, marks)
        runs.append(Run(body[start:end], covering, pieces, references))
    return runs


def _pieces(
    body: str, start: int, end: int, marks: list[tuple[int, int, Mark]]
) -> tuple[Piece, ...]:
    """The stretch [start, end) of ``body`` cut around the marks inside it (a mark that
    crosses its ends is cut there)."""
    pieces: list[Piece] = []
    at = start
    for s, e, mark in marks:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if at < s:
            pieces.append(Piece(body[at:s]))
        pieces.append(Piece(body[s:e], mark))
        at = e
    if at < end:
        pieces.append(Piece(body[at:end]))
    return tuple(pieces)


def _chosen(candidates: list[tuple[int, int, Mark]]) -> list[tuple[int, int, Mark]]:
    """The marks kept, in text order: by rank, then from the left, the longer first,
    each dropped when it overlaps one kept."""
    kept: list[tuple[int, int, Mark]] = []
    ordered = sorted(candidates, key=lambda c: (_RANK[c[2].kind], c[0], c[0] - c[1], c[2].title))
    for s, e, mark in ordered:
        if all(e <= a or b <= s for a, b, _ in kept):
            kept.append((s, e, mark))
    return sorted(kept, key=lambda c: (c[0], c[1]))


def _trigger_marks(
    body: str, spans: list[tuple[LinkedMention, int, int]]
) -> list[tuple[int, int, Mark]]:
    """Each mention's trigger: its first whole-word occurrence in the sentence; mentions
    with the same trigger share one mark, linked to the first one's event."""
    found: dict[tuple[int, int], list[LinkedMention]] = {}
    for linked, start, end in spans:
        trigger = linked.mention.mentions[0].trigger.strip()
        if not trigger:
            continue
        match = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", body[start:end], re.IGNORECASE)
        if match:
            found.setdefault((start + match.start(), start + match.end()), []).append(linked)
    marks = []
    for (start, end), told in found.items():
        target = next((m.event_id for m in told if m.event_id), None)
        title = ", ".join(dict.fromkeys(_kind(m.mention) for m in told))
        marks.append((start, end, Mark("trigger", title, target)))
    return marks


def _kind(event: Event) -> str:
    return f"{event.type}/{event.mode}" if event.mode else event.type


def _actor_marks(body: str, actors: Sequence[ActorMention]) -> list[tuple[int, int, Mark]]:
    """The actor mentions, one mark per span (a phrase naming several actors links to the
    first; its title names them all)."""
    found: dict[tuple[int, int], list[ActorMention]] = {}
    for mention in actors:
        if _fits(body, mention.start, mention.end, mention.text):
            found.setdefault((mention.start, mention.end), []).append(mention)
    marks = []
    for (start, end), named in found.items():
        acting = [m for m in named if not m.is_place]
        if acting:
            title = "; ".join(f"{m.actor.label}: {HOW_WORDS.get(m.how, m.how)}" for m in acting)
            target = next((m.actor.code for m in acting if m.actor.code != UNKNOWN_CODE), None)
            marks.append((start, end, Mark("actor", title, target)))
        else:
            title = "place: " + "; ".join(dict.fromkeys(m.actor.label for m in named))
            marks.append((start, end, Mark("place", title)))
    return marks


def _time_marks(body: str, times: Sequence[TimeValue]) -> list[tuple[int, int, Mark]]:
    return [
        (t.start_char, t.end_char, Mark("time", _time_title(t)))
        for t in times
        if _fits(body, t.start_char, t.end_char, t.text)
    ]


def _time_title(value: TimeValue) -> str:
    """What a time expression means, in a line: "2020-11-09 (DATE, to the day)"."""
    details: list[str] = [value.type]
    if value.precision:
        details.append(f"to the {value.precision}")
    if value.start and value.end and value.start != value.end:
        details.append(f"{value.start.isoformat()} to {value.end.isoformat()}")
    if value.mod:
        details.append(value.mod.lower())
    return f"{value.value} ({', '.join(details)})"


def _fits(body: str, start: int, end: int, text: str) -> bool:
    """Whether ``text`` is what the body holds at [start, end) (spaces aside)."""
    return 0 <= start < end <= len(body) and body[start:end].split() == text.split()


# How an event's actors were recognised ------------------------------------------------

# The resolver's ways (ActorMention.how), in words.
HOW_WORDS: dict[str, str] = {
    "knowledge": "named: a person in the knowledge files",
    "title": "a name after a title",
    "counterpart": "a name after “counterpart”",
    "apposition": "a name with its office beside it",
    "learned": "a name learned earlier from a title or an apposition",
    "group": "a phrase standing for several actors named before",
    "demonym": "a nationality with a sector word",
    "country": "a country named",
    "metonym": "a capital or seat of power",
    "institution": "an institution of one sector",
    "organisation": "an international organisation named",
    "armed_group": "a named armed group",
    "company": "a company, by its home country",
    "office": "an office, read on the article's date",
    "generic": "a generic word for a sector",
}
GENERIC_PLACED = "a generic word for a sector, its country from the article"
UNKNOWN_NAME = "a name no knowledge file holds"
NOT_NAMED = "not named in its sentence: a pronoun or a phrase standing for an actor named before"


@dataclass(frozen=True)
class Recognition:
    """How one actor of an event was recognised: each way in words, with the words of the
    sentences it was read from (at most three each)."""

    actor: Actor
    ways: tuple[tuple[str, tuple[str, ...]], ...]


def recognitions(
    actors: Sequence[Actor], sentences: Sequence[Sequence[ActorMention]]
) -> list[Recognition]:
    """For each of ``actors``, how the actor mentions of the event's ``sentences`` (those
    inside each evidence sentence) recognised it."""
    shown = []
    for actor in actors:
        ways: dict[str, list[str]] = {}
        for mentions in sentences:
            words, text = _way(actor, mentions)
            quoted = ways.setdefault(words, [])
            if text and text not in quoted:
                quoted.append(text)
        shown.append(Recognition(actor, tuple((w, tuple(q[:3])) for w, q in ways.items())))
    return shown


def _way(actor: Actor, mentions: Sequence[ActorMention]) -> tuple[str, str | None]:
    """How ``actor`` was recognised in one sentence, and the words that named it."""
    # A person is recognised where the person is named (a country named beside a pronoun
    # for its president is not how the president was found); a body by its code.
    named = [
        m
        for m in mentions
        if m.actor.code == actor.code and (actor.name is None or m.actor.name == actor.name)
    ]
    if named:
        best = min(
            named, key=lambda m: (m.actor.sector, m.actor.name) != (actor.sector, actor.name)
        )
        return HOW_WORDS.get(best.how, best.how), best.text
    placed = [
        m
        for m in mentions
        if m.how == "generic" and m.actor.code == UNKNOWN_CODE and m.actor.sector == actor.sector
    ]
    if placed:
        return GENERIC_PLACED, placed[0].text
    if actor.code == UNKNOWN_CODE and actor.name:
        return UNKNOWN_NAME, None
    return NOT_NAMED, None
