"""Fetching http(s) URLs with httpx.

Redirects are followed and the final URL is kept (it is the article's
address). Bodies are streamed and refused as soon as they pass the
``max_file_mb`` limit, so a link to a video cannot fill the memory.
``http_timeout`` is a deadline for the whole download: httpx's own timeouts
bound each wait for the network, so a server that drips a byte at a time
would never meet them; the body is cut once the deadline passes. Every
failure becomes a :class:`~dateline.errors.SourceError` that names the URL
and says what went wrong in words a user can act on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from ..errors import SourceError
from ..models import RawDocument
from ..settings import Settings
from .decoding import check_size, declared_charset, decode_bytes, size_limit_bytes
from .formats import Format, format_from_content_type, sniff_format

__all__ = ["Fetched", "fetch", "fetched_format", "http_client", "page_document"]


@dataclass(frozen=True)
class Fetched:
    """A downloaded body and what the server said about it."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    content_type: str | None
    body: bytes


@contextmanager
def http_client(settings: Settings) -> Iterator[httpx.Client]:
    """A client configured from settings; reuse it for the links of one feed."""
    with httpx.Client(
        timeout=settings.http_timeout,
        follow_redirects=True,
        headers={"User-Agent": settings.user_agent},
    ) as client:
        yield client


def fetch(url: str, settings: Settings, client: httpx.Client | None = None) -> Fetched:
    """Download ``url``, or raise SourceError saying why it could not be."""
    if client is None:
        with http_client(settings) as own:
            return fetch(url, settings, own)
    deadline = time.monotonic() + settings.http_timeout
    try:
        # No single wait may outlast the whole download's deadline.
        with client.stream("GET", url, timeout=settings.http_timeout) as response:
            if response.status_code >= 400:
                raise SourceError(
                    f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), source=url
                )
            body = _read_limited(response, url, settings, deadline)
            return Fetched(
                url=url,
                final_url=str(response.url),
                content_type=response.headers.get("content-type"),
                body=body,
            )
    except httpx.TimeoutException:
        raise SourceError(f"timed out after {settings.http_timeout:g} s", source=url) from None
    except httpx.ConnectError as error:
        raise SourceError(f"cannot connect ({_reason(error)})", source=url) from None
    except httpx.TooManyRedirects:
        raise SourceError("too many redirects", source=url) from None
    except httpx.InvalidURL as error:
        raise SourceError(f"not a valid URL ({error})", source=url) from None
    except httpx.HTTPError as error:
        raise SourceError(f"download failed ({_reason(error)})", source=url) from None


def fetched_format(fetched: Fetched) -> Format:
    """What a download holds: the content type decides, the bytes settle vague ones."""
    announced = format_from_content_type(fetched.content_type)
    sniffed = sniff_format(fetched.body[:4096])
    if announced is None or (announced == "text" and sniffed in ("html", "feed")):
        # Servers label feeds text/xml and pages text/plain often enough to look.
        return sniffed
    return announced


def page_document(fetched: Fetched, settings: Settings) -> RawDocument:
    """A downloaded web page (HTML or plain text) as a raw document."""
    kind = fetched_format(fetched)
    if kind not in ("html", "text"):
        what = fetched.content_type or kind
        raise SourceError(f"not a web page (content type {what})", source=fetched.url)
    decoded = decode_bytes(
        fetched.body, fetched.url, declared=declared_charset(fetched.content_type, fetched.body)
    )
    return RawDocument(
        source=fetched.url,
        file=fetched.url,
        text=decoded.text,
        kind=kind,
        url_hint=fetched.final_url,
        notes=decoded.notes,
    )


def _read_limited(response: httpx.Response, url: str, settings: Settings, deadline: float) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isascii() and length.isdigit():
        too_big = check_size(int(length), url, settings)
        if too_big:
            raise too_big
    limit = size_limit_bytes(settings)
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > limit:
            # The real size is unknown without downloading it all; say "over".
            raise SourceError(
                f"download is over the {settings.max_file_mb:g} MB limit (setting max_file_mb)",
                source=url,
            )
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise SourceError(f"timed out after {settings.http_timeout:g} s", source=url)
    return b"".join(chunks)


def _reason(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[-1] if text else type(error).__name__
