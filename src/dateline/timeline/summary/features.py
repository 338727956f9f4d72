"""What is known of each day of a story: the features the date ranker weighs.

In the spirit of DATEWISE (Gholipour Ghalandari and Ifrim, 2020), a day is
described by how the news treats it, never by what it is about, so that
weights learnt on one story serve any other:

- publication: articles published on the day and in the two days after it
  (the follow-up a day's news gets);
- reference: articles naming the day, those naming it later, a week or
  more later and beforehand (what was scheduled), those naming it in their
  lead, how long after (the sum of ``log(1 + days)``), and sentences
  naming it;
- events: the coded events dated on the day, those whose day a date
  expression gave (not just the dateline), their sources and mentions,
  those told by two sources or more, their summed Goldstein weight (its
  absolute value: a treaty matters as much as an attack) and their counts
  by quad class;
- chronologies: how many of the journalists' chronologies list the day,
  and the share of those published after it that do;
- neighbours: the day's articles naming it, published on it and events
  dated on it, each against the most of the three days either side (a
  peak stands out from a busy week);
- room to be named: the share of the articles published after the day that
  name it. A day near the end of the corpus has few later articles to be
  named in; this share ranks it against what was written after it, not
  against days that had months of hindsight.

Counts are scaled by the corpus (``log(1 + n) / log(1 + most)``) so that
a story of fifty articles and one of five thousand give the ranker the
same range of values.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ...models import DatedSentence
from ...query import DayEvent
from .chronology import chronologies, is_chronology_entry

__all__ = ["COUNTS", "FEATURES", "DayFeatures", "day_features", "mentioned_days"]

# Precisions that name one calendar day; a month or a year is no timeline date.
DAY_PRECISIONS = frozenset({"day", "time"})
# Articles published this many days after a day still report its news.
FOLLOW_UP_DAYS = 2
# An article looking back this many days or more sees the day as history.
HINDSIGHT_DAYS = 7
# The opening sentences of an article, where it says what it is about.
LEAD_SENTENCES = 5
# The window either side of a day that it is compared with.
NEIGHBOURS = 3
QUAD_CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)

# The counts, each scaled to [0, 1] by the corpus's largest.
COUNTS = (
    "published",
    "published_after",
    "mentioning",
    "mentioning_later",
    "mentioning_week_later",
    "mentioning_earlier",
    "lead_mentioning",
    "hindsight",
    "mention_sentences",
    "chronology_listings",
    "events",
    "events_stated",
    "event_sources",
    "event_mentions",
    "events_corroborated",
    "goldstein",
    *(f"events_{quad}" for quad in QUAD_CLASSES),
)
FEATURES = (
    *COUNTS,
    "chronology_share",
    "peak_mentioning",
    "peak_published",
    "peak_events",
    "mentioning_later_share",
)


@dataclass(frozen=True)
class DayFeatures:
    """One candidate day and its features, in the order of :data:`FEATURES`."""

    day: date
    values: tuple[float, ...]
    counts: dict[str, float]  # the unscaled counts, for explaining a ranking


def mentioned_days(sentence: DatedSentence) -> set[date]:
    """The single days a sentence names (months, years and ranges left out)."""
    return {
        first
        for first, last, precision in sentence.dates
        if first == last and precision in DAY_PRECISIONS
    }


def day_features(
    sentences: Sequence[DatedSentence],
    events: Iterable[DayEvent] = (),
    *,
    since: date | None = None,
    until: date | None = None,
) -> list[DayFeatures]:
    """The features of every day between ``since`` and ``until`` that has any evidence."""
    counts: dict[str, dict[date, float]] = {name: defaultdict(float) for name in COUNTS}
    published: dict[date, set[str]] = defaultdict(set)
    naming: dict[date, dict[str, int]] = defaultdict(dict)  # article -> days after the day
    leading: dict[date, set[str]] = defaultdict(set)  # articles naming the day in their lead
    listed: dict[date, set[str]] = defaultdict(set)
    chronology_days = chronologies(sentences)
    for sentence in sentences:
        if sentence.published is not None:
            published[sentence.published].add(sentence.article_id)
        for day in mentioned_days(sentence):
            counts["mention_sentences"][day] += 1
            gap = (sentence.published - day).days if sentence.published is not None else 0
            naming[day][sentence.article_id] = max(gap, naming[day].get(sentence.article_id, gap))
            if sentence.number < LEAD_SENTENCES:
                leading[day].add(sentence.article_id)
            if sentence.article_id in chronology_days and is_chronology_entry(sentence.text):
                listed[day].add(sentence.article_id)
    for day, articles in published.items():
        counts["published"][day] = len(articles)
        for after in range(1, FOLLOW_UP_DAYS + 1):
            counts["published_after"][day - timedelta(days=after)] += len(articles)
    for day, gaps in naming.items():
        counts["mentioning"][day] = len(gaps)
        counts["mentioning_later"][day] = sum(1 for gap in gaps.values() if gap > 0)
        counts["mentioning_week_later"][day] = sum(
            1 for gap in gaps.values() if gap >= HINDSIGHT_DAYS
        )
        counts["mentioning_earlier"][day] = sum(1 for gap in gaps.values() if gap < 0)
        counts["lead_mentioning"][day] = len(leading[day])
        counts["hindsight"][day] = sum(math.log1p(gap) for gap in gaps.values() if gap > 0)
    for day, chronicles in listed.items():
        counts["chronology_listings"][day] = len(chronicles)
    for event in events:
        day = event.first_day
        counts["events"][day] += 1
        counts["events_stated"][day] += event.date_source not in (None, "published")
        counts["event_sources"][day] += event.sources
        counts["event_mentions"][day] += event.mention_count
        counts["events_corroborated"][day] += event.sources >= 2
        counts["goldstein"][day] += abs(event.goldstein or 0.0)
        if event.quad_class in QUAD_CLASSES:
            counts[f"events_{event.quad_class}"][day] += 1
    days = sorted(
        day
        for day in set(published) | set(naming) | set(counts["events"])
        if (since is None or day >= since) and (until is None or day <= until)
    )
    scale = {
        name: math.log1p(max((table[day] for day in days), default=0.0))
        for name, table in counts.items()
    }
    articles_after = _articles_after({day: len(articles) for day, articles in published.items()})
    found = []
    for day in days:
        raw = {name: counts[name].get(day, 0.0) for name in COUNTS}
        scaled = [math.log1p(raw[name]) / scale[name] if scale[name] else 0.0 for name in COUNTS]
        after = sum(1 for written in chronology_days.values() if written is None or written >= day)
        share = raw["chronology_listings"] / after if after else 0.0
        peaks = [_peak(counts[name], day) for name in ("mentioning", "published", "events")]
        # Of the articles written after the day, the share that name it: a day near
        # the end of the corpus has had few later articles to be named in.
        later = articles_after(day)
        named_share = raw["mentioning_later"] / later if later else 0.0
        found.append(DayFeatures(day, (*scaled, share, *peaks, named_share), raw))
    return found


def _articles_after(published: dict[date, int]) -> Callable[[date], int]:
    """How many articles were published after a day, as a function of the day."""
    days = sorted(published)
    whole = remaining = sum(published.values())
    after: list[int] = []
    for day in days:
        remaining -= published[day]
        after.append(remaining)

    def count(day: date) -> int:
        index = bisect.bisect_right(days, day)
        return after[index - 1] if index else whole

    return count


def _peak(table: dict[date, float], day: date) -> float:
    """The day's count against the most of the days around it (1.0: it is the peak)."""
    value = table.get(day, 0.0)
    around = max(
        (
            table.get(day + timedelta(days=offset), 0.0)
            for offset in range(-NEIGHBOURS, NEIGHBOURS + 1)
        ),
        default=0.0,
    )
    return value / around if around else 0.0
