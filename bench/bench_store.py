"""The event record at scale: relink, and a filtered page, on 100,000 synthetic events.

Makes ``--events`` happenings over one year among ``--countries`` countries
(each told by one to three articles, in their own words, on the day or by
publication a day later), stores their mentions, and times:

- ``relink``: every event rebuilt from the mentions (the same code as
  ``dateline relink``);
- a page of 50 events for a dyad and a date range (``Store.events_page``),
  ``--queries`` times with random dyads and ranges: median and 95th
  percentile;
- the same page's count (``Store.count_events``).

    python bench/bench_store.py [--events 100000] [--db PATH] [--queries 200]

Targets (EVALUATION.md, issue 13): relink under a minute, the page under
50 ms at the 95th percentile on SQLite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from dateline import Store
from dateline.actors import Actor
from dateline.link.retrieval import codes_of
from dateline.models import Event, Evidence
from dateline.settings import Settings
from dateline.store.linking import lock_links, relink
from dateline.store.rows import mention_row
from dateline.store.schema import articles, event_mention_codes, event_mentions
from dateline.timeline import TimelineQuery

TYPES = ["CONSULT", "AGREE", "SUPPORT", "ASSAULT", "PROTEST", "REQUEST", "ACCUSE", "COERCE"]
WORDS = [
    "talks",
    "ceasefire",
    "troops",
    "border",
    "minister",
    "president",
    "attack",
    "city",
    "strike",
    "aid",
    "deal",
    "visit",
    "envoy",
    "summit",
    "shelling",
    "drones",
    "port",
    "grain",
    "election",
    "sanctions",
    "protest",
    "police",
    "rebels",
]
START = date(2024, 1, 1)


def happenings(count: int, countries: int, rng: random.Random) -> list[list[Event]]:
    """``count`` happenings, each as the mentions of the articles that tell it."""
    codes = [f"C{n:03d}" for n in range(countries)]
    told = []
    for number in range(count):
        a, b = rng.sample(codes, 2)
        day = START + timedelta(days=rng.randrange(365))
        kind = rng.choice(TYPES)
        words = rng.sample(WORDS, 8)
        mentions = []
        for outlet in range(rng.choice((1, 1, 2, 3))):
            by_publication = rng.random() < 0.2
            sentence = " ".join(words[outlet : outlet + 6]) + "."
            doc = f"a{number:07d}{outlet}"
            mentions.append(
                Event(
                    id=f"m{number:07d}{outlet}",
                    type=kind,
                    mode=None,
                    actors=(Actor(a, "GOV"),),
                    recipients=(Actor(b, "GOV"),),
                    date=(day + timedelta(days=1 if by_publication else 0)).isoformat(),
                    date_end=None,
                    date_precision="day",
                    date_source="published" if by_publication else "expression",
                    status="occurred",
                    mentions=(
                        Evidence(
                            doc=doc,
                            file=f"{doc}.txt",
                            sentence=sentence,
                            start=0,
                            end=len(sentence),
                            published=(day + timedelta(days=1)).isoformat(),
                            outlet=f"outlet{outlet}",
                        ),
                    ),
                    confidence=0.8,
                )
            )
        told.append(mentions)
    return told


def fill(store: Store, told: list[list[Event]]) -> int:
    """Write the articles and mentions (not yet linked); return how many mentions."""
    now = datetime.now(UTC)
    mentions = [m for group in told for m in group]
    with store.engine.begin() as connection:
        for start in range(0, len(mentions), 5000):
            chunk = mentions[start : start + 5000]
            connection.execute(
                insert(articles),
                [
                    {
                        "id": m.mentions[0].doc,
                        "file": m.mentions[0].file,
                        "source": "bench",
                        "body": m.mentions[0].sentence,
                        "published": m.mentions[0].published,
                        "outlet": m.mentions[0].outlet,
                        "ingested_at": now,
                        "seq": start + n,
                    }
                    for n, m in enumerate(chunk)
                ],
            )
            connection.execute(
                insert(event_mentions), [mention_row(m.mentions[0].doc, m, None) for m in chunk]
            )
            connection.execute(
                insert(event_mention_codes),
                [
                    {"mention_id": m.id, "code": c, "date": m.date, "last": m.date, "long": False}
                    for m in chunk
                    for c in sorted(codes_of(m))
                ],
            )
    return len(mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="happenings to make")
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="database URL or file (default: a temporary SQLite file)")
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Settings(db=args.db or str(Path(folder) / "bench.db")))
        started = time.perf_counter()
        mentions = fill(store, happenings(args.events, args.countries, rng))
        print(f"stored {mentions:,} mentions in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        with store.engine.begin() as connection:
            lock_links(connection)
            report = relink(connection)
        print(
            f"relink: {report.mentions:,} mentions -> {report.events:,} events "
            f"in {time.perf_counter() - started:.1f} s (target < 60 s)"
        )

        pages, counts = [], []
        codes = [f"C{n:03d}" for n in range(args.countries)]
        for _ in range(args.queries):
            first = START + timedelta(days=rng.randrange(300))
            query = TimelineQuery(
                dyad=tuple(rng.sample(codes, 2)),  # type: ignore[arg-type]
                since=first.isoformat(),
                until=(first + timedelta(days=rng.randrange(7, 90))).isoformat(),
            )
            started = time.perf_counter()
            store.events_page(query, limit=50)
            pages.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            store.count_events(query)
            counts.append((time.perf_counter() - started) * 1000)
        for label, times in (("page of 50", pages), ("count", counts)):
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"{label:11} dyad + date range: median {statistics.median(times):.1f} ms, "
                f"95th percentile {p95:.1f} ms"
                + (" (target < 50 ms)" if label.startswith("page") else "")
            )
        store.close()


if __name__ == "__main__":
    main()
