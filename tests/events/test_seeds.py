"""The seed sentences the gold events rely on (../shared/seeds; skipped without them).

Each case parses the line of the seed file that holds the evidence and
checks the trigger's type and the role spans' text. Resolving the spans to
countries is the actors stage's job.
"""

from __future__ import annotations

import pytest
import yaml

from dateline.events import find_mentions

from .conftest import texts

pytestmark = pytest.mark.slow

# (file prefix, words of the evidence, type, mode, status, actors, recipients)
CASES = [
    ("000", "In a phone conversation that took place on November 24", "CONSULT", "phone",
     "occurred", ["the two presidents"], []),
    ("000", "joint statement signed by Baku, Moscow and Yerevan", "SUPPORT", None,
     "occurred", ["Baku", "Moscow", "Yerevan"], []),
    ("000", "vacated Aghdam on November 20", "RETREAT", "withdraw",
     "occurred", ["The Armenian troops", "civilians"], []),
    ("000", "will vacate Lachin on December 1", "CONCEDE", "withdraw",
     "future", ["The Armenian troops", "civilians"], []),
    ("000", "withdrawal of Armenian troops from Kalbajar", "RETREAT", "withdraw",
     "occurred", ["Armenian troops"], []),
    ("000", "Ninety-four", "ASSAULT", None,
     "occurred", ["Armenia"], ["Ninety-four\xa0Azerbaijani civilians"]),
    ("001", "Putinheld a telephone conversation", "CONSULT", "phone",
     "occurred", ["Azerbaijani President Ilham Aliyev"], []),
    ("001", "Aliyev apologized for the tragic death", "CONCEDE", "apologize",
     "occurred", ["Aliyev"], []),
    ("002", "In a telephone conversation held on April 1", "CONSULT", "phone",
     "occurred", ["the two presidents"], []),
    ("002", "talks held in Baku on April 1", "CONSULT", "visit",
     "occurred", ["Russian Deputy Prime Minister Alexei Overchuk"], []),
    ("002", "leaders signed the second statement", "SUPPORT", None,
     "occurred", ["the Azerbaijani, Russian and Armenian leaders"], []),
    ("002", "They also agreed on further contacts.", "AGREE", None,
     "occurred", ["They"], []),
    ("003", "at a joint press conference with his Romanian counterpart", "CONSULT", "visit",
     "occurred", ["Azerbaijani Foreign Minister Jeyhun Bayramov"], ["his Romanian counterpart"]),
    ("003", "in Bucharest, called on Armenia not to miss the chance", "REQUEST", None,
     "occurred", ["Azerbaijani Foreign Minister Jeyhun Bayramov"], ["Armenia"]),
    ("003", "it launched a military operation there", "ASSAULT", None,
     "occurred", ["it"], []),
    ("003", "an agreement on a ceasefire was reached", "AGREE", None,
     "occurred", [], []),
    ("003", "several rounds of negotiations between representatives", "CONSULT", None,
     "occurred", ["representatives of Karabakh and Baku"], []),
    ("004", "Putin hosted Azerbaijani President", "CONSULT", "visit", "occurred",
     ["Azerbaijani President Ilham Aliyev", "Armenian Prime Minister Nikol Pashinyan"],
     ["Russian President Vladimir Putin"]),
]  # fmt: skip


def _evidence_line(shared_dir, prefix: str, evidence: str) -> str:
    """The line holding the evidence, cut where the gold body starts (after a dateline)."""
    (path,) = sorted((shared_dir / "seeds").glob(f"{prefix}_*.txt"))
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    body_first = next(d["body_first"] for d in gold["documents"] if d["file"] == path.name)
    for line in path.read_text(encoding="utf-8").splitlines():
        if evidence in line.replace("\xa0", " ") or evidence in line:
            begin = line.find(body_first[:40])
            return line[begin:] if begin > 0 else line
    raise AssertionError(f"{evidence!r} is not in {path.name}")


@pytest.mark.parametrize(
    ("prefix", "evidence", "type_name", "mode", "status", "actors", "recipients"),
    CASES,
    ids=[f"{case[0]}-{case[1][:30]}" for case in CASES],
)
def test_seeds_evidence_sentence_gives_the_gold_event(
    nlp, shared_dir, prefix, evidence, type_name, mode, status, actors, recipients
):
    line = _evidence_line(shared_dir, prefix, evidence)
    doc = nlp(line)
    start = line.replace("\xa0", " ").find(evidence.replace("\xa0", " "))
    candidates = [m for m in find_mentions(doc) if m.type == type_name and m.start <= start < m.end]
    assert candidates, [(m.type, m.trigger) for m in find_mentions(doc)]
    mention = max(candidates, key=lambda m: m.confidence)
    assert (mention.mode, mention.status) == (mode, status)
    assert texts(mention.actor_spans)[: len(actors)] == actors
    assert texts(mention.recipient_spans)[: len(recipients)] == recipients


def test_seeds_casualty_sentence_counts_the_killed(nlp, shared_dir):
    line = _evidence_line(shared_dir, "000", "Ninety-four")
    (assault,) = [m for m in find_mentions(nlp(line)) if m.type == "ASSAULT"]
    assert assault.magnitude.killed == 94
    assert assault.magnitude.injured == 200


def test_seeds_exodus_counts_the_displaced(nlp, shared_dir):
    line = _evidence_line(shared_dir, "003", "more than 100 thousand residents")
    counts = [m.magnitude.displaced for m in find_mentions(nlp(line)) if m.magnitude.displaced]
    assert counts == [100000]
