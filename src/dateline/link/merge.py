"""One record from all the mentions of one event, with where its sources disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from ..actors import UNKNOWN_CODE, Actor
from ..models import Event
from ..places import Place
from .rules import actors_compatible

__all__ = ["merge_mentions"]

# Which dates to believe first: one the text gives for the act, then the
# passage's, then the publication day; among those, days before months before
# years ("September 27 to November 10" says more than "in September 2020").
_DATE_TRUST = {"expression": 0, "passage": 1, "published": 2}
_PRECISION_RANK = {"time": 0, "day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3}


def merge_mentions(mentions: Sequence[Event]) -> Event:
    """The event told by ``mentions`` (each a one-mention event), keeping every mention.

    The type is the one most mentions give (ties: the most confident); the
    date is the most trusted and most precise one; actors and recipients are
    those the mentions agree on (:func:`agreed_parties`), in order of how
    often they are named; numbers take their largest report. Differences
    between sources (days, modes, participants) are kept in
    ``disagreements``.
    """
    if len(mentions) == 1:
        return mentions[0]
    first = mentions[0]
    dated = min(mentions, key=_date_rank)
    actors, dropped_actors = agreed_parties(mentions, "actors")
    recipients, dropped_recipients = agreed_parties(mentions, "recipients")
    recipients = tuple(a for a in recipients if a not in actors)
    kind = _majority_type(mentions)
    modes = Counter(m.mode for m in mentions if m.mode and m.type == kind)
    statuses = Counter(m.status for m in mentions)
    magnitude: dict[str, int] = {}
    for mention in mentions:
        for key, value in mention.magnitude:
            magnitude[key] = max(value, magnitude.get(key, value))
    confidence = 1.0
    for mention in mentions:
        confidence *= 1.0 - mention.confidence
    place = _place(mentions)
    return replace(
        first,
        type=kind,
        mode=modes.most_common(1)[0][0] if modes else None,
        actors=actors,
        recipients=recipients,
        date=dated.date,
        date_end=dated.date_end,
        date_precision=dated.date_precision,
        date_source=dated.date_source,
        status="occurred" if "occurred" in statuses else statuses.most_common(1)[0][0],
        mentions=tuple(e for m in mentions for e in m.mentions),
        contexts=tuple(sorted({c for m in mentions for c in m.contexts})),
        speaker=next((m.speaker for m in mentions if m.speaker), None),
        place=place,
        magnitude=tuple(sorted(magnitude.items())),
        confidence=round(1.0 - confidence, 3),
        disagreements=_disagreements(mentions)
        + _party_disagreements("actors", dropped_actors)
        + _party_disagreements("recipients", dropped_recipients),
    )


def agreed_parties(
    mentions: Sequence[Event], role: str
) -> tuple[tuple[Actor, ...], dict[str, set[str]]]:
    """The actors (``role`` "actors") or recipients the mentions agree on, and those left
    out (label -> the files that name them).

    The fullest account stands: the mention naming the most known actors in the
    role (ties: the first in reading order), with the names nobody resolved
    (code ``---``) that it gives. Another mention's known actor is added when it
    is a party the fullest account does not name (no actor of it is compatible,
    :func:`~.rules.actors_compatible`) and most mentions naming a known actor in
    the role (more than half) name it. Nothing is gathered from every sentence:
    a party one outlet adds, or a name nobody resolved, stays out of the record
    and, when known, in its ``disagreements``.
    """
    told = [tuple(getattr(m, role)) for m in mentions]
    known = [tuple(a for a in actors if a.code != UNKNOWN_CODE) for actors in told]
    with_known = [actors for actors in known if actors]
    if with_known:
        fullest = max(range(len(told)), key=lambda number: (len(known[number]), -number))
        order = {a: n for n, a in enumerate(_ranked(a for actors in with_known for a in actors))}
        kept = list(_ranked(known[fullest]))
        for actor in order:
            agreeing = sum(
                any(actors_compatible(actor, b) for b in actors) for actors in with_known
            )
            if 2 * agreeing > len(with_known) and not any(
                actors_compatible(actor, k) for k in kept
            ):
                kept.append(actor)
        kept.sort(key=lambda actor: order.get(actor, len(order)))
        kept += [a for a in told[fullest] if a.code == UNKNOWN_CODE]
    else:
        kept = list(next((actors for actors in told if actors), ()))
    dropped: dict[str, set[str]] = {}
    for mention, actors in zip(mentions, told, strict=True):
        for actor in actors:
            if actor.code != UNKNOWN_CODE and not any(actors_compatible(actor, k) for k in kept):
                dropped.setdefault(actor.label, set()).add(mention.mentions[0].file)
    return tuple(kept), dropped


def _party_disagreements(role: str, dropped: dict[str, set[str]]) -> tuple[str, ...]:
    if not dropped:
        return ()
    named = " | ".join(f"{label} ({', '.join(sorted(f))})" for label, f in sorted(dropped.items()))
    return (f"{role} not agreed: {named}",)


def _place(mentions: Sequence[Event]) -> Place | None:
    """The place the sentences say before the place an article was filed from; of
    those, the one most mentions give (ties: the first in mention order)."""
    places = [m.place for m in mentions if m.place is not None]
    said = [p for p in places if p.source != "dateline"] or places
    counts = Counter(said)
    return max(said, key=lambda p: counts[p], default=None)


def _date_rank(mention: Event) -> tuple[int, int, int, str]:
    span = 0
    if mention.date and mention.date_end:
        span = (_day(mention.date_end) - _day(mention.date)).days
    return (
        _DATE_TRUST.get(mention.date_source or "published", 3),
        _PRECISION_RANK.get(mention.date_precision or "", 4),
        span,
        mention.date or "",
    )


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _ranked(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """Distinct actors (by code, sector and name), most often named first; of two
    forms of one actor, the one that knows the office wins, and a named person
    stands in for the bare country of the same sector."""
    counts: Counter[tuple[str, str | None, str | None]] = Counter()
    best: dict[tuple[str, str | None, str | None], Actor] = {}
    for actor in actors:
        key = (actor.code, actor.sector, actor.name)
        counts[key] += 1
        if key not in best or (actor.office and not best[key].office):
            best[key] = actor
    # "Kenya" beside "William Ruto" of the same sector says nothing more.
    named = {(code, sector) for code, sector, name in best if name}
    for key in [k for k in best if k[2] is None and (k[0], k[1]) in named]:
        counts[(key[0], key[1], next(n for c, s, n in best if (c, s) == key[:2] and n))] += counts[
            key
        ]
        del best[key]
    order = {key: number for number, key in enumerate(best)}
    return tuple(best[key] for key in sorted(best, key=lambda k: (-counts[k], order[k])))


def _majority_type(mentions: Sequence[Event]) -> str:
    weight: dict[str, float] = {}
    for mention in mentions:
        weight[mention.type] = weight.get(mention.type, 0.0) + 1 + mention.confidence / 10
    return max(weight, key=lambda name: weight[name])


def _disagreements(mentions: Sequence[Event]) -> tuple[str, ...]:
    """Where the articles differ: the days their texts give, and modes (met / spoke by phone)."""
    found = []
    days: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.date_source == "expression" and mention.date and not mention.date_end:
            days.setdefault(mention.date, set()).add(mention.mentions[0].file)
    if len(days) > 1:
        found.append(
            "date: " + " | ".join(f"{d} ({', '.join(sorted(f))})" for d, f in sorted(days.items()))
        )
    modes: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.mode:
            modes.setdefault(mention.mode, set()).add(mention.mentions[0].file)
    if len(modes) > 1:
        found.append(
            "mode: " + " | ".join(f"{m} ({', '.join(sorted(f))})" for m, f in sorted(modes.items()))
        )
    return tuple(found)
