"""Coordinates: the reference systems a point can come from, and a WGS-84 point."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Crs(StrEnum):
    """A coordinate reference system used by maps in mainland China."""

    WGS84 = "wgs84"  # GPS, OpenStreetMap, Tianditu (CGCS2000 ≈ WGS-84 at map scale)
    GCJ02 = "gcj02"  # Amap / Tencent, the "Mars" offset
    BD09 = "bd09"  # Baidu, a second offset on top of GCJ-02


@dataclass(frozen=True, slots=True)
class LatLon:
    """A point in degrees. Everything HongTu stores is WGS-84 unless a name says otherwise."""

    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0) or not (-180.0 <= self.lon <= 180.0):
            raise ValueError(f"coordinate out of range: {self.lat}, {self.lon}")
