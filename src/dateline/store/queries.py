"""Every query Dateline runs. Nothing else writes SQL."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ..models import Article
from .schema import articles

__all__ = ["add_articles", "count_articles", "select_articles"]


def add_articles(connection: Connection, batch: Sequence[Article]) -> list[str]:
    """Insert the articles not stored yet; return the ids that were added.

    The same article twice in one batch is added once.
    """
    wanted = {article.id: article for article in batch}
    if not wanted:
        return []
    known = set(
        connection.execute(select(articles.c.id).where(articles.c.id.in_(wanted))).scalars()
    )
    new = [article for key, article in wanted.items() if key not in known]
    if not new:
        return []
    seq = connection.execute(select(func.coalesce(func.max(articles.c.seq), 0))).scalar_one()
    now = datetime.now(UTC)
    connection.execute(
        articles.insert(),
        [_row(article, now, seq + offset) for offset, article in enumerate(new, start=1)],
    )
    return [article.id for article in new]


def count_articles(connection: Connection) -> int:
    """How many articles are stored."""
    return connection.execute(select(func.count()).select_from(articles)).scalar_one()


def select_articles(
    connection: Connection,
    *,
    ids: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> Iterator[Article]:
    """Stored articles in the order they were ingested, optionally filtered.

    ``since`` and ``until`` compare ISO dates, so "2020-11" selects all of
    November 2020 when given as both bounds.
    """
    query = select(articles).order_by(articles.c.seq)
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until + "\uffff")
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    if limit is not None:
        query = query.limit(limit)
    for row in connection.execute(query).mappings():
        yield _article(row)


def _row(article: Article, now: datetime, seq: int) -> dict[str, Any]:
    data = article.to_dict()
    data["authors"] = json.dumps(data["authors"], ensure_ascii=False)
    data["ingested_at"] = now
    data["seq"] = seq
    return data


def _article(row: Any) -> Article:
    return Article(
        id=row["id"],
        file=row["file"],
        source=row["source"],
        body=row["body"],
        title=row["title"],
        published=row["published"],
        published_precision=row["published_precision"],
        published_source=row["published_source"],
        outlet=row["outlet"],
        authors=tuple(json.loads(row["authors"] or "[]")),
        url=row["url"],
        dateline_place=row["dateline_place"],
        language=row["language"],
    )
