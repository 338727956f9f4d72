"""Dated sentences from a parsed article: what the timeline summary reads.

The analysis stage calls :func:`dated_sentences_of` once per article, right
after the time stage has tagged the ``Doc``; it is one pass over the doc's
sentences and its time values, so it costs next to nothing beside the parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ...models import DatedSentence
from ...time import TimeValue, tag_doc
from .chronology import with_entry_days

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["dated_sentences_of"]

# Durations and sets ("for three weeks", "every Friday") name no particular day.
_DAY_NAMING_TYPES = frozenset({"DATE", "TIME"})


def dated_sentences_of(
    doc: Doc,
    article_id: str,
    published: date | None,
    values: Sequence[TimeValue] | None = None,
) -> list[DatedSentence]:
    """Every sentence of ``doc`` with the days its date expressions name.

    In a chronology, an entry's sentences also name the entry's day, and an
    entry's date printed as a line of its own heads its first sentence
    (:func:`~.chronology.with_entry_days`).

    ``values`` are the time stage's values for ``doc``; when not given they
    are taken from ``doc._.time_values`` or, failing that, computed against
    ``published`` (no dates at all when there is no publication day to read
    relative expressions against).
    """
    if values is None:
        values = _time_values(doc, published)
    dated = sorted(
        (
            (value.start_char, days, value.precision or "day")
            for value in values
            if value.type in _DAY_NAMING_TYPES and (days := value.span_days) is not None
        ),
        key=lambda item: item[0],
    )
    sentences: list[DatedSentence] = []
    cursor = 0
    for number, sent in enumerate(_non_blank(doc.sents)):
        # Values before this sentence belong to blank stretches that were skipped.
        while cursor < len(dated) and dated[cursor][0] < sent.start_char:
            cursor += 1
        dates: list[tuple[date, date, str]] = []
        while cursor < len(dated) and dated[cursor][0] < sent.end_char:
            _, (first, last), precision = dated[cursor]
            dates.append((first, last, precision))
            cursor += 1
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        sentences.append(
            DatedSentence(
                article_id=article_id,
                published=published,
                number=number,
                text=text,
                start=start,
                end=start + len(text),
                dates=tuple(dates),
            )
        )
    return with_entry_days(sentences)


def _time_values(doc: Doc, published: date | None) -> Sequence[TimeValue]:
    if doc.has_extension("time_values") and doc._.time_values is not None:
        return doc._.time_values
    if published is None:
        return ()
    return tag_doc(doc, published)


def _non_blank(sents: Iterable[Span]) -> Iterable[Span]:
    # spaCy makes sentences of bare line breaks; they are no one's evidence.
    return (sent for sent in sents if sent.text.strip())
