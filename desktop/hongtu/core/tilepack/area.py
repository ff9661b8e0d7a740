"""Which tiles cover an area at a zoom range, and how large they will be (asked before fetching).

An area is a WGS-84 bounding box: all of Taiyuan (every district with ``in_taiyuan``), one
county from the bundled outlines, or the open plan's stops with a margin. Tiles in GCJ-02
(高德) are addressed in GCJ-02, so the box is shifted before it is cut into tiles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from hongtu.core.coords import from_wgs84
from hongtu.core.districts import all_districts, district_by_name
from hongtu.core.geo import Crs, LatLon

MAX_ZOOM = 18
MAX_LAT = 85.0511287798
#: A typical road-map tile (PNG, 256 px) in a city; the estimate is count × this.
TYPICAL_TILE_BYTES = 15_000
#: The most tiles one package may hold: a polite download stays a few hours at most.
MAX_TILES = 60_000
STOP_MARGIN_KM = 2.0


class AreaError(ValueError):
    """An area that cannot be packaged (unknown county, no placed stops, bad zoom range)."""


@dataclass(frozen=True, slots=True)
class BBox:
    """WGS-84 (or display-CRS) degrees: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        if not (-180 <= self.west <= self.east <= 180 and -90 <= self.south <= self.north <= 90):
            raise AreaError("bad bounding box")

    def bounds_text(self) -> str:
        """MBTiles ``bounds``: left,bottom,right,top."""
        return f"{self.west:.6f},{self.south:.6f},{self.east:.6f},{self.north:.6f}"

    def in_crs(self, crs: Crs) -> BBox:
        if crs is Crs.WGS84:
            return self
        corners = [
            from_wgs84(LatLon(lat, lon), crs)
            for lat in (self.south, self.north)
            for lon in (self.west, self.east)
        ]
        return BBox(
            min(c.lon for c in corners),
            min(c.lat for c in corners),
            max(c.lon for c in corners),
            max(c.lat for c in corners),
        )


def taiyuan_bbox() -> BBox:
    return _union(d.bbox for d in all_districts() if d.in_taiyuan)


def county_bbox(name: str) -> BBox:
    district = district_by_name(name)
    if district is None:
        raise AreaError(f"unknown district: {name[:40]}")
    return _union([district.bbox])


def points_bbox(points: Iterable[LatLon], margin_km: float = STOP_MARGIN_KM) -> BBox:
    pts = list(points)
    if not pts:
        raise AreaError("no placed stops")
    dlat = margin_km / 111.0
    mid = sum(p.lat for p in pts) / len(pts)
    dlon = margin_km / (111.0 * max(0.1, math.cos(math.radians(mid))))
    return BBox(
        max(-180.0, min(p.lon for p in pts) - dlon),
        max(-90.0, min(p.lat for p in pts) - dlat),
        min(180.0, max(p.lon for p in pts) + dlon),
        min(90.0, max(p.lat for p in pts) + dlat),
    )


def _union(boxes: Iterable[tuple[float, float, float, float]]) -> BBox:
    items = list(boxes)
    return BBox(
        min(b[0] for b in items),
        min(b[1] for b in items),
        max(b[2] for b in items),
        max(b[3] for b in items),
    )


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The XYZ (web-mercator, row 0 north) tile holding a point."""
    n = 1 << z
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = int((lon + 180.0) / 360.0 * n)
    rad = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n)
    return min(n - 1, max(0, x)), min(n - 1, max(0, y))


@dataclass(frozen=True, slots=True)
class TileRange:
    z: int
    x_min: int
    x_max: int
    y_min: int
    y_max: int

    @property
    def count(self) -> int:
        return (self.x_max - self.x_min + 1) * (self.y_max - self.y_min + 1)

    def tiles(self) -> Iterator[tuple[int, int, int]]:
        for x in range(self.x_min, self.x_max + 1):
            for y in range(self.y_min, self.y_max + 1):
                yield self.z, x, y


def check_zooms(min_zoom: int, max_zoom: int) -> None:
    if not 0 <= min_zoom <= max_zoom <= MAX_ZOOM:
        raise AreaError(f"zoom range must be within 0–{MAX_ZOOM}")


def tile_ranges(box: BBox, min_zoom: int, max_zoom: int) -> list[TileRange]:
    check_zooms(min_zoom, max_zoom)
    ranges = []
    for z in range(min_zoom, max_zoom + 1):
        x0, y0 = lonlat_to_tile(box.west, box.north, z)
        x1, y1 = lonlat_to_tile(box.east, box.south, z)
        ranges.append(TileRange(z, x0, x1, y0, y1))
    return ranges


@dataclass(frozen=True, slots=True)
class Estimate:
    tiles: int
    bytes: int

    @property
    def too_large(self) -> bool:
        return self.tiles > MAX_TILES


def estimate(ranges: Iterable[TileRange]) -> Estimate:
    count = sum(r.count for r in ranges)
    return Estimate(count, count * TYPICAL_TILE_BYTES)


def plan_points(plan: Any, sites: dict[int, Any]) -> list[LatLon]:
    """The WGS-84 points of a plan's gathering point and stops that have a position."""
    places = [plan.gathering, *plan.stops]
    points = []
    for place in places:
        if place.custom is not None:
            point = place.custom.point
        else:
            site = sites.get(place.site_id) if place.site_id is not None else None
            point = site.position.point if site is not None and site.position else None
        if point is not None:
            points.append(point)
    return points
