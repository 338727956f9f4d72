"""Fixtures of the sources tests: a local web server and sample articles.

The server runs in a thread on 127.0.0.1 with a free port; no test goes to
the internet.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

KENYA_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kenyan police fire tear gas at Nairobi tax protesters</title></head>
<body><nav>Home | World | Africa</nav>
<article><h1>Kenyan police fire tear gas at Nairobi tax protesters</h1>
<p>NAIROBI, June 25 - Kenyan police fired tear gas and water cannon at thousands of
protesters who marched on parliament on Tuesday as lawmakers voted on a finance bill
that raises taxes on bread, fuel and mobile money transfers.</p>
<p>The Kenya National Commission on Human Rights said at least five people were shot
dead near the parliament buildings, and dozens were injured.</p></article>
<footer>Share this article</footer></body></html>"""

STORY_PAGES = {
    "/story/sudan-talks.html": """<html><head><title>Sudan talks resume in Jeddah</title></head>
<body><article><p>JEDDAH, Oct 29 - Delegations of Sudan's army and the paramilitary Rapid
Support Forces resumed talks in Jeddah on Sunday under Saudi and U.S. mediation, six
months after fighting broke out in Khartoum.</p></article></body></html>""",
    "/story/chile-fires.html": """<html><head><title>Chile declares emergency over fires</title></head>
<body><article><p>SANTIAGO, Feb 4 - Chilean President Gabriel Boric declared a state of
emergency in the Valparaiso region as forest fires killed at least 51 people.</p>
</article></body></html>""",
}


def rss_feed(base: str) -> str:
    """An RSS 2.0 feed whose entries carry only summaries and link to pages on ``base``."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World Desk Wire</title><link>{base}/</link>
<description>World news</description>
<item><title>Sudan talks resume in Jeddah</title>
<link>{base}/story/sudan-talks.html</link>
<description>Army and RSF delegations are back at the table.</description>
<pubDate>Sun, 29 Oct 2023 14:05:00 +0300</pubDate>
<dc:creator>Nafisa Eltahir</dc:creator></item>
<item><title>Chile declares emergency over fires</title>
<link>{base}/story/chile-fires.html</link>
<description>At least 51 people have died in the Valparaiso region.</description>
<pubDate>Sun, 04 Feb 2024 09:30:00 -0300</pubDate></item>
<item><title>Dead link</title><link>{base}/story/gone.html</link>
<description>Flooding in Pakistan's Sindh province displaced thousands.</description>
<pubDate>Mon, 05 Feb 2024 08:00:00 +0500</pubDate></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?", 1)[0]
        if path == "/slow":
            time.sleep(2.0)
            self._send(200, "text/plain", b"too late")
        elif path == "/article.html":
            self._send(200, "text/html; charset=utf-8", KENYA_PAGE.encode())
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            self._send(200, "application/rss+xml", rss_feed(base).encode())
        elif path in STORY_PAGES:
            self._send(200, "text/html", STORY_PAGES[path].encode())
        elif path == "/russian.txt":
            body = "Москва, 12 марта. Министр иностранных дел России провёл переговоры с коллегой из Индии."
            self._send(200, "text/plain; charset=windows-1251", body.encode("cp1251"))
        elif path == "/export.jsonl":
            body = b'{"id": "ap-1", "text": "Floods hit Bangladesh."}\n'
            self._send(200, "application/x-ndjson", body)
        elif path == "/big.html":
            self._send(200, "text/html", b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>")
        elif path == "/drip":  # a byte every half second: no single wait is long
            self._drip(b"Talks resumed in Jeddah on Sunday. " * 4, announce=True)
        elif path == "/drip-headers":  # the status line and headers a byte at a time
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for byte in head:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
        elif path == "/endless":  # no Content-Length, and no end
            self._drip(b"x" * 65536, pause=0.0, repeat=True)
        elif path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 64)
        else:
            self._send(404, "text/html", b"<h1>Not Found</h1>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up (the timeout test)

    def _drip(
        self, body: bytes, *, announce: bool = False, pause: float = 0.5, repeat: bool = False
    ) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if announce:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while True:
                for piece in [body] if pause == 0 else [body[i : i + 1] for i in range(len(body))]:
                    self.wfile.write(piece)
                    self.wfile.flush()
                    time.sleep(pause)
                if not repeat:
                    return

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


@pytest.fixture(scope="module")
def web_server() -> Iterator[str]:
    """Base URL of a local server with pages, a feed, a 404, a slow and a redirecting URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
