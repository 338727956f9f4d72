"""Read the words of one time expression into its parts.

This is a small grammar over tokens: each word is looked up in the
lexicon (months, units, shifts, parts of periods...) and numbers are tied
to what they count. The result, :class:`Pieces`, says *what* the
expression names; :mod:`.normalise` decides *which days* that is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .lexicon import Lexicon, Part, Unit

__all__ = ["Pieces", "numeric_date", "read_pieces", "split_words"]

# Token shapes, matched on single tokens (not on running text).
_ORDINAL_DIGITS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_DECADE = re.compile(r"^(?:(\d{3})0|'?(\d)0)'?s$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_AMPM = re.compile(r"^(a\.?m\.?|p\.?m\.?)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,4})[./](\d{1,2})[./](\d{2,4})$")
_SUBWORD = re.compile(r"[A-Za-z]+\.?|'\d+s|\d+(?:st|nd|rd|th|s)?|\d+[:.]\d+|[-–—/,']|\S")


@dataclass
class Pieces:
    """The parts one time expression is made of (filled by :func:`read_pieces`)."""

    words: list[str] = field(default_factory=list)
    year: int | None = None
    decade: int | None = None
    century: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    count: float | None = None  # the number before a unit: "three" in "three decades"
    vague: bool = False  # "several years", "years"
    unit: Unit | None = None
    unit_word: str | None = None
    plural: bool = False
    adjectival: bool = False  # "31-year", "44-day"
    shift: int | None = None  # last -1, this 0, next +1
    shift_word: str | None = None
    definite: bool = False  # "the month", "that day": refers back to the passage
    direction: int | None = None  # ago/earlier -1, later/after +1
    part: Part | None = None
    rough: int = 0  # "earlier this month" -1, "later this year" +1
    deictic: int | None = None  # today 0, yesterday -1
    reference: str | None = None  # PRESENT_REF ...
    season: str | None = None
    day_part: str | None = None
    hour: int | None = None
    minute: int = 0
    ordinal: int | None = None  # "third" in "the third quarter"
    of_year: int | None = None  # "... of the year" 0, "of last year" -1, "of next year" +1
    frequency: str | None = None
    every: bool = False
    holiday: tuple[int, int] | None = None
    approx: str | None = None  # TIMEX3 mod for "nearly", "about", "more than"
    impossible: bool = False  # names a year beyond the calendar: "the year 99999"

    @property
    def has_calendar_name(self) -> bool:
        return any(
            x is not None
            for x in (self.year, self.month, self.weekday, self.decade, self.century, self.season)
        ) or bool(self.holiday)


def split_words(text: str) -> list[str]:
    """Cut one token's text where spaCy keeps pieces glued: "mid-2021" -> mid, -, 2021."""
    if _NUMERIC.match(text) or _ISO.match(text) or _CLOCK.match(text) or _AMPM.match(text.lower()):
        return [text]
    return _SUBWORD.findall(text)


def numeric_date(text: str) -> date | None:
    """A date written in digits only: 2021-04-01, 12.1.2021 (day first), 3/15/2013 (US)."""
    text = text.replace(" ", "")
    try:
        if match := _ISO.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _NUMERIC.match(text):
            a, b, c = int(match[1]), int(match[2]), int(match[3])
            if a > 31:  # 2020/11/10
                return date(a, b, c)
            year = c + (2000 if c < 50 else 1900) if c < 100 else c
            # Dots are day-first the world over; slashes are month-first in
            # US copy unless the first number cannot be a month.
            day_first = "." in text or a > 12
            return date(year, b, a) if day_first else date(year, a, b)
    except ValueError:
        return None
    return None


def _number(word: str, lex: Lexicon) -> float | None:
    if word.isdecimal():
        return float(word)
    if word in lex.numbers:
        return lex.numbers[word]
    head, _, tail = word.partition("-")  # "forty-four"
    if tail and head in lex.numbers and tail in lex.numbers:
        return lex.numbers[head] + lex.numbers[tail]
    return None


def read_pieces(words: list[str], lex: Lexicon) -> Pieces:
    """Fill :class:`Pieces` from the lower-case words of one expression.

    Each word goes to the first handler of :data:`_SHAPES`, then of
    :data:`_WORD_CLASSES`, that takes it; a word no handler takes may be a
    number counting the unit after it.
    """
    reading = _Reading(words, lex, Pieces(words=words))
    for reading.i, word in enumerate(words):
        if not any(handle(reading, word) for handle in _HANDLERS):
            _count(reading, word)
    p, pending = reading.pieces, reading.pending
    if p.count is None and pending is not None and pending <= 31 and p.month and p.day is None:
        p.day = int(pending)  # "May two": the number left over is the day
    return p


