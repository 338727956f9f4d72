"""Candidate retrieval: the store's SQL lookups answer as the in-memory ones do.

Linking owns the questions (:mod:`dateline.link.retrieval`); the store only
answers them. On random stored mentions, :class:`SqlCandidates` and
:class:`MemoryCandidates` must return the same mentions for every lookup, and
:func:`gather` the same stored mentions for random new ones: otherwise the
outcome of linking would depend on where the mentions are kept.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.actors import UNKNOWN_CODE, Actor
from dateline.link.retrieval import MemoryCandidates, Stored, gather
from dateline.models import Event, Evidence
from dateline.store import open_engine
from dateline.store.linking import SqlCandidates, lock_links, save_mentions
from dateline.store.rows import mention_from_row, mentions_query
from dateline.store.schema import articles

START = date(2023, 3, 1)
TYPES = ["ASSAULT", "COERCE", "CONSULT", "AGREE", "SUPPORT"]
WORDS = ["talks", "ceasefire", "border", "shelling", "grain", "deal", "envoy", "strike"]

_actor = st.builds(
    Actor,
    st.sampled_from(["UKR", "RUS", "USA", "FRA", UNKNOWN_CODE]),
    st.sampled_from([None, "GOV", "MIL"]),
)


@st.composite
def mentions(draw: st.DrawFn, doc: str, position: int) -> Event:
    """One mention of article ``doc``: any mix of actors, a day span of 0 to 12 days
    (short and long ones), or none, dated by the text or by publication."""
    first = START + timedelta(days=draw(st.integers(0, 20)))
    length = draw(st.sampled_from([0, 0, 0, 1, 3, 8, 12]))
    dated = draw(st.booleans()) or draw(st.booleans())
    sentence = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))) + "."
    return Event(
        id=f"{doc}-{position}",
        type=draw(st.sampled_from(TYPES)),
        mode=None,
        actors=tuple(draw(st.lists(_actor, max_size=2))),
        recipients=tuple(draw(st.lists(_actor, max_size=1))),
        date=first.isoformat() if dated else None,
        date_end=(first + timedelta(days=length)).isoformat() if dated and length else None,
        date_precision="day",
        date_source=draw(st.sampled_from(["expression", "expression", "published"])),
        status="occurred",
        mentions=(
            Evidence(
                doc=doc,
                file=f"{doc}.txt",
                sentence=sentence,
                start=position * 100,
                end=position * 100 + len(sentence),
                published=START.isoformat(),
            ),
        ),
        confidence=0.8,
    )


@st.composite
def articles_of_mentions(draw: st.DrawFn, prefix: str, most: int) -> list[list[Event]]:
    """One to ``most`` articles of one to five mentions each."""
    corpus = []
    for number in range(draw(st.integers(1, most))):
        size = draw(st.integers(1, 5))
        corpus.append([draw(mentions(f"{prefix}{number}", position)) for position in range(size)])
    return corpus


def _stored_in(folder: Path, corpus: list[list[Event]]):
    """A database holding ``corpus`` (one article per list, linked as it is saved)."""
    engine = open_engine(f"sqlite:///{folder / 'candidates.db'}")
    for found in corpus:
        doc = found[0].mentions[0].doc
        with engine.begin() as connection:
            lock_links(connection)
            connection.execute(
                articles.insert().values(
                    id=doc,
                    file=f"{doc}.txt",
                    source=f"{doc}.txt",
                    body="x",
                    published=START.isoformat(),
                    ingested_at=datetime.now(UTC),
                    seq=0,
                )
            )
            save_mentions(connection, {doc: found})
    return engine


def _ids(found: list[Stored]) -> list[tuple[str, str | None, str | None]]:
    return sorted((s.mention.id, s.event_id, s.region) for s in found)


_query = st.tuples(
    st.one_of(st.none(), st.frozensets(st.sampled_from(["UKR", "RUS", "USA", "FRA"]))),
    st.frozensets(st.sampled_from(TYPES), min_size=1),
    st.integers(-3, 24),
    st.integers(0, 10),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    corpus=articles_of_mentions("stored", 4),
    new=articles_of_mentions("new", 2),
    queries=st.lists(_query, min_size=1, max_size=4),
)
def test_retrieval_sql_and_memory_give_the_same_candidates(corpus, new, queries):
    with tempfile.TemporaryDirectory() as folder:
        engine = _stored_in(Path(folder), corpus)
        with engine.connect() as connection:
            everything = [
                Stored(mention_from_row(row), row["event_id"], row["region"])
                for row in connection.execute(mentions_query()).mappings()
            ]
            memory = MemoryCandidates(everything)
            sql = SqlCandidates(connection)
            for codes, types, offset, length in queries:
                first = START + timedelta(days=offset)
                last = first + timedelta(days=length)
                assert _ids(sql.named(codes, types, first, last)) == _ids(
                    memory.named(codes, types, first, last)
                )
                for source in ("expression", "published"):
                    assert _ids(sql.unnamed(types, first, last, date_source=source)) == _ids(
                        memory.unnamed(types, first, last, date_source=source)
                    )
            regions = {s.region for s in everything if s.region is not None}
            assert _ids(sql.in_regions(regions)) == _ids(memory.in_regions(regions))
            arriving = [m for found in new for m in found]
            assert _ids(gather(SqlCandidates(connection), arriving)) == _ids(
                gather(memory, arriving)
            )
        engine.dispose()


def test_retrieval_named_finds_a_long_mention_that_started_before_the_window(tmp_path):
    """A mention lasting weeks is found by a day near its end, as the rules need."""
    long = Event(
        id="a-0",
        type="ASSAULT",
        mode=None,
        actors=(Actor("RUS", "MIL"),),
        recipients=(Actor("UKR"),),
        date=START.isoformat(),
        date_end=(START + timedelta(days=30)).isoformat(),
        date_precision="day",
        date_source="expression",
        status="occurred",
        mentions=(Evidence(doc="a", file="a.txt", sentence="shelling.", start=0, end=9),),
        confidence=0.8,
    )
    engine = _stored_in(tmp_path, [[long]])
    day = START + timedelta(days=29)
    with engine.connect() as connection:
        found = SqlCandidates(connection).named({"UKR"}, {"ASSAULT"}, day, day)
        assert [s.mention.id for s in found] == ["a-0"]
        assert SqlCandidates(connection).named({"UKR"}, {"CONSULT"}, day, day) == []
    engine.dispose()
