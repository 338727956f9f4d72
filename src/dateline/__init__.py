"""Dateline: a sourced, deduplicated, dated record of political events from news articles.

>>> import dateline
>>> store = dateline.Store("sqlite:///:memory:")
>>> report = store.ingest(["articles/"])          # doctest: +SKIP
>>> [a.title for a in store.articles()]           # doctest: +SKIP

Importing a stage (``dateline.time``, ``dateline.actors``) does not import
the others: the public names below are loaded on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import Store
    from .errors import DatelineError
    from .extract import extract
    from .models import Article, RawDocument
    from .settings import Settings, load_settings

__all__ = [
    "Article",
    "DatelineError",
    "RawDocument",
    "Settings",
    "Store",
    "extract",
    "load_settings",
]

_HOMES = {
    "Store": ".api",
    "DatelineError": ".errors",
    "extract": ".extract",
    "Article": ".models",
    "RawDocument": ".models",
    "Settings": ".settings",
    "load_settings": ".settings",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name], __name__), name)
    # Kept here, so that the next ``dateline.extract`` is the function, not the module of
    # the same name that the import above bound to this package.
    globals()[name] = value
    return value
