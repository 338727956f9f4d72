"""The app: one :class:`~dateline.api.Store` behind pages and a JSON API.

1. :func:`create_app` opens the store and mounts the routers (pages, the
   JSON API, downloads, the ingest form, the offline API docs) and the
   static files shipped in the package;
2. every response carries a Content-Security-Policy that allows nothing
   but this origin and no inline script, and headers that keep the pages
   out of frames and stop content sniffing;
3. the pages are drawn by :func:`.templating.render`, which the routers
   import from there (not from here, which imports them);
4. one set of handlers turns every error into a page (or, under ``/api``,
   JSON) with a message: a Dateline error (a bad filter, a bad cursor) is
   400, a bad parameter 422, an unknown id 404; never a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import Store
from ..errors import DatelineError
from ..settings import Settings
from . import api_routes, docs, downloads, ingest_jobs, pages, profiles, story, uploads
from .templating import render, templates

__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024  # bytes an ingest form may send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
    # site's own form posts, which the ingest check cannot tell from a sandboxed page.
    (b"referrer-policy", b"same-origin"),
)

log = logging.getLogger(__name__)


def create_app(
    settings: Settings,
    *,
    store: Store | None = None,
    max_upload: int = DEFAULT_MAX_UPLOAD,
) -> FastAPI:
    """The web app over the database of ``settings`` (or over ``store``)."""
    app = FastAPI(
        title="Dateline",
        summary="A sourced, deduplicated, dated record of political events.",
        version=_version(),
        docs_url=None,  # FastAPI's pages load Swagger UI from a CDN: ours is served here
        redoc_url=None,
    )
    app.state.store = store or Store(settings, create=False)
    app.state.max_upload = max_upload
    app.state.templates = templates()
    app.state.ingest_jobs = ingest_jobs.IngestJobs()
    app.state.first_page = story.Remembered()
    app.add_middleware(uploads.IngestGuard, limit=max_upload)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (story, pages, profiles, api_routes, downloads, uploads, docs):
        app.include_router(module.router)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(RequestValidationError, _bad_parameter)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    return app


class SecurityHeaders:
    """Adds the security headers to every HTTP response, streamed ones included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# Errors ---------------------------------------------------------------------------


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    """An error as JSON under /api, as a page elsewhere."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message, **extra}, status_code=status)
    return render(request, "error.html", status_code=status, status=status, message=message)


async def _dateline_error(request: Request, error: Exception) -> Response:
    return error_response(request, 400, str(error))


async def _bad_parameter(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [_problem(item) for item in error.errors()]
    return error_response(request, 422, "; ".join(problems), problems=problems)


def _problem(item: Any) -> str:
    where = [str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body")]
    given = item.get("input")
    shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
    return f"{'.'.join(where) or 'request'}: {item.get('msg', 'invalid')}{shown}"


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 404 and error.detail == "Not Found":
        message = f"nothing at {request.url.path}"
    else:
        message = str(error.detail)
    response = error_response(request, error.status_code, message)
    for name, value in (error.headers or {}).items():
        response.headers[name] = value
    return response


async def _unexpected(request: Request, error: Exception) -> Response:
    log.exception("error serving %s", request.url.path)
    return error_response(request, 500, "internal error: the server log has the details")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dateline")
    except PackageNotFoundError:
        return "0"
