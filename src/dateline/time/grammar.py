"""Read the words of one time expression into its parts.

This is a small grammar over tokens: each word is looked up in the
lexicon (months, units, shifts, parts of periods...) and numbers are tied
to what they count. The result, :class:`Pieces`, says *what* the
expression names; :mod:`.normalise` decides *which days* that is.
"""

from __future__ import annotations

import re
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


_APPROX = {
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "over": "MORE_THAN",
    "more": "MORE_THAN",
    "least": "EQUAL_OR_MORE",
    "less": "LESS_THAN",
    "under": "LESS_THAN",
}


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


def read_pieces(words: list[str], lex: Lexicon) -> Pieces:  # noqa: C901 - one flat grammar
    """Fill :class:`Pieces` from the lower-case words of one expression."""
    p = Pieces(words=words)
    pending: float | None = None  # a number waiting for the unit it counts
    for i, word in enumerate(words):
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if match := _ORDINAL_DIGITS.match(word):
            word = match[1]
            if p.month is None and nxt not in ("century", "quarter", "half"):
                p.day = int(word)
                continue
        if word.isdecimal():
            value = int(word)
            if prev == "," and len(word) == 3 and pending is not None and words[i - 2].isdecimal():
                pending = pending * 1000 + value  # digits in groups: "7,000"
                continue
            if prev == "year" and p.count is None and pending is None:
                # "the year 3000" names a year; "the year 99999" none the calendar holds,
                # and "year 2" (of a war, a plan) no calendar year at all.
                p.year, p.impossible = (value, False) if 1000 <= value <= 9999 else (None, True)
                continue
            if len(word) == 4 and 1000 <= value <= 2199 and nxt not in ("-", "hour", "hours"):
                p.year = value
            elif prev in ("'",) and len(word) == 2:
                p.year = 1900 + value if value > 30 else 2000 + value
            elif nxt == ":" or _AMPM.match(nxt):
                p.hour = value
            elif (
                (p.month is not None or nxt in lex.months or nxt == "of")
                and 1 <= value <= 31
                and p.day is None
                and not lex.unit(nxt)
            ):
                p.day = value
            else:
                pending = float(value)
            continue
        if match := _DECADE.match(word):
            p.decade = int(match[1]) if match[1] else 190 + int(match[2])
            continue
        if match := _CLOCK.match(word):
            p.hour, p.minute = int(match[1]), int(match[2])
            continue
        if _AMPM.match(word):
            if p.hour is not None and word.startswith("p") and p.hour < 12:
                p.hour += 12
            elif p.hour == 12 and word.startswith("a"):
                p.hour = 0
            continue
        if word in lex.months:
            p.month = lex.months[word]
            continue
        if word in lex.weekdays:
            p.weekday = lex.weekdays[word]
            continue
        if word in lex.deictic_days:
            p.deictic = lex.deictic_days[word]
            if word == "tonight":
                p.day_part = "NI"
            continue
        if word in lex.frequencies:
            p.frequency = lex.frequencies[word]
            continue
        if word in lex.seasons:
            p.season = lex.seasons[word].code
            continue
        if word in lex.day_parts and not (word == "night" and pending is not None):
            p.day_part = lex.day_parts[word]
            continue
        if word in _APPROX:
            p.approx = _APPROX[word]
            continue
        if word in ("earlier", "later") and nxt in ("this", "that", "next", "last", "in"):
            p.rough = -1 if word == "earlier" else 1
            continue
        if word in lex.parts and (nxt in ("-", "of", "the") or i + 1 < len(words)):
            p.part = lex.parts[word]
            continue
        if word in lex.ordinals and (
            nxt in ("quarter", "half")
            or (lex.ordinals[word] > 0 and nxt in ("century", "week", "day"))
        ):
            p.ordinal = lex.ordinals[word]
            continue
        if (unit := lex.unit(word)) is not None:
            if word == "year" and p.ordinal is not None and p.unit_word in ("quarter", "half"):
                # "the second half of last year": the year that holds the half.
                p.of_year = p.shift if p.shift is not None else 0
                p.shift, p.shift_word = None, None
                continue
            if word in ("quarter", "half") and p.ordinal is not None:
                p.unit, p.unit_word = unit, word
                continue
            p.unit, p.unit_word = unit, word
            p.plural = word.endswith("s")
            if pending is not None:
                p.count, pending = pending, None
            elif (
                prev in lex.vague_numbers and prev not in lex.shifts or p.plural and p.count is None
            ):
                p.vague = True
            p.adjectival = prev == "-" and p.count is not None
            continue
        if word in lex.shifts and p.shift is None and nxt not in ("of",):
            p.shift, p.shift_word = lex.shifts[word], word
            continue
        if word in ("ago", "later", "earlier") or (word in lex.directions and i == len(words) - 1):
            p.direction = lex.directions[word]
            continue
        if word in lex.set_words and word in ("every", "each", "per"):
            p.every = True
            continue
        if word in lex.anaphoric_determiners and i == 0:
            p.definite = True
            continue
        if word in ("couple", "few", "several", "many", "numerous"):
            p.vague = True
            continue
        number = _number(word, lex)
        if number is not None and word not in ("a", "an"):
            # "two hundred", "66 million": a round number word multiplies the count before it.
            pending = pending * number if pending is not None and number >= 100 else number
        elif word in ("a", "an") and lex.unit(nxt) is not None:
            pending = 1.0
    if (
        p.count is None
        and pending is not None
        and p.month is not None
        and p.day is None
        and pending <= 31
    ):
        p.day = int(pending)
    return p


def find_holiday(words: list[str], lex: Lexicon) -> tuple[int, int] | None:
    """The fixed day of a holiday named in ``words`` ("christmas eve")."""
    text = (
        " ".join(w for w in words if w not in ("the",)).replace(" ' s", "'s").replace(" 's", "'s")
    )
    for name in sorted(lex.holidays, key=len, reverse=True):
        if name in text:
            return lex.holidays[name]
    return None
