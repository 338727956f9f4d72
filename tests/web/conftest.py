"""The web tests' corpus (two outlets telling the same talks, a later clash, and a
hostile page whose title, URL and text try to run script), ingested once a session.

Ingesting loads spaCy, so it happens once; each test module copies the
database (:func:`copy_store`) so that one module's ingests never change
what another sees.
"""

from __future__ import annotations

import json
import random
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from dateline import Store
from dateline.settings import Settings

try:
    import fastapi  # noqa: F401
except ImportError:  # without the web extra (pip install 'dateline[web]') there is no app to test
    collect_ignore_glob = ["test_*.py"]

WIRE = """\
Azerbaijan and Armenia agree to end fighting

Published: 10.11.2020 08:00

By Anna Petrova

MOSCOW - Azerbaijan and Armenia signed a ceasefire agreement on Monday to end six weeks \
of fighting over Nagorno-Karabakh. Russian President Vladimir Putin met Azerbaijani \
President Ilham Aliyev in Moscow on Monday.

Armenian Prime Minister Nikol Pashinyan called the deal painful. Protesters stormed the \
government building in Yerevan on Tuesday.
"""

LEDGER = """\
Moscow brokers Karabakh truce

Published: 11.11.2020 10:15

By Omar Haddad

BAKU - Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin in Moscow \
on Monday, and Azerbaijan and Armenia signed a ceasefire agreement the same night.

Azerbaijani troops shelled Armenian positions near Shusha on November 3, the Armenian \
defence ministry said.
"""

HOSTILE_TITLE = "</textarea><script>alert('title')</script><img src=x onerror=alert('t')>"
HOSTILE_URL = "javascript:alert('url')"
HOSTILE_TEXT = """\
YEREVAN - Armenian Prime Minister Nikol Pashinyan met Russian President Vladimir Putin \
in Moscow on Thursday, November 12, 2020. Banners read <script>alert('body')</script> \
and <img src=x onerror="alert('img')"> and <a href="javascript:alert('link')">click</a>. \
They also read &lt;script&gt;alert('text')&lt;/script&gt; and \
&lt;img src=x onerror=alert('text-img')&gt; and &lt;/textarea&gt; in plain letters.

Armenia accused Azerbaijan of violating the ceasefire on Friday. \
</textarea><svg onload=alert('svg')></svg> The talks went on.
"""

FILES = {
    "wire-karabakh.txt": WIRE,
    "ledger-karabakh.txt": LEDGER,
}


def hostile_record() -> dict[str, str]:
    """The hostile article as a JSONL record (title, URL and text all as given)."""
    return {
        "id": "hostile-1",
        "title": HOSTILE_TITLE,
        "url": HOSTILE_URL,
        "published": "2020-11-13T09:00:00Z",
        "text": HOSTILE_TEXT,
    }


def write_corpus(folder: Path) -> list[Path]:
    """Write the corpus into ``folder``; return the files to ingest."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in FILES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(hostile_record()) + "\n", encoding="utf-8")
    paths.append(hostile)
    return paths


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database holding the web corpus, ingested and analysed."""
    folder = tmp_path_factory.mktemp("web-corpus")
    path = folder / "corpus.db"
    store = Store(Settings(db=f"sqlite:///{path}"))
    report = store.ingest([str(p) for p in write_corpus(folder / "files")])
    store.close()
    assert not report.failures, report.failures
    return path


def copy_store(corpus_db: Path, folder: Path) -> Settings:
    """Settings for a copy of the corpus database in ``folder``."""
    target = folder / "web.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{corpus_db}{suffix}")
        if source.exists():
            shutil.copy(source, f"{target}{suffix}")
    return Settings(db=f"sqlite:///{target}")


# A corpus of a few hundred synthetic events, stored through the store's query layer --------

STORY_PLACES = (
    ("Damascus", "SYR", 33.51, 36.29),
    ("Aleppo", "SYR", 36.2, 37.16),
    ("Homs", "SYR", 34.73, 36.72),
    ("Benghazi", "LBY", 32.12, 20.07),
    ("Cairo", "EGY", 30.06, 31.25),
    ("Geneva", "CHE", 46.2, 6.14),
)
STORY_TYPES = ("CONSULT", "AGREE", "SUPPORT", "ASSAULT", "PROTEST", "ACCUSE", "COERCE", "AID")
STORY_ACTORS = ("SYR", "LBY", "EGY", "USA", "UNO", "RUS", "TUR", "FRA")
STORY_START = date(2011, 3, 1)


