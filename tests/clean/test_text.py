from dateline.clean.text import clean_text

NAIROBI_PAGE = """\
Home / News / Politics

Kenya and Somalia agree to reopen border crossings

3 March 2024 [09:12] - EASTAFRICAWIRE.CO.KE

By Amina Yusuf and Daniel Kiprono

Kenya and Somalia agreed on Sunday to reopen three border crossings closed since 2011, the two foreign ministers said after talks in Nairobi.

Share on Facebook Twitter WhatsApp
Views: 1,204

The crossings at Mandera, Elwak and Liboi will reopen in stages over the next ninety days, Kenyan Foreign Minister Musalia Mudavadi told reporters.

Kenya and Somalia agree to reopen border crossings
zoom in photo

Somalia's foreign minister said the agreement would let traders and families move freely again after more than a decade of closures.

URL: https://www.eastafricawire.co.ke/news/politics/88120.html

Print version

Related News
Ethiopia and Eritrea hold first talks in years
Uganda extends troop deployment in Somalia

Leave a Reply
Please enter your comment!
Please enter your name here

East Africa Wire Publishing Ltd. All Rights Reserved © 2008-2024 Tel : +254 20 555 0100 Fax : +254 20 555 0101
"""


def test_text_cleans_a_page_with_header_inline_and_tail_furniture():
    cleaned = clean_text(NAIROBI_PAGE)
    assert cleaned.title == "Kenya and Somalia agree to reopen border crossings"
    assert cleaned.published is not None
    assert (cleaned.published.value, cleaned.published.precision) == ("2024-03-03T09:12", "minute")
    assert cleaned.published.source == "text:date-line"
    assert cleaned.authors == ("Amina Yusuf", "Daniel Kiprono")
    assert cleaned.outlet == "East Africa Wire"
    assert cleaned.url == "https://www.eastafricawire.co.ke/news/politics/88120.html"
    assert cleaned.body.startswith("Kenya and Somalia agreed on Sunday")
    assert cleaned.body.endswith("after more than a decade of closures.")
    for furniture in (
        "Home /",
        "Share on",
        "Views",
        "zoom in",
        "URL:",
        "Print",
        "Related",
        "Ethiopia and Eritrea",
        "comment",
        "Rights",
        "agree to reopen border",
    ):
        assert furniture not in cleaned.body


def test_text_clean_article_comes_through_unchanged():
    paragraphs = [
        "Colombia's government and the ELN rebel group agreed on Friday to extend their ceasefire by six months, negotiators said in Caracas.",
        "The truce, the longest in six decades of conflict, has cut violence in rural areas, according to the United Nations verification mission.",
        "Both sides said the next round of talks would focus on the participation of civil society.",
    ]
    text = "\n\n".join(paragraphs)
    cleaned = clean_text("  " + text.replace("\n\n", " \n\n\n"))
    assert cleaned.body == text
    assert cleaned.title is None
    assert cleaned.published is None
    assert cleaned.authors == ()


WIRE_STORY = """\
US Senate passes Ukraine aid package after overnight session

March 3, 2024 10:15 am ET

WASHINGTON, March 3 (Reuters) - The U.S. Senate passed a $95 billion aid package for Ukraine, Israel and Taiwan early on Sunday after a rare overnight session.

The bill now goes to the House of Representatives, where its fate is uncertain.

Reporting by Jane Doe; Editing by John Roe
"""


def test_text_reads_a_wire_dateline_and_keeps_the_date_line_time():
    cleaned = clean_text(WIRE_STORY, month_first=True)
    assert cleaned.title == "US Senate passes Ukraine aid package after overnight session"
    assert cleaned.published is not None and cleaned.published.value == "2024-03-03T10:15"
    assert cleaned.dateline_place == "Washington"
    assert cleaned.outlet == "Reuters"
    assert cleaned.authors == ("Jane Doe",)
    assert cleaned.body.startswith("The U.S. Senate passed")
    assert cleaned.body.endswith("its fate is uncertain.")


YEARLESS = """\
Sudan's army chief visits Port Sudan as talks stall

PORT SUDAN, August 27 Sudan's army chief Abdel Fattah al-Burhan arrived in Port Sudan on Sunday, his first trip outside the capital since fighting with the Rapid Support Forces began.

The war, which broke out on April 15, 2023, has killed thousands and displaced more than four million people. Talks in Jeddah were suspended on June 21, 2023.
"""


