"""``--format parquet``: the CSV columns, typed, plus every mention.

Dates are ``date32``, counts ``int64``, scores ``float64``; actors and
recipients are lists of ``{code, sector, name, office}`` structs and
``mentions`` a list of the mention structs of the JSONL export, so nothing
is lost to flattening. pyarrow is an optional dependency: the error when it
is missing says how to install it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from ..actors.values import Actor
from ..errors import ConfigError
from ..models import Event
from .flat import FLAT_COLUMNS, MAGNITUDE_KINDS, flat_event

if TYPE_CHECKING:
    import pyarrow

__all__ = ["PARQUET_COLUMNS", "parquet_schema", "require_pyarrow", "write_parquet"]

PARQUET_COLUMNS = (*FLAT_COLUMNS, "mentions")

# Rows per row group: large enough to compress well, small enough that an
# export of millions of events never holds them all in memory.
_BATCH = 10_000

_STRING_COLUMNS = frozenset(
    {
        "id",
        "type",
        "mode",
        "cameo",
        "status",
        "date_precision",
        "date_source",
        "speaker",
        "place_name",
        "place_country",
        "place_admin1",
        "place_source",
        "first_doc",
        "first_file",
        "first_url",
        "first_published",
        "first_outlet",
        "first_sentence",
    }
)
_INT_COLUMNS = frozenset(
    {
        *MAGNITUDE_KINDS,
        "num_mentions",
        "num_sources",
        "num_articles",
        "quad_class",
        "place_geonameid",
    }
)


def require_pyarrow() -> Any:
    """The pyarrow module, or a :class:`ConfigError` that says how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401  (a submodule pyarrow does not import itself)
    except ImportError:
        raise ConfigError(
            "the parquet format needs pyarrow: pip install 'dateline[parquet]' "
            "(or pip install pyarrow)"
        ) from None
    return pyarrow


def parquet_schema() -> pyarrow.Schema:
    """The Arrow schema of the Parquet export, column by column."""
    pa = require_pyarrow()
    actor = pa.list_(
        pa.struct(
            [
                ("code", pa.string()),
                ("sector", pa.string()),
                ("name", pa.string()),
                ("office", pa.string()),
            ]
        )
    )
    mention = pa.struct(
        [
            ("doc", pa.string()),
            ("file", pa.string()),
            ("url", pa.string()),
            ("published", pa.string()),  # ISO cut to its precision, as in the JSONL
            ("outlet", pa.string()),
            ("sentence", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("trigger", pa.string()),
        ]
    )
    special = {
        "goldstein": pa.float64(),
        "confidence": pa.float64(),
        "place_lat": pa.float64(),
        "place_lon": pa.float64(),
        "date": pa.date32(),
        "date_end": pa.date32(),
        "actors": actor,
        "recipients": actor,
        "contexts": pa.list_(pa.string()),
        "disagreements": pa.list_(pa.string()),
        "mentions": pa.list_(mention),
    }
    columns = []
    for name in PARQUET_COLUMNS:
        if name in _STRING_COLUMNS:
            columns.append(pa.field(name, pa.string()))
        elif name in _INT_COLUMNS:
            columns.append(pa.field(name, pa.int64()))
        else:
            columns.append(pa.field(name, special[name]))
    return pa.schema(columns)


def write_parquet(events: Iterable[Event], stream: IO[bytes]) -> int:
    """Write the events as one Parquet file to a binary ``stream``; return how many."""
    pa = require_pyarrow()
    schema = parquet_schema()
    count = 0
    with pa.parquet.ParquetWriter(stream, schema) as writer:
        batches = _batches(events)
        for batch in batches:
            writer.write_table(pa.Table.from_pylist([parquet_record(e) for e in batch], schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())  # a file with its columns, and no rows
    return count


def parquet_record(event: Event) -> dict[str, Any]:
    """The event as the Parquet row: the flat columns with nested actors and mentions."""
    flat = flat_event(event)
    record: dict[str, Any] = {name: getattr(flat, name) for name in FLAT_COLUMNS}
    record["actors"] = [_actor(a) for a in flat.actors]
    record["recipients"] = [_actor(a) for a in flat.recipients]
    record["contexts"] = list(flat.contexts)
    record["disagreements"] = list(flat.disagreements)
    record["mentions"] = [m.to_dict() for m in event.mentions]
    return record


def _actor(actor: Actor) -> dict[str, Any]:
    return {"code": actor.code, "sector": actor.sector, "name": actor.name, "office": actor.office}


def _batches(events: Iterable[Event]) -> Iterator[list[Event]]:
    iterator = iter(events)
    while batch := list(islice(iterator, _BATCH)):
        yield batch
