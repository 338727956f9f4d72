"""The analysis of stored articles on a Dask cluster (``dateline ingest --engine dask``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from ..analysis import Analysis, Outcome, record_outcomes
from ..errors import ConfigError
from ..models import Article
from ..pipeline import analyse_batch, pending_articles
from ..settings import Settings

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DaskOptions", "analyse_on_dask"]

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
    """Analyse every stored article not analysed yet on Dask workers, storing each
    result as it comes back (the same events as one process gives)."""
    pending = pending_articles(engine, retry_failed=retry_failed)
    if not pending:
        return Analysis()
    with _client(options) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = options.batch or max(1, min(_MOST_A_TASK, -(-len(pending) // (8 * workers))))
        results = _results(client, pending, settings, size)
        return record_outcomes(engine, results, progress=progress, total=len(pending))


def _results(
    client: Client, pending: Sequence[Article], settings: Settings, size: int
) -> Iterator[tuple[Article, Outcome]]:
    from distributed import as_completed

    batches = [list(pending[start : start + size]) for start in range(0, len(pending), size)]
    futures = {
        client.submit(analyse_batch, batch, settings, pure=False, retries=2): batch
        for batch in batches
    }
    try:
        for future in as_completed(futures):
            batch = futures[future]
            yield from zip(batch, future.result(), strict=True)
    finally:
        client.cancel(list(futures))  # an interrupted run leaves nothing running


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
