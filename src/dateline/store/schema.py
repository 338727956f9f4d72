"""The database tables, as SQLAlchemy Core.

Nothing outside :mod:`dateline.store` touches these tables. Parses are not
stored (they are cheap to recompute); what is stored is what a user reads or
what is expensive to get again.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

__all__ = [
    "SCHEMA_VERSION",
    "actor_mentions",
    "analyses",
    "analysis_failures",
    "articles",
    "event_actors",
    "event_mention_codes",
    "event_mentions",
    "events",
    "metadata",
    "place_columns",
    "proposed_people",
    "sentences",
    "store_info",
    "time_expressions",
]

SCHEMA_VERSION = 3


def place_columns() -> list[Column]:
    """The geocoded place's columns beside ``place_name`` and ``place_country`` (schema 3)."""
    return [
        Column("place_admin1", Text, comment="first-order region: name, or GeoNames code"),
        Column("place_lat", Float),
        Column("place_lon", Float),
        Column("place_source", String(16), comment="sentence or dateline"),
        Column("place_geonameid", Integer, comment="GeoNames id; null: not in the gazetteer"),
    ]


def actor_word_columns() -> list[Column]:
    """The words an actor was read from and their offsets in its article (schema 3)."""
    return [
        Column("text", Text, comment="the words the actor was read from"),
        Column("start", Integer, comment="character offsets of the words in the article"),
        Column("end", Integer),
    ]


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

analyses = Table(
    "analyses",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    comment="articles whose parse-based results (actors, ...) are stored",
)

analysis_failures = Table(
    "analysis_failures",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("reason", Text, nullable=False, comment="one line: what went wrong"),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    comment="articles whose analysis failed; not tried again until asked (--retry-failed)",
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False, comment="character offset in the body"),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("code", String(16), nullable=False),
    Column("sector", String(8)),
    Column("name", Text),
    Column("office", Text),
    Column("contexts", Text, nullable=False, default="[]", comment="JSON list"),
    Column("how", String(16), nullable=False),
    Column("is_place", Boolean, nullable=False, default=False),
    Index("ix_actor_mentions_article", "article_id"),
    Index("ix_actor_mentions_code", "code"),
)

