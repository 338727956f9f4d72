from datetime import date

import pytest

from dateline.time.grammar import split_words
from dateline.time.lexicon import lexicon
from dateline.time.normalise import Context, normalise

ANCHOR = date(2013, 3, 15)  # a Friday


def read(text, tense=None, anchor=ANCHOR, **context):
    words = [w.lower() for token in text.split() for w in split_words(token)]
    return normalise(words, Context(anchor=anchor, tense=tense, **context), lexicon())


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("November 10, 2020", "DATE", "2020-11-10"),
        ("10 November 2020", "DATE", "2020-11-10"),
        ("12.1.2021", "DATE", "2021-01-12"),
        ("2021-04-01", "DATE", "2021-04-01"),
        ("3/15/2013", "DATE", "2013-03-15"),
        ("May 2023", "DATE", "2023-05"),
        ("the 1990s", "DATE", "199"),
        ("the 20th century", "DATE", "19"),
        ("yesterday", "DATE", "2013-03-14"),
        ("this week", "DATE", "2013-W11"),
        ("last week", "DATE", "2013-W10"),
        ("last month", "DATE", "2013-02"),
        ("next year", "DATE", "2014"),
        ("earlier this month", "DATE", "2013-03"),
        ("two years ago", "DATE", "2011"),
        ("three months ago", "DATE", "2012-12"),
        ("a year earlier", "DATE", "2012"),
        ("the previous quarter", "DATE", "2012-Q4"),
        ("this summer", "DATE", "2013-SU"),
        ("now", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("10:30 a.m.", "TIME", "2013-03-15T10:30"),
        ("tonight", "TIME", "2013-03-15TNI"),
        ("last night", "TIME", "2013-03-14TNI"),
        ("44 days", "DURATION", "P44D"),
        ("nearly three decades", "DURATION", "P3DE"),
        ("31-year", "DURATION", "P31Y"),
        ("the past year", "DURATION", "P1Y"),
        ("the next few years", "DURATION", "PXY"),
        ("months-long", "DURATION", "PXM"),
        ("every week", "SET", "P1W"),
        ("annually", "SET", "P1Y"),
    ],
)
def test_normalise_reads_newswire_expressions(text, kind, value):
    reading = read(text)
    assert reading is not None, text
    assert (reading.type, reading.value) == (kind, value)


def test_normalise_past_tense_takes_the_last_such_day():
    reading = read("November 20", "past", anchor=date(2020, 11, 24))
    assert reading.start == date(2020, 11, 20)
    assert read("December 5", "past", anchor=date(2021, 3, 2)).value == "2020-12-05"


def test_normalise_future_tense_takes_the_next_such_day():
    assert read("December 1", "future", anchor=date(2020, 11, 24)).value == "2020-12-01"
    assert read("January 15", "future", anchor=date(2020, 11, 24)).value == "2021-01-15"


def test_normalise_weekday_follows_the_tense():
    assert read("Wednesday", "past").value == "2013-03-13"
    assert read("Wednesday", "future").value == "2013-03-20"
    assert read("Friday", "past").value == "2013-03-15"


def test_normalise_passage_year_dates_past_narrative():
    context = {"reference": date(2020, 9, 1)}
    reading = read("November 10", "past", anchor=date(2023, 11, 6), **context)
    assert reading.value == "2020-11-10"
    assert reading.anchoring == "passage"


def test_normalise_relative_offset_counts_from_the_passage():
    reading = read("a day later", last_date=date(2023, 9, 19), last_precision="day")
    assert reading.value == "2023-09-20"
    assert reading.anchoring == "passage"


def test_normalise_part_of_period_narrows_the_days():
    reading = read("late September", "past", anchor=date(2021, 4, 1), year=2020)
    assert reading.value == "2020-09"
    assert reading.mod == "END"
    assert reading.start >= date(2020, 9, 15) and reading.end == date(2020, 9, 30)
    mid = read("mid-2021")
    assert (mid.value, mid.mod) == ("2021", "MID")
    assert date(2021, 4, 1) <= mid.start < mid.end <= date(2021, 9, 30)


def test_normalise_quarter_of_a_past_year():
    assert read("the fourth quarter", "past").value == "2012-Q4"
    assert read("the first quarter", "past").value == "2013-Q1"


def test_normalise_rejects_words_that_name_no_time():
    assert read("the night") is None
    assert read("Soviet times") is None
