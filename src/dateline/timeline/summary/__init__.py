"""The summary timeline: the N most important days of a story, K sentences each.

>>> entries = summarize(sentences, dates=10, per_date=1)  # doctest: +SKIP
>>> [entry.to_dict() for entry in entries]  # doctest: +SKIP
[{"date": "2011-03-19", "sentences": ["..."]}, ...]

The method follows DATEWISE (Gholipour Ghalandari and Ifrim, 2020), the way
a news desk writes a timeline, with Dateline's coded events added:

1. :func:`~.dates.rank_days` describes every candidate day
   (:mod:`.features`: articles published on and after it, how often and how
   long after it is named, the events dated on it, chronologies listing it,
   its neighbours) and ranks the days with a logistic regression learnt
   from journalists' timelines (:mod:`.ranker`); a day the corpus does not
   report (no article of its own, no chronology entry, named by few later
   articles) goes after those it does (:func:`~.dates.is_reported`).
2. :func:`~.sentences.candidates_by_day` gathers, for each day, the
   sentences naming it, the leads of that day's articles and the evidence
   of its events.
3. :class:`~.sentences.SentencePicker` takes the sentences closest to the
   centre of each day's candidates, those naming the day first, skipping
   repeats, and prints them without naming the day their entry is dated
   (:mod:`.own_day`); a day with nothing worth saying gives its place to
   the next day in the ranking.

It reads :class:`~dateline.models.DatedSentence` records and, when given,
the stored events (:class:`~dateline.store.summary_queries.DayEvent`), so
it works on any stored corpus, with or without coded events.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ...models import DatedSentence
from ...query import DayEvent
from .baseline import busiest_days
from .build import dated_sentences_of
from .dates import RankedDay, rank_days
from .entry import TimelineEntry
from .ranker import DateRanker, fit_ranker, shipped_ranker
from .sentences import SentencePicker, candidates_by_day

__all__ = [
    "DateRanker",
    "RankedDay",
    "TimelineEntry",
    "busiest_days",
    "dated_sentences_of",
    "fit_ranker",
    "rank_days",
    "shipped_ranker",
    "summarize",
]


def summarize(
    sentences: Sequence[DatedSentence],
    *,
    dates: int,
    per_date: int,
    since: date | None = None,
    until: date | None = None,
    events: Sequence[DayEvent] = (),
    ranker: DateRanker | None = None,
) -> list[TimelineEntry]:
    """The ``dates`` most important days between ``since`` and ``until``, in date order.

    Each day gets up to ``per_date`` sentences; a day none of whose
    candidate sentences is fit to print (or new) is skipped for the next.
    ``events`` are the stored events (``Store`` reads them); ``ranker`` is
    the shipped date ranker unless another is given.
    """
    if dates <= 0 or per_date <= 0:
        return []
    ranked = [
        ranked.day
        for ranked in rank_days(sentences, events, since=since, until=until, ranker=ranker)
    ]
    candidates = candidates_by_day(sentences, ranked, events)
    picker = SentencePicker(sentences)
    entries: list[TimelineEntry] = []
    for day in ranked:
        picked = picker.pick(candidates.get(day, ()), per_date, day)
        if picked:
            entries.append(TimelineEntry(day, picked))
        if len(entries) == dates:
            break
    return sorted(entries, key=lambda entry: entry.date)