proposed_people = Table(
    "proposed_people",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("record", Text, nullable=False, comment="JSON: actor, evidence, how"),
    Index("ix_proposed_people_name", "name"),
    comment="people each article taught (titles, appositions); merged when read, in no order",
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String(32), primary_key=True, comment="hash of article id and offsets"),
    Column(
        "event_id",
        String(32),
        comment="the event it tells of (link stage); null: names no actor and corroborates none",
    ),
    Column(
        "region",
        String(32),
        comment="mentions joined by pairs that may be one event; linked again together",
    ),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("contexts", Text, nullable=False, default="[]", comment="JSON list"),
    Column("actors", Text, nullable=False, default="[]", comment="JSON list of actors"),
    Column("recipients", Text, nullable=False, default="[]", comment="JSON list of actors"),
    Column("date", String(32)),
    Column("date_end", String(32)),
    Column("date_precision", String(16)),
    Column("date_source", String(16)),
    Column("status", String(16), nullable=False),
    Column("speaker", Text),
    Column("place_name", Text),
    Column("place_country", String(16)),
    *place_columns(),
    Column("magnitude", Text, nullable=False, default="{}", comment="JSON object"),
    Column("confidence", Float, nullable=False),
    Column("cameo", String(4)),
    Column("goldstein", Float),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False, comment="character offsets in the body"),
    Column("end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Index("ix_event_mentions_article", "article_id"),
    Index("ix_event_mentions_event", "event_id"),
    Index("ix_event_mentions_region", "region"),
    Index("ix_event_mentions_date", "date"),
    Index("ix_event_mentions_type", "type"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("number", Integer, primary_key=True, comment="position in the article, from 0"),
    Column("start", Integer, nullable=False, comment="character offsets in the body"),
    Column("end", Integer, nullable=False),
    Column("dates", Text, nullable=False, default="[]", comment="JSON [[first, last, precision]]"),
    comment="sentences with the days their date expressions name (for timeline summaries)",
)

time_expressions = Table(
    "time_expressions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False, comment="character offsets in the body"),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False, comment="TIMEX3 type: DATE, TIME, DURATION, SET"),
    Column("value", Text, nullable=False, comment="TIMEX3 value: 2020-11-09, P6W, PRESENT_REF"),
    Column("precision", String(16)),
    Column("anchoring", String(16), nullable=False, comment="absolute, publication, passage, none"),
    Column("mod", String(16)),
    Column("first_day", String(10), comment="the first day it covers, ISO; null: none"),
    Column("last_day", String(10)),
    Index("ix_time_expressions_article", "article_id"),
    # Added in a later release without a schema version of its own: opening an older
    # database creates it, and the articles analysed before have none.
    comment="each article's time expressions and what they mean (the time stage's values)",
)

event_mention_codes = Table(
    "event_mention_codes",
    metadata,
    Column("mention_id", String(32), ForeignKey("event_mentions.id"), primary_key=True),
    Column("code", String(16), primary_key=True),
    Column("date", String(32), comment="the mention's first day, copied for the index"),
    Column("last", String(32), comment="its last day"),
    Column("long", Boolean, nullable=False, comment="spans more than a week"),
    Index("ix_event_mention_codes_lookup", "code", "long", "date"),
    comment="actor codes and days of each mention, so linking finds candidates by index",
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True, comment="the smallest id of its mentions"),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("quad_class", String(24)),
    Column("status", String(16), nullable=False),
    Column("date", String(32), comment="first day, ISO"),
    Column("date_end", String(32)),
    Column("date_precision", String(16)),
    Column("date_source", String(16)),
    Column("first_day", Date, comment="date as a day, for range filters"),
    Column("last_day", Date, comment="date_end (or date) as a day"),
    Column("sort_day", Date, nullable=False, comment="first_day; undated events sort last"),
    Column("contexts", Text, nullable=False, default="[]", comment="JSON list"),
    Column("speaker", Text),
    Column("place_name", Text),
    Column("place_country", String(16)),
    *place_columns(),
    Column("magnitude", Text, nullable=False, default="{}", comment="JSON object"),
    Column("confidence", Float, nullable=False),
    Column("cameo", String(4)),
    Column("goldstein", Float),
    Column("sources", Integer, nullable=False, comment="distinct outlets (or articles)"),
    Column("mention_count", Integer, nullable=False),
    Column("has_recipients", Boolean, nullable=False),
    Column("disagreements", Text, nullable=False, default="[]", comment="JSON list"),
    # The status rides along so that counting a date range reads the index alone.
    Index("ix_events_sort", "sort_day", "id", "status"),
    Index("ix_events_type_sort", "type", "sort_day", "id", "status"),
    Index("ix_events_last_day", "last_day"),
    # The events that span days, by their last day: those that began before a
    # range and still run in it are found without reading the years before.
    Index(
        "ix_events_spans",
        "last_day",
        "sort_day",
        "id",
        "date_end",  # which the condition reads: the index then holds all the query needs
        sqlite_where=text("date_end IS NOT NULL"),
        postgresql_where=text("date_end IS NOT NULL"),
    ),
    comment="each real event, merged from its mentions (link stage)",
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("role", String(12), primary_key=True, comment="actor or recipient"),
    Column("position", Integer, primary_key=True, comment="most often named first"),
    Column("code", String(16), nullable=False),
    Column("sector", String(8)),
    Column("name", Text),
    Column("office", Text),
    Column("contexts", Text, nullable=False, default="[]", comment="JSON list"),
    *actor_word_columns(),
    Index("ix_event_actors_code", "code", "role", "event_id"),
    Index("ix_event_actors_sector", "sector", "event_id"),
    comment="the actors and recipients of each event, for the filters",
)
