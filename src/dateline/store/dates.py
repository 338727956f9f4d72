"""What ``since`` and ``until`` mean, for every query that takes them.

A bound is an ISO date or a prefix of one: ``"2020"``, ``"2020-11"``,
``"2020-11-05"``. ``since`` starts on the first day its prefix names and
``until`` ends on the last, so ``since="2020-11", until="2020-11"`` is the
whole of November 2020. A record (an event, an article) matches when its
days touch that range; a record without a date never matches a date filter.

>>> day_range("2020-11", "2020-11")
DayRange(first=datetime.date(2020, 11, 1), last=datetime.date(2020, 11, 30))
>>> day_range(None, "2020")
DayRange(first=None, last=datetime.date(2020, 12, 31))
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_

from ..errors import ConfigError

__all__ = ["DayRange", "day_range", "iso_text_touches"]

_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class DayRange:
    """The days a reader asked for, both ends included; None: open on that side."""

    first: date | None = None
    last: date | None = None

    @property
    def is_open(self) -> bool:
        """True when neither end is bounded (no date filter at all)."""
        return self.first is None and self.last is None


def day_range(since: str | date | None, until: str | date | None) -> DayRange:
    """The days from the first day of ``since`` through the last day of ``until``.

    A malformed bound, or one after the other, is a
    :class:`~dateline.errors.ConfigError` that says what to give instead.
    """
    first = _bound(since, "since", first=True)
    last = _bound(until, "until", first=False)
    if first and last and first > last:
        raise ConfigError(f"since {since} is after until {until}: no day is in that range")
    return DayRange(first, last)


def iso_text_touches(column: ColumnElement[Any], days: DayRange) -> list[ColumnElement[bool]]:
    """Conditions that an ISO text ``column`` ("2020", "2020-11", "2020-11-05T10:30")
    names days touching ``days``; a null never does.

    ISO text sorts as its days do, except that a prefix sorts before the days it
    names: "2020-11" is before "2020-11-05" yet touches it, so the prefixes of the
    first day are let in by name; and "2020-11" is before "2020-11-01" yet
    begins on it, so the prefixes beginning the day after the range are kept out.
    """
    conditions: list[ColumnElement[bool]] = []
    if days.first:
        start = days.first.isoformat()
        conditions.append(or_(column >= start, column.in_([start[:4], start[:7]])))
    if days.last:
        after = days.last + timedelta(days=1)
        conditions.append(column < after.isoformat())
        beginning = [
            prefix
            for prefix, begins in (
                (after.isoformat()[:4], (after.month, after.day) == (1, 1)),
                (after.isoformat()[:7], after.day == 1),
            )
            if begins
        ]
        if beginning:
            conditions.append(column.not_in(beginning))
    return conditions


def _bound(value: str | date | None, name: str, *, first: bool) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    found = _BOUND.fullmatch(value.strip())
    if found is None:
        raise ConfigError(f"{name} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None  # the pattern requires it
    try:
        if month is None:
            return date(year, 1, 1) if first else date(year, 12, 31)
        if day is None:
            return date(year, month, 1 if first else calendar.monthrange(year, month)[1])
        return date(year, month, day)
    except ValueError as error:
        raise ConfigError(f"{name} {value!r} is not a date: {error}") from None
