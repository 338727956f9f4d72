"""Actors and places of a real corpus, without labels (EVALUATION.md section 2e).

Over every actor and recipient slot of every stored event:

- unresolved: no country or organisation code (``---``);
- country names and demonyms left unresolved: such a slot whose words hold
  a name or adjective of a country;
- junk: words that are no actor at all (weekdays, months, bracket tokens,
  outlet names, lone particles, lower-case words that are not a generic
  agent);
- without words: a slot that does not carry the words it was read from;

and over events: the share with a place, and with coordinates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..knowledge import load_yaml

__all__ = ["RecordReport", "is_junk", "score_record"]

_BRACKETS = re.compile(r"^-?[LR][RSC]B-?$|^[\[\](){}<>]+$")
_PARTICLES = frozenset({"al", "el", "ad", "bin", "ibn", "abu", "de", "la", "van", "von", "-"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


@dataclass(frozen=True)
class RecordReport:
    """Shares of slots and events, with the most frequent offenders."""

    events: int
    slots: int
    unresolved: int
    country_unresolved: int
    junk: int
    without_words: int
    with_place: int
    with_coordinates: int
    examples: Mapping[str, list[tuple[str, int]]] = field(default_factory=dict)

    def _share(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "slots": self.slots,
            "unresolved": round(self._share(self.unresolved, self.slots), 4),
            "country_unresolved": self.country_unresolved,
            "junk": round(self._share(self.junk, self.slots), 4),
            "without_words": round(self._share(self.without_words, self.slots), 4),
            "with_place": round(self._share(self.with_place, self.events), 4),
            "with_coordinates": round(self._share(self.with_coordinates, self.events), 4),
            "examples": {k: v for k, v in self.examples.items()},
        }

    def table(self) -> str:
        rows = [
            ("unresolved slots", self._share(self.unresolved, self.slots), "<= 0.15"),
            ("junk slots", self._share(self.junk, self.slots), "<= 0.005"),
            ("slots without words", self._share(self.without_words, self.slots), "0"),
            ("events with a place", self._share(self.with_place, self.events), ">= 0.35"),
            ("with coordinates", self._share(self.with_coordinates, self.events), "all placed"),
        ]
        lines = [f"{'measure':<21} value  held-out target"]
        lines += [f"{name:<21} {value:.3f}  {target}" for name, value, target in rows]
        lines.append(f"country names or demonyms unresolved: {self.country_unresolved}")
        lines.append(f"events {self.events}, actor and recipient slots {self.slots}")
        for kind, found in self.examples.items():
            if found:
                shown = ", ".join(f"{words!r} {count}" for words, count in found)
                lines.append(f"most frequent {kind}: {shown}")
        return "\n".join(lines)


def score_record(events: Iterable[Mapping[str, Any]], *, examples: int = 12) -> RecordReport:
    """The shares of section 2e over exported events (``Event.to_dict`` records)."""
    counts: Counter[str] = Counter()
    offenders: dict[str, Counter[str]] = {
        "unresolved": Counter(),
        "country names unresolved": Counter(),
        "junk": Counter(),
    }
    for event in events:
        counts["events"] += 1
        place = event.get("place") or {}
        counts["with_place"] += bool(place.get("name") or place.get("country"))
        counts["with_coordinates"] += place.get("lat") is not None
        for slot in (*event.get("actors", ()), *event.get("recipients", ())):
            counts["slots"] += 1
            words = slot.get("text") or ""
            label = words or slot.get("name") or ""
            if not words:
                counts["without_words"] += 1
            if slot.get("code") == "---":
                counts["unresolved"] += 1
                offenders["unresolved"][label] += 1
                if _names_a_country(label):
                    counts["country_unresolved"] += 1
                    offenders["country names unresolved"][label] += 1
            if label and is_junk(label, slot):
                counts["junk"] += 1
                offenders["junk"][label] += 1
    return RecordReport(
        events=counts["events"],
        slots=counts["slots"],
        unresolved=counts["unresolved"],
        country_unresolved=counts["country_unresolved"],
        junk=counts["junk"],
        without_words=counts["without_words"],
        with_place=counts["with_place"],
        with_coordinates=counts["with_coordinates"],
        examples={k: v.most_common(examples) for k, v in offenders.items()},
    )


def is_junk(words: str, slot: Mapping[str, Any]) -> bool:
    """Whether a slot's words are no actor at all."""
    text = words.strip()
    if not text or not any(c.isalpha() for c in text) or _BRACKETS.match(text):
        return True
    folded = text.casefold()
    if folded in _PARTICLES or folded in _WEEKDAYS or folded in _months():
        return True
    if folded in _outlets():
        return True
    # Lower-case words are an actor only as a generic agent ("protesters"), which has a sector.
    return text == text.lower() and not slot.get("sector") and slot.get("code") == "---"


def _names_a_country(words: str) -> bool:
    tokens = set(re.findall(r"[\w.'-]+", words))
    return bool(tokens & _country_words())


@cache
def _country_words() -> frozenset[str]:
    words: set[str] = set()
    for country in load_yaml("countries.yaml"):
        if country.get("historic"):
            continue
        words.add(country["name"])
        words.update(country.get("adjectives") or ())
        words.update(country.get("people") or ())
        words.update(n for n in country.get("names") or () if " " not in n)
    return frozenset(w for w in words if " " not in w)


@cache
def _months() -> frozenset[str]:
    english = load_yaml("month_names.yaml")["english"]
    return frozenset(name.casefold() for names in english.values() for name in names)


@cache
def _outlets() -> frozenset[str]:
    names: set[str] = set()
    for outlet in load_yaml("outlets.yaml")["outlets"]:
        names.add(outlet["name"].casefold())
        names.update(a.casefold() for a in outlet.get("aliases") or ())
    return frozenset(names)
