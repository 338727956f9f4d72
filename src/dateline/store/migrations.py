"""Upgrading a database written by an earlier release, in place, with a copy kept.

Each step takes a database from one schema version to the next. Before the
first step a copy is made: a SQLite file is copied beside itself
(``news.db`` -> ``news.db.schema-1.bak``), PostgreSQL tables are copied into
``schema1_<table>`` tables. A step that fails leaves the database as it was
(PostgreSQL rolls back; a SQLite file is restored from its copy).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..places import Place, country_place, resolve_place
from ..places.values import place_fields
from .linking import lock_links, rebuild_codes, relink
from .schema import (
    SCHEMA_VERSION,
    actor_word_columns,
    articles,
    event_actors,
    event_mentions,
    events,
    metadata,
    place_columns,
    proposed_people,
    store_info,
)

__all__ = ["stored_version", "upgrade"]

log = logging.getLogger(__name__)


def stored_version(engine: Engine) -> int | None:
    """The schema version a database says it has; None for a new, empty one."""
    if not inspect(engine).has_table(store_info.name):
        return None
    with engine.connect() as connection:
        found = connection.execute(
            select(store_info.c.value).where(store_info.c.key == "schema_version")
        ).scalar()
    return int(found) if found is not None else None


def upgrade(engine: Engine, found: int) -> Path | str:
    """Bring a database of schema ``found`` to :data:`SCHEMA_VERSION`; return where the copy
    of the old one is (a file, or the prefix of the copied PostgreSQL tables)."""
    copy = _keep_copy(engine, found)
    log.warning(
        "upgrading the database from schema %s to %s (the old one is kept: %s)",
        found,
        SCHEMA_VERSION,
        copy,
    )
    try:
        for version in range(found, SCHEMA_VERSION):
            with engine.begin() as connection:
                _STEPS[version](connection)
                connection.execute(
                    update(store_info)
                    .where(store_info.c.key == "schema_version")
                    .values(value=str(version + 1))
                )
    except (SQLAlchemyError, StoreError) as error:
        if isinstance(copy, Path):
            engine.dispose()
            _restore(copy, Path(str(engine.url.database)))
        raise StoreError(
            f"cannot upgrade the database from schema {found}: {error} (it is unchanged)"
        ) from None
    return copy


def _one_to_two(connection: Connection) -> None:
    """Schema 2: events are rows (``events``, ``event_actors``), linked anew from the
    mentions; a mention may belong to no event; people are proposed per article."""
    if connection.dialect.name == "sqlite":
        # SQLite cannot drop NOT NULL: build the table again and copy the rows over.
        connection.execute(text("DROP TABLE IF EXISTS event_mention_codes"))
        for index in ("article", "event", "date", "type", "region"):
            connection.execute(text(f"DROP INDEX IF EXISTS ix_event_mentions_{index}"))
        connection.execute(text("ALTER TABLE event_mentions RENAME TO event_mentions_v1"))
        metadata.create_all(connection)
        old = Table("event_mentions_v1", MetaData(), autoload_with=connection)
        names = [column.name for column in event_mentions.columns if column.name in old.c]
        connection.execute(
            event_mentions.insert().from_select(names, select(*(old.c[n] for n in names)))
        )
        connection.execute(text("DROP TABLE event_mentions_v1"))
    else:
        connection.execute(text("ALTER TABLE event_mentions ALTER COLUMN event_id DROP NOT NULL"))
        connection.execute(text("ALTER TABLE event_mentions ADD COLUMN region VARCHAR(32)"))
        connection.execute(text("CREATE INDEX ix_event_mentions_region ON event_mentions (region)"))
        metadata.create_all(connection)
    learned = Table("learned_people", MetaData(), autoload_with=connection)
    connection.execute(
        proposed_people.insert().from_select(
            ["article_id", "name", "record"],
            select(learned.c.source_doc, learned.c.name, learned.c.record).where(
                learned.c.source_doc.in_(select(articles.c.id))
            ),
        )
    )
    connection.execute(text("DROP TABLE learned_people"))
    lock_links(connection)
    rebuild_codes(connection)
    relink(connection)


def _two_to_three(connection: Connection) -> None:
    """Schema 3: events and their mentions carry a geocoded place (region, point, where
    it was read, GeoNames id); the places already stored are geocoded by name. An
    event's actors keep the words they were read from (none for those stored before)."""
    _add_missing(connection, event_actors, actor_word_columns())
    for table in (event_mentions, events):
        _add_missing(connection, table, place_columns())  # schema 1 got them in step 2
        named = connection.execute(
            select(table.c.place_name, table.c.place_country)
            .where(table.c.place_name.is_not(None), table.c.place_lat.is_(None))
            .distinct()
        ).all()
        for name, country in named:
            place = _geocoded(name, country)
            if place is None:
                continue
            cells = place_fields(place)
            del cells["place_name"]
            same_country = (
                table.c.place_country.is_(None)
                if country is None
                else table.c.place_country == country
            )
            connection.execute(
                update(table).where(table.c.place_name == name, same_country).values(**cells)
            )


def _add_missing(connection: Connection, table: Table, columns: list[Column]) -> None:
    present = {column["name"] for column in inspect(connection).get_columns(table.name)}
    for column in columns:
        if column.name not in present:
            kind = column.type.compile(connection.dialect)
            name = connection.dialect.identifier_preparer.quote(column.name)
            connection.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {name} {kind}"))


def _geocoded(name: str, country: str | None) -> Place | None:
    """A place stored by name (and country) before schema 3, geocoded as the events stage
    would: the gazetteer's place of that name in that country, else the country's point."""
    found = resolve_place((name,), "sentence", near=(country,) if country else ())
    if found is not None and (country is None or found.country == country):
        return replace(found, name=name)
    return country_place(country, name, "sentence") if country else None


_STEPS: dict[int, Callable[[Connection], None]] = {1: _one_to_two, 2: _two_to_three}


def _keep_copy(engine: Engine, found: int) -> Path | str:
    if engine.dialect.name == "sqlite":
        path = Path(str(engine.url.database))
        copy = path.with_name(f"{path.name}.schema-{found}.bak")
        engine.dispose()
        try:
            with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(copy)) as target:
                source.backup(target)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot copy {path} before upgrading it: {error}") from None
        return copy
    prefix = f"schema{found}_"
    with engine.begin() as connection:
        for name in inspect(connection).get_table_names():
            if not name.startswith("schema"):
                connection.execute(text(f'CREATE TABLE "{prefix}{name}" AS TABLE "{name}"'))
    return prefix + "*"


def _restore(copy: Path, path: Path) -> None:
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(copy, path)
