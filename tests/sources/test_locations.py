"""Expanding paths, folders, globs, stdin and URLs into locations."""

from __future__ import annotations

from pathlib import Path

from dateline.errors import SourceError
from dateline.sources import collect_inputs, expand_inputs, is_url


def _tree(root: Path) -> None:
    (root / "africa").mkdir()
    (root / "africa" / "sahel").mkdir()
    (root / ".git").mkdir()
    (root / "asia.txt").write_text("Taiwan held presidential elections on Saturday.")
    (root / "africa" / "mali.txt").write_text("Mali's junta postponed elections.")
    (root / "africa" / "sahel" / "niger.html").write_text("<p>Niger coup</p>")
    (root / "africa" / ".DS_Store").write_bytes(b"\x00\x01")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main")


def test_locations_folder_is_walked_sorted_without_hidden(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert list(expand_inputs([str(tmp_path)])) == [
        str(tmp_path / "asia.txt"),
        str(tmp_path / "africa" / "mali.txt"),
        str(tmp_path / "africa" / "sahel" / "niger.html"),
    ]


def test_locations_glob_pattern(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert list(expand_inputs([str(tmp_path / "**" / "*.txt")])) == [
        str(tmp_path / "africa" / "mali.txt"),
        str(tmp_path / "asia.txt"),
    ]


def test_locations_missing_path_and_empty_glob_are_errors(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    pattern = str(tmp_path / "*.warc.gz")
    first, second = expand_inputs([missing, pattern])
    assert isinstance(first, SourceError) and isinstance(second, SourceError)
    assert str(first) == f"{missing}: no such file or directory"
    assert str(second) == f"{pattern}: no files match this pattern"


def test_locations_stdin_and_urls_pass_through(tmp_path: Path) -> None:
    items = list(expand_inputs(["-", "https://example.org/feed.xml", "ftp://example.org/a.txt"]))
    assert items[:2] == ["-", "https://example.org/feed.xml"]
    assert (
        str(items[2]) == "ftp://example.org/a.txt: unsupported URL scheme 'ftp' (use http or https)"
    )


def test_locations_same_file_comes_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    asia = str(tmp_path / "asia.txt")
    assert list(expand_inputs([asia, str(tmp_path / "." / "asia.txt"), asia])) == [asia]


def test_locations_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [error] = expand_inputs([str(tmp_path / "empty")])
    assert str(error) == f"{tmp_path / 'empty'}: folder has no files"


def test_locations_collect_inputs_counts_locations(tmp_path: Path) -> None:
    _tree(tmp_path)
    inputs = collect_inputs([str(tmp_path), str(tmp_path / "missing.csv"), "-"])
    assert len(inputs) == 4
    assert inputs.locations[-1] == "-"
    assert [str(e) for e in inputs.errors] == [
        f"{tmp_path / 'missing.csv'}: no such file or directory"
    ]


def test_locations_is_url() -> None:
    assert is_url("HTTPS://example.org/a")
    assert not is_url("news/http-article.txt")
