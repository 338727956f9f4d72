"""The ``time`` stage: find every date in an article and say which days it means.

>>> from datetime import date
>>> from dateline.time import tag_text
>>> [v.value for v in tag_text("Talks resumed on Tuesday.", date(2013, 3, 15), settings)]  # doctest: +SKIP
['2013-03-12']

Reads: a parsed spaCy ``Doc`` (tokens, tags, dependencies, DATE/TIME
entities) and an anchor date. Writes: :class:`TimeValue` records, also left
on ``doc._.time_values``.
"""

from __future__ import annotations

from datetime import date, datetime

from ..nlp import parse
from ..settings import Settings
from .clause import clause_date
from .tagger import tag_doc
from .values import ClauseDate, TimeValue

__all__ = ["ClauseDate", "TimeValue", "clause_date", "tag_doc", "tag_text"]


def tag_text(text: str, anchor: date | datetime, settings: Settings) -> list[TimeValue]:
    """Parse ``text`` and return its time expressions read against ``anchor``."""
    return tag_doc(parse(text, settings), anchor)
