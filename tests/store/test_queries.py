import pytest
from sqlalchemy import text

from dateline.errors import StoreError
from dateline.models import Article, article_id
from dateline.store import database_url, open_engine
from dateline.store.queries import add_articles, count_articles, select_articles

BODY = (
    "Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki signed a "
    "joint declaration in Asmara on Monday, formally ending two decades of war."
)


def _article(body: str = BODY, **fields) -> Article:
    return Article(
        id=article_id(body), file="asmara.txt", source="/tmp/asmara.txt", body=body, **fields
    )


def _roundtrip(url: str) -> None:
    engine = open_engine(url)
    article = _article(
        title="Ethiopia and Eritrea declare end of war",
        published="2018-07-09T14:30",
        published_precision="minute",
        authors=("Hana Tesfaye", "Ben Okello"),
        outlet="Horn Herald",
    )
    with engine.begin() as connection:
        assert add_articles(connection, [article, article]) == [article.id]
    with engine.begin() as connection:
        assert add_articles(connection, [article]) == []
        assert count_articles(connection) == 1
        [stored] = select_articles(connection)
    assert stored == article
    engine.dispose()


def test_queries_store_an_article_once_in_sqlite(tmp_path):
    _roundtrip(f"sqlite:///{tmp_path / 'a.db'}")


@pytest.mark.postgres
def test_queries_store_an_article_once_in_postgres(postgres_url):
    _roundtrip(postgres_url)


def test_queries_filter_by_date_and_outlet(tmp_path):
    engine = open_engine(str(tmp_path / "b.db"))
    one = _article(BODY, published="2018-07-09", published_precision="day", outlet="Horn Herald")
    two = _article(
        BODY + " More.", published="2018-09-16", published_precision="day", outlet="Other"
    )
    with engine.begin() as connection:
        add_articles(connection, [one, two])
        assert [a.id for a in select_articles(connection, since="2018-09")] == [two.id]
        assert [a.id for a in select_articles(connection, until="2018-07")] == [one.id]
        assert [a.id for a in select_articles(connection, outlet="horn herald")] == [one.id]


def test_database_url_accepts_a_bare_path_and_postgres_urls():
    assert database_url("x/dateline.db") == "sqlite:///x/dateline.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///a.db") == "sqlite:///a.db"


def test_database_open_names_a_missing_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_engine(str(tmp_path / "nowhere" / "a.db"))


def test_database_refuses_a_newer_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    engine = open_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE store_info SET value = '99' WHERE key = 'schema_version'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer Dateline"):
        open_engine(url)
