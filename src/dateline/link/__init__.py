"""The ``link`` stage: one real-world event, one record, with all its mentions.

Each coded mention is compared with the events stored before it whose
types are compatible and whose dates lie near its own (the store looks them
up through indexed columns: no all-pairs comparison), and joins the best
fitting one, or starts a new event. Mentions of an article are linked in
text order, so several sentences of one article about one phone call
become one event, and the same call told by four outlets becomes one event
with four sources. Old articles are never reprocessed: a new mention only
reads what is stored.

:mod:`.rules` says when a mention fits an event; :mod:`.merge` builds the
event record from its mentions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from ..models import Event
from .merge import merge_mentions
from .rules import corroborates, link_rules, match_score, type_group

__all__ = ["candidate_window", "choose_event", "merge_mentions", "type_group"]


def candidate_window(mention: Event) -> tuple[str, str] | None:
    """The dates (ISO, inclusive) an event must touch to be a candidate for ``mention``."""
    if mention.date is None:
        return None
    rules = link_rules()
    reach = max(rules.day_tolerance, rules.published_window)
    start = date.fromisoformat(mention.date) - timedelta(days=reach)
    end = date.fromisoformat(mention.date_end or mention.date) + timedelta(days=rules.day_tolerance)
    return start.isoformat(), end.isoformat()


def choose_event(mention: Event, candidates: Mapping[str, Sequence[Event]]) -> str | None:
    """The id of the event (among ``candidates``: id -> its mentions) that ``mention``
    tells of, or None when it is a new event.

    A mention naming no actor only joins an event it corroborates (the same day,
    shared wording); it never starts one.
    """
    if not mention.actors and not mention.recipients:
        return next(
            (key for key, found in candidates.items() if corroborates(mention, found)), None
        )
    best: tuple[float, str] | None = None
    for event_id, mentions in candidates.items():
        score = match_score(mention, mentions)
        if score is not None and (best is None or score > best[0]):
            best = (score, event_id)
    return best[1] if best else None
