"""The ``timeline`` stage: the stored events as a story, and its summary.

- :class:`~dateline.query.TimelineQuery`: which events a reader asks for
  (actors, a dyad, types, quad class, sectors, status, dates, outlet, words),
  answered in SQL by :mod:`dateline.store.event_queries`;
- :mod:`.view`: the terminal view, one line an event and its sources after;
- :mod:`.summary`: the N most important days with K sentences each
  (DATEWISE), from dated sentences alone, so it works on any corpus.
"""

from __future__ import annotations

from ..query import TimelineQuery
from .summary import TimelineEntry, summarize
from .view import render_events

__all__ = ["TimelineEntry", "TimelineQuery", "render_events", "summarize"]
