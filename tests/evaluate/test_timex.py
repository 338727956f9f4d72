from pathlib import Path

import pytest

from dateline.errors import EvaluationError
from dateline.evaluate.timex import GoldTimex, evaluate_timex, read_timeml, score
from dateline.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "timeml"

MINIMAL = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-20" functionInDocument="CREATION_TIME">2019-05-20</TIMEX3></DCT>
<TEXT>
Ukraine's new president was sworn in <TIMEX3 tid="t1" type="DATE" value="2019-05-20">on Monday</TIMEX3>, <TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3> after the runoff.
</TEXT>
</TimeML>
"""


def test_timex_reads_offsets_in_stripped_text(tmp_path):
    path = tmp_path / "ukraine.tml"
    path.write_text(MINIMAL, encoding="utf-8")
    document = read_timeml(path)
    assert str(document.creation_time) == "2019-05-20"
    assert [document.text[t.start : t.end] for t in document.timexes] == ["on Monday", "a month"]
    assert document.timexes[1] == GoldTimex(
        document.text.index("a month"), document.text.index("a month") + 7, "DURATION", "P1M"
    )


def test_timex_score_relaxed_strict_and_value():
    gold = [GoldTimex(0, 9, "DATE", "2019-05-20"), GoldTimex(20, 27, "DURATION", "P1M")]
    predicted = [GoldTimex(3, 9, "DATE", "2019-05-20"), GoldTimex(40, 45, "DATE", "2019")]
    report = score(gold, predicted)
    assert (report.relaxed_predicted, report.relaxed_gold) == (1, 1)
    assert report.strict_predicted == 0
    assert report.value_correct == 1
    assert report.value_f1 == pytest.approx(0.5)
    assert report.type_accuracy == 1.0


def test_timex_missing_creation_time_is_an_evaluation_error(tmp_path):
    path = tmp_path / "broken.tml"
    path.write_text("<TimeML><TEXT>Talks ended on Friday.</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(EvaluationError, match="broken.tml: no TIMEX3"):
        read_timeml(path)


def test_timex_malformed_xml_names_the_file(tmp_path):
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(EvaluationError) as error:
        evaluate_timex(tmp_path, Settings())
    assert error.value.source == str(path)


def test_timex_report_table_and_json_shapes():
    report = score([GoldTimex(0, 5, "DATE", "2020")], [GoldTimex(0, 5, "DATE", "2020")])
    assert report.to_dict()["scores"]["value_f1"] == 1.0
    assert "value P / R / F1" in report.table()


@pytest.mark.slow
def test_timex_fixture_scores_stay_above_the_floor():
    # Quality gate on the hand-written newswire fixtures (developed against, so
    # an upper bound of held-out performance, not an estimate of it).
    report = evaluate_timex(FIXTURES, Settings())
    assert report.files >= 6
    assert report.relaxed_f1 >= 0.95
    assert report.value_f1 >= 0.90
