"""An article's marked body (sentences, triggers, actors, places, time expressions) and
how an event's actors were recognised, on hand-built records."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dateline.actors import Actor, ActorMention
from dateline.models import Event, Evidence
from dateline.store.event_queries import LinkedMention
from dateline.time import TimeValue
from dateline.web.marks import (
    GENERIC_PLACED,
    HOW_WORDS,
    NOT_NAMED,
    UNKNOWN_NAME,
    Mark,
    marked_body,
    recognitions,
)

BODY = (
    "MOSCOW - Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev "
    "in Moscow on Monday. Fighting went on."
)
PUTIN = Actor("RUS", "GOV", "Vladimir Putin", "President")
ALIYEV = Actor("AZE", "GOV", "Ilham Aliyev", "President")


def _event(id: str, start: int, end: int, *, trigger="met", type="CONSULT"):
    evidence = Evidence(doc="d", file="f.txt", sentence="s", start=start, end=end, trigger=trigger)
    return Event(
        id=id,
        type=type,
        mode=None,
        actors=(Actor("AZE", "GOV"),),
        recipients=(Actor("ARM", "GOV"),),
        date="2020-11-09",
        date_end=None,
        date_precision="day",
        date_source="expression",
        status="occurred",
        mentions=(evidence,),
    )


def _actor(text: str, actor: Actor, how: str = "knowledge", *, place=False, at=None):
    start = BODY.index(text) if at is None else at
    return ActorMention(text, start, start + len(text), actor, how, 0, place)  # type: ignore[arg-type]


def _time(text: str, value: str, **days) -> TimeValue:
    start = BODY.index(text)
    return TimeValue(text, start, start + len(text), "DATE", value, precision="day", **days)


def _marks(runs) -> list[tuple[str, Mark | None]]:
    return [(piece.text, piece.mark) for run in runs for piece in run.pieces if piece.mark]


SENTENCE_END = BODY.index("Fighting") - 1


def test_marks_body_cuts_at_every_mention_end():
    body = "Aaa bbb. Ccc ddd. Eee."
    first = LinkedMention(_event("m1", 0, 8, trigger="bbb"), "e1")
    overlapping = LinkedMention(_event("m2", 4, 17, trigger="zzz"), None)
    runs = marked_body(body, (first, overlapping))
    assert "".join(run.text for run in runs) == body
    assert [(run.text, run.event_id) for run in runs] == [
        ("Aaa ", "e1"),
        ("bbb.", "e1"),
        (" Ccc ddd.", None),
        (" Eee.", None),
    ]
    assert len(runs[1].mentions) == 2 and runs[3].mentions == ()
    # The trigger is marked and linked across the cut; pieces make up each run.
    assert [(p.text, p.mark.target if p.mark else None) for p in runs[1].pieces] == [
        ("bbb", "e1"),
        (".", None),
    ]
    assert all("".join(p.text for p in run.pieces) == run.text for run in runs)


def test_marks_ignore_offsets_past_the_body():
    runs = marked_body("short", (LinkedMention(_event("m", 2, 99), "e"),))
    assert "".join(run.text for run in runs) == "short"
    stray = ActorMention("body", 40, 44, PUTIN, "knowledge")
    assert _marks(marked_body("short", (), [stray])) == []


def test_marks_actors_places_times_and_triggers_in_a_sentence():
    told = LinkedMention(_event("m", 0, SENTENCE_END), "e1")
    actors = [
        _actor("Russian President Vladimir Putin", PUTIN),
        _actor("Azerbaijani President Ilham Aliyev", ALIYEV, "title"),
        _actor(
            "Moscow", Actor("RUS", "GOV"), "metonym", place=True, at=BODY.index("in Moscow") + 3
        ),
    ]
    times = [_time("Monday", "2020-11-09", start=date(2020, 11, 9), end=date(2020, 11, 9))]
    runs = marked_body(BODY, (told,), actors, times)
    assert "".join(run.text for run in runs) == BODY
    assert [run.event_id for run in runs] == ["e1", None]
    shown = [(text, mark.kind, mark.target) for text, mark in _marks(runs)]
    assert shown == [
        ("Russian President Vladimir Putin", "actor", "RUS"),
        ("met", "trigger", "e1"),
        ("Azerbaijani President Ilham Aliyev", "actor", "AZE"),
        ("Moscow", "place", None),
        ("Monday", "time", None),
    ]
    titles = {text: mark.title for text, mark in _marks(runs)}
    assert titles["Monday"] == "2020-11-09 (DATE, to the day)"
    assert titles["Azerbaijani President Ilham Aliyev"] == (
        f"AZE GOV Ilham Aliyev: {HOW_WORDS['title']}"
    )
    assert titles["met"] == "CONSULT"
    assert titles["Moscow"] == "place: RUS GOV"
    # The "MOSCOW" of the dateline is not the place mention: only the offsets count.
    assert not any(text == "MOSCOW" for text, _ in _marks(runs))


def test_marks_overlaps_keep_triggers_then_actors_then_times():
    text = "The two presidents met in Moscow on Monday, November 9."
    start = text.index("Monday")
    times = [
        TimeValue("Monday, November 9", start, start + 18, "DATE", "2020-11-09"),
        TimeValue("November 9", text.index("November"), text.index("November") + 10, "DATE", "X"),
    ]
    group = [
        ActorMention("The two presidents", 0, 18, PUTIN, "group"),
        ActorMention("The two presidents", 0, 18, ALIYEV, "group"),
        ActorMention("presidents met", 8, 22, PUTIN, "knowledge"),  # overlaps the trigger
    ]
    told = LinkedMention(_event("m", 0, len(text)), "e1")
    marks = _marks(marked_body(text, (told,), group, times))
    assert [(t, m.kind) for t, m in marks] == [
        ("The two presidents", "actor"),
        ("met", "trigger"),
        ("Monday, November 9", "time"),  # the longer of two overlapping expressions
    ]
    both = marks[0][1]
    assert both.target == "RUS" and "Vladimir Putin" in both.title and "Ilham Aliyev" in both.title


def test_marks_drop_a_mark_whose_text_is_not_at_its_offsets():
    moved = ActorMention("Vladimir Putin", 0, 14, PUTIN, "knowledge")
    assert _marks(marked_body(BODY, (), [moved])) == []


def test_marks_a_mention_without_a_marked_trigger_is_referred_to_after_its_sentence():
    lost = LinkedMention(_event("m", 0, SENTENCE_END, trigger="signed"), "e1")
    unlinked = LinkedMention(_event("n", SENTENCE_END + 1, len(BODY), trigger="went"), None)
    runs = marked_body(BODY, (lost, unlinked))
    assert [len(run.references) for run in runs] == [1, 0, 0]  # the space between
    assert runs[0].references[0].event_id == "e1"
    # Two events told by one word: the word links to the first, the second is referred to.
    one = LinkedMention(_event("m1", 0, SENTENCE_END), "e1")
    two = LinkedMention(_event("m2", 0, SENTENCE_END, type="AGREE"), "e2")
    [first, *_] = marked_body(BODY, (one, two))
    assert [m.event_id for m in first.references] == ["e2"]
    [(text, mark)] = _marks([first])
    assert (text, mark.target, mark.title) == ("met", "e1", "CONSULT, AGREE")
    # An unlinked mention's trigger is marked but links nowhere.
    [(text, mark)] = _marks(runs)
    assert (text, mark.kind, mark.target) == ("went", "trigger", None)


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=6),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=6),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 40)), max_size=3),
)
def test_marks_pieces_always_make_up_the_body_and_never_overlap(actor_spans, time_spans, told):
    body = 'Word <b>and</b> &amp; more words, then "quotes" end.'
    actors = [
        ActorMention(body[s : s + n], s, s + n, PUTIN, "knowledge")
        for s, n in actor_spans
        if s + n <= len(body)
    ]
    times = [
        TimeValue(body[s : s + n], s, s + n, "DATE", "2020")
        for s, n in time_spans
        if s + n <= len(body)
    ]
    mentions = [
        LinkedMention(_event(f"m{i}", s, s + n, trigger=body[s : s + 3]), f"e{i}")
        for i, (s, n) in enumerate(told)
    ]
    runs = marked_body(body, mentions, actors, times)
    assert "".join(p.text for run in runs for p in run.pieces) == body
    at, spans = 0, []
    for run in runs:
        for piece in run.pieces:
            if piece.mark:
                spans.append((at, at + len(piece.text)))
            at += len(piece.text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


# How an event's actors were recognised ---------------------------------------------


def test_marks_recognitions_say_how_each_actor_was_found():
    first = [
        _actor("Russian President Vladimir Putin", PUTIN),
        _actor("Azerbaijani President Ilham Aliyev", ALIYEV, "title"),
    ]
    second = [ActorMention("Azerbaijani troops", 0, 18, Actor("AZE", "MIL"), "demonym")]
    third = [ActorMention("gunmen", 0, 6, Actor("---", "REB"), "generic")]
    actors = [ALIYEV, PUTIN, Actor("ARM", "REB"), Actor("---", None, "Reliance Jio")]
    shown = recognitions(actors, [first, second, third])
    assert [r.actor for r in shown] == actors
    aliyev, putin, rebels, unknown = (dict(r.ways) for r in shown)
    assert aliyev == {
        HOW_WORDS["title"]: ("Azerbaijani President Ilham Aliyev",),
        NOT_NAMED: (),  # the troops' sentence and the gunmen's do not name him
    }
    assert putin[HOW_WORDS["knowledge"]] == ("Russian President Vladimir Putin",)
    assert rebels[GENERIC_PLACED] == ("gunmen",)
    assert unknown == {UNKNOWN_NAME: ()}


def test_marks_recognitions_of_a_body_by_its_code():
    sentence = [ActorMention("Azerbaijan", 0, 10, Actor("AZE", "GOV"), "country")]
    [shown] = recognitions([Actor("AZE", "GOV")], [sentence, sentence])
    assert shown.ways == ((HOW_WORDS["country"], ("Azerbaijan",)),)
    # A person is not "recognised" by the country named beside a pronoun for him.
    [person] = recognitions([ALIYEV], [sentence])
    assert person.ways == ((NOT_NAMED, ()),)
