"""The database tables, as SQLAlchemy Core.

Nothing outside :mod:`dateline.store` touches these tables. Parses are not
stored (they are cheap to recompute); what is stored is what a user reads or
what is expensive to get again.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text

__all__ = ["SCHEMA_VERSION", "articles", "metadata", "store_info"]

SCHEMA_VERSION = 1

metadata = MetaData()

store_info = Table(
    "store_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True, comment="hash of the cleaned body"),
    Column("file", Text, nullable=False, comment="input file base name or record id"),
    Column("source", Text, nullable=False, comment="path or URL it was read from"),
    Column("title", Text),
    Column("published", String(32), comment="ISO 8601 cut to its precision"),
    Column("published_precision", String(16)),
    Column("published_source", String(64)),
    Column("outlet", Text),
    Column("authors", Text, nullable=False, default="[]", comment="JSON list"),
    Column("url", Text),
    Column("dateline_place", Text),
    Column("language", String(8)),
    Column("body", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("seq", Integer, nullable=False, comment="order of ingestion"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_seq", "seq"),
)
