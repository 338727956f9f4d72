"""The knowledge the cleaner reads, loaded once and checked.

Each loader turns one knowledge file into typed, compiled data and raises
:class:`~dateline.errors.KnowledgeError` naming the file when its shape is
wrong, so that a bad edit to a data file is reported where it was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import KnowledgeError
from ..knowledge import load_yaml

__all__ = [
    "Furniture",
    "Outlet",
    "OutletBook",
    "common_words",
    "furniture",
    "outlet_book",
    "stopwords",
]


@dataclass(frozen=True)
class Furniture:
    """Compiled page-furniture patterns (``furniture.yaml``)."""

    lines: tuple[re.Pattern[str], ...]
    contains: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    sections: frozenset[str]
    breadcrumb_separators: tuple[str, ...]
    desks: frozenset[str]


@dataclass(frozen=True)
class Outlet:
    """A news outlet or agency as ``outlets.yaml`` describes it."""

    name: str
    kind: str
    domains: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutletBook:
    """Outlets indexed by domain, handle and name, plus the words around them."""

    by_domain: dict[str, Outlet]
    by_handle: dict[str, Outlet]
    by_name: dict[str, Outlet]
    corporate_words: frozenset[str]
    domain_endings: frozenset[str]

    def from_domain(self, host: str) -> Outlet | None:
        """The outlet a host name belongs to ("www.bbc.co.uk" -> BBC), if known."""
        host = host.lower().strip(".")
        host = host.removeprefix("www.")
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            _, _, host = host.partition(".")
        return None

    def from_handle(self, handle: str) -> Outlet | None:
        """The outlet of a social-media handle ("@AJEnglish" -> Al Jazeera), if known."""
        return self.by_handle.get(handle.lstrip("@").casefold())

    def from_name(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (or one of its aliases), if known."""
        return self.by_name.get(" ".join(name.split()).casefold())


def _strings(value: Any, name: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
        raise KnowledgeError(f"{key!r} must be a list of strings", source=name)
    return tuple(str(item) for item in value)


def _compile(patterns: tuple[str, ...], name: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            raise KnowledgeError(f"bad pattern {pattern!r}: {error}", source=name) from None
    return tuple(compiled)


@lru_cache(maxsize=1)
def furniture() -> Furniture:
    """Page-furniture patterns, section labels and desk names."""
    name = "furniture.yaml"
    data = load_yaml(name)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of pattern groups", source=name)
    return Furniture(
        lines=_compile(_strings(data.get("lines"), name, "lines"), name),
        contains=_compile(_strings(data.get("contains"), name, "contains"), name),
        tail=_compile(_strings(data.get("tail"), name, "tail"), name),
        sections=frozenset(s.casefold() for s in _strings(data.get("sections"), name, "sections")),
        breadcrumb_separators=_strings(
            data.get("breadcrumb_separators"), name, "breadcrumb_separators"
        ),
        desks=frozenset(s.casefold() for s in _strings(data.get("desks"), name, "desks")),
    )


@lru_cache(maxsize=1)
def outlet_book() -> OutletBook:
    """Every outlet of ``outlets.yaml``, indexed for lookup."""
    name = "outlets.yaml"
    data = load_yaml(name)
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise KnowledgeError("expected a mapping with an 'outlets' list", source=name)
    by_domain: dict[str, Outlet] = {}
    by_handle: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    for number, entry in enumerate(data["outlets"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise KnowledgeError(f"outlet {number} has no name", source=name)
        outlet = Outlet(
            name=entry["name"],
            kind=str(entry.get("kind", "site")),
            domains=_strings(entry.get("domains"), name, "domains"),
            handles=_strings(entry.get("handles"), name, "handles"),
            aliases=_strings(entry.get("aliases"), name, "aliases"),
        )
        for domain in outlet.domains:
            by_domain.setdefault(domain.lower(), outlet)
        for handle in outlet.handles:
            by_handle.setdefault(handle.casefold(), outlet)
        for alias in (outlet.name, *outlet.aliases):
            by_name.setdefault(alias.casefold(), outlet)
    return OutletBook(
        by_domain=by_domain,
        by_handle=by_handle,
        by_name=by_name,
        corporate_words=frozenset(
            w.casefold() for w in _strings(data.get("corporate_words"), name, "corporate_words")
        ),
        domain_endings=frozenset(
            w.casefold() for w in _strings(data.get("domain_endings"), name, "domain_endings")
        ),
    )


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """The function words of each language, by ISO 639-1 code."""
    name = "stopwords.yaml"
    data = load_yaml(name)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of language codes to word lists", source=name)
    return {
        str(code): frozenset(w.casefold() for w in _strings(words, name, str(code)))
        for code, words in data.items()
    }


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent words of every listed language, for repairing broken words."""
    name = "common_words.yaml"
    data = load_yaml(name)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of language codes to word lists", source=name)
    words = {w.casefold() for code, items in data.items() for w in _strings(items, name, str(code))}
    for function_words in stopwords().values():
        words |= function_words
    return frozenset(words)
