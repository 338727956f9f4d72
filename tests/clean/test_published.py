from datetime import datetime

import pytest

from dateline.clean.published import find_dates, parse_published, read_date_line


@pytest.mark.parametrize(
    ("line", "iso", "precision", "rest"),
    [
        ("3 March 2024 [09:12] - KYIVPOST.COM", "2024-03-03T09:12", "minute", "KYIVPOST.COM"),
        (
            "2022-06-14 08:05:41 | Last Update : 2022-06-14 10:30:00",
            "2022-06-14T08:05:41",
            "second",
            "",
        ),
        ("date 2019-10-09 By Selin Arslan", "2019-10-09", "day", "By Selin Arslan"),
        ("Date: 5.2.2023 17:30", "2023-02-05T17:30", "minute", ""),
        ("Published: Monday, 3 March 2024, 09:12", "2024-03-03T09:12", "minute", "Monday"),
        ("March 3, 2024 10:15 am ET", "2024-03-03T10:15", "minute", ""),
        ("Feb. 24, 2022 11:40 p.m. EST", "2022-02-24T23:40", "minute", ""),
        (
            "Updated: 12 May 2023 | Published: 11 May 2023 18:20 GMT",
            "2023-05-11T18:20",
            "minute",
            "",
        ),
    ],
)
def test_published_reads_date_lines_as_news_sites_print_them(line, iso, precision, rest):
    found = read_date_line(line)
    assert found is not None
    assert found.published.iso() == iso
    assert found.published.precision == precision
    assert found.rest == rest


def test_published_ignores_a_sentence_that_mentions_a_date():
    sentence = (
        "Sudan's army and the Rapid Support Forces agreed on May 20, 2023 to a week-long "
        "ceasefire brokered by Saudi Arabia and the United States in Jeddah, mediators said."
    )
    assert read_date_line(sentence) is None


def test_published_reads_dotted_dates_day_first():
    (found,) = find_dates("Datum: 12.1.2021")
    assert found.moment == datetime(2021, 1, 12)


def test_published_settles_slashed_dates_by_values_then_by_page_habit():
    assert find_dates("Posted 25/11/2022")[0].moment == datetime(2022, 11, 25)
    assert find_dates("Posted 11/25/2022")[0].moment == datetime(2022, 11, 25)
    assert find_dates("Posted 3/4/2024")[0].moment == datetime(2024, 4, 3)
    assert find_dates("Posted 3/4/2024", month_first=True)[0].moment == datetime(2024, 3, 4)


def test_published_rejects_impossible_dates():
    assert find_dates("Date: 31.2.2021") == []


def test_published_parses_iso_hints_to_their_precision():
    assert parse_published("2024-03-03T09:12:44Z", "hint").value == "2024-03-03T09:12:44"
    assert parse_published("2024-03-03T09:12", "hint").precision == "minute"
    assert parse_published("2024-03-03", "hint").precision == "day"
    assert parse_published("2024-03", "hint").value == "2024-03"
    assert parse_published("2024", "hint").precision == "year"
    assert parse_published("14 July 2021", "hint").value == "2021-07-14"
    assert parse_published("sometime last week", "hint") is None


def test_published_short_sentences_with_a_date_are_not_date_lines():
    assert read_date_line("On 3 March 2024 the army took the town.") is None
    assert read_date_line("Kyiv, 3 March 2024") is not None


@pytest.mark.parametrize("text", ["2021-02-30", "2021-13-45", "2021-02-29T10:00", "2023-00-10"])
def test_parse_published_is_none_for_a_day_that_does_not_exist(text):
    assert parse_published(text, "hint") is None


def test_parse_published_keeps_the_day_of_an_impossible_time():
    found = parse_published("2021-02-03T25:61", "hint")
    assert found is not None
    assert (found.value, found.precision) == ("2021-02-03", "day")
