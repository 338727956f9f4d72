"""The tagger on news text about many places, written for these tests."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow

KENYA = (
    "NAIROBI - Kenya's electoral commission said on Monday it would announce the "
    "presidential result by Tuesday, a week after the vote. Turnout fell from 2017, "
    "when the Supreme Court annulled the election two months later.\n"
    "Raila Odinga, who has run for president five times since 1997, said he would "
    "challenge the result in court within seven days."
)

PHILIPPINES = (
    "MANILA - Typhoon Rai made landfall at 1:30 p.m. on Thursday on Siargao island. "
    "Rescuers reached the worst-hit towns a day later, and the weather bureau warned "
    "that another storm could arrive next week.\n"
    "The country is hit by about 20 storms every year; in November 2013, Typhoon Haiyan "
    "killed more than 6,300 people. On December 2, officials will review the toll."
)

GENEVA = (
    "GENEVA - Talks between the two delegations resumed on Wednesday after a pause "
    "of nearly three weeks. Diplomats said the sides were now closer than at any point "
    "in the past year, and a new round is expected early next month.\n"
    "The last agreement, reached in mid-2019, collapsed within 18 months."
)


def test_tagger_weekdays_follow_the_tense(tag, value_after):
    values = tag(KENYA, date(2022, 8, 15))  # a Monday
    assert value_after(KENYA, values, "Monday").value == "2022-08-15"
    assert value_after(KENYA, values, "Tuesday").value == "2022-08-16"


def test_tagger_reads_durations_and_years(tag, value_after):
    values = tag(KENYA, date(2022, 8, 15))
    assert value_after(KENYA, values, "a week").value == "P1W"
    assert value_after(KENYA, values, "2017").value == "2017"
    assert value_after(KENYA, values, "seven days").type == "DURATION"
    assert value_after(KENYA, values, "1997").value == "1997"


def test_tagger_clock_time_on_a_weekday(tag, value_after):
    values = tag(PHILIPPINES, date(2021, 12, 17))  # a Friday
    landfall = value_after(PHILIPPINES, values, "1:30 p.m.")
    assert landfall.type == "TIME"
    assert landfall.value == "2021-12-16T13:30"


def test_tagger_relative_dates(tag, value_after):
    values = tag(PHILIPPINES, date(2021, 12, 17))
    assert value_after(PHILIPPINES, values, "a day later").value == "2021-12-17"
    assert value_after(PHILIPPINES, values, "next week").value == "2021-W51"
    assert value_after(PHILIPPINES, values, "every year").type == "SET"
    assert value_after(PHILIPPINES, values, "November 2013").value == "2013-11"


def test_tagger_future_year_less_date_after_a_past_year_in_passage(tag, value_after):
    values = tag(PHILIPPINES, date(2021, 12, 17))
    assert value_after(PHILIPPINES, values, "December 2").value == "2021-12-02"


def test_tagger_references_and_vague_parts(tag, value_after):
    values = tag(GENEVA, date(2022, 3, 4))
    assert value_after(GENEVA, values, "now").value == "PRESENT_REF"
    assert value_after(GENEVA, values, "the past year").value == "P1Y"
    assert value_after(GENEVA, values, "nearly three weeks").value == "P3W"
    assert value_after(GENEVA, values, "early next month").value == "2022-04"
    mid = value_after(GENEVA, values, "mid-2019")
    assert (mid.value, mid.mod) == ("2019", "MID")


def test_tagger_offsets_point_into_the_text(tag, value_after):
    values = tag(GENEVA, date(2022, 3, 4))
    for value in values:
        assert GENEVA[value.start_char : value.end_char] == value.text


def test_tagger_leaves_values_on_the_doc():
    from dateline.nlp import parse
    from dateline.settings import Settings
    from dateline.time import tag_doc

    doc = parse("Protests spread across Sri Lanka on Saturday.", Settings())
    values = tag_doc(doc, date(2022, 7, 11))
    assert doc._.time_values == values
    assert values[0].value == "2022-07-09"


def test_tagger_a_numbered_thing_is_no_year(tag):
    text = (
        "Russia urged NATO to keep strictly to Security Council resolution 1973, and "
        "Flight 2019 from Benghazi landed safely. The council adopted Resolution 2254 "
        "in December 2015; the war ended in 1973."
    )
    values = tag(text, date(2011, 4, 1))
    assert [(v.text, v.value) for v in values] == [("December 2015", "2015-12"), ("1973", "1973")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The city was built 7000 years ago.", [("7000 years ago", "PAST_REF")]),
        ("The city was built 7,000 years ago.", [("7,000 years ago", "PAST_REF")]),
        ("The dinosaurs died 66 million years ago.", [("66 million years ago", "PAST_REF")]),
        ("It will happen in the year 99999.", []),
        ("Robots will rule in the year 3000.", [("the year 3000", "3000")]),
    ],
)
def test_tagger_years_beyond_the_calendar_get_no_wrong_value(tag, text, expected):
    values = tag(text, date(2023, 5, 1))
    assert [(v.text, v.value) for v in values] == expected


def test_tagger_never_fails_at_the_ends_of_the_calendar(tag):
    text = "Yesterday, next year and in three weeks, the talks of last spring resume."
    for anchor in (date(1, 1, 1), date(9999, 12, 31)):
        assert all(v.value for v in tag(text, anchor))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Photo captions: the model reads the place and the date as one entity.
        (
            "Fighters rest near the port of Misrata April 21, 2011.",
            [("April 21, 2011", "2011-04-21")],
        ),
        (
            "Farmers harvest rice outside Dhaka Sept. 3 , 2014 .",
            [("Sept. 3 , 2014", "2014-09-03")],
        ),
        ("Voters queue in Lake Chad province 14 March 2015.", [("14 March 2015", "2015-03-14")]),
        # A month that is a verb or a modal is not read as a date.
        ("Thousands march 5 kilometres to the palace.", []),
        # A range of years whose near end alone the model tags: the far end is read too.
        ("She led the agency from 1990 to 1994.", [("1990", "1990"), ("1994", "1994")]),
        ("He was jailed in 2001 until 2004.", [("2001", "2001"), ("2004", "2004")]),
        # A number after "to" with no date before it is not a year's far end.
        ("Output fell by a third to 1995 tonnes.", []),
        # A holiday the model reads as an event.
        ("The plan was announced on New Year's Day.", [("New Year's Day", "1998-01-01")]),
        # A clock time takes the day after it.
        (
            "Trading was halted at 10:30 a.m. yesterday.",
            [("10:30 a.m. yesterday", "1998-02-12T10:30")],
        ),
        ("Talks ended at 9 p.m. Monday, an hour late.", [("9 p.m. Monday", "1998-02-09T21:00")]),
    ],
)
def test_tagger_reads_what_the_model_misses_or_splits(tag, text, expected):
    values = tag(text, date(1998, 2, 13))  # a Friday
    assert [(v.text, v.value) for v in values] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling resumed on Saturday night.", [("Saturday night", "1998-02-07TNI", "TIME")]),
        ("Talks resume on Monday morning.", [("Monday morning", "1998-02-16TMO", "TIME")]),
        ("The vote is set for March 3 evening.", [("March 3 evening", "1998-03-03TEV", "TIME")]),
        # A day part that is not that day's: no single expression.
        ("The night was cold on Saturday.", [("Saturday", "1998-02-07", "DATE")]),
    ],
)
def test_tagger_a_day_and_its_part_are_one_time(tag, text, expected):
    values = tag(text, date(1998, 2, 13))  # a Friday
    assert [(v.text, v.value, v.type) for v in values] == expected
    assert all(v.span_days is not None for v in values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts expect a recovery in the second half of the year.", "1998-H2"),
        ("Profit rose in the third quarter of the year.", "1997-Q3"),
        ("Sales fell in the first half of last year.", "1997-H1"),
        ("Sales will rise in the second half of next year.", "1999-H2"),
        ("Earnings rose in the fourth quarter of last year.", "1997-Q4"),
    ],
)
def test_tagger_a_quarter_or_half_of_a_named_year(tag, text, expected):
    values = tag(text, date(1998, 2, 13))
    assert [(v.value, v.type) for v in values] == [(expected, "DATE")]
