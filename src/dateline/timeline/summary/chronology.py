"""Chronologies journalists wrote: the strongest sign of which days matter.

News desks publish their own timelines ("FACTBOX", "Key dates",
"Chronology"): runs of sentences that open with a date and a dash or colon,
"March 19 - The first air strikes ...". When a corpus holds some, the days
they list are the days its editors judged worth keeping, and their entries
are written the way a timeline sentence should read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import cache

from ...knowledge import load_yaml, month_names
from ...models import DatedSentence

__all__ = ["chronologies", "entry_text", "is_chronology_entry"]

# An article is a chronology when this many of its sentences are dated entries.
MIN_ENTRIES = 3


@cache
def _entry_opening() -> re.Pattern[str]:
    months = _alternatives(month_names())
    weekdays = _alternatives(
        str(name).rstrip(".")
        for names in load_yaml("time_words.yaml")["weekdays"].values()
        for name in names
    )
    month = rf"(?:{months})\.?"
    # "19", "19th", and a run of days: "19-20", "19/20".
    day = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-/–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
    year = r"(?:\s*,?\s*\d{4})?"
    when = rf"(?:{month}\s+{day}|{day}\s+{month}|{month}){year}|\d{{4}}-\d{{2}}-\d{{2}}"
    # "Tuesday, Jan. 25 -": the weekday some desks print first.
    weekday = rf"(?:(?:{weekdays})\.?\s*,?\s+)?"
    # The date, then a dash or a colon: the shape of an entry, not of a sentence
    # that merely starts with a date ("March 19 was the day ...").
    return re.compile(rf"^\W*{weekday}(?:{when})\s*(?:-{{1,2}}|–|—|:)\s+", re.IGNORECASE)


def _alternatives(names: Iterable[str]) -> str:
    # Longest first, so that "sept" is not read as "sep" and a dot.
    return "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))


def is_chronology_entry(text: str) -> bool:
    """True when a sentence opens like a timeline entry: a date, then a dash or colon."""
    return _entry_opening().match(text) is not None


def entry_text(text: str) -> str:
    """The sentence without its opening entry date (the timeline shows the date itself)."""
    match = _entry_opening().match(text)
    if match is None or len(text) - match.end() < 20:
        return text
    return text[match.end() :]


def chronologies(sentences: Iterable[DatedSentence]) -> dict[str, date | None]:
    """Articles that are chronologies, with their publication days."""
    entries: dict[str, int] = defaultdict(int)
    published: dict[str, date | None] = {}
    for sentence in sentences:
        if is_chronology_entry(sentence.text):
            entries[sentence.article_id] += 1
            published[sentence.article_id] = sentence.published
    return {article: published[article] for article, n in entries.items() if n >= MIN_ENTRIES}
