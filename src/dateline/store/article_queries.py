"""What the analysis stored about an article besides its event mentions, read back:

- :func:`select_article_actors` and :func:`select_article_times`: an
  article's actor mentions and time expressions, in text order (what its
  page marks);
- :func:`actor_mentions_within`: the actor mentions inside given stretches
  of given articles (the evidence sentences of an event: how its actors
  were recognised).

Time expressions are stored since a release after schema 2 (the table is
created when an older database is opened): articles analysed before have
none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, RowMapping, Select, and_, or_, select

from ..actors import ActorMention
from ..time.values import TimeValue
from .rows import actor_mention_from_row, time_from_row
from .schema import actor_mentions, time_expressions

__all__ = ["Span", "actor_mentions_within", "select_article_actors", "select_article_times"]

# (article id, start, end): a stretch of an article's body.
Span = tuple[str, int, int]

# Stretches asked in one query: three bound parameters each.
_BATCH = 200


def select_article_actors(connection: Connection, article_id: str) -> tuple[ActorMention, ...]:
    """The actor mentions (places included) of an article, in text order."""
    query = (
        select(actor_mentions)
        .where(actor_mentions.c.article_id == article_id)
        .order_by(actor_mentions.c.start, actor_mentions.c.end, actor_mentions.c.id)
    )
    return tuple(actor_mention_from_row(row) for row in _rows(connection, query))


def select_article_times(connection: Connection, article_id: str) -> tuple[TimeValue, ...]:
    """The time expressions of an article, in text order."""
    query = (
        select(time_expressions)
        .where(time_expressions.c.article_id == article_id)
        .order_by(time_expressions.c.start, time_expressions.c.end, time_expressions.c.id)
    )
    return tuple(time_from_row(row) for row in _rows(connection, query))


def actor_mentions_within(
    connection: Connection, spans: Iterable[Span]
) -> dict[Span, list[ActorMention]]:
    """The actor mentions (not places) lying wholly inside each span, in text order; a
    span with none maps to an empty list."""
    wanted = list(dict.fromkeys(spans))
    found: dict[Span, list[ActorMention]] = {span: [] for span in wanted}
    for first in range(0, len(wanted), _BATCH):
        batch = wanted[first : first + _BATCH]
        inside = or_(
            *(
                and_(
                    actor_mentions.c.article_id == article_id,
                    actor_mentions.c.start >= start,
                    actor_mentions.c.end <= end,
                )
                for article_id, start, end in batch
            )
        )
        query = (
            select(actor_mentions)
            .where(inside, actor_mentions.c.is_place.is_(False))
            .order_by(actor_mentions.c.article_id, actor_mentions.c.start, actor_mentions.c.id)
        )
        by_article: dict[str, list[Span]] = {}
        for span in batch:
            by_article.setdefault(span[0], []).append(span)
        for row in _rows(connection, query):
            mention = actor_mention_from_row(row)
            for span in by_article[row["article_id"]]:
                if span[1] <= mention.start and mention.end <= span[2]:
                    found[span].append(mention)
    return found


def _rows(connection: Connection, query: Select[Any]) -> list[RowMapping]:
    return list(connection.execute(query).mappings())
