from pathlib import Path

import pytest

from dateline.cli import cli
from dateline.cli.reference import cli_reference, settings_reference, walk_commands

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name,command", walk_commands(cli)[1:], ids=lambda v: str(v))
def test_docs_every_command_has_help_with_an_example(name, command):
    assert command.help, f"{name} has no help"
    if not hasattr(command, "commands"):
        assert "Example:" in command.help, f"{name} help has no Example: block"


def test_docs_cli_reference_is_current():
    assert (DOCS / "cli.md").read_text() == cli_reference(), (
        "docs/cli.md is out of date: run python -m dateline.cli.reference"
    )


def test_docs_settings_reference_is_current():
    assert (DOCS / "settings.md").read_text() == settings_reference(), (
        "docs/settings.md is out of date: run python -m dateline.cli.reference"
    )


def test_docs_readme_opens_with_the_two_commands():
    readme = (DOCS.parent / "README.md").read_text()
    head = readme[:1500]
    assert "make demo" in head and "make test" in head
