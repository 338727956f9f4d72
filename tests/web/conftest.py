"""The web tests' corpus (two outlets telling the same talks, a later clash, and a
hostile page whose title, URL and text try to run script), ingested once a session.

Ingesting loads spaCy, so it happens once; each test module copies the
database (:func:`copy_store`) so that one module's ingests never change
what another sees.
"""

from __future__ import annotations

import json
import shutil
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
