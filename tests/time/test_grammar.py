"""The time grammar reads its words from ``time_words.yaml``: editing the data changes it."""

from pathlib import Path

import pytest
import yaml

from dateline.errors import KnowledgeError
from dateline.knowledge import KNOWLEDGE_DIR
from dateline.time.grammar import _WORD_CLASSES, find_holiday, read_pieces
from dateline.time.lexicon import Lexicon, lexicon, lexicon_of


def _edited(tmp_path: Path, **sections: object) -> Lexicon:
    """The lexicon of a copy of time_words.yaml with ``sections`` replaced, read from a file."""
    data = yaml.safe_load((KNOWLEDGE_DIR / "time_words.yaml").read_text(encoding="utf-8"))
    data.update(sections)
    path = tmp_path / "time_words.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return lexicon_of(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_grammar_word_classes_are_sections_of_the_data():
    sections = set(yaml.safe_load((KNOWLEDGE_DIR / "time_words.yaml").read_text()))
    # The month names are month_names.yaml's, which the cleaner reads too.
    assert set(_WORD_CLASSES) - {"months"} <= sections
    assert set(_WORD_CLASSES) <= set(Lexicon.__dataclass_fields__)


def test_grammar_honours_an_approximator_added_to_the_data(tmp_path):
    words = ["circa", "three", "years"]
    assert read_pieces(words, lexicon()).approx is None
    lex = _edited(tmp_path, approximators={**lexicon().approximators, "circa": "APPROX"})
    assert read_pieces(words, lex).approx == "APPROX"


def test_grammar_honours_a_trailing_direction_added_to_the_data(tmp_path):
    words = ["two", "years", "hence", "now"]
    assert read_pieces(words, lexicon()).direction is None
    lex = _edited(tmp_path, trailing_directions=[*lexicon().trailing_directions, "hence"])
    assert read_pieces(words, lex).direction == 1


def test_grammar_forgets_a_word_taken_out_of_the_data(tmp_path):
    assert read_pieces(["tonight"], lexicon()).day_part == "NI"
    assert read_pieces(["earlier", "this", "month"], lexicon()).rough == -1
    lex = _edited(tmp_path, deictic_day_parts={}, rough_followers=["in"])
    assert read_pieces(["tonight"], lex).day_part is None
    assert read_pieces(["tonight"], lex).deictic == 0
    assert read_pieces(["earlier", "this", "month"], lex).rough == 0


def test_grammar_reads_ordinal_parts_and_their_period_from_the_data(tmp_path):
    words = ["the", "second", "half", "of", "last", "year"]
    pieces = read_pieces(words, lexicon())
    assert (pieces.ordinal, pieces.unit_word, pieces.of_year) == (2, "half", -1)
    lex = _edited(tmp_path, ordinal_parts={"quarter": "year"})
    assert read_pieces(words, lex).ordinal is None


def test_grammar_holiday_skips_the_articles_the_data_names(tmp_path):
    assert find_holiday(["the", "christmas", "eve"], lexicon()) == (12, 24)
    lex = _edited(tmp_path, definite_articles=[], holidays={"christmas eve": [12, 24]})
    assert find_holiday(["christmas", "the", "eve"], lex) is None
    assert find_holiday(["christmas", "the", "eve"], lexicon()) == (12, 24)


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ({"trailing_directions": ["ago", "anon"]}, "trailing_directions not in directions"),
        ({"ordinal_parts": {"third": "year"}}, "ordinal_parts not in units"),
        ({"approximators": None}, "malformed entry"),
    ],
)
def test_lexicon_rejects_inconsistent_word_classes(tmp_path, sections, message):
    with pytest.raises(KnowledgeError, match=message):
        _edited(tmp_path, **sections)
