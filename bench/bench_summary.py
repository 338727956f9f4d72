"""How long ``dateline timeline --summarize`` takes on an ingested topic.

Ingests the Timeline17 Libya topic (379 Reuters articles) into ``--db``
(reused when it holds them already; ingest is not timed), then times what
the summary does: read the stored dated sentences and events, rank the
days, choose the sentences. Target: under 10 s.

    PYTHONPATH=src python bench/bench_summary.py [--db /tmp/tls/t17-libya-reuters.db] [TOPIC]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from dateline.api import Store
from dateline.settings import load_settings
from dateline.store.summary_queries import select_day_events
from dateline.timeline.summary import summarize

TOPIC = Path(__file__).resolve().parents[2] / "shared" / "data" / "t17-libya-reuters"
TARGET_S = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topic", nargs="?", type=Path, default=TOPIC)
    parser.add_argument("--db", help="database to ingest into and reuse (default: a temporary one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dates", type=int, default=28)
    parser.add_argument("--sentences", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
        db = args.db or str(Path(folder) / "topic.db")
        store = Store(load_settings({"db": db if "://" in db else f"sqlite:///{db}"}))
        started = time.perf_counter()
        store.ingest([str(args.topic / "articles.jsonl")])
        print(f"ingest (not timed): {time.perf_counter() - started:.1f} s")
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            sentences = store.dated_sentences()
            with store.engine.connect() as connection:
                events = select_day_events(connection)
            read = time.perf_counter() - started
            entries = summarize(sentences, dates=args.dates, per_date=args.sentences, events=events)
            timings.append(time.perf_counter() - started)
        store.engine.dispose()
    articles = len({sentence.article_id for sentence in sentences})
    median = statistics.median(timings)
    print(
        f"summary of {articles} articles, {len(sentences)} sentences, {len(events)} events "
        f"-> {len(entries)} dates: median {median:.2f} s of {args.repeat} "
        f"(reading the store {read:.2f} s); target under {TARGET_S:.0f} s: "
        f"{'ok' if median < TARGET_S else 'SLOW'}"
    )


if __name__ == "__main__":
    main()
