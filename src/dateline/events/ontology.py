"""The PLOVER ontology: event types, their modes, and their export codes.

Read once from ``knowledge/plover.yaml`` and checked on load, so that a typo
in the data file fails with the file's name rather than deep in a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, cast

from ..errors import KnowledgeError
from ..knowledge import load_yaml

__all__ = [
    "PLOVER_FILE",
    "EventType",
    "QuadClass",
    "background_examples",
    "check_mode",
    "contexts",
    "event_type",
    "event_types",
    "known_event_type",
    "older_roots",
]

PLOVER_FILE = "plover.yaml"
QuadClass = Literal[
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"
]
_QUAD_CLASSES = frozenset(QuadClass.__args__)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type and how it is exported."""

    name: str
    description: str
    quad_class: QuadClass
    cameo: str  # CAMEO root code, "01".."20"
    goldstein: float
    modes: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()  # prototype sentences for the embedding second opinion


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """Every PLOVER type by name, in the codebook's order (cooperation to conflict)."""
    data = load_yaml(PLOVER_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise KnowledgeError("expected a mapping with a 'types' list", source=PLOVER_FILE)
    types = [_event_type(entry) for entry in data["types"]]
    names = [t.name for t in types]
    if len(set(names)) != len(names):
        raise KnowledgeError("a type is listed twice", source=PLOVER_FILE)
    return {t.name: t for t in types}


def _event_type(entry: Any) -> EventType:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise KnowledgeError(f"a type entry has no name: {entry!r}", source=PLOVER_FILE)
    name = entry["name"]
    quad = entry.get("quad_class")
    if quad not in _QUAD_CLASSES:
        raise KnowledgeError(
            f"{name}: quad_class must be one of {sorted(_QUAD_CLASSES)}", source=PLOVER_FILE
        )
    cameo = str(entry.get("cameo", ""))
    if not (cameo.isascii() and cameo.isdigit() and len(cameo) == 2 and 1 <= int(cameo) <= 20):
        raise KnowledgeError(f"{name}: cameo must be a root code '01'..'20'", source=PLOVER_FILE)
    goldstein = entry.get("goldstein")
    if not isinstance(goldstein, int | float) or not -10 <= goldstein <= 10:
        raise KnowledgeError(f"{name}: goldstein must be a number in -10..10", source=PLOVER_FILE)
    return EventType(
        name=name,
        description=str(entry.get("description", "")).strip(),
        quad_class=cast(QuadClass, quad),
        cameo=cameo,
        goldstein=float(goldstein),
        modes=tuple(entry.get("modes") or ()),
        examples=tuple(str(e) for e in entry.get("examples") or ()),
    )


def event_type(name: str) -> EventType:
    """The PLOVER type called ``name``; :class:`KnowledgeError` names the known ones."""
    try:
        return event_types()[name]
    except KeyError:
        known = ", ".join(event_types())
        raise KnowledgeError(f"unknown PLOVER type {name!r}; known: {known}") from None


def known_event_type(name: str) -> EventType | None:
    """The PLOVER type called ``name``, or None for one the codebook does not have (an
    event stored under a type the codebook has since dropped)."""
    return event_types().get(name)


def check_mode(type_name: str, mode: str | None, *, source: str = PLOVER_FILE) -> None:
    """Raise :class:`KnowledgeError` unless ``mode`` is null or one of the type's modes."""
    if mode is None:
        return
    if mode not in event_type(type_name).modes:
        modes = ", ".join(event_type(type_name).modes) or "none"
        raise KnowledgeError(f"{type_name} has no mode {mode!r} (modes: {modes})", source=source)


@lru_cache(maxsize=1)
def background_examples() -> tuple[str, ...]:
    """Sentences that report no act (opinion, background, page text)."""
    return tuple(str(e) for e in load_yaml(PLOVER_FILE).get("background_examples") or ())


@lru_cache(maxsize=1)
def older_roots() -> dict[str, tuple[str, ...]]:
    """Older PLOVER roots that today's codebook splits, with their parts
    (YIELD: CONCEDE when declared, RETREAT when carried out)."""
    data = load_yaml(PLOVER_FILE).get("older_roots") or {}
    roots = {str(name): tuple(str(p) for p in parts) for name, parts in data.items()}
    for name, parts in roots.items():
        unknown = [p for p in parts if p not in event_types()]
        if not parts or unknown:
            raise KnowledgeError(f"older root {name}: unknown parts {unknown}", source=PLOVER_FILE)
    return roots


@lru_cache(maxsize=1)
def contexts() -> tuple[str, ...]:
    """The PLOVER contexts an event can carry ("military", "economic", ...)."""
    return tuple(load_yaml(PLOVER_FILE).get("contexts") or ())
