"""Exports to a file, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError
from ..models import Event
from .writers import check_format, is_binary, write_events

__all__ = ["export_file"]


def export_file(events: Iterable[Event], path: str | Path, output_format: str) -> int:
    """Write ``events`` to ``path`` in ``output_format``; return how many were written.

    The export goes to a temporary file beside ``path`` that replaces it only
    once complete, so a failure (a bad event, a full disk, Ctrl-C) leaves the
    previous file, or none, never half a file.
    """
    check_format(output_format)
    target = Path(path)
    folder = target.resolve().parent
    if not folder.is_dir():
        raise ConfigError(f"cannot write {target}: folder {folder} does not exist")
    # Text files get newline="" so that each format's own line endings are kept
    # as written (CRLF for CSV, LF for the others) on every platform.
    if is_binary(output_format):
        options: dict[str, str | None] = {"mode": "wb"}
    else:
        options = {"mode": "w", "encoding": "utf-8", "newline": ""}
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ConfigError(f"cannot write in {folder}: {error.strerror}") from None
    try:
        # mkstemp makes the file private; an export should read like any new file.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        with open(handle, **options) as stream:  # type: ignore[call-overload]
            count = write_events(events, stream, output_format)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
