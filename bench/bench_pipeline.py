"""Articles per second through the whole pipeline, against the bare spaCy parse.

Reads the seed articles (or the files given), repeats them to ``--articles``
articles (each copy made distinct so that nothing is deduplicated), and
times, in one run:

1. the bare parse: ``nlp.pipe`` over the bodies, the floor no design beats;
2. the whole pipeline: ``dateline ingest`` into a fresh SQLite database
   (read, clean, store, parse, time, actors, events, store again).

Prints both rates, their ratio (target: the pipeline at >= 0.7 of the bare
parse rate) and the peak memory of the process (target: under 1.5 GB).

    python bench/bench_pipeline.py [--articles 2000] [FILE ...]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from dateline import Store
from dateline.clean import clean
from dateline.models import RawDocument
from dateline.nlp import load_nlp, parse_many
from dateline.settings import load_settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dateline" / "samples" / "text"


def _corpus(files: list[Path], count: int, folder: Path) -> list[Path]:
    texts = [path.read_text(encoding="utf-8") for path in files]
    written = []
    for number in range(count):
        path = folder / f"{number:05d}_{files[number % len(files)].name}"
        path.write_text(_distinct(texts[number % len(texts)], number), encoding="utf-8")
        written.append(path)
    return written


def _distinct(text: str, number: int) -> str:
    """The text with a short sentence added to its longest paragraph, so that each copy
    gets its own id without changing its parse much."""
    paragraphs = text.split("\n")
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    paragraphs[longest] += f" This is copy {number}."
    return "\n".join(paragraphs)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    files = args.files or sorted(SEEDS.glob("*.txt")) or sorted(SAMPLES.glob("*.txt"))
    settings = load_settings()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        (folder / "in").mkdir()
        paths = _corpus(files, args.articles, folder / "in")
        bodies = [
            clean(RawDocument(source=str(p), file=p.name, text=p.read_text()), settings).body
            for p in paths
        ]
        load_nlp(settings.spacy_model)  # loading is not parsing

        started = time.perf_counter()
        tokens = sum(len(doc) for doc in parse_many(bodies, settings, size_hint=len(bodies)))
        bare = time.perf_counter() - started

        store = Store(settings.replace(db=f"sqlite:///{folder / 'bench.db'}"))
        started = time.perf_counter()
        report = store.ingest([str(folder / "in")])
        whole = time.perf_counter() - started
        events = len(store.events())

    count = len(paths)
    print(f"articles:           {count} ({tokens} tokens), {report.summary()}, {events} events")
    print(f"bare spaCy parse:   {count / bare:8.1f} articles/s  ({bare:.1f} s)")
    print(f"whole pipeline:     {count / whole:8.1f} articles/s  ({whole:.1f} s)")
    print(f"ratio:              {bare / whole:8.2f}  (target >= 0.70)")
    print(f"peak memory:        {_peak_mb():8.0f} MB  (target < 1500 MB; this process only)")


if __name__ == "__main__":
    main()
