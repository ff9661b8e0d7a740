"""The map page: built once by Folium from local files only, then cached on disk.

The page holds the empty map, the offline district outlines and HongTu's small JS API
(``resources/web/hongtu-map.js``). Sites, the plan route and highlights are never baked into the
page: after it loads, the Qt layer sends them through small JS calls, so an edit never
regenerates or reloads the page. Building needs ``import folium`` (about 0.7 s), so the result is
cached under the user cache folder and rebuilt only when HongTu or its bundled files change.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from hongtu import __version__
from hongtu.core import paths

# Bump when build_map_page_html changes what it writes, so cached pages are rebuilt.
PAGE_LAYOUT_VERSION = "6"
TAIYUAN_CENTRE = (37.87, 112.55)
DEFAULT_ZOOM = 11
LEAFLET_DIR = ("web", "vendor", "leaflet-1.9.3")
PAGE_ASSETS = (
    ("web", "hongtu-map.js"),
    ("web", "hongtu-map.css"),
    ("data", "districts", "districts.geojson"),
    ("data", "sites.json"),  # the opening view frames the catalogue's placed sites
    (*LEAFLET_DIR, "leaflet.js"),
)
#: Leaflet's ``bounds.pad`` ratio and zoom cap for the opening view; hongtu-map.js frames the
#: sites it is given the same way and so leaves this view alone when they are the catalogue's.
FRAME_PAD = 0.08
FRAME_MAX_ZOOM = 15
#: How the district outlines are drawn (Leaflet path options).
OUTLINE_STYLE = {
    "color": "#8c6d62",
    "weight": 1.2,
    "fillColor": "#f3ece4",
    "fillOpacity": 0.35,
    "dashArray": "4 3",
}


def map_page_file() -> Path:
    """The cached page, built first if it is missing or stale (OSError: it cannot be written)."""
    target = _cached_page_path()
    if not target.exists():
        _write_page(target, build_map_page_html())
    return target


def map_page() -> Path | str:
    """The page to load: the cached file, built first if it is missing or stale; or, when the
    cache cannot hold it (a full disk, a cache folder that is not writable or not a folder),
    the page's HTML itself, to be loaded from memory: the map never depends on the cache."""
    html: str | None = None
    try:
        target = _cached_page_path()
        if target.exists():
            return target
        html = build_map_page_html()
        _write_page(target, html)
        return target
    except OSError as exc:
        import logging

        log = logging.getLogger(__name__)
        log.warning("the map page is not cached (%s): it is loaded from memory", exc)
        return html if html is not None else build_map_page_html()


def _write_page(target: Path, html: str) -> None:
    """Writes the page whole or not at all; OSError when it cannot be written."""
    from hongtu.core.atomic import ExportError, write_atomic

    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(target, html.encode("utf-8"))
    except ExportError as exc:  # the atomic writer's own kind, for export messages
        raise OSError(str(exc)) from exc


def cached_map_page_file() -> Path | None:
    """The cached page if it is there and current; None when it would have to be built (or the
    cache folder cannot be used: ``map_page`` then builds it in memory)."""
    try:
        target = _cached_page_path()
        return target if target.exists() else None
    except OSError:
        return None


def _cached_page_path() -> Path:
    return paths.cache_dir() / "map" / f"hongtu-map-{_page_key()}.html"


def _page_key() -> str:
    # zlib's CRC, not hashlib: this runs before the page can start loading, and hashlib loads
    # OpenSSL (~4 ms); the key only has to change when the page's inputs do
    key = [__version__, str(paths.resource_path()), PAGE_LAYOUT_VERSION]
    for parts in PAGE_ASSETS:
        stat = paths.resource_path(*parts).stat()
        key.append(f"{parts}:{stat.st_size}:{stat.st_mtime_ns}")
    text = "\n".join(key).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


def _file_url(*parts: str) -> str:
    return paths.resource_path(*parts).as_uri()


def build_map_page_html() -> str:
    """Build the page with Folium: local Leaflet, no base map, outlines, the HongTu JS API."""
    import json

    import folium
    from branca.element import MacroElement
    from jinja2 import Template

    fmap = folium.Map(
        location=list(TAIYUAN_CENTRE),
        zoom_start=DEFAULT_ZOOM,
        tiles=None,
        control_scale=False,  # hongtu-map.js adds a metric-only scale
        prefer_canvas=False,
    )
    fmap.default_js = [
        ("leaflet", _file_url(*LEAFLET_DIR, "leaflet.js")),
        ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"),
        ("hongtu_map", _file_url("web", "hongtu-map.js")),
    ]
    fmap.default_css = [
        ("leaflet_css", _file_url(*LEAFLET_DIR, "leaflet.css")),
        ("hongtu_css", _file_url("web", "hongtu-map.css")),
    ]
    class HongTuFrame(MacroElement):
        """The opening view, set before any layer is drawn (no second projection later)."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "hongtuMap.openAt({{ this.map_name }},"
            " L.latLngBounds({{ this.bounds }}).pad({{ this.pad }}), {{ this.max_zoom }});"
            "{% endmacro %}"
        )

        def __init__(self, map_name: str, bounds: list[list[float]]) -> None:
            super().__init__()
            self.map_name = map_name
            self.bounds = json.dumps(bounds)
            self.pad = FRAME_PAD
            self.max_zoom = FRAME_MAX_ZOOM

    frame = catalogue_frame()
    if frame is not None:
        fmap.add_child(HongTuFrame(fmap.get_name(), frame))
    class DistrictOutlines(MacroElement):
        """The district outlines, as data the page turns into a layer only when it draws them,
        just after the first markers (``hongtuMap.districtOutlines``): building their polygons
        as the page loads held the first markers up by ~20 ms."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = hongtuMap.districtOutlines({{ this.style|tojson }},"
            " function () { return {{ this.data|tojson }}; });"
            "{% endmacro %}"
        )

        def __init__(self, data: object) -> None:
            super().__init__()
            self._name = "DistrictOutlines"
            self.style = OUTLINE_STYLE
            self.data = data

    outlines = DistrictOutlines(
        json.loads(paths.resource_path("data", "districts", "districts.geojson").read_text("utf-8"))
    )
    fmap.add_child(outlines)

    class HongTuInit(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "hongtuMap.init({{ this.map_name }}, {{ this.outline_name }});"
            "{% endmacro %}"
        )

        def __init__(self, map_name: str, outline_name: str) -> None:
            super().__init__()
            self.map_name = map_name
            self.outline_name = outline_name

    fmap.add_child(HongTuInit(fmap.get_name(), outlines.get_name()))
    return fmap.get_root().render()


def catalogue_frame() -> list[list[float]] | None:
    """[[south, west], [north, east]] around every placed catalogue site; None if none is."""
    from hongtu.core.catalogue import load_catalogue

    points = [entry.position.point for entry in load_catalogue() if entry.position is not None]
    if not points:
        return None
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


