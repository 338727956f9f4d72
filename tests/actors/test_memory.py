from dateline.actors import Actor, ActorMemory, ActorMention
from dateline.actors.memory import surname_of


def test_memory_surname_of_keeps_particles():
    assert surname_of("Luminita Odobescu") == "Odobescu"
    assert surname_of("Ursula von der Leyen") == "von der Leyen"
    assert surname_of("Lula") == "Lula"


def test_memory_recalls_a_person_of_another_document_only_by_the_full_name():
    memory = ActorMemory()
    memory.begin_document("doc-1")
    memory.learn(
        "Ruto Kiprono",
        Actor("KEN", "GOV", office="Interior Minister"),
        "Kenyan Interior Minister Ruto Kiprono",
        "title",
    )
    assert memory.recall("Kiprono").name == "Ruto Kiprono"  # within its document
    memory.begin_document("doc-2")
    assert memory.recall("Kiprono") is None
    assert memory.recall_written("KEN", "Kiprono said") is None
    person = memory.recall("Ruto Kiprono")
    assert person.actor == Actor("KEN", "GOV", "Ruto Kiprono", "Interior Minister")
    assert person.source_doc == "doc-1"


def test_memory_a_full_name_taught_as_two_actors_names_no_one_elsewhere():
    memory = ActorMemory()
    memory.begin_document("doc-1")
    memory.learn("Ana Silva", Actor("BRA", "GOV", office="Minister"), "Minister Ana Silva", "title")
    memory.begin_document("doc-2")
    memory.learn("Ana Silva", Actor("PRT", "MED"), "Portuguese journalist Ana Silva", "title")
    assert memory.recall("Ana Silva").actor.code == "PRT"  # this document's
    memory.begin_document("doc-3")
    assert memory.recall("Ana Silva") is None


def test_memory_leaves_a_shared_surname_unresolved():
    memory = ActorMemory()
    memory.learn(
        "Ana Silva", Actor("BRA", "GOV", office="Minister"), "Brazilian Minister Ana Silva", "title"
    )
    memory.learn(
        "Rui Silva",
        Actor("PRT", "GOV", office="Minister"),
        "Portuguese Minister Rui Silva",
        "title",
    )
    assert memory.recall("Silva") is None
    assert memory.recall("Rui Silva").actor.code == "PRT"


def test_memory_round_trips_through_records():
    memory = ActorMemory()
    memory.begin_document("a.txt")
    memory.learn(
        "Alexei Overchuk",
        Actor("RUS", "GOV", office="Deputy Prime Minister"),
        "Russian Deputy Prime Minister Alexei Overchuk",
        "title",
    )
    again = ActorMemory.from_records(memory.to_records())
    assert again.recall("Overchuk") is None  # a surname does not cross documents
    person = again.recall("Alexei Overchuk")
    assert person.actor.office == "Deputy Prime Minister"
    assert person.source_doc == "a.txt"
    assert "Deputy Prime Minister" in person.evidence


def test_memory_recent_people_prefers_the_office_named():
    memory = ActorMemory()
    for name, office in [("A", "President"), ("B", "Foreign Minister"), ("C", "President")]:
        memory.note(ActorMention(name, 0, 1, Actor("AAA" + name, "GOV", name, office), "title"))
    assert [a.name for a in memory.recent_people(2, "President")] == ["A", "C"]
