"""Upgrading a database written by the previous release (schema 1) in place."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from dateline.errors import StoreError
from dateline.store import migrations, open_engine
from dateline.store.linking import lock_links, relink
from dateline.store.schema import SCHEMA_VERSION, event_mentions, events, proposed_people

# Written by the release before schema 2 from the bundled samples (14 articles).
SCHEMA_1 = Path(__file__).parent / "data" / "schema_v1.db"


def _count(path: Path, sql: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute(sql).fetchone()[0])


def _contents(path: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in tables
        }


@pytest.fixture
def old_db(tmp_path) -> Path:
    path = tmp_path / "news.db"
    shutil.copyfile(SCHEMA_1, path)
    return path


def test_a_schema_1_database_is_upgraded_in_place_with_a_copy_kept(old_db):
    mentions_before = _count(old_db, "SELECT count(*) FROM event_mentions")
    engine = open_engine(str(old_db), create=False)
    with engine.connect() as connection:
        stored = connection.execute(select(events.c.id, events.c.mention_count)).all()
        told = connection.execute(
            select(func.count())
            .select_from(event_mentions)
            .where(event_mentions.c.event_id.is_not(None))
        ).scalar_one()
        people = connection.execute(select(func.count()).select_from(proposed_people)).scalar_one()
    assert (
        _count(old_db, "SELECT value FROM store_info WHERE key = 'schema_version'")
        == SCHEMA_VERSION
    )
    assert _count(old_db, "SELECT count(*) FROM event_mentions") == mentions_before
    # Every mention that names an actor is in an event; the events are rows now.
    assert stored and sum(count for _, count in stored) == told
    assert people == _count(SCHEMA_1, "SELECT count(*) FROM learned_people")
    copy = old_db.with_name("news.db.schema-1.bak")
    assert _count(copy, "SELECT value FROM store_info WHERE key = 'schema_version'") == 1
    assert _count(copy, "SELECT count(*) FROM event_mentions") == mentions_before
    # The upgraded events are those linking gives: relink changes nothing.
    with engine.begin() as connection:
        lock_links(connection)
        relink(connection)
    with engine.connect() as connection:
        again = connection.execute(select(events.c.id, events.c.mention_count)).all()
    assert sorted(again) == sorted(stored)
    engine.dispose()
    # Opening it again does not upgrade (or copy) twice.
    copy.unlink()
    open_engine(str(old_db)).dispose()
    assert not copy.exists()


def test_a_failed_upgrade_leaves_the_database_as_it_was(old_db, monkeypatch):
    def broken(connection):
        # Half the work done, then the disk fails.
        connection.execute(text("ALTER TABLE event_mentions RENAME TO event_mentions_v1"))
        connection.execute(text("DROP TABLE learned_people"))
        raise OperationalError("relink", {}, Exception("disk I/O error"))

    monkeypatch.setitem(migrations._STEPS, 1, broken)
    before = _contents(old_db)
    with pytest.raises(StoreError, match="cannot upgrade the database from schema 1"):
        open_engine(str(old_db))
    assert _contents(old_db) == before
    assert _count(old_db, "SELECT value FROM store_info WHERE key = 'schema_version'") == 1


def _as_schema_2(path: Path) -> None:
    """Take a current database back to schema 2: no geocoded place columns, places by name."""
    with closing(sqlite3.connect(path)) as connection:
        for table in ("event_mentions", "events"):
            for column in ("admin1", "lat", "lon", "source", "geonameid"):
                connection.execute(f"ALTER TABLE {table} DROP COLUMN place_{column}")
            connection.execute(f"UPDATE {table} SET place_name = NULL, place_country = NULL")
        first = connection.execute("SELECT id, event_id FROM event_mentions LIMIT 2").fetchall()
        named = [("Kharkiv", None), ("Tripoli", "LBN")]
        for (mention, event), (name, country) in zip(first, named, strict=True):
            for table, key in (("event_mentions", mention), ("events", event)):
                connection.execute(
                    f"UPDATE {table} SET place_name = ?, place_country = ? WHERE id = ?",
                    (name, country, key),
                )
        connection.execute("UPDATE store_info SET value = '2' WHERE key = 'schema_version'")
        connection.commit()


def test_a_schema_2_database_gets_its_places_geocoded(old_db):
    open_engine(str(old_db)).dispose()  # to the current schema
    _as_schema_2(old_db)
    engine = open_engine(str(old_db), create=False)
    with engine.connect() as connection:
        found = {
            row.place_name: row
            for row in connection.execute(
                select(event_mentions).where(event_mentions.c.place_name.is_not(None))
            )
        }
        linked = connection.execute(
            select(events.c.place_name, events.c.place_lat).where(events.c.place_name.is_not(None))
        ).all()
    engine.dispose()
    kharkiv, tripoli = found["Kharkiv"], found["Tripoli"]
    assert (kharkiv.place_country, kharkiv.place_source) == ("UKR", "sentence")
    assert round(kharkiv.place_lat, 1) == 50.0 and round(kharkiv.place_lon, 1) == 36.3
    # The stored country decides between the two Tripolis.
    assert (tripoli.place_country, round(tripoli.place_lon)) == ("LBN", 36)
    assert len(linked) == 2 and all(lat is not None for _, lat in linked)
    assert old_db.with_name("news.db.schema-2.bak").exists()
