"""The plain data of the ``events`` stage.

Inside the stage, triggers and roles point at spaCy tokens and spans
(:class:`EventTrigger`, :class:`RoleSpans`, :class:`StatusInfo`); what leaves
the stage, :class:`EventMention`, holds only strings, numbers and character
offsets, so it can be pickled, stored and compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "MAGNITUDE_KINDS",
    "EventMention",
    "EventTrigger",
    "Frame",
    "Magnitude",
    "ObjectRole",
    "RoleSpans",
    "SpanRef",
    "Status",
    "StatusInfo",
    "TriggerKind",
]

# "learned": the learned coder's type (a sentence the lexicon missed, or overruled).
TriggerKind = Literal["verb", "noun", "phrase", "learned"]
# What a verb's direct object, or an event noun's "of" phrase, stands for.
ObjectRole = Literal["recipient", "actor", "theme"]
# How participants map to roles: the usual subject/object reading, a host
# receiving a visitor, a trip to a place, or a symmetric act among equals.
Frame = Literal["default", "host", "visit", "mutual"]
Status = Literal["occurred", "future", "hypothetical", "negated", "historical"]

# (text, start_char, end_char) of a span in the parsed text.
SpanRef = tuple[str, int, int]


@dataclass(frozen=True)
class EventTrigger:
    """One place in a sentence where a lexicon entry matched.

    ``anchor`` is the token that takes the roles: the verb, the event noun,
    or a phrase's syntactic head ("held" in "held a telephone conversation").
    ``start``/``end`` are token offsets of the whole match in the doc.
    """

    type: str
    mode: str | None
    kind: TriggerKind
    anchor: Token
    start: int
    end: int
    object_role: ObjectRole = "recipient"
    preps: tuple[str, ...] = ()
    frame: Frame = "default"
    label: str = ""  # the lexicon word or pattern, for debugging and tests

    @property
    def text(self) -> str:
        """The matched words."""
        return self.anchor.doc[self.start : self.end].text


@dataclass(frozen=True)
class RoleSpans:
    """Who did it, to whom, and where, as spans of the parsed sentence.

    Conjoined participants ("Abiy and Isaias") are separate spans of
    one tuple: a compound actor is one event with several actors.
    """

    actors: tuple[Span, ...] = ()
    recipients: tuple[Span, ...] = ()
    place: Span | None = None


@dataclass(frozen=True)
class StatusInfo:
    """Whether the event happened, as the sentence tells it.

    ``perfect`` marks (plu)perfect verbs and ``years`` explicit years in the
    clause: with a date from the time stage they decide ``historical``
    later (:func:`dateline.events.status.is_historical`).
    """

    status: Status = "occurred"
    speaker: Span | None = None
    perfect: bool = False
    years: tuple[int, ...] = ()


def _count(*types: str) -> int | None:
    """A magnitude field: a count that belongs to events of ``types``."""
    return field(default=None, metadata={"types": frozenset(types)})


@dataclass(frozen=True)
class Magnitude:
    """How many people an event touched; ``None`` where the text gives no number.

    The one definition of the magnitude kinds (:data:`MAGNITUDE_KINDS`): the
    lexicon's ``magnitude`` headings, the export's columns and which event
    types a sentence's counts belong to (:meth:`of_type`) all derive from
    these fields.

    Vague plurals count as two of their unit: "dozens" is 24, "hundreds"
    200, "thousands" 2000, "tens of thousands" 20000. Lower bounds ("at least
    12", "more than 100 thousand") count as the bound.
    """

    killed: int | None = _count("ASSAULT")
    injured: int | None = _count("ASSAULT")
    displaced: int | None = _count("RETREAT", "COERCE", "ASSAULT")
    arrested: int | None = _count("COERCE")
    size: int | None = _count("PROTEST", "MOBILIZE")

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))

    def to_dict(self) -> dict[str, int]:
        """The numbers given, as the export's ``magnitude`` object."""
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }

    def merge(self, other: Magnitude) -> Magnitude:
        """Fill this magnitude's gaps from ``other``; the larger number wins a conflict."""
        values = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = theirs if mine is None else max(mine, theirs or mine)
        return Magnitude(**values)

    def of_type(self, kind: str) -> Magnitude:
        """The counts that belong to an event of type ``kind`` (the killed to an
        ASSAULT, a crowd to a PROTEST), the others left out."""
        return Magnitude(
            **{f.name: getattr(self, f.name) for f in fields(self) if kind in f.metadata["types"]}
        )


# The counts the events stage reads from text, in the export's column order.
MAGNITUDE_KINDS: tuple[str, ...] = tuple(f.name for f in fields(Magnitude))


@dataclass(frozen=True)
class EventMention:
    """One event as one sentence reports it: the output of the ``events`` stage.

    ``start``/``end`` are the character offsets of the evidence sentence in
    the parsed text, ``trigger_start``/``trigger_end`` those of the trigger.
    Roles are ``(text, start, end)`` spans until the actors stage resolves
    them. The date fields are filled by the time stage, ``place_country`` by
    the actors stage.
    """

    type: str
    mode: str | None
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    status: Status = "occurred"
    actor_spans: tuple[SpanRef, ...] = ()
    recipient_spans: tuple[SpanRef, ...] = ()
    contexts: tuple[str, ...] = ()
    speaker: SpanRef | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    place: SpanRef | None = None
    place_country: str | None = None
    magnitude: Magnitude = field(default_factory=Magnitude)
    perfect: bool = False
    years: tuple[int, ...] = ()
    cameo: str | None = None
    goldstein: float | None = None
    trigger_kind: TriggerKind = "verb"  # how the act was found: a lexicon match or the coder
    probability: float | None = None  # the learned coder's, of the type, when it was asked
    acts_before: int = 0  # earlier sentences of the text that tell an act that stands
    confidence: float = 0.5  # calibrated: see dateline.coder.confidence
