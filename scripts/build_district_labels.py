"""Compute where each district's name goes on the map: resources/data/districts/labels.json.

For every unit in the bundled ``districts.geojson`` the label point is the *pole of
inaccessibility* of its largest part (the interior point farthest from the outline, found with
the "polylabel" cell search), so a name sits well inside even a concave or hooked district.
Positions are WGS-84, rounded to 4 decimals; each comes with the unit's name, so the map can
label the outlines without parsing them at start-up. Run after ``build_districts.py``:

    python scripts/build_district_labels.py
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ROOT / "resources" / "data" / "districts" / "districts.geojson"
OUT = ROOT / "resources" / "data" / "districts" / "labels.json"
PRECISION_M = 50.0

Point = tuple[float, float]  # (x, y) in km on a local equirectangular plane
Polygon = list[list[Point]]


def _signed_area(ring: list[Point]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def _segment_distance_sq(px: float, py: float, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    if dx or dy:
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        ax, ay = ax + t * dx, ay + t * dy
    return (px - ax) ** 2 + (py - ay) ** 2


def signed_distance(x: float, y: float, polygon: Polygon) -> float:
    """Distance to the outline; positive inside (even-odd rule over all rings), negative outside."""
    inside = False
    best = math.inf
    for ring in polygon:
        for a, b in itertools.pairwise(ring):
            if (a[1] > y) != (b[1] > y) and x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
                inside = not inside
            best = min(best, _segment_distance_sq(x, y, a, b))
    return (1 if inside else -1) * math.sqrt(best)


def polylabel(polygon: Polygon, precision: float) -> Point:
    """Mapbox's polylabel: best-first search over square cells, pruned by their upper bound."""
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    min_x, min_y, max_x, max_y = min(xs), min(ys), max(xs), max(ys)
    size = min(max_x - min_x, max_y - min_y)
    half = size / 2
    counter = itertools.count()
    queue: list[tuple[float, int, float, float, float, float]] = []

    def push(x: float, y: float, h: float) -> None:
        d = signed_distance(x, y, polygon)
        heapq.heappush(queue, (-(d + h * math.sqrt(2)), next(counter), x, y, h, d))

    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            push(x + half, y + half, half)
            y += size
        x += size
    area = _signed_area(polygon[0]) or 1e-12
    cx = sum((a[0] + b[0]) * (a[0] * b[1] - b[0] * a[1]) for a, b in itertools.pairwise(polygon[0]))
    cy = sum((a[1] + b[1]) * (a[0] * b[1] - b[0] * a[1]) for a, b in itertools.pairwise(polygon[0]))
    best = (cx / (6 * area), cy / (6 * area))
    best_d = signed_distance(*best, polygon)
    while queue:
        bound, _, x, y, h, d = heapq.heappop(queue)
        if d > best_d:
            best, best_d = (x, y), d
        if -bound - best_d <= precision:
            continue
        h /= 2
        for sx, sy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
            push(x + sx * h, y + sy * h, h)
    return best


def label_point(geometry: dict[str, object]) -> tuple[float, float]:
    """(lat, lon) of the label for a Polygon or MultiPolygon geometry (GeoJSON, WGS-84)."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    assert isinstance(polygons, list)
    lat0 = sum(lat for poly in polygons for lon, lat in poly[0]) / sum(
        len(poly[0]) for poly in polygons
    )
    kx, ky = 111.32 * math.cos(math.radians(lat0)), 110.57

    def plane(poly: list[list[list[float]]]) -> Polygon:
        return [[(lon * kx, lat * ky) for lon, lat in ring] for ring in poly]

    parts = [plane(poly) for poly in polygons]
    largest = max(parts, key=lambda poly: abs(_signed_area(poly[0])))
    x, y = polylabel(largest, PRECISION_M / 1000)
    return round(y / ky, 4), round(x / kx, 4)


def main() -> None:
    collection = json.loads(DISTRICTS.read_text(encoding="utf-8"))
    labels = {}
    for feature in collection["features"]:
        lat, lon = label_point(feature["geometry"])
        name = feature["properties"]["name"]
        labels[str(feature["properties"]["adcode"])] = {"name": name, "lat": lat, "lon": lon}
    OUT.write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(labels)} label points")


if __name__ == "__main__":
    main()
