"""Linking mentions into events: one happening once, distinct happenings apart."""

from __future__ import annotations

import importlib
from dataclasses import replace

import pytest

from dateline import Store
from dateline.actors import Actor
from dateline.link import assemble, group_mentions, merge_mentions, retrieval
from dateline.link.rules import corroboration, match_score
from dateline.models import Event, Evidence
from dateline.places.values import Place
from dateline.settings import Settings

KEN, ETH = (
    Actor("KEN", "GOV", "William Ruto", "President"),
    Actor("ETH", "GOV", "Abiy Ahmed", "Prime Minister"),
)
SDN, SDN_REB = Actor("SDN", "MIL"), Actor("SDN", "REB")
USA = Actor("USA", "GOV")


def _mention(
    key: str,
    type_: str,
    actors,
    date: str,
    *,
    doc: str = "a1",
    sentence: str = "",
    mode: str | None = None,
    recipients=(),
    source: str = "expression",
    outlet: str | None = None,
    date_end: str | None = None,
    precision: str = "day",
    place: str | None = None,
) -> Event:
    return Event(
        id=key,
        type=type_,
        mode=mode,
        actors=tuple(actors),
        recipients=tuple(recipients),
        date=date,
        date_end=date_end,
        date_precision=precision,
        date_source=source,
        status="occurred",
        mentions=(
            Evidence(
                doc=doc,
                file=f"{doc}.txt",
                sentence=sentence,
                start=0,
                end=len(sentence),
                outlet=outlet,
            ),
        ),
        confidence=0.8,
        place=Place(place) if place else None,
    )


def _together(mention: Event, *others: Event) -> bool:
    """Whether linking puts ``mention`` in one event with any of ``others``."""
    groups, _ = group_mentions([*others, mention])
    return any(mention in found and len(found) > 1 for found in groups.values())


CALL = "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed spoke by phone on Monday about the drought."


def test_link_one_call_told_by_two_outlets_is_one_event():
    first = _mention("m1", "CONSULT", [KEN, ETH], "2023-03-06", mode="phone", sentence=CALL)
    second = _mention(
        "m2",
        "CONSULT",
        [ETH, KEN],
        "2023-03-06",
        doc="b7",
        outlet="Addis Standard",
        sentence="Abiy and Ruto held a telephone conversation on March 6 on the drought in the region.",
    )
    assert _together(second, first)


def test_link_three_calls_on_three_dates_stay_three_events():
    known = (
        _mention("m1", "CONSULT", [KEN, ETH], "2023-03-06", mode="phone", sentence=CALL),
        _mention("m2", "CONSULT", [KEN, ETH], "2023-05-19", mode="phone", sentence=CALL),
    )
    third = _mention(
        "m3", "CONSULT", [KEN, ETH], "2023-09-02", mode="phone", doc="c3", sentence=CALL
    )
    assert len(assemble([*known, third])) == 3


def test_link_a_mention_dated_by_its_publication_joins_the_event_it_describes():
    talks = _mention(
        "m1",
        "CONSULT",
        [SDN, SDN_REB],
        "2023-05-06",
        recipients=[],
        sentence="Envoys of Sudan's army and the Rapid Support Forces met in Jeddah on Saturday for talks.",
    )
    later = _mention(
        "m2",
        "CONSULT",
        [SDN, SDN_REB],
        "2023-05-08",
        source="published",
        doc="z9",
        sentence="The Jeddah talks between Sudan's army and the Rapid Support Forces continued.",
    )
    unrelated = _mention(
        "m3",
        "CONSULT",
        [SDN, SDN_REB],
        "2023-05-08",
        source="published",
        doc="z8",
        sentence="Army officers said the paramilitaries shelled a hospital in El Fasher overnight.",
    )
    assert _together(later, talks)
    assert not _together(unrelated, talks)


def test_link_a_vague_mention_naming_no_one_joins_the_lasting_event_it_overlaps():
    war = _mention(
        "m1",
        "ASSAULT",
        [SDN, SDN_REB],
        "2023-04-15",
        date_end="2023-11-30",
        place="Khartoum",
        sentence="The war between Sudan's army and the Rapid Support Forces raged in Khartoum "
        "from April 15 until November.",
    )
    vague = _mention(
        "m2",
        "ASSAULT",
        [],
        "2023-04-01",
        date_end="2023-04-30",
        precision="month",
        doc="b2",
        place="Khartoum",
        sentence="In April 2023, fighting erupted in Khartoum.",
    )
    shelling = _mention(
        "m3",
        "ASSAULT",
        [SDN],
        "2023-04-20",
        doc="c3",
        sentence="The army shelled Khartoum on April 20 as the fighting went on.",
    )
    assert _together(vague, war)
    # Naming no one, it joins only in its own article or at the same place.
    elsewhere = replace(vague, place=Place("Omdurman"))
    assert not _together(elsewhere, war)
    # A month is too vague to say which one-day act it tells of.
    assert not _together(vague, shelling)
    # The record keeps the days the text gives over the month.
    merged = merge_mentions([vague, war])
    assert (merged.date, merged.date_end) == ("2023-04-15", "2023-11-30")


