"""Fetching http(s) URLs with httpx.

Redirects are followed and the final URL is kept (it is the article's
address). Bodies are streamed and refused as soon as they pass the
``max_file_mb`` limit, so a link to a video cannot fill the memory.
``http_timeout`` is a deadline for the whole request, from connecting to the
last byte of the body: httpx's own timeouts bound each wait for the network,
so a server that drips its headers or body a byte at a time would never meet
them; here every wait (connect, TLS, each read and write) is given only the
time left before the deadline. Every
failure becomes a :class:`~dateline.errors.SourceError` that names the URL
and says what went wrong in words a user can act on.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpcore
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
    transport = httpx.HTTPTransport()
    # Every socket wait of this client's connections ends by the request's deadline.
    transport._pool._network_backend = _DeadlineBackend()
    with httpx.Client(
        timeout=settings.http_timeout,
        follow_redirects=True,
        headers={"User-Agent": settings.user_agent},
        transport=transport,
    ) as client:
        yield client


def fetch(url: str, settings: Settings, client: httpx.Client | None = None) -> Fetched:
    """Download ``url``, or raise SourceError saying why it could not be."""
    if client is None:
        with http_client(settings) as own:
            return fetch(url, settings, own)
    deadline = time.monotonic() + settings.http_timeout
    token = _DEADLINE.set(deadline)
    try:
        # No single wait may outlast the whole request's deadline.
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
    finally:
        _DEADLINE.reset(token)


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


# When the request under way must be over (time.monotonic()); None outside fetch().
_DEADLINE: ContextVar[float | None] = ContextVar("dateline_http_deadline", default=None)


def _within(timeout: float | None) -> float | None:
    """``timeout`` cut to the time left before the request's deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every wait ends by the deadline of the request using it."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _within(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _within(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _within(timeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, wrapped in :class:`_DeadlineStream`."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _within(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._backend.connect_unix_socket(path, _within(timeout), socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
