"""The summary timeline on hand-made dated sentences (no model needed)."""

from __future__ import annotations

from datetime import date, timedelta

from dateline.models import DatedSentence
from dateline.timeline.summary import TimelineEntry, rank_days, summarize
from dateline.timeline.summary.features import FEATURES, day_features
from dateline.timeline.summary.sentences import lead_places

D = date


def sentence(
    article: str, published: date, number: int, text: str, *days: date, precision: str = "day"
) -> DatedSentence:
    return DatedSentence(
        article_id=article,
        published=published,
        number=number,
        text=text,
        start=0,
        end=len(text),
        dates=tuple((day, day, precision) for day in days),
    )


def sudan_corpus() -> list[DatedSentence]:
    """A week of reports on fighting in Khartoum and a truce brokered in Jeddah."""
    apr15, apr16, may6, may11, may12 = (
        D(2023, 4, 15),
        D(2023, 4, 16),
        D(2023, 5, 6),
        D(2023, 5, 11),
        D(2023, 5, 12),
    )
    return [
        sentence(
            "a1",
            apr15,
            0,
            "Heavy fighting broke out in Khartoum on Saturday between the army and the Rapid Support Forces.",
            apr15,
        ),
        sentence(
            "a1",
            apr15,
            1,
            "Residents reported gunfire near the presidential palace and the international airport.",
        ),
        sentence(
            "a2",
            apr16,
            0,
            "The clashes that erupted in Khartoum on Saturday spread to Darfur, medics said.",
            apr15,
        ),
        sentence(
            "a2",
            apr16,
            1,
            "At least 56 civilians were killed in the fighting that began on April 15, a doctors' union said.",
            apr15,
        ),
        sentence(
            "a3",
            may6,
            0,
            "Envoys of Sudan's army and the RSF arrived in Jeddah on Saturday for talks brokered by Saudi Arabia and the United States.",
            may6,
        ),
        sentence(
            "a4",
            may12,
            0,
            "The two sides signed a declaration in Jeddah on Thursday committing to protect civilians.",
            may11,
        ),
        sentence(
            "a4",
            may12,
            1,
            "The declaration signed on Thursday does not amount to a ceasefire, U.S. officials said.",
            may11,
        ),
        sentence(
            "a5",
            may12,
            0,
            "Fighting flared again in Omdurman on Friday despite the Jeddah declaration.",
            may12,
        ),
        sentence(
            "a6",
            D(2023, 5, 20),
            0,
            "Since the war began on April 15, more than a million people have fled their homes.",
            apr15,
        ),
        sentence(
            "a6",
            D(2023, 5, 20),
            1,
            "A declaration signed in Jeddah on May 11 has failed to stop the fighting in Khartoum.",
            may11,
        ),
    ]


def test_summary_ranks_the_most_told_day_first():
    ranked = [ranked.day for ranked in rank_days(sudan_corpus())]
    assert set(ranked[:2]) == {D(2023, 4, 15), D(2023, 5, 11)}


def test_summary_counts_each_article_once_per_day():
    counts = {features.day: features.counts for features in day_features(sudan_corpus())}
    may11 = counts[D(2023, 5, 11)]
    assert may11["mentioning"] == 2  # a4 names it twice but counts once
    assert may11["mentioning_later"] == 2
    assert may11["mention_sentences"] == 3
    assert counts[D(2023, 4, 15)]["published"] == 1


def test_summary_days_still_told_long_after_outrank_yesterday_news():
    """Two articles each; those looking back a month weigh more than next-day reports."""
    coup, curfew = D(2023, 7, 26), D(2023, 8, 20)
    corpus = [
        sentence(
            "n1",
            D(2023, 8, 25),
            0,
            "Since the coup on July 26, Niger's borders have been closed.",
            coup,
        ),
        sentence(
            "n2",
            D(2023, 8, 28),
            0,
            "Soldiers seized power in Niamey on July 26 and detained Bazoum.",
            coup,
        ),
        sentence(
            "n3", D(2023, 8, 21), 0, "A curfew was imposed in Niamey on Sunday, August 20.", curfew
        ),
        sentence(
            "n4",
            D(2023, 8, 21),
            1,
            "The August 20 curfew in Niamey was lifted for the market day.",
            curfew,
        ),
    ]
    counts = {features.day: features.counts for features in day_features(corpus)}
    assert counts[coup]["mentioning"] == counts[curfew]["mentioning"] == 2
    assert counts[coup]["hindsight"] > counts[curfew]["hindsight"] > 0
    assert counts[coup]["mentioning_week_later"] == 2
    assert counts[curfew]["mentioning_week_later"] == 0
    # Among the daily news of those weeks, the day looked back on comes first.
    for n in range(40):
        day = D(2023, 7, 24) + timedelta(days=n)
        corpus.append(sentence(f"daily{n}", day, 0, "Markets in Niamey were quiet today.", day))
    ranked = [ranked.day for ranked in rank_days(corpus)]
    assert ranked.index(coup) < ranked.index(curfew) < 3


def test_summary_entries_are_in_date_order_with_sentences():
    entries = summarize(sudan_corpus(), dates=2, per_date=1)
    assert [entry.date for entry in entries] == [D(2023, 4, 15), D(2023, 5, 11)]
    assert "Jeddah" in entries[1].sentences[0]
    assert all(len(entry.sentences) == 1 for entry in entries)


def test_summary_to_dict_is_the_cli_contract():
    entry = TimelineEntry(D(2023, 5, 11), ("The two sides signed a declaration in Jeddah.",))
    assert entry.to_dict() == {
        "date": "2023-05-11",
        "sentences": ["The two sides signed a declaration in Jeddah."],
    }


def test_summary_keeps_within_since_and_until():
    entries = summarize(
        sudan_corpus(), dates=5, per_date=1, since=D(2023, 5, 1), until=D(2023, 5, 31)
    )
    assert entries
    assert all(D(2023, 5, 1) <= entry.date <= D(2023, 5, 31) for entry in entries)


def test_summary_never_repeats_a_sentence_on_two_days():
    entries = summarize(sudan_corpus(), dates=5, per_date=2)
    told = [text for entry in entries for text in entry.sentences]
    assert len(told) == len(set(told))


def test_summary_uses_leads_of_articles_published_that_day():
    published = D(2019, 4, 11)
    corpus = [
        sentence(
            "b1",
            published,
            0,
            "Sudan's military removed President Omar al-Bashir from power after months of street protests.",
        ),
        sentence(
            "b1",
            published,
            1,
            "Defence Minister Awad Ibn Auf announced a two-year transitional council on state television.",
        ),
        sentence(
            "b2",
            published,
            0,
            "Crowds in Khartoum cheered as soldiers took over the state broadcaster and ringed the palace.",
        ),
    ]
    entries = summarize(corpus, dates=1, per_date=1)
    assert [entry.date for entry in entries] == [published]
    assert "Bashir" in entries[0].sentences[0] or "Khartoum" in entries[0].sentences[0]


def test_summary_skips_days_with_nothing_fit_to_print():
    day, other = D(2021, 2, 1), D(2021, 2, 3)
    corpus = [
        # Page furniture and a headline name the busiest day; neither is a sentence.
        sentence("c1", day, 0, "World | Mon Feb 1, 2021 | YANGON", day),
        sentence("c2", day, 0, "Myanmar army seizes power in coup", day),
        sentence(
            "c3",
            other,
            0,
            "Police in Myanmar filed charges against Aung San Suu Kyi on Wednesday, her party said.",
            other,
        ),
    ]
    entries = summarize(corpus, dates=1, per_date=1)
    assert [entry.date for entry in entries] == [other]


def test_summary_month_and_year_references_name_no_day():
    month = D(2022, 3, 1)
    corpus = [
        sentence(
            "d1",
            D(2022, 4, 2),
            3,
            "Shelling of Mariupol intensified in March, officials said.",
            month,
            precision="month",
        ),
    ]
    assert all(features.counts["mentioning"] == 0 for features in day_features(corpus))


def test_summary_asks_for_nothing_gets_nothing():
    assert summarize(sudan_corpus(), dates=0, per_date=1) == []
    assert summarize([], dates=5, per_date=1) == []


def test_summary_chronology_entries_lift_their_days():
    """Days a journalist's chronology lists beat a day only counted often."""
    busy = D(2011, 1, 20)
    listed = [D(2011, 1, 14), D(2011, 1, 25), D(2011, 2, 11)]
    corpus = [
        sentence(
            f"n{i}",
            busy,
            0,
            "Markets in Cairo fell sharply on Thursday amid fears of unrest.",
            busy,
        )
        for i in range(6)
    ]
    entries = (
        "January 14 - Tunisian President Zine al-Abidine Ben Ali flees to Saudi Arabia.",
        "January 25 - Tens of thousands of Egyptians protest in Cairo against Hosni Mubarak.",
        "February 11 - Mubarak resigns and hands power to the army after 18 days of protests.",
    )
    corpus += [
        sentence("chronology", D(2011, 2, 12), number, text, day)
        for number, (text, day) in enumerate(zip(entries, listed, strict=True))
    ]
    summary = summarize(corpus, dates=3, per_date=1)
    assert [entry.date for entry in summary] == listed
    # The entry's own date is dropped: the timeline prints it.
    assert summary[2].sentences == (
        "Mubarak resigns and hands power to the army after 18 days of protests.",
    )


