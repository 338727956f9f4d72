import sys
import types

from click.testing import CliRunner

from dateline.actors import Actor, ActorMention, summarise
from dateline.cli.actors import actors

PUTIN = Actor("RUS", "GOV", "Vladimir Putin", "President")


def _mentions():
    return [
        ActorMention("his Russian counterpart Vladimir Putin", 0, 10, PUTIN, "counterpart"),
        ActorMention("Putin", 20, 25, PUTIN, "learned"),
        ActorMention("Putin", 40, 45, PUTIN, "learned"),
        ActorMention("Kenyan police", 50, 63, Actor("KEN", "POL"), "demonym"),
    ]


def test_summary_counts_mentions_and_ways_of_resolving():
    rows = summarise(_mentions())
    assert rows[0].actor == PUTIN
    assert rows[0].mentions == 3
    assert rows[0].how == (("learned", 2), ("counterpart", 1))
    assert rows[1].to_dict()["sector"] == "POL"


def test_summary_reads_store_records():
    rows = summarise(
        [{"code": "KEN", "sector": "POL", "name": None, "office": None, "how": "demonym"}]
    )
    assert rows[0].actor == Actor("KEN", "POL")


def test_summary_cli_prints_table_and_jsonl(monkeypatch):
    class FakeStore:
        def __init__(self, settings, *, create=True):
            assert not create  # a listing never creates a database

        def actor_mentions(self):
            return _mentions()

    monkeypatch.setitem(sys.modules, "dateline.api", types.SimpleNamespace(Store=FakeStore))
    table = CliRunner().invoke(actors, ["--db", "sqlite://"])
    assert table.exit_code == 0, table.output
    assert "Vladimir Putin" in table.output and "learned 2" in table.output
    lines = CliRunner().invoke(actors, ["--format", "jsonl"]).output.splitlines()
    assert '"mentions": 3' in lines[0]
