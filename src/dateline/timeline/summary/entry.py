"""One day of a summary timeline, as every summariser returns it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["TimelineEntry"]


@dataclass(frozen=True)
class TimelineEntry:
    """One day of a summary timeline and the sentences that tell it."""

    date: date
    sentences: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The entry as ``dateline timeline --summarize --format json`` prints it."""
        return {"date": self.date.isoformat(), "sentences": list(self.sentences)}
