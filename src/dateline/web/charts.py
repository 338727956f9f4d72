"""Charts of events over time, drawn as SVG on the server: a stacked bar a day, a week, a
month or a year (whichever gives the window a few dozen to a few hundred bars), a
block a quad class, on a chart of fixed width whatever the window.

The time axis is linear: a bar and a tick sit where their first day falls
in the window, and the ticks are calendar steps (days, weeks, months,
years) chosen so that about eight labels show, at any corpus size.

>>> from datetime import date
>>> chart = time_chart([(date(2011, 3, 1), "verbal_conflict", 4)], date(2011, 1, 1),
...                    date(2011, 6, 30))
>>> chart.unit, len(chart.bars), [label for _, label in chart.ticks][:3]
('week', 1, ['Jan 2011', 'Feb', 'Mar'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..query import QUAD_CLASSES

__all__ = ["Bar", "TimeChart", "time_chart"]

WIDTH = 900  # the viewBox's width: the chart is scaled to the page
HEIGHT = 160  # the bars' height at most
LEFT = 40  # room for the scale
RIGHT = 10
BOTTOM = 24  # room for the ticks' labels
MAX_TICKS = 9
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_ORDER = (*QUAD_CLASSES, "unknown")


@dataclass(frozen=True)
class Bar:
    """One rectangle of the chart: a quad class in a day, week, month or year."""

    x: float
    y: float
    width: float
    height: float
    quad: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class TimeChart:
    """A stacked bar chart of events over a window of days."""

    width: int
    height: int  # the bars' area; the ticks sit below it
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (x, label)
    top: int  # the largest bar's count
    unit: str  # "day", "week", "month" or "year": one bar's span
    first: date | None
    last: date | None

    @property
    def full_height(self) -> int:
        return self.height + BOTTOM


def time_chart(
    counts: Iterable[tuple[date, str | None, int]],
    first: date | None = None,
    last: date | None = None,
    *,
    link: Callable[[date, date], str] | None = None,
) -> TimeChart:
    """The chart of ``counts`` (day, quad class, events) from ``first`` to ``last`` (by
    default the days counted); counts outside the window are left out. ``link`` gives
    each bar's address from its first and last day."""
    rows = [(day, quad or "unknown", n) for day, quad, n in counts if n]
    if rows:
        first = first or min(day for day, _, _ in rows)
        last = last or max(day for day, _, _ in rows)
    if first is None or last is None or last < first:
        return TimeChart(WIDTH, HEIGHT, [], [], 0, "day", first, last)
    unit = _unit((last - first).days + 1)
    start, end = _bin_start(first, unit), _next_bin(_bin_start(last, unit), unit)
    span = (end - start).days
    bins: dict[date, Counter[str]] = {}
    for day, quad, count in rows:
        if first <= day <= last:
            bins.setdefault(_bin_start(day, unit), Counter())[quad] += count
    top = max((sum(counter.values()) for counter in bins.values()), default=0)
    plot = WIDTH - LEFT - RIGHT
    scale = (HEIGHT - 10) / top if top else 0.0
    bars: list[Bar] = []
    for begin, counter in sorted(bins.items()):
        after = _next_bin(begin, unit)
        x = LEFT + (begin - start).days / span * plot
        width = (after - begin).days / span * plot
        gap = min(1.0, width * 0.15)
        base = float(HEIGHT)
        href = link(max(begin, first), min(after - timedelta(days=1), last)) if link else None
        for quad in _ORDER:
            value = counter[quad]
            if not value:
                continue
            height = max(1.0, value * scale)
            base -= height
            label = f"{_span_label(begin, unit)}: {value} {quad.replace('_', ' ')}"
            bars.append(
                Bar(
                    round(x, 1),
                    round(base, 1),
                    round(max(width - gap, 0.8), 1),
                    round(height, 1),
                    quad,
                    label,
                    href,
                )
            )
    ticks = [
        (round(LEFT + (day - start).days / span * plot, 1), label)
        for day, label in _ticks(start, end)
    ]
    return TimeChart(WIDTH, HEIGHT, bars, ticks, top, unit, first, last)


def _unit(days: int) -> str:
    if days <= 120:
        return "day"
    if days <= 3 * 365:
        return "week"
    if days <= 30 * 365:
        return "month"
    return "year"


def _bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next_bin(day: date, unit: str) -> date:
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return _add_months(day, 1)
    if unit == "year":
        return day.replace(year=day.year + 1)
    return day + timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _span_label(day: date, unit: str) -> str:
    if unit == "week":
        return f"week of {day.isoformat()}"
    if unit == "month":
        return day.isoformat()[:7]
    if unit == "year":
        return str(day.year)
    return day.isoformat()


# Ticks: the finest calendar step that gives at most MAX_TICKS labels.
_STEPS: tuple[tuple[str, int], ...] = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    *(("year", n) for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)),
)


def _ticks(start: date, end: date) -> list[tuple[date, str]]:
    for unit, step in _STEPS:
        days = list(_tick_days(start, end, unit, step))
        if len(days) <= MAX_TICKS:
            return [(day, _tick_label(day, unit, n == 0)) for n, day in enumerate(days)]
    return []


def _tick_days(start: date, end: date, unit: str, step: int) -> Iterable[date]:
    if unit == "day":
        day = start
        while day < end:
            yield day
            day += timedelta(days=step)
    elif unit == "week":
        day = start + timedelta(days=-start.weekday() % 7)
        while day < end:
            yield day
            day += timedelta(days=7 * step)
    elif unit == "month":
        day = _add_months(start.replace(day=1), 0 if start.day == 1 else 1)
        while day < end:
            if (day.month - 1) % step == 0:
                yield day
            day = _add_months(day, 1)
    else:
        year = start.year if start == date(start.year, 1, 1) else start.year + 1
        year += -year % step
        while year <= end.year and date(year, 1, 1) < end:
            yield date(year, 1, 1)
            year += step


def _tick_label(day: date, unit: str, first: bool) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        name = _MONTHS[day.month - 1]
        return f"{name} {day.year}" if first or day.month == 1 else name
    label = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{label} {day.year}" if first or (day.month == 1 and day.day <= 7 * 2) else label
