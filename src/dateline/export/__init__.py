"""The ``export`` stage: events written in the formats other tools read.

``jsonl`` is the contract of DESIGN.md: one event per line, with its
actors, date, place, magnitude, CAMEO code, Goldstein score and every
mention (article, file, URL, sentence and character offsets).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..models import Event

__all__ = ["FORMATS", "write_events"]

FORMATS = ("jsonl",)


def write_events(events: Iterable[Event], stream: IO[str], output_format: str = "jsonl") -> int:
    """Write ``events`` to ``stream``; return how many were written."""
    count = 0
    for event in events:
        stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
