"""End-to-end ingest: the acceptance corpus, re-ingesting, bad input, interruption."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

# Every test here ingests articles through the CLI, which loads the spaCy model.
pytestmark = pytest.mark.slow


def _articles(dateline, db=None):
    result = dateline("articles", "--format", "jsonl", "--db", db or dateline.db)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_seeds_twice_adds_nothing_the_second_time(dateline, shared_dir):
    first = dateline("ingest", str(shared_dir / "seeds"), "--db", dateline.db)
    assert "read 5, added 5, unchanged 0, failed 0" in first.stdout
    second = dateline("ingest", str(shared_dir / "seeds"), "--db", dateline.db)
    assert "read 5, added 0, unchanged 5, failed 0" in second.stdout
    assert len(_articles(dateline)) == 5


@pytest.mark.postgres
def test_ingest_seeds_twice_in_postgres(dateline, shared_dir, postgres_url):
    first = dateline("ingest", str(shared_dir / "seeds"), "--db", postgres_url)
    assert "added 5" in first.stdout
    second = dateline("ingest", str(shared_dir / "seeds"), "--db", postgres_url)
    assert "added 0, unchanged 5" in second.stdout
    files = sorted(a["file"] for a in _articles(dateline, postgres_url))
    assert files == sorted(p.name for p in (shared_dir / "seeds").iterdir())


def test_ingest_seeds_scores_full_marks_on_articles(dateline, shared_dir):
    dateline("ingest", str(shared_dir / "seeds"), "--db", dateline.db)
    result = dateline(
        "eval", "articles", str(shared_dir / "gold" / "seeds.yaml"), "--json", "--db", dateline.db
    )
    scores = json.loads(result.stdout)
    assert scores["fields"] == {
        "title": {"correct": 4, "scored": 4},
        "published": {"correct": 5, "scored": 5},
        "outlet": {"correct": 4, "scored": 4},
        "authors": {"correct": 2, "scored": 2},
        "body": {"correct": 5, "scored": 5},
    }, scores


def test_ingest_reads_stdin(dateline):
    text = (
        "NAIROBI, Kenya (AP) - Kenyan police fired tear gas at thousands of protesters "
        "in Nairobi on Tuesday as demonstrations against a proposed finance bill spread "
        "to more than a dozen towns. The Kenya National Commission on Human Rights said "
        "at least five people were killed and 31 injured across the country. President "
        "William Ruto said on Wednesday that he would not sign the bill into law."
    )
    result = dateline("ingest", "-", "--db", dateline.db, input=text)
    assert "added 1" in result.stdout
    [article] = _articles(dateline)
    assert "finance bill" in article["body"]


def test_ingest_takes_a_record_of_one_short_line_as_the_article(dateline, tmp_path):
    sentence = (
        "Forty rebels surrendered to the army in the north of the province, "
        "the defence ministry said on Sunday"
    )
    path = tmp_path / "snippets.jsonl"
    path.write_text(json.dumps({"id": "s1", "text": sentence}) + "\n")
    result = dateline("ingest", str(path), "--db", dateline.db)
    assert "added 1" in result.stdout, result.stdout + result.stderr
    short = dateline("ingest", "-", "--db", dateline.db, input="Protesters marched in Lima.")
    assert "added 1" in short.stdout, short.stdout + short.stderr
    bodies = {article["file"]: article["body"] for article in _articles(dateline)}
    assert bodies["s1"] == sentence
    assert "Protesters marched in Lima." in bodies.values()


def _write_corpus(folder, count):
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:04d}.txt").write_text(
            f"Council meeting number {number} in the city of Lyon\n\n"
            f"The city council of Lyon met for the {number}th time on Monday to vote on "
            f"the budget, which grew by {number * 3 + 7} million euros. Councillors from "
            f"{number % 11 + 2} parties debated the plan for more than {number % 5 + 2} hours "
            f"before the mayor closed the session. Residents protested outside the hall, "
            f"where {number * 13 % 400 + 50} people gathered according to the police.\n"
        )


def _wait_for_rows(process, db, deadline_s=60):
    """Wait until the ingest has stored something (or ended)."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(db, timeout=5) as connection:
                if connection.execute("SELECT count(*) FROM articles").fetchone()[0]:
                    return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)


def test_ingest_killed_midway_leaves_whole_batches_and_resumes(dateline, tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 300)
    command = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", dateline.db]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _wait_for_rows(process, dateline.db)
    process.send_signal(signal.SIGKILL)
    process.wait()

    with sqlite3.connect(dateline.db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        empty = connection.execute("SELECT count(*) FROM articles WHERE body = ''").fetchone()[0]
    assert stored == 300 or stored % 50 == 0
    assert empty == 0

    again = dateline("ingest", str(corpus), "--db", dateline.db)
    assert f"added {300 - stored}, unchanged {stored}, failed 0" in again.stdout
    assert len(_articles(dateline)) == 300


def test_ingest_ctrl_c_keeps_what_was_stored(dateline, tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 300)
    command = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", dateline.db]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _wait_for_rows(process, dateline.db)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the ingest finished before the interrupt arrived")
    assert process.returncode == 130
    assert "run the same command to finish" in err
    assert "(interrupted)" in out
    again = dateline("ingest", str(corpus), "--db", dateline.db)
    assert "failed 0" in again.stdout
    assert len(_articles(dateline)) == 300
    analysed = sqlite3.connect(dateline.db).execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert analysed == 300


def test_ingest_progress_bar_only_when_asked_or_on_a_terminal(dateline, tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 3)
    piped = dateline("ingest", str(corpus), "--db", dateline.db)
    assert "it/s" not in piped.stderr and "%|" not in piped.stderr
    shown = dateline("ingest", str(corpus), "--db", dateline.db + "2", "--progress")
    assert "input" in shown.stderr and "%|" in shown.stderr
