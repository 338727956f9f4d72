"""Every error Dateline raises on purpose.

The tree::

    DatelineError
    ├── ConfigError        a setting has a bad value or the settings file is unreadable
    ├── SourceError        an input cannot be read: missing, binary, empty, too large,
    │                      malformed record, HTTP failure (carries ``source``)
    ├── CleanError         an input was read but holds no article text (carries ``source``)
    ├── ParseError         the NLP model is missing or failed
    ├── KnowledgeError     a knowledge data file is missing or invalid (carries ``source``)
    ├── StoreError         the database cannot be opened or written
    ├── ExportError        an export cannot be written: a full disk, a file-size limit
    └── EvaluationError    a gold file or evaluation directory is malformed (carries ``source``)

Messages are written for the person running the command: they say what is
wrong and, where possible, what to do. The CLI prints ``str(error)`` on one
line and exits with status 1.
"""

from __future__ import annotations

__all__ = [
    "CleanError",
    "ConfigError",
    "DatelineError",
    "EvaluationError",
    "ExportError",
    "KnowledgeError",
    "ParseError",
    "SourceError",
    "StoreError",
]


class DatelineError(Exception):
    """Base class of every error Dateline raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class ConfigError(DatelineError):
    """A setting has a bad value, or the settings file cannot be read."""


class SourceError(DatelineError):
    """An input (file, record, URL) cannot be read."""


class CleanError(DatelineError):
    """An input was read but no article text could be found in it."""


class ParseError(DatelineError):
    """The NLP model cannot be loaded or failed on a text."""


class KnowledgeError(DatelineError):
    """A knowledge data file is missing or invalid."""


class StoreError(DatelineError):
    """The database cannot be opened, migrated or written."""


class ExportError(DatelineError):
    """An export cannot be written (a full disk, a file-size limit, a device that refuses it)."""


class EvaluationError(DatelineError):
    """A gold file or evaluation directory is missing or malformed."""
