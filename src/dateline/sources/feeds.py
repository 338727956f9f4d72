"""RSS and Atom feeds, read with feedparser.

Each entry becomes one document. Feeds differ in how much of the article
they carry, so the text is chosen in this order:

1. the entry's full content (``content:encoded``, Atom ``<content>``) when
   it is long enough to be the article (more than ~80 words), as a page
   when it has markup and as the article's own text when it has none;
2. else, when ``settings.fetch_feed_links`` is on, the page the entry links to;
3. else the summary, which the clean stage may find too short.

The entry's title, date, link and authors travel as hints either way.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser
import httpx

from ..errors import SourceError
from ..models import RawDocument
from ..settings import Settings
from .formats import document_kind
from .web import fetch, http_client, page_document

__all__ = ["FULL_CONTENT_WORDS", "read_feed"]

FULL_CONTENT_WORDS = 80

_TAG = re.compile(r"<[^>]+>")


def read_feed(
    data: bytes, *, source: str, settings: Settings
) -> Iterator[RawDocument | SourceError]:
    """Every entry of an RSS or Atom feed given as bytes."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = (
            f" ({str(reason).strip().splitlines()[0]})" if reason and str(reason).strip() else ""
        )
        yield SourceError(f"not an RSS or Atom feed{detail}", source=source)
        return
    if not parsed.entries:
        yield SourceError("feed has no entries", source=source)
        return
    outlet = _clean(parsed.feed.get("title"))
    with http_client(settings) as client:
        for number, entry in enumerate(parsed.entries, start=1):
            yield _entry_document(entry, number, source, outlet, settings, client)


def _entry_document(
    entry: Any,
    number: int,
    source: str,
    outlet: str | None,
    settings: Settings,
    client: httpx.Client,
) -> RawDocument | SourceError:
    link = _clean(entry.get("link"))
    name = link or _clean(entry.get("id")) or f"{source}#{number}"
    # The entry's metadata, whichever text ends up in the document.
    base = RawDocument(
        source=name,
        file=name,
        text="",
        title_hint=_clean(_TAG.sub("", entry.get("title") or "")),
        published_hint=entry_published(entry),
        url_hint=link,
        outlet_hint=outlet,
        authors_hint=_authors(entry),
    )
    content = _full_content(entry)
    if content is not None:
        if _TAG.search(content):
            return replace(base, text=content, kind="html")
        # Plain text (feeds write content:encoded without markup too): the article itself.
        return replace(base, text=content, kind="text", given=True)
    summary = _clean(entry.get("summary"))
    notes: tuple[str, ...] = ()
    if settings.fetch_feed_links and link and link.lower().startswith(("http://", "https://")):
        try:
            page = page_document(fetch(link, settings, client), settings)
        except SourceError as error:
            if not summary:
                return error
            notes = (f"linked page not read, using the feed summary: {error.message}",)
        else:
            return replace(
                base,
                source=link,
                file=link,
                text=page.text,
                kind=page.kind,
                url_hint=page.url_hint or link,
                notes=page.notes,
            )
    text = summary or _longest_content(entry)
    if not text:
        return SourceError(f"feed entry {number} has no text", source=name)
    return replace(base, text=text, kind=document_kind(text), notes=notes)


def entry_published(entry: Any) -> str | None:
    """The entry's publication (else update) time as ISO 8601, keeping its UTC offset."""
    for key in ("published", "updated", "created"):
        raw = _clean(entry.get(key))
        if raw:
            parsed = _parse_feed_date(raw)
            if parsed is not None:
                return parsed.isoformat()
        struct = entry.get(f"{key}_parsed")
        if struct:
            # feedparser's struct_time is already in UTC.
            return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC).isoformat()
    return None


def _parse_feed_date(raw: str) -> datetime | None:
    try:
        return parsedate_to_datetime(raw)  # RSS: RFC 822 "Tue, 10 Nov 2020 09:30:00 +0300"
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))  # Atom: RFC 3339
    except ValueError:
        return None


def _full_content(entry: Any) -> str | None:
    content = _longest_content(entry)
    if content and len(_TAG.sub(" ", content).split()) > FULL_CONTENT_WORDS:
        return content
    return None


def _longest_content(entry: Any) -> str | None:
    values = [_clean(part.get("value")) for part in entry.get("content") or []]
    present = [v for v in values if v]
    return max(present, key=len) if present else None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [_clean(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)]
    found = tuple(n for n in names if n)
    if found:
        return found
    single = _clean(entry.get("author"))
    return (single,) if single else ()


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
