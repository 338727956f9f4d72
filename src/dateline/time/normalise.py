"""Turn the parts of one time expression into a TIMEX3 value and calendar days.

:func:`normalise` is pure: the words of the expression and a
:class:`Context` (the article's date, the tense of the governing verb, the
passage's reference dates) in, a :class:`Reading` out. Year-less dates take
their year from the passage's reference date when it lies in another year
than the article, else from the article's date and the tense: a past verb
means the last such date (compared by month, as HeidelTime does, since news
reports of "Tuesday's" events published on Monday evening are common), a
future verb the next one, no tense the nearest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from .grammar import Pieces, find_holiday, numeric_date, read_pieces
from .lexicon import Lexicon
from .periods import (
    add_days,
    add_months,
    month_bounds,
    part_of,
    quarter_bounds,
    week_bounds,
    week_value,
    year_bounds,
)
from .values import Anchoring, Precision, TimeType

__all__ = ["Context", "Reading", "Tense", "normalise"]

Tense = Literal["past", "present", "future"]


@dataclass(frozen=True)
class Context:
    """What a time expression is read against."""

    anchor: date  # the article's date
    tense: Tense | None = None  # of the verb that governs the expression
    reference: date | None = None  # an earlier date of the passage written with its year
    last_date: date | None = None  # the last date named in the passage (for "a day later")
    last_precision: Precision | None = None
    year: int | None = None  # the year given by the other end of a range


@dataclass(frozen=True)
class Reading:
    """The meaning of one expression, before it is placed in the text."""

    type: TimeType
    value: str
    start: date | None = None
    end: date | None = None
    precision: Precision | None = None
    anchoring: Anchoring = "none"
    mod: str | None = None
    explicit_year: bool = False


def normalise(words: list[str], context: Context, lex: Lexicon) -> Reading | None:
    """Read one expression (lower-case words), or ``None`` if it names no time."""
    if (day := numeric_date("".join(words))) is not None:
        return Reading("DATE", day.isoformat(), day, day, "day", "absolute", explicit_year=True)
    phrase = " ".join(w for w in words if w not in ("in", "at"))
    if phrase in lex.references:
        return Reading("DATE", lex.references[phrase])
    p = read_pieces(words, lex)
    if p.impossible:
        return None
    if (holiday := find_holiday(words, lex)) is not None:
        p.month, p.day = holiday
    if p.frequency or (p.every and p.unit):
        return _set(p)
    if p.hour is not None:
        return _clock(p, context, lex)
    if p.unit and p.direction is not None and not p.has_calendar_name:
        return _offset(p, context)
    if p.unit and _is_duration(p):
        return _duration(p)
    if (
        p.unit
        and (p.shift is not None or p.definite)
        and not p.has_calendar_name
        and p.ordinal is None
    ):
        return _named_unit(p, context)
    reading = _calendar_date(p, context, lex)
    if reading and p.day_part and reading.precision == "day":
        return replace(reading, type="TIME", value=f"{reading.value}T{p.day_part}")
    return reading


def _calendar_date(p: Pieces, context: Context, lex: Lexicon) -> Reading | None:
    if p.deictic is not None:
        day = context.anchor + timedelta(days=p.deictic)
        return Reading("DATE", day.isoformat(), day, day, "day", "publication")
    if p.day_part and p.shift is not None and p.weekday is None:  # "this morning", "last night"
        day = context.anchor - timedelta(days=1 if p.shift < 0 else 0)
        return Reading("DATE", day.isoformat(), day, day, "day", "publication")
    if p.weekday is not None and p.month is None:
        return _weekday(p, context)
    if p.ordinal is not None and p.unit_word in lex.ordinal_parts:
        return _quarter(p, context)
    if p.season is not None:
        return _season(p, context, lex)
    if p.decade is not None:
        start, end = date(p.decade * 10, 1, 1), date(p.decade * 10 + 9, 12, 31)
        return _with_part(p, Reading("DATE", str(p.decade), start, end, "decade", "absolute"))
    if p.month is not None:
        return _month_date(p, context)
    if p.year is not None:
        start, end = year_bounds(p.year)
        value = f"{p.year:04d}"
        reading = Reading("DATE", value, start, end, "year", "absolute", explicit_year=True)
        return _with_part(p, reading)
    return None


def _year_for(month: int, context: Context, with_day: bool = True) -> tuple[int, Anchoring]:
    if context.year is not None:
        return context.year, "passage"
    ref, anchor = context.reference, context.anchor
    # The passage's year dates what is told in the past; plans are dated from the article.
    if ref is not None and ref.year != anchor.year and context.tense == "past":
        return ref.year + (1 if ref.month - month > 6 else 0), "passage"
    if context.tense == "past" or (context.tense == "present" and not with_day):
        return (anchor.year if month <= anchor.month else anchor.year - 1), "publication"
    if context.tense == "future":
        return (anchor.year if month >= anchor.month else anchor.year + 1), "publication"
    shift = 1 if anchor.month - month > 6 else -1 if month - anchor.month > 6 else 0
    return anchor.year + shift, "publication"


def _month_date(p: Pieces, context: Context) -> Reading | None:
    assert p.month is not None
    anchoring: Anchoring = "absolute"
    if p.year is not None:
        year = p.year
    elif p.shift is not None:  # "last May", "next March"
        year = context.anchor.year + p.shift
        if p.shift < 0 and p.month < context.anchor.month:
            year += 1
        elif p.shift > 0 and p.month > context.anchor.month:
            year -= 1
        anchoring = "publication"
    else:
        year, anchoring = _year_for(p.month, context, p.day is not None)
    explicit = p.year is not None
    if p.day is not None:
        try:
            day = date(year, p.month, p.day)
        except ValueError:
            return None
        return Reading("DATE", day.isoformat(), day, day, "day", anchoring, explicit_year=explicit)
    start, end = month_bounds(year, p.month)
    reading = Reading("DATE", f"{year}-{p.month:02d}", start, end, "month", anchoring)
    return _with_part(p, replace(reading, explicit_year=explicit))


def _with_part(p: Pieces, reading: Reading) -> Reading:
    """Narrow a period to the part named: "late September", "mid-2021"."""
    if p.part is None or reading.start is None or reading.end is None:
        return reading
    start, end = part_of(reading.start, reading.end, (p.part.start, p.part.end))
    return replace(reading, start=start, end=end, mod=p.part.mod)


def _weekday(p: Pieces, context: Context) -> Reading:
    assert p.weekday is not None
    anchor = context.anchor
    back = (anchor.isoweekday() - p.weekday) % 7
    ahead = (p.weekday - anchor.isoweekday()) % 7
    if p.shift == -1 and p.shift_word == "last":
        offset = -(back or 7)
    elif p.shift == 1:
        offset = ahead or 7
    elif p.shift == 0:
        offset = p.weekday - anchor.isoweekday()
    elif context.tense == "future":
        offset = ahead
    elif context.tense == "past":
        offset = -back
    else:
        offset = -back if back <= ahead else ahead
    day = anchor + timedelta(days=offset)
    return Reading("DATE", day.isoformat(), day, day, "day", "publication")


def _quarter(p: Pieces, context: Context) -> Reading:
    assert p.ordinal is not None
    half = p.unit_word == "half"
    count = 2 if half else 4
    number = count if p.ordinal == -1 else p.ordinal
    current = (context.anchor.month - 1) // (12 // count) + 1
    year = p.year
    anchoring: Anchoring = "absolute"
    if year is None:
        anchoring = "publication"
        year = context.anchor.year
        # "Profit rose in the third quarter", said in February: last year's; so is
        # "the third quarter of the year" told in the past, but not when foreseen.
        later = number > current and context.tense != "future"
        if p.of_year:
            year += p.of_year
        elif later and (p.of_year is None or context.tense == "past"):
            year -= 1
    if half:
        start = date(year, 1 if number == 1 else 7, 1)
        end = date(year, 6, 30) if number == 1 else date(year, 12, 31)
        return Reading("DATE", f"{year}-H{number}", start, end, "quarter", anchoring)
    start, end = quarter_bounds(year, min(max(number, 1), 4))
    return Reading("DATE", f"{year}-Q{number}", start, end, "quarter", anchoring)


def _season(p: Pieces, context: Context, lex: Lexicon) -> Reading:
    season = next(s for s in lex.seasons.values() if s.code == p.season)
    year = p.year
    anchoring: Anchoring = "absolute"
    if year is None:
        anchoring = "publication"
        year = context.anchor.year
        started = context.anchor.month >= season.first_month
        if p.shift == -1 or (p.shift is None and context.tense == "past"):
            year -= 0 if started and context.anchor.month > season.last_month else 1
        elif p.shift == 1 and started:
            year += 1
    start = date(year, season.first_month, 1)
    last_year = year + 1 if season.last_month < season.first_month else year
    end = month_bounds(last_year, season.last_month)[1]
    return Reading("DATE", f"{year}-{season.code}", start, end, "season", anchoring)


def _clock(p: Pieces, context: Context, lex: Lexicon) -> Reading:
    assert p.hour is not None
    base = _calendar_date(replace(p, hour=None, day_part=None), context, lex)
    day = base.start if base and base.precision == "day" and base.start else context.anchor
    value = f"{day.isoformat()}T{p.hour:02d}:{p.minute:02d}"
    return Reading("TIME", value, day, day, "time", base.anchoring if base else "publication")


def _set(p: Pieces) -> Reading:
    if p.frequency:
        return Reading("SET", p.frequency)
    assert p.unit is not None
    count = int(p.count) if p.count else 1
    if p.unit.code == "WE":
        return Reading("SET", "XXXX-WXX-WE")
    return Reading("SET", _duration_value(count * p.unit.factor, p.unit.code, p.unit.time))


def _is_duration(p: Pieces) -> bool:
    if p.has_calendar_name or p.deictic is not None:
        return False
    if p.count is not None or p.adjectival:
        return not (p.unit_word or "").startswith("centur") or p.plural or not p.definite
    if p.vague:
        return True
    # "the past year" is a year-long span; "last year" and "the previous year" are dates.
    return p.definite and p.shift_word in ("past", "last", "next", "coming")


def _duration_value(count: float | None, code: str, time: bool) -> str:
    amount = "X" if count is None else (str(int(count)) if count == int(count) else str(count))
    if code == "Q":
        code, amount = "M", amount if amount == "X" else str(int(float(amount) * 3))
    if code == "WE":
        code = "W"
    return f"PT{amount}{code}" if time else f"P{amount}{code}"


def _duration(p: Pieces) -> Reading:
    assert p.unit is not None
    count = None if p.vague and p.count is None else (p.count or 1) * p.unit.factor
    return Reading("DURATION", _duration_value(count, p.unit.code, p.unit.time), mod=p.approx)


_GRANULARITY: dict[str, Precision] = {
    "D": "day",
    "W": "week",
    "WE": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}


def _offset(p: Pieces, context: Context) -> Reading:
    """ "two years ago", "a day later": a count of units from a known day."""
    assert p.unit is not None and p.direction is not None
    from_passage = p.words[-1] != "ago" and context.last_date is not None
    base = context.last_date if from_passage and context.last_date else context.anchor
    anchoring: Anchoring = "passage" if from_passage else "publication"
    if p.count is None:
        return Reading("DATE", "PAST_REF" if p.direction < 0 else "FUTURE_REF")
    amount = int(p.count * p.unit.factor) * p.direction
    code = "D" if p.unit.time else p.unit.code
    if from_passage and code == "Y" and context.last_precision in ("month", "quarter"):
        # "a year earlier" after "the first quarter" is that quarter a year before.
        code = {"month": "M", "quarter": "Q"}[context.last_precision]
        amount *= 12 if code == "M" else 4
    shifted = _shifted(base, code, amount)
    if shifted is None:
        # Beyond the calendar ("7000 years ago"): only the direction is known.
        return Reading("DATE", "PAST_REF" if p.direction < 0 else "FUTURE_REF")
    return _period(code, shifted, anchoring)


def _shifted(day: date, code: str, amount: int) -> date | None:
    """``day`` moved by ``amount`` units; None beyond the calendar (years 1 to 9999)."""
    if code == "D":
        return add_days(day, amount)
    if code in ("W", "WE"):
        return add_days(day, amount * 7)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(code, 12)
    return add_months(day, amount * months)


def _period(code: str, day: date, anchoring: Anchoring) -> Reading:
    """The unit-sized period holding ``day``, written at that unit's precision."""
    if code == "D":
        return Reading("DATE", day.isoformat(), day, day, "day", anchoring)
    if code in ("W", "WE"):
        start, end = week_bounds(day)
        if code == "WE":
            start = start + timedelta(days=5)
            return Reading("DATE", week_value(day) + "-WE", start, end, "week", anchoring)
        return Reading("DATE", week_value(day), start, end, "week", anchoring)
    if code == "M":
        start, end = month_bounds(day.year, day.month)
        return Reading("DATE", f"{day.year}-{day.month:02d}", start, end, "month", anchoring)
    if code == "Q":
        quarter = (day.month - 1) // 3 + 1
        start, end = quarter_bounds(day.year, quarter)
        return Reading("DATE", f"{day.year}-Q{quarter}", start, end, "quarter", anchoring)
    if code == "DE":
        decade = day.year // 10
        start, end = date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31)
        return Reading("DATE", str(decade), start, end, "decade", anchoring)
    if code == "CE":
        century = day.year // 100
        start, end = date(max(century * 100, 1), 1, 1), date(century * 100 + 99, 12, 31)
        return Reading("DATE", f"{century:02d}", start, end, "century", anchoring)
    start, end = year_bounds(day.year)
    return Reading("DATE", str(day.year), start, end, "year", anchoring)


