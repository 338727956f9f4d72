"""Opening a database: URL handling, engine options, table creation.

Before anything is written to a SQLite file, it is read (read-only) to make
sure it is Dateline's: an empty file, a new one, or one with a ``store_info``
table (the mark of a Dateline database, created before any other table).
Another program's database is refused, even one whose tables bear Dateline's
names (an ``articles`` table), so that Dateline never adds its tables to it or
changes its journal mode; on PostgreSQL, a database with Dateline's tables but
no ``store_info`` is refused the same way. Reading
(``create=False``) never creates a database: a mistyped path is an error.
A database of an earlier schema is upgraded in place, with a copy kept
(:mod:`.migrations`). A PostgreSQL server gets :data:`CONNECT_TIMEOUT_S`
seconds to answer (unless the URL sets ``connect_timeout``), so a port that
accepts and never answers is an error, not a hang.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError

from ..errors import StoreError
from .linking import LINK_LOCK
from .migrations import stored_version, upgrade
from .schema import SCHEMA_VERSION, metadata, store_info

__all__ = ["CONNECT_TIMEOUT_S", "database_url", "open_engine"]

CONNECT_TIMEOUT_S = 10


def database_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a bare SQLite file path.

    ``postgresql://`` URLs get the psycopg 3 driver, which is the one installed.
    """
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def open_engine(value: str, *, create: bool = True) -> Engine:
    """Connect to the database at ``value``, creating the tables if needed.

    With ``create=False`` a SQLite file that does not exist is a
    :class:`~dateline.errors.StoreError` ("no such database"), not a new
    database. A SQLite file of another program is refused either way.
    """
    url_text = database_url(value)
    try:
        url = make_url(url_text)
        connect_args: dict[str, Any] = {}
        if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        engine = create_engine(url, future=True, connect_args=connect_args)
    except (ArgumentError, ImportError, ValueError) as error:
        raise StoreError(f"cannot use database URL {value!r}: {error}") from None
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url.database, value, create=create)
        _configure_sqlite(engine, url.database)
    try:
        with _preparing(engine):
            _prepare(engine)
    except OperationalError as error:
        raise StoreError(f"cannot open database {_safe(url_text)}: {error.orig}") from None
    except SQLAlchemyError as error:
        raise StoreError(f"cannot prepare database {_safe(url_text)}: {error}") from None
    return engine


def _prepare(engine: Engine) -> None:
    """Upgrade an older database, create what is missing, and mark it as Dateline's."""
    found = stored_version(engine)
    if found is not None and found > SCHEMA_VERSION:
        raise StoreError(
            f"the database was written by a newer Dateline (schema {found}, "
            f"this one knows {SCHEMA_VERSION}); upgrade Dateline"
        )
    if found is not None and found < SCHEMA_VERSION:
        upgrade(engine, found)
    if found is None:
        _refuse_foreign_tables(engine)
    try:
        # The mark first: a process opening the database meanwhile sees it is Dateline's.
        store_info.create(engine, checkfirst=True)
        metadata.create_all(engine)
    except OperationalError as error:
        if "already exists" not in str(error.orig):
            raise
        metadata.create_all(engine)  # another process created some tables meanwhile
    _mark(engine)


def _refuse_foreign_tables(engine: Engine) -> None:
    """Refuse a database unmarked by Dateline that holds tables of Dateline's names."""
    tables = set(inspect(engine).get_table_names())
    if store_info.name in tables:
        return
    clashing = sorted(tables & set(metadata.tables))
    if clashing:
        raise StoreError(
            f"{_safe(engine.url.render_as_string())} is not a Dateline database "
            f"(it has no store_info table, but holds {', '.join(clashing[:5])}); "
            "give --db a new database or a Dateline one"
        )


# Any number: the PostgreSQL advisory lock that Dateline processes preparing one
# database take in turn.
_PREPARE_LOCK = 0x64617465


@contextmanager
def _preparing(engine: Engine) -> Iterator[None]:
    """On PostgreSQL, hold a lock while preparing, so that two processes opening a new
    (or old) database at once neither both create its tables nor both upgrade it."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PREPARE_LOCK})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PREPARE_LOCK})
            connection.commit()


def _check_sqlite_file(database: str | None, value: str, *, create: bool) -> None:
    """Refuse a missing file when only reading, and a file that is not Dateline's."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database).expanduser()
    if not path.exists():
        if not create:
            raise StoreError(f"no such database: {value}")
        return
    if path.is_dir():
        raise StoreError(f"{value} is a folder, not a database file")
    if path.stat().st_size == 0:
        return  # an empty file is an empty database
    tables = _sqlite_tables(path, value)
    if store_info.name in tables:
        return
    found = sorted(t for t in tables if not t.startswith("sqlite_"))
    if found:
        # Another program's own tables first: they say best whose the file is.
        found.sort(key=lambda name: name in metadata.tables)
        shown = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
        raise StoreError(
            f"{value} is not a Dateline database (it holds other tables: {shown}, "
            "and no store_info); give --db a new file or a Dateline database"
        )


def _sqlite_tables(path: Path, value: str) -> set[str]:
    """The table names of a SQLite file, read without writing a byte to it."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=30)) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return {str(name) for (name,) in rows.fetchall()}
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open database {value}: {error}") from None


def _configure_sqlite(engine: Engine, database: str | None) -> None:
    if database and database != ":memory:":
        folder = Path(database).expanduser().parent
        if not folder.is_dir():
            raise StoreError(f"folder {str(folder)!r} of the SQLite database does not exist")

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        # WAL keeps readers working during an ingest and makes a killed
        # writer's half-finished transaction vanish on the next open.
        # The wait first: switching to WAL takes a lock another process may hold.
        cursor = connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _mark(engine: Engine) -> None:
    """Write the rows every Dateline database has: its schema version, the link lock."""
    for key, value in (("schema_version", str(SCHEMA_VERSION)), (LINK_LOCK, "free")):
        try:
            with engine.begin() as connection:
                known = connection.execute(
                    select(store_info.c.key).where(store_info.c.key == key)
                ).first()
                if known is None:
                    connection.execute(store_info.insert().values(key=key, value=value))
        except IntegrityError:
            pass  # another process opening the new database wrote it first


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
