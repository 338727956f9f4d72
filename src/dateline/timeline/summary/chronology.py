"""Chronologies journalists wrote: the strongest sign of which days matter.

News desks publish their own timelines ("FACTBOX", "Key dates",
"Chronology"): runs of sentences that open with a date and a dash or colon,
"March 19 - The first air strikes ...". When a corpus holds some, the days
they list are the days its editors judged worth keeping, and their entries
are written the way a timeline sentence should read. Some print an
entry's date as a line of its own, its text in the sentences after it;
:func:`with_entry_days` gives those sentences the entry's day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from ...knowledge import load_yaml, month_names
from ...models import DatedSentence

__all__ = ["chronologies", "entry_text", "is_chronology_entry", "with_entry_days"]

# An article is a chronology when this many of its sentences are dated entries.
MIN_ENTRIES = 3
# What follows an entry's date: a dash or a colon.
_SEPARATOR = r"(?:-{1,2}|–|—|:)"
_SEPARATED = re.compile(rf"{_SEPARATOR}$")


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
    # that merely starts with a date ("March 19 was the day ..."). Or the date
    # alone, a heading whose text follows as sentences of their own ("Sept. 14 :"
    # or "Tuesday 15 February", then "The Fed ...").
    return re.compile(rf"^\W*{weekday}(?:{when})(?:\s*{_SEPARATOR}\s+|[\s.:–—-]*$)", re.IGNORECASE)


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


def with_entry_days(sentences: Sequence[DatedSentence]) -> list[DatedSentence]:
    """One article's sentences, its chronology entries whole when it is a chronology.

    Desks often print an entry's date as a line of its own ("Sept. 14 :"),
    then one sentence or more that tell the day. In an article of at least
    :data:`MIN_ENTRIES` entries, a bare date line is joined to the sentence
    after it, and the undated sentences after that belong to the same day
    until the next entry. Any other article is returned as it is.
    """
    openings = [_entry_opening().match(sentence.text) for sentence in sentences]
    if sum(opening is not None for opening in openings) < MIN_ENTRIES:
        return list(sentences)
    joined: list[DatedSentence] = []
    day: tuple[date, date, str] | None = None
    bare = False  # the last sentence kept is an entry's date alone
    for sentence, opening in zip(sentences, openings, strict=True):
        if opening is not None:
            # The entry's own date is the first its sentence names.
            day = sentence.dates[0] if sentence.dates else None
            bare = not sentence.text[opening.end() :].strip()
        elif day is not None and not _names_another_day(sentence, day):
            if bare:
                previous = joined[-1]
                joined[-1] = replace(
                    previous,
                    text=f"{_as_heading(previous.text)} {sentence.text}",
                    end=sentence.end,
                    dates=previous.dates + sentence.dates,
                )
                bare = False
                continue
            sentence = replace(sentence, dates=(day, *sentence.dates))
        else:
            day = None  # a sentence about another day, no entry: the chronology has ended
        joined.append(sentence)
    return joined


def _names_another_day(sentence: DatedSentence, day: tuple[date, date, str]) -> bool:
    # A year or a month ("the worst fall since 2001") does not end an entry; a day does.
    return any(
        first == last and (first, last) != day[:2] and precision in ("day", "time")
        for first, last, precision in sentence.dates
    )


def _as_heading(text: str) -> str:
    # "Tuesday 15 February" heads its text as "Tuesday 15 February -" would.
    text = text.rstrip(" .")
    return text if _SEPARATED.search(text) else f"{text} -"
