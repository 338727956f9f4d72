"""Aligned text tables, the way every listing command prints them.

A cell is one line: control characters in it (a newline in a file name, a
tab in a title) are shown escaped ("\\n", "\\t", "\\x1b"), so that no value can
break the rows or move the terminal's cursor.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["aligned_table", "cut"]


def aligned_table(header: Sequence[str], rows: Sequence[Sequence[str]], noun: str) -> str:
    """Columns padded to their widest cell (the last left ragged), a rule under the
    header, and a count: "5 articles"."""
    header = [_one_line(cell) for cell in header]
    rows = [[_one_line(cell) for cell in row] for row in rows]
    last = len(header) - 1
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(last)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < last else cell for i, cell in enumerate(row))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[last]))
    lines.append(f"{len(rows)} {noun}{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _one_line(cell: str) -> str:
    """``cell`` with its control characters and line separators escaped."""
    if cell.isprintable():
        return cell
    return "".join(
        _ESCAPES.get(char) or (repr(char)[1:-1] if _is_control(char) else char) for char in cell
    )


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def cut(text: str, width: int, *, keep_end: bool = False) -> str:
    """``text`` shortened to ``width`` characters with an ellipsis."""
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1) :] if keep_end else text[: width - 1] + "…"
