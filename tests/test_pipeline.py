"""The pipeline on articles that go wrong: one article's failure is that article's."""

import json
from pathlib import Path

import pytest

from dateline import pipeline
from dateline.api import Store
from dateline.errors import ConfigError

pytestmark = pytest.mark.slow

STORY = (
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi "
    "on Friday, the Kremlin said. The two leaders discussed the situation in Syria and "
    "agreed to keep talking. {extra}"
)


@pytest.fixture
def lexicon_settings(settings):
    """The test database, events coded by the trigger lexicon alone (no trained coder)."""
    return settings.replace(coder_model="none")


def _records(tmp_path: Path, records: list[dict]) -> str:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return str(path)


def test_pipeline_a_failing_article_is_recorded_not_retried_and_the_run_goes_on(
    tmp_path, lexicon_settings, monkeypatch
):
    records = [
        {"id": "good-1", "time": "2021-03-05", "text": STORY.format(extra="First.")},
        {"id": "bad", "time": "2021-03-06", "text": STORY.format(extra="EXPLODE here.")},
        {"id": "good-2", "time": "2021-03-07", "text": STORY.format(extra="Third.")},
    ]
    inputs = _records(tmp_path, records)
    tag_doc = pipeline.tag_doc
    tried: list[str] = []

    def failing(doc, anchor):
        tried.append(doc.text)
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return tag_doc(doc, anchor)

    monkeypatch.setattr(pipeline, "tag_doc", failing)
    store = Store(lexicon_settings)
    report = store.ingest(inputs)
    assert (report.added, report.analysed) == (3, 2)
    assert report.analysis_failures == ("bad: analysis failed: RuntimeError: boom",)
    assert [(a.file, reason) for a, reason in store.failed_articles()] == [
        ("bad", "RuntimeError: boom")
    ]
    assert "analysis failed 1" in report.summary()

    tried.clear()
    again = store.ingest(inputs)
    assert (again.analysed, again.analysis_failures, tried) == (0, (), [])

    monkeypatch.setattr(pipeline, "tag_doc", tag_doc)
    retried = store.ingest(inputs, retry_failed=True)
    assert (retried.analysed, retried.analysis_failures) == (1, ())
    assert store.failed_articles() == []


def test_pipeline_a_configuration_failure_stops_the_run_and_is_no_articles(
    tmp_path, lexicon_settings
):
    inputs = _records(
        tmp_path,
        [{"id": f"s{n}", "time": "2021-03-05", "text": STORY.format(extra=str(n))} for n in (1, 2)],
    )
    typo = Store(lexicon_settings.replace(coder_model=str(tmp_path / "nonexistent")))
    with pytest.raises(ConfigError, match="nonexistent: not a Dateline coder model"):
        typo.ingest(inputs)
    assert typo.failed_articles() == []
    fixed = Store(lexicon_settings).ingest(inputs)
    assert (fixed.added, fixed.unchanged, fixed.analysed) == (0, 2, 2)


def test_pipeline_an_interrupted_run_counts_the_analyses_it_stored(
    tmp_path, lexicon_settings, monkeypatch
):
    inputs = _records(
        tmp_path,
        [
            {"id": f"s{n}", "time": "2021-03-05", "text": STORY.format(extra=str(n))}
            for n in range(4)
        ],
    )
    outcome = pipeline._outcome

    def interrupted_at_the_third(article, parsed, settings):
        if article.file == "s2":
            raise KeyboardInterrupt  # what SIGTERM raises in the CLI
        return outcome(article, parsed, settings)

    monkeypatch.setattr(pipeline, "_outcome", interrupted_at_the_third)
    store = Store(lexicon_settings)
    report = store.ingest(inputs)
    assert (report.interrupted, report.added, report.analysed) == (True, 4, 2)
    assert report.summary().endswith("analysed 2 (interrupted)")
    assert len(store.articles()) == 4


def test_pipeline_impossible_published_dates_store_the_batch_with_notes(tmp_path, lexicon_settings):
    records = [
        {"id": "feb-30", "time": "2021-02-30", "text": STORY.format(extra="One.")},
        {"id": "month-13", "time": "2021-13-45", "text": STORY.format(extra="Two.")},
        {"id": "hour-25", "time": "2021-02-03 25:61", "text": STORY.format(extra="Three.")},
        {
            "id": "dateline",
            "text": "ROME, 31 February 2021 - Italian police arrested ten protesters outside "
            "parliament on Tuesday, the interior ministry said in a statement.",
        },
    ]
    store = Store(lexicon_settings)
    report = store.ingest(_records(tmp_path, records))
    assert (report.added, report.analysed, report.failures) == (4, 4, ())
    published = {a.file: a.published for a in store.articles()}
    assert published == {
        "feb-30": None,
        "month-13": None,
        "hour-25": "2021-02-03",
        "dateline": None,
    }
    assert sum("does not exist" in n or "no date that exists" in n for n in report.notes) == 3
    assert all(e.date is None or e.date.startswith("2021-0") for e in store.events())


def test_pipeline_an_undated_article_gets_no_invented_day(tmp_path, lexicon_settings):
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi "
        "on Friday, the Kremlin said. On 5 March 2020 the two leaders agreed a ceasefire in "
        "Idlib after talks in Moscow."
    )
    store = Store(lexicon_settings)
    store.ingest(_records(tmp_path, [{"id": "undated", "text": text}]))
    events = store.events()
    assert events
    dated = {e.type: (e.date, e.date_precision) for e in events}
    assert dated["CONSULT"] == (None, "none")
    assert ("2020-03-05", "day") in dated.values()
    # Nothing is dated by the day of the ingest.
    for event in events:
        assert event.date in (None, "2020-03-05")


def test_pipeline_an_article_the_store_refuses_fails_alone_and_its_batch_is_stored(
    tmp_path, lexicon_settings, monkeypatch
):
    """Analyses are stored in batches: when the database refuses the data of one article,
    the others of its batch are stored and that one is recorded as failed."""
    import dateline.analysis as analysis

    records = [
        {"id": f"story-{n}", "time": f"2021-03-0{n}", "text": STORY.format(extra=f"Day {n}.")}
        for n in range(1, 5)
    ]
    save_analyses = analysis.save_analyses
    batches: list[int] = []

    def refusing(connection, analysed):
        batches.append(len(analysed))
        if any("Day 3." in sentence.text for _, found in analysed for sentence in found.dated):
            raise ValueError("a value the database cannot hold")
        return save_analyses(connection, analysed)

    monkeypatch.setattr(analysis, "save_analyses", refusing)
    store = Store(lexicon_settings)
    report = store.ingest(_records(tmp_path, records))
    assert batches == [4, 1, 1, 1, 1]  # all at once, then each alone
    assert (report.added, report.analysed) == (4, 3)
    assert report.analysis_failures == (
        "story-3: analysis failed: ValueError: a value the database cannot hold",
    )
    stored = {mention.file for event in store.events() for mention in event.mentions}
    assert stored == {"story-1", "story-2", "story-4"}
