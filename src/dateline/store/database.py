"""Opening a database: URL handling, engine options, table creation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..errors import StoreError
from .schema import SCHEMA_VERSION, metadata, store_info

__all__ = ["database_url", "open_engine"]


def database_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a bare SQLite file path.

    ``postgresql://`` URLs get the psycopg 3 driver, which is the one installed.
    """
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def open_engine(value: str) -> Engine:
    """Connect to the database at ``value``, creating the tables if needed."""
    url_text = database_url(value)
    try:
        url = make_url(url_text)
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError, ValueError) as error:
        raise StoreError(f"cannot use database URL {value!r}: {error}") from None
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine, url.database)
    try:
        metadata.create_all(engine)
        _check_version(engine)
    except OperationalError as error:
        raise StoreError(f"cannot open database {_safe(url_text)}: {error.orig}") from None
    except SQLAlchemyError as error:
        raise StoreError(f"cannot prepare database {_safe(url_text)}: {error}") from None
    return engine


def _configure_sqlite(engine: Engine, database: str | None) -> None:
    if database and database != ":memory:":
        folder = Path(database).expanduser().parent
        if not folder.is_dir():
            raise StoreError(f"folder {str(folder)!r} of the SQLite database does not exist")

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        # WAL keeps readers working during an ingest and makes a killed
        # writer's half-finished transaction vanish on the next open.
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()


def _check_version(engine: Engine) -> None:
    with engine.begin() as connection:
        found = connection.execute(
            select(store_info.c.value).where(store_info.c.key == "schema_version")
        ).scalar()
        if found is None:
            connection.execute(
                store_info.insert().values(key="schema_version", value=str(SCHEMA_VERSION))
            )
        elif int(found) > SCHEMA_VERSION:
            raise StoreError(
                f"the database was written by a newer Dateline (schema {found}, "
                f"this one knows {SCHEMA_VERSION}); upgrade Dateline"
            )


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
