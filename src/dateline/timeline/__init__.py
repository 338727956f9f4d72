"""The ``timeline`` stage: the stored events as a story, and its summary.

- :mod:`.filters`: which events a reader asked for (actors, a dyad, types,
  quad class, dates, outlet, words);
- :mod:`.view`: the terminal view, one line an event and its sources after;
- :mod:`.summary`: the N most important days with K sentences each
  (DATEWISE), from dated sentences alone, so it works on any corpus.
"""

from __future__ import annotations

from .filters import TimelineQuery, select
from .summary import TimelineEntry, summarize
from .view import render_events

__all__ = ["TimelineEntry", "TimelineQuery", "render_events", "select", "summarize"]
