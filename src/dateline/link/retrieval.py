"""Finding the stored mentions linking needs, behind one small interface.

Linking decides from the mentions in hand, so before it decides it must be
handed every stored mention that could change its answer. :func:`gather`
says which: it asks a :class:`Candidates` three plain questions (by actor
codes, types and days; by types and days for mentions naming no known
actor; by region) and applies the rules of :mod:`.rules` to what comes
back. An answer may hold more than the rules would keep, never less: the
rules decide, the lookups only narrow.

The store answers with SQL (``dateline.store.linking``); :class:`MemoryCandidates`
answers from mentions held in memory, through the same index linking uses
to find pairs (:class:`CodeIndex`). A property test checks that both give the
same answers.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from ..models import Event
from .rules import known_codes, link_rules, match_score, type_group

__all__ = [
    "Candidates",
    "CodeIndex",
    "MemoryCandidates",
    "Stored",
    "codes_of",
    "gather",
    "is_named",
    "linked",
]


@dataclass(frozen=True)
class Stored:
    """A stored mention as linking sees it: the mention, its event and its region."""

    mention: Event
    event_id: str | None
    region: str | None


class Candidates(Protocol):
    """The lookups linking needs from wherever mentions are kept. Each returns stored
    mentions (in any order, each at most once)."""

    def named(
        self, codes: Collection[str] | None, types: Collection[str], first: date, last: date
    ) -> list[Stored]:
        """Mentions naming a known actor of ``codes`` (None: any known actor), of a type in
        ``types``, whose days touch ``first`` .. ``last``."""
        ...

    def unnamed(
        self, types: Collection[str], first: date, last: date, *, date_source: str
    ) -> list[Stored]:
        """Mentions naming no known actor, dated by ``date_source``, of a type in ``types``,
        whose days touch ``first`` .. ``last``."""
        ...

    def in_regions(self, regions: Collection[str]) -> list[Stored]:
        """Every mention of the ``regions``."""
        ...


def codes_of(mention: Event) -> frozenset[str]:
    """The known actor codes a mention names (actors and recipients; ``---`` is no code):
    what candidates are looked up by."""
    return known_codes(mention)


def is_named(mention: Event) -> bool:
    """Whether a mention names an actor at all (known or not): such a mention is, or
    starts, an event; one naming none can only corroborate one."""
    return bool(mention.actors or mention.recipients)


def linked(a: Event, b: Event) -> bool:
    """Whether two named mentions may tell of one event (the same answer either way round)."""
    first, second = (a, b) if a.id <= b.id else (b, a)
    return match_score(first, [second]) is not None


def reach() -> timedelta:
    """How many days apart two mentions' spans may be and still be linked."""
    rules = link_rules()
    return timedelta(days=max(rules.day_tolerance, rules.published_window))


def gather(candidates: Candidates, mentions: Sequence[Event]) -> list[Stored]:
    """The stored mentions :func:`~dateline.link.link` needs to link ``mentions``: for a
    mention of known actors, the named ones near it (sharing a code, a compatible type,
    within :func:`reach`) with the whole of every region it links to, and those naming
    no actor it may be corroborated by; for one naming no actor, the named mentions it
    may corroborate; and for each stored mention naming no actor among these, the
    named mentions it may corroborate (it is placed again among all it fits)."""
    candidates = _AskedOnce(candidates)
    found: dict[str, Stored] = {}
    placed: set[str] = set()  # mentions naming no actor whose candidates are kept

    def keep(items: Iterable[Stored]) -> list[Stored]:
        return [found.setdefault(item.mention.id, item) for item in items]

    def keep_corroborated(unnamed: Event) -> None:
        if unnamed.id not in placed:
            placed.add(unnamed.id)
            keep(_corroborated_by(candidates, unnamed))

    regions: set[str] = set()
    for mention in mentions:
        if codes_of(mention):
            for item in keep(_named_near(candidates, mention)):
                if item.region is not None and linked(mention, item.mention):
                    regions.add(item.region)
            for unnamed in keep(_unnamed_near(candidates, mention)):
                if not is_named(unnamed.mention):
                    keep_corroborated(unnamed.mention)
        elif not is_named(mention):
            keep_corroborated(mention)
        # A mention whose actors nobody resolved links with nothing: nothing to gather.
    if regions:
        for item in keep(candidates.in_regions(sorted(regions))):
            if not is_named(item.mention):
                keep_corroborated(item.mention)
    return list(found.values())


class _AskedOnce:
    """:class:`Candidates` that asks each question once: the mentions of one text ask
    the same few again and again (the same parties, types and days)."""

    def __init__(self, candidates: Candidates) -> None:
        self._candidates = candidates
        self._answers: dict[tuple[object, ...], list[Stored]] = {}

    def named(
        self, codes: Collection[str] | None, types: Collection[str], first: date, last: date
    ) -> list[Stored]:
        wanted = None if codes is None else frozenset(codes)
        question: tuple[object, ...] = ("named", wanted, frozenset(types), first, last)
        if question not in self._answers:
            self._answers[question] = self._candidates.named(codes, types, first, last)
        return self._answers[question]

    def unnamed(
        self, types: Collection[str], first: date, last: date, *, date_source: str
    ) -> list[Stored]:
        question: tuple[object, ...] = ("unnamed", frozenset(types), first, last, date_source)
        if question not in self._answers:
            self._answers[question] = self._candidates.unnamed(
                types, first, last, date_source=date_source
            )
        return self._answers[question]

    def in_regions(self, regions: Collection[str]) -> list[Stored]:
        return self._candidates.in_regions(regions)


