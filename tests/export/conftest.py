"""Events built by hand, in the shapes the export must handle.

- ``pretoria_signing``: two actors, a recipient, three mentions from two outlets;
- ``nairobi_protest``: civilians with no recipient, a crowd size and arrests;
- ``khartoum_strikes``: a range of days, deaths and injuries, a disagreement;
- ``guterres_call``: an international body, a mention with no URL, a quoted sentence.
"""

from __future__ import annotations

import pytest

from dateline.models import Actor, Event, Evidence
from dateline.places import Place


@pytest.fixture
def pretoria_signing() -> Event:
    """The Ethiopian government and the TPLF sign a truce mediated by the African Union."""
    return Event(
        id="a1b2c3d4e5f60718",
        type="SUPPORT",
        mode=None,
        actors=(
            Actor("ETH", "GOV", "Redwan Hussien", "Presidential Aide"),
            Actor("ETH", "REB", "Tigray People's Liberation Front"),
        ),
        recipients=(Actor("AU", "IGO", "African Union"),),
        date="2022-11-02",
        date_end=None,
        date_precision="day",
        date_source="expression",
        status="occurred",
        mentions=(
            Evidence(
                doc="reuters0000000001",
                file="reuters_2022-11-02.html",
                sentence=(
                    "Ethiopia's government and Tigrayan forces signed an agreement in "
                    "Pretoria on Wednesday to permanently silence the guns."
                ),
                start=0,
                end=120,
                trigger="signed",
                url="https://www.reuters.com/world/africa/ethiopia-tigray-truce",
                published="2022-11-02T19:10",
                outlet="Reuters",
            ),
            Evidence(
                doc="aljazeera00000002",
                file="aljazeera_tigray.html",
                sentence=(
                    "The deal, signed in the South African capital, was brokered by the "
                    "African Union after ten days of talks."
                ),
                start=812,
                end=915,
                trigger="signed",
                url="https://www.aljazeera.com/news/2022/11/3/tigray-deal",
                published="2022-11-03",
                outlet="Al Jazeera",
            ),
            Evidence(
                doc="reuters0000000003",
                file="reuters_2022-11-04.html",
                sentence="Both sides signed the truce on Nov. 2, ending two years of war.",
                start=455,
                end=518,
                trigger="signed",
                url="https://www.reuters.com/world/africa/tigray-aid-convoys",
                published="2022-11-04T08:30",
                outlet="Reuters",
            ),
        ),
        contexts=("diplomatic",),
        place=Place("Pretoria", "ZAF", "ZA.06", -25.7449, 28.1878, "sentence", 964137),
        confidence=0.92,
        cameo="05",
        goldstein=3.5,
    )


@pytest.fixture
def nairobi_protest() -> Event:
    """Kenyan protesters march on parliament; police arrest dozens; no recipient is named."""
    return Event(
        id="0f1e2d3c4b5a6978",
        type="PROTEST",
        mode="demonstrate",
        actors=(Actor("KEN", "CVL"),),
        recipients=(),
        date="2024-06-25",
        date_end=None,
        date_precision="day",
        date_source="published",
        status="occurred",
        mentions=(
            Evidence(
                doc="nation00000000001",
                file="nation_finance_bill.txt",
                sentence=(
                    "About 3,000 protesters marched on parliament in Nairobi, and police "
                    "said 48 people had been arrested."
                ),
                start=97,
                end=198,
                trigger="marched",
                url="https://nation.africa/kenya/news/finance-bill-protests",
                published="2024-06-25T21:04",
                outlet="Daily Nation",
            ),
        ),
        place=Place("Nairobi", "KEN", "KE.05", -1.2833, 36.8167, "dateline", 184745),
        magnitude=(("size", 3000), ("arrested", 48)),
        confidence=0.8,
        cameo="14",
        goldstein=-6.5,
    )


@pytest.fixture
def khartoum_strikes() -> Event:
    """Sudan's army bombs RSF positions in Khartoum over three days; tolls differ."""
    return Event(
        id="9988776655443322",
        type="ASSAULT",
        mode="aerial",
        actors=(Actor("SDN", "MIL", "Sudanese Armed Forces"),),
        recipients=(Actor("SDN", "REB", "Rapid Support Forces"),),
        date="2023-04-15",
        date_end="2023-04-17",
        date_precision="day",
        date_source="expression",
        status="occurred",
        mentions=(
            Evidence(
                doc="bbc00000000000001",
                file="bbc_sudan.html",
                sentence=(
                    "Between 15 and 17 April the army carried out air strikes on RSF bases "
                    "in Khartoum, killing at least 56 civilians and wounding 595."
                ),
                start=1200,
                end=1330,
                trigger="air strikes",
                url="https://www.bbc.com/news/world-africa-sudan",
                published="2023-04-17T10:00",
                outlet="BBC",
            ),
            Evidence(
                doc="sudantribune00002",
                file="sudantribune_khartoum.html",
                sentence="Doctors said 97 people were killed in the bombing of Khartoum.",
                start=60,
                end=122,
                trigger="bombing",
                url=None,
                published="2023-04-18",
                outlet="Sudan Tribune",
            ),
        ),
        contexts=("military",),
        place=Place("Khartoum", "SDN", "SD.29", 15.5518, 32.5324, "sentence", 379252),
        magnitude=(("killed", 97), ("injured", 595)),
        confidence=0.95,
        cameo="18",
        goldstein=-9.0,
        disagreements=("killed: 56 | 97",),
    )


@pytest.fixture
def guterres_call() -> Event:
    """The UN chief phones Ukraine's president; the input was a text file without URL."""
    return Event(
        id="5555aaaa5555bbbb",
        type="CONSULT",
        mode="phone",
        actors=(Actor("UNO", "IGO", "UN Secretary-General"),),
        recipients=(Actor("UKR", "GOV", "Volodymyr Zelensky", "President"),),
        date="2022-03",
        date_end=None,
        date_precision="month",
        date_source="passage",
        status="occurred",
        mentions=(
            Evidence(
                doc="kyivindep0000001",
                file="kyiv_independent_march.txt",
                sentence=(
                    'Zelensky said that in a call the UN chief had promised "every effort",\n'
                    "adding that a humanitarian corridor, long demanded, was discussed."
                ),
                start=2400,
                end=2538,
                trigger="call",
                url=None,
                published=None,
                outlet=None,
            ),
        ),
        speaker="Volodymyr Zelensky",
        confidence=0.7,
        cameo="04",
        goldstein=1.0,
    )


@pytest.fixture
def events(pretoria_signing, nairobi_protest, khartoum_strikes, guterres_call) -> list[Event]:
    """The four events in date order, as the store returns them."""
    return [guterres_call, pretoria_signing, khartoum_strikes, nairobi_protest]
