"""``dateline serve``: refuses a missing database before starting, and guards loopback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dateline.cli import cli

pytest.importorskip("fastapi", reason="the web extra is not installed")

from dateline.cli.serve import _is_loopback  # noqa: E402


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
    assert "no such database" in str(result.exception)
    assert not (tmp_path / "missing.db").exists()


def test_serve_help_has_an_example():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "dateline serve --db demo.db" in result.output
    assert "127.0.0.1" in result.output


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("10.0.0.5", False),
    ],
)
def test_serve_knows_a_loopback_host(host, loopback):
    assert _is_loopback(host) is loopback
