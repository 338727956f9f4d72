from datetime import date

from dateline.export.flat import (
    FLAT_COLUMNS,
    actor_label,
    first_day_of,
    flat_event,
    quad_class_number,
)
from dateline.models import Actor


def test_flat_counts_mentions_outlets_and_articles(pretoria_signing):
    flat = flat_event(pretoria_signing)
    assert (flat.num_mentions, flat.num_sources, flat.num_articles) == (3, 2, 3)
    assert flat.first_outlet == "Reuters"
    assert flat.first_file == "reuters_2022-11-02.html"


def test_flat_splits_magnitude_into_columns(nairobi_protest, khartoum_strikes):
    protest = flat_event(nairobi_protest)
    assert (protest.size, protest.arrested, protest.killed, protest.injured) == (
        3000,
        48,
        None,
        None,
    )
    strikes = flat_event(khartoum_strikes)
    assert (strikes.killed, strikes.injured, strikes.displaced) == (97, 595, None)


def test_flat_dates_are_days_and_ranges_keep_their_end(khartoum_strikes, guterres_call):
    strikes = flat_event(khartoum_strikes)
    assert (strikes.date, strikes.date_end) == (date(2023, 4, 15), date(2023, 4, 17))
    call = flat_event(guterres_call)
    assert (call.date, call.date_end, call.date_precision) == (date(2022, 3, 1), None, "month")


def test_flat_quad_class_comes_from_the_plover_type(pretoria_signing, khartoum_strikes):
    assert flat_event(pretoria_signing).quad_class == 1
    assert flat_event(khartoum_strikes).quad_class == 4
    assert quad_class_number("ACCUSE") == 3
    assert quad_class_number("AID") == 2
    assert quad_class_number("NOT_A_TYPE") is None


def test_flat_fills_cameo_and_goldstein_from_the_type_when_missing(nairobi_protest):
    from dataclasses import replace

    flat = flat_event(replace(nairobi_protest, cameo=None, goldstein=None))
    assert (flat.cameo, flat.goldstein) == ("14", -6.5)


def test_flat_actor_label_drops_empty_trailing_parts():
    assert actor_label(Actor("TUR", "GOV", "Recep Tayyip Erdogan", "President")) == (
        "TUR:GOV:Recep Tayyip Erdogan"
    )
    assert actor_label(Actor("NATO", "IGO")) == "NATO:IGO"
    assert actor_label(Actor("MMR")) == "MMR"
    assert actor_label(Actor("COL", None, "Gustavo Petro")) == "COL::Gustavo Petro"
    assert actor_label(Actor("LBN", "REB", "Hezbollah; allies")) == "LBN:REB:Hezbollah, allies"


def test_flat_day_of_reads_partial_dates_and_refuses_yearless_ones():
    assert first_day_of("2014-07") == date(2014, 7, 1)
    assert first_day_of("1994") == date(1994, 1, 1)
    assert first_day_of("2020-11-24T22:45") == date(2020, 11, 24)
    assert first_day_of("XXXX-11-06") is None
    assert first_day_of(None) is None


def test_flat_columns_start_with_the_id_and_end_with_the_first_mention():
    assert FLAT_COLUMNS[0] == "id"
    assert FLAT_COLUMNS[-1] == "first_sentence"
    assert len(set(FLAT_COLUMNS)) == len(FLAT_COLUMNS)
