"""Generate the skeleton of ``src/dateline/knowledge/countries.yaml`` from pycountry.

Run once to create the file; it was then enriched by hand (adjectives,
plural demonyms, capitals, seats of power, institutions, usual English
names). Running it again only adds countries that pycountry knows and the
file lacks, and never overwrites a hand-edited field.

Usage::

    python scripts/build_countries.py [src/dateline/knowledge/countries.yaml]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pycountry
import yaml

DEFAULT_PATH = Path(__file__).parents[1] / "src" / "dateline" / "knowledge" / "countries.yaml"
FIELDS = (
    "code",
    "alpha2",
    "name",
    "names",
    "adjectives",
    "people",
    "capitals",
    "seats",
    "institutions",
)
HEADER = """\
# Every country and territory of ISO 3166-1 (from pycountry), enriched by hand.
# code: ISO 3166-1 alpha-3; historic: true for states that no longer exist
# (their codes come from ISO 3166-3); assigned: true for a code outside ISO
# that international bodies use (XKX for Kosovo).
# name: the usual English name; names: other names news uses for the country.
# adjectives: "Azerbaijani", "Azeri" (also the singular demonym).
# people: plural demonyms ("Azerbaijanis"), read as the country's civilians.
# capitals: seats of government, read as metonyms for it ("Baku said").
# seats: buildings or streets that stand for the government ("the Kremlin").
# institutions: sector -> names of bodies that stand for one sector
# ("the Pentagon" is MIL, "the Knesset" LEG).
# Names are matched case-sensitively, longest first; one name belongs to
# one country (tests/knowledge/test_actor_knowledge.py checks it).
"""


def skeleton(country: Any) -> dict[str, Any]:
    """One entry as pycountry knows it: codes and names, nothing by hand yet."""
    name = getattr(country, "common_name", None) or country.name
    others = {country.name, getattr(country, "official_name", country.name)} - {name}
    return {
        "code": country.alpha_3,
        "alpha2": country.alpha_2,
        "name": name,
        "names": sorted(others),
        "adjectives": [],
        "people": [],
        "capitals": [],
        "seats": [],
        "institutions": {},
    }


def merged(existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Existing entries untouched, plus skeletons for countries the file lacks."""
    known = {entry["code"] for entry in existing}
    added = [skeleton(c) for c in pycountry.countries if c.alpha_3 not in known]
    return existing + added


def main(path: Path) -> None:
    existing = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    entries = merged(existing or [])
    entries.sort(key=lambda entry: (bool(entry.get("historic")), entry["code"]))
    ordered = [
        {key: entry[key] for key in FIELDS + ("historic", "assigned") if key in entry}
        for entry in entries
    ]
    body = yaml.safe_dump(
        ordered, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100
    )
    path.write_text(HEADER + body, encoding="utf-8")
    print(f"{path}: {len(entries)} countries ({len(entries) - len(existing or [])} added)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH)
