"""Fixtures of the coder tests: the configured spaCy pipeline."""

from __future__ import annotations

import pytest

from dateline.nlp import load_nlp
from dateline.settings import Settings


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline (tests using it are marked slow)."""
    return load_nlp(Settings().spacy_model)
