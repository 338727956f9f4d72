"""The ingest form: uploads and pasted text run through the pipeline, with limits."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline import Store
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


def test_uploads_form_is_a_page(client):
    page = client.get("/ingest")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text and "4 KB" in page.text


def test_uploads_pasted_text_becomes_an_article_with_events(client, store):
    before = store.count_articles()
    page = client.post(
        "/ingest",
        data={"text": PASTED, "title": "Zarif meets Mogherini", "published": "2015-03-18"},
    )
    assert page.status_code == 200
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
        ("files", ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00binary", "image/png")),
    ]
    page = client.post("/ingest", files=files)
    assert page.status_code == 200
    assert "unchanged 1" in page.text  # the ledger is already stored
    assert "failed 2" in page.text
    assert page.text.count("<li>empty.txt") + page.text.count("<li>picture.png") == 2
    assert "ledger_again.txt" in page.text  # the name made safe, in the folder
    assert "/tmp/" not in page.text


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
