import pytest

from dateline.errors import KnowledgeError
from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import check_mode, contexts, event_type, event_types

PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


def test_ontology_has_the_sixteen_plover_types_in_order():
    assert list(event_types()) == PLOVER_TYPES


def test_ontology_maps_each_type_to_a_cameo_root_and_goldstein_score():
    assert event_type("CONSULT").cameo == "04"
    assert event_type("ASSAULT").cameo == "18"
    assert event_type("ASSAULT").goldstein < 0 < event_type("AID").goldstein
    assert event_type("PROTEST").quad_class == "material_conflict"
    assert event_type("AGREE").quad_class == "verbal_cooperation"


def test_ontology_lists_the_codebook_modes():
    assert {"phone", "visit", "third-party", "multilateral"} <= set(event_type("CONSULT").modes)
    assert {"withdraw", "release", "disarm", "ceasefire"} <= set(event_type("RETREAT").modes)
    assert {"aerial", "drone", "heavy-weapons"} <= set(event_type("ASSAULT").modes)
    assert "military" in contexts()


def test_ontology_rejects_an_unknown_type_or_mode_by_name():
    with pytest.raises(KnowledgeError, match="unknown PLOVER type 'NEGOTIATE'"):
        event_type("NEGOTIATE")
    with pytest.raises(KnowledgeError, match="CONSULT has no mode 'aerial'"):
        check_mode("CONSULT", "aerial")


def test_ontology_every_lexicon_entry_names_a_valid_type_and_mode():
    lexicon = load_lexicon()
    for entry in lexicon.entries:
        check_mode(entry.type, entry.mode)
        assert all(isinstance(p, str) for p in entry.preps), entry.label


def test_ontology_lexicon_covers_every_type_with_hundreds_of_entries():
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 500
    assert {entry.type for entry in lexicon.entries} == set(PLOVER_TYPES)
    assert {"verb", "noun", "phrase"} == {entry.kind for entry in lexicon.entries}
    # YAML 1.1 reads a bare "no" as false: the negators must stay strings.
    assert "no" in lexicon.grammar.negators
