"""Words, TF-IDF and chronology entries for the summary timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.models import DatedSentence
from dateline.timeline.summary.chronology import entry_text, is_chronology_entry, with_entry_days
from dateline.timeline.summary.features import mentioned_days
from dateline.timeline.summary.sentences import is_prose, timeline_text
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


def _dated(number: int, text: str, *days: date) -> DatedSentence:
    return DatedSentence(
        article_id="chronology",
        published=date(2008, 10, 1),
        number=number,
        text=text,
        start=number * 100,
        end=number * 100 + len(text),
        dates=tuple((day, day, "day") for day in days),
    )


def test_summary_chronology_entry_date_printed_on_a_line_of_its_own():
    sep7, sep14, sep15 = date(2008, 9, 7), date(2008, 9, 14), date(2008, 9, 15)
    article = [
        _dated(0, "Sept. 7 : The government seizes the two mortgage giants .", sep7),
        _dated(1, "Sept. 14 :", sep14),
        _dated(2, "The central bank widens what it takes as collateral ."),
        replace(
            _dated(3, "Three banks agree a rescue fund , the largest since 1998 ."),
            dates=((date(1998, 1, 1), date(1998, 12, 31), "year"),),
        ),
        _dated(4, "Monday 15 September", sep15),
        _dated(5, "A fourth bank files for bankruptcy .", sep15),
        _dated(6, "Markets fell on Monday , October 6 , in Asia .", date(2008, 10, 6)),
        _dated(7, "Analysts expect more falls ."),
    ]
    entries = with_entry_days(article)
    assert [sentence.number for sentence in entries] == [0, 1, 3, 4, 6, 7]
    # The bare date heads the sentence after it, which is now an entry of that day.
    joined = entries[1]
    assert joined.text == "Sept. 14 : The central bank widens what it takes as collateral ."
    assert (joined.start, joined.end) == (100, article[2].end)
    assert is_chronology_entry(joined.text)
    assert entry_text(joined.text) == "The central bank widens what it takes as collateral ."
    # Later sentences of the entry tell its day too; a year does not end the entry.
    assert mentioned_days(entries[2]) == {sep14}
    # A heading with no separator: "Monday 15 September".
    assert entry_text(entries[3].text) == "A fourth bank files for bankruptcy ."
    # A sentence about another day ends the chronology: what follows names nothing.
    assert mentioned_days(entries[4]) == {date(2008, 10, 6)}
    assert entries[5].dates == ()


def test_summary_chronology_entry_days_only_in_a_chronology():
    # Two dated openings are no chronology: the sentences after them keep no date.
    article = [
        _dated(0, "Sept. 14 :", date(2008, 9, 14)),
        _dated(1, "The central bank widens what it takes as collateral ."),
        _dated(2, "Sept. 15 - A bank files for bankruptcy .", date(2008, 9, 15)),
        _dated(3, "Markets tumble ."),
    ]
    assert with_entry_days(article) == article


def test_summary_chronology_entry_may_be_a_date_alone():
    assert is_chronology_entry("Sept. 14 :")
    assert is_chronology_entry("Tuesday 15 February")
    assert is_chronology_entry("March 19, 2011.")
    assert not is_chronology_entry("March 19, 2011 was a Saturday.")


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # An agency's tag, whole or cut by the sentence splitter.
        (
            "(CNN) -- President Obama said Thursday he approved the use of aircraft.",
            "President Obama said Thursday he approved the use of aircraft.",
        ),
        (
            "CNN -RRB- -- Gadhafi made a brief television appearance early Tuesday .",
            "Gadhafi made a brief television appearance early Tuesday .",
        ),
        (
            "Libya -LRB- CNN -RRB- -- Breakfast at a Tripoli hotel took a grim turn .",
            "Breakfast at a Tripoli hotel took a grim turn .",
        ),
        # A time stamp in brackets, and the tail of one.
        (
            "-LRB- 2:58 p.m. Monday ET -RRB- U.S. President Barack Obama spoke in Santiago .",
            "U.S. President Barack Obama spoke in Santiago .",
        ),
        (
            "Monday ET , 3:49 p.m. in Libya -RRB- NATO ruled out arming the rebels .",
            "NATO ruled out arming the rebels .",
        ),
        # A photo credit run into the sentence after it.
        (
            "By Jay Mallin -- Bloomberg News -RRB- Market turbulence rippled through energy .",
            "Market turbulence rippled through energy .",
        ),
        # Brackets the sentence opens itself stay.
        (
            "NATO (the alliance) took command on Thursday.",
            "NATO (the alliance) took command on Thursday.",
        ),
    ],
)
def test_summary_timeline_text_drops_what_the_splitter_left(text, printed):
    assert timeline_text(text) == printed


def test_summary_a_sentence_cut_in_two_is_not_prose():
    tail = "-RRB- , the senior Republican on the House Budget Committee , fielded calls ."
    assert not is_prose(_dated(0, tail), words_of(tail))
    caption = (
        "Jeff Pachoud - AP -RRB- French President Nicolas Sarkozy attends a press conference ."
    )
    assert not is_prose(_dated(1, caption), words_of(caption))
    whole = "The central bank widens what it takes as collateral ."
    assert is_prose(_dated(2, whole), words_of(whole))


def test_summary_timeline_text_of_an_entry_with_a_dash_after_its_colon():
    text = "Sept. 18 : -- The Fed expands its swap lines with overseas banks ."
    assert timeline_text(text) == "The Fed expands its swap lines with overseas banks ."
