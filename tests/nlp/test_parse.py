import pytest

from dateline.errors import ParseError
from dateline.nlp import load_nlp, parse, parse_many
from dateline.settings import Settings

TEXTS = [
    f"The {country} foreign minister met the UN envoy in {city} on Monday to discuss the ceasefire."
    for country, city in [
        ("Sudanese", "Jeddah"),
        ("Ethiopian", "Nairobi"),
        ("Colombian", "Havana"),
        ("Yemeni", "Muscat"),
        ("Libyan", "Geneva"),
        ("Malian", "Algiers"),
    ]
]


@pytest.mark.slow
def test_parse_loads_the_model_once_and_parses():
    settings = Settings()
    assert load_nlp(settings.spacy_model) is load_nlp(settings.spacy_model)
    doc = parse(TEXTS[0], settings)
    assert [ent.text for ent in doc.ents if ent.label_ == "GPE"] == ["Jeddah"]
    assert any(token.dep_ == "nsubj" for token in doc)


@pytest.mark.slow
def test_parse_many_in_several_processes_keeps_order_and_results():
    single = Settings(n_process=1, batch_size=2)
    several = Settings(n_process=2, batch_size=2, multiprocess_min_texts=4)
    one = [doc.to_json() for doc in parse_many(TEXTS, single, size_hint=len(TEXTS))]
    two = [doc.to_json() for doc in parse_many(TEXTS, several, size_hint=len(TEXTS))]
    assert one == two
    assert [d["text"] for d in two] == TEXTS


def test_parse_names_a_missing_model():
    with pytest.raises(ParseError, match="'en_core_web_xx_missing' is not installed"):
        load_nlp("en_core_web_xx_missing")


@pytest.mark.slow
def test_parse_over_long_texts_in_pieces_never_whole(monkeypatch):
    from dateline.nlp import parse_each

    settings = Settings(n_process=1)
    nlp = load_nlp(settings.spacy_model)
    monkeypatch.setattr(nlp, "max_length", 400)
    long_text = "\n\n".join(TEXTS * 3)  # 1684 characters: spaCy alone raises E088
    assert len(long_text) > nlp.max_length
    doc = parse(long_text, settings)
    assert doc.text == long_text
    [parsed] = list(parse_each([long_text], settings, size_hint=1))
    assert parsed.error is None and parsed.doc.text == long_text
    assert "parsed in 5 pieces" in parsed.notes[0]


@pytest.mark.slow
def test_parse_long_texts_in_pieces_that_keep_memory_bounded(monkeypatch):
    """A text under max_length but over PIECE_CHARS is parsed in pieces, with no note,
    into the doc of the same sentences."""
    import dateline.nlp as stage

    settings = Settings(n_process=1)
    long_text = "\n\n".join(TEXTS * 3)
    whole = parse(long_text, settings)
    monkeypatch.setattr(stage, "PIECE_CHARS", 400)
    pieced = parse(long_text, settings)
    assert pieced.text == long_text
    assert [s.text for s in pieced.sents] == [s.text for s in whole.sents]
    [parsed] = list(stage.parse_each([long_text], settings, size_hint=1))
    assert parsed.error is None and parsed.doc.text == long_text and parsed.notes == ()


def test_parse_split_text_cuts_at_paragraphs_and_joins_back():
    from dateline.nlp import split_text

    text = "First paragraph here.\n\nSecond one, a little longer.\n\nThird."
    pieces = split_text(text, 30)
    assert "".join(pieces) == text
    assert all(len(piece) <= 30 for piece in pieces)
    assert pieces[0] == "First paragraph here.\n\n"
    assert split_text("x" * 70, 30) == ["x" * 30, "x" * 30, "x" * 10]
