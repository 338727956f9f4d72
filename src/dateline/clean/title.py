"""Headlines: which line near the top is the title, and which lines repeat it."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["is_body_like", "is_headline_like", "is_near_duplicate", "looks_like_code"]

_MIN_HEADLINE_WORDS = 2
_MAX_HEADLINE_WORDS = 30
_MAX_HEADLINE_CHARS = 220
_MIN_SENTENCE_WORDS = 8
_MIN_PARAGRAPH_WORDS = 30
_SIMILAR = 0.9
# A closing quote may stand apart, as in tokenized text ("our focus . ''").
_SENTENCE_END = re.compile(r"[.!?…](?:\s?[\"'”’»)])*$|[\"”»]$")
# Braces, markup, assignments and calls: what scripts, style sheets and JSON
# print and headlines never do.
_CODE = re.compile(r"[{}<>]|\w\s*=\s*\S|=>|\bfunction\s*\(|\w\.\w+\(|;\s*$")


def is_headline_like(line: str, *, max_words: int | None = None) -> bool:
    """Whether a line can be a headline: short, capitalised, not a finished sentence.

    A trailing bracketed tag ("[UPDATE]", "(VIDEO)") is allowed; a line ending
    in a full stop is a sentence, not a headline. ``max_words`` lowers the
    longest headline allowed.
    """
    text = line.strip()
    words = text.split()
    if not (_MIN_HEADLINE_WORDS <= len(words) <= (max_words or _MAX_HEADLINE_WORDS)):
        return False
    if len(text) > _MAX_HEADLINE_CHARS or text.endswith((".", ",", ":", ";")):
        return False
    if looks_like_code(text):
        return False
    first = text.lstrip("\"'“‘«")[:1]
    return first.isupper() or first.isdigit()


def looks_like_code(text: str) -> bool:
    """Whether text reads as code (a script, a style sheet, JSON) rather than words."""
    return bool(_CODE.search(text))


def is_body_like(line: str) -> bool:
    """Whether a line reads as article prose: a long line or a finished sentence of some length."""
    text = line.strip()
    words = len(text.split())
    return words >= _MIN_PARAGRAPH_WORDS or (
        words >= _MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(text))
    )


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def is_near_duplicate(line: str, title: str) -> bool:
    """Whether ``line`` repeats the headline, allowing small differences ("Lanka's"/"Lankas")."""
    a, b = _letters(line), _letters(title)
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 15 or 2 * min(len(a), len(b)) / (len(a) + len(b)) < _SIMILAR:
        return False  # the lengths alone rule it out, without the costly comparison
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR
