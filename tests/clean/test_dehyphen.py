from dateline.clean.dehyphen import repair_broken_words


def test_dehyphen_joins_a_letter_left_at_the_line_end():
    lines = [
        "The talks in Doha ended late, officials said. A",
        "t the meeting, Qatar proposed a six-week pause in the fighting.",
        "Negotiators met again at noon.",
    ]
    assert repair_broken_words(lines) == [
        "The talks in Doha ended late, officials said. At the meeting, Qatar proposed "
        "a six-week pause in the fighting.",
        "Negotiators met again at noon.",
    ]


def test_dehyphen_joins_hyphenated_breaks_when_the_word_is_known():
    lines = [
        "The implemen-",
        "tation of the Pretoria agreement was slow; its implementation is monitored by the AU.",
    ]
    assert repair_broken_words(lines)[0].startswith("The implementation of the Pretoria")


def test_dehyphen_keeps_the_hyphen_the_text_uses():
    lines = ["The long-", "running dispute over the long-running Nile dam continued."]
    assert repair_broken_words(lines) == [
        "The long-running dispute over the long-running Nile dam continued."
    ]


def test_dehyphen_does_not_join_real_words():
    lines = ["Troops moved in", "to the city at dawn, residents said."]
    assert repair_broken_words(lines) == lines
    lines = ["Parliament voted on a", "new constitution."]
    assert repair_broken_words(lines) == lines


def test_dehyphen_leaves_paragraphs_alone():
    lines = ["Floods displaced thousands in Pakistan.", "", "Aid agencies appealed for funds."]
    assert repair_broken_words(lines) == lines
