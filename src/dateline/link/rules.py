"""When two event mentions are one event: type, actors, dates and wording.

All knobs are data (``knowledge/link.yaml``). A mention is compared with an
event (all the mentions already linked to it) and gets a score, or ``None``
when it cannot be the same event:

- types: the same PLOVER type, or two types of one group;
- actors: only known actors count (a code other than ``---``: a name
  nobody resolved says nothing about who acts). The codes taking part
  overlap by at least two (or all of the smaller side, when it names fewer
  than two), and the participants agree role by role with every mention of
  the event: its known sources with theirs, its known targets with theirs
  (:func:`roles_agree`; for ``symmetric_types`` the roles may be told the
  other way round). The peacekeepers killed are not the separatists the
  operation was against; French jets are not American ships;
- a mention that names no known actor joins another only when its own words
  name the very day the other gives, and within its own article, or from
  another article whose sentence names no other place (:func:`corroboration`);
- distinct modes (an apology, a resignation) link only with their own kind;
- modes: within one article, a phone call and a visit are two events, and
  so are what will happen and what happened;
  across articles, sources may disagree and the disagreement is recorded;
- dates: dated mentions must overlap (a precise day inside a vaguer span,
  give or take ``day_tolerance``); a mention dated only by its publication
  day may join an event of the few days before it when it shares enough
  wording (``published_similarity``), and so must a dated mention from
  another article when one of the two names only whom the act was done to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from ..actors import UNKNOWN_CODE, Actor
from ..errors import KnowledgeError
from ..knowledge import load_yaml
from ..models import Event

__all__ = [
    "UNKNOWN_CODE",
    "LinkRules",
    "actors_compatible",
    "corroboration",
    "known_codes",
    "likeness",
    "link_rules",
    "match_score",
    "roles_agree",
    "type_group",
]

LINK_FILE = "link.yaml"
_WORD = re.compile(r"[^\W\d_]{3,}|\d+", re.UNICODE)


@dataclass(frozen=True)
class LinkRules:
    """The knobs of ``knowledge/link.yaml``."""

    groups: dict[str, frozenset[str]]
    distinct_modes: frozenset[str]
    day_tolerance: int
    published_window: int
    published_similarity: float
    related_similarity: float
    stopwords: frozenset[str]
    # Sector -> the sectors one body of a country holds (None: the country itself).
    sector_groups: dict[str | None, frozenset[str | None]]
    symmetric_types: frozenset[str]


@cache
def link_rules() -> LinkRules:
    """Read and check ``knowledge/link.yaml`` (once per process)."""
    data = load_yaml(LINK_FILE)
    try:
        groups: dict[str, set[str]] = {}
        for group in data["type_groups"]:
            for name in group:
                groups.setdefault(name, {name}).update(group)
        stopwords = load_yaml("stopwords.yaml").get("en", [])
        sector_groups: dict[str | None, set[str | None]] = {}
        for group in data.get("sector_groups") or ():
            members = {None if name in (None, "", "none") else str(name) for name in group}
            for name in members:
                sector_groups.setdefault(name, {name}).update(members)
        return LinkRules(
            groups={name: frozenset(members) for name, members in groups.items()},
            distinct_modes=frozenset(data.get("distinct_modes") or ()),
            day_tolerance=int(data["day_tolerance"]),
            published_window=int(data["published_window"]),
            published_similarity=float(data["published_similarity"]),
            related_similarity=float(data["related_similarity"]),
            stopwords=frozenset(str(word) for word in stopwords),
            sector_groups={k: frozenset(v) for k, v in sector_groups.items()},
            symmetric_types=frozenset(data.get("symmetric_types") or ()),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise KnowledgeError(f"malformed link rules: {error!r}", source=LINK_FILE) from None


def type_group(type_name: str) -> frozenset[str]:
    """The types a mention of ``type_name`` may be linked with."""
    return link_rules().groups.get(type_name, frozenset((type_name,)))


def known_codes(mention: Event) -> frozenset[str]:
    """The codes of the known actors a mention names (actors and recipients)."""
    codes = mention.codes
    return codes - {UNKNOWN_CODE} if UNKNOWN_CODE in codes else codes


def actors_compatible(a: Actor, b: Actor) -> bool:
    """Whether two known actors may be one party: the same code, and the same sector or
    one a member of the other ("Syrian troops", SYR MIL, and "Assad's forces", SYR)."""
    if a.code != b.code or a.code == UNKNOWN_CODE:
        return False
    if a.sector == b.sector:
        return True
    groups = link_rules().sector_groups
    return b.sector in groups.get(a.sector, frozenset())


def roles_agree(a: Event, b: Event) -> bool:
    """Whether the participants of two mentions agree, role by role (:func:`_parties_agree`):
    sources with sources, targets with targets. For ``symmetric_types`` (two sides
    meet, agree) the sides may be told either way round, and what one outlet names
    as the topic ("discussed aid to the Armenian people") is no party: each
    mention's sources must agree with the other's sources or targets. So too when
    a mention names one party on both sides (its roles tell no direction)."""
    symmetric = a.type in symmetric_types() and b.type in symmetric_types()
    if symmetric or _undirected(a) or _undirected(b):
        everyone_a, everyone_b = (*a.actors, *a.recipients), (*b.actors, *b.recipients)
        return _parties_agree(a.actors, everyone_b) and _parties_agree(b.actors, everyone_a)
    return _parties_agree(a.actors, b.actors) and _parties_agree(a.recipients, b.recipients)


def _undirected(mention: Event) -> bool:
    """Whether a mention names one party on both sides ("the war between Azerbaijan and
    Armenia", coded as Armenia fighting Armenia): its roles say nothing of direction."""
    return any(actors_compatible(a, b) for a in mention.actors for b in mention.recipients)


def symmetric_types() -> frozenset[str]:
    """Types whose sides may be told either way round (``symmetric_types``)."""
    return link_rules().symmetric_types


def _parties_agree(mine: Sequence[Actor], theirs: Sequence[Actor]) -> bool:
    """Whether two mentions' parties in one role may be the same: a role one leaves
    empty agrees; known parties agree when two are compatible; a role naming only
    parties nobody resolved agrees with another such role that shares a name or names
    none, not with a known party (the unnamed target of "it launched an operation
    there" is not the Russian peacekeepers another sentence says were killed; an
    inquiry into "Kempinski" is not one into "Christoph Metzelder")."""
    if not mine or not theirs:
        return True
    known_mine = [a for a in mine if a.code != UNKNOWN_CODE]
    known_theirs = [a for a in theirs if a.code != UNKNOWN_CODE]
    if known_mine and known_theirs:
        return any(actors_compatible(a, b) for a in known_mine for b in known_theirs)
    if known_mine or known_theirs:
        return False
    names_mine, names_theirs = _names(mine), _names(theirs)
    return not names_mine or not names_theirs or bool(names_mine & names_theirs)


def _names(actors: Sequence[Actor]) -> frozenset[str]:
    """The words of the names of unresolved actors, lower-cased."""
    return frozenset(w.casefold() for a in actors if a.name for w in a.name.split())


def match_score(mention: Event, event: Sequence[Event]) -> float | None:
    """How well ``mention`` fits the event made of ``event``'s mentions; None if it cannot.

    The participants must agree with every mention of the event
    (:func:`roles_agree`), so that an event never chains mentions of different
    parties through one that names both.
    """
    rules = link_rules()
    if not any(_kinds_agree(mention, other, rules) for other in event):
        return None
    if not _actors_agree(mention, event):
        return None
    if not all(roles_agree(mention, other) for other in event):
        return None
    same_article = {m.mentions[0].doc for m in event} & {mention.mentions[0].doc}
    if same_article and (_modes_conflict(mention, event) or _tenses_conflict(mention, event)):
        return None
    timing = _timing(mention, event, rules)
    if timing is None:
        return None
    similarity = max(_similarity(mention, other, rules) for other in event)
    if timing == "published" and similarity < rules.published_similarity and not same_article:
        return None
    if (
        not same_article
        and timing == "dated"
        and similarity < _needed_wording(mention, event, rules)
    ):
        return None
    return similarity + (1.0 if same_article else 0.0) + (0.5 if timing == "dated" else 0.0)


def _needed_wording(mention: Event, event: Sequence[Event], rules: LinkRules) -> float:
    """The wording two dated mentions of different articles must share: little when
    both name who acted (``related_similarity``), as much as an undated mention
    (``published_similarity``) when one names only whom it was done to: "a deal
    reached with the United States" is not every act of that week involving the
    United States."""
    if _names_known_source(mention) and any(_names_known_source(other) for other in event):
        return rules.related_similarity
    return rules.published_similarity


def _names_known_source(mention: Event) -> bool:
    return any(actor.code != UNKNOWN_CODE for actor in mention.actors)


def likeness(mention: Event) -> tuple[object, ...]:
    """Everything :func:`match_score` reads of a one-mention event but its wording: two
    mentions of one article that are alike in all of it fit every event alike (within
    an article wording changes the score, never whether they fit), and they fit each
    other when one fits itself. With the sentence, the same holds across articles.
    Linking reads one mention of each likeness where it would read many."""
    return (
        mention.mentions[0].doc,
        mention.type,
        mention.mode,
        mention.actors,
        mention.recipients,
        mention.status,
        mention.days,
        mention.date_source,
    )


def corroboration(mention: Event, other: Event) -> float | None:
    """How well a mention that names no actor corroborates the named mention ``other``
    (its shared wording), or None when it cannot tell of the same event.

    From another article, the places the two sentences name must not differ; it
    needs a compatible type, shared wording
    (``published_similarity``), and dates the texts give that agree: a mention of one day must name the very
    day ``other`` gives (neither dated by publication only); a mention of a
    vaguer span ("in September 2020, fighting resumed") may corroborate only
    an act that itself lasts several days and overlaps that span.
    """
    rules = link_rules()
    mine = mention.days
    if mention.date_source != "expression" or mine is None or other.date_source == "published":
        return None
    if not _kinds_agree(mention, other, rules):
        return None
    same_article = mention.mentions[0].doc == other.mentions[0].doc
    if not same_article and _places_conflict(mention, other):
        return None
    if not _dates_corroborate(mine, other.days, vague=mine[0] != mine[1]):
        return None
    similarity = _similarity(mention, other, rules)
    return similarity if similarity >= rules.published_similarity else None


def _dates_corroborate(
    mine: tuple[date, date], theirs: tuple[date, date] | None, *, vague: bool
) -> bool:
    if theirs is None:
        return False
    if not vague:
        return theirs[0] == mine[0]
    lasting = theirs[0] != theirs[1]
    return lasting and mine[0] <= theirs[1] and theirs[0] <= mine[1]


def _kinds_agree(a: Event, b: Event, rules: LinkRules) -> bool:
    if a.type not in type_group(b.type):
        return False
    distinct = {a.mode, b.mode} & rules.distinct_modes
    return not distinct or (a.type == b.type and a.mode == b.mode)


def _places_conflict(a: Event, b: Event) -> bool:
    """Whether the two sentences name different places (a dateline's place says where
    the article was written, not where the act was)."""
    first, second = a.place, b.place
    if first is None or second is None or "dateline" in (first.source, second.source):
        return False
    return str(first.name).casefold() != str(second.name).casefold()


def _actors_agree(mention: Event, event: Sequence[Event]) -> bool:
    mine = known_codes(mention)
    theirs = frozenset().union(*(known_codes(other) for other in event))
    shared = mine & theirs
    return bool(shared) and len(shared) >= min(2, len(mine), len(theirs))


def _tenses_conflict(mention: Event, event: Sequence[Event]) -> bool:
    """Within one article, what will happen ("Pompeo will lead talks") is not what
    happened beside it ("the leaders agreed")."""
    future = {other.status == "future" for other in event}
    return (mention.status == "future") not in future or len(future) > 1


def _modes_conflict(mention: Event, event: Sequence[Event]) -> bool:
    modes = {other.mode for other in event if other.mode}
    return bool(mention.mode) and bool(modes) and mention.mode not in modes


def _timing(mention: Event, event: Sequence[Event], rules: LinkRules) -> str | None:
    """ "dated" when the dates agree, "published" when only a publication day joins
    them, None when they cannot be one event."""
    mine = mention.days
    if mine is None:
        return None
    slack = timedelta(days=rules.day_tolerance)
    window = timedelta(days=rules.published_window)
    verdict = None
    for other in event:
        theirs = other.days
        if theirs is None:
            continue
        if mine[0] <= theirs[1] + slack and theirs[0] <= mine[1] + slack:
            if "published" not in (mention.date_source, other.date_source):
                return "dated"
            verdict = verdict or "published"
            continue
        published, dated = (mine, theirs) if mention.date_source == "published" else (theirs, mine)
        if "published" in (mention.date_source, other.date_source) and (
            dated[0] <= published[0] <= dated[1] + window
        ):
            verdict = "published"
    return verdict


def _similarity(a: Event, b: Event, rules: LinkRules) -> float:
    """Share of the shorter evidence's content words that the other has too.

    The overlap coefficient rather than Jaccard: one outlet's long sentence
    often holds another's short one.
    """
    words_a, words_b = _content_words(a, rules), _content_words(b, rules)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _content_words(event: Event, rules: LinkRules) -> frozenset[str]:
    if len(event.mentions) == 1:  # a mention, as linking compares them: no new string to hash
        return _words_of(event.mentions[0].sentence, rules.stopwords)
    return _words_of(" ".join(m.sentence for m in event.mentions), rules.stopwords)


@lru_cache(maxsize=65536)
def _words_of(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in stopwords)
