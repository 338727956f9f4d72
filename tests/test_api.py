"""The library front door: what a notebook user calls."""

from dateline import Store
from dateline.settings import Settings

ARTICLE = (
    "Sudan's army and RSF agree to Jeddah talks\n\n"
    "JEDDAH, May 6 (Reuters) - Envoys of Sudan's army and the paramilitary Rapid Support "
    "Forces met in Jeddah on Saturday for talks brokered by Saudi Arabia and the United "
    "States, the first direct contact since fighting erupted in Khartoum on April 15, 2023. "
    "More than 700 people have been killed in three weeks of fighting, the World Health "
    "Organization said.\n"
)


def test_api_store_ingests_lists_and_remembers(tmp_path):
    (tmp_path / "jeddah.txt").write_text(ARTICLE)
    store = Store(Settings(db=f"sqlite:///{tmp_path / 'x.db'}"))
    report = store.ingest(str(tmp_path / "jeddah.txt"))
    assert (report.read, report.added, report.failed, report.analysed) == (1, 1, 0, 1)
    [article] = store.articles()
    assert article.dateline_place == "Jeddah"
    assert article.published == "2023-05-06"
    assert store.count_articles() == 1
    assert store.ingest(str(tmp_path / "jeddah.txt")).unchanged == 1
    codes = {m["code"] for m in store.actor_mentions()}
    assert {"SDN", "SAU", "USA"} <= codes
    frame = store.to_pandas()  # the events, one row each
    assert list(frame["id"]) == [event.id for event in store.events()]
    assert "CONSULT" in set(frame["type"])
    store.close()


def test_api_store_accepts_a_bare_path(tmp_path):
    store = Store(str(tmp_path / "plain.db"))
    assert store.count_articles() == 0
    assert (tmp_path / "plain.db").exists()
