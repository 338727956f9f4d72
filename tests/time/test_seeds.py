"""Every date the gold events of the seed articles depend on, one test per tricky case."""

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def test_seeds_year_less_day_on_publication_day(seed_values, value_after):
    text, values = seed_values("000")
    assert value_after(text, values, "November 24, the two").value == "2020-11-24"
    assert value_after(text, values, "November 10.\n").value == "2020-11-10"


def test_seeds_day_before_month_next_day(seed_values, value_after):
    text, values = seed_values("000")
    assert value_after(text, values, "25 November").value == "2020-11-25"


def test_seeds_past_tense_keeps_the_year(seed_values, value_after):
    text, values = seed_values("000")
    assert value_after(text, values, "November 20 and").value == "2020-11-20"


def test_seeds_future_tense_looks_ahead(seed_values, value_after):
    text, values = seed_values("000")
    assert value_after(text, values, "December 1").value == "2020-12-01"


def test_seeds_dash_range(seed_values, value_after):
    text, values = seed_values("000")
    first = value_after(text, values, "September 27")
    assert first.span_days == (date(2020, 9, 27), date(2020, 11, 10))


def test_seeds_durations(seed_values, value_after):
    text, values = seed_values("000")
    assert value_after(text, values, "44 days").value == "P44D"
    assert value_after(text, values, "nearly three decades").value in ("P3DE", "P30Y")
    text, values = seed_values("001")
    assert value_after(text, values, "31-year").value == "P31Y"


def test_seeds_full_dates(seed_values, value_after):
    text, values = seed_values("002")
    assert value_after(text, values, "April 1, the").value == "2021-04-01"
    assert value_after(text, values, "November 10, 2020").value == "2020-11-10"
    assert value_after(text, values, "January 11, 2021.").value == "2021-01-11"
    text, values = seed_values("004")
    assert value_after(text, values, "10 November 2020").value == "2020-11-10"


def test_seeds_vague_range_takes_the_written_year(seed_values, value_after):
    text, values = seed_values("002")
    late = value_after(text, values, "late September")
    assert late.value == "2020-09"
    start, end = late.span_days
    assert date(2020, 9, 15) <= start <= date(2020, 9, 30)
    assert date(2020, 11, 1) <= end <= date(2020, 11, 15)


def test_seeds_passage_year_overrides_publication_year(seed_values, value_after):
    text, values = seed_values("003")
    assert value_after(text, values, "September 2020").value == "2020-09"
    night = value_after(text, values, "the night of November 10")
    assert night.start == date(2020, 11, 10)
    assert night.anchoring == "passage"


def test_seeds_years_ago(seed_values, value_after):
    text, values = seed_values("003")
    assert value_after(text, values, "35 years ago").value == "1988"


def test_seeds_a_day_later_counts_from_the_last_date(seed_values, value_after):
    text, values = seed_values("003")
    assert value_after(text, values, "September 19, 2023").value == "2023-09-19"
    assert value_after(text, values, "A day later").value == "2023-09-20"
    assert value_after(text, values, "May 2023").value == "2023-05"
    assert value_after(text, values, "January 1, 2024").value == "2024-01-01"


def test_seeds_range_until_the_end_of_the_month(seed_values, value_after):
    text, values = seed_values("003")
    start = value_after(text, values, "September 24")
    assert start.span_days == (date(2023, 9, 24), date(2023, 9, 30))


def test_seeds_incident_day_and_year_period(seed_values, value_after):
    text, values = seed_values("001")
    assert value_after(text, values, "September 20").value == "2023-09-20"
    period = value_after(text, values, "2020-2022")
    assert period.span_days == (date(2020, 1, 1), date(2022, 12, 31))
