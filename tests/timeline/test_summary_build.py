"""Dated sentences built from a parsed article."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.nlp import parse
from dateline.settings import Settings
from dateline.timeline.summary import dated_sentences_of

TEXT = (
    "KYIV (Reuters) - Russian missiles struck power stations across Ukraine on Monday, "
    "officials said.\n"
    "The strikes followed the explosion on the Crimean bridge on October 8.\n"
    "Ukraine has been at war for eight months.\n"
    "President Volodymyr Zelenskiy urged allies to send more air defence systems."
)


@pytest.mark.slow
def test_summary_build_dates_each_sentence_with_the_days_it_names():
    published = date(2022, 10, 10)
    sentences = dated_sentences_of(parse(TEXT, Settings()), "kyiv-1", published)
    assert [s.number for s in sentences] == list(range(len(sentences)))
    assert sentences[0].text.startswith("KYIV (Reuters)")
    assert all(s.article_id == "kyiv-1" and s.published == published for s in sentences)
    by_text = {s.text: s for s in sentences}
    first = next(s for s in sentences if "power stations" in s.text)
    assert (published, published) in {(a, b) for a, b, _ in first.dates}
    bridge = next(s for s in sentences if "Crimean bridge" in s.text)
    assert [(a, b) for a, b, _ in bridge.dates] == [(date(2022, 10, 8), date(2022, 10, 8))]
    # A duration names no day.
    assert next(s for s in by_text.values() if "eight months" in s.text).dates == ()
    # Offsets point into the body.
    assert all(TEXT[s.start : s.end] == s.text for s in sentences)


@pytest.mark.slow
def test_summary_build_without_publication_day_names_only_written_dates():
    sentences = dated_sentences_of(parse(TEXT, Settings()), "kyiv-1", None)
    assert all(s.published is None for s in sentences)
    assert all(s.dates == () for s in sentences)
