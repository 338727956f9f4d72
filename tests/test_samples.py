"""The sample corpus in src/dateline/samples: every input shape, and each file parses."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import feedparser
import lxml.html
import pytest

# The corpus is package data, not a module: a Python file in the folder would
# be ingested as an article by `dateline ingest src/dateline/samples`.
SAMPLES = Path(str(resources.files("dateline") / "samples"))
HTML_PAGES = sorted((SAMPLES / "html").glob("*.html"))
DOCS = Path(__file__).resolve().parent.parent / "docs"
TEXT_PAGES = sorted((SAMPLES / "text").glob("*.txt"))
EXPORT = SAMPLES / "export.jsonl"
FEED = SAMPLES / "feed.xml"

# Lines that pasted pages end with; the article body stops at the first.
TEXT_FURNITURE = (
    "Share this article",
    "Print",
    "Views: ",
    "Follow us on Twitter @",
    "All Rights Reserved",
    "Leave a comment",
    "Your name",
    "Your e-mail",
)
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+, [A-Z][a-z]+, [A-Z][a-z]{2,8}\.? \d{1,2} \([^)]+\) [-\u2013\u2014] "
)


def sample_paths() -> list[Path]:
    """Every file of the corpus."""
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file())


def words(text: str) -> int:
    return len(text.split())


def html_body(path: Path) -> list[str]:
    """The article paragraphs of a sample page, as plain text."""
    page = lxml.html.fromstring(path.read_bytes())
    paragraphs = page.xpath(
        "//article//div[contains(@class, 'body') or contains(@class, 'content')]//p"
    )
    return [" ".join(p.text_content().split()) for p in paragraphs]


def text_body(path: Path) -> str:
    """The article of a pasted page: from the byline to the first furniture line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("By ")) + 1
    end = next(i for i, line in enumerate(lines) if line.strip() == "Share this article")
    return "\n".join(line for line in lines[start:end] if not line.startswith("(Reporting"))


def feed_bodies() -> list[str]:
    feed = feedparser.parse(FEED.read_bytes())
    return [lxml.html.fromstring(entry.content[0].value).text_content() for entry in feed.entries]


def export_records() -> list[dict[str, str]]:
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_samples_folder_holds_every_shape() -> None:
    assert 2 <= len(HTML_PAGES) <= 3
    assert len(TEXT_PAGES) == 2
    assert EXPORT.is_file()
    assert FEED.is_file()


def test_samples_folder_holds_nothing_but_articles() -> None:
    assert set(sample_paths()) == {*HTML_PAGES, *TEXT_PAGES, EXPORT, FEED}


def test_samples_readme_lists_every_file() -> None:
    readme = (DOCS / "samples.md").read_text(encoding="utf-8")
    for path in sample_paths():
        assert path.name in readme, f"{path.name} is not described in docs/samples.md"


@pytest.mark.parametrize("path", HTML_PAGES, ids=lambda p: p.name)
def test_samples_html_page_carries_metadata(path: Path) -> None:
    page = lxml.html.fromstring(path.read_bytes())
    og_title = page.xpath("string(//meta[@property='og:title']/@content)")
    assert page.findtext(".//title")
    assert og_title
    assert page.xpath("string(//meta[@name='author']/@content)")
    published = page.xpath("//meta[@property='article:published_time']/@content")
    published += page.xpath("//time/@datetime")
    assert published, "no article:published_time meta and no <time datetime>"
    for value in published:
        assert datetime.fromisoformat(value).tzinfo is not None
    assert " ".join(page.xpath("string(//article//h1)").split()) == og_title


@pytest.mark.parametrize("path", HTML_PAGES, ids=lambda p: p.name)
def test_samples_html_page_has_page_furniture(path: Path) -> None:
    page = lxml.html.fromstring(path.read_bytes())
    text = page.text_content().lower()
    assert page.xpath("//nav | //*[contains(@id, 'menu') or contains(@class, 'nav')]")
    assert "cookie" in text
    assert "share" in text
    assert page.xpath("//aside | //*[contains(@class, 'related')]")
    assert page.xpath("//form//textarea")
    assert "\u00a9" in text and "rights reserved" in text


@pytest.mark.parametrize("path", HTML_PAGES, ids=lambda p: p.name)
def test_samples_html_article_opens_with_a_dateline(path: Path) -> None:
    paragraphs = html_body(path)
    assert 5 <= len(paragraphs) <= 8
    assert re.match(r"^[A-Z][A-Z\u00c0-\u00dd ]+(, [A-Z][a-z]+)? [\u2014-]", paragraphs[0])
    assert 150 <= words(" ".join(paragraphs)) <= 400


@pytest.mark.parametrize("path", TEXT_PAGES, ids=lambda p: p.name)
def test_samples_text_page_keeps_its_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    for marker in TEXT_FURNITURE:
        assert marker in text, f"{path.name} lacks {marker!r}"
    assert lines[2].startswith(("By ", "Published: ")) or lines[3].startswith("By ")
    assert re.search(r"^Views: [\d,]+$", text, re.MULTILINE)
    assert 150 <= words(text_body(path)) <= 400


def test_samples_text_has_a_wire_dateline_without_year() -> None:
    bodies = [text_body(path).strip() for path in TEXT_PAGES]
    wire = [body for body in bodies if WIRE_DATELINE.match(body)]
    assert len(wire) == 1
    first_line = wire[0].splitlines()[0]
    dateline = WIRE_DATELINE.match(first_line)
    assert dateline is not None
    assert not re.search(r"\b(19|20)\d\d\b", dateline.group(0))
    # The year must be recoverable from the text itself.
    assert re.search(r"\b(19|20)\d\d\b", wire[0])


def test_samples_text_has_a_day_month_year_date_line() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in TEXT_PAGES)
    found = re.search(r"^Published: (\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{2}):(\d{2})", text, re.M)
    assert found is not None
    day, month, year = (int(found.group(i)) for i in (1, 2, 3))
    assert date(year, month, day) == date(2015, 7, 14)


def test_samples_export_records_have_the_documented_fields() -> None:
    records = export_records()
    assert 4 <= len(records) <= 6
    assert len({record["id"] for record in records}) == len(records)
    for record in records:
        assert list(record) == ["id", "published", "title", "text", "url"]
        assert datetime.fromisoformat(record["published"]).year >= 1990
        assert record["url"].startswith("https://newsarchive.example.org/")
        assert 150 <= words(record["text"]) <= 400
        assert "\n\n" in record["text"]


def test_samples_feed_parses_as_rss_with_full_text() -> None:
    root = ET.parse(FEED).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    feed = feedparser.parse(FEED.read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == 3
    for entry in feed.entries:
        assert entry.published_parsed is not None
        assert entry.author
        assert entry.link.startswith("https://globalaffairs.example.org/")
        assert entry.content[0].type == "text/html"
    for body in feed_bodies():
        assert 150 <= words(body) <= 400


def test_samples_stay_outside_the_caucasus() -> None:
    corpus = "\n".join(path.read_text(encoding="utf-8") for path in sample_paths())
    for name in ("Azerbaijan", "Armenia", "Karabakh", "Baku", "Yerevan", "Tbilisi"):
        assert name not in corpus


def test_samples_tell_dated_events_with_relative_days() -> None:
    corpus = "\n".join(path.read_text(encoding="utf-8") for path in sample_paths())
    weekdays = re.findall(
        r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", corpus
    )
    assert len(weekdays) >= 14
    assert re.search(r"\b(a day later|a day earlier|last year|next week)\b", corpus)
