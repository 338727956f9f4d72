"""How the lexicon's readings and the learned coder's word on a sentence combine.

A stub coder gives fixed probabilities, so each test shows one rule of
:func:`dateline.events.find_mentions` apart from what the shipped coder learned.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from dateline.coder import NO_EVENT, TypeProbabilities
from dateline.coder.confidence import rules_map
from dateline.events import find_mentions
from dateline.events.mentions import ADD_PROBABILITY, OVERRULE_PROBABILITY

pytestmark = pytest.mark.slow

_CLASSES = ("ACCUSE", "ASSAULT", "COOPERATE", "REJECT", "SUPPORT", NO_EVENT)


class _SureOf:
    """A coder that gives every sentence ``probability`` of one type."""

    calibration = rules_map()

    def __init__(self, name: str, probability: float):
        assert name in _CLASSES
        rest = (1.0 - probability) / (len(_CLASSES) - 1)
        self._row = tuple(probability if c == name else rest for c in _CLASSES)

    def probabilities(
        self, sentences: Sequence[object], triggers: object
    ) -> list[TypeProbabilities]:
        return [TypeProbabilities(_CLASSES, self._row) for _ in sentences]


def _standing(mentions) -> list[tuple[str, str]]:
    return [(m.type, m.trigger) for m in mentions if m.status != "hypothetical"]


def test_a_refusal_only_the_coder_reads_is_a_rejection_that_occurred(nlp):
    doc = nlp("The miners' union said it would not call off the strike.")
    mentions = find_mentions(doc, coder=_SureOf("REJECT", 0.95))
    assert [(m.type, m.status) for m in mentions] == [("REJECT", "occurred")]


def test_an_unsure_coder_leaves_a_negated_act_negated(nlp):
    doc = nlp("The miners' union said it would not call off the strike.")
    mentions = find_mentions(
        doc, coder=_SureOf("REJECT", (ADD_PROBABILITY + OVERRULE_PROBABILITY) / 2)
    )
    assert [(m.type, m.status) for m in mentions] == [("REJECT", "negated")]


def test_the_act_the_lexicon_missed_retypes_the_main_act_that_stands(nlp):
    # The lexicon reads cooperation ("had to work with", hypothetical) and support
    # ("approved"); the sentence is a complaint, and the coder is sure of it.
    doc = nlp(
        "Aid agencies complained that they had to work only with partners approved by the ministry."
    )
    mentions = find_mentions(doc, coder=_SureOf("ACCUSE", 0.9))
    assert ("ACCUSE", "approved") in _standing(mentions)
    assert "SUPPORT" not in {m.type for m in mentions}


def test_a_sure_type_the_lexicon_read_only_as_hypothetical_is_the_act(nlp):
    # The lexicon reads cooperation only as something they "had to" do; the coder is
    # sure the sentence reports cooperation: the act that stands is it.
    doc = nlp(
        "Aid agencies complained that they had to work only with partners approved by the ministry."
    )
    mentions = find_mentions(doc, coder=_SureOf("COOPERATE", 0.9))
    assert [m.type for m in mentions if m.status != "hypothetical"] == ["COOPERATE"]


def test_a_coder_below_the_overrule_line_keeps_the_lexicon_type(nlp):
    doc = nlp(
        "Aid agencies complained that they had to work only with partners approved by the ministry."
    )
    mentions = find_mentions(doc, coder=_SureOf("ACCUSE", OVERRULE_PROBABILITY - 0.1))
    assert ("SUPPORT", "approved") in _standing(mentions)
    assert "ACCUSE" not in {m.type for m in mentions}


@pytest.mark.parametrize(
    "text",
    [
        "Floodwaters swept through three villages in Sindh on Monday.",
        "A magnitude 5.8 earthquake struck eastern Turkey near Malatya on Sunday.",
    ],
)
def test_the_coder_adds_no_act_where_a_disaster_acts(nlp, text):
    # The lexicon's rule for mishaps holds for the act only the coder reads too.
    assert find_mentions(nlp(text), coder=_SureOf("ASSAULT", 0.95)) == []


def test_the_coder_adds_its_act_where_someone_acts(nlp):
    doc = nlp("Gunmen swept through three villages in Zamfara on Monday.")
    assert [m.type for m in find_mentions(doc, coder=_SureOf("ASSAULT", 0.95))] == ["ASSAULT"]