def _named_near(candidates: Candidates, mention: Event) -> list[Stored]:
    span = mention.days
    if span is None:
        return []
    return candidates.named(
        codes_of(mention), type_group(mention.type), span[0] - reach(), span[1] + reach()
    )


def _unnamed_near(candidates: Candidates, mention: Event) -> list[Stored]:
    """Stored mentions naming no known actor that might corroborate ``mention``."""
    span = mention.days
    if span is None or mention.date_source == "published":
        return []
    return candidates.unnamed(type_group(mention.type), *span, date_source="expression")


def _corroborated_by(candidates: Candidates, mention: Event) -> list[Stored]:
    """Stored named mentions that ``mention`` (naming no actor) might corroborate: those
    of its days (:func:`~.rules.corroboration` keeps those dated as it needs)."""
    span = mention.days
    if span is None or mention.date_source != "expression":
        return []
    return candidates.named(None, type_group(mention.type), *span)


# Mentions spanning more than this many days are "long": few, and scanned apart, so
# that the common short ones are found by a narrow search of a sorted list.
SHORT_EVENT_DAYS = 7

_Entry = tuple[date, date, int, Event]


class CodeIndex:
    """Dated mentions of known actors by actor code and first day, to find those near
    a day span."""

    def __init__(self, mentions: Iterable[Event]) -> None:
        # Per code: first days (for bisect) and (first, last, codes named, mention).
        self._firsts: dict[str, list[date]] = defaultdict(list)
        self._short: dict[str, list[_Entry]] = defaultdict(list)
        self._long: dict[str, list[_Entry]] = defaultdict(list)
        for mention in sorted(mentions, key=lambda m: m.id):
            span = mention.days
            if span is None:
                continue
            codes = codes_of(mention)
            entry = (span[0], span[1], len(codes), mention)
            long = (span[1] - span[0]).days > SHORT_EVENT_DAYS
            for code in codes:
                (self._long if long else self._short)[code].append(entry)
        # How far before a window a short mention touching it may start, per code.
        self._longest: dict[str, timedelta] = {}
        for code, entries in self._short.items():
            entries.sort(key=lambda entry: entry[0])
            self._firsts[code] = [entry[0] for entry in entries]
            self._longest[code] = max(entry[1] - entry[0] for entry in entries)

    def codes(self) -> frozenset[str]:
        """Every code indexed."""
        return frozenset(self._short) | frozenset(self._long)

    def touching(self, codes: Iterable[str], start: date, end: date) -> Iterable[_Entry]:
        """An entry for each code of ``codes`` a mention whose span touches ``start`` ..
        ``end`` names (a mention naming two of them comes twice)."""
        for code in codes:
            entries = self._short.get(code, [])
            earliest = start - self._longest.get(code, timedelta(0))
            position = bisect.bisect_left(self._firsts.get(code, []), earliest)
            while position < len(entries):
                entry = entries[position]
                position += 1
                if entry[0] > end:
                    break
                if entry[1] >= start:
                    yield entry
            for entry in self._long.get(code, []):
                if entry[0] <= end and entry[1] >= start:
                    yield entry

    def near(self, mention: Event, *, pairs: bool = False) -> list[Event]:
        """Mentions sharing a code with ``mention`` whose span touches its window, each once.

        With ``pairs``, only those sharing as many codes as two mentions of one
        event must (two, or all of the one naming fewer).
        """
        span = mention.days
        if span is None:
            return []
        mine = codes_of(mention)
        hits: dict[str, int] = defaultdict(int)
        named: dict[str, tuple[int, Event]] = {}
        for _first, _last, count, other in self.touching(
            mine, span[0] - reach(), span[1] + reach()
        ):
            hits[other.id] += 1
            named[other.id] = (count, other)
        if not pairs:
            return [other for _, other in named.values()]
        return [
            other for key, (count, other) in named.items() if hits[key] >= min(2, len(mine), count)
        ]


class MemoryCandidates:
    """:class:`Candidates` answered from stored mentions held in memory."""

    def __init__(self, stored: Iterable[Stored]) -> None:
        self._stored = {item.mention.id: item for item in stored}
        self._index = CodeIndex(item.mention for item in self._stored.values())

    def named(
        self, codes: Collection[str] | None, types: Collection[str], first: date, last: date
    ) -> list[Stored]:
        wanted = self._index.codes() if codes is None else codes
        found = {entry[3].id for entry in self._index.touching(wanted, first, last)}
        return [
            self._stored[key] for key in sorted(found) if self._stored[key].mention.type in types
        ]

    def unnamed(
        self, types: Collection[str], first: date, last: date, *, date_source: str
    ) -> list[Stored]:
        return [
            item
            for item in self._stored.values()
            if not codes_of(item.mention)
            and item.mention.date_source == date_source
            and item.mention.type in types
            and (span := item.mention.days) is not None
            and span[0] <= last
            and span[1] >= first
        ]

    def in_regions(self, regions: Collection[str]) -> list[Stored]:
        wanted = set(regions)
        return [item for item in self._stored.values() if item.region in wanted]
