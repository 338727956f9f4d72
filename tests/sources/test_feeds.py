"""RSS and Atom feeds: full content, linked pages, summaries, and the entry's metadata."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean
from dateline.errors import SourceError
from dateline.models import RawDocument
from dateline.settings import Settings
from dateline.sources import read_location

GAZA_BODY = " ".join(
    [
        "<p>Aid agencies said on Thursday that trucks carrying flour, medicine and fuel",
        "entered Gaza through the Kerem Shalom crossing after a pause of several days,",
        "while the World Food Programme warned that supplies remained far below what",
        "the population of more than two million people needs.</p>",
    ]
    * 4
)

ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Middle East Monitor Desk</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-03-07T18:30:02Z</updated>
  <entry>
    <title>Aid trucks enter Gaza after pause</title>
    <link href="https://news.example.org/2024/03/07/gaza-aid"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2024-03-07T16:45:00+02:00</published>
    <updated>2024-03-07T18:30:02Z</updated>
    <author><name>Maha El Dahan</name></author>
    <author><name>Emily Rose</name></author>
    <summary>Trucks crossed at Kerem Shalom.</summary>
    <content type="html"><![CDATA[{GAZA_BODY}]]></content>
  </entry>
</feed>"""


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_feeds_atom_full_content_is_used_as_html(tmp_path: Path, settings: Settings) -> None:
    location = _write(tmp_path / "mideast.atom", ATOM_FEED)
    [entry] = read_location(location, settings)
    assert isinstance(entry, RawDocument)
    assert entry.kind == "html"
    assert "Kerem Shalom crossing" in entry.text
    assert entry.title_hint == "Aid trucks enter Gaza after pause"
    assert entry.published_hint == "2024-03-07T16:45:00+02:00"
    assert entry.url_hint == "https://news.example.org/2024/03/07/gaza-aid"
    assert entry.file == "https://news.example.org/2024/03/07/gaza-aid"
    assert entry.authors_hint == ("Maha El Dahan", "Emily Rose")
    assert entry.outlet_hint == "Middle East Monitor Desk"


def test_feeds_plain_text_content_encoded_is_the_article(
    tmp_path: Path, settings: Settings
) -> None:
    body = _TAGLESS_BODY
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Sahel Wire</title><link>https://sahel.example.org/</link>
<item><title>Junta extends transition in Mali</title>
<link>https://sahel.example.org/mali-transition</link>
<pubDate>Fri, 07 Jun 2024 10:00:00 +0000</pubDate>
<description>The junta extends the transition.</description>
<content:encoded>{body}</content:encoded></item>
</channel></rss>"""
    location = _write(tmp_path / "sahel.rss", feed)
    [entry] = read_location(location, settings)
    assert isinstance(entry, RawDocument)
    assert entry.kind == "text" and entry.text == body
    article = clean(entry, settings)
    assert "Assimi Goita" in article.body
    assert article.title == "Junta extends transition in Mali"


_TAGLESS_BODY = " ".join(
    [
        "BAMAKO - Mali's military junta said on Friday that interim president Assimi Goita",
        "would stay in office for three more years, after national talks boycotted by most",
        "political parties recommended extending the transition to civilian rule.",
    ]
    * 4
)


def test_feeds_rss_entries_fetch_their_linked_pages(web_server: str, settings: Settings) -> None:
    items = list(read_location(f"{web_server}/feed.xml", settings))
    sudan, chile, dead = items
    assert isinstance(sudan, RawDocument) and isinstance(chile, RawDocument)
    assert sudan.kind == "html"
    assert "Rapid\nSupport Forces resumed talks in Jeddah" in sudan.text
    assert sudan.url_hint == f"{web_server}/story/sudan-talks.html"
    assert sudan.title_hint == "Sudan talks resume in Jeddah"
    assert sudan.published_hint == "2023-10-29T14:05:00+03:00"
    assert sudan.authors_hint == ("Nafisa Eltahir",)
    assert "Gabriel Boric declared a state" in chile.text
    assert chile.published_hint == "2024-02-04T09:30:00-03:00"
    # A link that fails falls back to the summary, with a note saying so.
    assert isinstance(dead, RawDocument)
    assert dead.text == "Flooding in Pakistan's Sindh province displaced thousands."
    assert dead.notes and "HTTP 404" in dead.notes[0]


def test_feeds_summary_when_link_fetching_is_off(web_server: str, settings: Settings) -> None:
    items = list(read_location(f"{web_server}/feed.xml", settings.replace(fetch_feed_links=False)))
    assert [item.text for item in items if isinstance(item, RawDocument)] == [
        "Army and RSF delegations are back at the table.",
        "At least 51 people have died in the Valparaiso region.",
        "Flooding in Pakistan's Sindh province displaced thousands.",
    ]
    assert all(item.kind == "text" for item in items if isinstance(item, RawDocument))


def test_feeds_sniffed_without_extension(tmp_path: Path, settings: Settings) -> None:
    location = _write(tmp_path / "latest", ATOM_FEED)
    [entry] = read_location(location, settings)
    assert isinstance(entry, RawDocument)
    assert entry.title_hint == "Aid trucks enter Gaza after pause"


def test_feeds_xml_that_is_no_feed_is_an_error(tmp_path: Path, settings: Settings) -> None:
    location = _write(
        tmp_path / "sitemap.xml",
        '<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url></urlset>',
    )
    [error] = read_location(location, settings)
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"{location}: not an RSS or Atom feed")


def test_feeds_feed_without_entries_is_an_error(tmp_path: Path, settings: Settings) -> None:
    location = _write(
        tmp_path / "empty.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title></channel></rss>',
    )
    [error] = read_location(location, settings)
    assert isinstance(error, SourceError)
    assert str(error) == f"{location}: feed has no entries"
