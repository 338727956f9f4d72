"""Reading http(s) URLs, against a local server (see conftest.py)."""

from __future__ import annotations

import socket
import time

from dateline.errors import SourceError
from dateline.models import RawDocument
from dateline.settings import Settings
from dateline.sources import read_location
from dateline.sources.web import fetch


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_web_html_page_is_read_as_html(web_server: str, settings: Settings) -> None:
    url = f"{web_server}/article.html"
    [page] = read_location(url, settings)
    assert isinstance(page, RawDocument)
    assert page.kind == "html"
    assert page.file == url
    assert page.url_hint == url
    assert "tear gas and water cannon" in page.text


def test_web_redirect_keeps_final_url(web_server: str, settings: Settings) -> None:
    [page] = read_location(f"{web_server}/moved", settings)
    assert isinstance(page, RawDocument)
    assert page.url_hint == f"{web_server}/article.html"
    assert page.file == f"{web_server}/moved"


def test_web_timeout_names_the_url_and_the_limit(web_server: str, settings: Settings) -> None:
    url = f"{web_server}/slow"
    [error] = read_location(url, settings.replace(http_timeout=0.5))
    assert isinstance(error, SourceError)
    assert str(error) == f"{url}: timed out after 0.5 s"


def test_web_http_error_gives_status_and_reason(web_server: str, settings: Settings) -> None:
    url = f"{web_server}/no-such-story"
    [error] = read_location(url, settings)
    assert isinstance(error, SourceError)
    assert str(error) == f"{url}: HTTP 404 Not Found"


def test_web_connection_refused_says_cannot_connect(settings: Settings) -> None:
    url = f"http://127.0.0.1:{_free_port()}/news"
    [error] = read_location(url, settings.replace(http_timeout=2.0))
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"{url}: cannot connect (")


def test_web_download_over_the_size_limit_is_refused(web_server: str, settings: Settings) -> None:
    url = f"{web_server}/big.html"
    [error] = read_location(url, settings.replace(max_file_mb=1.0))
    assert isinstance(error, SourceError)
    assert str(error) == f"{url}: 2.0 MB is over the 1 MB limit (setting max_file_mb)"


def test_web_declared_charset_decodes_cyrillic(web_server: str, settings: Settings) -> None:
    [page] = read_location(f"{web_server}/russian.txt", settings)
    assert isinstance(page, RawDocument)
    assert page.kind == "text"
    assert "Министр иностранных дел России" in page.text
    assert page.notes == ("not UTF-8; read as cp1251",)


def test_web_jsonl_export_by_content_type(web_server: str, settings: Settings) -> None:
    [record] = read_location(f"{web_server}/export.jsonl", settings)
    assert isinstance(record, RawDocument)
    assert record.file == "ap-1"
    assert record.text == "Floods hit Bangladesh."


def test_web_pdf_is_refused_with_its_content_type(web_server: str, settings: Settings) -> None:
    [error] = read_location(f"{web_server}/report.pdf", settings)
    assert isinstance(error, SourceError)
    assert "application/pdf" in str(error)


def test_web_fetch_reports_content_type(web_server: str, settings: Settings) -> None:
    fetched = fetch(f"{web_server}/article.html", settings)
    assert fetched.content_type == "text/html; charset=utf-8"
    assert fetched.body.startswith(b"<!DOCTYPE html>")


def test_web_timeout_is_a_deadline_for_the_whole_download(
    web_server: str, settings: Settings
) -> None:
    url = f"{web_server}/drip"
    started = time.monotonic()
    [error] = read_location(url, settings.replace(http_timeout=1.5))
    assert time.monotonic() - started < 4.0
    assert isinstance(error, SourceError)
    assert str(error) == f"{url}: timed out after 1.5 s"


def test_web_timeout_is_a_deadline_for_slow_headers_too(
    web_server: str, settings: Settings
) -> None:
    url = f"{web_server}/drip-headers"
    started = time.monotonic()
    [error] = read_location(url, settings.replace(http_timeout=1.5))
    assert time.monotonic() - started < 4.0
    assert isinstance(error, SourceError)
    assert str(error) == f"{url}: timed out after 1.5 s"


def test_web_endless_download_stops_at_the_size_limit(web_server: str, settings: Settings) -> None:
    url = f"{web_server}/endless"
    [error] = read_location(url, settings.replace(max_file_mb=1.0, http_timeout=30.0))
    assert isinstance(error, SourceError)
    assert str(error) == f"{url}: download is over the 1 MB limit (setting max_file_mb)"
