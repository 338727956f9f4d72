"""The event record does not depend on the order articles arrive in, nor on who writes.

The seeds and the bundled samples are ingested in three orders, and by two
ingests at once (into one SQLite file and into one PostgreSQL database):
each gives exactly the events of one sequential run (whose analyses are stored
and linked in batches, where one file at a time links one article at a time).
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from dateline import Store
from dateline.settings import Settings
from dateline.store.schema import event_actors, event_mentions, events

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dateline" / "samples"


def _inputs(shared_dir: Path) -> list[str]:
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    samples = sorted(str(p) for p in SAMPLES.rglob("*") if p.is_file())
    return seeds + samples


def _snapshot(url: str) -> set[tuple]:
    """Every event with its fields, actors and the offsets of its mentions."""
    store = Store(Settings(db=url), create=False)
    with store.engine.connect() as connection:
        told: dict[str, list[tuple[str, int]]] = {}
        for event_id, article, start in connection.execute(
            select(event_mentions.c.event_id, event_mentions.c.article_id, event_mentions.c.start)
        ):
            if event_id is not None:
                told.setdefault(event_id, []).append((article, start))
        cast: dict[str, list[tuple]] = {}
        for row in connection.execute(select(event_actors)).mappings():
            cast.setdefault(row["event_id"], []).append(
                (row["role"], row["position"], row["code"], row["sector"], row["name"])
            )
        rows = connection.execute(select(events)).mappings().all()
    store.close()
    return {
        (
            row["id"],
            row["type"],
            row["mode"],
            row["date"],
            row["date_end"],
            row["status"],
            row["place_name"],
            row["confidence"],
            row["disagreements"],
            tuple(sorted(told[row["id"]])),
            tuple(sorted(cast.get(row["id"], []))),
        )
        for row in rows
    }


def _ingest(url: str, groups: list[list[str]]) -> None:
    store = Store(Settings(db=url))
    for group in groups:
        report = store.ingest(group)
        assert not report.failures and not report.analysis_failures, report.summary()
    store.close()


@pytest.fixture(scope="module")
def sequential(shared_dir, tmp_path_factory) -> set[tuple]:
    url = f"sqlite:///{tmp_path_factory.mktemp('sequential') / 'one.db'}"
    _ingest(url, [_inputs(shared_dir)])
    found = _snapshot(url)
    assert len(found) > 40  # the corpus makes events, several of many sources
    assert any(len(event[9]) > 3 for event in found)
    return found


@pytest.mark.slow
def test_three_orders_of_arrival_give_the_same_events(shared_dir, tmp_path, sequential):
    inputs = _inputs(shared_dir)
    shuffled = random.Random(3).sample(inputs, len(inputs))
    for number, groups in enumerate(
        ([[path] for path in reversed(inputs)], [shuffled[:7], shuffled[7:]])
    ):
        url = f"sqlite:///{tmp_path / f'order{number}.db'}"
        _ingest(url, groups)
        assert _snapshot(url) == sequential, f"order {number} differs"


def _ingest_at_once(url: str, halves: list[list[str]]) -> None:
    command = [sys.executable, "-m", "dateline", "ingest", "--db", url]
    writers = [
        subprocess.Popen([*command, *half], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for half in halves
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err.decode()


@pytest.mark.slow
def test_two_ingests_at_once_into_one_sqlite_file(shared_dir, tmp_path, sequential):
    inputs = _inputs(shared_dir)
    url = f"sqlite:///{tmp_path / 'both.db'}"
    _ingest_at_once(url, [inputs[::2], inputs[1::2]])
    assert _snapshot(url) == sequential


@pytest.mark.slow
@pytest.mark.postgres
def test_two_ingests_at_once_into_one_postgresql_database(shared_dir, postgres_url, sequential):
    inputs = _inputs(shared_dir)
    _ingest_at_once(postgres_url, [inputs[::2], inputs[1::2]])
    assert _snapshot(postgres_url) == sequential


def _ingest_on_dask(url: str, inputs: list[str], options) -> None:  # type: ignore[no-untyped-def]
    store = Store(Settings(db=url))
    report = store.ingest(inputs, dask=options)
    assert not report.failures and not report.analysis_failures, report.summary()
    assert report.analysed == report.added
    store.close()


@pytest.mark.slow
def test_a_local_two_worker_dask_cluster_gives_the_same_events_in_sqlite(
    shared_dir, tmp_path, sequential
):
    from dateline.scale import DaskOptions

    url = f"sqlite:///{tmp_path / 'dask.db'}"
    _ingest_on_dask(url, _inputs(shared_dir), DaskOptions(workers=2, batch=3))
    assert _snapshot(url) == sequential


@pytest.mark.slow
@pytest.mark.postgres
def test_a_dask_cluster_that_loses_a_worker_loses_nothing_in_postgresql(
    shared_dir, postgres_url, sequential
):
    import os
    import signal
    import threading

    from distributed import Client, LocalCluster

    from dateline.scale import DaskOptions

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
    watcher = Client(cluster)
    pids = list(watcher.run(os.getpid).values())
    # One worker is killed while the articles are being analysed: Dask runs its
    # batches again on the other (or on the worker its nanny starts again).
    killer = threading.Timer(6.0, os.kill, (pids[0], signal.SIGKILL))
    killer.start()
    try:
        options = DaskOptions(scheduler=cluster.scheduler_address, batch=2)
        _ingest_on_dask(postgres_url, _inputs(shared_dir), options)
    finally:
        killer.cancel()
        watcher.close()
        cluster.close()
    assert _snapshot(postgres_url) == sequential
    # A second run finds nothing left to do.
    report = Store(Settings(db=postgres_url)).ingest(_inputs(shared_dir), dask=options)
    assert report.added == 0 and report.analysed == 0


@pytest.mark.slow
@pytest.mark.postgres
def test_a_worker_writing_to_postgresql_stores_a_batch_once_however_often_it_runs(
    shared_dir, postgres_url
):
    """What a Dask worker runs on PostgreSQL (analyse and store, no client): a task run
    again after its worker died finds its articles stored and writes nothing twice."""
    from dateline.pipeline import ingest, pending_articles
    from dateline.scale.dask import analyse_and_store

    store = Store(Settings(db=postgres_url))
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    ingest(seeds, store.settings, store.engine)
    batch = pending_articles(store.engine)
    first = analyse_and_store(batch, store.settings, postgres_url)
    again = analyse_and_store(batch, store.settings, postgres_url)
    assert first.analysed == len(batch) == 5 and not first.failures
    assert again.analysed == len(batch) and not again.failures  # told, not written twice
    assert pending_articles(store.engine) == []
    with store.engine.connect() as connection:
        keys = [row[0] for row in connection.execute(select(event_mentions.c.id))]
    assert keys and len(keys) == len(set(keys))
    store.close()
