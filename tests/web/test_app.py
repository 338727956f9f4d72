"""The app through FastAPI's TestClient, on the ingested web corpus: every page and
endpoint, its filters and paging, and the errors a bad parameter gets."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from dateline import Store
from dateline.web import create_app
from dateline.web.params import cursor_of

from .conftest import copy_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(corpus_db, tmp_path_factory):
    store = Store(copy_store(corpus_db, tmp_path_factory.mktemp("app")))
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store.settings, store=store)) as client:
        yield client


@pytest.fixture(scope="module")
def events(store):
    return store.events()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# The timeline --------------------------------------------------------------------


def test_app_timeline_lists_every_event_by_day(client, events):
    page = client.get("/timeline")
    assert page.status_code == 200
    assert f'<strong class="count">{len(events)}</strong>' in page.text
    for event in events:
        assert f'href="/events/{event.id}"' in page.text
    assert "<h2>2020-11-09</h2>" in page.text
    assert '<abbr class="published" title=' in page.text  # the * of a publication date


def test_app_pages_carry_the_security_headers(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"


def test_app_timeline_filters_by_dyad_and_date_range(client, store):
    page = client.get(
        "/timeline", params={"dyad": "AZE,ARM", "since": "2020-11-12", "until": "2020-11"}
    )
    expected = store.events(dyad="AZE,ARM", since="2020-11-12", until="2020-11")
    assert expected and len(expected) < len(store.events(dyad="AZE,ARM"))
    assert f'<strong class="count">{len(expected)}</strong>' in page.text
    for event in expected:
        assert f'href="/events/{event.id}"' in page.text
    assert 'value="AZE,ARM"' in page.text  # the filter bar keeps the state
    assert 'class="chart-link" href="/dyads/AZE/ARM"' in page.text


def test_app_timeline_filters_by_type_outlet_and_words(client, store):
    assert client.get("/timeline", params={"type": "CONSULT"}).text.count('class="kind"') == len(
        store.events(types="CONSULT")
    )
    assert (
        '<strong class="count">0</strong>'
        in client.get("/timeline", params={"outlet": "nowhere"}).text
    )
    words = client.get("/timeline", params={"text": "ceasefire agreement"})
    assert f'<strong class="count">{len(store.events(text="ceasefire agreement"))}</strong>' in (
        words.text
    )


def test_app_timeline_pages_forward_and_back(client, events):
    first = client.get("/timeline", params={"limit": 2})
    ids = re.findall(r'class="kind" href="/events/(\w+)"', first.text)
    assert ids == [e.id for e in events[:2]]
    assert 'rel="prev"' not in first.text
    forward = re.search(r'rel="next" href="([^"]+)"', first.text)
    assert forward
    second = client.get(forward.group(1).replace("&amp;", "&"))
    assert re.findall(r'class="kind" href="/events/(\w+)"', second.text) == [
        e.id for e in events[2:4]
    ]
    back = re.search(r'rel="prev" href="([^"]+)"', second.text)
    assert back
    again = client.get(back.group(1).replace("&amp;", "&"))
    assert re.findall(r'class="kind" href="/events/(\w+)"', again.text) == ids
    assert 'rel="prev"' not in again.text and 'rel="next"' in again.text


def test_app_timeline_newest_first(client, events):
    page = client.get("/timeline", params={"order": "desc", "limit": 3})
    assert re.findall(r'class="kind" href="/events/(\w+)"', page.text) == [
        e.id for e in events[::-1][:3]
    ]


def test_app_cursor_of_matches_the_store(store):
    found, after = store.events_page(limit=3)
    assert after == cursor_of(found[-1])


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"since": "yesterday"}, 400, "since"),
        ({"since": "2020-12", "until": "2020-11"}, 400, "after until"),
        ({"dyad": "AZE"}, 400, "two actor codes"),
        ({"quad": "friendly"}, 400, "quad class"),
        ({"status": "maybe"}, 400, "status"),
        ({"after": "not-a-cursor"}, 400, "cursor"),
        ({"limit": "0"}, 422, "limit"),
        ({"limit": "100000"}, 422, "limit"),
        ({"limit": "many"}, 422, "limit"),
        ({"order": "sideways"}, 422, "order"),
    ],
)
def test_app_bad_filters_are_clear_errors(client, params, status, words):
    page = client.get("/timeline", params=params)
    assert page.status_code == status
    assert words in page.text and "Traceback" not in page.text
    answer = client.get("/api/events", params=params)
    assert answer.status_code == status
    assert words in answer.json()["error"]


def test_app_unknown_pages_are_404_pages(client):
    for path in ("/events/nope", "/articles/nope", "/no/such/page"):
        page = client.get(path)
        assert page.status_code == 404
        assert 'class="error-message"' in page.text
    assert client.get("/api/events/nope").json() == {"error": "no event 'nope' in this database"}
    assert client.get("/api/articles/nope").status_code == 404


# An event, an article ------------------------------------------------------------------


def test_app_event_page_shows_every_source_with_its_evidence(client, events):
    told_twice = next(e for e in events if e.sources == 2)
    page = client.get(f"/events/{told_twice.id}")
    assert page.status_code == 200
    for mention in told_twice.mentions:
        assert f'href="/articles/{mention.doc}"' in page.text
        assert mention.file in page.text
    trigger = told_twice.mentions[0].trigger
    assert f'<em class="trigger">{trigger}</em>' in page.text
    assert page.text.count('<mark class="evidence">') == len(told_twice.mentions)
    assert "from a date expression" in page.text or "publication day" in page.text


def test_app_event_page_shows_the_paragraph_around_the_sentence(client, events, store):
    event = next(e for e in events if e.type == "ASSAULT" and e.mentions[0].trigger == "shelled")
    page = _text(client.get(f"/events/{event.id}").text)
    assert "the Armenian defence ministry said" in page


def test_app_article_page_links_its_mentions_to_events(client, events, store):
    event = events[0]
    doc = event.mentions[0].doc
    page = client.get(f"/articles/{doc}")
    assert page.status_code == 200
    assert f'class="trigger" href="/events/{event.id}"' in page.text
    assert store.article(doc).article.title in page.text


def _wire(store):
    [wire] = [a for a in store.articles() if a.file == "wire-karabakh.txt"]
    return wire


def test_app_article_page_marks_actors_times_and_triggers(client, store):
    wire = _wire(store)
    page = client.get(f"/articles/{wire.id}").text
    body = page[page.index('<div class="body">') :]
    # Actors link to their pages, saying how they were recognised.
    assert re.search(
        r'<a class="actor-mention" href="/actors/RUS" title="RUS GOV Vladimir Putin: [^"]+">'
        r"Russian President Vladimir Putin</a>",
        body,
    )
    assert '<a class="actor-mention" href="/actors/ARM"' in body
    # Time expressions carry their value; "Tuesday" is the day after Monday, November 9.
    assert '<span class="timex" title="2020-11-09 (DATE, to the day)">Monday</span>' in body
    assert '<span class="timex" title="2020-11-10 (DATE, to the day)">Tuesday</span>' in body
    # Triggers link to their events, inside the marked sentence.
    [met] = [e for e in store.events(types="CONSULT") if any(m.doc == wire.id for m in e.mentions)]
    assert f'<a class="trigger" href="/events/{met.id}" title="CONSULT/visit">met</a>' in body
    assert '<span class="place-mention" title="place: RUS GOV">Moscow</span>' in body
    # The marks add tags only: the text is the body's, character for character.
    assert html.unescape(_untagged(body[: body.index("</div>")])) == wire.body


def _untagged(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_app_api_article_lists_actor_mentions_and_time_expressions(client, store):
    wire = _wire(store)
    record = client.get(f"/api/articles/{wire.id}").json()
    times = {(t["text"], t["value"]) for t in record["time_expressions"]}
    assert {("Monday", "2020-11-09"), ("Tuesday", "2020-11-10")} <= times
    for found in record["time_expressions"] + record["actors"]:
        assert wire.body[found["start"] : found["end"]] == found["text"]
    putin = next(a for a in record["actors"] if a["name"] == "Vladimir Putin")
    assert (putin["code"], putin["how"], putin["is_place"]) == ("RUS", "knowledge", False)
    assert any(a["is_place"] and a["text"] == "Moscow" for a in record["actors"])


def test_app_event_page_says_how_each_actor_was_recognised(client, store):
    # The shelling (whatever else the coder reads as an assault: "six weeks of fighting").
    [assault] = [
        e for e in store.events(types="ASSAULT", actors="AZE") if "troops" in e.mentions[0].sentence
    ]
    page = _text(client.get(f"/events/{assault.id}").text)
    assert "a nationality with a sector word: Azerbaijani troops" in page
    [meeting] = [e for e in store.events(types="CONSULT") if e.sources == 2]
    page = _text(client.get(f"/events/{meeting.id}").text)
    assert "named: a person in the knowledge files: Russian President Vladimir Putin" in page
    assert "Azerbaijani President Ilham Aliyev" in page


def test_app_api_events_pages_through_everything(client, events):
    seen, after = [], None
    while True:
        params = {"limit": 3, **({"after": after} if after else {})}
        answer = client.get("/api/events", params=params).json()
        assert answer["count"] == len(events)
        seen += [e["id"] for e in answer["events"]]
        after = answer["next"]
        if after is None:
            break
    assert seen == [e.id for e in events]


def test_app_api_event_and_article_records(client, events):
    event = events[0]
    record = client.get(f"/api/events/{event.id}").json()
    assert record == json.loads(json.dumps(event.to_dict()))
    article = client.get(f"/api/articles/{event.mentions[0].doc}").json()
    assert article["id"] == event.mentions[0].doc and article["body"]
    assert event.id in [m["event_id"] for m in article["mentions"]]


# Hostile text ---------------------------------------------------------------------


def test_app_hostile_article_is_shown_as_text(client, store):
    [hostile] = [a for a in store.articles() if a.file == "hostile-1"]
    pages = [
        client.get(f"/articles/{hostile.id}").text,
        client.get("/timeline").text,
        client.get("/").text,
    ]
    pages += [
        client.get(f"/events/{e.id}").text
        for e in store.events()
        if any(m.doc == hostile.id for m in e.mentions)
    ]
    for page in pages:
        assert "<script" not in page
        assert "onerror=" not in page.replace("onerror=alert(&#39;", "")  # escaped text only
        assert 'href="javascript:' not in page
        assert "<svg onload" not in page and "</textarea>" not in page
    article = pages[0]
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in article
    assert "&lt;/textarea&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article
    assert 'class="unsafe-url"' in article  # the javascript: URL shown, not linked


# Profiles, summary, downloads, docs ---------------------------------------------------


def test_app_actor_page_draws_a_chart(client, store):
    page = client.get("/actors/aze")
    assert page.status_code == 200
    assert "<svg" in page.text and "<rect" in page.text and "2020-11" in page.text
    assert 'href="/dyads/AZE/ARM"' in page.text  # a top partner
    # Counted in the database: the timeline's count, and the store's partners.
    count = store.count_events(actors="AZE")
    assert f'<a href="/timeline?actor=AZE">{count} event' in page.text
    for other, times in store.partners("AZE"):
        assert f'/dyads/AZE/{other}">{other}</a></td><td class="n">{times}</td>' in page.text


def test_app_dyad_page_counts_events_between_two_actors(client, store):
    page = client.get("/dyads/AZE/ARM")
    expected = len(store.events(dyad="AZE,ARM"))
    assert f"{expected} event" in page.text
    assert client.get("/dyads/AZE/%20").status_code == 400  # an empty code


def test_app_summary_page(client):
    page = client.get("/summary", params={"dates": 3})
    assert page.status_code == 200 and "2020-11" in page.text
    assert client.get("/summary", params={"since": "soon"}).status_code == 400
    assert client.get("/summary", params={"dates": 0}).status_code == 422


def test_app_downloads_every_format_of_the_view(client, store):
    chosen = store.events(dyad="AZE,ARM")
    jsonl = client.get("/download/jsonl", params={"dyad": "AZE,ARM"})
    assert jsonl.status_code == 200
    assert "events.jsonl" in jsonl.headers["content-disposition"]
    assert [json.loads(line)["id"] for line in jsonl.text.splitlines()] == [e.id for e in chosen]
    rows = list(csv.DictReader(io.StringIO(client.get("/download/csv").text)))
    assert len(rows) == len(store.events())
    gdelt = client.get("/download/gdelt")
    assert gdelt.headers["content-type"].startswith("text/tab-separated-values")
    assert "events.tsv" in gdelt.headers["content-disposition"]
    assert client.get("/download/xml").status_code == 400
    pytest.importorskip("pyarrow")
    assert client.get("/download/parquet").content[:4] == b"PAR1"


def test_app_docs_are_served_without_the_internet(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/api/events/{event_id}" in page.text and "after" in page.text
    assert "<script" not in page.text and "cdn" not in page.text.lower()
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}"} <= set(
        schema["paths"]
    )
    assert "/" not in schema["paths"]  # pages are not API


def test_app_pages_have_no_inline_script_or_style(client, events):
    for path in (
        "/",
        "/timeline",
        "/map",
        f"/events/{events[0].id}",
        "/actors/AZE",
        "/summary",
        "/ingest",
        "/docs",
    ):
        page = client.get(path).text
        assert "<script" not in page and "style=" not in page and "<style" not in page
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_app_words_beyond_the_limit_are_a_bad_parameter_not_a_crash(client):
    page = client.get("/timeline", params={"text": "x" * 60_000})
    assert 400 <= page.status_code < 500
    api = client.get("/api/events", params={"text": "x" * 60_000})
    assert 400 <= api.status_code < 500
