"""Fixtures of the time stage tests: the parsed-text tagger and the seed articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.settings import Settings
from dateline.time import TimeValue, tag_text

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="session")
def tag():
    """Tag a text against an anchor date with the default model."""
    settings = Settings()

    def run(text: str, anchor: date) -> list[TimeValue]:
        return tag_text(text, anchor, settings)

    return run


@pytest.fixture(scope="session")
def seed_values(tag):
    """The time values of one seed article, by its 3-digit prefix, at its gold date."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (the shared/ folder is absent)")
    anchors = {
        "000": date(2020, 11, 24),
        "001": date(2023, 9, 21),
        "002": date(2021, 4, 1),
        "003": date(2023, 11, 6),
        "004": date(2021, 1, 12),
    }
    cache: dict[str, tuple[str, list[TimeValue]]] = {}

    def run(prefix: str) -> tuple[str, list[TimeValue]]:
        if prefix not in cache:
            path = next(SEEDS.glob(f"{prefix}_*.txt"))
            text = path.read_text(encoding="utf-8")
            cache[prefix] = (text, tag(text, anchors[prefix]))
        return cache[prefix]

    return run


def _value_after(text: str, values: list[TimeValue], context: str) -> TimeValue:
    at = text.index(context)
    found = [v for v in values if at <= v.start_char <= at + len(context)]
    assert found, f"no time value found at {context!r}: {[v.text for v in values]}"
    return found[0]


@pytest.fixture(scope="session")
def value_after():
    """The first value that starts inside the words ``context`` of ``text``."""
    return _value_after
