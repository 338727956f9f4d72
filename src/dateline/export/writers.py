"""Which writer each format has, and the one function that picks it."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import IO, Any

from ..errors import ConfigError
from ..models import Event
from .csv_format import write_csv
from .gdelt import write_gdelt
from .jsonl import write_jsonl
from .parquet import write_parquet

__all__ = ["BINARY_FORMATS", "FORMATS", "check_format", "is_binary", "write_events"]

_WRITERS: dict[str, Callable[[Iterable[Event], Any], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "gdelt": write_gdelt,
}

FORMATS = tuple(_WRITERS)
BINARY_FORMATS = frozenset({"parquet"})


def is_binary(output_format: str) -> bool:
    """Whether ``output_format`` writes bytes (and so cannot go to a terminal or text stream)."""
    return output_format in BINARY_FORMATS


def write_events(events: Iterable[Event], stream: IO[Any], output_format: str = "jsonl") -> int:
    """Write ``events`` to ``stream`` in ``output_format``; return how many were written.

    Text formats take a text stream (for ``csv``, opened with ``newline=""``);
    ``parquet`` takes a binary one. A wrong pairing raises
    :class:`~dateline.errors.ConfigError` before anything is written.
    """
    writer = _writer(output_format)
    if is_binary(output_format) and _is_text(stream):
        raise ConfigError(
            f"the {output_format} format is binary and cannot go to a text stream: "
            f"write it to a file (dateline export --format {output_format} -o events.{output_format})"
        )
    if not is_binary(output_format) and not _is_text(stream):
        raise ConfigError(f"the {output_format} format is text: give it a text stream")
    return writer(events, stream)


def check_format(output_format: str) -> None:
    """Raise :class:`~dateline.errors.ConfigError` naming the known formats unless it is one."""
    _writer(output_format)


def _writer(output_format: str) -> Callable[[Iterable[Event], Any], int]:
    try:
        return _WRITERS[output_format]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ConfigError(f"unknown export format {output_format!r}; known: {known}") from None


def _is_text(stream: IO[Any]) -> bool:
    # Text streams have an encoding; binary ones (files opened "wb", BytesIO) do not.
    if isinstance(stream, io.TextIOBase):
        return True
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        return False
    return hasattr(stream, "encoding")
