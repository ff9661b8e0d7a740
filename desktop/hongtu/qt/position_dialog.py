"""Correcting a site's position: drag its marker, or paste a coordinate and choose its system.

The dialog is not modal, so the organiser can drag the marker on the map while it is open. It
only collects a candidate and emits what the organiser asked for; ``CorrectionFlow`` stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.coords import CoordinateParseError, ParseErrorCode
from hongtu.core.geo import Crs, LatLon
from hongtu.core.routing import distance_km
from hongtu.core.sites import PositionOrigin, Site
from hongtu.qt.coordinate_input import CrsCombo, OwnEnterLineEdit, point_text, read_paste
from hongtu.qt.map_controller import MapController, outside_china_text
from hongtu.qt.messages import plain_label
from hongtu.qt.tool_placement import place_beside

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore


def tr(text: str) -> str:
    return QCoreApplication.translate("PositionDialog", text)


def parse_error_text(code: ParseErrorCode) -> str:
    return {
        ParseErrorCode.EMPTY: tr("请粘贴或输入坐标。"),
        ParseErrorCode.UNEXPECTED_TEXT: tr(
            "坐标里有无法识别的文字。"
            "请只粘贴两个数：经度,纬度（例如 112.5489,37.8706）。"
        ),
        ParseErrorCode.NOT_TWO_NUMBERS: tr("需要两个数：经度和纬度。"),
        ParseErrorCode.INVALID_DMS: tr("度分秒格式不正确（分、秒应小于 60）。"),
        ParseErrorCode.HEMISPHERE_CONFLICT: tr("两个数都标成了纬度（或都标成了经度）。"),
        ParseErrorCode.AMBIGUOUS: tr("分不清哪个是纬度、哪个是经度，请加上“纬度”“经度”标注。"),
        ParseErrorCode.OUT_OF_CHINA: tr(
            "这个坐标不在中国境内。请粘贴以度为单位的经度,纬度（例如 112.5489,37.8706）。"
        ),
        ParseErrorCode.PROJECTED: tr(
            "这是以米为单位的墨卡托坐标（如百度地图的 12529000,4534000），不是经纬度，"
            "红途无法准确换算。请粘贴经纬度，例如 112.5489,37.8706。"
        ),
        ParseErrorCode.SHORT_LINK: tr(
            "短链接需要联网打开，红途不会替您打开，也读不出其中的位置。"
            "请在地图上找到这个地点，复制它的坐标（例如 112.5489,37.8706）粘贴到这里。"
        ),
        ParseErrorCode.UNREADABLE_LINK: tr(
            "从这个网址读不出位置。可以粘贴高德、百度、腾讯地图的标注链接或 OpenStreetMap 链接，"
            "或者只粘贴两个数：经度,纬度（例如 112.5489,37.8706）。"
        ),
    }[code]


def moved_text(old: LatLon | None, new: LatLon) -> str:
    if old is None:
        return tr("新位置：{0}（WGS-84）").format(point_text(new))
    metres = distance_km(old, new) * 1000.0
    return tr("新位置：{0}（WGS-84），距原位置约 {1} 米").format(point_text(new), round(metres))


class PositionDialog(QDialog):
    candidate_changed = Signal(object)  # LatLon, WGS-84: show it on the map
    save_requested = Signal(object, str)  # LatLon (WGS-84), Crs value it was given in
    restore_requested = Signal()

    def __init__(self, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = site
        self.setWindowTitle(tr("更正位置 — {0}").format(site.name))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.candidate: LatLon | None = None
        self.candidate_crs = Crs.WGS84
        self.candidate_pasted = False  # the candidate is the paste box's text read in self.crs
        self._build()

    def _build(self) -> None:
        self.paste = OwnEnterLineEdit(self)
        self.paste.setPlaceholderText(tr("例如 112.5632,37.8571（从高德地图复制）"))
        self.crs = CrsCombo(self)
        self.show_button = QPushButton(tr("在地图上显示"), self)
        self.result_label = plain_label(parent=self)
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            tr("保存新位置"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setEnabled(False)
        self.restore_button = self.buttons.addButton(
            tr("恢复目录坐标"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.restore_button.setVisible(self._can_restore())
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self._layout()
        self.show_button.clicked.connect(self._on_show_clicked)
        self.paste.returnPressed.connect(self._on_show_clicked)
        self.paste.textEdited.connect(self._on_paste_edited)
        self.crs.currentIndexChanged.connect(self._on_crs_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.restore_button.clicked.connect(self.restore_requested)
        self.buttons.rejected.connect(self.reject)

    def _layout(self) -> None:
        current = self.site.position
        where = (
            tr("当前：{0}（WGS-84）").format(point_text(current.point))
            if current
            else tr("当前：位置未知")
        )
        intro = plain_label(
            where + "\n" + tr("在地图上拖动带蓝圈的标记，或粘贴坐标并选择它的坐标系。"), self
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.paste, 1)
        row.addWidget(self.show_button)
        form = QFormLayout()
        form.addRow(tr("坐标"), row)
        form.addRow(tr("坐标系"), self.crs)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def _can_restore(self) -> bool:
        position = self.site.position
        return (
            self.site.key is not None
            and position is not None
            and (position.origin is PositionOrigin.USER)
        )

    # ---- input ---------------------------------------------------------------------------------
    def _on_show_clicked(self) -> None:
        try:
            point, crs, said = read_paste(self.paste.text(), self.crs)
        except CoordinateParseError as exc:
            self._drop_candidate()
            self.show_error(parse_error_text(exc.code))
            return
        self.set_candidate(point, crs)
        self.candidate_pasted = True
        self.result_label.setText(said + "\n" + self.result_label.text())
        self.candidate_changed.emit(point)

    def set_candidate(self, point: LatLon, crs: Crs) -> None:
        """A candidate from the paste box or from dragging the marker (already WGS-84)."""
        self.candidate = point
        self.candidate_crs = crs
        self.candidate_pasted = False
        old = self.site.position.point if self.site.position else None
        self.result_label.setStyleSheet("")
        self.result_label.setText(moved_text(old, point) + "\n" + tr("确认无误后点“保存新位置”。"))
        self.save_button.setEnabled(True)

    def _on_paste_edited(self, _text: str) -> None:
        """A changed coordinate is not the one shown: 保存 waits until it is shown again."""
        self.crs.free()
        if self.candidate is not None:
            self._drop_candidate()
            self.result_label.setStyleSheet("")
            self.result_label.setText(tr("坐标已改动：请点“在地图上显示”，核对后再保存。"))

    def _on_crs_changed(self, _index: int) -> None:
        """The pasted coordinate read in the newly chosen system, shown again on the map."""
        if self.candidate_pasted:
            self._on_show_clicked()

    def _drop_candidate(self) -> None:
        self.candidate = None
        self.candidate_pasted = False
        self.save_button.setEnabled(False)

    def show_error(self, text: str) -> None:
        self.result_label.setStyleSheet("color:#b71c1c")
        self.result_label.setText(text)

    def _on_save_clicked(self) -> None:
        if self.candidate is not None:
            self.save_requested.emit(self.candidate, self.candidate_crs.value)


class CorrectionFlow(QObject):
    """Dialog ↔ map ↔ store for one correction at a time."""

    site_changed = Signal(object)  # the Site as stored now

    def __init__(
        self,
        store: Callable[[], SiteStore | None],
        map_controller: MapController,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._map = map_controller
        self._parent = parent
        self.dialog: PositionDialog | None = None
        map_controller.site_dragged.connect(self._on_map_site_dragged)
        map_controller.place_picked.connect(self._on_map_place_picked)
        map_controller.outside_china.connect(self._on_map_outside_china)

    def start(self, site: Site) -> PositionDialog:
        self.finish()
        dialog = PositionDialog(site, self._parent)
        dialog.candidate_changed.connect(self._on_dialog_candidate_changed)
        dialog.save_requested.connect(self._on_dialog_save_requested)
        dialog.restore_requested.connect(self._on_dialog_restore_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        if site.position is not None:
            self._map.start_correcting(site.id, site.position.point)
        dialog.show()
        self._place(dialog)
        return dialog

    def _place(self, dialog: QWidget) -> None:
        place_beside(dialog, self._map.view)

    def finish(self) -> None:
        dialog, self.dialog = self.dialog, None
        self._map.stop_correcting()
        self._map.show_preview(None)
        if dialog is not None:
            dialog.close()

    def _on_dialog_candidate_changed(self, point: LatLon) -> None:
        if self.dialog is None:
            return
        if self.dialog.site.position is not None:
            self._map.move_correction(point)
        else:
            self._map.show_preview(point)  # no marker yet: a draggable pin stands in

    def _on_map_site_dragged(self, site_id: int, point: LatLon) -> None:
        if self.dialog is not None and self.dialog.site.id == site_id:
            self.dialog.set_candidate(point, self._map.crs)

    def _on_map_place_picked(self, point: LatLon) -> None:
        if self.dialog is not None and self.dialog.site.position is None:
            self.dialog.set_candidate(point, self._map.crs)

    def _on_map_outside_china(self) -> None:
        if self.dialog is not None:
            self.dialog.show_error(outside_china_text())

    def _on_dialog_save_requested(self, point: LatLon, crs: str) -> None:
        store = self._store()
        if self.dialog is None or store is None:
            return
        site = store.set_position(self.dialog.site.id, point, Crs(crs))
        self.finish()
        self.site_changed.emit(site)

    def _on_dialog_restore_requested(self) -> None:
        store = self._store()
        if self.dialog is None or store is None:
            return
        site = store.restore_catalogue_position(self.dialog.site.id)
        self.finish()
        self.site_changed.emit(site)

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None and self.sender() is self.dialog:
            self.dialog = None
            self._map.stop_correcting()
            self._map.show_preview(None)
