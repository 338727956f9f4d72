import pytest

from dateline.clean.furniture import (
    is_breadcrumb,
    is_furniture,
    is_section_label,
    is_tail_start,
    split_glued_navigation,
)


@pytest.mark.parametrize(
    "line",
    [
        "Print version",
        "Printer-friendly version",
        "email Print zoom+ zoom-",
        "Share on Facebook Twitter WhatsApp",
        "zoom in photo",
        "Share Photo",
        "Views: 1,204",
        "3,210 views",
        "Please enter your comment!",
        "Please enter your name here",
        "Leave a Reply",
        "WARNING: Comments that contain insults or swearing are not approved.",
        "Recommend news to friend",
        "• Your e-mail:",
        "• Friend's name:",
        "Follow us on Twitter @dailymaverick",
        "-- Follow us on Telegram",
        "Connect with us. Get latest news and updates.",
        "Subscribe to our newsletter for the daily briefing",
        "LATEST POSTS in this category",
        "Related News",
        "Advertisement",
        "Tags: Sahel, Mali, Wagner",
        "Tel : +254 20 322 2111",
        "Fax: +33 1 40 41 46 46",
        "© 2024 Kathmandu Post. All rights reserved.",
        "Copyright 2023 Example Tribune Publishing Company",
        "Tüm hakları saklıdır.",
        "---",
        "4 min read",
        # credit lines
        "CNN's Ivan Watson in Tripoli and Livia Borghese in Rome contributed to this report.",
        "Jomana Karadsheh contributed to this report .",
        "(Reporting by John Irish in Paris; Editing by Tim Pearce)",
        "-LRB- Editing by Vicki Allen and Laura MacInnis -RRB-",
        "Additional reporting by Tom Perry in Cairo",
    ],
)
def test_furniture_recognises_widgets_counters_forms_and_footers(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ethiopia's government and Tigrayan forces signed a truce in Pretoria on Wednesday.",
        "Peru's Congress voted to remove President Pedro Castillo from office.",
        "The minister said the share of imports from China had doubled.",
        "Comments by the defence minister drew a sharp response from Beijing.",
        "Follow-up talks are expected in Doha next month, diplomats said.",
        "The print edition of the newspaper was seized by police in Dhaka.",
        "Qatar contributed to the fund the rebels set up in Benghazi.",
        "Russia contributed troops to the mission, the minister said.",
        "The rebels said reporting by state television was false.",
    ],
)
def test_furniture_keeps_article_sentences(line):
    assert not is_furniture(line)


def test_furniture_tail_markers_open_the_page_tail():
    assert is_tail_start("Related stories")
    assert is_tail_start("Please enter your comment!")
    assert is_tail_start("Recommend this article to a friend")
    assert not is_tail_start("Related talks will be held in Geneva next week.")


def test_furniture_breadcrumbs_and_section_labels():
    assert is_breadcrumb("KYIVPOST.COM / Politics")
    assert is_breadcrumb("Home » World » Middle East")
    assert is_section_label("World news")
    assert not is_breadcrumb("Israel / Gaza: ceasefire talks stall")
    assert not is_breadcrumb("Talks in Doha/Cairo continue. Mediators are hopeful.")


def test_furniture_splits_a_site_and_section_glued_to_the_headline():
    assert split_glued_navigation("EXAMPLENEWS.kzPoliticsKazakhstan holds snap election") == (
        "EXAMPLENEWS.kzPolitics",
        "Kazakhstan holds snap election",
    )
    assert split_glued_navigation("Kazakhstan holds snap election") is None


def test_furniture_a_readers_comment_stamp_opens_the_page_tail():
    assert is_tail_start("April 6, 2011 at 7:01 am | Reply")
    assert is_tail_start("March 29 , 2011 at 12:43 am | Reply I am a long time reader of this site")
    assert is_tail_start("12 March 2019 at 14:05 | Reply Thanks for the report")
    assert not is_tail_start("The talks resumed on March 29, 2011 at 12:43 am in Geneva.")
    assert not is_tail_start("Reply to the minister came on March 3, 2011.")


def test_furniture_a_comment_forms_small_print_is_furniture():
    assert is_furniture(
        "We welcome a lively and courteous discussion as long as you follow the Rules of "
        "Conduct set forth in our Terms of Service."
    )
    assert is_furniture("Email (required, but will not be displayed)")
    assert not is_furniture("Facebook changed its terms of service on Monday, regulators said.")
    assert not is_furniture("Ministers said our privacy laws must change.")
