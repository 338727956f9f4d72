"""Linking in the store: any order of arrival gives the same events, and relink agrees."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from dateline.actors import Actor
from dateline.models import Event, Evidence
from dateline.places.values import Place
from dateline.store import open_engine
from dateline.store.linking import lock_links, relink, save_mentions
from dateline.store.schema import articles, event_actors, event_mentions, events

CODES = ["UKR", "RUS", "USA", "FRA", "TUR"]
TYPES = ["CONSULT", "ASSAULT", "AGREE", "SUPPORT", "COERCE"]
WORDS = [
    "talks",
    "ceasefire",
    "border",
    "shelling",
    "grain",
    "deal",
    "envoy",
    "strike",
    "drones",
    "port",
    "summit",
]
START = date(2023, 3, 1)


def _corpus(
    seed: int, articles_count: int = 14, per_article: int = 4
) -> list[tuple[str, list[Event]]]:
    """Articles of mentions drawn so that many share actors, days and wording."""
    rng = random.Random(seed)
    corpus = []
    for number in range(articles_count):
        doc = f"doc{number:02d}"
        published = (START + timedelta(days=rng.randrange(12))).isoformat()
        mentions = []
        for position in range(per_article):
            named = rng.random() > 0.2
            actors = tuple(Actor(c, "GOV") for c in rng.sample(CODES, 2)) if named else ()
            day = START + timedelta(days=rng.randrange(12))
            long = rng.random() < 0.15
            sentence = " ".join(rng.sample(WORDS, 4)) + "."
            mentions.append(
                Event(
                    id=f"{doc}-{position}",
                    type=rng.choice(TYPES),
                    mode=rng.choice([None, None, "phone", "visit"]),
                    actors=actors[:1] if rng.random() < 0.5 else actors,
                    recipients=actors[1:] if rng.random() < 0.5 else (),
                    date=day.isoformat(),
                    date_end=(day + timedelta(days=20)).isoformat() if long else None,
                    date_precision="day",
                    date_source=rng.choice(["expression", "expression", "published"]),
                    status="occurred",
                    mentions=(
                        Evidence(
                            doc=doc,
                            file=f"{doc}.txt",
                            sentence=sentence,
                            start=position * 100,
                            end=position * 100 + len(sentence),
                            published=published,
                        ),
                    ),
                    confidence=0.8,
                )
            )
        corpus.append((doc, mentions))
    return corpus


def _store(tmp_path, name: str):
    return open_engine(f"sqlite:///{tmp_path / name}")


def _add(engine, doc: str, mentions: list[Event]) -> None:
    with engine.begin() as connection:
        lock_links(connection)
        connection.execute(
            articles.insert().values(
                id=doc,
                file=f"{doc}.txt",
                source=f"{doc}.txt",
                body="x",
                published=mentions[0].mentions[0].published,
                ingested_at=datetime.now(UTC),
                seq=0,
            )
        )
        save_mentions(connection, {doc: mentions})


def _snapshot(engine) -> set[tuple]:
    """Every event: its id, fields, actors and mentions."""
    with engine.connect() as connection:
        told: dict[str, list[str]] = {}
        for key, event_id in connection.execute(
            select(event_mentions.c.id, event_mentions.c.event_id)
        ):
            if event_id is not None:
                told.setdefault(event_id, []).append(key)
        rows = connection.execute(select(events)).mappings().all()
        actors = connection.execute(select(event_actors)).mappings().all()
    cast = {}
    for row in actors:
        cast.setdefault(row["event_id"], []).append((row["role"], row["position"], row["code"]))
    return {
        (
            row["id"],
            row["type"],
            row["mode"],
            row["date"],
            row["date_end"],
            row["status"],
            row["confidence"],
            row["sources"],
            tuple(sorted(told.get(row["id"], []))),
            tuple(sorted(cast.get(row["id"], []))),
        )
        for row in rows
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_of_articles_gives_the_same_events(tmp_path, seed):
    corpus = _corpus(seed)
    orders = [corpus, corpus[::-1], random.Random(seed).sample(corpus, len(corpus))]
    snapshots = []
    for number, order in enumerate(orders):
        engine = _store(tmp_path, f"order{number}.db")
        for doc, mentions in order:
            _add(engine, doc, mentions)
        snapshots.append(_snapshot(engine))
        engine.dispose()
    assert snapshots[0] == snapshots[1] == snapshots[2]
    # The corpus is linked at all: some events have several mentions, some merge articles.
    sizes = [len(event[8]) for event in snapshots[0]]
    assert max(sizes) > 2 and len(snapshots[0]) < sum(len(m) for _, m in corpus)


@pytest.mark.parametrize("seed", [4, 5])
def test_relink_rebuilds_the_same_events_and_is_idempotent(tmp_path, seed):
    engine = _store(tmp_path, "relink.db")
    for doc, mentions in _corpus(seed):
        _add(engine, doc, mentions)
    incremental = _snapshot(engine)
    for _ in range(2):
        with engine.begin() as connection:
            lock_links(connection)
            report = relink(connection)
        assert _snapshot(engine) == incremental
    assert report.events == len(incremental)


def test_a_mention_naming_no_actor_joins_the_event_it_corroborates_whenever_it_comes(tmp_path):
    war = Event(
        id="w1",
        type="ASSAULT",
        mode=None,
        actors=(Actor("SDN", "MIL"), Actor("SDN", "REB")),
        recipients=(),
        date="2023-04-15",
        date_end="2023-11-30",
        date_precision="day",
        date_source="expression",
        status="occurred",
        mentions=(
            Evidence("a", "a.txt", "War raged in Khartoum from April 15 until November.", 0, 50),
        ),
        place=Place("Khartoum"),
    )
    vague = Event(
        id="v1",
        type="ASSAULT",
        mode=None,
        actors=(),
        recipients=(),
        date="2023-04-01",
        date_end="2023-04-30",
        date_precision="month",
        date_source="expression",
        status="occurred",
        mentions=(Evidence("b", "b.txt", "In April 2023, war raged in Khartoum.", 0, 40),),
        place=Place("Khartoum"),  # naming no one, it joins across articles only at one place
    )
    results = []
    for number, order in enumerate(
        ([("a", [war]), ("b", [vague])], [("b", [vague]), ("a", [war])])
    ):
        engine = _store(tmp_path, f"unnamed{number}.db")
        for doc, mentions in order:
            _add(engine, doc, mentions)
        results.append(_snapshot(engine))
    assert results[0] == results[1]
    [event] = results[0]
    assert event[8] == ("v1", "w1")
