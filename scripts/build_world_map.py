"""Rebuild the web map's country outlines, ``src/dateline/web/static/world-110m.json``.

The outlines are Natural Earth's 1:110m countries (public domain), as the
``world-atlas`` npm package (ISC licence, Mike Bostock) ships them in
TopoJSON. This script decodes the TopoJSON (quantised, delta-encoded arcs
shared between neighbours) into plain rings of (longitude, latitude)
points, rounded to a hundredth of a degree, one list of rings a country:

    {"source": ..., "licence": ..., "countries": [
        {"id": "250", "name": "France", "rings": [[lon, lat, lon, lat, ...], ...]}, ...]}

Run it from the repository root (it needs ``npm`` and the npm registry):

    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python scripts/build_world_map.py package/countries-110m.json

The web app reads the file once (:mod:`dateline.web.world`) and draws it
as SVG paths on the server: no tile server, no network.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

TARGET = Path(__file__).resolve().parent.parent / "src/dateline/web/static/world-110m.json"
SOURCE = "Natural Earth 1:110m countries (public domain), via world-atlas 2 (ISC, Mike Bostock)"
LICENCE = (
    "Natural Earth data are in the public domain (https://www.naturalearthdata.com/about/"
    "terms-of-use/). The TopoJSON conversion is world-atlas, Copyright 2013-2019 Michael "
    "Bostock, ISC licence: permission to use, copy, modify, and/or distribute this software "
    "for any purpose with or without fee is hereby granted, provided that the above "
    "copyright notice and this permission notice appear in all copies."
)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Every arc as absolute (lon, lat) points (quantised, delta-encoded in the file)."""
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        points: list[tuple[float, float]] = []
        x = y = 0.0
        for position in arc:
            if transform:
                x, y = x + position[0], y + position[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((position[0], position[1]))
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    """A ring from its arc indexes (a negative index ~i is arc i reversed), flattened."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points += arc[1:] if points else arc  # arcs share their end points
    flat: list[float] = []
    last: tuple[float, float] | None = None
    for lon, lat in points:
        point = (round(lon, 2), round(lat, 2))
        if point != last:
            flat += point
            last = point
    return flat


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """Each country of the topology's ``countries`` object with its rings."""
    arcs = decode_arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [ring_of(ring, arcs) for polygon in polygons for ring in polygon]
        found.append(
            {
                "id": str(geometry.get("id", "")),
                "name": geometry.get("properties", {}).get("name", ""),
                "rings": [ring for ring in rings if len(ring) >= 6],
            }
        )
    return sorted(found, key=lambda country: country["name"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    shapes = countries(topology)
    record = {"source": SOURCE, "licence": LICENCE, "countries": shapes}
    args.out.write_text(json.dumps(record, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(ring) // 2 for shape in shapes for ring in shape["rings"])
    print(f"{len(shapes)} countries, {points:,} points -> {args.out}")


if __name__ == "__main__":
    main()
