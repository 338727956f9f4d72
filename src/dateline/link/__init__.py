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
to apply; :func:`.retrieval.gather` finds those stored mentions through the
few lookups of :class:`.retrieval.Candidates`, which the store implements; :func:`assemble` links and merges mentions held in memory (one
text, or a whole database when relinking). An event's id is the smallest
id of its named mentions, so it is a function of its mentions too.

:mod:`.rules` says when mentions fit; :mod:`.retrieval` which stored
mentions may; :mod:`.merge` builds the event record from its mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..models import Event
from .merge import merge_mentions
from .retrieval import (
    Candidates,
    CodeIndex,
    MemoryCandidates,
    Stored,
    codes_of,
    gather,
    is_named,
    linked,
)
from .rules import corroboration, likeness, match_score, type_group

__all__ = [
    "Candidates",
    "Links",
    "MemoryCandidates",
    "Stored",
    "assemble",
    "event_of",
    "events_of",
    "gather",
    "group_mentions",
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


def link(new: Sequence[Event], stored: Sequence[Stored]) -> Links:
    """Decide which events the ``new`` mentions tell of.

    A region is a group of named mentions joined by pairs that may be one
    event (:func:`linked`); its events are found by reading its mentions in
    one fixed order (:func:`region_events`), so they depend on the region's
    mentions alone, never on the order they came in. A mention naming no
    actor joins the event of the named mention it corroborates best.

    ``stored`` must hold, for each new named mention, the stored named
    mentions near it (sharing a code, within :func:`.retrieval.reach`) with
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
    _join_linked(groups, CodeIndex([*named_stored, *named_new]), named_new)
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
    # Only a mention of known actors anchors one naming none. Of anchors alike, the
    # one of smallest id is the one that would be chosen: the others need no look.
    anchors = _first_of_each(m for m in (*named_stored, *named_new) if codes_of(m))
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
    (:func:`~.rules.match_score`) or starts one. Event id: its smallest mention id.

    An event is scored on one of each kind of mentions it holds (:func:`_read_alike`):
    the same score as on all of them, at a cost that does not grow with the event."""
    ordered = sorted(mentions, key=_reading_order)
    if len(ordered) == 1:
        return {ordered[0].id: ordered}
    near = _NearEvents(ordered) if len(ordered) > _SMALL_REGION else None
    told: list[list[Event]] = []
    distinct: list[dict[tuple[object, ...], Event]] = []
    for mention in ordered:
        nearby = range(len(told)) if near is None else sorted(near.of(mention))
        best: tuple[float, int] | None = None
        for number in nearby:
            score = match_score(mention, list(distinct[number].values()))
            if score is not None and (best is None or score > best[0]):
                best = (score, number)
        if best is None:
            told.append([])
            distinct.append({})
        number = len(told) - 1 if best is None else best[1]
        told[number].append(mention)
        distinct[number].setdefault(_read_alike(mention), mention)
        if near is not None:
            near.joined(mention, number)
    return {min(m.id for m in found): found for found in told}


def group_mentions(mentions: Iterable[Event]) -> tuple[dict[str, list[Event]], list[Event]]:
    """The events told by ``mentions`` held in memory (event id -> its mentions), and the
    mentions naming no actor that corroborate nothing."""
    mentions = list(mentions)
    return events_of(link(mentions, ()), mentions)


def events_of(
    links: Links, mentions: Iterable[Event]
) -> tuple[dict[str, list[Event]], list[Event]]:
    """The events ``links`` decided (event id -> its mentions, of ``mentions``), and the
    mentions naming no actor that corroborate nothing."""
    by_id = {m.id: m for m in mentions}
    found: dict[str, list[Event]] = defaultdict(list)
    unplaced = []
    for key, event_id in links.event_of().items():
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


def _read_alike(mention: Event) -> tuple[object, ...]:
    """All the rules read of a mention: its :func:`~.rules.likeness`, sentence and place.
    Mentions alike in it score alike on every event and corroborate alike."""
    return (likeness(mention), mention.mentions[0].sentence, mention.place)


def _first_of_each(mentions: Iterable[Event]) -> list[Event]:
    """Of the mentions alike (:func:`_read_alike`), the one of smallest id."""
    first: dict[tuple[object, ...], Event] = {}
    for mention in sorted(mentions, key=lambda m: m.id):
        first.setdefault(_read_alike(mention), mention)
    return list(first.values())


def _join_linked(groups: _Groups, index: CodeIndex, named_new: Sequence[Event]) -> None:
    """Join each new named mention with every mention near it that it may be one event
    with (:func:`linked`).

    Mentions of one article alike in all that linking reads (:func:`~.rules.likeness`)
    are looked at as one: a kind of them is looked up once, and tried once against
    each other kind of the article, so that thousands of mentions of the same
    parties on the same day cost as many tries as there are kinds.
    """
    kind_of = {m.id: likeness(m) for m in named_new}
    kinds: dict[tuple[object, ...], list[Event]] = defaultdict(list)
    for mention in named_new:
        groups.add(("mention", mention.id))
        kinds[kind_of[mention.id]].append(mention)
    settled: set[frozenset[tuple[object, ...]]] = set()
    for kind, alike in kinds.items():
        for other in index.near(alike[0], pairs=True):
            other_kind = kind_of.get(other.id)
            if other_kind is not None and other_kind[0] == kind[0]:  # new, of the same article
                if frozenset((kind, other_kind)) not in settled:
                    settled.add(frozenset((kind, other_kind)))
                    _join_kinds(groups, alike, kinds[other_kind])
                continue
            for mention in alike:
                if linked(mention, other):
                    groups.join(("mention", mention.id), ("mention", other.id))


def _join_kinds(groups: _Groups, one: Sequence[Event], other: Sequence[Event]) -> None:
    """Join the pairs of two kinds of mentions of one article (or of one kind) that may be
    one event. Whether a pair fits depends on its kinds alone, and on which of the two
    is read first only where the two readings differ: then pair by pair."""
    forward = match_score(one[0], [other[0]]) is not None
    if forward != (match_score(other[0], [one[0]]) is not None):
        for a in one:
            for b in other:
                if a.id != b.id and linked(a, b):
                    groups.join(("mention", a.id), ("mention", b.id))
    elif forward:
        for mention in (*one, *other):
            groups.join(("mention", one[0].id), ("mention", mention.id))


class _NearEvents:
    """The events near each mention of a region as its mentions are placed: those holding
    a mention the code index finds near it. Mentions naming the same codes on the same
    days share one answer, so the index is asked once for each."""

    def __init__(self, mentions: Sequence[Event]) -> None:
        index = CodeIndex(mentions)
        self._events: dict[tuple[object, ...], set[int]] = {}
        # Mention id -> the places (codes, days) it is near, whose events it joins.
        self._near: dict[str, list[tuple[object, ...]]] = defaultdict(list)
        for mention in mentions:
            place = (codes_of(mention), mention.days)
            if place not in self._events:
                self._events[place] = set()
                for other in index.near(mention):
                    self._near[other.id].append(place)

    def of(self, mention: Event) -> set[int]:
        """The events near ``mention``, by number."""
        return self._events[(codes_of(mention), mention.days)]

    def joined(self, mention: Event, number: int) -> None:
        """Record that ``mention`` joined event ``number``."""
        for place in self._near.get(mention.id, ()):
            self._events[place].add(number)


def _reading_order(mention: Event) -> tuple[str, str, int, str]:
    evidence = mention.mentions[0]
    return (evidence.published or "~", evidence.doc, evidence.start, mention.id)


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
