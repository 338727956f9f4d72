"""Aligned text tables, the way every listing command prints them."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["aligned_table", "cut"]


def aligned_table(header: Sequence[str], rows: Sequence[Sequence[str]], noun: str) -> str:
    """Columns padded to their widest cell (the last left ragged), a rule under the
    header, and a count: "5 articles"."""
    last = len(header) - 1
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(last)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < last else cell for i, cell in enumerate(row))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[last]))
    lines.append(f"{len(rows)} {noun}{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines)


def cut(text: str, width: int, *, keep_end: bool = False) -> str:
    """``text`` shortened to ``width`` characters with an ellipsis."""
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1) :] if keep_end else text[: width - 1] + "…"
