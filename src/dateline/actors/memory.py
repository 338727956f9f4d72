"""What the resolver remembers: people it learned, and who was named last.

People learned from titles and appositions ("Kenyan Interior Minister
Kithure Kindiki") are kept with the document and phrase that taught them.
Within that document a later "Kindiki" is the same actor. Across documents
nothing is inferred: a person learned elsewhere names someone in another
document only by the exact full name, and only when every document that
taught that name taught the same actor (no surname, no partial name, no
recent actors cross an article). The actors named so far in the current
document are kept too, so that "the two presidents" or "the sides" can stand
for them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from .values import Actor, ActorMention, How, LearnedPerson

__all__ = ["NAME_PARTICLES", "ActorMemory", "surname_of", "surnames_of"]

# Particles that belong to a surname rather than stand for it alone.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "del", "la", "le", "der", "den",
     "ter", "dos", "das", "du"}
)  # fmt: skip
# "al-Assad", "el-Sisi": an Arabic article joined to the surname, often dropped in news.
_JOINED_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar)\s*-\s*(?=\w)", re.IGNORECASE)


def surname_of(name: str) -> str:
    """The part of a full name that news uses alone: "Retno Marsudi" -> "Marsudi".

    Particles stay with the surname: "Ursula von der Leyen" -> "von der Leyen".
    """
    words = name.split()
    start = len(words) - 1
    while start > 1 and (words[start - 1].lower() in NAME_PARTICLES or words[start - 1] == "-"):
        start -= 1
    return " ".join(words[start:])


def surnames_of(name: str) -> tuple[str, ...]:
    """The ways news names a person by surname: "Bashar al-Assad" -> al-Assad, Assad."""
    surname = surname_of(name)
    bare = _JOINED_ARTICLE.sub("", surname)
    return (surname, bare) if bare != surname else (surname,)


# Longer than any actor phrase, in characters: how far back a mention may start and
# still overlap a span.
_LONGEST_MENTION = 400


class ActorMemory:
    """People learned in this document and earlier ones, and the actors named lately."""

    def __init__(self, learned: Iterable[LearnedPerson] = ()) -> None:
        self._corpus: dict[str, LearnedPerson] = {}
        self._ambiguous: set[str] = set()  # full names taught as different actors
        self._document: dict[str, LearnedPerson] = {}
        self._recent: list[ActorMention] = []  # in text order
        self._starts: list[int] = []  # the start of each of them, for bisection
        self._named: Counter[str] = Counter()
        self.source: str | None = None
        for person in learned:
            self._remember(person)

    # -- documents -------------------------------------------------------

    def begin_document(self, source: str | None) -> None:
        """Start a new document: forget its predecessor's recent actors, keep the people."""
        self.source = source
        self._document = {}
        self._recent = []
        self._starts = []
        self._named = Counter()

    # -- people ----------------------------------------------------------

    def learn(self, name: str, actor: Actor, evidence: str, how: How) -> LearnedPerson:
        """Remember that ``name`` is ``actor``, taught by ``evidence`` in the current document."""
        person = LearnedPerson(name, replace(actor, name=name), self.source, evidence, how)
        self._document[name] = person
        self._remember(person)
        return person

    def _remember(self, person: LearnedPerson) -> None:
        known = self._corpus.setdefault(person.name, person)
        if known is not person and _as_actor(known) != _as_actor(person):
            self._ambiguous.add(person.name)

    def recall(self, name: str) -> LearnedPerson | None:
        """The person called ``name``: in this document by full name or surname; from earlier
        documents only by the exact full name, taught as one actor everywhere.

        A surname shared by two different people of the document is left unresolved.
        """
        if name in self._document:
            return self._document[name]
        found = {p.name: p for p in self._document.values() if name in surnames_of(p.name)}
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
        return self.recall_elsewhere(name)

    def recall_elsewhere(self, name: str) -> LearnedPerson | None:
        """The person an earlier document taught under exactly the full name ``name``
        (a first and a last name at least), None when none did or documents disagree."""
        if len(name.split()) < 2 or name in self._ambiguous:
            return None
        return self._corpus.get(name)

    def recall_written(self, code: str, written: str) -> LearnedPerson | None:
        """A person of ``code`` taught in this document whose surname appears in ``written``
        ("Cyril Ramaphosaheld")."""
        text = written.casefold()
        found = [
            p
            for p in self._document.values()
            if p.actor.code == code and surname_of(p.name).casefold() in text
        ]
        return found[0] if len(found) == 1 else None

    def taught_here(self) -> list[LearnedPerson]:
        """People the current document taught the corpus (not known before it)."""
        return [p for p in self._document.values() if self._corpus.get(p.name) is p]

    def __iter__(self) -> Iterator[LearnedPerson]:
        return iter(self._corpus.values())

    def __len__(self) -> int:
        return len(self._corpus)

    # -- recent actors, for group references ------------------------------

    def note(self, mention: ActorMention) -> None:
        """Record that ``mention`` was just named."""
        at = bisect.bisect_right(self._starts, mention.start)
        self._recent.insert(at, mention)
        self._starts.insert(at, mention.start)
        if mention.how != "generic":
            self._named[mention.actor.code] += 1

    def named_codes(self) -> Counter[str]:
        """How often the current document named each code so far (generic actors aside)."""
        return Counter(self._named)

    def document_mentions(self) -> list[ActorMention]:
        """Every mention of the current document noted so far."""
        return list(self._recent)

    def mentions_within(self, start: int, end: int) -> list[ActorMention]:
        """The current document's mentions whose text lies within characters ``start``-``end``
        (found by bisection: an article's every event asks, so a scan would be quadratic)."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end, lo=first)
        return [m for m in self._recent[first:last] if m.end <= end]

    def mentions_overlapping(self, start: int, end: int) -> list[ActorMention]:
        """The current document's mentions that share a character with ``start``-``end``."""
        last = bisect.bisect_left(self._starts, end)
        first = last
        # Mentions do not nest far: the ones before ``end`` that reach past ``start`` are few.
        while first > 0 and self._recent[first - 1].end > start - _LONGEST_MENTION:
            first -= 1
        return [m for m in self._recent[first:last] if m.end > start]

    def recent_people(self, count: int | None, office: str | None = None) -> tuple[Actor, ...]:
        """The last ``count`` distinct people named, preferring those holding ``office``."""
        people = _distinct(m.actor for m in reversed(self._recent) if m.actor.is_person)
        if office:
            holding = [a for a in people if a.office and office.casefold() in a.office.casefold()]
            if count is None or len(holding) >= count:
                people = holding
        chosen = people[:count] if count else people[:2]
        return tuple(reversed(chosen))

    def recent_countries(
        self, count: int | None, sentence: int, window: int = 2
    ) -> tuple[Actor, ...]:
        """The countries named in the last ``window`` sentences, as their governments."""
        codes: list[str] = []
        for mention in reversed(self._recent):
            if mention.how == "group" and mention.sentence >= sentence - window + 1:
                # "the sides" after "the heads of state": the same group again
                group = [m.actor.code for m in self._recent if m.start == mention.start]
                return tuple(Actor(code, "GOV") for code in dict.fromkeys(group))
            if mention.sentence < sentence - window + 1 and len(codes) >= (count or 2):
                break
            code = mention.actor.code
            if mention.how == "generic":
                continue  # "the sides" are those named, not the gunmen of the sentence before
            if mention.actor.sector != "IGO" and code not in codes:
                codes.append(code)
        chosen = codes[:count] if count else codes
        return tuple(Actor(code, "GOV") for code in reversed(chosen))

    # -- storage -----------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """Every learned person as a JSON-ready record, with source and evidence."""
        return [person.to_record() for person in self._corpus.values()]

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]]) -> ActorMemory:
        """A memory holding the people of ``records`` (written by :meth:`to_records`)."""
        return cls(LearnedPerson.from_record(record) for record in records)


def _as_actor(person: LearnedPerson) -> tuple[str, str | None, str | None]:
    return (person.actor.code, person.actor.sector, person.actor.office)


def _distinct(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[tuple[str, str | None], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.code, actor.name), actor)
    return list(seen.values())
