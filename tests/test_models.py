from dateline.models import Article, day_of


def test_models_day_of_an_impossible_date_is_none():
    # A database written before impossible dates were refused may hold these.
    assert day_of("2021-02-31") is None
    assert day_of("2021-13-45T25:61") is None
    assert day_of("2021-02-28T10:00").isoformat() == "2021-02-28"


def test_models_article_notes_are_not_part_of_its_record():
    article = Article(id="x", file="f", source="s", body="b", notes=("a note",))
    assert "notes" not in article.to_dict()
    assert article == Article(id="x", file="f", source="s", body="b")
