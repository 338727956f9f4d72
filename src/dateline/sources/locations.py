"""Turning what the user typed (paths, folders, globs, ``-``, URLs) into locations.

A location is one file path, one http(s) URL, or ``-`` for standard input.
Folders are walked recursively in sorted order so that two runs over the
same folder see the same files in the same order; hidden files and folders
(``.git``, ``.DS_Store``) are skipped, as ``ls`` would.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError

__all__ = ["STDIN", "Inputs", "collect_inputs", "expand_inputs", "is_url"]

STDIN = "-"

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Inputs:
    """The locations found in a list of inputs, and the inputs that could not be used.

    ``len(inputs)`` is the number of locations, the total for a progress bar.
    """

    locations: tuple[str, ...]
    errors: tuple[SourceError, ...] = ()

    def __len__(self) -> int:
        return len(self.locations)


def is_url(location: str) -> bool:
    """Whether a location is an http(s) URL."""
    return location.lower().startswith(("http://", "https://"))


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | SourceError]:
    """Files, folders (recursively, sorted, skipping hidden files), glob patterns,
    ``-`` (stdin) and http(s) URLs, as locations.

    A path that does not exist yields ``SourceError(source=path)`` saying so,
    in its place, and the other inputs still come. A file named twice (or
    reached through two inputs) comes once.
    """
    seen: set[str] = set()
    for given in inputs:
        for item in _expand_one(given):
            if isinstance(item, SourceError):
                yield item
                continue
            key = item if item == STDIN or is_url(item) else os.path.realpath(item)
            if key not in seen:
                seen.add(key)
                yield item


def collect_inputs(inputs: Iterable[str]) -> Inputs:
    """Expand every input at once, so the number of locations is known up front."""
    locations: list[str] = []
    errors: list[SourceError] = []
    for item in expand_inputs(inputs):
        if isinstance(item, SourceError):
            errors.append(item)
        else:
            locations.append(item)
    return Inputs(tuple(locations), tuple(errors))


def _expand_one(given: str) -> Iterator[str | SourceError]:
    if given == STDIN or is_url(given):
        yield given
        return
    if "://" in given:
        scheme = given.split("://", 1)[0]
        yield SourceError(f"unsupported URL scheme {scheme!r} (use http or https)", source=given)
        return
    path = os.path.expanduser(given)
    if os.path.isdir(path):
        yield from _walk_folder(path, given)
    elif os.path.exists(path):
        yield path
    elif _GLOB_CHARS & set(given):
        yield from _expand_glob(path, given)
    else:
        yield SourceError("no such file or directory", source=given)


def _expand_glob(pattern: str, given: str) -> Iterator[str | SourceError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield SourceError("no files match this pattern", source=given)
        return
    for match in matches:
        if os.path.isdir(match):
            yield from _walk_folder(match, match)
        else:
            yield match


def _walk_folder(folder: str, given: str) -> Iterator[str | SourceError]:
    found = False
    for root, dirs, files in os.walk(folder, followlinks=False):
        # Pruning in place stops os.walk from entering hidden folders at all.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            found = True
            yield str(Path(root) / name)
    if not found:
        yield SourceError("folder has no files", source=given)
