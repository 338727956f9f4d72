"""The shipped learned coder through the whole pipeline, on sentences written for these tests.

The sentences (``data/coder_sentences.yaml``) are about conflicts and
diplomacy nobody here trained on: five for each of the 16 PLOVER types,
many naming only generic actors ("police", "gunmen", "students").
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from dateline.coder.model import SHIPPED_MODEL, EventCoder
from dateline.events.ontology import event_types
from dateline.extract import extract, extract_many
from dateline.settings import Settings

pytestmark = pytest.mark.slow

SENTENCES = yaml.safe_load((Path(__file__).parent / "data" / "coder_sentences.yaml").read_text())


@pytest.fixture(scope="module")
def coded():
    """Each written sentence with its most confident event (or None)."""
    found = extract_many([item["sentence"] for item in SENTENCES], settings=Settings())
    return [
        (item, max(events, key=lambda e: e.confidence, default=None))
        for item, events in zip(SENTENCES, found, strict=True)
    ]


def test_coder_sentences_cover_every_type():
    assert Counter(item["type"] for item in SENTENCES) == dict.fromkeys(event_types(), 5)


def test_coder_types_most_written_sentences_right(coded):
    right = [item for item, event in coded if event is not None and event.type == item["type"]]
    wrong = [
        (item["type"], event and event.type, item["sentence"])
        for item, event in coded
        if item not in right
    ]
    assert len(right) >= 0.75 * len(coded), wrong
    assert {item["type"] for item in right} == set(event_types()), wrong


def test_coder_leaves_few_written_sentences_without_event(coded):
    silent = [item["sentence"] for item, event in coded if event is None]
    assert len(silent) <= 0.1 * len(coded), silent


def test_coder_actors_take_their_sector(coded):
    """Named or generic ("riot police", "farmers"), the actor's sector is the one written."""
    judged = [(item, event) for item, event in coded if event is not None and item.get("actor")]
    right = [
        item
        for item, event in judged
        if any(a.sector == item["actor"]["sector"] for a in (*event.actors, *event.recipients))
    ]
    assert len(right) >= 0.85 * len(judged), [
        (item["sentence"], [a.to_dict() for a in event.actors])
        for item, event in judged
        if item not in right
    ]


def test_coder_confidence_is_a_probability(coded):
    for _item, event in coded:
        if event is not None:
            assert 0.0 < event.confidence < 1.0


def test_coder_keeps_an_act_whose_actors_nobody_names():
    events = extract(
        "Gunmen opened fire on a minibus near the border town, killing four passengers."
    )
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and any(a.sector for e in assault for a in e.actors)


def test_coder_is_off_when_told():
    sentence = "Thousands of students marched through Nairobi on Tuesday demanding lower fees."
    with_coder = extract(sentence)
    without = extract(sentence, settings=Settings(coder_model="none"))
    assert [e.type for e in with_coder] == ["PROTEST"]
    assert all(e.confidence != with_coder[0].confidence for e in without)


def test_coder_shipped_model_is_self_contained(tmp_path):
    # Most of it is the exported encoder (the whole MiniLM in float32, about 90 MB).
    size = sum(p.stat().st_size for p in SHIPPED_MODEL.iterdir())
    assert size < 110 * 1024 * 1024
    coder = EventCoder.load(SHIPPED_MODEL)
    assert set(event_types()) <= set(coder.classes)
    # Installed Dateline, run from a folder with no ../shared beside it.
    script = (
        "import dateline, json; "
        "print(json.dumps([e.type for e in dateline.extract("
        "'Protesters stormed the parliament building in the capital on Tuesday.')]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1])
