"""Articles per second on a local Dask cluster of 1 and of 2 workers, on real articles.

Reads ``--articles`` records of Timeline17's Libya (Reuters) topic (or the
JSONL given with ``--corpus``) into a fresh SQLite store, then times the
analysis of all of them (parse, time, actors, events on the workers; the
store written by the client) with 1 worker and with 2, each on its own
copy of the store. Prints the rates, the parallel efficiency (target: two
workers at >= 1.7 times one on this 2-core machine), the peak memory of each
worker, and a projection of the time a million articles would take on N
workers from the measured per-article cost, with what limits it.

    python bench/bench_dask.py [--articles 200] [--corpus FILE.jsonl] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from distributed import Client, LocalCluster

from dateline import Store, pipeline
from dateline.pipeline import pending_articles
from dateline.scale import DaskOptions, analyse_on_dask
from dateline.settings import Settings

CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "t17-libya-reuters" / "articles.jsonl"
)


def _peak_memory(client: Client) -> dict[str, float]:
    import resource

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return client.run(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lines = args.corpus.read_text(encoding="utf-8").splitlines()[: args.articles]
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        template = Path(folder) / "read.db"
        store = Store(Settings(db=str(template)))
        # The articles only: their analysis is what is timed.
        pipeline.ingest([str(corpus)], store.settings, store.engine)
        count = len(pending_articles(store.engine))
        store.close()
        print(f"corpus: {args.corpus} ({count} articles)")
        rates: dict[int, float] = {}
        client_cost: dict[int, float] = {}  # client CPU seconds an article
        for workers in args.workers:
            db = Path(folder) / f"workers{workers}.db"
            shutil.copyfile(template, db)
            store = Store(Settings(db=str(db)))
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
            client = Client(cluster)
            # Warm each worker (spaCy and the coder load once per worker, not per task).
            client.run(_warm)
            started = time.perf_counter()
            client_cpu = time.process_time()
            analysis = analyse_on_dask(
                store.settings,
                store.engine,
                DaskOptions(scheduler=cluster.scheduler_address),
            )
            seconds = time.perf_counter() - started
            client_cpu = time.process_time() - client_cpu
            memory = _peak_memory(client)
            client.close()
            cluster.close()
            store.close()
            rates[workers] = analysis.analysed / seconds
            client_cost[workers] = client_cpu / max(1, analysis.analysed)
            print(
                f"{workers} worker{'s' if workers > 1 else ' '}: {analysis.analysed} articles in "
                f"{seconds:6.1f} s = {rates[workers]:5.2f} articles/s; peak memory per worker "
                + ", ".join(f"{mb:.0f} MB" for mb in memory.values())
                + f"; the client (storing, linking) busy {client_cpu / seconds:.0%} of a core"
            )
        if 1 in rates and len(rates) > 1:
            most = max(rates)
            speedup = rates[most] / rates[1]
            print(
                f"speed-up with {most} workers: {speedup:.2f}x "
                f"(efficiency {speedup / most:.0%}; target >= 1.7x for 2 workers on 2 cores)"
            )
            per_article = 1 / rates[1]
            # The client stores and links every article, on one core: a floor no number
            # of workers goes under.
            floor = 1_000_000 * max(client_cost.values()) / 3600
            for n in (8, 32, 128):
                hours = max(1_000_000 * per_article / n / 3600, floor)
                print(f"a million articles on {n:3d} workers: about {hours:5.1f} h")
            print(
                f"the client's storing and linking, {max(client_cost.values()) * 1000:.0f} ms "
                f"of CPU an article, caps any cluster at about {floor:.1f} h a million articles"
            )
            print(
                "what limits it: with SQLite, as here, the client writes and links every "
                "article (one process; 50 at a time, each batch reading the stored events it "
                "touches once); with PostgreSQL each worker writes its own batches and only "
                "the link lock is serial, so put PostgreSQL on its own machine."
            )


def _warm() -> None:
    from dateline.coder.model import load_coder
    from dateline.nlp import load_nlp
    from dateline.settings import load_settings

    settings = load_settings()
    load_nlp(settings.spacy_model)
    coder = load_coder(settings)
    if coder is not None:
        coder.warm()


if __name__ == "__main__":
    main()
