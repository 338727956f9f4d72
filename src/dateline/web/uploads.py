"""Ingest from the browser: files uploaded or text pasted, run through the pipeline.

1. :class:`IngestGuard` checks the post before its body is read: one sent
   by another site (its ``Origin`` is not this server) is refused (403), so
   that a page elsewhere cannot make the browser add articles; one larger
   than the app's ``max_upload`` (by its length, or by the bytes it sends
   when it gives none or lies) is refused (413);
2. each file is saved under its own name (the base name the browser gave,
   without control characters) in a folder of its own inside a temporary
   folder, so that the articles' ``file`` and the report's lines name it as
   the user does; the pasted text as a record of ``pasted.jsonl`` (so that,
   like any text given as the article itself, it is never refused for its
   length);
3. :class:`~.ingest_jobs.IngestJobs` ingests them in the background, and
   the post answers at once with a redirect to the job's page
   (``/ingest/{id}``);
4. that page shows a progress bar (it reloads itself every second with
   ``<meta http-equiv="refresh">``, so it needs no script), then the
   report: the counts, each refused input with its reason, and links to
   the articles added.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import Store
from ..pipeline import IngestReport
from .ingest_jobs import IngestJob, IngestJobs
from .params import store_of
from .templating import render
from .views import UPLOAD_PREFIX

__all__ = ["IngestGuard", "router"]

router = APIRouter(include_in_schema=False)

SHOWN = 100  # articles added that the report lists with their events
NAME_BYTES = 200  # the longest file name saved (most file systems allow 255 bytes)


def _limit(request: Request) -> int:
    limit: int = request.app.state.max_upload
    return limit


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the upload is larger than the limit of {_size(limit)}")


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


# Room for the multipart framing and the form's other fields around the files.
_FRAMING = 64 * 1024


class IngestGuard:
    """Refuses an ingest post from another site, or larger than ``limit``, as its body is
    first read (the refusal is an HTTPException, so the app's handler draws its page)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != "/ingest":
            await self.app(scope, receive, send)
            return
        refusal = _refusal(Headers(scope=scope), self.limit)
        received = 0

        async def guarded() -> Message:
            nonlocal received
            if refusal is not None:
                raise refusal
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit + _FRAMING:
                raise _too_large(self.limit)
            return message

        await self.app(scope, guarded, send)


def _refusal(headers: Headers, limit: int) -> HTTPException | None:
    origin = headers.get("origin")
    if origin == "null":
        return HTTPException(403, "an ingest must come from this site's own form")
    if origin and urlsplit(origin).netloc != headers.get("host"):
        return HTTPException(403, f"an ingest must come from this site's own form, not {origin}")
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > limit + _FRAMING:
        return _too_large(limit)
    return None


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    """The form: files to upload, or text to paste."""
    return render(request, "ingest.html", limit=_size(_limit(request)))


@router.post("/ingest")
def ingest_upload(
    request: Request,
    store: Annotated[Store, Depends(store_of)],
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Save the uploaded files and the pasted text, start ingesting them, and send the
    browser to the ingest's page."""
    limit = _limit(request)
    uploads = [upload for upload in files or () if upload.filename]
    if not uploads and not text.strip():
        raise HTTPException(400, "choose a file to upload or paste an article's text")
    folder = tempfile.TemporaryDirectory(prefix=UPLOAD_PREFIX)
    try:
        paths = _save(uploads, _pasted(text, title, published), Path(folder.name), limit)
    except BaseException:
        folder.cleanup()
        raise
    names = [path.name for path in paths]
    job = _jobs(request).start(store, folder, [str(path) for path in paths], names)
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}", response_class=HTMLResponse)
def ingest_job(
    request: Request, job_id: str, store: Annotated[Store, Depends(store_of)]
) -> HTMLResponse:
    """An ingest's progress while it runs, then its report."""
    job = _jobs(request).get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest {job_id!r} (the server remembers the latest ones)")
    if not job.finished:
        page = render(request, "ingest_progress.html", job=job)
    elif job.report is None:
        message = job.shown((job.error or "the ingest failed",))[0]
        page = render(request, "ingest_progress.html", status_code=500, job=job, error=message)
    else:
        page = _report(request, store, job, job.report)
    page.headers["cache-control"] = "no-store"  # each reload asks again
    return page


def _report(request: Request, store: Store, job: IngestJob, report: IngestReport) -> HTMLResponse:
    return render(
        request,
        "ingest_report.html",
        report=report,
        names=job.names,
        added=[found for i in report.added_ids[:SHOWN] if (found := store.article(i))],
        more=max(0, len(report.added_ids) - SHOWN),
        failures=job.shown(report.failures),
        analysis_failures=job.shown(report.analysis_failures),
        notes=job.shown(report.notes),
    )


def _jobs(request: Request) -> IngestJobs:
    jobs: IngestJobs = request.app.state.ingest_jobs
    return jobs


def _pasted(text: str, title: str, published: str) -> str:
    """The pasted article as one JSONL record (empty without text)."""
    if not text.strip():
        return ""
    record = {"id": "pasted", "text": text, "title": title.strip(), "published": published.strip()}
    return json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n"


def _save(uploads: list[UploadFile], pasted: str, folder: Path, limit: int) -> list[Path]:
    """Write each upload (and the pasted text) into a folder of its own in ``folder``
    (``1/``, ``2/``, ...), under its own name; refuse more than ``limit`` bytes."""
    total = 0
    paths: list[Path] = []
    for number, upload in enumerate(uploads, start=1):
        place = folder / str(number)
        place.mkdir()
        path = place / upload_name(upload.filename or "")
        with path.open("wb") as out:
            while chunk := upload.file.read(64 * 1024):
                total += len(chunk)
                if total > limit:
                    raise _too_large(limit)
                out.write(chunk)
        paths.append(path)
    if pasted:
        data = pasted.encode("utf-8")
        total += len(data)
        if total > limit:
            raise _too_large(limit)
        place = folder / str(len(uploads) + 1)
        place.mkdir()
        path = place / "pasted.jsonl"
        path.write_bytes(data)
        paths.append(path)
    return paths


def upload_name(name: str) -> str:
    """The name to save an upload under: the base name the browser gave (whatever the
    user's system, without its folders) with no control characters, at most
    :data:`NAME_BYTES` bytes (its extension kept), never empty, ``.``, ``..`` or
    ``-`` (which the readers take for standard input)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if base in ("", ".", "..", "-"):
        return "upload"
    if len(base.encode("utf-8")) <= NAME_BYTES:
        return base
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem or len(suffix) > 16:
        stem, suffix = base, ""
    room = NAME_BYTES - len(suffix.encode("utf-8")) - (1 if suffix else 0)
    while len(stem.encode("utf-8")) > room:
        stem = stem[:-1]
    return f"{stem}.{suffix}" if suffix else stem
