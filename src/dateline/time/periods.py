"""Calendar arithmetic: the days a period covers and how TIMEX3 writes it."""

from __future__ import annotations

import calendar
from datetime import MAXYEAR, MINYEAR, date, timedelta

__all__ = [
    "add_days",
    "add_months",
    "month_bounds",
    "part_of",
    "quarter_bounds",
    "week_bounds",
    "week_value",
    "year_bounds",
]


def add_months(day: date, months: int) -> date | None:
    """The same day ``months`` later (clamped to the month's last day); None when that
    falls outside the calendar (years 1 to 9999): "the city was built 7000 years ago"."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not MINYEAR <= year <= MAXYEAR:
        return None
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_days(day: date, days: int) -> date | None:
    """The day ``days`` later; None when that falls outside the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return month_bounds(year, first)[0], month_bounds(year, first + 2)[1]


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    """The TIMEX3 value of the ISO week holding ``day``: ``2013-W11``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def part_of(start: date, end: date, share: tuple[float, float]) -> tuple[date, date]:
    """The days of a part of a period, e.g. its last third for "late"."""
    length = (end - start).days + 1
    first = start + timedelta(days=int(length * share[0]))
    last = start + timedelta(days=max(int(length * share[1]) - 1, 0))
    return first, min(max(first, last), end)
