"""``--format csv``: one event per row, flat columns, RFC 4180.

The columns are :data:`~dateline.export.flat.FLAT_COLUMNS`. Lists are
joined by ``;`` (actors and recipients as ``CODE:SECTOR:name`` labels),
dates are ISO days, an unknown value is an empty cell. The csv module does
the quoting, so sentences with commas, quotes and line breaks survive.

Spreadsheets read a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula, and a sentence, name or URL taken from an
article may begin so (``=HYPERLINK(...)``). As OWASP recommends against CSV
injection, such a cell is written with a leading ``'``, which spreadsheets
show as text; a cell that is a number (``-6.5``, ``-25.7449``) is left as it
is, since a spreadsheet reads it as that number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import IO

from ..actors.values import Actor
from ..models import Event
from .flat import FLAT_COLUMNS, actor_labels, flat_event

__all__ = ["csv_cells", "spreadsheet_safe", "write_csv"]


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
    return [spreadsheet_safe(_cell(getattr(flat, name))) for name in FLAT_COLUMNS]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell``, with a leading ``'`` when a spreadsheet would run it as a formula.

    >>> spreadsheet_safe("=1+2"), spreadsheet_safe("-6.5"), spreadsheet_safe("Talks")
    ("'=1+2", '-6.5', 'Talks')
    """
    if not cell.startswith(_FORMULA_START):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell


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
