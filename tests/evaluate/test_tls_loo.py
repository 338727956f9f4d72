"""Leave one topic out, chronologies removed, and the busiest-days baseline beside the scores."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dateline.evaluate.tls import LeaveOneOutReport, TimelineScore, TlsReport, score_topic
from dateline.evaluate.tls_topics import (
    GoldTimeline,
    Topic,
    chronology_articles,
    train_on,
    training_days,
)
from dateline.models import DatedSentence
from dateline.query import DayEvent
from dateline.timeline.summary.features import FEATURES

pytest.importorskip("tilse")

D = date


def told(article: str, published: date, number: int, text: str, *days: date) -> DatedSentence:
    return DatedSentence(
        article_id=article,
        published=published,
        number=number,
        text=text,
        start=number * 100,
        end=number * 100 + len(text),
        dates=tuple((day, day, "day") for day in days),
    )


def war_topic(name: str, start: date) -> Topic:
    """Three key days each told weeks later, and busy days of routine wire copy."""
    key = [start + timedelta(days=offset) for offset in (0, 9, 20)]
    places = ("Kharkiv", "Mariupol", "Kherson")
    news = (
        "Troops crossed the northern border at dawn towards {}.",
        "Artillery shelled the port and the steelworks of {} for hours.",
        "Negotiators met in {} and agreed on a corridor for civilians.",
    )
    sentences = []
    for i, day in enumerate(key):
        sentences.append(told(f"{name}-day{i}", day, 0, news[i].format(places[i]), day))
        for later in (5, 15, 30):
            sentences.append(
                told(
                    f"{name}-later{i}-{later}",
                    day + timedelta(days=later),
                    1,
                    f"Since the events in {places[i]} on that day, {later} reports said.",
                    day,
                )
            )
    for i in range(8):
        busy = start + timedelta(days=4 + (i % 2) * 10)
        sentences.append(told(f"{name}-wire{i}", busy, 0, f"Markets were steady, wire {i} said."))
    chronology = [
        told(f"{name}-chronology", start + timedelta(days=40), 0, "Here is a timeline of the war."),
        *(
            told(
                f"{name}-chronology",
                start + timedelta(days=40),
                n + 1,
                f"{day:%B} {day.day} - " + news[n].format(places[n]),
                day,
            )
            for n, day in enumerate(key)
        ),
    ]
    gold = GoldTimeline(tuple((day, (news[i].format(places[i]),)) for i, day in enumerate(key)))
    event = DayEvent(
        event_id=f"{name}-e",
        type="ASSAULT",
        quad_class="material_conflict",
        first_day=key[0],
        last_day=key[0],
        date_source="expression",
        goldstein=-10.0,
        sources=2,
        mention_count=2,
        evidence=((f"{name}-day0", 0, 10), (f"{name}-chronology", 100, 110)),
    )
    return Topic(name, 22, (gold,), tuple(sentences + chronology), (event,))


def test_tls_chronology_articles_are_found_and_removed_with_their_evidence():
    topic = war_topic("t", D(2022, 2, 24))
    assert chronology_articles(topic.sentences) == {"t-chronology"}
    removed = topic.without_chronologies()
    assert removed.chronologies == "removed"
    assert removed.articles == topic.articles - 1
    assert all(s.article_id != "t-chronology" for s in removed.sentences)
    (event,) = removed.events
    assert event.evidence == (("t-day0", 0, 10),)
    assert event.sources == 1 and event.mention_count == 1


def test_tls_training_days_label_the_gold_days_within_its_span():
    topic = war_topic("t", D(2022, 2, 24))
    rows, labels = training_days(topic)
    assert sum(labels) == 3
    assert all(len(row) == len(FEATURES) for row in rows)
    # Days after the gold's last day (the later articles) are no candidates.
    assert len(rows) < len({s.published for s in topic.sentences} | {D(2022, 2, 24)})


def test_tls_ranker_trained_on_other_topics_finds_the_held_out_days_and_beats_busiest():
    topics = [
        war_topic(name, D(2022, 1, 1) + timedelta(days=70 * n)) for n, name in enumerate("abc")
    ]
    held_out = topics[2].without_chronologies()
    ranker = train_on(
        [form for topic in topics[:2] for form in (topic, topic.without_chronologies())]
    )
    assert ranker.about["trained_on"] == ["a", "b"]
    report = score_topic(held_out, ranker=ranker, exact=False)
    assert report.date_f1 == pytest.approx(1.0)
    assert report.baseline_mean("date_f1") < 0.5
    assert report.ranker == "trained on a, b"
    table = report.table()
    assert "busiest" in table and "chronologies removed" in table


def test_tls_tables_flag_a_summary_no_better_than_the_busiest_days():
    weak = TimelineScore(0.5, 0.10, 0.02, 10, 10)
    strong = TimelineScore(0.7, 0.15, 0.05, 10, 10)
    report = TlsReport("topic-x", 100, (weak,), 1.0, baseline=(strong,), chronologies="removed")
    assert "not above the busiest days" in report.table()
    assert report.to_dict()["baseline"]["date_f1"] == 0.7
    both = LeaveOneOutReport((report, TlsReport("topic-y", 50, (strong,), 1.0, baseline=(weak,))))
    lines = both.table().splitlines()
    assert "busiest" in lines[1]
    assert "topic-x" in lines[2] and "not above busiest" in lines[2]
    assert "topic-y" in lines[3] and "not above" not in lines[3]
    assert [row["topic"] for row in both.to_dict()["leave_one_topic_out"]] == ["topic-x", "topic-y"]


def test_tls_flags_a_topic_that_loses_to_the_busiest_days_beyond_the_slack():
    busiest = TimelineScore(0.60, 0.120, 0.030, 10, 10)
    close = TimelineScore(0.59, 0.125, 0.010, 10, 10)  # 0.01 below on date F1: within the slack
    losing = TimelineScore(0.62, 0.090, 0.040, 10, 10)  # 0.03 below on AR-1
    near = TlsReport("topic-near", 100, (close,), 1.0, baseline=(busiest,))
    lost = TlsReport("topic-lost", 100, (losing,), 1.0, baseline=(busiest,), chronologies="removed")
    assert near.loses_to_baseline == ()
    assert lost.loses_to_baseline == ("rouge_1",)
    assert "LOSES" not in near.table()
    assert "LOSES to the busiest days by 0.030" in lost.table()
    assert lost.to_dict()["loses_to_baseline"] == ["rouge_1"]
    lines = LeaveOneOutReport((near, lost)).table().splitlines()
    assert "LOSES" not in lines[2] and "LOSES to busiest: rouge_1" in lines[3]
    assert lines[-1].endswith(": topic-lost (removed)")
    alone = LeaveOneOutReport((near,)).table().splitlines()
    assert alone[-1].endswith(": none")
