"""Fixtures of the events tests: the parsed text of one sentence or article."""

from __future__ import annotations

import pytest

from dateline.events import EventMention, find_mentions
from dateline.nlp import load_nlp
from dateline.settings import Settings


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline (tests using it are marked slow)."""
    return load_nlp(Settings().spacy_model)


@pytest.fixture
def mentions_of(nlp):
    """Parse a text and return its event mentions."""

    def run(text: str) -> list[EventMention]:
        return find_mentions(nlp(text))

    return run


def only(mentions: list[EventMention], type_name: str) -> EventMention:
    """The single mention of ``type_name``; fails listing what was found."""
    found = [m for m in mentions if m.type == type_name]
    assert len(found) == 1, [(m.type, m.trigger) for m in mentions]
    return found[0]


def texts(spans) -> list[str]:
    """The texts of role spans."""
    return [span[0] for span in spans]
