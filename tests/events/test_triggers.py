import pytest

from dateline.events.triggers import find_triggers, trigger_matcher

pytestmark = pytest.mark.slow


def _found(nlp, text):
    return [(t.type, t.mode, t.text) for t in find_triggers(nlp(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed in Nairobi.",
        "Qatar hosts the delegations of Hamas and Israel in Doha this week.",
        "Egypt will host the next round in Cairo.",
    ],
)
def test_triggers_match_every_form_of_a_verb_lemma(nlp, text):
    assert ("CONSULT", "visit") in [(t, m) for t, m, _ in _found(nlp, text)]


def test_triggers_matcher_is_built_once_per_vocab(nlp):
    assert trigger_matcher(nlp.vocab) is trigger_matcher(nlp.vocab)


def test_triggers_multiword_phone_call_is_one_trigger(nlp):
    found = _found(
        nlp, "Zelensky held a telephone conversation with Polish President Andrzej Duda."
    )
    assert found == [("CONSULT", "phone", "held a telephone conversation")]


def test_triggers_verb_absorbs_the_event_noun_it_acts_on(nlp):
    found = _found(nlp, "Colombia's government and the FARC signed a peace agreement in Havana.")
    assert [t for t, _, _ in found] == ["SUPPORT"]


def test_triggers_unanchored_event_noun_is_background(nlp):
    text = "The peace agreement remains popular among Colombians, and the war is a distant memory."
    assert _found(nlp, text) == []


def test_triggers_dated_event_noun_is_an_event(nlp):
    text = "Residents described the withdrawal of Eritrean troops from Adigrat on 14 January."
    assert ("RETREAT", "withdraw", "withdrawal") in _found(nlp, text)


def test_triggers_launched_operation_is_assault(nlp):
    found = _found(nlp, "The junta launched a military operation against rebels in Shan State.")
    assert found == [("ASSAULT", None, "launched a military operation")]


def test_triggers_participle_modifiers_are_not_events(nlp):
    text = "The talks covered the occupied territories and the invading forces."
    assert [t for t, _, _ in _found(nlp, text)] == []


def test_triggers_called_on_is_request(nlp):
    found = _found(nlp, "The African Union called on the Sudanese army to return to talks.")
    assert found[0][:1] == ("REQUEST",) and found[0][2] == "called on"


def test_triggers_page_commands_are_not_events(nlp):
    assert _found(nlp, "Leave a comment. Share this article.") == []


def test_triggers_specific_phrase_lends_its_mode(nlp):
    found = _found(nlp, "Germany delivered military aid to Kyiv.")
    assert found == [("AID", "military", "delivered military aid")]


@pytest.mark.parametrize(
    "text",
    [
        "Angry youths set fire to the district office in Mzuzu overnight.",
        "Gunmen set the market on fire before fleeing into the forest.",
        "Rebels burned down the clinic in a village near Bangassou.",
        "Unknown men vandalised the offices of the electoral body in Owerri.",
    ],
)
def test_triggers_arson_is_assault(nlp, text):
    assert "ASSAULT" in [t for t, _, _ in _found(nlp, text)]


def test_triggers_a_ceasefire_set_to_begin_is_no_arson(nlp):
    text = "The truce was set to begin at midnight, the mediators said."
    assert "ASSAULT" not in [t for t, _, _ in _found(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Armed men kidnapped nine farmers near Zurmi on Sunday.",
        "Pirates hijacked a cargo ship in the Gulf of Aden.",
        "The militants took two engineers hostage at the mine.",
        "Gunmen carried out the abduction of a district official on Monday.",
    ],
)
def test_triggers_abduction_is_assault_not_arrest(nlp, text):
    found = _found(nlp, text)
    assert ("ASSAULT", "abduct") in [(t, m) for t, m, _ in found]
    assert "COERCE" not in [t for t, _, _ in found]


def test_triggers_arrest_stays_coercion(nlp):
    assert _found(nlp, "Police detained the editor at the airport.")[0][:2] == ("COERCE", "arrest")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers and ADF rebels exchanged fire near Oicha for hours.", ("ASSAULT", None)),
        ("The reporter was found dead in his car outside Culiacan.", ("ASSAULT", None)),
        ("Fifty fighters laid down their weapons in Beni on Monday.", ("RETREAT", "disarm")),
    ],
)
def test_triggers_conflict_phrases(nlp, text, expected):
    assert expected in [(t, m) for t, m, _ in _found(nlp, text)]


