"""Summaries of stored actor mentions, for ``dateline actors``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .values import Actor, ActorMention

__all__ = ["ActorSummary", "summarise"]


@dataclass(frozen=True)
class ActorSummary:
    """One actor of the store: how often it was mentioned and how it was recognised."""

    actor: Actor
    mentions: int
    how: tuple[tuple[str, int], ...]  # ("title", 3), ("learned", 5), most frequent first

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready row."""
        return {**self.actor.to_dict(), "mentions": self.mentions, "how": dict(self.how)}


def summarise(records: Iterable[ActorMention | Mapping[str, Any]]) -> list[ActorSummary]:
    """Count mentions per actor, most mentioned first.

    ``records`` are :class:`ActorMention` objects, or mappings with the
    actor's fields (``code``, ``sector``, ``name``, ``office``) and ``how``,
    as a store returns them.
    """
    counts: Counter[Actor] = Counter()
    hows: dict[Actor, Counter[str]] = {}
    for record in records:
        how: str
        if isinstance(record, ActorMention):
            actor, how = record.actor, record.how
        else:
            actor = Actor.from_dict(dict(record.get("actor") or record))
            how = str(record.get("how", ""))
        counts[actor] += 1
        hows.setdefault(actor, Counter())[how] += 1
    return [
        ActorSummary(actor, total, tuple(hows[actor].most_common()))
        for actor, total in sorted(
            counts.items(), key=lambda item: (-item[1], item[0].code, item[0].name or "")
        )
    ]
