"""Every actor that a gold event of the seeds names resolves to the right country and sector."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _actors(mentions, text):
    return [(m.actor.code, m.actor.sector) for m in mentions if m.text == text]


def test_seeds_title_and_counterpart_give_presidents(seed_mentions):
    found, _ = seed_mentions
    aliyev = [m for m in found["000"] if m.text == "Azerbaijani President Ilham Aliyev"][0]
    putin = [m for m in found["000"] if m.text == "his Russian counterpart Vladimir Putin"][0]
    assert (aliyev.actor.code, aliyev.actor.sector, aliyev.actor.name) == (
        "AZE",
        "GOV",
        "Ilham Aliyev",
    )
    assert (putin.actor.code, putin.actor.office, putin.actor.name) == (
        "RUS",
        "President",
        "Vladimir Putin",
    )


def test_seeds_group_references_stand_for_the_people_before(seed_mentions):
    found, _ = seed_mentions
    assert _actors(found["000"], "the two presidents") == [("AZE", "GOV"), ("RUS", "GOV")]
    assert _actors(found["000"], "The heads of state") == [("AZE", "GOV"), ("RUS", "GOV")]
    assert {code for code, _ in _actors(found["000"], "the sides")} == {"AZE", "RUS"}
    assert _actors(found["001"], "The two leaders") == [("AZE", "GOV"), ("RUS", "GOV")]
    assert _actors(found["002"], "the two presidents") == [("AZE", "GOV"), ("RUS", "GOV")]


def test_seeds_metonyms_are_governments(seed_mentions):
    found, _ = seed_mentions
    assert _actors(found["000"], "Baku")[0] == ("AZE", "GOV")
    assert _actors(found["000"], "Moscow") == [("RUS", "GOV")]
    assert _actors(found["000"], "Yerevan") == [("ARM", "GOV")]  # tagged PERSON by the small model
    assert _actors(found["004"], "the Kremlin")[0] == ("RUS", "GOV")


def test_seeds_forces_and_separatists(seed_mentions):
    found, _ = seed_mentions
    assert _actors(found["000"], "Armenian troops") == [("ARM", "MIL")]
    assert _actors(found["000"], "The Azerbaijani army") == [("AZE", "MIL")]
    assert _actors(found["000"], "Azerbaijani civilians") == [("AZE", "CVL")]
    assert _actors(found["001"], "Armenian separatists") == [("ARM", "REB")]
    assert _actors(found["001"], "The Azerbaijani side") == [("AZE", "GOV")]


def test_seeds_peacekeepers_are_military_with_context(seed_mentions):
    found, _ = seed_mentions
    force = [m.actor for m in found["001"] if m.text == "the Russian Peacekeeping Force"][0]
    assert (force.code, force.sector, force.contexts) == ("RUS", "MIL", ("peacekeeping",))
    assert _actors(found["003"], "Russian peacekeepers")[0] == ("RUS", "MIL")


def test_seeds_people_learned_from_titles_are_found_again(seed_mentions):
    found, memory = seed_mentions
    overchuk = [m.actor for m in found["002"] if "Overchuk" in m.text][0]
    assert (overchuk.code, overchuk.sector, overchuk.office) == (
        "RUS",
        "GOV",
        "Deputy Prime Minister",
    )
    odobescu = [m.actor for m in found["003"] if "Odobescu" in m.text][0]
    assert (odobescu.code, odobescu.office) == ("ROU", "Foreign Minister")
    learned = memory.recall_elsewhere(overchuk.name)  # later articles: by full name only
    assert learned.source_doc.startswith("002") and "Deputy Prime Minister" in learned.evidence
    assert memory.recall_elsewhere("Overchuk") is None


def test_seeds_counterpart_is_learned_without_people_knowledge(nlp):
    from dataclasses import replace
    from datetime import date

    from dateline.actors import ActorMemory, PeopleIndex, actor_knowledge, resolve_doc

    path = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_eb9d63c286b60ace.txt"
    if not path.exists():
        pytest.skip(f"{path} not found")
    bare = replace(actor_knowledge(), people=PeopleIndex())
    memory = ActorMemory()
    doc = nlp(path.read_text(encoding="utf-8"))
    mentions = resolve_doc(doc, date(2023, 11, 6), memory, source="003", knowledge=bare)
    odobescu = [m for m in mentions if "Odobescu" in m.text][0]
    assert odobescu.how == "counterpart"
    assert (odobescu.actor.code, odobescu.actor.office) == ("ROU", "Foreign Minister")
    assert [m.actor.name for m in mentions if m.text == "Bayramov"] == ["Jeyhun Bayramov"]
    assert "Romanian counterpart" in memory.recall("Odobescu").evidence


def test_seeds_surnames_alone_resolve(seed_mentions):
    found, _ = seed_mentions
    for prefix, name, code in [("001", "Putin", "RUS"), ("001", "Aliyev", "AZE"), ("004", "Pashinyan", "ARM"),
                               ("003", "Bayramov", "AZE")]:  # fmt: skip
        actors = [m.actor for m in found[prefix] if m.text == name]
        assert actors and all(a.code == code and a.sector == "GOV" for a in actors), name


def test_seeds_coordinated_leaders_and_of_phrases(seed_mentions):
    found, _ = seed_mentions
    leaders = _actors(found["002"], "the Azerbaijani, Russian and Armenian leaders")
    assert leaders[:3] == [("AZE", "GOV"), ("RUS", "GOV"), ("ARM", "GOV")]
    assert _actors(found["004"], "The leaders of Azerbaijan and Armenia") == [
        ("AZE", "GOV"),
        ("ARM", "GOV"),
    ]


def test_seeds_kremlin_meeting_names_all_three(seed_mentions):
    found, _ = seed_mentions
    codes = {m.actor.code for m in found["004"] if m.sentence <= 2 and m.actor.is_person}
    assert codes == {"RUS", "AZE", "ARM"}


def test_seeds_a_meeting_place_is_marked(seed_mentions):
    found, _ = seed_mentions
    baku = [m for m in found["002"] if m.text == "Baku"][0]
    assert baku.is_place
    assert not [m for m in found["000"] if m.text == "Baku"][0].is_place


def test_seeds_un_security_council_is_an_igo(seed_mentions):
    found, _ = seed_mentions
    council = [m.actor for m in found["000"] if m.text == "UN Security Council"][0]
    assert (council.code, council.sector, council.name) == ("UNO", "IGO", "UN Security Council")
