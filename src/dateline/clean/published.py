"""Publication dates as pages print them.

A date printed near the headline ("24 November 2020 [22:45]", "Date:
12.1.2021 14:00", "March 3, 2024 10:15 am ET") is read into a
:class:`Published`: an ISO 8601 string cut to its precision, the precision,
and where it came from. Numeric dates with dots are day.month.year, as
everywhere that writes them; with slashes the values decide when they can
(a first number above 12 is a day), and otherwise the caller says whether
the page is month-first (American English) or day-first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ..knowledge import month_names
from ..models import Precision

__all__ = ["DateLine", "DateMatch", "Published", "find_dates", "parse_published", "read_date_line"]


@dataclass(frozen=True)
class Published:
    """When an article was published, as precisely as the page says."""

    value: str  # ISO 8601 cut to the precision: "2020-11-24T22:45"
    precision: Precision
    source: str  # e.g. "hint", "text:date-line", "html:htmldate"

    @property
    def day(self) -> date:
        """The calendar day of publication."""
        return date.fromisoformat(self.value[:10])


@dataclass(frozen=True)
class DateMatch:
    """A full date (with its time, when printed) found in a line of text."""

    start: int
    end: int
    moment: datetime
    precision: Precision

    def iso(self) -> str:
        """The moment in ISO 8601, cut to the precision."""
        return iso_at_precision(self.moment, self.precision)


def iso_at_precision(moment: datetime, precision: Precision) -> str:
    """``moment`` as ISO 8601 cut to ``precision`` ("2021-04-01", "2020-11-24T22:45")."""
    widths = {"year": 4, "month": 7, "day": 10, "minute": 16, "second": 19}
    return moment.isoformat()[: widths[precision]]


def _month_alternation() -> str:
    names = sorted(month_names(), key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


_TIME = (
    r"(?:\s*(?:[,|@\-–—]|\[|\(|\bat\b|\bà\b|\bв\b|\bum\b|\ba las\b|\bsaat\b)?\s*)"
    r"(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?![\d])"
)


def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    month = _month_alternation()
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    forms = {
        "iso": rf"\b{year}-(?P<month>[01]?\d)-{day}(?:T|\s+|\b)",
        "dotted": rf"\b{day}\.(?P<month>[01]?\d)\.{year}\b",
        "slashed": rf"\b(?P<first>[0-3]?\d)/(?P<second_number>[0-3]?\d)/{year}\b",
        "day-month": rf"\b{day}\.?\s+(?:de\s+)?(?P<month_name>{month})\.?,?\s+(?:de\s+)?{year}\b",
        "month-day": rf"\b(?P<month_name>{month})\.?\s+{day},?\s+{year}\b",
    }
    return tuple(
        (name, re.compile(pattern + rf"(?:{_TIME})?", re.IGNORECASE))
        for name, pattern in forms.items()
    )


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Built on first use: the month names come from a knowledge file.
    return _patterns()


def find_dates(text: str, *, month_first: bool = False) -> list[DateMatch]:
    """Every full date (day, month and year) in ``text``, in order, with its time if printed.

    ``month_first`` settles slashed dates whose values leave the order open
    ("3/4/2024"): True reads them the American way.
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for form, pattern in _compiled():
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            result = _to_date_match(form, match, month_first)
            if result is not None:
                found.append(result)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda found_date: found_date.start)


