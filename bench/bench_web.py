"""The web app at scale: the first page, the map, the timeline, the event, actor and dyad
pages on 100,000 synthetic events.

Builds the store of ``bench_store.py`` (``--events`` happenings among
``--countries`` countries, their mentions stored, then relinked into
events), then times, server-side through FastAPI's TestClient, over
``--requests`` requests each:

- the first page ``/`` (the news window, the news a week by quad class, the
  most active actors and dyads, the map of the news, the key dates: computed
  once per state of the database, the first request's time printed apart);
- the map ``/map`` unfiltered, and for a random actor;
- the timeline page ``/timeline`` unfiltered (the first page of 50, with its count);
- the timeline page for a random dyad and date range;
- the timeline page a random date onwards, newest first;
- the event page ``/events/{id}`` of random events (with each source's
  paragraph read from its article);
- the JSON API ``/api/events`` for a random dyad and date range;
- the actor page ``/actors/{code}`` and the dyad page ``/dyads/{a}/{b}``
  (counts by month and type, an actor's partners: SQL aggregates).

It prints the median and 95th percentile of each.

    python bench/bench_web.py [--events 100000] [--requests 200] [--db PATH]

A ``--db`` that already holds events is timed as it is (build it once, time
it often).

Targets: every page under 100 ms at the 95th percentile on SQLite (issue 14); the first
page, the map and the actor page under 300 ms (issue 25).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import START, fill, happenings  # noqa: E402

from dateline import Store  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.web import create_app  # noqa: E402

TARGET_MS = 100
STORY_TARGET_MS = 300  # the first page, the map, the actor page (issue 25)


def _time(client: TestClient, urls: Callable[[], str], requests: int) -> list[float]:
    times = []
    for _ in range(requests):
        url = urls()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="happenings to make")
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200, help="requests a route")
    parser.add_argument("--db", help="database URL or file (default: a temporary SQLite file)")
    args = parser.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Settings(db=args.db or str(Path(folder) / "bench.db")))
        if store.count_events():
            print(f"using the {store.count_events():,} events of {args.db}")
        else:
            started = time.perf_counter()
            fill(store, happenings(args.events, args.countries, rng))
            report = store.relink()
            elapsed = time.perf_counter() - started
            print(f"stored and linked {report.events:,} events in {elapsed:.1f} s")
        codes = [f"C{n:03d}" for n in range(args.countries)]
        ids = [
            event.id
            for _ in range(50)
            for event in store.events_page(
                limit=10, since=(START + timedelta(days=rng.randrange(360))).isoformat()
            )[0]
        ]

        def dyad_range() -> str:
            a, b = rng.sample(codes, 2)
            first = START + timedelta(days=rng.randrange(300))
            last = first + timedelta(days=rng.randrange(7, 90))
            return f"dyad={a},{b}&since={first}&until={last}"

        def newest_from() -> str:
            return f"/timeline?order=desc&until={START + timedelta(days=rng.randrange(365))}"

        routes: list[tuple[str, Callable[[], str]]] = [
            ("first page /", lambda: "/"),
            ("map /map", lambda: "/map"),
            ("map of an actor", lambda: f"/map?actor={rng.choice(codes)}"),
            ("timeline /timeline", lambda: "/timeline"),
            ("timeline dyad + dates", lambda: "/timeline?" + dyad_range()),
            ("timeline newest first", newest_from),
            ("event page", lambda: f"/events/{rng.choice(ids)}"),
            ("api/events dyad + dates", lambda: "/api/events?" + dyad_range()),
            ("actor page", lambda: f"/actors/{rng.choice(codes)}"),
            ("dyad page", lambda: "/dyads/" + "/".join(rng.sample(codes, 2))),
        ]
        with TestClient(create_app(store.settings, store=store)) as client:
            started = time.perf_counter()
            client.get("/")  # builds the templates, and the key dates of this database
            print(
                f"first page, first request (key dates computed): "
                f"{(time.perf_counter() - started) * 1000:.0f} ms"
            )
            for label, urls in routes:
                times = _time(client, urls, args.requests)
                p95 = times[int(0.95 * (len(times) - 1))]
                target = (
                    STORY_TARGET_MS if label.split()[0] in ("first", "map", "actor") else TARGET_MS
                )
                verdict = "ok" if p95 < target else f"over the {target} ms target"
                print(
                    f"{label:24} median {statistics.median(times):6.1f} ms, "
                    f"95th percentile {p95:6.1f} ms ({verdict})"
                )
        store.close()


if __name__ == "__main__":
    main()
