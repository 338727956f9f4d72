"""The busiest-days baseline: what a summary timeline must beat.

The N days on which the most articles were published, each told by the
first sentences of its articles (their first sentence each, then their
second, ...), skipping what is not prose (headlines, page furniture). It
knows nothing of dates named in the text or of events: a summariser that
does no better than this is no better than counting articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from ...models import DatedSentence
from .entry import TimelineEntry
from .sentences import is_prose
from .text import words_of

__all__ = ["busiest_days"]


def busiest_days(
    sentences: Sequence[DatedSentence],
    *,
    dates: int,
    per_date: int,
    since: date | None = None,
    until: date | None = None,
) -> list[TimelineEntry]:
    """The ``dates`` days with the most articles published, ``per_date`` first sentences each."""
    articles: dict[date, dict[str, list[DatedSentence]]] = defaultdict(lambda: defaultdict(list))
    for sentence in sentences:
        day = sentence.published
        if day is None or (since and day < since) or (until and day > until):
            continue
        articles[day][sentence.article_id].append(sentence)
    busiest = sorted(articles, key=lambda day: (-len(articles[day]), day))[: max(dates, 0)]
    entries = []
    for day in sorted(busiest):
        bodies = [
            [s for s in sorted(told, key=lambda s: s.number) if is_prose(s, words_of(s.text))]
            for told in articles[day].values()
        ]
        picked: list[str] = []
        for position in range(max((len(body) for body in bodies), default=0)):
            for body in bodies:
                fits = position < len(body) and len(picked) < per_date
                if fits and body[position].text not in picked:
                    picked.append(body[position].text)
        if picked:
            entries.append(TimelineEntry(day, tuple(picked)))
    return entries
