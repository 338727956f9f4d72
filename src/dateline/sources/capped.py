"""Reading a stream of records a line at a time without ever holding more than a limit
of one record: a record over it is read to its end and dropped, and the records after
it still come (:mod:`.records` reads JSON Lines and CSV exports through these)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

__all__ = ["RecordLines", "RecordTooLong", "capped_lines"]

_SKIP_CHUNK = 1 << 20
_LINE_ENDS = ("\n", "\r")


def capped_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[bytes, int]]:
    """Each line of ``stream`` with its size in bytes; a line over ``limit`` bytes comes
    as its first ``limit + 1`` bytes and its whole size, the rest read and dropped."""
    while line := stream.readline(limit + 1):
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            head = line
            while line := stream.readline(_SKIP_CHUNK):
                size += len(line)
                if line.endswith(b"\n"):
                    break
            line = head
        yield line, size


class RecordTooLong(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size  # characters read and dropped


class RecordLines:
    """The physical lines of a CSV table, for the csv reader, never more than ``limit``
    characters to one record: a record over it is read to its end (the end of the line
    where its quotes balance) without being kept, and :class:`RecordTooLong` raised, after
    which the csv reader starts afresh at the next record."""

    def __init__(self, text: IO[str], limit: int, quote: str = '"'):
        self._text = text
        self._limit = limit
        self._quote = quote
        self._used = self._quotes = 0
        self.number = 0  # physical lines read so far

    def __iter__(self) -> RecordLines:
        return self

    def start_record(self) -> None:
        self._used = self._quotes = 0

    def __next__(self) -> str:
        line = self._text.readline(self._limit - self._used + 1)
        if not line:
            raise StopIteration
        self._used += len(line)
        self._quotes += line.count(self._quote)
        self.number += line.endswith(_LINE_ENDS)
        if self._used <= self._limit:
            return line
        size = self._used
        while not (line.endswith(_LINE_ENDS) and self._quotes % 2 == 0):
            line = self._text.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
            self._quotes += line.count(self._quote)
            self.number += line.endswith(_LINE_ENDS)
        self.start_record()
        raise RecordTooLong(size)
