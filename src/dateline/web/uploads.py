"""Ingest from the browser: files uploaded or text pasted, run through the pipeline.

1. :class:`IngestGuard` checks the post before its body is read: one sent
   by another site (its ``Origin`` is not this server) is refused (403), so
   that a page elsewhere cannot make the browser add articles; one larger
   than the app's ``max_upload`` (by its length, or by the bytes it sends
   when it gives none or lies) is refused (413);
3. the files are saved under their own base names (made safe) in a
   temporary folder, the pasted text as a record of ``pasted.jsonl`` (so
   that, like any text given as the article itself, it is never refused
   for its length), and
   :meth:`Store.ingest` reads them, one ingest at a time;
4. the report page shows the counts, each refused input with its reason,
   and links to the articles added.

The POST answers when the ingest is done (the model loads on the first one).
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import Store
from .app import render
from .params import store_of
from .views import UPLOAD_PREFIX

__all__ = ["IngestGuard", "router"]

router = APIRouter(include_in_schema=False)

_INGESTING = threading.Lock()
SHOWN = 100  # articles added that the report lists with their events
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


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


@router.post("/ingest", response_class=HTMLResponse)
def ingest_upload(
    request: Request,
    store: Annotated[Store, Depends(store_of)],
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Ingest the uploaded files and the pasted text; show the report."""
    limit = _limit(request)
    uploads = [upload for upload in files or () if upload.filename]
    if not uploads and not text.strip():
        raise HTTPException(400, "choose a file to upload or paste an article's text")
    with tempfile.TemporaryDirectory(prefix=UPLOAD_PREFIX) as folder:
        paths = _save(uploads, _pasted(text, title, published), Path(folder), limit)
        with _INGESTING:
            report = store.ingest([str(path) for path in paths])
    # Messages name the saved files; the temporary folder means nothing to the reader.
    unfold = lambda lines: [line.replace(f"{folder}/", "") for line in lines]  # noqa: E731
    return render(
        request,
        "ingest_report.html",
        report=report,
        names=[path.name for path in paths],
        added=[found for i in report.added_ids[:SHOWN] if (found := store.article(i))],
        more=max(0, len(report.added_ids) - SHOWN),
        failures=unfold(report.failures),
        analysis_failures=unfold(report.analysis_failures),
        notes=unfold(report.notes),
    )


def _pasted(text: str, title: str, published: str) -> str:
    """The pasted article as one JSONL record (empty without text)."""
    if not text.strip():
        return ""
    record = {"id": "pasted", "text": text, "title": title.strip(), "published": published.strip()}
    return json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n"


def _save(uploads: list[UploadFile], pasted: str, folder: Path, limit: int) -> list[Path]:
    """Write each upload (and the pasted text) into ``folder``; refuse more than ``limit``."""
    total = 0
    paths: list[Path] = []
    taken: set[str] = set()
    for upload in uploads:
        path = folder / _safe_name(upload.filename or "upload", taken)
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
        path = folder / _safe_name("pasted.jsonl", taken)
        path.write_bytes(data)
        paths.append(path)
    return paths


def _safe_name(name: str, taken: set[str]) -> str:
    """A base name of letters, digits, dots, dashes and underscores, unique in the folder."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload"
    base = base[-100:]
    chosen, number = base, 1
    while chosen in taken:
        number += 1
        chosen = f"{number}-{base}"
    taken.add(chosen)
    return chosen
