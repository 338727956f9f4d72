"""Linking cost against parsing cost, on a synthetic corpus of 10,000 articles.

Builds ``--articles`` articles' worth of coded event mentions (``--per``
each: random PLOVER types, actor pairs among 60 countries, dates over two
years, sentences from a small vocabulary, a share of them re-reporting
earlier events), then links and stores them through the same code the
ingest uses (``store.queries.save_analyses``, ``--batch`` articles a
transaction, as many as the ingest stores at once by default; ``--batch 1``
links one article at a time). Prints the time, against the
time spaCy takes to parse the same number of articles (measured on the seed
articles). Linking looks candidates up by indexed type and date, so its
cost grows with the corpus, not with its square.

    python bench/bench_link.py [--articles 10000] [--per 8] [--batch 50]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.actors import Actor
from dateline.analysis import SAVE_BATCH
from dateline.models import Article, ArticleAnalysis, Event, Evidence
from dateline.nlp import load_nlp, parse_many
from dateline.settings import load_settings
from dateline.store import open_engine
from dateline.store.queries import add_articles, save_analyses

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
TYPES = ["CONSULT", "AGREE", "SUPPORT", "ASSAULT", "PROTEST", "REQUEST", "ACCUSE", "RETREAT"]
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
]
COUNTRIES = [f"C{n:02d}" for n in range(60)]


def _events(article: Article, rng: random.Random, per: int, day0: date) -> list[Event]:
    events = []
    for number in range(per):
        a, b = rng.sample(COUNTRIES, 2)
        day = day0 + timedelta(days=rng.randrange(730))
        sentence = " ".join(rng.choices(WORDS, k=12))
        events.append(
            Event(
                id=f"{article.id}{number:04d}",
                type=rng.choice(TYPES),
                mode=None,
                actors=(Actor(a, "GOV"),),
                recipients=(Actor(b, "GOV"),),
                date=day.isoformat(),
                date_end=None,
                date_precision="day",
                date_source=rng.choice(["expression", "expression", "published"]),
                status="occurred",
                mentions=(
                    Evidence(
                        doc=article.id,
                        file=article.file,
                        sentence=sentence,
                        start=0,
                        end=len(sentence),
                    ),
                ),
                confidence=0.7,
            )
        )
    return events


def _parse_rate() -> float:
    settings = load_settings()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 8
    if not texts:
        raise SystemExit(f"no seed articles in {SEEDS}")
    load_nlp(settings.spacy_model)
    started = time.perf_counter()
    for _doc in parse_many(texts, settings, size_hint=len(texts)):
        pass
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per", type=int, default=8, help="event mentions per article")
    parser.add_argument(
        "--batch", type=int, default=SAVE_BATCH, help="articles stored and linked at once"
    )
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(str(Path(folder) / "link.db"))
        articles = [
            Article(id=f"{n:012x}", file=f"{n}.txt", source="bench", body="x")
            for n in range(args.articles)
        ]
        with engine.begin() as connection:
            add_articles(connection, articles)
        analysed = [
            (
                article.id,
                ArticleAnalysis(_events(article, rng, args.per, date(2022, 1, 1)), [], [], []),
            )
            for article in articles
        ]
        started = time.perf_counter()
        for start in range(0, len(analysed), args.batch):
            with engine.begin() as connection:
                save_analyses(connection, analysed[start : start + args.batch])
        linking = time.perf_counter() - started
    rate = _parse_rate()
    parsing = args.articles / rate
    mentions = args.articles * args.per
    print(f"articles: {args.articles}, event mentions: {mentions}, {args.batch} a transaction")
    print(f"link + store:     {linking:8.1f} s  ({mentions / linking:,.0f} mentions/s)")
    print(f"spaCy parse:      {parsing:8.1f} s  (estimated at {rate:.1f} articles/s)")
    print(f"linking / parse:  {linking / parsing:8.2f}")


if __name__ == "__main__":
    main()
