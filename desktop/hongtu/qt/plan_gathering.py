"""The gathering point (集合地点) of a plan: none yet, a catalogue site, or a custom place.

A custom place is a name and, when the organiser knows it, a coordinate pasted from a map site in
the system chosen beside it (GCJ-02 first, as 高德 and phone apps show; stored as WGS-84). The
field goes on showing the coordinate as it was pasted, in its system and order (“112.5636,
37.8676”, GCJ-02), so it can still be compared with the map it came from; a plan opened with
nothing pasted in this window shows the stored WGS-84 value, and the choice says so. A map
site's link (高德, 百度, 腾讯, OpenStreetMap) is read too, in the system it states (the choice
shows it, greyed). The
name is saved as it is typed (debounced), with or without a coordinate: organisers gather at
"单位大门" and rarely know where that is on a map. Without a coordinate the legs from and
back to it count as unknown distances; the coordinate can be pasted later, or a catalogue site
chosen instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.coords import CoordinateParseError, ParseErrorCode
from hongtu.core.geo import Crs, LatLon
from hongtu.core.limits import TEXT_LIMITS
from hongtu.core.map_links import read_pasted_position
from hongtu.core.plans import CustomPlace, GatheringPoint
from hongtu.core.sites import Site
from hongtu.qt.coordinate_input import CrsCombo, pasted_text, read_paste
from hongtu.qt.messages import plain_label
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
        ParseErrorCode.PROJECTED: tr("无法使用以米为单位的墨卡托坐标，请粘贴经纬度"),
        ParseErrorCode.SHORT_LINK: tr("短链接需要联网打开，请粘贴坐标"),
        ParseErrorCode.UNREADABLE_LINK: tr("从这个网址读不出位置，请粘贴坐标"),
    }[code]


def format_point(point: LatLon) -> str:
    return f"{point.lat:.6f}, {point.lon:.6f}"


def position_text(place: CustomPlace) -> str:
    if place.point is None:
        return tr("位置未知（路程按未知计算）：可稍后粘贴坐标，或改选站点目录中的地点。")
    return tr("坐标已保存（WGS-84）")


def _saved_text(text: str, crs: Crs) -> str:
    """The hint for a coordinate pasted as ``text`` in ``crs``: what was stored, and the shift
    (and the numbers a map link held)."""
    return tr("坐标已保存。{0}").format(pasted_text(read_pasted_position(text), crs))


class GatheringEditor(QWidget):
    """Choose the gathering point; ``changed(GatheringPoint)`` is called for each saved choice."""

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
        self.name.setMaxLength(TEXT_LIMITS["place"])
        self.coordinate = QLineEdit(self)
        self.coordinate.setPlaceholderText(tr("坐标（可稍后粘贴），如 112.5489, 37.8706"))
        self.coordinate.setToolTip(tr("粘贴坐标，并在旁边选择它来自哪种地图"))
        self.crs = CrsCombo(self)
        # on a row of its own: as wide as its longest choice, so the chosen system reads whole
        # ("GCJ-02 (Amap, Tencent, phone map ap" in an English 1280-px window)
        self.crs.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hint = plain_label(parent=self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("gatheringHint")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self))
        self.pages.addWidget(self.site)
        custom = QWidget(self)
        custom_layout = QVBoxLayout(custom)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        custom_layout.addWidget(self.name)
        # one above the other: side by side, a laptop's narrow pane cut both short
        custom_layout.addWidget(self.coordinate)
        custom_layout.addWidget(self.crs)
        custom_layout.addWidget(self.hint)
        self.pages.addWidget(custom)
        # never taller than the page shown (a stacked layout offers to grow, taking room that
        # 工作要求 below should get)
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.pages.currentChanged.connect(self._fit_page)
        self._fit_page(self.pages.currentIndex())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)
        self.name_text = DebouncedText(self.name, self._on_custom_typed, self)
        self.coordinate_text = DebouncedText(self.coordinate, self._on_custom_typed, self)
        self.coordinate.textEdited.connect(self.crs.free)  # a link typed over: the choice is back
        self._saving = False  # our own save coming back through show_gathering
        self._saved_point: LatLon | None = None  # of the custom place last saved or shown
        # what was pasted for each point saved from this editor, and in which system: shown
        # again for that point (a later edit of the plan brought back the WGS-84 value)
        self._pasted: dict[LatLon, tuple[str, Crs]] = {}
        # the plan shown has a custom place saved (False while one is only being typed)
        self._custom_saved = False
        self.kind.activated.connect(self._on_kind_activated)
        self.site.activated.connect(self._on_site_activated)
        self.crs.activated.connect(self._on_crs_activated)

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

    def show_gathering(self, gathering: GatheringPoint, *, opened: bool = False) -> None:
        """Show the saved gathering point; ``opened``: it belongs to a plan just opened."""
        if self._saving:  # the fields already show what was typed; the hint is set after saving
            return
        custom = gathering.custom
        self._saved_point = custom.point if custom is not None else None
        was_custom, self._custom_saved = self._custom_saved, custom is not None
        if custom is not None:
            self._set_kind(2)
            self.name_text.show_value(custom.name)
            pasted = self._pasted.get(custom.point) if custom.point is not None else None
            if pasted is not None:  # as it was pasted, in its system and order
                text, crs = pasted
                self.coordinate_text.show_value(text)
                self.crs.free()
                self.crs.set_crs(crs)
                if read_pasted_position(text).crs is not None:  # a map link's own system
                    self.crs.hold(crs)
                self.hint.setText(_saved_text(text, crs))
                return
            point_text = format_point(custom.point) if custom.point is not None else ""
            self.coordinate_text.show_value(point_text)
            self.crs.free()
            if custom.point is not None:  # what is shown is the stored WGS-84 value
                self.crs.set_crs(Crs.WGS84)
            self.hint.setText(position_text(custom))
            return
        if gathering.site_id is not None:
            self._set_kind(1)
            self.site.setCurrentIndex(max(0, self.site.findData(gathering.site_id)))
        elif opened or was_custom or self.kind.currentIndex() != 2:
            self._set_kind(0)  # kept: a custom place being typed, not saved yet
        if opened:
            self.name_text.show_value("")
            self.coordinate_text.show_value("")
            self.crs.free()
            self.crs.set_crs(Crs.GCJ02)

    def flush(self) -> None:
        self.name_text.flush()
        self.coordinate_text.flush()

    def _fit_page(self, index: int) -> None:
        """The stack as tall as the page shown: hidden pages do not count (a stack is as tall as
        its tallest page, and the custom place's four rows squeezed 工作要求 below)."""
        for page in range(self.pages.count()):
            widget = self.pages.widget(page)
            assert widget is not None
            vertical = QSizePolicy.Policy.Preferred if page == index else QSizePolicy.Policy.Ignored
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self.pages.updateGeometry()

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
            self.name.setFocus()
            if self.name.text().strip():
                self._on_custom_typed("")  # back to the custom place still in the fields
            else:
                self.hint.setText(tr("填写名称即可保存；坐标可以稍后粘贴。"))

    def _on_crs_activated(self, _index: int) -> None:
        if self.coordinate.text().strip():
            self.coordinate_text.flush()
            self._on_custom_typed("")

    def _on_site_activated(self, index: int) -> None:
        site_id = self.site.itemData(index)
        if site_id is not None:
            self._changed(GatheringPoint(site_id=int(site_id)))

    def _on_custom_typed(self, _text: str) -> None:
        """Save the typed name with the typed coordinate, or without one while it is blank.

        A coordinate that cannot be read keeps the one saved before (if any) and says why.
        """
        if self.kind.currentIndex() != 2:  # a flush after another kind was chosen
            return
        name = self.name.text().strip()
        point, error = self._typed_point()
        if not name:
            self.hint.setText(error or tr("请填写集合地点的名称"))
            return
        place = CustomPlace(name, point)
        self._saving = True
        try:
            self._changed(GatheringPoint(custom=place))
        finally:
            self._saving = False
        self._saved_point = point
        self._custom_saved = True
        if error or point is None:
            self.hint.setText(error or position_text(place))
        else:
            pasted = self.coordinate.text().strip(), self.crs.crs()
            self._pasted[point] = pasted
            self.hint.setText(_saved_text(*pasted))

    def _typed_point(self) -> tuple[LatLon | None, str]:
        """The coordinate typed, in WGS-84 (None while blank), or the saved one and why not."""
        text = self.coordinate.text()
        if not text.strip():
            return None, ""
        try:
            return read_paste(text, self.crs)[0], ""
        except CoordinateParseError as exc:
            return self._saved_point, coordinate_error_text(exc.code)
