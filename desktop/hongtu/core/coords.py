"""Conversions between WGS-84, GCJ-02 and BD-09, and a parser for pasted coordinates.

Formulas (published, widely reimplemented; written here from the formulas, not copied code):

* WGS-84 → GCJ-02: the closed-form "Mars" offset on the Krasovsky 1940 ellipsoid
  (a = 6378245 m, e² = 0.00669342162296594323), as documented by e.g. the eviltransform and
  coordtransform projects.
* GCJ-02 → WGS-84: no closed form; solved by fixed-point iteration on the forward offset.
* GCJ-02 ↔ BD-09: Baidu's published closed-form pair (x_pi = π·3000/180, offsets 0.0065 / 0.006).
  The BD-09 → GCJ-02 formula is approximate; its round-trip error is a few centimetres.

Outside the usual mainland-China box (lon 72.004–137.8347, lat 0.8293–55.8271) no offset is
applied at all — neither GCJ-02 nor BD-09 — so those points pass through unchanged.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from hongtu.core.geo import Crs, LatLon
from hongtu.core.lazy_pattern import LazyPattern

_KRASOVSKY_A = 6378245.0
_KRASOVSKY_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0

#: The GCJ inverse stops once the forward image is within this many degrees (≈1 cm) of the target.
GCJ_INVERSE_TOLERANCE_DEG = 1e-7
#: Upper bound on GCJ inverse iterations; 3–5 are typical in China, the bound is never hit there.
GCJ_INVERSE_MAX_ITERATIONS = 30


def out_of_china(point: LatLon) -> bool:
    """True outside the rough mainland-China box in which the offsets are applied."""
    return not (72.004 <= point.lon <= 137.8347 and 0.8293 <= point.lat <= 55.8271)


def _raw_lat_shift(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _raw_lon_shift(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def _gcj_offset(lat: float, lon: float) -> tuple[float, float]:
    """The (dlat, dlon) in degrees that WGS-84 → GCJ-02 adds at a WGS-84 point."""
    x, y = lon - 105.0, lat - 35.0
    rad_lat = math.radians(lat)
    magic = 1.0 - _KRASOVSKY_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (
        _raw_lat_shift(x, y)
        * 180.0
        / ((_KRASOVSKY_A * (1.0 - _KRASOVSKY_EE)) / (magic * sqrt_magic) * math.pi)
    )
    dlon = _raw_lon_shift(x, y) * 180.0 / (_KRASOVSKY_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return dlat, dlon


def wgs84_to_gcj02(point: LatLon) -> LatLon:
    if out_of_china(point):
        return point
    dlat, dlon = _gcj_offset(point.lat, point.lon)
    return LatLon(point.lat + dlat, point.lon + dlon)


def gcj02_to_wgs84(point: LatLon) -> LatLon:
    """Invert the GCJ offset by fixed-point iteration: w ← w − (gcj(w) − target).

    The offset changes by well under a millimetre per metre, so each step gains about three
    orders of magnitude; it stops at ≈1 cm or after ``GCJ_INVERSE_MAX_ITERATIONS`` steps.
    """
    if out_of_china(point):
        return point
    lat, lon = point.lat, point.lon
    for _ in range(GCJ_INVERSE_MAX_ITERATIONS):
        dlat, dlon = _gcj_offset(lat, lon)
        err_lat = lat + dlat - point.lat
        err_lon = lon + dlon - point.lon
        lat, lon = lat - err_lat, lon - err_lon
        if max(abs(err_lat), abs(err_lon)) < GCJ_INVERSE_TOLERANCE_DEG:
            break
    return LatLon(lat, lon)


def gcj02_to_bd09(point: LatLon) -> LatLon:
    if out_of_china(point):
        return point
    x, y = point.lon, point.lat
    z = math.hypot(x, y) + 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) + 0.000003 * math.cos(x * _X_PI)
    return LatLon(z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065)


def bd09_to_gcj02(point: LatLon) -> LatLon:
    if out_of_china(point):
        return point
    x, y = point.lon - 0.0065, point.lat - 0.006
    z = math.hypot(x, y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return LatLon(z * math.sin(theta), z * math.cos(theta))


def wgs84_to_bd09(point: LatLon) -> LatLon:
    return gcj02_to_bd09(wgs84_to_gcj02(point))


def bd09_to_wgs84(point: LatLon) -> LatLon:
    return gcj02_to_wgs84(bd09_to_gcj02(point))


def _identity(point: LatLon) -> LatLon:
    return point


_TO_WGS84: dict[Crs, Callable[[LatLon], LatLon]] = {
    Crs.WGS84: _identity,
    Crs.GCJ02: gcj02_to_wgs84,
    Crs.BD09: bd09_to_wgs84,
}
_FROM_WGS84: dict[Crs, Callable[[LatLon], LatLon]] = {
    Crs.WGS84: _identity,
    Crs.GCJ02: wgs84_to_gcj02,
    Crs.BD09: wgs84_to_bd09,
}


def to_wgs84(point: LatLon, crs: Crs) -> LatLon:
    """``point`` given in ``crs``, expressed in WGS-84."""
    return _TO_WGS84[Crs(crs)](point)


def from_wgs84(point: LatLon, crs: Crs) -> LatLon:
    """A WGS-84 ``point`` expressed in ``crs``."""
    return _FROM_WGS84[Crs(crs)](point)


# --- parsing what organisers paste from map sites -----------------------------------------------

#: Ranges used to tell latitude from longitude for a point in China; they do not overlap.
CHINA_LAT_RANGE = (3.0, 54.0)
CHINA_LON_RANGE = (73.0, 136.0)
#: Metres east and north of a point in China on a Mercator projection (Web Mercator, and Baidu's
#: BD-09MC, which differs from it by up to a few tens of kilometres): east 73°–136° is about
#: 8.1–15.1 million m, north 3°–54° about 0.33–7.2 million m. No pair of degrees comes near.
PROJECTED_EAST_RANGE = (7.5e6, 15.5e6)
PROJECTED_NORTH_RANGE = (2.5e5, 7.5e6)


class ParseErrorCode(StrEnum):
    EMPTY = "empty"  # nothing but whitespace
    UNEXPECTED_TEXT = "unexpected_text"  # characters that are not part of a coordinate
    NOT_TWO_NUMBERS = "not_two_numbers"  # fewer or more than two coordinate values
    INVALID_DMS = "invalid_dms"  # minutes/seconds ≥ 60, or fractional degrees with minutes
    HEMISPHERE_CONFLICT = "hemisphere_conflict"  # e.g. both values marked N, or a lat twice
    AMBIGUOUS = "ambiguous"  # both values look like latitudes (or both like longitudes)
    OUT_OF_CHINA = "out_of_china"  # a coordinate, but not one in China
    PROJECTED = "projected"  # metres on a map projection (Web Mercator, Baidu's BD-09MC)
    SHORT_LINK = "short_link"  # a short link (surl.amap.com…): only the network can open it
    UNREADABLE_LINK = "unreadable_link"  # a web address with no position HongTu can read


class CoordinateParseError(ValueError):
    """Pasted text that is not a usable coordinate; ``code`` says why (the UI words it)."""

    def __init__(self, code: ParseErrorCode, text: str) -> None:
        super().__init__(f"{code.value}: {text!r}")
        self.code = code
        self.text = text


@dataclass(frozen=True, slots=True)
class _Component:
    value: float  # signed decimal degrees
    axis: str | None  # "lat", "lon" or None when no hemisphere/label was given


_LABELS = [  # longest first; each becomes a hemisphere letter that fixes the axis
    (r"latitude|lat|纬度|北纬", " N "),
    (r"longitude|long|lng|lon|经度|东经", " E "),
    (r"南纬", " S "),
    (r"西经", " W "),
]
_SYMBOLS = str.maketrans(
    {"度": "°", "º": "°", "˚": "°", "分": "'", "′": "'", "’": "'", "‘": "'", "´": "'",
     "秒": '"', "″": '"', "”": '"', "“": '"'}
)  # fmt: skip
_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_ANGLE = rf"(?P<deg>{_NUM})\s*(?:°\s*(?:(?P<min>{_NUM})\s*'\s*(?:(?P<sec>{_NUM})\s*\")?)?)?"
_COMPONENT = LazyPattern(
    rf"(?:(?P<pre>[NSEW])[\s:=]*{_ANGLE.replace('?P<', '?P<p_')}|{_ANGLE}\s*(?P<post>[NSEW])?)"
)
_SEPARATORS = LazyPattern(r"[\s,;/|()\[\]{}:=]*")


def parse_coordinate_text(text: str) -> LatLon:
    """Read a coordinate pair pasted from a map site; the CRS is the caller's to choose.

    Accepts ``112.56,37.86`` (Amap/Baidu lon,lat), ``37.86, 112.56`` (lat,lon),
    a Chinese comma, spaces, labels (lat, lng, 纬度, 经度, 北纬, 东经) and
    degrees-minutes-seconds such as ``37°51'52"N 112°33'51"E`` or ``37度51分52秒``.
    Without hemisphere letters or labels, China's latitude and longitude ranges decide the order.
    Mercator metres (``12529000.12,4534000.56``) are refused as such (``PROJECTED``); a map
    site's link is read by ``hongtu.core.map_links.read_pasted_position``.
    """
    normal = _normalise(text)
    if not normal.strip():
        raise CoordinateParseError(ParseErrorCode.EMPTY, text)
    components = _components(normal, text)
    if len(components) != 2:
        raise CoordinateParseError(ParseErrorCode.NOT_TWO_NUMBERS, text)
    lat, lon = _assign_axes(components[0], components[1], text)
    if not (_within(lat, CHINA_LAT_RANGE) and _within(lon, CHINA_LON_RANGE)):
        raise CoordinateParseError(ParseErrorCode.OUT_OF_CHINA, text)
    return LatLon(lat, lon)


def _normalise(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text)
    for pattern, letter in _LABELS:  # before 度 becomes °, so 纬度 / 经度 are still whole
        normal = re.sub(pattern, letter, normal, flags=re.IGNORECASE)
    return normal.translate(_SYMBOLS).replace("''", '"').upper()


def _components(normal: str, text: str) -> list[_Component]:
    found: list[_Component] = []
    pos = 0
    while pos < len(normal):
        pos = _skip_separators(normal, pos)
        if pos >= len(normal):
            break
        match = _COMPONENT.match(normal, pos)
        if match is None or match.end() == pos:
            raise CoordinateParseError(ParseErrorCode.UNEXPECTED_TEXT, text)
        found.append(_component(match, text))
        pos = match.end()
    return found


def _skip_separators(normal: str, pos: int) -> int:
    match = _SEPARATORS.match(normal, pos)
    return match.end() if match else pos


def _component(match: re.Match[str], text: str) -> _Component:
    groups = match.groupdict()
    prefixed = groups["pre"] is not None
    key = "p_" if prefixed else ""
    hemisphere = groups["pre"] if prefixed else groups["post"]
    degrees = _dms_to_degrees(groups[key + "deg"], groups[key + "min"], groups[key + "sec"], text)
    if hemisphere is None:
        return _Component(degrees, None)
    sign = -1.0 if hemisphere in "SW" else 1.0
    return _Component(sign * degrees, "lat" if hemisphere in "NS" else "lon")


def _dms_to_degrees(deg: str, minutes: str | None, seconds: str | None, text: str) -> float:
    value = float(deg)
    if minutes is None:
        return value
    mins = float(minutes)
    secs = float(seconds) if seconds is not None else 0.0
    whole = value.is_integer() and "." not in deg
    if not whole or not (0 <= mins < 60) or not (0 <= secs < 60):
        raise CoordinateParseError(ParseErrorCode.INVALID_DMS, text)
    if seconds is not None and not mins.is_integer():
        raise CoordinateParseError(ParseErrorCode.INVALID_DMS, text)
    magnitude = abs(value) + mins / 60.0 + secs / 3600.0
    return -magnitude if deg.startswith("-") else magnitude


def _assign_axes(first: _Component, second: _Component, text: str) -> tuple[float, float]:
    """(lat, lon) from two components, using their axes when given, else China's ranges."""
    if first.axis is not None and first.axis == second.axis:
        raise CoordinateParseError(ParseErrorCode.HEMISPHERE_CONFLICT, text)
    if first.axis == "lat" or second.axis == "lon":
        return first.value, second.value
    if first.axis == "lon" or second.axis == "lat":
        return second.value, first.value
    return _order_by_range(first.value, second.value, text)


