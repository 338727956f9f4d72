"""Which days matter: ranking the days of a corpus by how much the news talks about them.

The signals are those of DATEWISE (Gholipour Ghalandari and Ifrim, 2020),
which found that a few counts rank days about as well as anything learnt:

- how many articles name the day ("on Tuesday", "on March 19"), counted
  once per article so that one long piece does not outweigh a dozen short
  ones;
- how long after the day those articles were written: news that is still
  told weeks afterwards is what a timeline keeps, so each later article
  counts the more the later it looks back (by the logarithm of the days
  between, so that one retrospective does not outweigh the day's own news);
- how many articles were published that day, which is all a corpus whose
  dates were not resolved still says.

To these Dateline adds the chronologies journalists wrote
(:mod:`.chronology`): the share of the chronologies published after a day
that list it. Both signals are scaled to [0, 1] and added, so that a corpus
without chronologies is ranked by its counts alone.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ...models import DatedSentence
from .chronology import chronologies, is_chronology_entry

__all__ = ["DayScore", "day_scores", "mentioned_days", "top_days"]

# Precisions that name one calendar day; a month or a year is no timeline date.
DAY_PRECISIONS = frozenset({"day", "time"})

# How much one article published on a day counts beside one article naming it:
# publishing is a weaker sign (a quiet day still has its articles).
PUBLISHED_WEIGHT = 0.5


@dataclass(frozen=True)
class DayScore:
    """The evidence for one day and the importance it adds up to."""

    day: date
    mentioning_articles: int  # articles with a sentence naming the day
    later_mentioning_articles: int  # ... of which published after it
    hindsight: float  # sum over those of log(1 + days between the day and the article)
    published_articles: int  # articles published that day
    chronology_listings: int = 0  # chronologies with an entry for the day
    chronologies_after: int = 0  # chronologies published on or after the day

    @property
    def coverage(self) -> float:
        """How much the news says of the day: articles naming it, those looking back weighted up."""
        return (
            self.mentioning_articles + self.hindsight + PUBLISHED_WEIGHT * self.published_articles
        )

    @property
    def chronology_share(self) -> float:
        """The share of the chronologies that could list the day which do."""
        return (
            self.chronology_listings / self.chronologies_after if self.chronologies_after else 0.0
        )


def mentioned_days(sentence: DatedSentence) -> set[date]:
    """The single days a sentence names (months, years and ranges left out)."""
    return {
        first
        for first, last, precision in sentence.dates
        if first == last and precision in DAY_PRECISIONS
    }


def day_scores(
    sentences: Iterable[DatedSentence],
    *,
    since: date | None = None,
    until: date | None = None,
) -> list[DayScore]:
    """The evidence for every day between ``since`` and ``until`` that has any."""
    mentioning: dict[date, set[str]] = defaultdict(set)
    later: dict[date, dict[str, int]] = defaultdict(dict)
    published: dict[date, set[str]] = defaultdict(set)
    listed: dict[date, set[str]] = defaultdict(set)
    sentences = list(sentences)
    chronology_days = chronologies(sentences)
    for sentence in sentences:
        if sentence.published is not None:
            published[sentence.published].add(sentence.article_id)
        for day in mentioned_days(sentence):
            mentioning[day].add(sentence.article_id)
            if sentence.published is not None and sentence.published > day:
                later[day][sentence.article_id] = (sentence.published - day).days
            if sentence.article_id in chronology_days and is_chronology_entry(sentence.text):
                listed[day].add(sentence.article_id)
    days = set(mentioning) | set(published)
    return [
        DayScore(
            day=day,
            mentioning_articles=len(mentioning.get(day, ())),
            later_mentioning_articles=len(later.get(day, ())),
            hindsight=sum(math.log1p(days) for days in later.get(day, {}).values()),
            published_articles=len(published.get(day, ())),
            chronology_listings=len(listed.get(day, ())),
            chronologies_after=sum(
                1 for written in chronology_days.values() if written is None or written >= day
            ),
        )
        for day in sorted(days)
        if _within(day, since, until)
    ]


def top_days(scores: Sequence[DayScore]) -> list[date]:
    """Days from most to least important; ties go to the earlier day, for stable output.

    Importance is the day's coverage as a share of the best-covered day's,
    plus its chronology share: two signals on one scale, weighed equally.
    """
    most = max((score.coverage for score in scores), default=0.0) or 1.0
    ranked = sorted(
        scores, key=lambda score: (-(score.coverage / most + score.chronology_share), score.day)
    )
    return [score.day for score in ranked]


def _within(day: date, since: date | None, until: date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)
