"""Words, TF-IDF and chronology entries for the summary timeline."""

from __future__ import annotations

from dateline.timeline.summary.chronology import entry_text, is_chronology_entry
from dateline.timeline.summary.text import centroid, cosine, idf_of, tfidf, words_of


def test_summary_text_words_drop_treebank_brackets_and_punctuation():
    text = "Kenya 's electoral commission -LRB- IEBC -RRB- declared William Ruto the winner ."
    assert words_of(text) == [
        "kenya", "s", "electoral", "commission", "iebc", "declared", "william", "ruto", "the", "winner",
    ]  # fmt: skip


def test_summary_text_rare_words_weigh_more_than_common_ones():
    documents = [
        words_of("The army said the rebels had retreated."),
        words_of("The rebels shelled the city."),
        words_of("The ceasefire collapsed in Goma."),
    ]
    idf = idf_of(documents)
    assert idf["goma"] > idf["rebels"] > idf["the"]


def test_summary_text_cosine_of_same_sentence_is_one_and_of_unrelated_is_zero():
    idf = idf_of([words_of("Floods hit Pakistan."), words_of("Talks resume in Doha.")])
    floods = tfidf(words_of("Floods hit Pakistan."), idf)
    talks = tfidf(words_of("Talks resume in Doha."), idf)
    assert abs(cosine(floods, floods) - 1.0) < 1e-9
    assert cosine(floods, talks) == 0.0
    middle = centroid([floods, talks])
    assert cosine(middle, floods) > 0 and cosine(middle, talks) > 0


def test_summary_chronology_entry_opens_with_a_date_and_a_dash():
    assert is_chronology_entry("March 19 - The first air strikes hit air defences around Tripoli.")
    assert is_chronology_entry("11 February: Hosni Mubarak resigns as president of Egypt.")
    assert is_chronology_entry("Aug. 21, 2013 -- A chemical attack kills hundreds near Damascus.")
    assert not is_chronology_entry("March 19 was the day the first air strikes hit Tripoli.")
    assert not is_chronology_entry("On March 19 the first air strikes hit Tripoli.")


def test_summary_chronology_entry_text_drops_the_date():
    assert entry_text("11 February: Hosni Mubarak resigns as president of Egypt.") == (
        "Hosni Mubarak resigns as president of Egypt."
    )
    assert entry_text("Protests spread to Alexandria.") == "Protests spread to Alexandria."
