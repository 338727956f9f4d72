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


def test_summary_chronology_entries_in_the_shapes_desks_print_them():
    # Weekday first, a run of days, an ISO day, and Timeline17's tokenised text.
    assert is_chronology_entry("Tuesday, Jan. 25 - Thousands march on Tahrir Square in Cairo.")
    assert is_chronology_entry("Friday 28 January: Protesters clash with police across Egypt.")
    assert is_chronology_entry("Feb 17-18 - Security forces fire on protesters in Benghazi.")
    assert is_chronology_entry("2010-04-20: An explosion on the Deepwater Horizon rig kills 11.")
    assert is_chronology_entry("Feb. 15 , 2011 - Protests break out in Benghazi .")
    assert not is_chronology_entry("Tuesday, Jan. 25 was the first day of the protests in Cairo.")
    assert not is_chronology_entry("2010-04-20 was when the rig exploded in the Gulf of Mexico.")
