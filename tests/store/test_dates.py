"""One meaning of since/until: from the first day of since's prefix through the last
day of until's; a record matches when its days touch that range, undated never."""

from datetime import date

import pytest

from dateline.errors import ConfigError
from dateline.models import Article, article_id
from dateline.query import DayRange, day_range
from dateline.store import open_engine
from dateline.store.queries import add_articles, select_articles


@pytest.mark.parametrize(
    "since,until,expected",
    [
        ("2020", "2020", DayRange(date(2020, 1, 1), date(2020, 12, 31))),
        ("2020-02", "2020-02", DayRange(date(2020, 2, 1), date(2020, 2, 29))),
        ("2021-02", "2021-02", DayRange(date(2021, 2, 1), date(2021, 2, 28))),
        ("2020-11-05", "2020-11-05", DayRange(date(2020, 11, 5), date(2020, 11, 5))),
        (None, " 2020-11 ", DayRange(None, date(2020, 11, 30))),
        ("", None, DayRange(None, None)),
        (date(2020, 1, 2), None, DayRange(date(2020, 1, 2), None)),
    ],
)
def test_dates_a_bound_names_the_first_or_last_day_of_its_prefix(since, until, expected):
    assert day_range(since, until) == expected


@pytest.mark.parametrize(
    "since,until,message",
    [
        ("20201", None, "since '20201' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2020-1", None, "give YYYY, YYYY-MM or YYYY-MM-DD"),
        (None, "2020-11-31", "until '2020-11-31' is not a date: day is out of range"),
        (None, "2020-00", "until '2020-00' is not a date"),
        ("2020-11-05T10:00", None, "give YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2020-12", "2020-11", "since 2020-12 is after until 2020-11"),
    ],
)
def test_dates_a_malformed_bound_says_what_to_give(since, until, message):
    with pytest.raises(ConfigError, match=message):
        day_range(since, until)


PUBLISHED = {
    "day": "2020-11-05",
    "minute": "2020-11-30T23:59",
    "month": "2020-11",
    "year": "2020",
    "december": "2020-12-01T00:10",
    "october": "2020-10-31",
    "undated": None,
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def stored(request, tmp_path):
    if request.param == "sqlite":
        engine = open_engine(str(tmp_path / "articles.db"))
    else:
        engine = open_engine(request.getfixturevalue("postgres_url"))
    batch = [
        Article(
            id=article_id(name), file=f"{name}.txt", source=name, body=name, published=published
        )
        for name, published in PUBLISHED.items()
    ]
    with engine.begin() as connection:
        add_articles(connection, batch)
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    "since,until,expected",
    [
        (None, None, set(PUBLISHED)),
        ("2020-11", "2020-11", {"day", "minute", "month", "year"}),
        ("2020-11-05", "2020-11-05", {"day", "month", "year"}),
        ("2020-11-06", None, {"minute", "month", "year", "december"}),
        (None, "2020-11-04", {"month", "year", "october"}),
        ("2020-12", None, {"year", "december"}),
        ("2021", None, set()),
        (None, "2019", set()),
        (None, "2020-10-31", {"year", "october"}),
        (None, "2020-10", {"year", "october"}),
        ("2020-10-31", "2020-10-31", {"year", "october"}),
    ],
)
def test_dates_articles_match_when_their_days_touch_the_range(stored, since, until, expected):
    names = {article_id(name): name for name in PUBLISHED}
    with stored.connect() as connection:
        found = {names[a.id] for a in select_articles(connection, since=since, until=until)}
    assert found == expected
