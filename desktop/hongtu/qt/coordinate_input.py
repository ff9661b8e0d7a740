"""Typing or pasting a coordinate, the same way everywhere (gathering point, 添加地点, 更正位置).

People copy coordinates from 高德 or a phone map app, which show GCJ-02, so GCJ-02 is the first
choice; WGS-84 (GPS, 天地图, OpenStreetMap) and BD-09 (百度) follow. Whatever was chosen, HongTu
stores WGS-84 and says so: ``conversion_text`` shows the stored value and how far the conversion
moved the point. A map site's link is read too (``read_pasted_position``): it states its own
system, which is then chosen, greyed, and named with the numbers the link holds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from hongtu.core.coords import to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.core.map_links import MapSite, PastedPosition, read_pasted_position
from hongtu.core.routing import distance_km


def tr(text: str) -> str:
    return QCoreApplication.translate("CoordinateInput", text)


def crs_choices() -> list[tuple[Crs, str]]:
    """Pasting from 高德 is the common case, so GCJ-02 comes first (the default)."""
    return [
        (Crs.GCJ02, tr("GCJ-02（高德、腾讯、手机地图）")),
        (Crs.WGS84, tr("WGS-84（GPS、天地图、OpenStreetMap）")),
        (Crs.BD09, tr("BD-09（百度地图）")),
    ]


def crs_name(crs: Crs) -> str:
    return {Crs.GCJ02: "GCJ-02", Crs.WGS84: "WGS-84", Crs.BD09: "BD-09"}[crs]


def point_text(point: LatLon) -> str:
    return f"{point.lat:.6f}, {point.lon:.6f}"


def shift_metres(given: LatLon, crs: Crs) -> float:
    """How far converting ``given`` from ``crs`` to WGS-84 moves it."""
    return distance_km(given, to_wgs84(given, crs)) * 1000.0


def conversion_text(given: LatLon, crs: Crs) -> str:
    """What is stored for a point typed in ``crs``: the WGS-84 value and the shift."""
    stored = to_wgs84(given, crs)
    if crs is Crs.WGS84:
        return tr("保存为 WGS-84：{0}（无需换算）").format(point_text(stored))
    return tr("保存为 WGS-84：{0}（由 {1} 换算，偏移约 {2} 米）").format(
        point_text(stored), crs_name(crs), round(shift_metres(given, crs))
    )


def map_site_name(site: MapSite) -> str:
    return {
        MapSite.AMAP: tr("高德地图"),
        MapSite.BAIDU: tr("百度地图"),
        MapSite.TENCENT: tr("腾讯地图"),
        MapSite.OSM: "OpenStreetMap",
    }[site]


def link_text(pasted: PastedPosition, crs: Crs) -> str:
    """The numbers a map link holds, and the system it states (``crs``)."""
    name = map_site_name(pasted.site) if pasted.site is not None else ""
    return tr("{0}链接：经度 {1}，纬度 {2}（{3}）").format(
        name, pasted.point.lon, pasted.point.lat, crs_name(crs)
    )


def read_paste(text: str, combo: CrsCombo) -> tuple[LatLon, Crs, str]:
    """The position pasted as ``text``, in WGS-84; the system it was read in; and what to say.

    Two numbers are read in the system chosen in ``combo``. A map link states its own: it is
    chosen there and greyed while the link is in the box (``CrsCombo.free``). Raises
    ``CoordinateParseError``.
    """
    pasted = read_pasted_position(text)
    if pasted.crs is not None:
        combo.hold(pasted.crs)
    crs = combo.crs()
    return to_wgs84(pasted.point, crs), crs, pasted_text(pasted, crs)


def pasted_text(pasted: PastedPosition, crs: Crs) -> str:
    """What is stored for a position pasted and read in ``crs`` (and what a link held)."""
    said = conversion_text(pasted.point, crs)
    return said if pasted.site is None else link_text(pasted, crs) + "\n" + said


class CrsCombo(QComboBox):
    """The coordinate-system choice, GCJ-02 first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for crs, label in crs_choices():
            self.addItem(label, crs.value)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setToolTip(
            tr(
                "坐标是从哪里复制的？高德、腾讯和多数手机地图是 GCJ-02，"
                "百度是 BD-09，GPS 是 WGS-84。"
            )
        )

    def crs(self) -> Crs:
        return Crs(self.currentData())

    def set_crs(self, crs: Crs) -> None:
        self.setCurrentIndex(max(0, self.findData(crs.value)))

    def hold(self, crs: Crs) -> None:
        """The system a pasted link states: chosen (quietly) and greyed, as it is not a choice."""
        was_blocked = self.blockSignals(True)
        self.set_crs(crs)
        self.blockSignals(was_blocked)
        self.setEnabled(False)

    def free(self) -> None:
        """What is pasted is no longer a link that states its system: the choice is back."""
        self.setEnabled(True)


class OwnEnterLineEdit(QLineEdit):
    """A box whose Enter does its own thing (在地图上显示, 查找) and nothing more.

    A plain ``QLineEdit`` emits ``returnPressed`` and then passes Enter on to its dialog, which
    clicks its default button: pasting a coordinate and pressing Enter would show it and, with
    保存 enabled a moment before, save it unreviewed. Here Enter stops at the box.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
