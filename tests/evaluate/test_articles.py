from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.errors import EvaluationError
from dateline.evaluate.articles import evaluate_articles
from dateline.models import RawDocument
from dateline.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

GOLD = """\
version: 1
documents:
  - file: a.txt
    title: "Chile signs pension reform"
    published: "2024-03-20T10:15"
    outlet: ["emol.com", "El Mercurio"]
    authors: ["Ana Rojas"]
    body_first: "Chile's president signed a pension reform on Wednesday."
    body_last: "Congress approved it last week."
    not_body: ["Print version", "Views:"]
  - file: b.txt
    title: null
    published: "2024-03-21"
    outlet: null
    authors: []
    body_first: "Peru's Congress opened an inquiry on Thursday."
    body_last: "The president denies wrongdoing."
"""

GOOD = [
    {
        "file": "a.txt",
        "title": "Chile  signs pension reform [UPDATE]",
        "published": "2024-03-20T10:15:44",
        "outlet": "El Mercurio",
        "authors": ["ana rojas"],
        "body": "SANTIAGO, March 20 Chile's president signed a pension reform on Wednesday.\n\nCongress approved it last week.",
    },
    {
        "file": "b.txt",
        "title": None,
        "published": "2024-03-21T08:00",
        "outlet": None,
        "authors": [],
        "body": "Peru's Congress opened an inquiry on Thursday.   The president denies wrongdoing.",
    },
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_articles_scores_by_the_rules_of_evaluation_md(gold_file):
    report = evaluate_articles(GOOD, gold_file)
    assert report.perfect
    scores = {s.field: (s.correct, s.scored) for s in report.fields}
    assert scores == {
        "title": (1, 1),
        "published": (2, 2),
        "outlet": (1, 1),
        "authors": (1, 1),
        "body": (2, 2),
    }


def test_articles_reports_each_failure(gold_file):
    bad = [
        dict(
            GOOD[0],
            title="Chile signs pension reform amid protests",
            published="2024-03-20T11:15",
            body=GOOD[0]["body"] + "\n\nPrint version",
        ),
        GOOD[1],
    ]
    report = evaluate_articles(bad, gold_file)
    assert report.score("title").correct == 0
    assert report.score("published").correct == 1
    assert report.score("body").correct == 1
    assert {(f.file, f.field) for f in report.failures} == {
        ("a.txt", "title"),
        ("a.txt", "published"),
        ("a.txt", "body"),
    }
    table = report.table()
    assert "title" in table.splitlines()[1] and "failures:" in table
    assert report.to_dict()["fields"]["body"] == {"correct": 1, "scored": 2}


def test_articles_missing_record_fails_every_scored_field(gold_file):
    report = evaluate_articles(GOOD[1:], gold_file)
    assert report.score("title").correct == 0
    assert report.score("body").correct == 1


def test_articles_malformed_gold_raises(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="no 'documents' list"):
        evaluate_articles([], path)
    with pytest.raises(EvaluationError, match="cannot read gold file"):
        evaluate_articles([], tmp_path / "missing.yaml")


def test_articles_seeds_get_full_marks():
    seeds, gold = SHARED / "seeds", SHARED / "gold" / "seeds.yaml"
    if not gold.exists():
        pytest.skip(f"shared data not found at {SHARED.resolve()}")
    records = [
        clean(
            RawDocument(source=str(p), file=p.name, text=p.read_text(encoding="utf-8")), Settings()
        ).to_dict()
        for p in sorted(seeds.glob("*.txt"))
    ]
    report = evaluate_articles(records, gold)
    assert report.perfect, report.table()
    scores = {s.field: (s.correct, s.scored) for s in report.fields}
    assert scores["title"] == (4, 4)
    assert scores["published"] == (5, 5)
    assert scores["body"] == (5, 5)
