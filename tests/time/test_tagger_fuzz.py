"""Fuzz: ``tag-time`` reads any text against any anchor without failing, and every value it
gives for a date names the days it covers.

Texts mix time phrases (some of them hostile: years beyond the calendar,
impossible days) with arbitrary text. Each failure it ever found is kept
below as an ``@example``.
"""

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

_PHRASES = st.sampled_from(
    [
        "7,000 years ago",
        "66 million years ago",
        "the year 99999",
        "in the year 3000",
        "31 February 2021",
        "Feb. 29 2023",
        "on 29 February 2024",
        "yesterday",
        "next week",
        "last year",
        "in three weeks",
        "two days after the vote on May 3",
        "from late September to early November 2020",
        "every Tuesday",
        "at 25:61",
        "the 0000s",
        "in 2021-13-45",
        "a billion days later",
        "Talks resumed",
        " ",
        ". ",
        "\n",
    ]
)
_TEXT = st.lists(st.one_of(_PHRASES, st.text(max_size=30)), min_size=1, max_size=8).map(" ".join)
_ANCHORS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, anchor=_ANCHORS)
@example(text="The city was built 7,000 years ago.", anchor=date(2023, 5, 1))
@example(text="It will happen in the year 99999.", anchor=date(2021, 1, 1))
@example(text="Yesterday they met.", anchor=date(1, 1, 1))
@example(text="They meet next week.", anchor=date(9999, 12, 31))
# Found: "²" is a digit to str.isdigit() but not to int().
@example(text="It ended ² years ago, on ³ May.", anchor=date(2021, 1, 1))
def test_tagger_fuzz_any_text_any_anchor(tag, text, anchor):
    for value in tag(text, anchor):
        assert text[value.start_char : value.end_char] == value.text
        assert value.value
        if value.start is not None:
            assert value.end is not None and value.start <= value.end