@dataclass
class _Reading:
    """Where :func:`read_pieces` is: the words, the word at ``i``, and what it found so far."""

    words: list[str]
    lex: Lexicon
    pieces: Pieces
    i: int = 0
    pending: float | None = None  # a number waiting for the unit it counts

    @property
    def prev(self) -> str:
        return self.words[self.i - 1] if self.i else ""

    @property
    def next(self) -> str:
        return self.words[self.i + 1] if self.i + 1 < len(self.words) else ""

    @property
    def is_last(self) -> bool:
        return self.i == len(self.words) - 1


# Token shapes -----------------------------------------------------------------


def _ordinal_digits(r: _Reading, word: str) -> bool:
    """ "5th": a day of the month, unless a unit follows ("the 21st century")."""
    if not (match := _ORDINAL_DIGITS.match(word)):
        return False
    if r.pieces.month is None and r.lex.unit(r.next) is None:
        r.pieces.day = int(match[1])
        return True
    return _digits(r, match[1])


def _digits(r: _Reading, word: str) -> bool:
    """A number in digits: a year, a day, an hour, or a count waiting for its unit."""
    if not word.isdecimal():
        return False
    p, lex, prev, nxt, value = r.pieces, r.lex, r.prev, r.next, int(word)
    if prev == "," and len(word) == 3 and r.pending is not None and r.words[r.i - 2].isdecimal():
        r.pending = r.pending * 1000 + value  # digits in groups: "7,000"
    elif prev in lex.named_units and p.count is None and r.pending is None:
        # "the year 3000" names a year; "the year 99999" none the calendar holds,
        # and "year 2" (of a war, a plan) no calendar year at all.
        p.year, p.impossible = (value, False) if 1000 <= value <= 9999 else (None, True)
    elif len(word) == 4 and 1000 <= value <= 2199 and nxt != "-" and nxt not in lex.clock_words:
        p.year = value
    elif prev == "'" and len(word) == 2:
        p.year = 1900 + value if value > 30 else 2000 + value
    elif nxt == ":" or _AMPM.match(nxt):
        p.hour = value
    elif (
        (p.month is not None or nxt in lex.months or nxt in lex.of_words)
        and 1 <= value <= 31
        and p.day is None
        and not lex.unit(nxt)
    ):
        p.day = value
    else:
        r.pending = float(value)
    return True


def _decade(r: _Reading, word: str) -> bool:
    if match := _DECADE.match(word):
        r.pieces.decade = int(match[1]) if match[1] else 190 + int(match[2])
    return match is not None


def _clock(r: _Reading, word: str) -> bool:
    if match := _CLOCK.match(word):
        r.pieces.hour, r.pieces.minute = int(match[1]), int(match[2])
    return match is not None


def _am_pm(r: _Reading, word: str) -> bool:
    if not _AMPM.match(word):
        return False
    p = r.pieces
    if p.hour is not None and word.startswith("p") and p.hour < 12:
        p.hour += 12
    elif p.hour == 12 and word.startswith("a"):
        p.hour = 0
    return True


# Word classes: each reads the section of time_words.yaml it is named for -------


def _named(field: str, section: str) -> Callable[[_Reading, str], bool]:
    """A handler setting ``field`` of the pieces to what ``section`` maps the word to."""

    def handle(r: _Reading, word: str) -> bool:
        value = getattr(r.lex, section).get(word)
        if value is not None:
            setattr(r.pieces, field, value)
        return value is not None

    return handle


def _deictic_day(r: _Reading, word: str) -> bool:
    if word not in r.lex.deictic_days:
        return False
    r.pieces.deictic = r.lex.deictic_days[word]
    r.pieces.day_part = r.lex.deictic_day_parts.get(word, r.pieces.day_part)
    return True


def _season(r: _Reading, word: str) -> bool:
    if word in r.lex.seasons:
        r.pieces.season = r.lex.seasons[word].code
    return word in r.lex.seasons


def _day_part(r: _Reading, word: str) -> bool:
    """ "morning"; but "two nights" counts nights (a unit as well)."""
    if word not in r.lex.day_parts or (r.lex.unit(word) and r.pending is not None):
        return False
    r.pieces.day_part = r.lex.day_parts[word]
    return True


def _rough(r: _Reading, word: str) -> bool:
    """ "earlier this month", "later in the year"."""
    if word not in r.lex.rough_words or r.next not in r.lex.rough_followers:
        return False
    r.pieces.rough = r.lex.rough_words[word]
    return True


