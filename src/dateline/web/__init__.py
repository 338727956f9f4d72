"""The ``web`` stage: the record read in a browser, and the same data as JSON.

Public API::

    create_app(settings, *, store=None, max_upload=10 MB) -> FastAPI

Routes (docs/web.md): ``/`` the timeline, ``/events/{id}``,
``/articles/{id}``, ``/actors/{code}``, ``/dyads/{a}/{b}``, ``/summary``,
``/ingest``, ``/download/{format}``, the JSON API under ``/api`` and its
reference at ``/docs``. Needs the ``web`` extra (FastAPI, uvicorn,
python-multipart); ``dateline serve`` runs it.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
