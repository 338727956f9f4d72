"""The summary timeline: the N most important days of a story, K sentences each.

>>> entries = summarize(sentences, dates=10, per_date=1)  # doctest: +SKIP
>>> [entry.to_dict() for entry in entries]  # doctest: +SKIP
[{"date": "2011-03-19", "sentences": ["..."]}, ...]

The method is DATEWISE (Gholipour Ghalandari and Ifrim, 2020), the way a
news desk writes a timeline:

1. :func:`~.dates.day_scores` ranks the days by how many articles name
   them, look back on them, or were published on them.
2. :func:`~.sentences.candidates_by_day` gathers, for each day, the
   sentences naming it and the leads of that day's articles.
3. :class:`~.sentences.SentencePicker` takes the sentences closest to the
   centre of each day's candidates, skipping repeats; a day with nothing
   worth saying gives its place to the next day in the ranking.

It reads only :class:`~dateline.models.DatedSentence` records, so it works
on any stored corpus, with or without coded events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...models import DatedSentence
from .build import dated_sentences_of
from .dates import DayScore, day_scores, top_days
from .sentences import SentencePicker, candidates_by_day

__all__ = ["DayScore", "TimelineEntry", "dated_sentences_of", "day_scores", "summarize"]


@dataclass(frozen=True)
class TimelineEntry:
    """One day of a summary timeline and the sentences that tell it."""

    date: date
    sentences: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The entry as ``dateline timeline --summarize --format json`` prints it."""
        return {"date": self.date.isoformat(), "sentences": list(self.sentences)}


def summarize(
    sentences: Sequence[DatedSentence],
    *,
    dates: int,
    per_date: int,
    since: date | None = None,
    until: date | None = None,
) -> list[TimelineEntry]:
    """The ``dates`` most important days between ``since`` and ``until``, in date order.

    Each day gets up to ``per_date`` sentences; a day none of whose
    candidate sentences is fit to print (or new) is skipped for the next.
    """
    if dates <= 0 or per_date <= 0:
        return []
    ranked = top_days(day_scores(sentences, since=since, until=until))
    candidates = candidates_by_day(sentences, ranked)
    picker = SentencePicker(sentences)
    entries: list[TimelineEntry] = []
    for day in ranked:
        picked = picker.pick(candidates.get(day, ()), per_date)
        if picked:
            entries.append(TimelineEntry(day, picked))
        if len(entries) == dates:
            break
    return sorted(entries, key=lambda entry: entry.date)