def test_summary_a_late_day_is_weighed_against_what_was_written_after_it():
    """An early day named by one of ten later articles; a day near the corpus's end
    named by the one article written after it: the late day has the larger share."""
    early, late, end = D(2020, 1, 1), D(2020, 3, 1), D(2020, 3, 2)
    corpus = [sentence("e0", early, 0, "The siege began at dawn on the first.", early)]
    corpus += [
        sentence(f"w{n}", early + timedelta(days=10 + n), 0, f"Routine wire copy number {n}.")
        for n in range(9)
    ]
    corpus.append(sentence("w9", early + timedelta(days=30), 0, "It began on January 1.", early))
    corpus.append(sentence("l0", late, 0, "The city fell on the first of March.", late))
    corpus.append(sentence("l1", end, 0, "After the city fell on March 1, talks began.", late))
    counts = {f.day: f for f in day_features(corpus)}
    share = FEATURES.index("mentioning_later_share")
    assert counts[early].counts["mentioning_later"] == 1
    assert counts[late].counts["mentioning_later"] == 1
    assert counts[early].values[share] == 1 / 12  # one of the 12 articles written after it
    assert counts[late].values[share] == 1.0  # the one article written after it names it
    assert counts[end].values[share] == 0.0  # nothing was written after the last day


def test_summary_prefers_the_first_prose_sentence_of_a_days_article():
    """Two leads equally central; the one the article opens with (after its headline,
    which is no prose) tells the day."""
    day = D(2011, 3, 28)
    corpus = [
        sentence("r1", day, 0, "NAWFALIYAH , Libya | Mon Mar 28 , 2011 7:22 pm EDT"),
        sentence(
            "r1", day, 1, "Rebels advanced west toward Sirte on Monday, firing rockets at dawn."
        ),
        sentence("r1", day, 2, "A spokesman in Benghazi said supplies of fuel were running short."),
    ]
    assert lead_places(corpus) == {("r1", 1): 0, ("r1", 2): 1}
    entries = summarize(corpus, dates=1, per_date=1)
    # Printed under its date, the lead does not name the day again.
    assert entries[0].sentences == ("Rebels advanced west toward Sirte, firing rockets at dawn.",)


def test_summary_a_day_the_chronologies_list_is_told_as_most_of_them_tell_it():
    """Three chronologies list a day, two of them for one act; the day's reports are
    about something else that day. The entry is the one the chronologies agree on."""
    day, later = D(2011, 8, 29), D(2011, 10, 21)
    entries = (
        "August 29 - Gaddafi's wife, his daughter and two sons cross into Algeria.",
        "August 29 - Gaddafi's wife, daughter and two of his sons flee into Algeria.",
        "August 29 - Rebels search Gaddafi's compound in Tripoli for documents.",
    )
    corpus = [sentence(f"chronology{n}", later, 0, text, day) for n, text in enumerate(entries)]
    corpus += [
        sentence(
            f"report{n}",
            day,
            0,
            f"Rebels searched Gaddafi's compound in Tripoli for documents and {n} weapons caches on Monday.",
            day,
        )
        for n in range(5)
    ]
    (entry,) = summarize(corpus, dates=1, per_date=1)
    assert entry.date == day
    assert "Algeria" in entry.sentences[0]


def test_summary_prefers_a_sentence_that_stands_alone():
    """Two reports of a day equally central: the one that opens by pointing back to a
    sentence the timeline does not print ("He ...") gives way to the one that does not."""
    day = D(2011, 3, 28)
    corpus = [
        sentence("a1", day, 3, "He said rebels had advanced west toward Sirte on March 28.", day),
        sentence("b1", day, 3, "Rebels had advanced west toward Sirte on March 28, he said.", day),
    ]
    entries = summarize(corpus, dates=1, per_date=1)
    assert entries[0].sentences == ("Rebels had advanced west toward Sirte, he said.",)
