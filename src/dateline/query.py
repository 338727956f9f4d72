"""The reader's question and the plain types its answers come in.

These types cross layers: the CLI, the web and the API build a
:class:`TimelineQuery`; the store answers it in SQL
(:mod:`dateline.store.event_queries`), so that a page of a large store
reads that page's rows and no others; the summary timeline reads the
:class:`DayEvent` rows the store gives back. They live here, below all of
them, so that no layer imports its types from another.

What ``since`` and ``until`` mean, for every query that takes them: a bound is an ISO date or a prefix of one: ``"2020"``, ``"2020-11"``,
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
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, get_args

from .errors import ConfigError
from .events.values import Status

__all__ = [
    "BACKGROUND_DAYS",
    "MAX_TEXT_CHARS",
    "QUAD_CLASSES",
    "STATUSES",
    "DayEvent",
    "DayRange",
    "TimelineQuery",
    "day_range",
]

_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# The longest ``text`` filter: longer ones are not words to look for, and SQL's LIKE
# refuses patterns beyond some 50,000 bytes.
MAX_TEXT_CHARS = 1000

# Events dated more than this many days before the first article are background.
BACKGROUND_DAYS = 30

QUAD_CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)

STATUSES: tuple[str, ...] = get_args(Status)


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


@dataclass(frozen=True)
class TimelineQuery:
    """A reader's question. Empty fields ask nothing; the fields asked must all hold.

    - ``actors``: any of these codes among the actors or recipients;
    - ``dyad``: one code on each side (either way round); an event without
      recipients matches when both are among its actors;
    - ``types``: PLOVER types; ``quad_classes``: of :data:`QUAD_CLASSES`;
    - ``sectors``: an actor or recipient of any of these sectors (GOV, MIL, REB, ...);
    - ``statuses``: only these statuses; without them, every status but
      ``negated``, which ``include_negated`` adds;
    - ``since``/``until``: ISO dates or prefixes ("2020", "2020-11"): events
      whose days touch the first day of ``since`` through the last day of
      ``until`` (see :func:`day_range`); undated events never match;
    - ``outlet``: reported by this outlet (case does not matter);
    - ``text``: words that all appear in one evidence sentence (case does not matter);
    - ``place``: where it happened: a place name or a country code (case does
      not matter: ``Aleppo``, ``SYR``);
    - ``background``: True, only the background (status ``historical``, or
      dated more than :data:`BACKGROUND_DAYS` days before the first article's
      publication); False, none of it; None, both.

    Single values and lists are accepted where tuples are meant, and codes
    are upper-cased:

    >>> TimelineQuery(actors="aze", dyad="AZE,arm", types=["consult"], since="2020-11")
    ... # doctest: +NORMALIZE_WHITESPACE
    TimelineQuery(actors=('AZE',), dyad=('AZE', 'ARM'), types=('CONSULT',), quad_classes=(),
                  sectors=(), statuses=(), since='2020-11', until=None, outlet=None,
                  text=None, include_negated=False, place=None, background=None)
    >>> TimelineQuery(since="2020-11", until="2020-11").days
    DayRange(first=datetime.date(2020, 11, 1), last=datetime.date(2020, 11, 30))
    """

    actors: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    quad_classes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    text: str | None = None
    include_negated: bool = False
    place: str | None = None
    background: bool | None = None

    def __post_init__(self) -> None:
        normal = {
            "actors": _codes(self.actors),
            "dyad": _dyad(self.dyad),
            "types": _codes(self.types),
            "quad_classes": _choices(self.quad_classes, QUAD_CLASSES, "quad class"),
            "sectors": _codes(self.sectors),
            "statuses": _choices(self.statuses, STATUSES, "status"),
            "since": _date_text(self.since),
            "until": _date_text(self.until),
            "place": (self.place or "").strip() or None,
        }
        for name, value in normal.items():
            object.__setattr__(self, name, value)
        day_range(self.since, self.until)  # a malformed bound fails here, not at the query

    @classmethod
    def of(cls, query: TimelineQuery | None = None, **filters: Any) -> TimelineQuery:
        """``query`` with ``filters`` (the same fields as keywords) set over it."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(filters) - known)
        if unknown:
            raise ConfigError(
                f"unknown event filter {', '.join(unknown)}: give {', '.join(sorted(known))}"
            )
        given = {name: value for name, value in filters.items() if value is not None}
        if query is None:
            return cls(**given)
        return cls(**{**{f.name: getattr(query, f.name) for f in fields(cls)}, **given})

    @property
    def asks_only_dates(self) -> bool:
        """Whether nothing but the days (and the default statuses) is asked."""
        return self == TimelineQuery(since=self.since, until=self.until)

    @property
    def days(self) -> DayRange:
        """The days asked for (both ends included; None: open on that side)."""
        return day_range(self.since, self.until)


def _codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(item.strip().upper() for item in items if item.strip()))


def _dyad(value: str | Iterable[str] | None) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    codes = [item.strip().upper() for item in items]
    if len(codes) != 2 or not all(codes):
        raise ConfigError(
            f"a dyad is two actor codes, e.g. ('AZE', 'ARM') or 'AZE,ARM'; got {value!r}"
        )
    return (codes[0], codes[1])


def _choices(
    value: str | Iterable[str] | None, known: tuple[str, ...], what: str
) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    chosen = tuple(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    for item in chosen:
        if item not in known:
            raise ConfigError(f"unknown {what} {item!r}: give one of {', '.join(known)}")
    return chosen


def _date_text(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else value.strip()


@dataclass(frozen=True)
class DayEvent:
    """One deduplicated event with a known first day, and where it is told."""

    event_id: str
    type: str
    quad_class: str | None
    first_day: date
    last_day: date
    date_source: str | None  # how the day was found: "published" when only the dateline gave it
    goldstein: float | None
    sources: int
    mention_count: int
    # (article id, start, end): the character offsets of each mention in its article's body.
    evidence: tuple[tuple[str, int, int], ...] = ()


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
