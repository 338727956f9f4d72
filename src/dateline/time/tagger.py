"""The ``time`` stage on a parsed document: find, read, anchor, link.

1. :func:`~.finder.find_candidates` proposes expressions, in text order.
2. Each is read by :func:`~.normalise.normalise` against the article's
   date, the tense of its verb and what the passage has said so far.
3. The ends of a range share a written year ("late September to early
   November in 2020") and learn the days of the whole range.
4. A duration before or after a dated phrase is placed on the calendar
   ("a day before the withdrawal on 25 November").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from .anchoring import Passages, shift_by_duration, tense_of
from .finder import Candidate, find_candidates
from .lexicon import Lexicon, lexicon
from .normalise import Context, Reading, normalise
from .values import TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["anchor_day", "tag_doc"]

EXTENSION = "time_values"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Read:
    candidate: Candidate
    span: Span
    context: Context
    reading: Reading


def anchor_day(anchor: date | datetime) -> date:
    """The calendar day of an anchor given as a date or a datetime."""
    return anchor.date() if isinstance(anchor, datetime) else anchor


def tag_doc(doc: Doc, anchor: date | datetime) -> list[TimeValue]:
    """Every time expression of a parsed ``doc``, read against ``anchor``.

    The result is also left on ``doc._.time_values`` for later stages.
    """
    lex = lexicon()
    day = anchor_day(anchor)
    passages = Passages(doc, day)
    reads: list[_Read] = []
    for candidate in find_candidates(doc, lex):
        span = doc[candidate.start : candidate.end]
        context = Context(
            anchor=day,
            tense=tense_of(span, lex),
            reference=passages.reference(span.start_char),
            last_date=passages.last_date(span.start_char),
            last_precision=passages.last_precision(span.start_char),
        )
        reading = _normalise(list(candidate.words), context, lex)
        if reading is None:
            continue
        reads.append(_Read(candidate, span, context, reading))
        passages.remember(span.start_char, reading)
    reads = _share_range_years(reads, lex)
    reads = _place_relative_durations(doc, reads)
    values = _link_ranges([_to_value(read) for read in reads], reads)
    if not type(doc).has_extension(EXTENSION):
        type(doc).set_extension(EXTENSION, default=None)
    doc._.set(EXTENSION, values)
    return values


def _normalise(words: list[str], context: Context, lex: Lexicon) -> Reading | None:
    """:func:`normalise`, where an expression whose days fall off the calendar (an anchor
    near year 1 or 9999) names no time instead of failing the whole text."""
    try:
        return normalise(words, context, lex)
    except (ValueError, OverflowError) as error:
        log.debug("%r read against %s names no day: %s", " ".join(words), context.anchor, error)
        return None


def _share_range_years(reads: list[_Read], lex: Lexicon) -> list[_Read]:
    """Give year-less range ends the year written on the other end."""
    groups: dict[int, list[int]] = {}
    for index, read in enumerate(reads):
        if read.candidate.group is not None:
            groups.setdefault(read.candidate.group, []).append(index)
    for members in groups.values():
        written = [i for i in members if reads[i].reading.explicit_year and reads[i].reading.start]
        if not written:
            continue
        source = reads[written[-1]].reading
        assert source.start is not None
        for i in members:
            read = reads[i]
            if read.reading.explicit_year or read.reading.start is None:
                continue
            if read.reading.precision not in ("day", "month"):
                continue
            year = source.start.year
            if i < written[-1] and read.reading.start.month > source.start.month:
                year -= 1
            context = replace(read.context, year=year)
            again = _normalise(list(read.candidate.words), context, lex)
            if again is not None:
                reads[i] = replace(read, context=context, reading=again)
    return reads


def _place_relative_durations(doc: Doc, reads: list[_Read]) -> list[_Read]:
    """Date "two days after the vote on May 3" from the date inside its object."""
    for index, read in enumerate(reads):
        reading = read.reading
        end = read.span.end
        if reading.type != "DURATION" or end >= len(doc):
            continue
        signal = doc[end]
        sign = {"before": -1, "after": 1}.get(signal.lower_)
        if sign is None:
            continue
        inside = range(signal.left_edge.i, signal.right_edge.i + 1)
        for other in reads:
            if (
                other.span.start in inside
                and other.reading.precision == "day"
                and other.reading.start
            ):
                day = shift_by_duration(other.reading.start, reading.value, sign)
                if day is not None:
                    placed = replace(
                        reading, start=day, end=day, precision="day", anchoring="passage"
                    )
                    reads[index] = replace(read, reading=placed)
                break
    return reads


def _to_value(read: _Read) -> TimeValue:
    reading, span = read.reading, read.span
    return TimeValue(
        text=span.text,
        start_char=span.start_char,
        end_char=span.end_char,
        type=reading.type,
        value=reading.value,
        start=reading.start,
        end=reading.end,
        precision=reading.precision,
        anchoring=reading.anchoring,
        mod=reading.mod,
    )


def _link_ranges(values: list[TimeValue], reads: list[_Read]) -> list[TimeValue]:
    """Tell both ends of a range the days of the whole range."""
    groups: dict[int, list[int]] = {}
    for index, read in enumerate(reads):
        if read.candidate.group is not None and values[index].start is not None:
            groups.setdefault(read.candidate.group, []).append(index)
    for members in groups.values():
        if len(members) < 2:
            continue
        # The range runs from the start of its first end to the end of its last.
        first, last = values[members[0]].start, values[members[-1]].end
        if first is None or last is None or first > last:
            continue
        for i in members:
            values[i] = replace(values[i], range_start=first, range_end=last)
    return values
