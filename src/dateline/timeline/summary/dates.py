"""Which days matter: the candidate days ranked by the learnt date ranker.

Every day between ``since`` and ``until`` that the corpus says anything of
(articles published on it, sentences naming it, events dated on it) is
described by :func:`~.features.day_features` and scored by a
:class:`~.ranker.DateRanker`: the shipped one unless another is given (the
leave-one-topic-out evaluation trains its own). Ties go to the earlier day,
for stable output.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ...models import DatedSentence
from ...query import DayEvent
from .features import DayFeatures, day_features
from .ranker import DateRanker, shipped_ranker

__all__ = ["RankedDay", "rank_days"]


@dataclass(frozen=True)
class RankedDay:
    """A candidate day, its features and the ranker's log-odds that it belongs in a timeline."""

    features: DayFeatures
    score: float

    @property
    def day(self) -> date:
        return self.features.day


def rank_days(
    sentences: Sequence[DatedSentence],
    events: Iterable[DayEvent] = (),
    *,
    since: date | None = None,
    until: date | None = None,
    ranker: DateRanker | None = None,
) -> list[RankedDay]:
    """The candidate days from most to least likely to be in a journalist's timeline."""
    ranker = ranker or shipped_ranker()
    scored = [
        RankedDay(features, ranker.score(features.values))
        for features in day_features(sentences, events, since=since, until=until)
    ]
    return sorted(scored, key=lambda ranked: (-ranked.score, ranked.day))