def test_link_phone_and_visit_in_one_article_are_two_events():
    call = _mention("m1", "CONSULT", [KEN, ETH], "2023-03-06", mode="phone", sentence=CALL)
    visit = _mention(
        "m2",
        "CONSULT",
        [KEN],
        "2023-03-06",
        mode="visit",
        recipients=[ETH],
        sentence="Kenya's foreign minister held talks in Addis Ababa on Monday.",
    )
    assert not _together(visit, call)


def test_link_an_apology_is_not_the_ceasefire_beside_it():
    ceasefire = _mention(
        "m1", "AGREE", [SDN, SDN_REB], "2023-05-20", sentence="The sides agreed a ceasefire."
    )
    apology = _mention("m2", "CONCEDE", [SDN], "2023-05-20", mode="apologize", recipients=[SDN_REB])
    assert not _together(apology, ceasefire)


def test_link_an_attack_on_other_victims_is_another_event():
    operation = _mention("m1", "ASSAULT", [SDN], "2023-06-01", recipients=[ETH])
    other = _mention("m2", "ASSAULT", [SDN], "2023-06-01", recipients=[USA], doc="q1")
    assert not _together(other, operation)


def test_link_merge_keeps_every_source_and_their_disagreements():
    first = _mention(
        "m1", "CONSULT", [KEN, ETH], "2023-03-06", mode="phone", sentence=CALL, outlet="Nation"
    )
    second = _mention(
        "m2",
        "CONSULT",
        [ETH, KEN],
        "2023-03-07",
        mode="visit",
        doc="b7",
        outlet="Addis Standard",
        sentence="Ruto met Abiy on March 7.",
    )
    undated = _mention(
        "m3", "CONSULT", [KEN], "2023-03-09", source="published", doc="c1", outlet="Nation"
    )
    event = merge_mentions([undated, first, second])
    assert event.date == "2023-03-06" and event.date_source == "expression"
    assert [a.code for a in event.actors] == ["KEN", "ETH"]
    assert len(event.mentions) == 3 and event.sources == 2
    assert any(
        d.startswith("date: 2023-03-06 (a1.txt) | 2023-03-07 (b7.txt)") for d in event.disagreements
    )
    assert any(d.startswith("mode: ") for d in event.disagreements)


JEDDAH_A = (
    "Sudan talks open in Jeddah\n\n"
    "JEDDAH, May 6 (Reuters) - Envoys of Sudan's army and the paramilitary Rapid Support Forces "
    "met in Jeddah on Saturday for talks brokered by Saudi Arabia and the United States. "
    "More than 700 people have been killed since fighting erupted on April 15, 2023, the World Health Organization said.\n"
)
JEDDAH_B = (
    "Warring Sudan generals send envoys to Saudi Arabia\n\n"
    "By Amina Yusuf\n\n"
    "Published: 7 May 2023\n\n"
    "Representatives of the Sudanese army and the Rapid Support Forces met in Jeddah on May 6 "
    "in the first direct talks since the war began in April, Saudi and US officials said. "
    "The talks were expected to last several days, diplomats said.\n"
)


@pytest.mark.slow
def test_link_two_outlets_one_meeting_in_the_store(tmp_path):
    (tmp_path / "a.txt").write_text(JEDDAH_A)
    (tmp_path / "b.txt").write_text(JEDDAH_B)
    store = Store(Settings(db=f"sqlite:///{tmp_path / 'x.db'}"))
    store.ingest([str(tmp_path / "a.txt")])
    store.ingest([str(tmp_path / "b.txt")])  # a later ingest links to what is stored
    meetings = [e for e in store.events() if e.type == "CONSULT" and e.date == "2023-05-06"]
    assert len(meetings) == 1, [
        (e.type, e.date, [m.file for m in e.mentions]) for e in store.events()
    ]
    assert {m.file for m in meetings[0].mentions} == {"a.txt", "b.txt"}


UNRESOLVED = Actor("---", None, "Ethiopian Airlines")


def test_link_a_name_nobody_resolved_links_nothing():
    deal = _mention(
        "m1", "AGREE", [UNRESOLVED, Actor("---", None, "Belfast")], "1998-04-10", doc="x1"
    )
    airline = _mention("m2", "AGREE", [UNRESOLVED], "1998-04-10", doc="y2")
    assert not _together(airline, deal)
    assert len(assemble([deal, airline])) == 2  # each is still an event of its own


