import pytest

from dateline.events.lexicon import load_lexicon
from dateline.events.magnitude import find_magnitude, read_number
from dateline.events.values import MAGNITUDE_KINDS, Magnitude
from dateline.export.flat import FLAT_COLUMNS


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["94"], 94),
        (["1,200"], 1200),
        (["Ninety", "-", "four"], 94),
        (["twenty", "-", "one"], 21),
        (["100", "thousand"], 100000),
        (["1.5", "million"], 1500000),
        (["a", "dozen"], 12),
        (["several", "hundred"], 300),
        (["dozens"], 24),
        (["hundreds"], 200),
        (["thousands"], 2000),
        (["tens", "of", "thousands"], 20000),
        (["hundreds", "of", "thousands"], 200000),
    ],
)
def test_magnitude_reads_numbers_in_digits_and_words(words, value):
    assert read_number(words) == value


def test_magnitude_read_number_refuses_other_words():
    assert read_number(["several", "villages"]) is None


def test_magnitude_of_type_keeps_the_counts_of_that_type():
    counts = Magnitude(killed=3, injured=9, displaced=200, arrested=12, size=5000)
    assert counts.of_type("ASSAULT") == Magnitude(killed=3, injured=9, displaced=200)
    assert counts.of_type("COERCE") == Magnitude(displaced=200, arrested=12)
    assert counts.of_type("PROTEST") == Magnitude(size=5000)
    assert not counts.of_type("CONSULT")


def test_magnitude_kinds_are_the_lexicon_headings_and_export_columns():
    assert MAGNITUDE_KINDS == ("killed", "injured", "displaced", "arrested", "size")
    assert set(load_lexicon().magnitude_words) == set(MAGNITUDE_KINDS)
    assert [c for c in FLAT_COLUMNS if c in MAGNITUDE_KINDS] == list(MAGNITUDE_KINDS)


def test_magnitude_merge_keeps_the_larger_number():
    merged = Magnitude(killed=12).merge(Magnitude(killed=15, injured=40))
    assert merged.to_dict() == {"killed": 15, "injured": 40}
    assert not Magnitude()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At least 12 people were killed and 30 wounded when a car bomb exploded "
            "in Mogadishu on Sunday.",
            {"killed": 12, "injured": 30},
        ),
        (
            "Police arrested 200 protesters in Khartoum, where thousands of "
            "demonstrators marched against the army.",
            {"arrested": 200, "size": 2000},
        ),
        (
            "The fighting in Sudan has displaced more than 1.5 million people since "
            "April, the UN said.",
            {"displaced": 1500000},
        ),
        (
            "Dozens of soldiers died in the ambush near Mopti, and a crowd of 5,000 "
            "gathered for the funeral.",
            {"killed": 24, "size": 5000},
        ),
        (
            "Forty-three civilians were killed and hundreds of others injured in "
            "Russian missile strikes on Kharkiv between May 10 and May 14.",
            {"killed": 43, "injured": 200},
        ),
        ("The death toll in Gaza rose to 45, health officials said.", {"killed": 45}),
    ],
)
def test_magnitude_counts_people_under_their_heading(nlp, sentence, expected):
    assert find_magnitude(nlp(sentence)[:]).to_dict() == expected


@pytest.mark.slow
def test_magnitude_ignores_dates_money_and_lengths(nlp):
    sentence = (
        "On 12 March 2022 the 44-day offensive cost the government $300 million, "
        "and 3 bridges were damaged."
    )
    assert not find_magnitude(nlp(sentence)[:])