def _named_unit(p: Pieces, context: Context) -> Reading | None:
    """ "last week", "this month", "the previous quarter", "the end of the month"."""
    assert p.unit is not None
    backward = p.shift_word in ("following", "same", "previous", "preceding", "prior", None)
    from_passage = p.definite and backward and context.last_date is not None
    base = context.last_date if from_passage and context.last_date else context.anchor
    anchoring: Anchoring = "passage" if from_passage else "publication"
    code = "D" if p.unit.time else p.unit.code
    if p.unit.code == "CE" and p.count:
        century = int(p.count) - 1
        start, end = date(max(century * 100, 1), 1, 1), date(century * 100 + 99, 12, 31)
        return Reading("DATE", f"{century:02d}", start, end, "century", "absolute")
    shifted = _shifted(base, code, p.shift or 0)
    if shifted is None:
        return None
    reading = _period(code, shifted, anchoring)
    if p.unit_word in ("night", "tonight"):
        reading = replace(reading, type="TIME", value=f"{reading.value}TNI")
    first, last = reading.start, reading.end
    if p.rough and first is not None and last is not None:
        # "earlier this month": the part of the period before the article; "later": after.
        if p.rough < 0:
            reading = replace(reading, end=max(first, min(last, context.anchor)))
        else:
            reading = replace(reading, start=min(last, max(first, context.anchor)))
    return _with_part(p, reading)
