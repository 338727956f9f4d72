"""``--format csv``: one event per row, flat columns, RFC 4180.

The columns are :data:`~dateline.export.flat.FLAT_COLUMNS`. Lists are
joined by ``;`` (actors and recipients as ``CODE:SECTOR:name`` labels),
dates are ISO days, an unknown value is an empty cell. The csv module does
the quoting, so sentences with commas, quotes and line breaks survive.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import IO

from ..actors.values import Actor
from ..models import Event
from .flat import FLAT_COLUMNS, actor_labels, flat_event

__all__ = ["csv_cells", "write_csv"]


def write_csv(events: Iterable[Event], stream: IO[str]) -> int:
    """Write a header row and one row per event; return how many events were written.

    Open a file for it with ``newline=""``: the rows end in CRLF as RFC 4180 says.
    """
    writer = csv.writer(stream)
    writer.writerow(FLAT_COLUMNS)
    count = 0
    for event in events:
        writer.writerow(csv_cells(event))
        count += 1
    return count


def csv_cells(event: Event) -> list[str]:
    """The event's cells, in the order of ``FLAT_COLUMNS``."""
    flat = flat_event(event)
    return [_cell(getattr(flat, name)) for name in FLAT_COLUMNS]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        if all(isinstance(v, Actor) for v in value):
            return actor_labels(value)
        return ";".join(str(v) for v in value)
    return str(value)
