"""Dateline: a sourced, deduplicated, dated record of political events from news articles.

>>> import dateline
>>> store = dateline.Store("sqlite:///:memory:")
>>> report = store.ingest(["articles/"])          # doctest: +SKIP
>>> [a.title for a in store.articles()]           # doctest: +SKIP
"""

from .api import Store
from .errors import DatelineError
from .models import Article, RawDocument
from .settings import Settings, load_settings

__all__ = ["Article", "DatelineError", "RawDocument", "Settings", "Store", "load_settings"]
