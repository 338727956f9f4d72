"""The one logger setup.

Library modules call ``logging.getLogger(__name__)`` and never configure
logging; the CLI calls :func:`configure` once.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["configure"]


def configure(verbosity: int = 0) -> None:
    """Send Dateline's log records to stderr: warnings by default, more with -v."""
    level = logging.WARNING - 10 * verbosity
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("dateline")
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.DEBUG))
    root.propagate = False
