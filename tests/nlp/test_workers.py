"""Parse workers: in order, one text's failure alone, and never left behind."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from dateline.nlp.workers import Parsed, parse_in_workers

REPO = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    """Live child processes of ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _upper(texts: list[str]) -> list[Parsed]:
    if any(text == "die" for text in texts):
        os._exit(3)  # a worker killed mid-batch, as by the kernel for memory
    return [
        Parsed(error="ValueError: bad") if text == "bad" else Parsed(text.upper()) for text in texts
    ]


def _make_upper():
    return _upper


def _slow(texts: list[str]) -> list[Parsed]:
    time.sleep(60)
    return []


def _make_slow():
    return _slow


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def test_workers_keep_order_and_fail_one_text_alone():
    texts = [f"text {i}" for i in range(23)] + ["bad", "last"]
    found = list(parse_in_workers(texts, _make_upper, n_process=2, batch_size=3))
    assert [p.doc for p in found if p.error is None] == [t.upper() for t in texts if t != "bad"]
    assert [p.error for p in found if p.error] == ["ValueError: bad"]


def test_workers_a_dead_worker_fails_only_its_batch_and_is_replaced():
    texts = ["a", "b", "c", "die", "e", "f", "g", "h"]
    found = list(parse_in_workers(texts, _make_upper, n_process=2, batch_size=2))
    assert [p.doc for p in found] == ["A", "B", None, None, "E", "F", "G", "H"]
    assert "exit code 3" in (found[2].error or "")


def _die_writing(texts: list[str]) -> list[Parsed]:
    if "die-writing" in texts:
        # Killed (as by the kernel for memory) while its answer is half written.
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGKILL)).start()
        return [Parsed(b"x" * 4_000_000) for _ in texts]
    return [Parsed(text.upper()) for text in texts]


def _make_die_writing():
    return _die_writing


def test_workers_a_worker_killed_mid_answer_fails_its_batch_and_the_run_goes_on():
    texts = ["a", "b", "die-writing", "d", "e", "f", "g", "h"]
    found: list[Parsed] = []

    def consume() -> None:
        for parsed in parse_in_workers(texts, _make_die_writing, n_process=2, batch_size=2):
            if not found:
                time.sleep(1.5)  # the parent is busy: the dying worker's answer waits
            found.append(parsed)

    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    consumer.join(20)
    assert not consumer.is_alive(), "the parent hangs on a dead worker's half answer"
    assert [p.doc for p in found] == ["A", "B", None, None, "E", "F", "G", "H"]
    assert "exit code -9" in (found[2].error or "")


@needs_proc
def test_workers_end_when_the_consumer_fails():
    parsed = parse_in_workers(iter(["x"] * 40), _make_upper, n_process=2, batch_size=2)
    started = time.monotonic()
    with pytest.raises(RuntimeError):
        for _ in parsed:
            raise RuntimeError("the consumer failed")
    parsed.close()
    assert time.monotonic() - started < 10
    assert _children(os.getpid()) == set()


@needs_proc
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(how):
    script = textwrap.dedent(
        """
        import os, sys, time
        sys.path.insert(0, sys.argv[1])
        from test_workers import _make_slow
        from dateline.nlp.workers import parse_in_workers
        parsed = parse_in_workers(["x"] * 10, _make_slow, n_process=2, batch_size=1)
        print("ready", flush=True)
        next(parsed)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert parent.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 20
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2
        parent.send_signal(how)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        parent.wait()


@needs_proc
@pytest.mark.slow
def test_workers_an_ingest_whose_spacy_worker_is_killed_finishes_and_fails_only_its_batch(tmp_path):
    # The reproducer: real spaCy workers, one killed (as by the
    # out-of-memory killer) a second after it starts.
    folder = tmp_path / "articles"
    folder.mkdir()
    pairs = [("Kenya", "Uganda"), ("France", "Mali"), ("India", "Nepal"), ("Peru", "Chile")]
    for number in range(40):
        first, second = pairs[number % len(pairs)]
        (folder / f"{number:02d}.txt").write_text(
            f"{first} accused {second} on Monday of moving troops to the border, officials said "
            f"in report {number}. The foreign minister of {first} said talks with {second} would "
            f"resume in the capital. Protesters gathered outside the embassy of {second}.\n"
        )
    database = tmp_path / "news.db"
    settings = {"multiprocess_min_texts": "2", "n_process": "2", "batch_size": "4"}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(database)]
        + [part for name, value in settings.items() for part in ("--setting", name, value)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 120
        while not (workers := _children(ingest.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert workers, "no parse worker started"
        time.sleep(1)
        os.kill(min(workers), signal.SIGKILL)
        out, err = ingest.communicate(timeout=300)
    finally:
        ingest.kill()
        ingest.wait()
    assert ingest.returncode == 0, err
    assert "read 40, added 40" in out + err
    lost = sum(
        line.startswith("failed: ") and "the parse worker died" in line for line in err.splitlines()
    )
    assert 0 < lost <= 8, err  # one or two batches of 4, no more
    assert f"analysed {40 - lost}" in out + err
