"""The event scorer (EVALUATION.md section 2) on hand-written predictions.

The gold file below annotates four made-up wire stories:

- 100: Ethiopia's prime minister visits Nairobi on 5 March 2024; the Sudanese
  army and the RSF agree a ceasefire "on the night of 9-10 March";
- 101, 102: the same Sudan ceasefire as told by two other outlets;
- 103: a Colombian air strike on a FARC dissident camp on 20 February 2024,
  and (not required) protests in Lima during February.

Every expected figure is worked out by hand in the test.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.errors import EvaluationError
from dateline.evaluate.event_records import doc_matches, period_of, read_gold_events
from dateline.evaluate.events import evaluate_events

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

GOLD = """\
version: 1
events:
  - id: abiy-in-nairobi-2024-03-05
    types: [CONSULT]
    mode: visit
    participants: [ETH, KEN]
    actor: [ETH]          # the visitor
    recipient: [KEN]      # the host
    date: ["2024-03-05", "2024-03-05"]
    docs: ["100"]
  - id: sudan-ceasefire-2024-03-10
    types: [CONCEDE, AGREE, RETREAT]
    participants: [SDN]
    date: ["2024-03-09", "2024-03-10"]
    docs: ["100", "101", "102"]
  - id: colombia-air-strike-2024-02-20
    types: [ASSAULT]
    mode: aerial
    participants: [COL]
    actor: [COL]
    date: ["2024-02-20", "2024-02-20"]
    docs: ["103"]
  - id: lima-protests-2024-02
    required: false
    types: [PROTEST]
    participants: [PER]
    date: ["2024-02-01", "2024-02-29"]
    docs: ["103"]