def _order_by_range(a: float, b: float, text: str) -> tuple[float, float]:
    if _within(a, CHINA_LAT_RANGE) and _within(b, CHINA_LON_RANGE):
        return a, b
    if _within(a, CHINA_LON_RANGE) and _within(b, CHINA_LAT_RANGE):
        return b, a
    both_lat = _within(a, CHINA_LAT_RANGE) and _within(b, CHINA_LAT_RANGE)
    both_lon = _within(a, CHINA_LON_RANGE) and _within(b, CHINA_LON_RANGE)
    if both_lat or both_lon:
        raise CoordinateParseError(ParseErrorCode.AMBIGUOUS, text)
    if looks_projected(a, b):
        raise CoordinateParseError(ParseErrorCode.PROJECTED, text)
    raise CoordinateParseError(ParseErrorCode.OUT_OF_CHINA, text)


def looks_projected(a: float, b: float) -> bool:
    """Whether ``a`` and ``b`` (in either order) are Mercator metres of a point in China.

    Web Mercator could be turned into degrees, but the same numbers from 百度 are BD-09MC, which
    only Baidu's own tables convert: neither is guessed, the organiser is asked for degrees.
    """
    return any(
        _within(east, PROJECTED_EAST_RANGE) and _within(north, PROJECTED_NORTH_RANGE)
        for east, north in ((a, b), (b, a))
    )


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]
