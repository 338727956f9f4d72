from datetime import date

from dateline.time.periods import add_days, add_months


def test_periods_add_months_within_the_calendar():
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2020, 3, 15), -15) == date(2018, 12, 15)


def test_periods_add_months_beyond_the_calendar_is_none():
    # "the city was built 7000 years ago" read against 2023
    assert add_months(date(2023, 5, 1), -7000 * 12) is None
    assert add_months(date(2023, 5, 1), 10**12) is None


def test_periods_add_days_beyond_the_calendar_is_none():
    assert add_days(date(2023, 5, 1), -(10**9)) is None
    assert add_days(date(9999, 12, 31), 1) is None
    assert add_days(date(2023, 5, 1), 2) == date(2023, 5, 3)
