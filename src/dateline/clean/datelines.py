"""Datelines: "WASHINGTON, March 3 (Reuters) -" at the start of a story.

A dateline names the place the story was filed from and, usually, the day
without the year ("ANKARA, March 16, 2023 (Reuters) -" gives it). A missing
year is inferred from the full dates the article
itself mentions: the candidate year that puts the dateline day closest to
them wins, where a mentioned date after the dateline counts double, since
news reports mostly look back at what happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..knowledge import month_names
from .published import find_dates

__all__ = ["Dateline", "find_dateline", "infer_year", "mentioned_days"]

# Mentioned dates after the dateline day weigh this much more than dates before it.
_FUTURE_WEIGHT = 2.0


@dataclass(frozen=True)
class Dateline:
    """The dateline opening a story, and where the story itself begins."""

    place: str  # title case: "Nairobi", "New York"
    month: int | None
    day: int | None
    agency: str | None  # "Reuters" in "(Reuters)"
    end: int  # offset in the paragraph where the story begins
    year: int | None = None  # when printed: "March 16, 2023"


def _months() -> str:
    names = sorted(month_names(), key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    months = _months()
    place = r"(?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3})"
    region = r"(?:,\s*(?P<region>[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+){0,2}))?"
    month_day = (
        rf"(?:(?P<month_name>(?i:{months}))\.?\s+(?P<day>[0-3]?\d)\b"
        rf"|(?P<day_first>[0-3]?\d)\s+(?P<month_name_after>(?i:{months}))\b\.?)"
        r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    )
    agency = r"(?:\s*[(/]\s*(?P<agency>[A-Z][\w.\- ]{1,30}?)\s*[)/])?"
    tail = r"\s*(?:[-–—:.]+\s*)?"
    return re.compile(
        rf"^{place}{region}(?:,\s*{month_day})?{agency}{tail}(?=[A-Z“\"'‘])",
    )


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, if any.

    The place must be printed in capitals ("NAIROBI", "NEW YORK") and be
    followed by a day ("NAIROBI, March 3"), an agency ("KYIV (AP) -") or
    both; a sentence that happens to start with a capitalised word is not a
    dateline.
    """
    match = _pattern().match(paragraph)
    if not match:
        return None
    month_name = match.group("month_name") or match.group("month_name_after")
    day_text = match.group("day") or match.group("day_first")
    agency = match.group("agency")
    if not month_name and not agency:
        return None
    place = match.group("place").strip(" .")
    if len(place) < 3:
        return None
    month = month_names()[month_name.casefold()] if month_name else None
    day = int(day_text) if day_text else None
    if day is not None and not 1 <= day <= 31:
        return None
    return Dateline(
        place=_title_case(place),
        month=month,
        day=day,
        agency=agency.strip() if agency else None,
        end=match.end(),
        year=int(match.group("year")) if match.group("year") else None,
    )


def _title_case(place: str) -> str:
    return " ".join(word.capitalize() if word.isupper() else word for word in place.split())


def mentioned_days(text: str) -> list[date]:
    """Every full date the text mentions; month and year alone count as the 15th."""
    days = [found.moment.date() for found in find_dates(text)]
    if days:
        return days
    months = _months()
    for match in re.finditer(rf"\b({months})\.?,?\s+((?:19|20)\d\d)\b", text, re.IGNORECASE):
        days.append(date(int(match.group(2)), month_names()[match.group(1).casefold()], 15))
    return days


def infer_year(month: int, day: int, text: str) -> int | None:
    """The year of a day printed without one, judged from the dates ``text`` mentions.

    Each candidate year (those mentioned, and the year after each) is scored
    by the distance from the dateline day to the nearest mentioned date, a
    later date counting double; the closest wins. None when the text
    mentions no dates.
    """
    mentioned = mentioned_days(text)
    if not mentioned:
        return None
    candidates = sorted({d.year for d in mentioned} | {d.year + 1 for d in mentioned})
    best: tuple[float, int] | None = None
    for year in candidates:
        try:
            anchor = date(year, month, day)
        except ValueError:
            continue
        cost = min(_distance(anchor, other) for other in mentioned)
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def _distance(anchor: date, other: date) -> float:
    days = (other - anchor).days
    return days * _FUTURE_WEIGHT if days > 0 else float(-days)