"""


def mention(file, sentence="..."):
    return {"doc": "a1b2c3", "file": file, "url": None, "published": None,
            "sentence": sentence, "start": 0, "end": len(sentence)}  # fmt: skip


def event(id, type, actors, recipients, date, files, *, status="occurred", confidence=0.8, **more):
    return {
        "id": id,
        "type": type,
        "mode": None,
        "contexts": [],
        "actors": [{"code": code, "sector": "GOV", "name": None} for code in actors],
        "recipients": [{"code": code, "sector": "GOV", "name": None} for code in recipients],
        "date": date,
        "date_end": None,
        "date_precision": "day",
        "status": status,
        "place": {"name": None, "country": None},
        "magnitude": {},
        "confidence": confidence,
        "cameo": None,
        "goldstein": None,
        "mentions": [mention(file) for file in files],
        **more,
    }


VISIT = event("e1", "CONSULT", ["ETH"], ["KEN"], "2024-03-05", ["100_4f1c.txt"])
CEASEFIRE = event(
    "e2",
    "CONCEDE",
    ["SDN"],
    ["SDN"],
    "2024-03-10",
    ["100_4f1c.txt", "101_90ab.html", "102_77de.txt", "102_77de.txt"],
)
STRIKE = event("e3", "ASSAULT", ["COL"], ["COL"], "2024-02-20", ["103_c3d2.txt"])
PERFECT = [VISIT, CEASEFIRE, STRIKE]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def measures(report):
    return report.to_dict()["measures"]


def result(report, gold_id):
    return next(r for r in report.events if r.id == gold_id)


def test_events_perfect_predictions_meet_every_target(gold_file):
    report = evaluate_events(PERFECT, gold_file)
    assert measures(report) == {
        "recall": 1.0,
        "precision": 1.0,
        "date_accuracy": 1.0,
        "fragmentation": 1.0,
        "source_coverage": 1.0,
        "role_accuracy": 1.0,  # visit: actor + recipient, strike: actor = 3/3
    }
    assert report.to_dict()["counts"] == {
        "required": 3,
        "found": 3,
        "predicted": 3,
        "fitting": 3,
        "negated": 0,
        "fragments": 3,
    }
    assert report.passed()
    assert all(not r.failures for r in report.events if r.required)
    assert result(report, "sudan-ceasefire-2024-03-10").best_id == "e2"


def test_events_missing_event_lowers_recall_and_says_why(gold_file):
    report = evaluate_events([VISIT, CEASEFIRE], gold_file)
    assert report.recall == pytest.approx(2 / 3)
    assert (report.precision, report.date_accuracy, report.source_coverage) == (1.0, 1.0, 1.0)
    assert report.role_accuracy == 1.0  # 2/2: the missed strike's role is not scored
    strike = result(report, "colombia-air-strike-2024-02-20")
    assert not strike.found and strike.best_id is None
    assert strike.failures == ("no prediction has a mention from 103",)
    assert not report.passed()


def test_events_missed_event_names_the_closest_prediction(gold_file):
    # Coded as a threat, from the right article: close, but no fit.
    threat = event("e9", "THREATEN", ["COL"], ["COL"], "2024-02-20", ["103_c3d2.txt"])
    report = evaluate_events([VISIT, CEASEFIRE, threat], gold_file)
    (why,) = result(report, "colombia-air-strike-2024-02-20").failures
    assert "closest e9" in why and "type THREATEN not in ASSAULT" in why
    assert report.precision == pytest.approx(2 / 3)


def test_events_wrong_date_fails_date_accuracy_only(gold_file):
    early = dict(VISIT, date="2024-03-04")
    report = evaluate_events([early, CEASEFIRE, STRIKE], gold_file)
    assert report.recall == 1.0
    assert report.date_accuracy == pytest.approx(2 / 3)
    assert report.fragmentation == 1.0  # over the two events dated right
    visit = result(report, "abiy-in-nairobi-2024-03-05")
    assert visit.date_ok is False and visit.best_date == "2024-03-04"
    assert visit.failures == ("date 2024-03-04 outside [2024-03-05, 2024-03-05]",)


def test_events_split_event_has_fragmentation_two(gold_file):
    first = event("s1", "ASSAULT", ["COL"], ["COL"], "2024-02-20", ["103_c3d2.txt"])
    second = event("s2", "ASSAULT", ["COL"], [], "2024-02-20", ["103_c3d2.txt"], confidence=0.9)
    report = evaluate_events([first, second], gold_file)
    assert report.recall == pytest.approx(1 / 3)
    assert report.fragmentation == 2.0
    assert report.precision == 1.0  # both records are real, just not merged
    strike = result(report, "colombia-air-strike-2024-02-20")
    assert strike.best_id == "s2"  # all else equal, the more confident
    assert "split into 2 records: s1, s2" in strike.failures


def test_events_duplicate_across_outlets_merged_beats_split(gold_file):
    merged = evaluate_events(PERFECT, gold_file)
    per_outlet = [
        event("c0", "CONCEDE", ["SDN"], [], "2024-03-10", ["100_4f1c.txt"], confidence=0.7),
        event("c1", "AGREE", ["SDN"], [], "2024-03-10", ["101_90ab.html"], confidence=0.9),
        event("c2", "RETREAT", ["SDN"], [], "2024-03-09", ["102_77de.txt"], confidence=0.7),
    ]
    split = evaluate_events([VISIT, *per_outlet, STRIKE], gold_file)
    assert merged.source_coverage == 1.0
    assert split.source_coverage == pytest.approx((1 + 1 / 3 + 1) / 3)
    assert split.fragmentation == pytest.approx((1 + 3 + 1) / 3)
    assert split.precision == 1.0 and split.recall == 1.0
    ceasefire = result(split, "sudan-ceasefire-2024-03-10")
    assert ceasefire.best_id == "c1"
    assert ceasefire.docs_covered == ("101",) and ceasefire.docs_missing == ("100", "102")
    assert "sources 1/3: missing 100, 102" in ceasefire.failures


def test_events_host_and_visitor_swapped_fail_role_accuracy(gold_file):
    swapped = event("e1", "CONSULT", ["KEN"], ["ETH"], "2024-03-05", ["100_4f1c.txt"])
    report = evaluate_events([swapped, CEASEFIRE, STRIKE], gold_file)
    assert report.recall == 1.0  # participants are there, whatever their roles
    assert report.role_accuracy == pytest.approx(1 / 3)
    visit = result(report, "abiy-in-nairobi-2024-03-05")
    assert (visit.roles_scored, visit.roles_ok) == (2, 0)
    assert visit.failures == ("actor: expected ETH, got KEN", "recipient: expected KEN, got ETH")


def test_events_negated_prediction_is_left_out_of_precision(gold_file):
    # "Kenya denied that its troops had crossed into Somalia": nothing happened.
    denied = event(
        "n1", "ASSAULT", ["KEN"], ["SOM"], "2024-03-05", ["100_4f1c.txt"], status="negated"
    )
    report = evaluate_events([*PERFECT, denied], gold_file)
    assert report.precision == 1.0
    assert (report.predicted, report.fitting, report.negated) == (3, 3, 1)
    assert report.false_alarms == ()
    # The same record, not negated, is a false alarm.
    alarmed = evaluate_events([*PERFECT, dict(denied, status="occurred")], gold_file)
    assert alarmed.precision == pytest.approx(3 / 4)
    assert [p.id for p in alarmed.false_alarms] == ["n1"]
    assert alarmed.to_dict()["false_alarms"][0]["codes"] == ["KEN", "SOM"]


def test_events_optional_gold_event_is_neither_miss_nor_false_alarm(gold_file):
    protest = event("p1", "PROTEST", ["PER"], ["PER"], "2024-02-15", ["103_c3d2.txt"])
    with_protest = evaluate_events([*PERFECT, protest], gold_file)
    assert with_protest.precision == 1.0  # fits the optional gold event
    assert with_protest.required == 3 and with_protest.recall == 1.0
    assert result(with_protest, "lima-protests-2024-02").found
    without = evaluate_events(PERFECT, gold_file)
    assert without.recall == 1.0  # not predicting it costs nothing
    assert not result(without, "lima-protests-2024-02").found
    assert "lima-protests" not in without.table()


def test_events_best_fit_prefers_date_then_roles_then_mentions_then_confidence(tmp_path):
    # Three MINUSMA withdrawals told by one article: every record fits every
    # gold entry; each gold entry must be judged by the record that is really it.
    gold = tmp_path / "mali.yaml"
    entries = [("ber", "2023-08-13"), ("tessalit", "2023-10-21"), ("kidal", "2023-10-31")]
    gold.write_text(
        "events:\n"
        + "".join(
            f"  - {{id: {name}, types: [RETREAT], participants: [UNO], actor: [UNO],"
            f' date: ["{day}", "{day}"], docs: ["m1"]}}\n'
            for name, day in entries
        ),
        encoding="utf-8",
    )
    records = [
        event(f"w-{name}", "RETREAT", ["UNO"], ["MLI"], day, ["m1.txt"], confidence=0.5)
        for name, day in entries
    ]
    report = evaluate_events(records, gold)
    assert [r.best_id for r in report.events] == ["w-ber", "w-tessalit", "w-kidal"]
    assert report.date_accuracy == 1.0 and report.fragmentation == 1.0

    # Same date: the one with the right roles wins over more mentions and confidence.
    reversed_roles = event(
        "x", "RETREAT", ["MLI"], ["UNO"], "2023-08-13", ["m1.txt"] * 3, confidence=0.99
    )
    ber = evaluate_events([reversed_roles, *records], gold).events[0]
    assert ber.best_id == "w-ber" and ber.roles_ok == 1
    # Same date and roles: more mentions from the gold docs beat confidence.
    echoed = event("y", "RETREAT", ["UNO"], [], "2023-08-13", ["m1.txt", "m1.txt"], confidence=0.1)
    assert evaluate_events([*records, echoed], gold).events[0].best_id == "y"


def test_events_overlapping_gold_events_count_a_record_once(tmp_path):
    # A state visit and the month of regional consultations it belongs to.
    gold = tmp_path / "overlap.yaml"
    gold.write_text(
        """\
