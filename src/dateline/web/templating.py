"""The page templates and :func:`render`, which every router calls.

Apart from the app (:mod:`.app`), so that a router imports what draws its
pages without importing the app that mounts it. Article text is hostile:
the templates escape everything (autoescape, and no ``|safe`` on data
anywhere).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from .views import quad_of, safe_link, shown_source

__all__ = ["render", "templates"]

TEMPLATES = Path(__file__).parent / "templates"


def templates() -> Jinja2Templates:
    """The page templates, escaping every value they are given."""
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True)
    environment.lstrip_blocks = True
    environment.globals.update(quad_of=quad_of, safe_link=safe_link, shown_source=shown_source)
    return Jinja2Templates(env=environment)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The page ``name`` rendered with ``context`` (the app keeps the templates in its state)."""
    engine: Jinja2Templates = request.app.state.templates
    return engine.TemplateResponse(request, name, context, status_code=status_code)
