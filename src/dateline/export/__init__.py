"""The ``export`` stage: events written in the formats other tools read.

Public API::

    FORMATS                                       ("jsonl", "csv", "parquet", "gdelt")
    BINARY_FORMATS                                formats that need a binary stream or a file
    write_events(events, stream, output_format)   -> int   (how many written)
    export_file(events, path, output_format)      -> int   (whole file or none; links
                                                          followed, devices and pipes
                                                          written into)
    export_stream(events, stream, output_format)  -> int   (flushed; ExportError on failure)

``jsonl`` is the contract of DESIGN.md: one event per line with every
mention. ``csv`` and ``parquet`` are one row per event with flat columns
(parquet typed, with nested actors and mentions). ``gdelt`` is a
tab-separated table in the spirit of GDELT's event table. docs/export.md
explains every column.
"""

from __future__ import annotations

from .files import export_file, export_stream
from .writers import BINARY_FORMATS, FORMATS, is_binary, write_events

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "export_file",
    "export_stream",
    "is_binary",
    "write_events",
]
