"""The one loader of Dateline's knowledge files.

Knowledge (outlets, page furniture, time words, countries, offices, people,
trigger lexicons) lives as YAML, TSV or JSONL files in this folder, never in
code. Each file is read once per process through these functions, which
raise :class:`~dateline.errors.KnowledgeError` naming the file when it is
missing or malformed. Stages validate the shape of what they read.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError

__all__ = ["KNOWLEDGE_DIR", "knowledge_files", "load_jsonl", "load_tsv", "load_yaml", "month_names"]

MONTHS_FILE = "month_names.yaml"
# The folder itself, for knowledge that is not a text file (the event coder's weights).
KNOWLEDGE_DIR = Path(__file__).resolve().parent


def knowledge_files() -> list[str]:
    """Names (relative to this folder) of every knowledge data file shipped."""
    root = resources.files(__name__)
    names: list[str] = []

    def walk(folder: Any, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith((".yaml", ".tsv", ".jsonl")):
                names.append(prefix + entry.name)

    walk(root, "")
    return sorted(names)


def _read_text(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise KnowledgeError("knowledge file is missing", source=name) from None


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML knowledge file."""
    try:
        return yaml.safe_load(_read_text(name))
    except yaml.YAMLError as error:
        raise KnowledgeError(f"not valid YAML: {error}", source=name) from None


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Read a tab-separated knowledge file with a header row; ``#`` lines are comments."""
    lines = [line for line in _read_text(name).splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise KnowledgeError(f"row {number} does not have one value per column", source=name)
        rows.append({key: value.strip() for key, value in row.items()})
    return tuple(rows)


@cache
def load_jsonl(name: str) -> tuple[Any, ...]:
    """Read a JSON Lines knowledge file."""
    records = []
    for number, line in enumerate(_read_text(name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise KnowledgeError(
                f"line {number}: not valid JSON ({error.msg})", source=name
            ) from None
    return tuple(records)


@cache
def month_names(*, english_only: bool = False) -> dict[str, int]:
    """Month names and abbreviations (casefolded) mapped to 1..12.

    The English ones, which the time stage reads in prose, or those of every
    language, which the cleaner reads in page furniture (``month_names.yaml``).
    """
    data = load_yaml(MONTHS_FILE)
    names: dict[str, int] = {}
    for group in ("english",) if english_only else ("english", "other"):
        table = data.get(group) if isinstance(data, dict) else None
        if not isinstance(table, dict) or sorted(table) != list(range(1, 13)):
            raise KnowledgeError(
                f"{group!r} must have the months 1 to 12 as keys", source=MONTHS_FILE
            )
        for month, words in table.items():
            if not isinstance(words, list) or not words:
                raise KnowledgeError(f"{group}.{month} must be a list of names", source=MONTHS_FILE)
            names.update((str(word).casefold(), int(month)) for word in words)
    return names
