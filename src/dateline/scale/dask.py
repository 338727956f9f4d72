"""The analysis of stored articles on a Dask cluster (``dateline ingest --engine dask``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from tqdm import tqdm

from ..analysis import Analysis, Outcome, record_outcomes
from ..errors import ConfigError
from ..models import Article
from ..pipeline import analyse_batch, pending_articles
from ..settings import Settings
from ..store.database import open_engine

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DaskOptions", "analyse_and_store", "analyse_on_dask"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DaskOptions:
    """Where to run: a running scheduler (``tcp://host:8786``), or a local cluster of
    ``workers`` processes (one thread each: spaCy holds the GIL)."""

    scheduler: str | None = None
    workers: int = 2
    batch: int | None = None  # articles a task (default: some eight tasks a worker, at most 8)


def analyse_on_dask(
    settings: Settings,
    engine: Engine,
    options: DaskOptions,
    *,
    progress: bool = False,
    retry_failed: bool = False,
) -> Analysis:
    """Analyse every stored article not analysed yet on Dask workers (the same events as
    one process gives): into PostgreSQL, each worker stores its own results; into
    SQLite, which a cluster's workers cannot share, the client stores them as they
    come back."""
    pending = pending_articles(engine, retry_failed=retry_failed)
    if not pending:
        return Analysis()
    with _client(options) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = options.batch or max(1, min(_MOST_A_TASK, -(-len(pending) // (8 * workers))))
        if engine.dialect.name == "postgresql":
            url = engine.url.render_as_string(hide_password=False)
            return _stored_by_workers(client, pending, settings, size, url, progress=progress)
        results = _results(client, pending, settings, size)
        return record_outcomes(engine, results, progress=progress, total=len(pending))


def _batches(pending: Sequence[Article], size: int) -> list[list[Article]]:
    return [list(pending[start : start + size]) for start in range(0, len(pending), size)]


def _results(
    client: Client, pending: Sequence[Article], settings: Settings, size: int
) -> Iterator[tuple[Article, Outcome]]:
    for batch, outcomes in _completed(client, _batches(pending, size), analyse_batch, settings):
        yield from zip(batch, outcomes, strict=True)


def _stored_by_workers(
    client: Client,
    pending: Sequence[Article],
    settings: Settings,
    size: int,
    url: str,
    *,
    progress: bool,
) -> Analysis:
    """Analyse on the workers, each storing its own batches in the PostgreSQL database at
    ``url`` (under the link lock, as any writer): the client only counts, so it
    no longer bounds how many workers help."""
    done = 0
    failures: list[str] = []
    notes: list[str] = []
    batches = _batches(pending, size)
    with tqdm(total=len(pending), unit="article", disable=not progress, leave=False) as bar:
        for batch, stored in _completed(client, batches, analyse_and_store, settings, url):
            done += stored.analysed
            failures += stored.failures
            notes += stored.notes
            bar.update(len(batch))
    return Analysis(done, tuple(failures), tuple(notes))


def _completed(
    client: Client, batches: Sequence[list[Article]], task: Callable[..., Any], *args: Any
) -> Iterator[tuple[list[Article], Any]]:
    """``task(batch, *args)`` run on the cluster for every batch: (batch, its result) in
    the order they finish. However the loop ends, nothing is left running."""
    from distributed import as_completed

    futures = {client.submit(task, batch, *args, pure=False, retries=2): batch for batch in batches}
    try:
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        client.cancel(list(futures))


def analyse_and_store(articles: Sequence[Article], settings: Settings, url: str) -> Analysis:
    """Analyse ``articles`` and store them in the database at ``url``, in this process:
    what a worker runs when it writes to PostgreSQL itself. An article another
    process stored meanwhile (a task run again after a worker died) is not stored
    twice."""
    outcomes = analyse_batch(articles, settings)
    return record_outcomes(_engine(url), zip(articles, outcomes, strict=True))


@lru_cache(maxsize=2)
def _engine(url: str) -> Engine:
    """One engine (and its connection pool) per worker process and database."""
    return open_engine(url, create=False)


# Articles a task at most: enough to amortise a task, few enough to balance the workers.
_MOST_A_TASK = 8


class _client:
    """A client of the given scheduler, or of a local cluster started for this run."""

    def __init__(self, options: DaskOptions) -> None:
        self.options = options
        self._closing: list[Any] = []

    def __enter__(self) -> Client:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--engine dask needs Dask: pip install 'dateline[dask]'") from None
        if self.options.scheduler:
            try:
                client = Client(self.options.scheduler, timeout="20s")
            except OSError as error:
                raise ConfigError(
                    f"cannot reach the Dask scheduler {self.options.scheduler}: {error}"
                ) from None
            self._closing = [client]
            return client
        if self.options.workers < 1:
            raise ConfigError("--workers must be at least 1")
        cluster = LocalCluster(
            n_workers=self.options.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        self._closing = [client, cluster]
        log.info("local Dask cluster of %d workers", self.options.workers)
        return client

    def __exit__(self, *exc: object) -> None:
        for thing in self._closing:
            thing.close()
