"""A summary sentence printed under its date does not name that day again."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.timeline.summary.own_day import without_own_day

SATURDAY = date(2011, 3, 19)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # Opening the sentence, with its comma: the next word takes the capital.
        (
            "On Saturday, French jets fired the first shots at tanks near Benghazi.",
            "French jets fired the first shots at tanks near Benghazi.",
        ),
        (
            "Early Saturday , rebels said they had driven the tanks out of the city .",
            "Rebels said they had driven the tanks out of the city .",
        ),
        (
            "On Saturday, March 19, 2011, the coalition began its air strikes.",
            "The coalition began its air strikes.",
        ),
        ("On 19 March coalition jets struck air defences.", "Coalition jets struck air defences."),
        # Inside it, with the time of day that belongs to it.
        (
            "The Security Council voted Saturday evening to impose a no-fly zone.",
            "The Security Council voted to impose a no-fly zone.",
        ),
        (
            "The foreign minister, speaking to reporters Saturday in Tripoli, said Libya would comply.",
            "The foreign minister, speaking to reporters in Tripoli, said Libya would comply.",
        ),
        # At its end, or before a clause: the commas are mended.
        (
            "A rebel runs for cover during an air strike near Ajdabiya , Libya , on Saturday .",
            "A rebel runs for cover during an air strike near Ajdabiya , Libya .",
        ),
        (
            "The army shelled two towns in the east again on Saturday, stepping up its offensive.",
            "The army shelled two towns in the east again, stepping up its offensive.",
        ),
    ],
)
def test_summary_drops_the_entrys_own_day(text, printed):
    assert without_own_day(text, SATURDAY) == printed


@pytest.mark.parametrize(
    "text",
    [
        # Another day, or the same weekday of another date.
        "On Friday, Gaddafi's forces reached the outskirts of Benghazi.",
        "On March 18, the government declared a ceasefire.",
        "On Saturday, March 12, the Arab League backed a no-fly zone.",
        "On March 19, 2012, the anniversary passed quietly.",
        # The day tied to something else: a range, a relation, a possessive, a name.
        "Talks ran from Saturday to Monday without agreement on a truce.",
        "The strikes continued between March 19 and March 21 across the west.",
        "Saturday 's strikes destroyed dozens of tanks near Benghazi .",
        "The ministers quoted the joint statement dated March 19 at length.",
        "The council postponed the vote scheduled for Saturday until next week.",
        "The curfew, effective Saturday, was lifted a month later.",
        "Protesters marked Black Saturday with a march through the capital.",
        "Protests spread on Saturday, the day of rage, across the east.",
        "Saturday prayers drew thousands of worshippers in the square.",
        # Nothing left worth printing.
        "It happened Saturday.",
        # No day at all; a month name used as a word.
        "Rebels may march on Sirte once the coalition clears its air defences.",
    ],
)
def test_summary_keeps_a_day_that_is_not_the_entrys_when(text):
    assert without_own_day(text, SATURDAY) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_summary_own_day_never_lengthens_a_sentence(text):
    assert len(without_own_day(text, SATURDAY)) <= len(text)
