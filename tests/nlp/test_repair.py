from datetime import date

import pytest

from dateline.events import find_mentions
from dateline.nlp import load_nlp, parse
from dateline.nlp.repair import reattach_reduced_relatives
from dateline.settings import Settings
from dateline.time import clause_date, tag_doc

pytestmark = pytest.mark.slow

# The parser makes "reached" a clause of "drew" here: the accord loses its verb and its date.
MISREAD = (
    "Ruto drew attention to the importance of the accord on Sudan reached on 4 May, "
    "and said talks would go on."
)


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_a_reduced_relative_read_as_a_clause_is_given_to_its_noun():
    doc = load_nlp(Settings().spacy_model)(MISREAD)
    assert _token(doc, "reached").dep_ == "advcl"  # the mistake this repairs
    assert reattach_reduced_relatives(doc) == 1
    reached = _token(doc, "reached")
    # The lowest common noun of the phrase, not the place the phrase ends with.
    assert (reached.dep_, reached.head.text, reached.tag_) == ("acl", "accord", "VBN")
    assert _token(doc, "said").head.text == "drew"


@pytest.mark.parametrize(
    "text",
    [
        "The rebels left the city, defeated by the army.",
        "Defeated by the army, the rebels left the city on Monday.",
        "The talks in Doha ended on Tuesday and the delegations returned home.",
        "Ruto drew attention to the importance of the accord that was reached on 4 May.",
    ],
)
def test_clauses_parsed_right_are_left_alone(text):
    doc = load_nlp(Settings().spacy_model)(text)
    heads = [(t.dep_, t.head.i) for t in doc]
    assert reattach_reduced_relatives(doc) == 0
    assert [(t.dep_, t.head.i) for t in doc] == heads


def test_the_repaired_agreement_is_an_event_with_its_own_date():
    doc = parse(MISREAD, Settings())
    [mention] = [m for m in find_mentions(doc) if m.type == "AGREE"]
    assert mention.trigger == "accord"
    values = tag_doc(doc, date(2023, 6, 1))
    dated = clause_date(_token(doc, "accord"), values, date(2023, 6, 1))
    assert (dated.start, dated.source) == (date(2023, 5, 4), "expression")


def test_a_noun_inside_the_participles_own_clause_is_never_its_head():
    """In a document the parser once made "troops" the object of "captured" that
    follows it; attaching "captured" to "troops" would make a cycle."""
    from spacy.tokens import Doc

    nlp = load_nlp(Settings().spacy_model)
    words = ["Rebels", "held", "government", "troops", "captured", "in", "Sirte", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 3, 4, 1, 4, 5, 1],
        deps=["nsubj", "ROOT", "compound", "dobj", "advcl", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "NN", "NNS", "VBN", "IN", "NNP", "."],
    )
    assert reattach_reduced_relatives(doc) == 0
    assert [sent.root.text for sent in doc.sents] == ["held"]
