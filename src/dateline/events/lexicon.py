"""The trigger lexicon: ``knowledge/triggers.yaml`` read into typed entries.

Every entry is checked against the PLOVER ontology when loaded (type, mode,
object role, frame), so a bad line fails with the file's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from ..errors import KnowledgeError
from ..knowledge import load_yaml
from .ontology import check_mode, event_type
from .values import MAGNITUDE_KINDS, Frame, ObjectRole, TriggerKind

__all__ = ["TRIGGERS_FILE", "Grammar", "Lexicon", "TriggerEntry", "load_lexicon"]

TRIGGERS_FILE = "triggers.yaml"
GAP = "*"  # up to five tokens of anything but punctuation
DEFAULT_PREPS = ("with", "to", "against", "toward", "towards")
_OBJECT_ROLES = ("recipient", "actor", "theme")
_FRAMES = ("default", "host", "visit", "mutual")


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: a word or phrase and the event it signals.

    ``words`` holds one tuple of alternative lemmas per position; ``("*",)``
    is a gap and a leading ``"?"`` marks an optional word.
    """

    words: tuple[tuple[str, ...], ...]
    kind: TriggerKind
    type: str
    mode: str | None
    object_role: ObjectRole
    preps: tuple[str, ...]
    frame: Frame
    label: str


@dataclass(frozen=True)
class Grammar:
    """Closed word classes the status and role readers need (all lemmas)."""

    light_verbs: frozenset[str]
    event_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    future_aux: frozenset[str]
    modals: frozenset[str]
    negators: frozenset[str]
    refusal_verbs: frozenset[str]
    future_verbs: frozenset[str]
    wish_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    future_modifiers: frozenset[str]
    done_act_heads: frozenset[str]
    weapon_nouns: frozenset[str]
    mishap_causes: frozenset[str]
    mishap_verbs: frozenset[str]
    rioters: frozenset[str]
    setting_prepositions: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Everything ``triggers.yaml`` holds."""

    entries: tuple[TriggerEntry, ...]
    grammar: Grammar
    magnitude_words: dict[str, frozenset[str]]
    number_units: dict[str, int]
    number_scales: dict[str, int]
    number_vague: dict[str, int]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and check the trigger lexicon (once per process)."""
    data = load_yaml(TRIGGERS_FILE)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping", source=TRIGGERS_FILE)
    entries: list[TriggerEntry] = []
    for section, kind in (("verbs", "verb"), ("nouns", "noun"), ("phrases", "phrase")):
        for group in _list(data, section):
            entries.extend(_entries(group, cast(TriggerKind, kind)))
    numbers = data.get("numbers") or {}
    return Lexicon(
        entries=tuple(entries),
        grammar=_grammar(data.get("grammar") or {}),
        magnitude_words=_magnitude_words(data.get("magnitude") or {}),
        number_units=_int_map(numbers, "units"),
        number_scales=_int_map(numbers, "scales"),
        number_vague=_int_map(numbers, "vague"),
    )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise KnowledgeError(f"'{key}' must be a list", source=TRIGGERS_FILE)
    return value


def _entries(group: Any, kind: TriggerKind) -> list[TriggerEntry]:
    if not isinstance(group, dict) or "type" not in group:
        raise KnowledgeError(f"an entry has no type: {group!r}", source=TRIGGERS_FILE)
    type_name, mode = group["type"], group.get("mode")
    event_type(type_name)
    check_mode(type_name, mode, source=TRIGGERS_FILE)
    default_object = "actor" if kind == "noun" else "recipient"
    object_role = group.get("object", default_object)
    frame = group.get("frame", "default")
    if object_role not in _OBJECT_ROLES:
        raise KnowledgeError(
            f"{type_name}: object must be one of {_OBJECT_ROLES}", source=TRIGGERS_FILE
        )
    if frame not in _FRAMES:
        raise KnowledgeError(f"{type_name}: frame must be one of {_FRAMES}", source=TRIGGERS_FILE)
    preps = tuple(group["preps"]) if "preps" in group else DEFAULT_PREPS
    if not all(isinstance(p, str) for p in preps):
        # YAML 1.1 reads a bare on/no as a boolean.
        raise KnowledgeError(
            f"{type_name}: quote the prepositions in {preps!r}", source=TRIGGERS_FILE
        )
    texts = group.get("patterns") if kind == "phrase" else group.get("words")
    if not texts:
        raise KnowledgeError(f"{type_name}: an entry without words", source=TRIGGERS_FILE)
    return [
        TriggerEntry(
            words=_positions(str(text)),
            kind=kind,
            type=type_name,
            mode=mode,
            object_role=object_role,
            preps=preps,
            frame=frame,
            label=str(text),
        )
        for text in texts
    ]


def _positions(text: str) -> tuple[tuple[str, ...], ...]:
    positions = tuple(tuple(word.split("|")) for word in text.split())
    if not positions or positions[0] == (GAP,) or positions[-1] == (GAP,):
        raise KnowledgeError(
            f"pattern {text!r} cannot start or end with a gap", source=TRIGGERS_FILE
        )
    return positions


def _grammar(data: dict[str, Any]) -> Grammar:
    names = [name for name in Grammar.__dataclass_fields__]
    missing = [name for name in names if name not in data]
    if missing:
        raise KnowledgeError(f"grammar lacks {', '.join(missing)}", source=TRIGGERS_FILE)
    for name in names:
        if not all(isinstance(word, str) for word in data[name]):
            raise KnowledgeError(
                f"grammar.{name}: quote words YAML reads as booleans", source=TRIGGERS_FILE
            )
    return Grammar(**{name: frozenset(data[name]) for name in names})


def _magnitude_words(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    unknown = set(data) - set(MAGNITUDE_KINDS)
    if unknown:
        raise KnowledgeError(
            f"unknown magnitude heading(s): {sorted(unknown)}", source=TRIGGERS_FILE
        )
    return {key: frozenset(data.get(key) or ()) for key in MAGNITUDE_KINDS}


def _int_map(data: dict[str, Any], key: str) -> dict[str, int]:
    values = data.get(key) or {}
    if not all(isinstance(v, int) for v in values.values()):
        raise KnowledgeError(f"numbers.{key} must map words to integers", source=TRIGGERS_FILE)
    return {str(k): int(v) for k, v in values.items()}
