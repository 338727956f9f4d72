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