def test_text_infers_the_year_of_a_dateline_from_the_story():
    cleaned = clean_text(YEARLESS)
    assert cleaned.published is not None
    assert cleaned.published.value == "2023-08-27"
    assert cleaned.published.precision == "day"
    assert cleaned.published.source == "text:dateline+inferred-year"
    assert cleaned.dateline_place == "Port Sudan"
    assert cleaned.body.startswith("Sudan's army chief Abdel Fattah al-Burhan arrived")


GLUED = """\
KAVKAZ-NEWS.geWorldGeorgia's parliament passes foreign agents law

Georgia's parliament passes foreign agents law

TBILISI, May 14 Georgia's parliament adopted the so-called foreign agents law in its third reading on Tuesday, despite weeks of mass protests in Tbilisi and criticism from the European Union, which granted Georgia candidate status in December 2023.

Please enter your comment!
Please enter your name here

LATEST POSTS in this category
"""


def test_text_separates_a_site_name_glued_to_the_headline():
    cleaned = clean_text(GLUED)
    assert cleaned.title == "Georgia's parliament passes foreign agents law"
    assert cleaned.outlet == "KAVKAZ-NEWS.ge"
    assert cleaned.dateline_place == "Tbilisi"
    assert cleaned.published is not None and cleaned.published.value == "2024-05-14"
    assert cleaned.body.startswith("Georgia's parliament adopted")
    assert "Please enter" not in cleaned.body and "LATEST" not in cleaned.body


NO_HEADLINE = """\
 date 2022-08-05 By Rahul Mehta

India and the Maldives signed six agreements on Tuesday during President Ibrahim Solih's visit to New Delhi, including a line of credit for infrastructure projects.

The two leaders also discussed maritime security in the Indian Ocean, officials said.

-- Follow us on Twitter @HarbourGazetteMv

---

Follow us on Twitter @HarbourGazetteMv
"""


def test_text_without_headline_reads_inline_date_byline_and_handle():
    cleaned = clean_text(NO_HEADLINE)
    assert cleaned.title is None
    assert cleaned.published is not None and cleaned.published.value == "2022-08-05"
    assert cleaned.authors == ("Rahul Mehta",)
    assert cleaned.outlet == "HarbourGazette"
    assert cleaned.body.startswith("India and the Maldives signed six agreements")
    assert cleaned.body.endswith("officials said.")


def test_text_source_lines_name_agencies_but_not_desks():
    story = (
        "Chile's president signs pension reform\n\n"
        "Chile's president signed a pension reform into law on Wednesday after years of debate in Congress, raising employer contributions.\n\n"
    )
    assert clean_text(story + "Source: Newsroom\n").outlet is None
    assert clean_text(story + "Source: EFE\n").outlet == "EFE"
    assert "Source" not in clean_text(story + "Source: EFE\n").body


def test_text_by_agency_names_the_outlet_not_an_author():
    story = (
        "Floods in Pakistan\n\nBy Dawnnews\n\nBy Sana Qureshi\n\n"
        "Monsoon floods in Pakistan's Sindh province have killed at least 40 people this week, officials said on Thursday.\n"
    )
    cleaned = clean_text(story)
    assert cleaned.authors == ("Sana Qureshi",)
    assert cleaned.outlet == "Dawnnews"


def test_text_readers_comments_under_a_blog_post_are_not_the_article():
    page = "\n".join(
        [
            "NATO jets struck air defences near Tripoli on Monday, the alliance said in a statement.",
            "The strikes followed a week of shelling of Misrata by government forces, residents said.",
            "March 21, 2011 at 2:27 pm | Reply I agree with the last commenter.",
            "The bombing showed the purpose was more than halting the government, in my view.",
            "March 21, 2011 at 3:46 pm | Reply Why have the neighbours not stopped the fighting?",
            "CNN welcomes a lively and courteous discussion as long as you follow the Rules of "
            "Conduct set forth in our Terms of Service.",
        ]
    )
    body = clean_text(page).body
    assert body.endswith("residents said.")
    assert "Reply" not in body and "my view" not in body and "Terms of Service" not in body