def test_triggers_an_exchange_of_fire_is_no_prisoner_exchange(nlp):
    found = _found(nlp, "Police and gunmen exchanged gunfire in Ouagadougou.")
    assert "RETREAT" not in [t for t, _, _ in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An IED exploded beside a police truck on the road to Dori.", ("ASSAULT", "explosives")),
        ("A minibus struck a landmine north of Kidal, killing four.", ("ASSAULT", "explosives")),
        ("Militants planted a bomb under the bridge at Garissa.", ("ASSAULT", "explosives")),
        ("A bomber blew himself up at the gate of a base in Baidoa.", ("ASSAULT", "explosives")),
        (
            "A suicide bomber detonated his vest at a checkpoint near Kandahar.",
            ("ASSAULT", "explosives"),
        ),
        ("Men hurled a grenade at a bar in Gitega on Sunday.", ("ASSAULT", "explosives")),
        ("Soldiers raped two women in a village near Uvira.", ("ASSAULT", "sexual")),
        ("Gunmen sexually assaulted a girl near a camp in Zalingei.", ("ASSAULT", "sexual")),
        ("Troops found a weapons cache in a cave near Kunar.", ("COERCE", "seize")),
        ("Police seized rifles and ammunition from a house in Eldoret.", ("COERCE", "seize")),
        ("Sappers cleared mines from the fields around Kupiansk.", ("COERCE", "seize")),
        ("Experts defused a bomb left outside the market in Bosaso.", ("COERCE", "seize")),
        ("The rebels took control of the town after the army left.", ("COERCE", "seize")),
        ("French troops handed over the camp at Menaka to the army.", ("RETREAT", "withdraw")),
        ("Insurgents set up a base in the forest near Mueda.", ("MOBILIZE", "troops")),
        ("The militia established its headquarters in Fataki.", ("MOBILIZE", "troops")),
        ("Nurses staged a sit-in outside the hospital in Mwanza.", ("PROTEST", "demonstrate")),
        (
            "Farmers demonstrated peacefully in front of the ministry in Lome.",
            ("PROTEST", "demonstrate"),
        ),
        (
            "Hundreds of residents protested in Tyre against the power cuts.",
            ("PROTEST", "demonstrate"),
        ),
        ("Youths threw stones at the police in Mzuzu.", ("PROTEST", "riot")),
        (
            "Demonstrators set two buses ablaze outside the parliament in Antananarivo.",
            ("PROTEST", "riot"),
        ),
    ],
)
def test_triggers_conflict_vocabulary(nlp, text, expected):
    assert expected in [(t, m) for t, m, _ in _found(nlp, text)]


def test_triggers_a_bomb_detonated_by_militants_is_no_defusing(nlp):
    found = _found(nlp, "Militants detonated a bomb at the bus station in Kano.")
    assert ("ASSAULT", "explosives") in [(t, m) for t, m, _ in found]
    assert "COERCE" not in [t for t, _, _ in found]


def test_triggers_assault_rifles_are_no_assault(nlp):
    found = _found(nlp, "Police seized six assault rifles in Mombasa.")
    assert [t for t, _, _ in found] == ["COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Floods killed 30 people and destroyed homes in Maiduguri.",
        "A magnitude 6.1 earthquake struck near Herat, flattening villages.",
        "A fire broke out at a garment factory in Gazipur, killing nine workers.",
        "A gas explosion at a restaurant in Lahore injured five people.",
        "A bus collided with a lorry near Masaka, killing 12 passengers.",
        "Lightning struck a school in Gulu, killing two pupils.",
    ],
)
def test_triggers_disasters_and_accidents_are_no_event(nlp, text):
    assert _found(nlp, text) == []


def test_triggers_artillery_fire_is_no_mishap(nlp):
    found = _found(nlp, "Artillery fire killed two civilians in Avdiivka.")
    assert "ASSAULT" in [t for t, _, _ in found]