def _to_date_match(form: str, match: re.Match[str], month_first: bool) -> DateMatch | None:
    groups = match.groupdict()
    if form == "slashed":
        first, second = int(groups["first"]), int(groups["second_number"])
        if first > 12 or (not month_first and second <= 12):
            day, month = first, second
        else:
            month, day = first, second
    elif form in ("day-month", "month-day"):
        month = month_names()[groups["month_name"].casefold()]
        day = int(groups["day"])
    else:
        month, day = int(groups["month"]), int(groups["day"])
    hour = minute = second_value = 0
    precision: Precision = "day"
    if groups.get("hour") is not None:
        hour, minute = int(groups["hour"]), int(groups["minute"])
        ampm = (groups.get("ampm") or "").replace(".", "").replace(" ", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        precision = "minute"
        if groups.get("second") is not None:
            second_value = int(groups["second"])
            precision = "second"
    try:
        moment = datetime(int(groups["year"]), month, day, hour, minute, second_value)
    except ValueError:
        return None
    end = match.end() if precision != "day" else _end_without_time(match)
    return DateMatch(match.start(), end, moment, precision)


def _end_without_time(match: re.Match[str]) -> int:
    # A pattern may end in white space (the ISO form's separator); keep the span tight.
    text = match.group(0)
    return match.start() + len(text.rstrip())


def parse_published(text: str, source: str, *, month_first: bool = False) -> Published | None:
    """Read a date string (a hint, a meta tag) into a :class:`Published`.

    Accepts ISO 8601 ("2024-03-03T09:12:00Z", "2024-03-03") and anything
    :func:`find_dates` reads; returns None when no full date is found, or when
    the date does not exist ("2021-02-30", "2021-13-45"). An impossible time
    of a real day ("2021-02-03T25:61") keeps the day.
    """
    text = text.strip()
    iso = re.fullmatch(
        r"((?:19|20)\d\d)-(\d\d)(?:-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?[^\s]*)?)?", text
    )
    if iso:
        year, month, day, hour, minute, second = iso.groups()
        precision: Precision = (
            "second" if second else "minute" if minute else "day" if day else "month"
        )
        try:
            moment = datetime(int(year), int(month), int(day or 1))
        except ValueError:
            return None
        try:
            moment = moment.replace(
                hour=int(hour or 0), minute=int(minute or 0), second=int(second or 0)
            )
        except ValueError:
            precision = "day"
        return Published(iso_at_precision(moment, precision), precision, source)
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return Published(text, "year", source)
    dates = find_dates(text, month_first=month_first)
    if not dates:
        return None
    return Published(dates[0].iso(), dates[0].precision, source)


@dataclass(frozen=True)
class DateLine:
    """A line that is a publication date plus, perhaps, a site name or byline."""

    published: DateMatch
    rest: str  # what the line says besides dates and labels: "KYIVPOST.COM", "By Jane Doe"


_UPDATE_LABEL = re.compile(
    r"(updated?|last update|modified|edited|güncelleme|обновлено|mis à jour|actualizado|aktualisiert)\W*$",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"\b(date|dated|published|posted|created|first published|updated?|last update[d]?|modified|"
    r"time|on|at|yayın|yayınlanma|tarih|опубликовано|дата|publié le|publicado|"
    r"veröffentlicht)\b\s*:?",
    re.IGNORECASE,
)
_TIME_ZONE = re.compile(
    r"(?<!\w)(?:[A-Z]{1,4}T|UTC|GMT|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?!\w)|[+-]\d\d:?\d\d\b"
)
_LEFTOVER = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_MAX_DATE_LINE = 140


def _is_header_leftover(rest: str) -> bool:
    """Whether what a date line says besides the date is a site name, weekday or byline.

    Prose ("On 3 March 2024 the army took the town.") has lowercase words.
    """
    byline = re.search(r"\b(?:by|written by|author:?)\s+[A-Z]", rest, re.IGNORECASE)
    words = (rest[: byline.start()] if byline else rest).split()
    return len(words) <= 4 and not any(word[:1].islower() for word in words)


def read_date_line(line: str, *, month_first: bool = False) -> DateLine | None:
    """Read a short line that prints the publication date ("Date: 12.1.2021 14:00").

    Returns None for lines that mention a date in passing (sentences), so
    that only header and footer lines are taken. When a line prints several
    dates ("2023-09-21 15:41:22 | Last Update : 2023-09-21 15:53:04"), the
    first one not labelled as an update is the publication date.
    """
    if len(line) > _MAX_DATE_LINE:
        return None
    dates = find_dates(line, month_first=month_first)
    if not dates:
        return None
    chosen = dates[0]
    previous_end = 0
    for found in dates:
        if not _UPDATE_LABEL.search(line[previous_end : found.start]):
            chosen = found
            break
        previous_end = found.end
    rest = line
    for found in reversed(dates):
        rest = rest[: found.start] + " | " + rest[found.end :]
    rest = _TIME_ZONE.sub(" ", _LABELS.sub(" ", rest))
    parts = [_LEFTOVER.sub("", part) for part in re.split(r"\s[|\-–—•·/]\s|\||\[|\]", rest)]
    rest = " ".join(part for part in parts if part)
    if not _is_header_leftover(rest):
        return None
    return DateLine(chosen, rest)
