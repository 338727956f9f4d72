"""How much the time stage adds to the spaCy parse of the same text.

Parses the seed articles (or the files given), repeated, with the model of
the ``spacy_model`` setting, then times ``tag_doc`` on the same docs and
prints both and their ratio. Target: under 15%.

    PYTHONPATH=src python bench/bench_time.py [--repeat 20] [FILE ...]
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from dateline.nlp import load_nlp, parse_many
from dateline.settings import load_settings
from dateline.time import tag_doc

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FALLBACK = (
    "KYIV - Ukrainian forces said on Tuesday they had pushed Russian troops back from "
    "two villages near Kharkiv, a day after heavy shelling. The offensive began in "
    "late August 2022 and, officials said, could last for several more months. "
    "Talks in Istanbul in March 2022 broke down within weeks."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paths = args.files or sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths] or [FALLBACK]
    texts = texts * args.repeat
    settings = load_settings({"n_process": 1})
    load_nlp(settings.spacy_model)("warm up")
    tag_doc(load_nlp(settings.spacy_model)("Warm up on Monday."), date(2020, 1, 1))

    started = time.perf_counter()
    docs = list(parse_many(texts, settings))
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    found = sum(len(tag_doc(doc, date(2021, 1, 1))) for doc in docs)
    time_seconds = time.perf_counter() - started

    chars = sum(map(len, texts))
    print(f"texts           {len(texts)} ({chars:,} characters)")
    print(f"spaCy parse     {parse_seconds:.3f} s")
    print(f"time stage      {time_seconds:.3f} s ({found} expressions)")
    print(f"ratio           {time_seconds / parse_seconds:.1%} (target < 15%)")


if __name__ == "__main__":
    main()