def _part(r: _Reading, word: str) -> bool:
    """ "early May", "mid-2021", "the end of the month": a part before its period."""
    if word not in r.lex.parts or r.is_last:
        return False
    r.pieces.part = r.lex.parts[word]
    return True


def _ordinal(r: _Reading, word: str) -> bool:
    """ "the third quarter", "the first week"."""
    lex, nxt = r.lex, r.next
    if word not in lex.ordinals or not (
        nxt in lex.ordinal_parts or (lex.ordinals[word] > 0 and nxt in lex.ordinal_units)
    ):
        return False
    r.pieces.ordinal = lex.ordinals[word]
    return True


def _unit(r: _Reading, word: str) -> bool:
    """A calendar unit, counted by the number before it or vague ("years")."""
    if (unit := r.lex.unit(word)) is None:
        return False
    p, lex, prev = r.pieces, r.lex, r.prev
    if p.ordinal is not None and p.unit_word and lex.ordinal_parts.get(p.unit_word) == word:
        # "the second half of last year": the year that holds the half.
        p.of_year = p.shift if p.shift is not None else 0
        p.shift, p.shift_word = None, None
        return True
    p.unit, p.unit_word = unit, word
    if word in lex.ordinal_parts and p.ordinal is not None:
        return True
    p.plural = word.endswith("s")
    if r.pending is not None:
        p.count, r.pending = r.pending, None
    elif prev in lex.vague_numbers and prev not in lex.shifts or p.plural and p.count is None:
        p.vague = True
    p.adjectival = prev == "-" and p.count is not None
    return True


def _shift(r: _Reading, word: str) -> bool:
    """ "last week", "next year" (not "the last of the talks")."""
    if word not in r.lex.shifts or r.pieces.shift is not None or r.next in r.lex.of_words:
        return False
    r.pieces.shift, r.pieces.shift_word = r.lex.shifts[word], word
    return True


def _direction(r: _Reading, word: str) -> bool:
    """ "two years ago", "a day later"."""
    if word not in r.lex.trailing_directions and not (word in r.lex.directions and r.is_last):
        return False
    r.pieces.direction = r.lex.directions[word]
    return True


def _every(r: _Reading, word: str) -> bool:
    """ "every week", "each year": a SET."""
    if word not in r.lex.set_words:
        return False
    r.pieces.every = True
    return True


def _anaphoric(r: _Reading, word: str) -> bool:
    """ "the month", "that day" as the first word: the period of the passage."""
    if word not in r.lex.anaphoric_determiners or r.i != 0:
        return False
    r.pieces.definite = True
    return True


def _vague(r: _Reading, word: str) -> bool:
    """ "a few", "several": a number not given (the shifts among them shift instead)."""
    if word not in r.lex.vague_numbers or word in r.lex.shifts:
        return False
    r.pieces.vague = True
    return True


def _count(r: _Reading, word: str) -> None:
    """A number word: "two hundred", "66 million"; "a" before a unit counts one."""
    lex = r.lex
    if word in lex.indefinite_articles:
        if lex.unit(r.next) is not None:
            r.pending = 1.0
    elif (number := _number(word, lex)) is not None:
        # A round number word multiplies the count before it.
        r.pending = r.pending * number if r.pending is not None and number >= 100 else number


_SHAPES = (_ordinal_digits, _digits, _decade, _clock, _am_pm)

# The word classes in the order they are tried: a word of two classes ("later",
# "last", "night") goes to the first that takes it.
_WORD_CLASSES: dict[str, Callable[[_Reading, str], bool]] = {
    "months": _named("month", "months"),
    "weekdays": _named("weekday", "weekdays"),
    "deictic_days": _deictic_day,
    "frequencies": _named("frequency", "frequencies"),
    "seasons": _season,
    "day_parts": _day_part,
    "approximators": _named("approx", "approximators"),
    "rough_words": _rough,
    "parts": _part,
    "ordinals": _ordinal,
    "units": _unit,
    "shifts": _shift,
    "directions": _direction,
    "set_words": _every,
    "anaphoric_determiners": _anaphoric,
    "vague_numbers": _vague,
}

_HANDLERS = (*_SHAPES, *_WORD_CLASSES.values())


def find_holiday(words: list[str], lex: Lexicon) -> tuple[int, int] | None:
    """The fixed day of a holiday named in ``words`` ("christmas eve")."""
    text = " ".join(w for w in words if w not in lex.definite_articles)
    text = text.replace(" ' s", "'s").replace(" 's", "'s")
    for name in sorted(lex.holidays, key=len, reverse=True):
        if name in text:
            return lex.holidays[name]
    return None
