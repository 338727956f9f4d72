"""WARC and WARC.gz archives, built in the tests with warcio's writer."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import SourceError
from dateline.models import RawDocument
from dateline.settings import Settings
from dateline.sources import read_location

ETHIOPIA = """<html><head><title>Ethiopia and Tigray forces agree truce</title></head>
<body><article><p>PRETORIA, Nov 2 - Ethiopia's government and Tigrayan forces agreed on
Wednesday to a permanent cessation of hostilities, two years after a war began.</p>
</article></body></html>"""
SERBIA = """<html><head><meta charset="windows-1250"><title>Protest</title></head>
<body><p>BEOGRAD - Desetine hiljada ljudi protestovalo je u Beogradu. Učesnici su tražili
ostavku ministra, a policija je zatvorila ulice oko Skupštine.</p></body></html>"""


def _response(
    writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)
    writer.write_record(record)


def _write_warc(path: Path, gzip: bool) -> str:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders(
            "GET /ethiopia HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/ethiopia", "request", http_headers=request
            )
        )
        _response(
            writer,
            "https://news.example.org/ethiopia",
            ETHIOPIA.encode(),
            "text/html; charset=utf-8",
        )
        _response(
            writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"
        )
        _response(
            writer, "https://news.example.org/old", b"", "text/html", status="301 Moved Permanently"
        )
        _response(writer, "https://vesti.example.rs/protest", SERBIA.encode("cp1250"), "text/html")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/ethiopia",
                "metadata",
                payload=BytesIO(b"fetchTimeMs: 120\n"),
            )
        )
    return str(path)


def test_warc_html_responses_become_documents(tmp_path: Path, settings: Settings) -> None:
    location = _write_warc(tmp_path / "CC-NEWS-20221102.warc", gzip=False)
    ethiopia, serbia = read_location(location, settings)
    assert isinstance(ethiopia, RawDocument) and isinstance(serbia, RawDocument)
    assert ethiopia.kind == "html"
    assert ethiopia.url_hint == ethiopia.file == "https://news.example.org/ethiopia"
    assert "permanent cessation of hostilities" in ethiopia.text
    assert ethiopia.published_hint is None  # the crawl date is not the publication date
    assert "Učesnici su tražili" in serbia.text  # decoded by its <meta charset>
    assert serbia.notes == ("not UTF-8; read as cp1250",)


def test_warc_gz_is_read_like_warc(tmp_path: Path, settings: Settings) -> None:
    location = _write_warc(tmp_path / "CC-NEWS-20221102.warc.gz", gzip=True)
    items = list(read_location(location, settings))
    assert [i.url_hint for i in items if isinstance(i, RawDocument)] == [
        "https://news.example.org/ethiopia",
        "https://vesti.example.rs/protest",
    ]


def test_warc_gz_sniffed_without_extension(tmp_path: Path, settings: Settings) -> None:
    location = _write_warc(tmp_path / "crawl-00042", gzip=True)
    assert len(list(read_location(location, settings))) == 2


def test_warc_not_a_warc_is_an_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("This is a note about the Colombian peace process, not an archive.\n")
    [error] = read_location(str(path), settings)
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"{path}: not a readable WARC file")
