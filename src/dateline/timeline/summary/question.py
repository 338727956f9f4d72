"""Key dates for a question: the sentences a summary reads when the reader asks about an
actor, a dyad, a type, a place or some words (the timeline's filters).

A sentence is about the question when it tells one of the events
answering it (it holds an event's evidence), names one of the actors
asked (the stored actor mentions say which sentences do), or holds the
words or the place asked. The summary then ranks the days and picks the
sentences among those alone, so that ``--actor SYR`` gives the key dates
of Syria, told in sentences about Syria.

>>> from dateline.models import DatedSentence
>>> s = DatedSentence("a", None, 0, "Troops entered Aleppo.", 0, 22)
>>> [x.number for x in sentences_about([s], (), named=set(), words=("aleppo",))]
[0]
>>> sentences_about([s], (), named=set(), words=("homs",))
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ...models import DatedSentence
from ...query import DayEvent

__all__ = ["sentences_about"]


def sentences_about(
    sentences: Sequence[DatedSentence],
    events: Iterable[DayEvent],
    *,
    named: set[tuple[str, int]],
    words: Sequence[str] = (),
) -> list[DatedSentence]:
    """The ``sentences`` about the question: holding the evidence of one of ``events``,
    ``named`` ((article id, number): naming an actor asked), or holding every word of
    ``words`` (case does not matter)."""
    evidence: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for event in events:
        for article, start, end in event.evidence:
            evidence[article].append((start, end))
    wanted = [word.lower() for word in words if word.strip()]
    found = []
    for sentence in sentences:
        spans = evidence.get(sentence.article_id, ())
        if (
            (sentence.article_id, sentence.number) in named
            or any(start < sentence.end and sentence.start < end for start, end in spans)
            or (wanted and all(word in sentence.text.lower() for word in wanted))
        ):
            found.append(sentence)
    return found
