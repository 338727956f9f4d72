import subprocess
import sys
from pathlib import Path

import pytest


class Run:
    """Runs ``dateline`` in a subprocess, the way a user does."""

    def __init__(self, cwd: Path, db: str) -> None:
        self.cwd = cwd
        self.db = db

    def __call__(self, *args: str, input: str | None = None, check: bool = True):
        result = subprocess.run(
            [sys.executable, "-m", "dateline", *args],
            cwd=self.cwd,
            input=input,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
        return result


@pytest.fixture
def dateline(tmp_path: Path) -> Run:
    """Run the CLI against a fresh SQLite database in tmp_path (passed with --db)."""
    return Run(tmp_path, str(tmp_path / "dateline.db"))
