"""Which days matter: the candidate days ranked by the learnt date ranker.

Every day between ``since`` and ``until`` that the corpus says anything of
(articles published on it, sentences naming it, events dated on it) is
described by :func:`~.features.day_features` and scored by a
:class:`~.ranker.DateRanker`: the shipped one unless another is given (the
leave-one-topic-out evaluation trains its own). Ties go to the earlier day,
for stable output.

A day is ranked among the others only if the corpus reports it
(:func:`is_reported`): articles were published on it, a chronology lists it,
or at least ``LATER_NAMERS`` articles written after it name it, or most of
them do (``LATER_SHARE``: a small corpus, or a day near its end). A day named
once or twice in passing and with no article of its own goes after every
reported day, whatever its score: a ranker learnt on stories whose
timelines keep many unreported days otherwise prefers them to days with
reporting of their own (docs/summaries.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ...models import DatedSentence
from ...query import DayEvent
from .features import FEATURES, DayFeatures, day_features
from .ranker import DateRanker, shipped_ranker

__all__ = ["LATER_NAMERS", "LATER_SHARE", "RankedDay", "is_reported", "rank_days"]

# Several later articles naming a day make it news without an article of its own,
LATER_NAMERS = 3
# and so does being named by this share of the articles written after it.
LATER_SHARE = 0.5
_NAMED_SHARE = FEATURES.index("mentioning_later_share")


@dataclass(frozen=True)
class RankedDay:
    """A candidate day, its features and the ranker's log-odds that it belongs in a timeline."""

    features: DayFeatures
    score: float

    @property
    def day(self) -> date:
        return self.features.day


def is_reported(features: DayFeatures) -> bool:
    """Whether the corpus reports the day: an article of its own, a chronology's entry,
    ``LATER_NAMERS`` later articles naming it, or ``LATER_SHARE`` of them."""
    counts = features.counts
    return (
        counts["published"] > 0
        or counts["chronology_listings"] > 0
        or counts["mentioning_later"] >= LATER_NAMERS
        or features.values[_NAMED_SHARE] >= LATER_SHARE
    )


def rank_days(
    sentences: Sequence[DatedSentence],
    events: Iterable[DayEvent] = (),
    *,
    since: date | None = None,
    until: date | None = None,
    ranker: DateRanker | None = None,
) -> list[RankedDay]:
    """The candidate days from most to least likely to be in a journalist's timeline:
    the reported days (:func:`is_reported`) by the ranker's score, then the others."""
    ranker = ranker or shipped_ranker()
    scored = [
        RankedDay(features, ranker.score(features.values))
        for features in day_features(sentences, events, since=since, until=until)
    ]
    return sorted(
        scored,
        key=lambda ranked: (not is_reported(ranked.features), -ranked.score, ranked.day),
    )