def story_articles(events: int = 300, articles: int = 60, seed: int = 25):
    """``articles`` articles published from STORY_START over four months, telling
    ``events`` events (a tenth of them background: dated decades before, or historical),
    each with its actors' words and offsets, its place and its dated sentence."""
    from dateline.actors import Actor
    from dateline.models import Article, ArticleAnalysis, DatedSentence, Event, Evidence
    from dateline.places.values import Place

    rng = random.Random(seed)
    told: dict[int, list[tuple[Event, str]]] = {n: [] for n in range(articles)}
    for number in range(events):
        told[number % articles].append((None, ""))  # type: ignore[arg-type]
    built = []
    for n in range(articles):
        published = STORY_START + timedelta(days=n * 2)
        doc = f"story-{n:03d}"
        body, found, dated = "", [], []
        for k in range(len(told[n])):
            background = (n * 7 + k) % 10 == 0
            day = (
                date(1938 + rng.randrange(50), 1 + rng.randrange(12), 1)
                if background
                else (published - timedelta(days=rng.randrange(3)))
            )
            a, b = rng.sample(STORY_ACTORS, 2)
            name, country, lat, lon = rng.choice(STORY_PLACES)
            kind = rng.choice(STORY_TYPES)
            lead = f"Officials of {a} "
            sentence = f"{lead}met envoys of {b} in {name} on {day.isoformat()} about the crisis."
            start = len(body)
            body += sentence + " "
            actor = Actor(
                a, "GOV", text=a, start=start + len(lead) - len(a) - 1, end=start + len(lead) - 1
            )
            where = sentence.index(f"of {b}") + 3
            recipient = Actor(b, "GOV", text=b, start=start + where, end=start + where + len(b))
            found.append(
                Event(
                    id=f"{doc}-{k}",
                    type=kind,
                    mode=None,
                    actors=(actor,),
                    recipients=(recipient,),
                    date=day.isoformat(),
                    date_end=None,
                    date_precision="day",
                    date_source="expression",
                    status="historical" if background and k % 2 else "occurred",
                    place=Place(name, country, None, lat, lon, "sentence"),
                    mentions=(
                        Evidence(
                            doc=doc,
                            file=f"{doc}.txt",
                            sentence=sentence,
                            start=start,
                            end=start + len(sentence),
                            trigger="met",
                            published=published.isoformat(),
                            outlet="Wire",
                        ),
                    ),
                    confidence=0.8,
                )
            )
            dated.append(
                DatedSentence(
                    doc, published, k, sentence, start, start + len(sentence), ((day, day, "day"),)
                )
            )
        article = Article(
            id=doc,
            file=f"{doc}.txt",
            source=f"{doc}.txt",
            body=body.strip(),
            title=f"Story {n}",
            published=published.isoformat(),
            published_precision="day",
            outlet="Wire",
        )
        built.append((article, ArticleAnalysis(found, [], dated, [])))
    return built


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database of a few hundred synthetic events over four months of news, with
    background events, places and actors' words: no language model needed."""
    from dateline.store.queries import add_articles, save_analyses

    path = tmp_path_factory.mktemp("story") / "story.db"
    store = Store(Settings(db=f"sqlite:///{path}"))
    built = story_articles()
    with store.engine.begin() as connection:
        add_articles(connection, [article for article, _ in built])
        save_analyses(connection, [(article.id, found) for article, found in built])
    store.close()
    return path


# A real browser: Debian's Chromium through Playwright ---------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@contextmanager
def served(store: Store) -> Iterator[str]:
    """The app over ``store`` served by uvicorn on a free port, in a thread; yields its
    address."""
    import uvicorn

    from dateline.web import create_app

    app = create_app(store.settings, store=store)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (skips when /usr/bin/chromium or playwright is missing)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make system-deps)")
    pytest.importorskip("playwright", reason="playwright is not installed (the dev extra)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that fails the test if a dialog opens or the CSP is broken."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    problems: list[str] = []

    def dialog(d):
        dialogs.append(d.message)
        d.dismiss()

    opened.on("dialog", dialog)
    # Error pages are answered with their status (a 404, a 400): that is not a problem;
    # a refused style or script (a broken Content-Security-Policy) is.
    opened.on(
        "console",
        lambda m: m.type == "error" and "status of 4" not in m.text and problems.append(m.text),
    )
    opened.on("pageerror", lambda e: problems.append(str(e)))
    yield opened
    context.close()
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert not problems, f"the browser reported errors: {problems}"
