"""The language of an article, from the function words it uses.

Each language of ``stopwords.yaml`` scores the share of the text's words
that are its function words; the best wins if it clearly covers the text.
Crude, but reliable on whole news articles and free of dependencies.
"""

from __future__ import annotations

import re

from .reference import stopwords

__all__ = ["detect_language"]

_MIN_WORDS = 12
_MIN_SHARE = 0.12
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or None when unsure."""
    words = [word.casefold() for word in _WORD.findall(text[:20000])]
    if len(words) < _MIN_WORDS:
        return None
    scores = {
        code: sum(word in function_words for word in words) / len(words)
        for code, function_words in stopwords().items()
    }
    code, share = max(scores.items(), key=lambda item: item[1])
    return code if share >= _MIN_SHARE else None
