"""Fuzz: the JSONL and CSV readers turn any bytes into documents and one-line errors.

Each failure it ever found is kept below as an ``@example``.
"""

import json
import os
import tempfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.errors import SourceError
from dateline.models import RawDocument
from dateline.settings import Settings
from dateline.sources import read_location

_SETTINGS = Settings()
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["2021-02-30", "2021-13-45", "2021-02-03 25:61", "31.02.2021"]),
    st.lists(st.text(max_size=5), max_size=3),
)
_RECORDS = st.lists(
    st.dictionaries(
        st.sampled_from(["id", "time", "published", "date", "text", "body", "title", "url"]),
        _VALUES,
        max_size=6,
    ),
    max_size=6,
)


def _read(data: bytes, suffix: str) -> list[RawDocument | SourceError]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "records" + suffix)
        with open(path, "wb") as stream:
            stream.write(data)
        return list(read_location(path, _SETTINGS))


def _check(items: list[RawDocument | SourceError]) -> None:
    for item in items:
        assert isinstance(item, (RawDocument, SourceError))
        if isinstance(item, SourceError):
            assert "\n" not in str(item).strip()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=_RECORDS)
@example(records=[{"id": "a", "time": "2021-02-30", "text": "Talks resumed on Tuesday."}])
def test_records_fuzz_jsonl_records(records):
    data = "\n".join(json.dumps(record) for record in records).encode()
    _check(_read(data, ".jsonl"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".jsonl", ".csv"]))
@example(data=b'id,time,text\na,2021-13-45,"Talks resumed on Tuesday."\n', suffix=".csv")
@example(data=b"\xff\xfe{\x00}\x00", suffix=".jsonl")
def test_records_fuzz_any_bytes(data, suffix):
    _check(_read(data, suffix))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), suffix=st.sampled_from([".jsonl", ".csv"]))
def test_records_fuzz_any_text(text, suffix):
    _check(_read(text.encode("utf-8", "surrogatepass"), suffix))
