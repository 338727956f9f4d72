import io
from datetime import date

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from dateline.errors import ConfigError  # noqa: E402
from dateline.export import export_file, write_events  # noqa: E402
from dateline.export.flat import FLAT_COLUMNS  # noqa: E402
from dateline.export.parquet import PARQUET_COLUMNS  # noqa: E402


def _table(events):
    stream = io.BytesIO()
    assert write_events(events, stream, "parquet") == len(events)
    return pq.read_table(io.BytesIO(stream.getvalue()))


def test_parquet_has_the_csv_columns_and_the_mentions(events):
    table = _table(events)
    assert tuple(table.column_names) == (*FLAT_COLUMNS, "mentions") == PARQUET_COLUMNS
    assert table.num_rows == 4


def test_parquet_columns_are_typed(events):
    schema = _table(events).schema
    assert schema.field("date").type == pa.date32()
    assert schema.field("killed").type == pa.int64()
    assert schema.field("goldstein").type == pa.float64()
    assert schema.field("actors").type.value_type.names == ["code", "sector", "name", "office"]
    assert pa.types.is_list(schema.field("mentions").type)


def test_parquet_multi_actor_event_exactly(pretoria_signing):
    [row] = _table([pretoria_signing]).to_pylist()
    assert row["date"] == date(2022, 11, 2) and row["date_end"] is None
    assert row["actors"] == [
        {"code": "ETH", "sector": "GOV", "name": "Redwan Hussien", "office": "Presidential Aide"},
        {
            "code": "ETH",
            "sector": "REB",
            "name": "Tigray People's Liberation Front",
            "office": None,
        },
    ]
    assert row["recipients"] == [
        {"code": "AU", "sector": "IGO", "name": "African Union", "office": None}
    ]
    assert (row["quad_class"], row["cameo"], row["goldstein"]) == (1, "05", 3.5)
    assert (row["num_mentions"], row["num_sources"], row["num_articles"]) == (3, 2, 3)
    assert [m["outlet"] for m in row["mentions"]] == ["Reuters", "Al Jazeera", "Reuters"]
    assert row["mentions"][1] == {
        "doc": "aljazeera00000002",
        "file": "aljazeera_tigray.html",
        "url": "https://www.aljazeera.com/news/2022/11/3/tigray-deal",
        "published": "2022-11-03",
        "outlet": "Al Jazeera",
        "sentence": (
            "The deal, signed in the South African capital, was brokered by the "
            "African Union after ten days of talks."
        ),
        "start": 812,
        "end": 915,
        "trigger": "signed",
    }
    assert row["contexts"] == ["diplomatic"] and row["disagreements"] == []


def test_parquet_numbers_and_missing_values(nairobi_protest, khartoum_strikes):
    protest, strikes = _table([nairobi_protest, khartoum_strikes]).to_pylist()
    assert protest["recipients"] == []
    assert (protest["size"], protest["arrested"], protest["killed"]) == (3000, 48, None)
    assert (strikes["date"], strikes["date_end"]) == (date(2023, 4, 15), date(2023, 4, 17))
    assert (strikes["killed"], strikes["injured"]) == (97, 595)
    assert strikes["disagreements"] == ["killed: 56 | 97"]
    assert strikes["mentions"][1]["url"] is None


def test_parquet_file_with_no_events_keeps_its_columns(tmp_path):
    path = tmp_path / "empty.parquet"
    assert export_file([], path, "parquet") == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and tuple(table.column_names) == PARQUET_COLUMNS


def test_parquet_refuses_a_text_stream(events):
    with pytest.raises(ConfigError, match="binary.*-o events.parquet"):
        write_events(events, io.StringIO(), "parquet")


def test_parquet_missing_pyarrow_says_how_to_install(monkeypatch, tmp_path, events):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes "import pyarrow" fail
    with pytest.raises(ConfigError, match=r"pip install 'dateline\[parquet\]'"):
        export_file(events, tmp_path / "events.parquet", "parquet")
    assert list(tmp_path.iterdir()) == []  # no half file, no temporary left
