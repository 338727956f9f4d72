"""Which sentences tell a day: candidates, then the most central of them.

As in DATEWISE, a day's candidates are the sentences that name it and the
opening sentences of the articles published that day (those that name no
other day: a lead is about its own day unless it says otherwise). Among
them, the sentences closest to the candidates' TF-IDF centroid say what
most reports of that day say; a sentence too close to one already chosen
adds nothing and is passed over.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ...models import DatedSentence
from .chronology import entry_text, is_chronology_entry
from .dates import mentioned_days
from .text import Vector, centroid, cosine, idf_of, tfidf, words_of

__all__ = ["Candidate", "SentencePicker", "candidates_by_day", "is_prose"]

# The first sentences of an article summarise it (the inverted pyramid).
LEAD_SENTENCES = 5
# A summary sentence is a statement: neither a headline fragment nor a paragraph
# run together by a missing full stop.
MIN_WORDS = 6
MAX_WORDS = 45
# Two sentences this similar (cosine of TF-IDF vectors) tell the same thing.
REDUNDANCY = 0.5

# A sentence ends with a full stop, a question or exclamation mark, or a closing
# quotation mark or bracket after one; headlines and page furniture do not.
_SENTENCE_END = re.compile(r"""[.!?]\s*(?:["'”’»)]|''|-RRB-)*\s*$""")
# Pipes and runs of capitals are page furniture ("World | Sat Oct 1, 2011 | BRUSSELS").
_FURNITURE = re.compile(r"\|")


@dataclass(frozen=True)
class Candidate:
    """A sentence that may tell a day, with its words counted once."""

    sentence: DatedSentence
    words: tuple[str, ...]
    mentions_day: bool  # it names the day (rather than being a lead published on it)


def is_prose(sentence: DatedSentence, words: Sequence[str]) -> bool:
    """True when a sentence reads as a statement fit for a timeline."""
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and _SENTENCE_END.search(sentence.text) is not None
        and _FURNITURE.search(sentence.text) is None
    )


def candidates_by_day(
    sentences: Iterable[DatedSentence], days: Iterable[date]
) -> dict[date, list[Candidate]]:
    """For each of ``days``, the prose sentences that name it or lead an article of it."""
    wanted = set(days)
    found: dict[date, list[Candidate]] = defaultdict(list)
    for sentence in sentences:
        named = mentioned_days(sentence)
        is_lead = (
            sentence.number < LEAD_SENTENCES
            and not named
            and sentence.published in wanted
            and not _names_other_days(sentence)
        )
        if not (named & wanted) and not is_lead:
            continue
        words = tuple(words_of(sentence.text))
        if not is_prose(sentence, words):
            continue
        for day in named & wanted:
            found[day].append(Candidate(sentence, words, mentions_day=True))
        if is_lead and sentence.published is not None:
            found[sentence.published].append(Candidate(sentence, words, mentions_day=False))
    return dict(found)


class SentencePicker:
    """Chooses sentences for the days of one timeline, never telling the same thing twice.

    IDF weights come from all the sentences given, so that words every
    article repeats (the story's own name) weigh little and the words of
    what happened weigh much.
    """

    def __init__(self, sentences: Sequence[DatedSentence]) -> None:
        self._idf = idf_of(words_of(sentence.text) for sentence in sentences)
        self._chosen: list[Vector] = []

    def pick(self, candidates: Sequence[Candidate], count: int) -> tuple[str, ...]:
        """Up to ``count`` sentences from ``candidates``, most central first."""
        vectors = [tfidf(candidate.words, self._idf) for candidate in candidates]
        middle = centroid(vectors)
        # A journalist's chronology entry for the day is already a timeline sentence.
        ranked = sorted(
            zip(candidates, vectors, strict=True),
            key=lambda pair: (
                not (pair[0].mentions_day and is_chronology_entry(pair[0].sentence.text)),
                -cosine(pair[1], middle),
                pair[0].sentence.text,
            ),
        )
        picked: list[str] = []
        for candidate, vector in ranked:
            if len(picked) == count:
                break
            if not vector or self._repeats(vector):
                continue
            picked.append(entry_text(candidate.sentence.text))
            self._chosen.append(vector)
        return tuple(picked)

    def _repeats(self, vector: Mapping[str, float]) -> bool:
        return any(cosine(vector, earlier) > REDUNDANCY for earlier in self._chosen)


def _names_other_days(sentence: DatedSentence) -> bool:
    return any(
        first != sentence.published or last != sentence.published
        for first, last, _ in sentence.dates
    )
