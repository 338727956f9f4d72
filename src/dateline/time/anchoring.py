"""What a time expression is anchored on: the tense of its verb and its passage.

News text dates year-less expressions two ways: by the article's own date
("will leave Kidal on December 1"), and by a date the passage has already
named ("In March 2022, fighting resumed ... on the night of August
24"). This module reads the first from the dependency parse and keeps the
second as the text is read in order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .lexicon import Lexicon
from .normalise import Reading, Tense
from .periods import add_days, add_months
from .values import Precision

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Passages", "governing_verb", "shift_by_duration", "tense_of"]

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_DURATION = re.compile(r"^P(\d+)(D|W|M|Y|DE)$")


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` in the parse (a few steps at most)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def tense_of(span: Span, lex: Lexicon) -> Tense | None:
    """Past, present or future, as the verb governing ``span`` is inflected."""
    verb = governing_verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ == "VBN" and (words & {"has", "have", "had", "'s", "'ve"} or not auxes):
        return "past"
    if verb.tag_ == "VB" and "to" in words:
        # "is set to vacate", "plans to hold": an intention points ahead.
        return "future" if verb.head.lemma_.lower() in lex.future_markers else None
    if verb.tag_ == "VBG" and words & {"was", "were"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return None


def shift_by_duration(day: date, value: str, sign: int) -> date | None:
    """``day`` moved by a TIMEX3 duration such as ``P2D``: "two days after the vote"."""
    match = _DURATION.match(value)
    if not match:
        return None
    amount, unit = int(match[1]) * sign, match[2]
    if unit in ("D", "W"):
        return add_days(day, amount * (7 if unit == "W" else 1))
    return add_months(day, amount * {"M": 1, "Y": 12, "DE": 120}[unit])


@dataclass
class _Memory:
    reference: date | None = None  # last date written with its year
    last_date: date | None = None  # last date of any kind
    last_precision: Precision | None = None


class Passages:
    """Reference dates per paragraph, updated as expressions are read in order."""

    def __init__(self, doc: Doc, anchor: date | None = None) -> None:
        text = doc.text
        self._anchor = anchor
        self._breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        self._memory: dict[int, _Memory] = {}

    def paragraph(self, char: int) -> int:
        """The index of the paragraph (line) holding character ``char``."""
        return bisect.bisect_right(self._breaks, char)

    def reference(self, char: int) -> date | None:
        return self._memory.get(self.paragraph(char), _Memory()).reference

    def last_date(self, char: int) -> date | None:
        return self._memory.get(self.paragraph(char), _Memory()).last_date

    def last_precision(self, char: int) -> Precision | None:
        return self._memory.get(self.paragraph(char), _Memory()).last_precision

    def remember(self, char: int, reading: Reading) -> None:
        """Note a dated expression so that later ones in the passage can lean on it."""
        if reading.start is None or reading.precision in ("decade", "century", None):
            return
        memory = self._memory.setdefault(self.paragraph(char), _Memory())
        memory.last_date, memory.last_precision = reading.start, reading.precision
        # A date still to come ("from January 1, 2024") cannot date what is told as done.
        written = reading.explicit_year and reading.precision in ("day", "month")
        if written and (self._anchor is None or reading.start <= self._anchor):
            memory.reference = reading.start
