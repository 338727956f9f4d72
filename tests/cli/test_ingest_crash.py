"""Crash safety: a multi-process ingest killed at random moments, then run again, loses and
duplicates nothing, and leaves no process behind."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

COUNTRIES = ["Armenia", "Azerbaijan", "Turkey", "Russia", "France", "Iran", "Georgia", "Kenya"]
VERBS = ["met", "criticised", "called", "accused", "thanked", "visited"]


def _articles(path: Path, count: int) -> None:
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            actor, target = rng.sample(COUNTRIES, 2)
            text = (
                f"The foreign minister of {actor} {rng.choice(VERBS)} the ambassador of {target} "
                f"on {rng.randint(1, 28)} March 2021, officials said in statement {number}. "
                f"Police in {actor} arrested {rng.randint(2, 90)} protesters the next day."
            )
            record = {"id": f"story-{number:03d}", "time": "2021-03-30", "text": text}
            stream.write(json.dumps(record) + "\n")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdecimal():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _ingest(articles: Path, db: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATELINE_CODER_MODEL": "none",
        "DATELINE_BATCH_SIZE": "16",
        # What a killed run left is still parsed by two workers.
        "DATELINE_MULTIPROCESS_MIN_TEXTS": "20",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "dateline", "ingest", str(articles), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _contents(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as connection:

        def rows(query: str) -> list[tuple]:
            return sorted(connection.execute(query).fetchall())

        return {
            "articles": rows("select file from articles"),
            "analysed": rows("select a.file from analyses join articles a on a.id = article_id"),
            "failed": rows("select article_id, reason from analysis_failures"),
            "mentions": rows("select id, article_id, type, date from event_mentions"),
            "actors": rows("select article_id, start, code from actor_mentions"),
            "sentences": rows("select article_id, number from sentences"),
        }


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_ingest_crash_killed_at_random_moments_loses_and_duplicates_nothing(tmp_path):
    articles = tmp_path / "articles.jsonl"
    _articles(articles, 210)  # over multiprocess_min_texts: two parse workers

    reference = tmp_path / "reference.db"
    done = _ingest(articles, reference)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    expected = _contents(reference)
    assert len(expected["analysed"]) == 210 and expected["mentions"]

    db = tmp_path / "killed.db"
    rng = random.Random()
    rounds = [(signal.SIGKILL, "workers"), (signal.SIGTERM, "workers"), (signal.SIGKILL, "any")]
    for how, when in rounds:
        run = _ingest(articles, db)
        seen: set[int] = set()
        if when == "workers":  # a random moment once the parse workers run
            deadline = time.monotonic() + 120
            while not seen and time.monotonic() < deadline and run.poll() is None:
                seen |= _children(run.pid)
                time.sleep(0.05)
            deadline = time.monotonic() + rng.uniform(0.0, 2.0)
        else:  # any moment: reading, storing, loading the model, parsing
            deadline = time.monotonic() + rng.uniform(0.5, 8.0)
        while time.monotonic() < deadline and run.poll() is None:
            seen |= _children(run.pid)
            time.sleep(0.05)
        run.send_signal(how)
        run.communicate(timeout=60)
        assert run.returncode in (0, 130, -how), f"{how!r} gave exit {run.returncode}"
        stop = time.monotonic() + 15
        while any(_alive(pid) for pid in seen) and time.monotonic() < stop:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in seen), f"workers left after {how!r}"

    again = _ingest(articles, db)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert _contents(db) == expected
