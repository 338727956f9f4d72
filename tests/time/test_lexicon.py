from dateline.time.lexicon import lexicon


def test_lexicon_indexes_months_weekdays_and_abbreviations():
    lex = lexicon()
    assert lex.months["sept."] == 9
    assert lex.months["december"] == 12
    assert lex.weekdays["thurs"] == 4


def test_lexicon_unit_accepts_plurals():
    lex = lexicon()
    assert lex.unit("decades").code == "DE"
    assert lex.unit("centuries").code == "CE"
    assert lex.unit("days").code == "D"
    assert lex.unit("ballots") is None
