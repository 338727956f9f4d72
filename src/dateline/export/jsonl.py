"""``--format jsonl``: the contract of DESIGN.md, one event per line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..models import Event

__all__ = ["write_jsonl"]


def write_jsonl(events: Iterable[Event], stream: IO[str]) -> int:
    """Write one JSON object per event (UTF-8, not ASCII-escaped); return how many."""
    count = 0
    for event in events:
        stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
