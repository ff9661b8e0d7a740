"""The gathering point (集合地点) of a plan: none yet, a catalogue site, or a custom place.

A custom place is a name and a coordinate pasted from a map site (WGS-84). It is saved once it
has both; until the coordinate is known the hint says what is missing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.coords import CoordinateParseError, ParseErrorCode, parse_coordinate_text
from hongtu.core.geo import LatLon
from hongtu.core.plans import CustomPlace, GatheringPoint
from hongtu.core.sites import Site
from hongtu.qt.plan_fields import DebouncedText


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanGathering", text)


def coordinate_error_text(code: ParseErrorCode) -> str:
    return {
        ParseErrorCode.EMPTY: tr("请粘贴坐标"),
        ParseErrorCode.UNEXPECTED_TEXT: tr("无法识别：坐标中有多余的文字"),
        ParseErrorCode.NOT_TWO_NUMBERS: tr("无法识别：需要经度和纬度两个数"),
        ParseErrorCode.INVALID_DMS: tr("无法识别：分、秒应小于 60"),
        ParseErrorCode.HEMISPHERE_CONFLICT: tr("无法识别：南北纬或东西经标注矛盾"),
        ParseErrorCode.AMBIGUOUS: tr("无法判断哪个是经度、哪个是纬度"),
        ParseErrorCode.OUT_OF_CHINA: tr("这个坐标不在中国境内"),
    }[code]


def format_point(point: LatLon) -> str:
    return f"{point.lat:.6f}, {point.lon:.6f}"


class GatheringEditor(QWidget):
    """Choose the gathering point; ``changed(GatheringPoint)`` is called for each saved choice."""

    KINDS = ("none", "site", "custom")

    def __init__(self, changed: Callable[[GatheringPoint], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._changed = changed
        self._sites: list[Site] = []
        self.kind = QComboBox(self)
        self.kind.addItems([tr("未设置"), tr("站点目录中的地点"), tr("自定义地点")])
        self.site = QComboBox(self)
        self.site.setEditable(False)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("名称，如：单位大门"))
        self.coordinate = QLineEdit(self)
        self.coordinate.setPlaceholderText(tr("粘贴坐标，如 37.8706, 112.5489"))
        self.coordinate.setToolTip(
            tr("WGS-84 坐标（GPS、天地图、OpenStreetMap）；高德、百度坐标请先在站点目录中添加地点")
        )
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("gatheringHint")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self))
        self.pages.addWidget(self.site)
        custom = QWidget(self)
        custom_layout = QVBoxLayout(custom)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.coordinate, 3)
        custom_layout.addLayout(row)
        custom_layout.addWidget(self.hint)
        self.pages.addWidget(custom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)
        self.name_text = DebouncedText(self.name, self._on_custom_typed, self)
        self.coordinate_text = DebouncedText(self.coordinate, self._on_custom_typed, self)
        self.kind.activated.connect(self._on_kind_activated)
        self.site.activated.connect(self._on_site_activated)

    # ---- content -------------------------------------------------------------------------------
    def set_sites(self, sites: list[Site]) -> None:
        self._sites = sorted(sites, key=lambda s: s.name)
        current = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        for site in self._sites:
            self.site.addItem(site.name, site.id)
        self.site.setCurrentIndex(max(0, self.site.findData(current)))
        self.site.blockSignals(False)

    def show_gathering(self, gathering: GatheringPoint) -> None:
        if gathering.custom is not None:
            self._set_kind(2)
            self.name_text.show_value(gathering.custom.name)
            if not self.coordinate_text.pending:
                self.coordinate_text.show_value(format_point(gathering.custom.point))
            self.hint.setText(tr("坐标已保存（WGS-84）"))
        elif gathering.site_id is not None:
            self._set_kind(1)
            self.site.setCurrentIndex(max(0, self.site.findData(gathering.site_id)))
        elif self.kind.currentIndex() != 2:  # keep a custom place being typed
            self._set_kind(0)

    def flush(self) -> None:
        self.name_text.flush()
        self.coordinate_text.flush()

    def _set_kind(self, index: int) -> None:
        self.kind.setCurrentIndex(index)
        self.pages.setCurrentIndex(index)

    # ---- slots ---------------------------------------------------------------------------------
    def _on_kind_activated(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if index == 0:
            self._changed(GatheringPoint())
        elif index == 1 and self.site.count():
            self._on_site_activated(self.site.currentIndex())
        elif index == 2:
            self.hint.setText(tr("填写名称并粘贴坐标后保存"))
            self.name.setFocus()

    def _on_site_activated(self, index: int) -> None:
        site_id = self.site.itemData(index)
        if site_id is not None:
            self._changed(GatheringPoint(site_id=int(site_id)))

    def _on_custom_typed(self, _text: str) -> None:
        name = self.name.text().strip()
        text = self.coordinate.text()
        if not text.strip():
            self.hint.setText(tr("坐标未知：第一段和返程路程无法计算。粘贴坐标后保存此集合地点。"))
            return
        try:
            point = parse_coordinate_text(text)
        except CoordinateParseError as exc:
            self.hint.setText(coordinate_error_text(exc.code))
            return
        if not name:
            self.hint.setText(tr("请填写集合地点的名称"))
            return
        self.hint.setText(tr("坐标已保存（WGS-84）"))
        self._changed(GatheringPoint(custom=CustomPlace(name, point)))
