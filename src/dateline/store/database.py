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

A SQLite file that cannot be written (a read-only filesystem, a file or folder
without write permission) is opened read-only, so that reading commands work
on an archived database; a command that would write to it is refused with the
reason (:func:`read_only_reason`, :func:`refuse_read_only`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError

from ..errors import StoreError
from .linking import LINK_LOCK
from .migrations import stored_version, upgrade
from .schema import SCHEMA_VERSION, metadata, store_info

try:
    import fcntl
except ImportError:  # not on Windows: preparing there relies on retrying alone
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "CONNECT_TIMEOUT_S",
    "database_url",
    "open_engine",
    "read_only_reason",
    "refuse_read_only",
]

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
    database. A SQLite file of another program is refused either way. A SQLite
    file that cannot be written is opened read-only, unless ``create`` (a
    command that adds to the database) asks to write to it: then it is refused.
    """
    url_text = database_url(value)
    try:
        url = make_url(url_text)
        reason = (
            _sqlite_read_only_reason(url.database) if url.get_backend_name() == "sqlite" else None
        )
        if reason is not None:
            if create:
                raise StoreError(f"cannot write to database {value}: {reason}")
            return _read_only_engine(Path(str(url.database)).expanduser(), value, reason)
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


def read_only_reason(engine: Engine) -> str | None:
    """Why the database cannot be written (``None`` when it can)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or engine.url.query.get("mode") != "ro" or not database:
        return None
    return _sqlite_read_only_reason(url2pathname(urlsplit(database).path))


def refuse_read_only(engine: Engine, doing: str) -> None:
    """Raise a :class:`~dateline.errors.StoreError` saying why ``doing`` cannot write, if it cannot."""
    reason = read_only_reason(engine)
    if reason is not None:
        raise StoreError(f"cannot {doing}: {reason}")


def _sqlite_read_only_reason(database: Any) -> str | None:
    """Why a SQLite file cannot be written, or ``None`` (it can, or it does not exist yet)."""
    if not database or database == ":memory:" or str(database).startswith("file:"):
        return None
    path = Path(str(database)).expanduser()
    if not path.is_file():
        return None
    folder = path.parent
    if not os.access(folder, os.W_OK):
        try:
            readonly = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            readonly = False
        if readonly:
            return f"{path} is on a read-only filesystem"
        return f"its folder {folder} is not writable"
    if not os.access(path, os.W_OK):
        return f"{path} is not writable"
    return None


def _read_only_engine(path: Path, value: str, reason: str) -> Engine:
    """An engine that reads a SQLite file without writing a byte to it (nor a -wal or -shm).

    Where the folder cannot take SQLite's shared-memory file and no write-ahead
    log is pending, the file is opened as immutable (nobody can change it meanwhile).
    """
    wal = path.with_name(path.name + "-wal")
    folder_writable = os.access(path.parent, os.W_OK)
    immutable = not folder_writable and not (wal.exists() and wal.stat().st_size > 0)
    query = "?mode=ro" + ("&immutable=1" if immutable else "") + "&uri=true"
    engine = create_engine(
        f"sqlite:///{path.resolve().as_uri()}{query}", future=True, connect_args={"timeout": 30}
    )
    try:
        found = stored_version(engine)
    except SQLAlchemyError as error:
        raise StoreError(f"cannot open database {value}: {error}") from None
    if found is None:
        raise StoreError(
            f"{value} is not a Dateline database (it has no store_info table), "
            f"and it cannot be written: {reason}"
        )
    if found != SCHEMA_VERSION:
        raise StoreError(
            f"{value} is of schema {found} and this Dateline reads schema {SCHEMA_VERSION}; "
            "it cannot be upgraded where it is (it cannot be written): copy it somewhere "
            "writable and open the copy"
        )
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
    """Hold a lock while preparing, so that two processes opening a new (or old)
    database at once neither both create its tables nor both upgrade it: an advisory
    lock on PostgreSQL, an exclusive ``flock`` of the file on SQLite (which SQLite's
    own locks, of another kind, never meet)."""
    if engine.dialect.name == "sqlite":
        with _sqlite_file_locked(engine.url.database):
            yield
        return
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


@contextmanager
def _sqlite_file_locked(database: str | None) -> Iterator[None]:
    """An exclusive ``flock`` of a SQLite file (created empty if new) while the block runs;
    nothing where the database is in memory or the system has no ``flock``."""
    if fcntl is None or not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    descriptor = os.open(Path(database).expanduser(), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


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
