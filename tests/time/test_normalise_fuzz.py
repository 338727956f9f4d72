"""Fuzz: the time grammar reads any words against any day without failing.

Hypothesis draws words from the time vocabulary, numbers of every size and
anchors from the whole calendar. Each failure it ever found is kept below as
an ``@example``.
"""

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.time.lexicon import lexicon
from dateline.time.normalise import Context, normalise

_LEX = lexicon()
_VOCABULARY = sorted(
    {
        *_LEX.months,
        *_LEX.weekdays,
        *_LEX.numbers,
        *_LEX.units,
        *(unit + "s" for unit in _LEX.units),
        *_LEX.shifts,
        *_LEX.directions,
        *_LEX.deictic_days,
        *_LEX.parts,
        *_LEX.ordinals,
        *_LEX.day_parts,
        *_LEX.seasons,
        "ago",
        "the",
        "of",
        "year",
        ",",
        "-",
        "'",
        ":",
        "am",
        "pm",
    }
)
_NUMBERS = st.integers(min_value=0, max_value=10**12).map(str)
_WORDS = st.lists(st.one_of(st.sampled_from(_VOCABULARY), _NUMBERS), min_size=1, max_size=7)
_ANCHORS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=400, deadline=None)
@given(words=_WORDS, anchor=_ANCHORS, tense=st.sampled_from([None, "past", "present", "future"]))
@example(words=["7000", "years", "ago"], anchor=date(2023, 5, 1), tense="past")
@example(words=["7", ",", "000", "years", "ago"], anchor=date(2023, 5, 1), tense=None)
@example(words=["the", "year", "99999"], anchor=date(2021, 1, 1), tense=None)
@example(words=["next", "year"], anchor=date(9999, 12, 31), tense=None)
# Found: days before year 1 or after 9999 (OverflowError); the tagger reads them as no time.
@example(words=["yesterday"], anchor=date(1, 1, 1), tense=None)
@example(words=["sun"], anchor=date(9999, 12, 31), tense="future")
@example(words=["²", "years", "ago"], anchor=date(2021, 1, 1), tense=None)
def test_normalise_fuzz_reads_any_words_against_any_day(words, anchor, tense):
    from dateline.time.tagger import _normalise

    reading = _normalise(words, Context(anchor=anchor, tense=tense), _LEX)
    if reading is None or reading.start is None:
        return
    assert reading.end is not None and reading.start <= reading.end
    assert reading.value
    if reading.value[:4].isdigit() and reading.precision in ("day", "month", "year"):
        # A value that names a calendar year names the year of its days.
        assert int(reading.value[:4]) == reading.start.year


@settings(max_examples=200, deadline=None)
@given(words=_WORDS)
@example(words=["the", "year", "99999"])
def test_normalise_fuzz_at_an_ordinary_anchor_never_raises(words):
    # The grammar itself, without the tagger's safety net, on a day in the middle of the calendar.
    normalise(words, Context(anchor=date(2021, 6, 15)), _LEX)
