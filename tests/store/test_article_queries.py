"""What the analysis stored about an article, read back: its actor mentions and time
expressions in text order, the actor mentions inside given sentences; and the table of
time expressions appearing in a database written before it existed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest

from dateline.actors import Actor, ActorMention
from dateline.models import Article, article_id
from dateline.store import open_engine
from dateline.store.article_queries import actor_mentions_within
from dateline.store.event_queries import article
from dateline.store.queries import add_articles, save_analysis
from dateline.time import TimeValue

BODY = (
    "ADDIS ABABA - Ethiopian Prime Minister Abiy Ahmed met Eritrean President Isaias "
    "Afwerki in Asmara on Sunday, July 8, 2018. The two leaders signed a declaration "
    "ending two decades of war the next day."
)
SECOND = BODY.index("The two")


def _at(text: str, after: int = 0) -> tuple[int, int]:
    start = BODY.index(text, after)
    return start, start + len(text)


ABIY = Actor("ETH", "GOV", "Abiy Ahmed", "Prime Minister")
ISAIAS = Actor("ERI", "GOV", "Isaias Afwerki", "President")
MENTIONS = [
    ActorMention("Ethiopian Prime Minister Abiy Ahmed", *_at("Ethiopian"), ABIY, "knowledge"),
    ActorMention("Eritrean President Isaias Afwerki", *_at("Eritrean"), ISAIAS, "knowledge"),
    ActorMention("Asmara", *_at("Asmara"), Actor("ERI", "GOV"), "metonym", 0, True),
    ActorMention("The two leaders", *_at("The two leaders"), ABIY, "group", 1),
    ActorMention("The two leaders", *_at("The two leaders"), ISAIAS, "group", 1),
]
TIMES = [
    TimeValue(
        "Sunday, July 8, 2018",
        *_at("Sunday, July 8, 2018"),
        "DATE",
        "2018-07-08",
        date(2018, 7, 8),
        date(2018, 7, 8),
        "day",
        "absolute",
    ),
    TimeValue("two decades", *_at("two decades"), "DURATION", "P20Y"),
    TimeValue(
        "the next day",
        *_at("the next day"),
        "DATE",
        "2018-07-09",
        date(2018, 7, 9),
        date(2018, 7, 9),
        "day",
        "passage",
    ),
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'articles.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = open_engine(url)
    yield engine
    engine.dispose()


def _stored(engine, *, times=TIMES) -> str:
    item = Article(id=article_id(BODY), file="asmara.txt", source="/in/asmara.txt", body=BODY)
    with engine.begin() as connection:
        add_articles(connection, [item])
        # Given out of order: they come back in text order (those of one phrase as given).
        mentions = MENTIONS[2:] + MENTIONS[:2]
        assert save_analysis(connection, item.id, mentions, [], [], [], times[::-1])
    return item.id


def test_article_queries_an_article_comes_with_its_actors_and_time_expressions(engine):
    key = _stored(engine)
    with engine.connect() as connection:
        found = article(connection, key)
    assert found is not None and found.mentions == ()
    assert [(m.text, m.actor.name, m.how, m.is_place) for m in found.actors] == [
        (m.text, m.actor.name, m.how, m.is_place) for m in MENTIONS
    ]
    assert found.actors[0] == MENTIONS[0]
    assert found.times == tuple(TIMES)  # every field read back as it was written
    for value in found.times:
        assert BODY[value.start_char : value.end_char] == value.text


def test_article_queries_actor_mentions_within_sentences(engine):
    key = _stored(engine)
    first, second = (key, 0, SECOND - 1), (key, SECOND, len(BODY))
    with engine.connect() as connection:
        found = actor_mentions_within(connection, [first, second, first, ("nope", 0, 9)])
    # Places are left out; each sentence gets the mentions wholly inside it.
    assert [m.actor.name for m in found[first]] == ["Abiy Ahmed", "Isaias Afwerki"]
    assert [(m.text, m.actor.name) for m in found[second]] == [
        ("The two leaders", "Abiy Ahmed"),
        ("The two leaders", "Isaias Afwerki"),
    ]
    assert found[("nope", 0, 9)] == []


def test_article_queries_a_database_without_the_time_table_gets_it_when_opened(tmp_path):
    path = tmp_path / "older.db"
    engine = open_engine(str(path))
    key = _stored(engine, times=[])
    engine.dispose()
    # As a release before time expressions left it: schema 2, no such table.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DROP TABLE time_expressions")
        connection.commit()
    engine = open_engine(str(path), create=False)
    with engine.connect() as connection:
        found = article(connection, key)
    assert found is not None and found.times == () and len(found.actors) == len(MENTIONS)
    with engine.begin() as connection:
        other = Article(id=article_id(BODY + " More."), file="b.txt", source="b", body=BODY)
        add_articles(connection, [other])
        save_analysis(connection, other.id, [], [], [], [], TIMES)
    with engine.connect() as connection:
        assert article(connection, other.id).times == tuple(TIMES)
    engine.dispose()
