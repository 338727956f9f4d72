"""The examples in the docstrings run, and give what they show.

Every module of ``src/dateline`` holding a ``>>>`` example is a test here
(pytest collects only ``tests/``), so an example cannot drift from the code.
"""

import doctest
import importlib
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"

# Examples that load the spaCy model.
SLOW = {"dateline.extract"}


def _modules_with_examples() -> list[str]:
    found = []
    for path in sorted((SOURCE / "dateline").rglob("*.py")):
        if ">>>" in path.read_text(encoding="utf-8"):
            parts = path.relative_to(SOURCE).with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=[pytest.mark.slow] if name in SLOW else [])
        for name in _modules_with_examples()
    ],
)
def test_doctests_examples_give_what_they_show(name):
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} example(s) of {name} failed (see the output)"
