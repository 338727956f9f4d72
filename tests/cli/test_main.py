"""The command's edge: one line for output that cannot be written, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store import open_engine


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_main_a_full_stdout_is_one_line_for_every_listing(tmp_path):
    open_engine(str(tmp_path / "news.db")).dispose()
    for command in ("articles", "timeline", "actors"):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "dateline", command, "--db", "news.db"],
                cwd=tmp_path,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        assert result.returncode == 1, command
        assert result.stderr == "Error: cannot write the output: No space left on device\n"


def test_main_a_reader_that_goes_away_ends_the_listing_quietly(tmp_path):
    open_engine(str(tmp_path / "news.db")).dispose()
    listing = subprocess.Popen(
        [sys.executable, "-m", "dateline", "articles", "--db", "news.db"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert listing.stdout is not None
    listing.stdout.close()  # like `| head -0`
    _, errors = listing.communicate(timeout=60)
    assert listing.returncode in (0, 1)  # click ends a broken pipe with 1, saying nothing
    assert errors == b""


def test_main_starts_without_loading_spacy():
    # Commands that only read the store must not pay for spaCy and torch (seconds each).
    code = "import sys, dateline.cli, dateline.api; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"
