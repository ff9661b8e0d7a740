"""Reading a position out of what organisers paste: two numbers, or a map site's link.

A link is read without the network, from its own text, and only in the forms its publisher
documents (each names the order of the numbers and the coordinate system):

* 高德 ``https://uri.amap.com/marker?position=lng,lat`` — GCJ-02, or WGS-84 with
  ``coordinate=wgs84`` (lbs.amap.com, URI API 单点标注).
* 百度 ``https://api.map.baidu.com/marker?location=lat,lng`` (also ``/geocoder``) — BD-09, or
  ``coord_type=gcj02|wgs84``; ``bd09mc`` is Mercator metres, which are not guessed at
  (lbsyun.baidu.com, URI API 地图标点).
* 腾讯 ``https://apis.map.qq.com/uri/v1/marker?marker=coord:lat,lng;title:…`` and
  ``/uri/v1/geocoder?coord=lat,lng`` — GCJ-02, or WGS-84 with ``coord_type=1``
  (lbs.qq.com, URI API 自定义标注).
* OpenStreetMap ``https://www.openstreetmap.org/?mlat=lat&mlon=lng`` (a marker),
  ``#map=zoom/lat/lng`` (the map's centre) or ``?lat=…&lon=…`` — WGS-84 (wiki.openstreetmap.org).

A short link (``surl.amap.com``, ``j.map.baidu.com``…) holds no position: only its server knows
where it leads, and HongTu does not ask it. Any other web address is refused with its own code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlsplit

from hongtu.core.coords import (
    CHINA_LAT_RANGE,
    CHINA_LON_RANGE,
    CoordinateParseError,
    ParseErrorCode,
    looks_projected,
    parse_coordinate_text,
)
from hongtu.core.geo import Crs, LatLon


class MapSite(StrEnum):
    """Whose link a position was read from."""

    AMAP = "amap"
    BAIDU = "baidu"
    TENCENT = "tencent"
    OSM = "osm"


@dataclass(frozen=True, slots=True)
class PastedPosition:
    """A pasted position as given: ``crs`` is the system its link states, or None for two bare
    numbers (the organiser says which system they came from)."""

    point: LatLon
    crs: Crs | None = None
    site: MapSite | None = None


#: Hosts whose links are only redirections kept on a server.
SHORT_LINK_HOSTS = frozenset({"surl.amap.com", "j.map.baidu.com", "maps.app.goo.gl", "goo.gl"})

# A web address in the text: up to a space or a Chinese punctuation mark (share texts wrap the
# link in words, 【高德地图】… https://… 复制打开); the scheme may have been left off.
_URL = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?/[^\s，。；！？、（）【】《》「」“”]*",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*")


def read_pasted_position(text: str) -> PastedPosition:
    """The position in ``text``: a map link's (see the module's docstring), else two numbers
    read by ``parse_coordinate_text``. Raises ``CoordinateParseError``."""
    found = _URL.search(text)
    if found is None:
        return PastedPosition(parse_coordinate_text(text))
    return _read_link(found.group(), text)


def _read_link(url: str, pasted: str) -> PastedPosition:
    """The position the map link ``url`` points at (``pasted``: the text it was found in)."""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host in SHORT_LINK_HOSTS:
        raise CoordinateParseError(ParseErrorCode.SHORT_LINK, pasted)
    reader = _READERS.get((host, parts.path.rstrip("/")))
    if reader is None and host in _OSM_HOSTS:
        reader = _read_osm
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    position = reader(query, parts.fragment) if reader is not None else None
    if position is None:
        raise CoordinateParseError(ParseErrorCode.UNREADABLE_LINK, pasted)
    if isinstance(position, ParseErrorCode):
        raise CoordinateParseError(position, pasted)
    return position


# ---- each site's links ---------------------------------------------------------------------------

_Reading = PastedPosition | ParseErrorCode | None  # None: no position in the link
_Reader = Callable[[dict[str, str], str], _Reading]


def _read_amap(query: dict[str, str], _fragment: str) -> _Reading:
    crs = {"gaode": Crs.GCJ02, "wgs84": Crs.WGS84}.get(query.get("coordinate", "gaode").lower())
    pair = _pair(query.get("position"), ",")
    if crs is None or pair is None:
        return None
    return _position(pair[1], pair[0], crs, MapSite.AMAP)


def _read_baidu(query: dict[str, str], _fragment: str) -> _Reading:
    kind = query.get("coord_type", "bd09ll").lower()
    pair = _pair(query.get("location"), ",")
    if pair is None:
        return None
    if kind == "bd09mc" or looks_projected(*pair):
        return ParseErrorCode.PROJECTED
    crs = {"bd09ll": Crs.BD09, "gcj02": Crs.GCJ02, "wgs84": Crs.WGS84}.get(kind)
    return None if crs is None else _position(pair[0], pair[1], crs, MapSite.BAIDU)


def _read_tencent_marker(query: dict[str, str], fragment: str) -> _Reading:
    markers = query.get("marker", "").split("|")
    if len(markers) != 1:  # several places: which one is meant?
        return None
    fields = {}
    for field in markers[0].split(";"):
        key, _colon, value = field.partition(":")
        fields[key.strip()] = value
    return _read_tencent_geocoder({**query, "coord": fields.get("coord", "")}, fragment)


def _read_tencent_geocoder(query: dict[str, str], _fragment: str) -> _Reading:
    crs = {"1": Crs.WGS84, "2": Crs.GCJ02}.get(query.get("coord_type", "2").strip())
    pair = _pair(query.get("coord"), ",")
    if crs is None or pair is None:
        return None
    return _position(pair[0], pair[1], crs, MapSite.TENCENT)


_OSM_HOSTS = frozenset({"openstreetmap.org", "osm.org"})


def _read_osm(query: dict[str, str], fragment: str) -> _Reading:
    """The marker (mlat/mlon), else the map's centre (#map=zoom/lat/lng, or lat/lon)."""
    view = parse_qs(fragment).get("map", [""])[0].split("/")
    for lat, lon in (
        (query.get("mlat"), query.get("mlon")),
        (view[1], view[2]) if len(view) == 3 else (None, None),
        (query.get("lat"), query.get("lon")),
    ):
        pair = _pair(f"{lat},{lon}", ",") if lat is not None and lon is not None else None
        if pair is not None:
            return _position(pair[0], pair[1], Crs.WGS84, MapSite.OSM)
    return None


_READERS: dict[tuple[str, str], _Reader] = {
    ("uri.amap.com", "/marker"): _read_amap,
    ("api.map.baidu.com", "/marker"): _read_baidu,
    ("api.map.baidu.com", "/geocoder"): _read_baidu,
    ("apis.map.qq.com", "/uri/v1/marker"): _read_tencent_marker,
    ("apis.map.qq.com", "/uri/v1/geocoder"): _read_tencent_geocoder,
}


def _pair(value: str | None, separator: str) -> tuple[float, float] | None:
    """Two plain decimal numbers ``a<separator>b``; None for anything else."""
    parts = (value or "").split(separator)
    if len(parts) != 2 or not all(_NUMBER.fullmatch(part) for part in parts):
        return None
    return float(parts[0]), float(parts[1])


def _position(lat: float, lon: float, crs: Crs, site: MapSite) -> _Reading:
    lat_ok = CHINA_LAT_RANGE[0] <= lat <= CHINA_LAT_RANGE[1]
    lon_ok = CHINA_LON_RANGE[0] <= lon <= CHINA_LON_RANGE[1]
    if not (lat_ok and lon_ok):
        return ParseErrorCode.OUT_OF_CHINA
    return PastedPosition(LatLon(lat, lon), crs, site)
