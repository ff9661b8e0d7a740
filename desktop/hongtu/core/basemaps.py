"""Base-map providers the map can draw under the sites: definitions only, no network.

``NONE`` (the offline district outlines only) is the default: every provider can fail on a slow,
filtered or absent connection, and the map must stay usable without one. A provider's key is
never stored here: ``tile_layer_config`` substitutes it only at the moment the page is told to
switch, and the result must not be logged.

审图号 (map review numbers): a provider's number is shown where it is known for certain. None of
the numbers below has been confirmed from the provider's own current page, so ``review_number``
is None and the UI says 审图号见服务商网站 instead of inventing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import quote

from hongtu.core.geo import Crs
from hongtu.core.secrets import remember

KEY_PLACEHOLDER = "{key}"
_KEY_PATTERN = re.compile(r"[A-Za-z0-9_\-]{8,128}")


class BaseMapId(StrEnum):
    NONE = "none"  # offline: district outlines only
    TIANDITU = "tianditu"  # 天地图, WGS-84, needs the organiser's key
    AMAP = "amap"  # 高德, GCJ-02, undocumented tile URLs: an option, never the default
    OSM = "osm"  # OpenStreetMap, WGS-84, often slow or unreachable in mainland China
    PACKAGE = "package"  # an offline map package (tilepack.layer), drawn from its MBTiles file


#: The providers the organiser chooses among (a package is chosen by its own name instead).
PROVIDERS: tuple[BaseMapId, ...] = (
    BaseMapId.NONE,
    BaseMapId.TIANDITU,
    BaseMapId.AMAP,
    BaseMapId.OSM,
)


class KeyProblem(StrEnum):
    MISSING = "missing"
    MALFORMED = "malformed"


class MissingKeyError(ValueError):
    """A provider that needs a key was asked for without a usable one."""

    def __init__(self, basemap: BaseMapId, problem: KeyProblem) -> None:
        super().__init__(f"{basemap.value}: key {problem.value}")  # never the key itself
        self.basemap = basemap
        self.problem = problem


@dataclass(frozen=True, slots=True)
class TileLayerSpec:
    """One Leaflet tile layer; ``url_template`` uses Leaflet's {s} {x} {y} {z} and ``{key}``."""

    url_template: str
    subdomains: tuple[str, ...] = ()
    max_zoom: int = 18


@dataclass(frozen=True, slots=True)
class BaseMap:
    id: BaseMapId
    name: str  # the provider's own name, shown as is
    layers: tuple[TileLayerSpec, ...]
    attribution: str
    review_number: str | None  # 审图号, only when known for certain
    review_published: bool  # the provider publishes a 审图号 (OpenStreetMap has none)
    crs: Crs
    needs_key: bool
    notes: tuple[str, ...] = field(default=(), compare=False)
    #: An offline package only: who drew its tiles (a provider id, or "custom" for an
    #: organisation's own server) and the package's name.
    provider: str = ""
    package: str = ""

    @property
    def offline(self) -> bool:
        return not self.layers


_TIANDITU_URL = "http://t{s}.tianditu.gov.cn/DataServer?T=%s&x={x}&y={y}&l={z}&tk={key}"
_TIANDITU_SUBDOMAINS = tuple(str(n) for n in range(8))

BASE_MAPS: dict[BaseMapId, BaseMap] = {
    BaseMapId.NONE: BaseMap(
        id=BaseMapId.NONE,
        name="",
        layers=(),
        attribution="",
        review_number=None,
        review_published=False,
        crs=Crs.WGS84,
        needs_key=False,
    ),
    BaseMapId.TIANDITU: BaseMap(
        id=BaseMapId.TIANDITU,
        name="天地图",
        layers=(
            TileLayerSpec(_TIANDITU_URL % "vec_w", _TIANDITU_SUBDOMAINS),
            TileLayerSpec(_TIANDITU_URL % "cva_w", _TIANDITU_SUBDOMAINS),
        ),
        attribution="© 天地图 国家地理信息公共服务平台",
        # TODO(data): the current 审图号 printed on www.tianditu.gov.cn (GS(20xx)xxxx号 form);
        # fill in only after reading it on the provider's own page.
        review_number=None,
        review_published=True,
        crs=Crs.WGS84,
        needs_key=True,
    ),
    BaseMapId.AMAP: BaseMap(
        id=BaseMapId.AMAP,
        name="高德地图",
        layers=(
            TileLayerSpec(
                "http://webrd0{s}.is.autonavi.com/appmaptile"
                "?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
                ("1", "2", "3", "4"),
            ),
        ),
        attribution="© 高德地图 AutoNavi",
        review_number=None,  # TODO(data): 高德's 审图号, from the provider's own page
        review_published=True,
        crs=Crs.GCJ02,
        needs_key=False,
        notes=("undocumented tile URL",),
    ),
    BaseMapId.OSM: BaseMap(
        id=BaseMapId.OSM,
        name="OpenStreetMap",
        layers=(TileLayerSpec("https://tile.openstreetmap.org/{z}/{x}/{y}.png", max_zoom=19),),
        attribution="© OpenStreetMap contributors",
        review_number=None,  # OpenStreetMap has no 审图号
        review_published=False,
        crs=Crs.WGS84,
        needs_key=False,
    ),
}


def basemap(basemap_id: BaseMapId | str) -> BaseMap:
    """A provider's definition (not ``PACKAGE``: a package's comes from its file)."""
    return BASE_MAPS[BaseMapId(basemap_id)]


def parse_basemap_id(value: object) -> BaseMapId | None:
    try:
        return BaseMapId(str(value))
    except ValueError:
        return None


def key_problem(key: str | None) -> KeyProblem | None:
    """What is wrong with a provider key as typed (None: usable). Keys are 8–128 letters,
    digits, ``-`` or ``_``; anything else would only fail later, as a map that does not load."""
    cleaned = (key or "").strip()
    if not cleaned:
        return KeyProblem.MISSING
    if not _KEY_PATTERN.fullmatch(cleaned):
        return KeyProblem.MALFORMED
    return None


def check_key(basemap: BaseMap, key: str | None) -> str:
    """The key to use ("" when none is needed); raises ``MissingKeyError`` otherwise."""
    if not basemap.needs_key:
        return ""
    problem = key_problem(key)
    if problem is not None:
        raise MissingKeyError(basemap.id, problem)
    return (key or "").strip()


def tile_layer_config(basemap: BaseMap, key: str | None, attribution: str) -> dict[str, object]:
    """What ``hongtuMap.setBaseMap`` takes. Contains the key: pass it on, never log it."""
    usable = check_key(basemap, key)
    remember(usable)
    layers = [
        {
            "url": layer.url_template.replace(KEY_PLACEHOLDER, quote(usable, safe="")),
            "subdomains": list(layer.subdomains),
            "maxZoom": layer.max_zoom,
        }
        for layer in basemap.layers
    ]
    return {"id": basemap.id.value, "layers": layers, "attribution": attribution}
