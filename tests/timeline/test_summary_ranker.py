"""The learnt date ranker, its shipped weights, events as evidence, and the busiest-days baseline."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from dateline.errors import KnowledgeError
from dateline.models import DatedSentence
from dateline.query import DayEvent
from dateline.timeline.summary import busiest_days, fit_ranker, rank_days, summarize
from dateline.timeline.summary import sentences as sentences_module
from dateline.timeline.summary.dates import LATER_NAMERS
from dateline.timeline.summary.features import FEATURES, day_features
from dateline.timeline.summary.ranker import RANKER_FILE, DateRanker, shipped_ranker

D = date


def sentence(
    article: str, published: date, number: int, text: str, *days: date, start: int = 0
) -> DatedSentence:
    return DatedSentence(
        article_id=article,
        published=published,
        number=number,
        text=text,
        start=start,
        end=start + len(text),
        dates=tuple((day, day, "day") for day in days),
    )


def test_summary_ranker_ships_and_loads_without_the_training_data(monkeypatch, tmp_path):
    # The shipped weights come from the package, wherever the process runs.
    monkeypatch.chdir(tmp_path)
    shipped_ranker.cache_clear()
    ranker = shipped_ranker()
    assert set(ranker.features) <= set(FEATURES)
    assert ranker.about["trained_on"]  # it says what it learnt from
    assert all(scale > 0 for scale in ranker.scale)
    # Naming a day often, and long after, is a sign a timeline keeps it.
    weights = dict(zip(ranker.features, ranker.weights, strict=True))
    assert weights["mentioning_later"] + weights["mentioning_week_later"] > 0


def test_summary_ranker_refuses_weights_for_other_features():
    records = DateRanker(
        features=("published",),
        mean=(0.0,),
        scale=(1.0,),
        weights=(1.0,),
        intercept=0.0,
        about={},
    ).to_records()
    records[1]["feature"] = "moon_phase"
    with pytest.raises(KnowledgeError, match="train_date_ranker"):
        DateRanker.from_records(records, RANKER_FILE)
    with pytest.raises(KnowledgeError, match="not a date ranker"):
        DateRanker.from_records([{"model": "logistic"}, {"feature": "x"}], RANKER_FILE)


def test_summary_ranker_round_trips_through_its_records():
    ranker = shipped_ranker()
    again = DateRanker.from_records(json.loads(json.dumps(ranker.to_records())), RANKER_FILE)
    values = tuple(0.5 for _ in FEATURES)
    assert again.score(values) == pytest.approx(ranker.score(values), abs=1e-4)


def test_summary_ranker_fit_agrees_with_scikit_learn():
    sklearn = pytest.importorskip("sklearn.linear_model")
    import numpy as np

    rng = np.random.default_rng(0)
    rows = rng.normal(size=(300, len(FEATURES)))
    labels = rows[:, 2] + 0.5 * rows[:, 5] + rng.normal(scale=0.5, size=300) > 1.0
    ours = fit_ranker(rows.tolist(), labels.tolist(), l2=1.0)
    standard = (rows - rows.mean(axis=0)) / rows.std(axis=0)
    theirs = sklearn.LogisticRegression(C=1.0, class_weight="balanced", tol=1e-10, max_iter=1000)
    theirs.fit(standard, labels)
    assert np.allclose(ours.weights, theirs.coef_[0], atol=1e-3)
    assert ours.intercept == pytest.approx(theirs.intercept_[0], abs=1e-3)


def test_summary_ranker_fit_needs_both_kinds_of_day():
    with pytest.raises(ValueError, match="both kinds"):
        fit_ranker([[0.0] * len(FEATURES)] * 3, [False, False, False])


def siege_corpus() -> list[DatedSentence]:
    """A month of siege reported daily, a day of wire briefs, and the day the city fell,
    reported once and looked back on for weeks."""
    fall, busy = D(2024, 3, 4), D(2024, 3, 10)
    corpus = []
    for n in range(31):
        day = D(2024, 3, 1) + timedelta(days=n)
        for i in range(1 + n % 3):
            text = f"Shelling continued around the port city on day {n}, report {i} said."
            corpus.append(sentence(f"daily{n}-{i}", day, 0, text, day))
    # Ten briefs on March 10, none of them news a timeline keeps.
    for i in range(10):
        corpus.append(sentence(f"brief{i}", busy, 0, f"Brief {i}: shelling went on near the port."))
    corpus.append(
        sentence(
            "fall", fall, 1, "Rebels captured the port city on Monday after a long siege.", fall
        )
    )
    for i, later in enumerate((2, 5, 12, 19, 26)):
        corpus.append(
            sentence(
                f"look{i}",
                fall + timedelta(days=later),
                2,
                "Since rebels captured the port city on March 4, aid has reached its people.",
                fall,
            )
        )
    return corpus


def test_summary_ranker_finds_the_day_that_is_not_the_busiest():
    corpus = siege_corpus()
    assert busiest_days(corpus, dates=1, per_date=1)[0].date == D(2024, 3, 10)
    assert rank_days(corpus)[0].day == D(2024, 3, 4)
    assert summarize(corpus, dates=1, per_date=1)[0].date == D(2024, 3, 4)


def test_summary_events_count_for_their_day_and_lend_their_evidence(monkeypatch):
    day, other = D(2022, 11, 2), D(2022, 11, 3)
    corpus = [
        sentence(
            "p1", day, 0, "Officials met in Pretoria on a cool morning, reporters said.", start=0
        ),
        sentence(
            "p1",
            day,
            6,
            "The government and the rebels signed a peace agreement ending two years of war.",
            start=400,
        ),
        sentence("p2", other, 0, "Markets in Addis Ababa were calm as traders waited for news."),
    ]
    signed = DayEvent(
        event_id="e1",
        type="AGREE",
        quad_class="verbal_cooperation",
        first_day=day,
        last_day=day,
        date_source="published",
        goldstein=8.0,
        sources=3,
        mention_count=3,
        evidence=(("p1", 410, 440),),
    )
    features = {found.day: found for found in day_features(corpus, [signed])}
    assert features[day].counts["events"] == 1
    assert features[day].counts["event_sources"] == 3
    assert features[day].counts["goldstein"] == 8.0
    assert features[other].counts["events"] == 0
    # The signing is a candidate for its day, though it is no lead and names no date.
    entries = summarize(corpus, dates=1, per_date=2, events=[signed], since=day, until=day)
    assert "The government and the rebels signed a peace agreement ending two years of war." in (
        entries[0].sentences
    )
    assert len(summarize(corpus, dates=1, per_date=2, since=day, until=day)[0].sentences) == 1
    # Weighed up, the event's evidence comes before the day's other sentences.
    monkeypatch.setattr(sentences_module, "EVENT_WEIGHT", 0.5)
    entries = summarize(corpus, dates=1, per_date=1, events=[signed], since=day, until=day)
    assert entries[0].sentences[0].startswith("The government and the rebels signed")


def test_summary_busiest_days_take_each_article_first_sentence_in_turn():
    day = D(2020, 1, 8)
    corpus = [
        sentence("a", day, 0, "Iran fired missiles at two bases housing American troops in Iraq."),
        sentence("a", day, 1, "No casualties were reported at either base, officials said later."),
        sentence("b", day, 0, "IRAN STRIKES BACK"),  # a headline, not a sentence
        sentence("b", day, 1, "A Ukrainian airliner crashed shortly after take-off from Tehran."),
        sentence(
            "c", D(2020, 1, 9), 0, "Oil prices fell as fears of a wider war receded on Thursday."
        ),
    ]
    entries = busiest_days(corpus, dates=1, per_date=2)
    assert [entry.date for entry in entries] == [day]
    assert entries[0].sentences == (
        "Iran fired missiles at two bases housing American troops in Iraq.",
        "A Ukrainian airliner crashed shortly after take-off from Tehran.",
    )
    assert busiest_days(corpus, dates=1, per_date=1, since=D(2020, 1, 9))[0].date == D(2020, 1, 9)


def test_summary_a_day_named_in_passing_with_no_article_goes_after_reported_days():
    """A ranker that prizes being named later scores a day named once above a day with
    an article of its own; unreported, the day named once still goes last, while a day
    named by ``LATER_NAMERS`` later articles keeps its score's place."""
    own, passing, named = D(2008, 10, 1), D(2008, 10, 4), D(2008, 10, 5)
    corpus = [sentence("own", own, 0, "The Senate passed the rescue plan late on Wednesday.", own)]
    corpus.append(
        sentence("p", D(2008, 10, 20), 0, "Shares had slipped on October 4 as well.", passing)
    )
    corpus += [
        sentence(
            f"n{i}",
            D(2008, 10, 21 + i),
            0,
            f"Since the bank failed on October 5, lenders have pulled back ({i}).",
            named,
        )
        for i in range(LATER_NAMERS)
    ]
    prizes_hindsight = DateRanker(
        features=("mentioning_later",),
        mean=(0.0,),
        scale=(1.0,),
        weights=(5.0,),
        intercept=0.0,
        about={},
    )
    ranked = rank_days(corpus, ranker=prizes_hindsight)
    score = {found.day: found.score for found in ranked}
    assert score[named] > score[passing] > score[own]  # the ranker alone would take passing second
    order = [found.day for found in ranked]
    assert order[0] == named
    assert order[-1] == passing  # after own and after the days of the later articles
    assert order.index(own) == 1
    summary = summarize(corpus, dates=2, per_date=1, ranker=prizes_hindsight)
    assert [entry.date for entry in summary] == [own, named]
