"""``dateline.extract``: the events of texts, without a database.

The same stages as an ingest (clean, parse, time, actors, events), run on
texts held in memory: what a notebook, an evaluation or a test calls.

>>> events = extract(
...     "Kenyan President William Ruto spoke by phone with Ethiopian Prime Minister "
...     "Abiy Ahmed on Monday. The two leaders discussed the drought.",
...     published="2024-06-25",
... )
>>> [(e.type, e.mode, e.date, [a.code for a in e.actors], len(e.mentions)) for e in events]
[('CONSULT', 'phone', '2024-06-24', ['KEN', 'ETH'], 2)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .clean import clean
from .errors import CleanError
from .link import assemble
from .models import Article, Event, RawDocument
from .nlp import parse_many
from .pipeline import analyse_article
from .settings import Settings, load_settings

__all__ = ["extract", "extract_many"]


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """The events of one text: :func:`~dateline.pipeline.analyse_article` on it, its
    mentions linked into events (several sentences about one act are one
    event; an act nobody is named in is an event of its own), in date order,
    undated last.

    ``published`` (ISO 8601) anchors relative dates ("on Monday"); without
    it, only dates the text spells out are known.
    """
    return next(extract_many([text], published=published, title=title, settings=settings))


def extract_many(
    texts: Iterable[str],
    *,
    published: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Iterator[list[Event]]:
    """The events of each text, one list per text, in order; each text is its own article
    (nothing learned in one is used in the next). An empty text has no events."""
    settings = settings or load_settings()
    articles = [
        _article(text, number, published, title, settings) for number, text in enumerate(texts)
    ]
    bodies = (article.body if article else "" for article in articles)
    for article, doc in zip(
        articles, parse_many(bodies, settings, size_hint=len(articles)), strict=True
    ):
        if article is None:
            yield []
            continue
        yield assemble(analyse_article(article, doc, settings=settings).events, keep_unplaced=True)


def _article(
    text: str, number: int, published: str | None, title: str | None, settings: Settings
) -> Article | None:
    raw = RawDocument(
        source="<text>",
        file=f"text-{number}",
        text=text,
        title_hint=title,
        published_hint=published,
        given=True,
    )
    try:
        return clean(raw, settings)
    except CleanError:
        return None
