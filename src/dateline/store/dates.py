"""The SQL side of ``since`` and ``until``: which stored dates touch a :class:`DayRange`.

What the bounds mean is :func:`dateline.query.day_range`'s to say.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_

from ..query import DayRange

__all__ = ["iso_text_touches"]


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
