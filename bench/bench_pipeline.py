"""Articles per second through the whole pipeline, against the bare spaCy parse.

By default reads the real articles of Timeline17's Libya (Reuters) topic,
``shared/data/t17-libya-reuters/articles.jsonl`` (JSON Lines: id, time,
text), or the JSONL given with ``--corpus``, capped at ``--articles`` records
(default: all), and times, in one run and on the same text:

1. the bare parse: each record cleaned as the pipeline cleans it (a given
   text with its time as the published hint), then ``nlp.parse_many`` over
   the bodies with the same settings (so the same number of worker
   processes): the floor no design beats;
2. the whole pipeline: ``Store.ingest`` of the JSONL into a fresh SQLite
   database (read, clean, store, parse, time, actors, events with the learned
   coder on, as it is by default, store again).

Prints both rates, their ratio (target: the pipeline at >= 0.6 of the bare
parse rate), and the peak memory of all processes together, the bench and
every child (the spaCy workers), sampled every 0.1 s (target: under 2 GB),
beside the peak of this process alone. ``--coder none`` turns the learned
coder off (the trigger lexicon alone) to show what it costs.

The old mode stays: text files given as arguments are repeated to
``--articles`` articles (default 2000), each copy made distinct so that
nothing is deduplicated.

    python bench/bench_pipeline.py [--corpus FILE.jsonl] [--articles N] [--coder none]
    python bench/bench_pipeline.py [--articles 2000] FILE.txt ...
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

from dateline import Store
from dateline.clean import clean
from dateline.models import RawDocument
from dateline.nlp import load_nlp, parse_many
from dateline.settings import load_settings
from dateline.sources.records import FieldMap, record_document

CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "t17-libya-reuters" / "articles.jsonl"
)

MEMORY_TARGET_MB = 2000
RATIO_TARGET = 0.60


def _copies(files: list[Path], count: int, folder: Path) -> list[Path]:
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


def _records(corpus: Path, count: int | None, folder: Path) -> tuple[Path, list[RawDocument]]:
    """The JSONL to ingest (the first ``count`` records of ``corpus``) and its records as
    raw documents, built as ``sources.records`` builds them."""
    lines = [line for line in corpus.read_bytes().splitlines(keepends=True) if line.strip()]
    if count is not None and count < len(lines):
        lines = lines[:count]
        corpus = folder / corpus.name
        corpus.write_bytes(b"".join(lines))
    documents = []
    for number, line in enumerate(lines, start=1):
        item = record_document(
            json.loads(line),
            source=f"{corpus}:{number}",
            fallback_id=f"{corpus.name}:{number}",
            fields=FieldMap(),
        )
        if isinstance(item, RawDocument):
            documents.append(item)
    return corpus, documents


def _children() -> dict[int, list[int]]:
    """Each process id's children, from the ppid field of /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="utf-8", errors="replace") as stat:
                fields = stat.read().rpartition(")")[2].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared with forked workers counted once in all."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler:
    """Peak resident memory of this process and of it with all its descendants,
    sampled every ``interval`` seconds in a background thread.

    The sum of RSS counts pages that forked workers share with this process
    once per process; the sum of PSS splits them, so it is what they occupy.
    ``phase`` names the stage being timed, and each phase keeps its own peak.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_all_kb = 0
        self.peak_self_kb = 0
        self.peak_pss_kb = 0
        self.phase = "setup"
        self.phase_peaks_kb: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        me = os.getpid()
        children = _children()
        pending, total, pss = [me], 0, 0
        while pending:
            pid = pending.pop()
            total += _rss_kb(pid)
            pss += _pss_kb(pid)
            pending.extend(children.get(pid, ()))
        self.peak_all_kb = max(self.peak_all_kb, total)
        self.peak_pss_kb = max(self.peak_pss_kb, pss)
        self.phase_peaks_kb[self.phase] = max(self.phase_peaks_kb.get(self.phase, 0), total)
        self.peak_self_kb = max(self.peak_self_kb, _rss_kb(me))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="text files to repeat (the old mode); default: none"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL of id, time, text")
    parser.add_argument(
        "--articles",
        type=int,
        default=None,
        help="at most this many records of the corpus (default: all), "
        "or this many copies of the files (default: 2000)",
    )
    parser.add_argument(
        "--coder", default=None, help="the coder_model setting, e.g. 'none' (default: as set)"
    )
    args = parser.parse_args()
    settings = load_settings()
    if args.coder is not None:
        settings = settings.replace(coder_model=args.coder)

    with MemorySampler() as memory, tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        if args.files:
            (folder / "in").mkdir()
            paths = _copies(args.files, args.articles or 2000, folder / "in")
            documents = [
                RawDocument(source=str(p), file=p.name, text=p.read_text(encoding="utf-8"))
                for p in paths
            ]
            target = folder / "in"
            described = f"{len(args.files)} file(s) repeated"
        else:
            target, documents = _records(args.corpus, args.articles, folder)
            described = str(args.corpus)
        bodies = [clean(document, settings).body for document in documents]
        load_nlp(settings.spacy_model)  # loading is not parsing

        memory.phase = "bare parse"
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in parse_many(bodies, settings, size_hint=len(bodies)))
        bare = time.perf_counter() - started

        store = Store(settings.replace(db=f"sqlite:///{folder / 'bench.db'}"))
        memory.phase = "whole pipeline"
        started = time.perf_counter()
        report = store.ingest([str(target)])
        whole = time.perf_counter() - started
        events = len(store.events())
        memory.phase = "teardown"

    count = len(bodies)
    ratio = bare / whole
    all_mb = memory.peak_all_kb / 1024
    self_mb = max(
        memory.peak_self_kb / 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    print(f"corpus:             {described}")
    print(
        f"coder:              {settings.coder_model}   (spaCy {settings.spacy_model}, "
        f"n_process {settings.n_process} from {settings.multiprocess_min_texts} texts)"
    )
    print(f"articles:           {count} ({tokens} tokens), {report.summary()}, {events} events")
    print(f"bare spaCy parse:   {count / bare:8.2f} articles/s  ({bare:.1f} s)")
    print(f"whole pipeline:     {count / whole:8.2f} articles/s  ({whole:.1f} s)")
    print(
        f"ratio:              {ratio:8.2f}  (target >= {RATIO_TARGET:.2f}: "
        f"{'met' if ratio >= RATIO_TARGET else 'NOT met'})"
    )
    print(
        f"peak memory, all:   {all_mb:8.0f} MB  (target < {MEMORY_TARGET_MB} MB: "
        f"{'met' if all_mb < MEMORY_TARGET_MB else 'NOT met'}; this process and its children)"
    )
    phases = ", ".join(
        f"{name} {kb / 1024:.0f}"
        for name, kb in memory.phase_peaks_kb.items()
        if name in ("bare parse", "whole pipeline")
    )
    print(f"  by phase (MB):    {phases}")
    print(
        f"peak memory, PSS:   {memory.peak_pss_kb / 1024:8.0f} MB  (all, shared pages counted once)"
    )
    print(f"peak memory, self:  {self_mb:8.0f} MB  (this process alone)")


if __name__ == "__main__":
    main()
