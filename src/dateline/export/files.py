"""Exports to what the user named.

- A regular file, or a new one, is written whole or not at all: the export
  goes to a temporary file beside it that replaces it once complete.
- A symbolic link is followed: what it points to is replaced the same way,
  and the link stays a link.
- A device or a named pipe (``/dev/stdout``, a FIFO) is written straight
  into: there is nothing to replace, and replacing it would break it. So is
  an open file descriptor named through ``/dev/stdout`` or ``/dev/fd/N``,
  whatever it holds.

A write that fails (a full disk, a file-size limit, a device that refuses
it) is an :class:`~dateline.errors.ExportError` naming the output.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError, ExportError
from ..models import Event
from .writers import check_format, is_binary, write_events

__all__ = ["export_file", "export_stream"]


def export_file(events: Iterable[Event], path: str | Path, output_format: str) -> int:
    """Write ``events`` to ``path`` in ``output_format``; return how many were written.

    A failure (a bad event, a full disk, Ctrl-C) leaves the previous regular
    file, or none, never half a file; see the module docstring for links,
    devices and pipes.
    """
    check_format(output_format)
    named = Path(path)
    try:
        mode: int | None = os.stat(named).st_mode  # through any links
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise ConfigError(f"cannot write {named}: it is a folder")
    if mode is not None and (not stat.S_ISREG(mode) or _names_a_descriptor(named)):
        return _write_through(events, named, output_format)
    return _replace(events, named, Path(os.path.realpath(named)), output_format)


def export_stream(events: Iterable[Event], stream: IO[Any], output_format: str) -> int:
    """Write ``events`` to an open stream (standard output) and flush it.

    A closed pipe (``| head``) is left to the caller as ``BrokenPipeError``;
    any other write failure is an :class:`~dateline.errors.ExportError`.
    """
    try:
        count = write_events(events, stream, output_format)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        name = getattr(stream, "name", "the output")
        raise ExportError(f"cannot write {name}: {_reason(error)}") from None
    return count


def _open_options(output_format: str) -> dict[str, str | None]:
    # Text files get newline="" so that each format's own line endings are kept
    # as written (CRLF for CSV, LF for the others) on every platform.
    if is_binary(output_format):
        return {"mode": "wb"}
    return {"mode": "w", "encoding": "utf-8", "newline": ""}


def _names_a_descriptor(named: Path) -> bool:
    """Whether ``named`` leads through /proc or /dev/fd (``/dev/stdout``) to an open descriptor."""
    current = str(named)
    for _ in range(40):  # the kernel's own limit on links followed
        if current.startswith(("/proc/", "/dev/fd/")):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return False


def _write_through(events: Iterable[Event], named: Path, output_format: str) -> int:
    """Write into a device, a named pipe or an open descriptor as it is."""
    try:
        with open(named, **_open_options(output_format)) as stream:  # type: ignore[call-overload]
            return write_events(events, stream, output_format)
    except OSError as error:
        raise ExportError(f"cannot write {named}: {_reason(error)}") from None


def _replace(events: Iterable[Event], named: Path, target: Path, output_format: str) -> int:
    """Write a temporary file beside ``target`` and move it into place once complete."""
    folder = target.parent
    if not folder.is_dir():
        raise ConfigError(f"cannot write {named}: folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ConfigError(f"cannot write in {folder}: {_reason(error)}") from None
    try:
        # mkstemp makes the file private; an export should read like any new file.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        with open(handle, **_open_options(output_format)) as stream:  # type: ignore[call-overload]
            count = write_events(events, stream, output_format)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"cannot write {named}: {_reason(error)}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__
