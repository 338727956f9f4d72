"""Fixtures shared by every test folder.

The PostgreSQL server is real: the session starts one from the installed
binaries (``make test`` installs Debian's postgresql) on a free port in a
temporary folder, and stops it at the end.
"""

from __future__ import annotations

import functools
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, create_engine, text

from dateline.settings import Settings

if TYPE_CHECKING:
    from dateline.models import Event

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# The fuzz tests draw the same cases on every run, so a suite that passed
# here passes in CI; ``HYPOTHESIS_PROFILE=explore`` draws fresh ones
# to hunt for new failures, which then become ``@example``s.
hypothesis_settings.register_profile("repeatable", derandomize=True, print_blob=True)
hypothesis_settings.register_profile("explore", print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (seeds, gold, data); tests skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} with seeds/ and gold/ is not beside the repository")
    return SHARED


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a fresh SQLite database in a temporary folder."""
    return Settings(db=f"sqlite:///{tmp_path / 'test.db'}")


def _postgres_binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a PostgreSQL server started for this test session."""
    initdb, pg_ctl = _postgres_binary("initdb"), _postgres_binary("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL is not installed (run 'make test', which installs it with apt-get)")
    folder = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data = folder / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:
        # The server refuses to run as root.
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "dateline", "--no-sync"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://dateline@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """URL of a new, empty PostgreSQL database."""
    name = "test_" + uuid.uuid4().hex[:12]
    admin = create_engine(f"{postgres_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{postgres_server}/{name}"


# Events stored by hand -------------------------------------------------------------
#
# Written straight into the tables (an article per document, a mention per
# sentence, the merged event and its actors), to test the readers apart from
# linking. Built on first use: the models import spaCy.

_ALIYEV = ("AZE", "GOV", "Ilham Aliyev", "President")
_PUTIN = ("RUS", "GOV", "Vladimir Putin", "President")
_PASHINYAN = ("ARM", "GOV", "Nikol Pashinyan", "Prime Minister")

# id, type, first day, last day, status, actors, recipients,
# told by (article, outlet, published, sentence) in the order of publication;
# in (first day, id) order, undated last.
_STORED = (
    ("e01", "MOBILIZE", "2020-09-27", "2020-11-10", "occurred", [("AZE", "MIL")], [],
     [("a1", "Trend", "2020-09-27", "Azerbaijan mobilised its army for the war.")]),
    ("e02", "ACCUSE", "2020-09-27", None, "occurred", [_ALIYEV], [_PASHINYAN],
     [("a1", "Trend", "2020-09-27", "Aliyev accused Armenia of shelling villages.")]),
    ("e03", "ASSAULT", "2020-10-01", "2020-10-03", "occurred", [("ARM", "MIL")], [("AZE", "CVL")],
     [("a2", "Reuters", "2020-10-03T09:00", "Armenian forces shelled Ganja for three days.")]),
    ("e04", "AGREE", "2020-11-10", None, "occurred", [_ALIYEV, _PASHINYAN, _PUTIN], [],
     [("a4", "TASS", "2020-11-10", "Putin, Aliyev and Pashinyan agreed to end the fighting."),
      ("a3", "Reuters", "2020-11-10T08:00", "The three leaders signed a statement ending the war.")]),
    ("e05", "SUPPORT", "2020-11-10", None, "occurred", [("UNO", "IGO", "United Nations")], [],
     [("a4", "TASS", "2020-11-10", "The UN welcomed the ceasefire in Nagorno-Karabakh.")]),
    ("e06", "ASSAULT", "2020-11-12", None, "negated", [("RUS", "MIL")], [_PASHINYAN],
     [("a4", "TASS", "2020-11-10", "Russia denied that its troops fired on Armenian posts.")]),
    ("e07", "CONSULT", "2020-11-24", None, "occurred", [_ALIYEV], [_PUTIN],
     [("a5", "Trend", "2020-11-24T22:45", "Aliyev and Putin discussed the ceasefire by phone."),
      ("a6", None, None, "In a phone call Aliyev thanked Putin for the ceasefire.")]),
    ("e08", "CONSULT", "2020-12-31", None, "occurred", [("TUR", "GOV")], [_ALIYEV],
     [("a7", "Daily Sabah", "2020-12-31", "Turkish envoys met Aliyev in Baku on New Year's Eve.")]),
    ("e09", "CONSULT", "2021-01-11", None, "occurred", [_PUTIN], [_ALIYEV, _PASHINYAN],
     [("a8", "TASS", "2021-01-11", "Putin hosted Aliyev and Pashinyan in Moscow.")]),
    ("e10", "PROTEST", None, None, "occurred", [("ARM", "CVL")], [_PASHINYAN],
     [("a8", "TASS", "2021-01-11", "Protesters in Yerevan demanded Pashinyan resign.")]),
)  # fmt: skip


@functools.cache
def _stored_events() -> tuple[Event, ...]:
    from dateline.actors import Actor
    from dateline.models import Event, Evidence

    def event(key, kind, first, last, status, actors, recipients, told):  # type: ignore[no-untyped-def]
        return Event(
            id=key,
            type=kind,
            mode=None,
            actors=tuple(Actor(*a) for a in actors),
            recipients=tuple(Actor(*a) for a in recipients),
            date=first,
            date_end=last,
            date_precision="day" if first else "none",
            date_source="expression" if first else None,
            status=status,
            mentions=tuple(
                Evidence(doc, f"{doc}.txt", sentence, 0, len(sentence), sentence.split()[1],
                         None, published, outlet)
                for doc, outlet, published, sentence in told
            ),
            confidence=0.8,
        )  # fmt: skip

    return tuple(event(*spec) for spec in _STORED)


def store_events(engine: Engine) -> None:
    """Write the stored events into ``engine``'s tables, and one mention (in article
    a1) linked to no event."""
    from dateline.models import Evidence
    from dateline.store import schema
    from dateline.store.rows import actor_rows, event_row, mention_row

    stored = _stored_events()
    documents: dict[str, Evidence] = {}
    for event in stored:
        for evidence in event.mentions:
            documents.setdefault(evidence.doc, evidence)
    now = datetime.now(UTC)
    article_rows = [
        {
            "id": doc,
            "file": evidence.file,
            "source": f"/corpus/{evidence.file}",
            "published": evidence.published,
            "outlet": evidence.outlet,
            "authors": "[]",
            "language": "en",
            "body": evidence.sentence,
            "ingested_at": now,
            "seq": seq,
        }
        for seq, (doc, evidence) in enumerate(documents.items(), start=1)
    ]
    mentions = [
        mention_row(told.doc, replace(event, id=f"{event.id}m{n}", mentions=(told,)), event.id)
        for event in stored
        for n, told in enumerate(event.mentions)
    ]
    loose = Evidence(doc="a1", file="a1.txt", sentence="Fighting went on.", start=50, end=67)
    mentions.append(mention_row("a1", replace(stored[0], id="loose", mentions=(loose,)), None))
    with engine.begin() as connection:
        connection.execute(schema.articles.insert(), article_rows)
        connection.execute(schema.event_mentions.insert(), mentions)
        connection.execute(schema.events.insert(), [event_row(e) for e in stored])
        connection.execute(
            schema.event_actors.insert(), [row for e in stored for row in actor_rows(e)]
        )


@pytest.fixture
def stored_events() -> tuple[Event, ...]:
    """The events :func:`events_db` holds, in the order the store returns them."""
    return _stored_events()


@pytest.fixture
def fill_events() -> Callable[[Engine], None]:
    """A function writing :func:`stored_events` into a database (of another backend)."""
    return store_events


@pytest.fixture
def events_db(tmp_path: Path) -> str:
    """URL of a SQLite store holding :func:`stored_events`."""
    from dateline.store import open_engine

    url = f"sqlite:///{tmp_path / 'events.db'}"
    engine = open_engine(url)
    store_events(engine)
    engine.dispose()
    return url
