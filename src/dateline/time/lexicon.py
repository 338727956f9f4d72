"""The time words of ``knowledge/time_words.yaml``, checked and indexed for lookup."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from ..errors import KnowledgeError
from ..knowledge import load_yaml, month_names

__all__ = ["Lexicon", "Part", "Season", "Unit", "lexicon", "lexicon_of"]

SOURCE = "time_words.yaml"

T = TypeVar("T", int, str)


@dataclass(frozen=True)
class Unit:
    """A calendar unit: its TIMEX3 duration letter and how many of it one word means."""

    code: str
    time: bool = False
    factor: int = 1


@dataclass(frozen=True)
class Part:
    """A part of a period ("early", "mid", "end") as a share of it."""

    mod: str
    start: float
    end: float


@dataclass(frozen=True)
class Season:
    code: str
    first_month: int
    last_month: int


@dataclass(frozen=True)
class Lexicon:
    """Every time word, keyed by its lower-case form; a field for each word class
    (section) of ``time_words.yaml``, named as the section is."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    vague_numbers: frozenset[str]
    approximators: dict[str, str]
    indefinite_articles: frozenset[str]
    definite_articles: frozenset[str]
    of_words: frozenset[str]
    units: dict[str, Unit]
    named_units: frozenset[str]
    clock_words: frozenset[str]
    ordinal_parts: dict[str, str]
    ordinal_units: frozenset[str]
    parts: dict[str, Part]
    shifts: dict[str, int]
    directions: dict[str, int]
    trailing_directions: frozenset[str]
    rough_words: dict[str, int]
    rough_followers: frozenset[str]
    deictic_days: dict[str, int]
    deictic_day_parts: dict[str, str]
    references: dict[str, str]
    seasons: dict[str, Season]
    day_parts: dict[str, str]
    frequencies: dict[str, str]
    set_words: frozenset[str]
    holidays: dict[str, tuple[int, int]]
    range_connectors: frozenset[str]
    range_openers: frozenset[str]
    anaphoric_determiners: frozenset[str]
    numbered_nouns: frozenset[str]
    future_markers: frozenset[str]
    year_prepositions: frozenset[str]

    def unit(self, word: str) -> Unit | None:
        """The unit a word names, plural or singular ("decades" -> decade)."""
        word = word.lower()
        if word in self.units:
            return self.units[word]
        if word.endswith("ies") and word[:-3] + "y" in self.units:
            return self.units[word[:-3] + "y"]
        if word.endswith("s") and word[:-1] in self.units:
            return self.units[word[:-1]]
        return None


def _invert(table: dict[Any, list[str]], field: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for number, words in table.items():
        if not isinstance(words, list):
            raise KnowledgeError(f"{field}.{number} must be a list of words", source=SOURCE)
        for word in words:
            index[str(word).lower()] = int(number)
    return index


def _english_months() -> dict[str, int]:
    """English month names, each with a trailing dot as well ("Sept.", as the tokeniser keeps it)."""
    names = month_names(english_only=True)
    return {**names, **{f"{name}.": month for name, month in names.items()}}


def _section(data: dict[str, Any], name: str) -> Any:
    if name not in data:
        raise KnowledgeError(f"section {name!r} is missing", source=SOURCE)
    return data[name]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and index the time words (once per process)."""
    return lexicon_of(load_yaml(SOURCE))


def lexicon_of(data: Any) -> Lexicon:
    """The time words of ``data``, parsed from a file shaped as ``time_words.yaml``."""
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of sections", source=SOURCE)
    try:
        seasons = {
            name: Season(spec["code"], spec["months"][0], spec["months"][1])
            for name, spec in _section(data, "seasons").items()
        }
        lex = Lexicon(
            months=_english_months(),
            weekdays=_invert(_section(data, "weekdays"), "weekdays"),
            numbers={str(k): float(v) for k, v in _section(data, "numbers").items()},
            ordinals={str(k): int(v) for k, v in _section(data, "ordinals").items()},
            vague_numbers=frozenset(_section(data, "vague_numbers")),
            approximators=_words_to(str, data, "approximators"),
            indefinite_articles=_words(data, "indefinite_articles"),
            definite_articles=_words(data, "definite_articles"),
            of_words=_words(data, "of_words"),
            units={
                name: Unit(spec["code"], bool(spec.get("time", False)), int(spec.get("factor", 1)))
                for name, spec in _section(data, "units").items()
            },
            named_units=_words(data, "named_units"),
            clock_words=_words(data, "clock_words"),
            ordinal_parts=_words_to(str, data, "ordinal_parts"),
            ordinal_units=_words(data, "ordinal_units"),
            parts={
                name: Part(spec["mod"], float(spec["part"][0]), float(spec["part"][1]))
                for name, spec in _section(data, "parts").items()
            },
            shifts={str(k): int(v) for k, v in _section(data, "shifts").items()},
            directions={str(k): int(v) for k, v in _section(data, "directions").items()},
            trailing_directions=_words(data, "trailing_directions"),
            rough_words=_words_to(int, data, "rough_words"),
            rough_followers=_words(data, "rough_followers"),
            deictic_days={str(k): int(v) for k, v in _section(data, "deictic_days").items()},
            deictic_day_parts=_words_to(str, data, "deictic_day_parts"),
            references={str(k): str(v) for k, v in _section(data, "references").items()},
            seasons=seasons,
            day_parts={str(k): str(v) for k, v in _section(data, "day_parts").items()},
            frequencies={str(k): str(v) for k, v in _section(data, "frequencies").items()},
            set_words=frozenset(_section(data, "set_words")),
            holidays={
                str(k): (int(v[0]), int(v[1])) for k, v in _section(data, "holidays").items()
            },
            range_connectors=frozenset(str(w) for w in _section(data, "range_connectors")),
            range_openers=frozenset(_section(data, "range_openers")),
            anaphoric_determiners=frozenset(_section(data, "anaphoric_determiners")),
            numbered_nouns=frozenset(_section(data, "numbered_nouns")),
            future_markers=frozenset(_section(data, "future_markers")),
            year_prepositions=_words(data, "year_prepositions"),
        )
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise KnowledgeError(f"malformed entry: {error!r}", source=SOURCE) from None
    if stray := sorted(lex.trailing_directions - set(lex.directions)):
        raise KnowledgeError(f"trailing_directions not in directions: {stray}", source=SOURCE)
    if stray := sorted(set(lex.ordinal_parts) - set(lex.units)):
        raise KnowledgeError(f"ordinal_parts not in units: {stray}", source=SOURCE)
    return lex


def _words(data: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in _section(data, name))


def _words_to(kind: type[T], data: dict[str, Any], name: str) -> dict[str, T]:
    return {str(word).lower(): kind(value) for word, value in _section(data, name).items()}
