"""How analysis time grows with the length of one event-dense record.

Builds one record per size (default 5k, 20k, 40k and 80k words) from varied
sentences in which a few countries attack, accuse, meet and call each other
on a few weekdays, so that one article holds thousands of same-day mentions
of the same countries: what linking within one article must cope with. Each
record is ingested alone (``Store.ingest`` of a one-line JSONL) into a fresh
SQLite database: clean, store, parse, time, actors, events, link, store,
after one small record has loaded the models and the knowledge.

Prints, per size, the seconds, the mentions and events stored, and the
peak memory of this process with all its children (target: under 2 GB);
then the ratio of the largest size's time to that of 20k words (target:
at most 5.5, i.e. close to linear: 4 would be exactly so).

    python bench/bench_scaling.py [--sizes 5000,20000,40000,80000] [--coder none]
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from pathlib import Path

from bench_pipeline import MemorySampler
from sqlalchemy import func, select

from dateline import Store
from dateline.settings import load_settings
from dateline.store.schema import event_mentions
from dateline.store.schema import events as events_table

MEMORY_TARGET_MB = 2000
RATIO_TARGET = 5.5

_SIDES = [
    ("Russian troops", "Ukraine", "Kharkiv"),
    ("Israeli forces", "Hamas", "Gaza"),
    ("Turkish jets", "Kurdish fighters", "Syria"),
    ("Chinese officials", "Taiwan", "Taipei"),
    ("Indian soldiers", "Pakistan", "Kashmir"),
    ("Ethiopian troops", "Tigray rebels", "Mekelle"),
]
_DAYS = ["Monday", "Tuesday", "Wednesday"]
_TEMPLATES = [
    "{actor} shelled {place} on {day}, killing {n} people.",
    "{target} accused {country} of war crimes on {day}.",
    "The foreign minister of {country} met his counterpart from {target} on {day}.",
    "{target} said {actor} attacked a convoy near {place} on {day}.",
    "Officials in {country} condemned the strike on {place} on {day}.",
    "{actor} arrested {n} protesters in {place} on {day}.",
    "The president of {country} spoke by phone with the leader of {target} on {day}.",
    "{target} called for talks with {country} on {day}.",
]
_COUNTRY = {
    "Russian troops": "Russia",
    "Israeli forces": "Israel",
    "Turkish jets": "Turkey",
    "Chinese officials": "China",
    "Indian soldiers": "India",
    "Ethiopian troops": "Ethiopia",
}


def event_dense_text(words: int) -> str:
    """About ``words`` words of varied event sentences, ten to a paragraph."""
    sentences = []
    count = 0
    combos = itertools.product(_TEMPLATES, _SIDES, _DAYS)
    for number, (template, (actor, target, place), day) in enumerate(itertools.cycle(combos)):
        sentence = template.format(
            actor=actor,
            target=target,
            place=place,
            day=day,
            country=_COUNTRY[actor],
            n=number % 40 + 2,
        )
        sentences.append(sentence)
        count += len(sentence.split())
        if count >= words:
            break
    paragraphs = [" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]
    return "\n\n".join(paragraphs)


def _ingest_one(words: int, folder: Path, coder: str | None) -> tuple[float, int, int]:
    """Seconds to ingest one record of ``words`` words, and the mentions and events it gave."""
    settings = load_settings()
    if coder is not None:
        settings = settings.replace(coder_model=coder)
    corpus = folder / f"record-{words}.jsonl"
    record = {"id": f"dense-{words}", "time": "2022-03-10", "text": event_dense_text(words)}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    store = Store(settings.replace(db=f"sqlite:///{folder / f'bench-{words}.db'}"))
    started = time.perf_counter()
    store.ingest([str(corpus)])
    seconds = time.perf_counter() - started
    with store.engine.connect() as connection:
        mentions = connection.execute(select(func.count()).select_from(event_mentions)).scalar_one()
        events = connection.execute(select(func.count()).select_from(events_table)).scalar_one()
    store.close()
    return seconds, mentions, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000,40000,80000", help="words per record")
    parser.add_argument("--coder", default=None, help="the coder_model setting, e.g. 'none'")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder_name:
        _ingest_one(500, Path(folder_name), args.coder)  # loads the models and knowledge
        for words in sizes:
            with MemorySampler() as memory:
                seconds, mentions, events = _ingest_one(words, Path(folder_name), args.coder)
            times[words] = seconds
            peak = memory.peak_all_kb / 1024
            print(
                f"{words:>7} words: {seconds:8.1f} s  {mentions:6} mentions  {events:6} events  "
                f"peak {peak:6.0f} MB ({'under' if peak < MEMORY_TARGET_MB else 'OVER'} "
                f"{MEMORY_TARGET_MB} MB)"
            )
    largest = max(sizes)
    if 20000 in times and largest != 20000:
        ratio = times[largest] / times[20000]
        verdict = "met" if ratio <= RATIO_TARGET * largest / 80000 else "NOT met"
        print(
            f"ratio {largest // 1000}k/20k: {ratio:.2f}  (target <= {RATIO_TARGET} at 80k: {verdict})"
        )


if __name__ == "__main__":
    main()
