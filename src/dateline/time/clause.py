"""The date a clause talks about, for the events stage.

Asked about a token or span, answer with the nearest dated expression that
hangs off the same verb; failing that, the last date the passage named
before it; failing that, the publication date. The answer says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from .anchoring import governing_verb
from .values import ClauseDate, TimeValue

__all__ = ["clause_date"]


def clause_date(target: Span | Token, values: Sequence[TimeValue], published: date) -> ClauseDate:
    """The date ``target``'s clause talks about, and where that date came from."""
    token = target.root if isinstance(target, Span) else target
    doc = token.doc
    verb = governing_verb(token)
    sentence = token.sent
    best: tuple[int, TimeValue] | None = None
    for value in values:
        if value.span_days is None or value.type == "SET":
            continue
        if not sentence.start_char <= value.start_char < sentence.end_char:
            continue
        span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
        if span is None or verb is None:
            continue
        governor = governing_verb(span.root)
        if governor is not None and governor.i == verb.i:
            distance = abs(span.start - token.i)
            if best is None or distance < best[0]:
                best = (distance, value)
    if best is not None:
        return _from_value(best[1], "expression")
    paragraph_start = doc.text.rfind("\n", 0, token.idx) + 1
    earlier = [
        v
        for v in values
        if v.span_days is not None
        and paragraph_start <= v.start_char < token.idx
        and v.type != "SET"
    ]
    if earlier:
        return _from_value(earlier[-1], "passage")
    return ClauseDate(published, published, "day", "published")


def _from_value(value: TimeValue, source: str) -> ClauseDate:
    days = value.span_days
    assert days is not None
    return ClauseDate(days[0], days[1], value.precision or "day", source, value)  # type: ignore[arg-type]
