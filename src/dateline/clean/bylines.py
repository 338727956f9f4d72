"""Bylines: who wrote an article, and which desk or agency filed it.

"By Jane Doe and John Roe", "Written by Jane Doe", "Author: Jane Doe" name
people. "By Reuters" or "By Dawnnews" (one word) name an organisation, and
"Staff", "Agencies", "Newsroom" name a desk: neither is an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .outlets import outlet_from_name
from .reference import furniture

__all__ = ["Byline", "read_byline"]


@dataclass(frozen=True)
class Byline:
    """What a byline says: people, an organisation, or only a desk."""

    authors: tuple[str, ...] = ()
    organisation: str | None = None


_PREFIX = re.compile(
    r"^(?:by|written by|reported by|reporting by|report by|story by|words by|text by|"
    r"authors?|writer|reporter|von|par|por|автор|yazar|haber)\s*[:\-–]?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\bve\b|\|)\s*")
_PLACE_SUFFIX = re.compile(r"\s+(?:in|from|reporting from)\s+[A-Z][\w.\- ]+$")
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00C0-\u024F\u0400-\u042F][\w'’.\-]*|al-\w+|el-\w+|"
    r"de|da|di|du|del|der|den|dos|das|van|von|le|la|al|bin|ibn|ben)$"
)
# Credits of editors and photographers follow a Reuters-style byline: not authors.
_CREDITS = re.compile(r"[;,.]?\s*\b(?:editing|edited|graphics|photos?|video)\s+by\b.*$", re.I)
_MAX_WORDS = 14


def read_byline(text: str) -> Byline | None:
    """Read a byline ("By Jane Doe, Reuters"), or None when ``text`` is not one.

    A byline is short and every part of it is a name: "By the end of the
    year, ..." is a sentence, not a byline.
    """
    text = " ".join(text.split()).strip(" .")
    match = _PREFIX.match(text)
    if not match or len(text.split()) > _MAX_WORDS:
        return None
    rest = _PLACE_SUFFIX.sub("", _CREDITS.sub("", match.group("rest"))).strip(" .:;")
    desks = furniture().desks
    authors: list[str] = []
    organisation: str | None = None
    for part in filter(None, _SEPARATORS.split(rest)):
        part = part.strip(" .")
        if part.casefold() in desks or part.casefold().removeprefix("the ") in desks:
            continue
        known = outlet_from_name(part) or outlet_from_name(part.removeprefix("The "))
        if known:
            organisation = organisation or known
            continue
        words = part.split()
        if not words or not all(_NAME_WORD.match(word) for word in words):
            return None
        if not words[0][0].isupper():
            return None
        if len(words) == 1:
            organisation = organisation or part
        elif len(words) <= 5:
            authors.append(part)
        else:
            return None
    if not authors and organisation is None and not rest:
        return None
    return Byline(tuple(authors), organisation)
