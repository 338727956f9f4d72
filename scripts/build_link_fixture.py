"""Build the PLOVER part of the linking development set (``tests/fixtures/link/plover_dev.jsonl``).

    python scripts/build_link_fixture.py [--data ../shared/data] [--published 2019-06-15]

The development fifth of the PLOVER training sentences (the one
:func:`~dateline.coder.labels.development_split` holds out from training)
becomes one record a sentence, all with one publication day, each its own
cluster: no two different sentences of the set report one act, so any event
joining two of them is a false merge (EVALUATION.md section 2d). Sentences
whose text occurs twice are kept once.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dateline.coder.labels import development_split, read_labels

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "link" / "plover_dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--published", default="2019-06-15")
    parser.add_argument("--out", type=Path, default=OUT)
    arguments = parser.parse_args()
    items = development_split(read_labels(arguments.data / "plover-train" / "plv_train.jsonl"))[1]
    seen: set[str] = set()
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    with arguments.out.open("w", encoding="utf-8") as out:
        for item in sorted(items, key=lambda item: item.id):
            if item.sentence in seen:
                continue
            seen.add(item.sentence)
            record = {
                "id": item.id,
                "text": item.sentence,
                "published": arguments.published,
                "cluster": item.id,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(seen)} sentences -> {arguments.out}")


if __name__ == "__main__":
    main()