def test_link_sources_must_agree_role_by_role():
    jets = _mention(
        "m1", "ASSAULT", [Actor("FRA", "MIL")], "2011-03-19", recipients=[Actor("LBY", "MIL")]
    )
    ships = _mention(
        "m2",
        "ASSAULT",
        [Actor("USA", "MIL"), Actor("GBR", "MIL")],
        "2011-03-19",
        doc="b2",
        recipients=[Actor("LBY", "MIL")],
    )
    assert not _together(ships, jets)
    # "Syrian troops" and "Assad's forces" are one party; Syrian rebels are not.
    troops = _mention("s1", "ASSAULT", [Actor("SYR", "MIL")], "2016-11-02", recipients=[SDN_REB])
    forces = _mention(
        "s2", "ASSAULT", [Actor("SYR", None, "Bashar al-Assad")], "2016-11-02", doc="s9",
        recipients=[SDN_REB],
    )  # fmt: skip
    rebels = _mention(
        "s3", "ASSAULT", [Actor("SYR", "REB")], "2016-11-02", doc="s8", recipients=[SDN_REB]
    )
    assert _together(forces, troops)
    assert not _together(rebels, troops)


def test_link_a_mention_naming_only_whom_it_was_done_to_needs_shared_wording():
    # Two outlets, one day, one country: a boat seized near a port (nobody named as
    # who acted) is not the army's capture of two towns.
    capture = _mention(
        "c1", "ASSAULT", [Actor("ETH", "MIL")], "2021-06-28", doc="a1",
        sentence="Ethiopian troops captured two towns west of Mekelle on Monday.",
    )  # fmt: skip
    seizure = _mention(
        "s1", "COERCE", [], "2021-06-28", doc="b2", recipients=[Actor("ETH", None)],
        sentence="A fishing boat was seized near the port of Assab on Monday.",
    )  # fmt: skip
    assert not _together(seizure, capture)
    # Told in the same words, a mention naming only the target is the same act.
    retold = _mention(
        "t1", "ASSAULT", [], "2021-06-28", doc="c3", recipients=[Actor("ETH", None)],
        sentence="Two towns west of Mekelle were captured on Monday.",
    )  # fmt: skip
    assert _together(retold, capture)


def test_link_a_mention_agrees_with_every_mention_of_its_event():
    # m2 names both parties; m1 and m3 name one each, different: no chain joins them.
    one = _mention("m1", "ASSAULT", [SDN], "2023-06-01", recipients=[ETH])
    both = _mention("m2", "ASSAULT", [SDN], "2023-06-01", recipients=[ETH, USA], doc="q1")
    other = _mention("m3", "ASSAULT", [SDN], "2023-06-01", recipients=[USA], doc="q2")
    assert not any(
        {"m1", "m3"} <= {m.id for m in found}
        for found in group_mentions([one, both, other])[0].values()
    )


def test_link_merge_keeps_what_the_mentions_agree_on():
    lead = _mention("m1", "CONSULT", [KEN, ETH], "2023-03-06", sentence=CALL)
    extra = _mention(
        "m2", "CONSULT", [KEN, USA, Actor("---", None, "Deir")], "2023-03-06", doc="b7"
    )
    event = merge_mentions([lead, extra])
    assert [a.code for a in event.actors] == ["KEN", "ETH"]
    assert any(d.startswith("actors not agreed: USA GOV (b7.txt)") for d in event.disagreements)


def _dense_article(count: int) -> list[Event]:
    """``count`` mentions of one article on one day, as a long event-dense record holds
    them: a few parties, acts and sentences again and again; every tenth names no actor."""
    sides = [(SDN, SDN_REB), (KEN, ETH), (USA, Actor("RUS", "GOV")), (Actor("RUS", "MIL"), USA)]
    types = ["ASSAULT", "ACCUSE", "CONSULT"]
    mentions = []
    for number in range(count):
        actor, target = sides[number % len(sides)]
        type_ = types[number % len(types)]
        named = number % 10 != 9
        mentions.append(
            _mention(
                f"m{number:05d}",
                type_,
                [actor] if named else [],
                "2023-05-01",
                recipients=[target] if named else [],
                sentence=f"{type_.lower()} near the border post {number % 5} on Monday.",
            )
        )
    return mentions


def _rules_read(monkeypatch, mentions: list[Event]) -> tuple[int, int]:
    """How many mentions the rules read to link ``mentions`` (each mention of an event it
    is scored on, each named mention a mention naming none is tried on), and how many
    events that gives."""
    stage = importlib.import_module("dateline.link")
    read = 0

    def counted_score(mention: Event, event) -> float | None:
        nonlocal read
        read += len(event)
        return match_score(mention, event)

    def counted_corroboration(mention: Event, other: Event) -> float | None:
        nonlocal read
        read += 1
        return corroboration(mention, other)

    monkeypatch.setattr(stage, "match_score", counted_score)
    monkeypatch.setattr(retrieval, "match_score", counted_score)
    monkeypatch.setattr(stage, "corroboration", counted_corroboration)
    groups, _ = group_mentions(mentions)
    return read, len(groups)


def test_link_reads_grow_linearly_with_same_day_mentions_of_one_article(monkeypatch):
    """Thousands of same-day mentions of the same parties in one text: linking four
    times as many reads the rules about four times as often, not sixteen."""
    few, few_events = _rules_read(monkeypatch, _dense_article(300))
    many, many_events = _rules_read(monkeypatch, _dense_article(1200))
    assert few_events == many_events
    assert many <= 5 * few
