"""The place an article was filed from, as a place for its events.

Cleaning reads the dateline that opens a story (``Article.dateline_place``).
Copies of wire stories often keep a header before it, or come tokenised
("BENGHAZI , Libya -LRB- Reuters -RRB- -"): then the lead is searched for
an agency dateline, read by the same rule as cleaning's
(:func:`dateline.clean.datelines.find_dateline`), which is trusted there only
with its agency in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .resolve import resolve_place
from .values import Place

if TYPE_CHECKING:
    from ..models import Article

__all__ = ["dateline_place", "dateline_place_names"]

# How far into the body an agency dateline is looked for.
LEAD_CHARS = 400
_PTB = (
    (re.compile(r"\s*-LRB-\s*"), " ("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"\s+,"), ","),
    (re.compile(r"``\s*|''"), "\u201c"),
    (re.compile(r"\\/"), "/"),
)
_CAPITAL_WORD = re.compile(r"(?<!\w)[A-Z][A-Z'’.\-]+\b")
# "EDT", "GMT", "PM": what a story's header prints before a dateline.
_TIME_ZONE = re.compile(r"^(?:[A-Z][a-z]{1,2}t|[AaPp]m)$")
_PARTS = re.compile(r"\s*/\s*")


def dateline_place_names(article: Article) -> tuple[str, ...]:
    """The names the article's dateline may give its place, to try in order
    ("Nawfaliyah/Misrata" gives two)."""
    written = (article.dateline_place,) if article.dateline_place else _lead_datelines(article.body)
    return tuple(part for place in written for part in _PARTS.split(place) if part)


def dateline_place(
    article: Article, *, article_countries: Mapping[str, float] | None = None
) -> Place | None:
    """The article's dateline as a geocoded place (``source`` "dateline"), if it has one."""
    return resolve_place(dateline_place_names(article), "dateline", article=article_countries)


def _lead_datelines(body: str) -> tuple[str, ...]:
    """The places of the first agency dateline in the lead, read from its first capitalised
    word and again past a time zone: "EDT BENGHAZI, Libya (Reuters) -" gives "Edt
    Benghazi", then "Benghazi"."""
    # Imported here: cleaning builds articles, and models.py imports this package.
    from ..clean.datelines import find_dateline

    lead = body[:LEAD_CHARS]
    for pattern, replacement in _PTB:
        lead = pattern.sub(replacement, lead)
    places: list[str] = []
    end = None
    for word in _CAPITAL_WORD.finditer(lead):
        found = find_dateline(lead[word.start() :])
        if found is None or not found.agency:
            if places:
                break
            continue
        if end is not None and word.start() + found.end != end:
            break
        end = word.start() + found.end
        if not places or _TIME_ZONE.match(places[-1].split()[0]):
            places.append(found.place)
    return tuple(places)
