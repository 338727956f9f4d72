"""The plain values of the actors stage.

An :class:`Actor` is who acts: a country (ISO 3166-1 alpha-3), an
international body (a short code such as ``"UNO"``) or ``"---"`` when
nobody can tell (unnamed "gunmen" in an article that names no country), a
sector, and, for a person, a name and an office. An :class:`ActorMention` is where an actor is
named in a text and how it was recognised. A :class:`LearnedPerson` is a
person the resolver learned from a text, kept with its evidence so that a
later article can name them by surname alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

__all__ = [
    "Actor",
    "ActorMention",
    "How",
    "LearnedPerson",
    "Person",
    "Sector",
]

Sector = str  # one of the codes in knowledge/sectors.yaml: GOV, MIL, POL, REB, ...

How = Literal[
    "knowledge",  # a person found in the people files
    "title",  # a name after a title: "Kenyan Interior Minister Kithure Kindiki"
    "counterpart",  # "his Indonesian counterpart Retno Marsudi"
    "apposition",  # "Olaf Scholz, the German chancellor,"
    "learned",  # a name learned earlier in this document or corpus
    "group",  # "the two presidents", "the sides"
    "demonym",  # a country adjective with a sector word: "Sudanese troops"
    "country",  # a country named: "Ethiopia", "Russia's"
    "metonym",  # a capital or seat of power: "Addis Ababa", "the Kremlin"
    "institution",  # a body of one sector: "the Pentagon"
    "organisation",  # an international body: "the UN Security Council"
    "armed_group",  # a named non-state group: "al-Shabaab"
    "company",  # a company by its home country: "Citigroup"
    "office",  # an office on a date: "the French president" in 2016
    "generic",  # an unnamed actor of one sector: "gunmen", "riot police", "the government"
]


@dataclass(frozen=True)
class Actor:
    """Who acts: country or organisation code, sector, and for people a name and office.

    ``text``, ``start`` and ``end`` are the words the actor was read from and
    their character offsets in the article ("the minister", a pronoun, keep
    their own words beside the name they resolved to). They say where the
    actor was named, not who it is: two actors that differ only there are equal.
    """

    code: str
    sector: Sector | None = None
    name: str | None = None
    office: str | None = None
    contexts: tuple[str, ...] = ()
    text: str | None = field(default=None, compare=False)
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """Code, sector and name as words: ``KEN GOV William Ruto``, ``UNO IGO``."""
        return " ".join(part for part in (self.code, self.sector, self.name) if part)

    @property
    def is_person(self) -> bool:
        """Whether the actor is one named person rather than a body."""
        return self.name is not None and self.office is not None

    def to_dict(self) -> dict[str, Any]:
        """The actor in the export format: ``{"code", "sector", "name", "office"}``, with
        ``text``, ``start`` and ``end`` where it was read from a text."""
        data: dict[str, Any] = {
            "code": self.code,
            "sector": self.sector,
            "name": self.name,
            "office": self.office,
        }
        if self.contexts:
            data["contexts"] = list(self.contexts)
        if self.text is not None:
            data.update(text=self.text, start=self.start, end=self.end)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        """Read an actor written by :meth:`to_dict`."""
        return cls(
            code=data["code"],
            sector=data.get("sector"),
            name=data.get("name"),
            office=data.get("office"),
            contexts=tuple(data.get("contexts") or ()),
            text=data.get("text"),
            start=data.get("start"),
            end=data.get("end"),
        )

    def read_from(self, text: str, start: int, end: int) -> Actor:
        """The same actor, named by ``text`` at offsets ``start`` to ``end``."""
        return replace(self, text=text, start=start, end=end)


@dataclass(frozen=True)
class ActorMention:
    """One place in a text where an actor is named.

    ``start`` and ``end`` are character offsets in the document. A phrase
    that names several actors ("the Ethiopian, Kenyan and Somali
    leaders", "the two presidents") gives one mention per actor, all with
    the same offsets. ``is_place`` is true when the phrase is where
    something happened ("talks held in Doha") rather than who acted.
    """

    text: str
    start: int
    end: int
    actor: Actor
    how: How
    sentence: int = 0  # index of the sentence in the document
    is_place: bool = False


@dataclass(frozen=True)
class Person:
    """One row of the people files: a person holding an office for a term."""

    name: str
    aliases: tuple[str, ...]
    country: str
    office: str
    role: str
    start: date
    end: date | None = None
    source: str = ""  # the file the row came from, for messages
    exact: bool = True  # both ends of the term known to the day

    def in_office(self, day: date) -> bool:
        """Whether the term covers ``day`` (an open term runs to today)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def years_from_office(self, day: date) -> float:
        """How many years ``day`` lies before or after the term (0 within it)."""
        if day < self.start:
            return (self.start - day).days / 365.25
        if self.end is not None and day > self.end:
            return (day - self.end).days / 365.25
        return 0.0

    def actor(self, sector: Sector = "GOV", *, in_term: bool = True) -> Actor:
        """The person as an actor; out of term they keep their code but no office."""
        return Actor(self.country, sector, self.name, self.office if in_term else None)


@dataclass(frozen=True)
class LearnedPerson:
    """A person the resolver learned from a text, with where and how."""

    name: str
    actor: Actor
    source_doc: str | None = None
    evidence: str = ""  # the phrase that taught it: "his Indonesian counterpart Retno Marsudi"
    how: How = "title"

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "name": self.name,
            "actor": self.actor.to_dict(),
            "source_doc": self.source_doc,
            "evidence": self.evidence,
            "how": self.how,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> LearnedPerson:
        """Read a record written by :meth:`to_record`."""
        return cls(
            name=record["name"],
            actor=Actor.from_dict(record["actor"]),
            source_doc=record.get("source_doc"),
            evidence=record.get("evidence", ""),
            how=record.get("how", "title"),
        )
