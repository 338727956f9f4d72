"""The ingest form: uploads and pasted text run through the pipeline in the background,
a progress page while they do, the report with the names the user gave, and limits."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline import Store
from dateline.pipeline import IngestReport
from dateline.settings import Settings
from dateline.web import create_app

from .conftest import LEDGER, copy_store

pytestmark = pytest.mark.slow

PASTED = """\
GENEVA - Iranian Foreign Minister Mohammad Javad Zarif met European Union foreign policy \
chief Federica Mogherini in Geneva on Wednesday, March 18, 2015, to discuss the nuclear talks.
"""


@pytest.fixture(scope="module")
def store(corpus_db, tmp_path_factory):
    store = Store(copy_store(corpus_db, tmp_path_factory.mktemp("uploads")))
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store.settings, store=store, max_upload=4096)) as client:
        yield client


def _report(client, answer, timeout: float = 120):
    """The report of the ingest a post started: its page, asked again until it is done."""
    assert answer.status_code == 200, answer.text  # the job's page, after the redirect
    url = answer.url
    deadline = time.monotonic() + timeout
    while 'class="report-summary"' not in answer.text:
        assert answer.status_code == 200 and "<progress" in answer.text, answer.text
        assert time.monotonic() < deadline, "the ingest did not end"
        time.sleep(0.1)
        answer = client.get(url)
    return answer


def test_uploads_form_is_a_page(client):
    page = client.get("/ingest")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text and "4 KB" in page.text


def test_uploads_pasted_text_becomes_an_article_with_events(client, store):
    before = store.count_articles()
    page = _report(
        client,
        client.post(
            "/ingest",
            data={"text": PASTED, "title": "Zarif meets Mogherini", "published": "2015-03-18"},
        ),
    )
    assert "read 1, added 1" in page.text
    assert store.count_articles() == before + 1
    [added] = [a for a in store.articles() if a.file == "pasted"]
    assert added.title == "Zarif meets Mogherini" and added.published.startswith("2015-03-18")
    assert f'href="/articles/{added.id}"' in page.text
    article = client.get(f"/articles/{added.id}").text
    assert 'class="trigger" href="/events/' in article
    assert "uploaded in the browser (pasted.jsonl:1)" in article and "/tmp/" not in article


def test_uploads_files_are_ingested_and_refusals_shown(client):
    files = [
        ("files", ("../../etc/ledger again.txt", LEDGER.encode(), "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("C:\\Users\\me\\picture (1).png", b"\x89PNG\r\n\x1a\n\x00binary", "image/png")),
    ]
    page = _report(client, client.post("/ingest", files=files))
    assert "unchanged 1" in page.text  # the ledger is already stored
    assert "failed 2" in page.text
    # Refusals name the files as the user's machine did, never the folder they were saved in.
    assert page.text.count("<li>empty.txt: ") == 1
    assert page.text.count("<li>picture (1).png: ") == 1
    assert "Inputs: ledger again.txt, empty.txt, picture (1).png" in page.text
    assert "/tmp/" not in page.text and "dateline-upload" not in page.text


def test_uploads_keep_the_users_file_name(client, store):
    article = LEDGER.replace("Moscow brokers", "Sochi hosts").replace("Shusha", "Fuzuli")
    name = "Karabakh <wire> #2 (final).txt"
    page = _report(client, client.post("/ingest", files=[("files", (name, article.encode()))]))
    assert "added 1" in page.text
    [added] = [a for a in store.articles() if a.file == name]
    assert "dateline-upload" in added.source  # read from the temporary folder
    shown = client.get(f"/articles/{added.id}").text
    assert "Karabakh &lt;wire&gt; #2 (final).txt" in shown and "<wire>" not in shown
    assert "uploaded in the browser (Karabakh &lt;wire&gt; #2 (final).txt)" in shown
    assert not Path(added.source).exists()  # the folder is gone once the ingest ends


def test_uploads_refuse_what_is_too_large(client):
    page = client.post("/ingest", data={"text": "word " * 2000})
    assert page.status_code == 413
    assert "4 KB" in page.text
    files = [("files", ("big.txt", b"x" * 3000, "text/plain"))] * 2
    assert client.post("/ingest", files=files).status_code == 413


def test_uploads_refuse_a_large_body_before_reading_it(client):
    def body():
        for _ in range(100):
            yield b"x" * 4096

    headers = {"content-type": "multipart/form-data; boundary=b"}
    page = client.post("/ingest", content=body(), headers=headers)
    assert page.status_code == 413 and "4 KB" in page.text
    headers["content-length"] = str(10 * 1024 * 1024)
    assert client.post("/ingest", content=b"--b--", headers=headers).status_code == 413


def test_uploads_refuse_another_site_and_an_empty_form(client):
    other = client.post("/ingest", data={"text": PASTED}, headers={"Origin": "https://evil.test"})
    assert other.status_code == 403
    sandboxed = client.post("/ingest", data={"text": PASTED}, headers={"Origin": "null"})
    assert sandboxed.status_code == 403 and "own form" in sandboxed.text
    empty = client.post("/ingest", data={"text": "  "})
    assert empty.status_code == 400 and "paste" in empty.text


class _GatedStore:
    """A store whose ingest stops half way until told to go on, to watch the progress."""

    def __init__(self) -> None:
        self.halfway = threading.Event()
        self.go = threading.Event()
        self.saved: list[tuple[str, bytes]] = []

    def ingest(self, paths, *, on_progress):
        self.saved = [(Path(p).name, Path(p).read_bytes()) for p in paths]
        on_progress("reading", 1, 2)
        on_progress("reading", 2, 2)
        on_progress("analysing", 1, 4)
        self.halfway.set()
        self.go.wait(30)
        on_progress("analysing", 4, 4)
        return IngestReport(read=2, failures=(f"{paths[1]}: binary file, not text",))

    def article(self, article_id):
        return None


def test_uploads_show_a_progress_bar_while_the_ingest_runs(tmp_path):
    gated = _GatedStore()
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'unused.db'}"), store=gated)  # type: ignore[arg-type]
    with TestClient(app) as client:
        files = [("files", ("a.txt", b"one")), ("files", ("b b.bin", b"\x00two"))]
        answer = client.post("/ingest", files=files, follow_redirects=False)
        assert answer.status_code == 303
        url = answer.headers["location"]
        assert url.startswith("/ingest/")
        assert gated.halfway.wait(30)
        page = client.get(url)
        assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
        assert '<meta http-equiv="refresh" content="1">' in page.text
        assert "Analysing the articles: 1 of 4." in page.text
        assert '<progress class="ingest" value="32" max="100">' in page.text  # 10 + 90/4
        assert "<script" not in page.text
        assert gated.saved == [("a.txt", b"one"), ("b b.bin", b"\x00two")]
        gated.go.set()
        report = _report(client, page)
        assert 'http-equiv="refresh"' not in report.text
        assert "<li>b b.bin: binary file, not text</li>" in report.text
        assert client.get("/ingest/no-such-job").status_code == 404
