"""The ``link`` stage: one real-world event, one record, with all its mentions.

Two mentions tell of one event when :func:`.rules.match_score` says they may
(a compatible type, actors in common, dates that agree, shared wording
across articles). An event is a connected group of such mentions: whatever
order the articles arrive in, alone or all at once, the groups are the
same. Only known actors link (a code other than ``---``): a mention whose
actors nobody resolved is an event of its own. A mention that names no
actor only joins the event of the named mention it corroborates best (its
own article or the same place, the same day, shared wording); it never
starts an event, and never joins two.

:func:`link` takes new mentions and the stored mentions near them and
returns decisions (start an event, join one, merge several) for the store
to apply; :func:`assemble` links and merges mentions held in memory (one
text, or a whole database when relinking). An event's id is the smallest
id of its named mentions, so it is a function of its mentions too.

:mod:`.rules` says when mentions fit; :mod:`.merge` builds the event record
from its mentions.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..models import Event
from .merge import merge_mentions
from .rules import corroboration, known_codes, link_rules, match_score, type_group

__all__ = [
    "SHORT_EVENT_DAYS",
    "Stored",
    "Links",
    "assemble",
    "candidate_window",
    "codes_of",
    "event_of",
    "group_mentions",
    "is_named",
    "link",
    "merge_mentions",
    "type_group",
]


@dataclass(frozen=True)
class Links:
    """The outcome of one linking step.

    ``events``: every event of the regions the new mentions touched, id -> the
    ids of its named mentions (new and stored); they replace the stored events
    in ``retired``. ``placed``: for each mention naming no actor that was
    looked at, the event it corroborates (None: none). ``regions``: the region
    of every mention in either.
    """

    events: Mapping[str, tuple[str, ...]]
    placed: Mapping[str, str | None]
    regions: Mapping[str, str | None]
    retired: tuple[str, ...]

    def event_of(self) -> dict[str, str | None]:
        """Mention id -> the id of its event (None: it belongs to none)."""
        found: dict[str, str | None] = dict(self.placed)
        for event_id, keys in self.events.items():
            found.update(dict.fromkeys(keys, event_id))
        return found


def codes_of(mention: Event) -> frozenset[str]:
    """The known actor codes a mention names (actors and recipients; ``---`` is no code):
    what candidates are looked up by."""
    return known_codes(mention)


def is_named(mention: Event) -> bool:
    """Whether a mention names an actor at all (known or not): such a mention is, or
    starts, an event; one naming none can only corroborate one."""
    return bool(mention.actors or mention.recipients)


def candidate_window(mention: Event) -> tuple[str, str] | None:
    """The days (ISO, inclusive) a mention's span must touch to be linked with ``mention``.

    The window is as wide on both sides, so that two mentions find each other
    whichever arrives first.
    """
    span = mention.days
    if span is None:
        return None
    reach = _reach()
    return (span[0] - reach).isoformat(), (span[1] + reach).isoformat()


@dataclass(frozen=True)
class Stored:
    """A stored mention as linking sees it: the mention, its event and its region."""

    mention: Event
    event_id: str | None
    region: str | None


def link(new: Sequence[Event], stored: Sequence[Stored]) -> Links:
    """Decide which events the ``new`` mentions tell of.

    A region is a group of named mentions joined by pairs that may be one
    event (:func:`linked`); its events are found by reading its mentions in
    one fixed order (:func:`region_events`), so they depend on the region's
    mentions alone, never on the order they came in. A mention naming no
    actor joins the event of the named mention it corroborates best.

    ``stored`` must hold, for each new named mention, the stored named
    mentions near it (sharing a code, in its :func:`candidate_window`) with
    every other mention of their regions; and for each mention naming no actor
    (new, or stored near a new named mention), the stored named mentions it
    may corroborate.
    """
    by_id = {s.mention.id: s for s in stored}
    named_stored = [s.mention for s in stored if is_named(s.mention)]
    named_new = [m for m in new if is_named(m)]
    groups = _Groups()
    for item in stored:
        if item.region is not None and is_named(item.mention):
            groups.join(("region", item.region), ("mention", item.mention.id))
    index = _CodeIndex([*named_stored, *named_new])
    for mention in named_new:
        groups.add(("mention", mention.id))
        for other in index.near(mention, pairs=True):
            if other.id != mention.id and linked(mention, other):
                groups.join(("mention", mention.id), ("mention", other.id))
    members: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for mention in (*named_stored, *named_new):
        members[groups.find(("mention", mention.id))].append(mention)
    new_ids = {m.id for m in named_new}
    events: dict[str, tuple[str, ...]] = {}
    regions: dict[str, str | None] = {}
    event_of_named = {s.mention.id: s.event_id for s in stored if is_named(s.mention)}
    retired: set[str] = set()
    for found in members.values():
        if not new_ids & {m.id for m in found}:
            continue  # a region no new mention joined stays as it is
        region = min(m.id for m in found)
        for event_id, told in region_events(found).items():
            events[event_id] = tuple(sorted(m.id for m in told))
            for mention in told:
                regions[mention.id] = region
                event_of_named[mention.id] = event_id
        retired.update(by_id[m.id].event_id or "" for m in found if m.id in by_id)
    placed: dict[str, str | None] = {}
    # Only a mention of known actors anchors one naming none.
    anchors = [m for m in (*named_stored, *named_new) if codes_of(m)]
    unnamed = [m for m in new if not is_named(m)]
    unnamed += [s.mention for s in stored if not is_named(s.mention)]
    for mention in unnamed:
        anchor = best_corroborated(mention, anchors)
        placed[mention.id] = event_of_named[anchor.id] if anchor else None
        if anchor is None:
            regions[mention.id] = None
        elif anchor.id not in regions:  # a region no new mention touched: as stored
            regions[mention.id] = by_id[anchor.id].region
        else:
            regions[mention.id] = regions[anchor.id]
        if mention.id in by_id and by_id[mention.id].event_id != placed[mention.id]:
            retired.add(by_id[mention.id].event_id or "")
    retired.discard("")
    return Links(events, placed, regions, tuple(sorted(retired)))


# A region this small is read without an index: each mention is tried on every event.
_SMALL_REGION = 24


def region_events(mentions: Iterable[Event]) -> dict[str, list[Event]]:
    """The events of one region's named mentions: each mention, read in a fixed order
    (by publication, article and place in the text), joins the event it fits best
    (:func:`~.rules.match_score`) or starts one. Event id: its smallest mention id."""
    ordered = sorted(mentions, key=_reading_order)
    if len(ordered) == 1:
        return {ordered[0].id: ordered}
    index = _CodeIndex(ordered) if len(ordered) > _SMALL_REGION else None
    event_of_mention: dict[str, int] = {}
    told: list[list[Event]] = []
    for mention in ordered:
        if index is None:
            nearby = set(range(len(told)))
        else:
            near = index.near(mention)
            nearby = {event_of_mention[o.id] for o in near if o.id in event_of_mention}
        best: tuple[float, int] | None = None
        for number in sorted(nearby):
            score = match_score(mention, told[number])
            if score is not None and (best is None or score > best[0]):
                best = (score, number)
        if best is None:
            told.append([mention])
            event_of_mention[mention.id] = len(told) - 1
        else:
            told[best[1]].append(mention)
            event_of_mention[mention.id] = best[1]
    return {min(m.id for m in found): found for found in told}


def group_mentions(mentions: Iterable[Event]) -> tuple[dict[str, list[Event]], list[Event]]:
    """The events told by ``mentions`` held in memory (event id -> its mentions), and the
    mentions naming no actor that corroborate nothing."""
    mentions = list(mentions)
    by_id = {m.id: m for m in mentions}
    found: dict[str, list[Event]] = defaultdict(list)
    unplaced = []
    for key, event_id in link(mentions, ()).event_of().items():
        if event_id is None:
            unplaced.append(by_id[key])
        else:
            found[event_id].append(by_id[key])
    return found, unplaced


def assemble(mentions: Iterable[Event], *, keep_unplaced: bool = False) -> list[Event]:
    """The events told by ``mentions`` (one-mention events, e.g. those of one text), each
    merged from its mentions, in date order (undated last). With ``keep_unplaced``,
    a mention naming no actor that corroborates nothing is an event of its own."""
    groups, unplaced = group_mentions(mentions)
    events = [event_of(key, found) for key, found in groups.items()]
    if keep_unplaced:
        events += unplaced
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def event_of(event_id: str, mentions: Iterable[Event]) -> Event:
    """The event ``event_id`` merged from its mentions, read in one fixed order (by
    publication, article and place in the text), so the record never depends on
    the order they were stored in."""
    ordered = sorted(mentions, key=_reading_order)
    return replace(merge_mentions(ordered), id=event_id)


def linked(a: Event, b: Event) -> bool:
    """Whether two named mentions may tell of one event (the same answer either way round)."""
    first, second = (a, b) if a.id <= b.id else (b, a)
    return match_score(first, [second]) is not None


def best_corroborated(mention: Event, named: Iterable[Event]) -> Event | None:
    """The named mention that ``mention`` (naming no actor) corroborates best: the most
    shared wording, then the smallest id."""
    best: tuple[float, str, Event] | None = None
    for other in named:
        score = corroboration(mention, other)
        if score is not None and (best is None or (-score, other.id) < (-best[0], best[1])):
            best = (score, other.id, other)
    return best[2] if best else None


# -- helpers -------------------------------------------------------------------


def _reading_order(mention: Event) -> tuple[str, str, int, str]:
    evidence = mention.mentions[0]
    return (evidence.published or "~", evidence.doc, evidence.start, mention.id)


def _reach() -> timedelta:
    rules = link_rules()
    return timedelta(days=max(rules.day_tolerance, rules.published_window))


class _Groups:
    """Union-find over ("event", id) and ("mention", id) nodes."""

    def __init__(self) -> None:
        self._parent: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, node: tuple[str, str]) -> None:
        self._parent.setdefault(node, node)

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        self.add(node)
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:
            self._parent[node], node = root, self._parent[node]
        return root

    def join(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)

    def members(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for node in self._parent:
            found[self.find(node)].append(node)
        return found


# Mentions spanning more than this many days are "long": few, and scanned apart, so
# that the common short ones are found by a narrow search of a sorted list.
SHORT_EVENT_DAYS = 7


class _CodeIndex:
    """Named mentions by actor code and first day, to find those near a mention."""

    def __init__(self, mentions: Iterable[Event]) -> None:
        # Per code: first days (for bisect) and (first, last, codes named, mention).
        self._firsts: dict[str, list[date]] = defaultdict(list)
        self._short: dict[str, list[tuple[date, date, int, Event]]] = defaultdict(list)
        self._long: dict[str, list[tuple[date, date, int, Event]]] = defaultdict(list)
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

    def near(self, mention: Event, *, pairs: bool = False) -> Iterable[Event]:
        """Mentions sharing a code with ``mention`` whose span touches its window, each once.

        With ``pairs``, only those sharing as many codes as two mentions of one
        event must (two, or all of the one naming fewer).
        """
        span = mention.days
        if span is None:
            return []
        reach = _reach()
        start, end = span[0] - reach, span[1] + reach
        mine = codes_of(mention)
        hits: dict[str, int] = defaultdict(int)
        named: dict[str, tuple[int, Event]] = {}
        for code in mine:
            entries = self._short.get(code, [])
            earliest = start - self._longest.get(code, timedelta(0))
            position = bisect.bisect_left(self._firsts.get(code, []), earliest)
            while position < len(entries):
                first, last, count, other = entries[position]
                position += 1
                if first > end:
                    break
                if last >= start:
                    hits[other.id] += 1
                    named[other.id] = (count, other)
            for first, last, count, other in self._long.get(code, []):
                if first <= end and last >= start:
                    hits[other.id] += 1
                    named[other.id] = (count, other)
        if not pairs:
            return [other for _, other in named.values()]
        return [
            other for key, (count, other) in named.items() if hits[key] >= min(2, len(mine), count)
        ]
