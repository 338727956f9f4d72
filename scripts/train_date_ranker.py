"""Rebuild the shipped date ranker (``src/dateline/knowledge/date_ranker.jsonl``) from ../shared/data.

    python scripts/train_date_ranker.py [--data ../shared/data] [--db-dir /tmp/tls] [--loo]

Ingests each Timeline17 topic of the data folder (``t17-*``; into
``DB_DIR/<topic>.db`` when ``--db-dir`` is given, which later runs reuse)
and fits a logistic regression on every candidate day within each gold
timeline's span, labelled by whether the journalists put it in their
timeline: each topic twice, with its chronology articles kept and removed,
so that the ranker serves corpora from outlets that print none.

Reproducible: the fit is Newton's method on a convex loss, with no random
start and no sampling, so the same data gives the same weights (``SEED``
is recorded for the day sampling might be added). With ``--loo`` it first
prints the leave-one-topic-out table (each topic ranked by weights trained
on the others), which docs/summaries.md quotes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.evaluate.tls import evaluate_topics
from dateline.evaluate.tls_topics import load_topic, train_on
from dateline.knowledge import KNOWLEDGE_DIR
from dateline.settings import load_settings
from dateline.timeline.summary.ranker import RANKER_FILE

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED = 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--db-dir", type=Path, help="keep each topic's database here, and reuse it")
    parser.add_argument("--output", type=Path, default=KNOWLEDGE_DIR / RANKER_FILE)
    parser.add_argument("--loo", action="store_true", help="print the leave-one-topic-out table")
    args = parser.parse_args()
    settings = load_settings()
    folders = sorted(path for path in args.data.glob("t17-*") if path.is_dir())
    if not folders:
        raise SystemExit(f"no t17-* topic folders in {args.data}")
    dbs = [str(args.db_dir / f"{folder.name}.db") if args.db_dir else None for folder in folders]
    if args.db_dir:
        args.db_dir.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    if args.loo:
        print(evaluate_topics(folders, settings, dbs=dbs).table())
    topics = [load_topic(folder, settings, db=db) for folder, db in zip(folders, dbs, strict=True)]
    forms = [form for topic in topics for form in (topic, topic.without_chronologies())]
    ranker = train_on(forms, seed=SEED, chronologies=["kept", "removed"])
    args.output.write_text(
        "".join(json.dumps(record) + "\n" for record in ranker.to_records()), encoding="utf-8"
    )
    print(f"wrote {args.output} ({time.perf_counter() - started:.0f} s)")
    for name, weight in sorted(
        zip(ranker.features, ranker.weights, strict=True), key=lambda pair: -abs(pair[1])
    ):
        print(f"  {name:<30} {weight:+.3f}")


if __name__ == "__main__":
    main()
