"""The plain data the ``time`` stage hands to the rest of Dateline.

A :class:`TimeValue` is one time expression found in a text: where it is,
its TIMEX3 type and value (as TempEval-3 gold writes them), and the calendar
days it covers. A :class:`ClauseDate` is the answer to "which day does this
clause talk about", with where that answer came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

__all__ = ["Anchoring", "ClauseDate", "Precision", "TimeType", "TimeValue", "ClauseSource"]

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal[
    "time", "day", "week", "month", "quarter", "season", "year", "decade", "century"
]
# How the value was fixed: fully written out ("absolute"), counted from the
# article's date ("publication"), from an earlier date of the same passage
# ("passage"), or not placed on the calendar at all ("none": durations, sets).
Anchoring = Literal["absolute", "publication", "passage", "none"]
ClauseSource = Literal["expression", "passage", "published"]


@dataclass(frozen=True)
class TimeValue:
    """One time expression and what it means.

    ``start_char``/``end_char`` are offsets into the parsed text. ``start``
    and ``end`` are the first and last calendar day the expression covers
    (``None`` for durations, sets and vague references). ``range_start``
    and ``range_end`` are set on both ends of a range ("between September 27
    - November 10") and give the days of the whole range.
    """

    text: str
    start_char: int
    end_char: int
    type: TimeType
    value: str
    start: date | None = None
    end: date | None = None
    precision: Precision | None = None
    anchoring: Anchoring = "none"
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, ...
    range_start: date | None = None
    range_end: date | None = None

    @property
    def span_days(self) -> tuple[date, date] | None:
        """The days meant: the whole range for a range end, else the expression's own."""
        if self.range_start and self.range_end:
            return self.range_start, self.range_end
        if self.start and self.end:
            return self.start, self.end
        return None

    def to_dict(self) -> dict[str, Any]:
        """The ``dateline tag-time`` record: offsets, text, type and TIMEX3 value."""
        return {
            "start": self.start_char,
            "end": self.end_char,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class ClauseDate:
    """The date a clause talks about.

    ``source`` says where it came from: a time expression governing the
    clause ("expression", then ``value`` is that expression), the passage's
    reference date ("passage"), or the article's publication date
    ("published").
    """

    start: date
    end: date
    precision: Precision
    source: ClauseSource
    value: TimeValue | None = None
