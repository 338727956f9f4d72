"""Opening a database: another program's SQLite file is refused, reading never creates one."""

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

from dateline import Store
from dateline.errors import StoreError
from dateline.store import database, open_engine


def _foreign_db(path):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    connection.close()
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_refuses_another_programs_sqlite_file_before_writing(tmp_path):
    path = _foreign_db(tmp_path / "places.sqlite")
    before = _digest(path)
    with pytest.raises(StoreError, match="is not a Dateline database .*moz_places"):
        open_engine(str(path))
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_database_refuses_a_foreign_file_with_an_articles_table_even_to_read(tmp_path):
    path = tmp_path / "cms.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT)")
        connection.execute("INSERT INTO articles (headline) VALUES ('Budget passed')")
    connection.close()
    before = _digest(path)
    for create in (False, True):
        with pytest.raises(StoreError, match=r"cms.db is not a Dateline database .*articles"):
            open_engine(str(path), create=create)
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "articles", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "is not a Dateline database" in result.stderr
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cms.db"]


def test_database_refuses_a_file_that_is_no_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: bread, milk\n" * 10)
    with pytest.raises(StoreError, match="cannot open database .*notes.db"):
        open_engine(str(path))
    assert path.read_text().startswith("shopping list")


def test_database_accepts_an_empty_file_and_its_own_databases(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    open_engine(str(path)).dispose()
    open_engine(str(path)).dispose()  # now a Dateline database: opened again
    open_engine(str(path), create=False).dispose()


def test_database_reading_never_creates_a_database(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such database"):
        open_engine(str(path), create=False)
    with pytest.raises(StoreError, match="no such database"):
        Store(str(path), create=False).events()
    assert not path.exists()


def test_database_read_only_commands_give_one_line_for_a_mistyped_path(tmp_path):
    for command in (["articles"], ["export"], ["timeline"]):
        result = subprocess.run(
            [sys.executable, "-m", "dateline", *command, "--db", "typo.db"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1
        assert result.stderr == "Error: no such database: typo.db\n", (command, result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_database_ingest_refuses_another_programs_database_in_one_line(tmp_path):
    path = _foreign_db(tmp_path / "places.sqlite")
    before = _digest(path)
    article = tmp_path / "a.txt"
    article.write_text("Rebels surrendered to the army in the north, the ministry said. " * 5)
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", str(article), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "is not a Dateline database" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert _digest(path) == before


def test_database_postgresql_port_that_never_answers_times_out(monkeypatch):
    monkeypatch.setattr(database, "CONNECT_TIMEOUT_S", 2)
    with socket.socket() as listener:  # accepts connections (the backlog) and says nothing
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(StoreError, match=f"cannot open database .*127.0.0.1:{port}"):
            open_engine(f"postgresql://dateline@127.0.0.1:{port}/news")
        assert time.monotonic() - started < 8


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder whose files cannot be written: a read-only bind mount where we may mount
    (root), else a folder without write permission (other users)."""
    source, folder = tmp_path / "source", tmp_path / "archive"
    source.mkdir()
    folder.mkdir()
    if os.geteuid() != 0:
        yield source, source, lambda: source.chmod(0o555)
        source.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "--bind", str(source), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot make a read-only folder here (mount refused)")

    def seal():
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)

    try:
        yield source, folder, seal
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def _dateline(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_database_on_a_read_only_folder_is_read_and_never_written(read_only_folder, tmp_path):
    source, folder, seal = read_only_folder
    article = tmp_path / "a.txt"
    article.write_text(
        "NAIROBI, March 3 (Reuters) - Kenyan police arrested 40 protesters in Nairobi on "
        "Tuesday, the interior ministry said. The protesters had marched on parliament to "
        "demand lower food prices, and opposition leaders condemned the arrests.\n"
    )
    assert (
        _dateline("ingest", str(article), "--db", str(source / "news.db"), cwd=tmp_path).returncode
        == 0
    )
    seal()
    before = sorted(p.name for p in source.iterdir())
    digest = _digest(source / "news.db")
    database = str(folder / "news.db")

    for command in (["articles"], ["timeline"], ["actors"], ["export", "--format", "jsonl"]):
        result = _dateline(*command, "--db", database, cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
    assert _dateline("articles", "--db", database, cwd=tmp_path).stdout.endswith("\n1 article\n")
    assert "KEN" in _dateline("timeline", "--db", database, cwd=tmp_path).stdout

    for command in (["relink"], ["ingest", str(article)]):
        result = _dateline(*command, "--db", database, cwd=tmp_path)
        assert result.returncode == 1, command
        assert result.stderr.startswith("Error: cannot ") and "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert sorted(p.name for p in source.iterdir()) == before
    assert _digest(source / "news.db") == digest


def test_database_two_processes_opening_a_new_sqlite_file_at_once_take_turns(tmp_path):
    """Creating the tables is one process's work at a time: while another holds the
    file (as it does while it creates them), opening waits, then finds them made."""
    import fcntl
    import threading

    path = tmp_path / "new.db"
    opened: list[object] = []
    with open(path, "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        opening = threading.Thread(target=lambda: opened.append(open_engine(str(path))))
        opening.start()
        opening.join(timeout=1.0)
        assert opening.is_alive() and not opened
        assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == []
        fcntl.flock(held, fcntl.LOCK_UN)
    opening.join(timeout=30)
    assert opened
    tables = {name for (name,) in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"store_info", "articles", "analyses"} <= tables


def test_database_many_processes_opening_one_new_sqlite_file_all_succeed(tmp_path):
    path = tmp_path / "raced.db"
    script = "import sys; from dateline.store import open_engine; open_engine(sys.argv[1])"
    runs = [
        subprocess.Popen([sys.executable, "-c", script, str(path)], stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    errors = [run.communicate(timeout=120)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0] * 6, errors