events:
  - {id: visit, types: [CONSULT], participants: [ETH, KEN], date: [2024-03-05, 2024-03-05], docs: ["100"]}
  - {id: consultations, types: [CONSULT], participants: [KEN], date: [2024-03-01, 2024-03-31], docs: ["100"]}
""",
        encoding="utf-8",
    )
    round_ = event("r", "CONSULT", ["KEN"], ["UGA"], "2024-03-12", ["100_4f1c.txt"], confidence=0.9)
    report = evaluate_events([VISIT, round_], gold)
    assert [r.best_id for r in report.events] == ["e1", "r"]
    assert report.fragments == 2  # e1 fits both windows but is one record
    assert report.fragmentation == 1.0
    consultations = report.events[1]
    assert consultations.failures == ("split into 2 records: e1 (best fit of visit), r",)
    assert consultations.to_dict()["docs_covered"] == ["100"]


def test_events_month_date_inside_window_and_range_scored_by_start(gold_file):
    # "Fighting in Sudan since April 2023" style: a month counts when all of it is inside.
    assert period_of("2024-03", None).within(*_days("2024-03-01", "2024-03-31"))
    assert not period_of("2024", None).within(*_days("2024-03-01", "2024-03-31"))
    assert not period_of("2024-03-10", "month").within(*_days("2024-03-09", "2024-03-10"))
    assert period_of("XXXX-03-10") is None and period_of(None) is None
    ranged = dict(CEASEFIRE, date="2024-03-10", date_end="2024-04-10")
    report = evaluate_events([VISIT, ranged, STRIKE], gold_file)
    assert report.date_accuracy == 1.0


def _days(first, last):
    from datetime import date

    return date.fromisoformat(first), date.fromisoformat(last)


def test_events_doc_ids_match_file_prefixes():
    assert doc_matches("000", "000_6414ef0f6e107aab.txt")
    assert doc_matches("000", "000.txt") and doc_matches("000", "000")
    assert doc_matches("reuters-17", "corpus/reuters-17.html")
    assert not doc_matches("000", "0001_ab.txt")
    assert not doc_matches("00", "000_ab.txt")


def test_events_no_predictions_score_zero(gold_file):
    report = evaluate_events([], gold_file)
    assert (report.recall, report.precision) == (0.0, 0.0)
    assert report.date_accuracy is None and report.fragmentation is None
    table = report.table()
    assert "recall" in table and "FAIL" in table and "n/a" in table
    assert table.count("MISSED") == 3
    assert json.loads(json.dumps(report.to_dict()))["measures"]["source_coverage"] is None


def test_events_table_shows_targets_and_one_line_per_required_event(gold_file):
    early = dict(VISIT, date="2024-03-04")
    lines = evaluate_events([early, CEASEFIRE], gold_file).table().splitlines()
    assert lines[0].split() == ["measure", "value", "target"]
    assert lines[1].split() == ["recall", "0.667", ">=", "0.9", "FAIL"]
    assert lines[4].split() == ["fragmentation", "1.000", "<=", "1.1", "pass"]
    visit = next(line for line in lines if line.startswith("abiy-in-nairobi"))
    assert "found" in visit and "CONSULT 2024-03-04" in visit and "outside" in visit
    strike = next(line for line in lines if line.startswith("colombia-air-strike"))
    assert "MISSED" in strike


@pytest.mark.parametrize(
    "text, message",
    [
        ("documents: []\n", "no 'events' list"),
        ("events: [\n", "not valid YAML"),
        ("events:\n  - types: [CONSULT]\n", "gold event 1 has no 'id'"),
        (
            "events:\n  - {id: a, types: [], participants: [], date: [2024-01-01, 2024-01-01], docs: ['1']}\n",
            "'types' must be a non-empty list",
        ),
        (
            "events:\n  - {id: a, types: [AID], date: [2024-01-01], docs: ['1']}\n",
            "'date' must be [earliest, latest]",
        ),
        (
            "events:\n  - {id: a, types: [AID], date: [2024-02-01, 2024-01-01], docs: ['1']}\n",
            "ends before it starts",
        ),
        (
            "events:\n  - {id: a, types: [AID], date: [2024-01-01, 2024-01-01], docs: [000]}\n",
            'quote it, e.g. "000"',
        ),
        (
            "events:\n  - {id: a, types: [AID], date: [2024-01-01, 2024-01-01], docs: ['1'], required: maybe}\n",
            "'required' must be true or false",
        ),
    ],
)
def test_events_malformed_gold_raises_naming_the_problem(tmp_path, text, message):
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EvaluationError, match=message.replace("[", r"\[")) as caught:
        evaluate_events([], path)
    assert caught.value.source == str(path)


def test_events_missing_gold_file_raises(tmp_path):
    with pytest.raises(EvaluationError, match="cannot read gold file"):
        evaluate_events(PERFECT, tmp_path / "nowhere.yaml")


def test_events_seed_gold_file_reads():
    gold = SHARED / "gold" / "seeds.yaml"
    if not gold.exists():
        pytest.skip(f"shared data not found at {SHARED.resolve()}")
    events = read_gold_events(gold)
    assert len({e.id for e in events}) == len(events)
    assert all(e.docs and e.types and e.earliest <= e.latest for e in events)
    assert sum(e.required for e in events) >= 15


def test_events_command_prints_json(gold_file, monkeypatch, tmp_path):
    from dateline.api import Store
    from dateline.cli import cli

    class Stored(dict):
        """Stands for a stored Event: what the command reads is its export record."""

        def to_dict(self):
            return dict(self)

    stored = [Stored(VISIT), Stored(CEASEFIRE)]
    monkeypatch.setattr(Store, "iter_events", lambda self, *query, **filters: iter(stored))
    db = str(tmp_path / "dateline.db")
    outcome = CliRunner().invoke(cli, ["eval", "events", str(gold_file), "--db", db, "--json"])
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.output)
    assert data["measures"]["recall"] == pytest.approx(0.6667)
    assert data["counts"]["found"] == 2
    table = CliRunner().invoke(cli, ["eval", "events", str(gold_file), "--db", db])
    assert "colombia-air-strike-2024-02-20  MISSED" in table.output
