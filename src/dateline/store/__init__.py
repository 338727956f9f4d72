"""The ``store`` stage: one database layer, SQLite by default, PostgreSQL by URL.

:mod:`.schema` holds the tables, :mod:`.queries` every query, and
:mod:`.database` opens a database from a URL.
"""

from .database import database_url, open_engine, read_only_reason, refuse_read_only

__all__ = ["database_url", "open_engine", "read_only_reason", "refuse_read_only"]
