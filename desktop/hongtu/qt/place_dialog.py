"""Adding a place: click the map, paste a coordinate, or look an address up (off the GUI thread).

Whatever the source, the point is only a candidate shown as a pin on the map; nothing is saved
until the organiser presses 保存. Fields left empty stay unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.coords import CoordinateParseError
from hongtu.core.districts import district_containing
from hongtu.core.geo import Crs, LatLon
from hongtu.core.geocoding import (
    Candidate,
    GeocodeError,
    GeocodeFailure,
    GeocoderKind,
    GeocoderService,
)
from hongtu.core.places import PlaceError, PlaceProblem, add_place
from hongtu.core.sites import MAX_PLACE_NAME
from hongtu.qt.coordinate_input import CrsCombo, OwnEnterLineEdit, point_text, read_paste
from hongtu.qt.map_controller import MapController, outside_china_text
from hongtu.qt.messages import plain_label
from hongtu.qt.position_dialog import parse_error_text
from hongtu.qt.tasks import TaskRunner
from hongtu.qt.tool_placement import place_beside

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore

GEOCODE_TIMEOUT_MS = 12_000  # geopy's own timeout is 10 s; this is the last resort

ServiceFactory = Callable[[GeocoderKind], GeocoderService]


def tr(text: str) -> str:
    return QCoreApplication.translate("PlaceDialog", text)


def geocode_failure_text(failure: GeocodeFailure) -> str:
    return {
        GeocodeFailure.OFFLINE: tr("无法连接地址查询服务：可能没有网络，或服务被屏蔽。"),
        GeocodeFailure.TIMEOUT: tr("地址查询超时（10 秒内没有回答），请稍后再试。"),
        GeocodeFailure.REFUSED: tr("地址查询服务拒绝了请求：密钥无效、额度用完或请求太频繁。"),
        GeocodeFailure.NO_RESULT: tr("没有找到这个地址。可以换个写法，或直接在地图上点击。"),
        GeocodeFailure.NO_KEY: tr("百度地址查询需要密钥，请先在“设置”中填写百度密钥。"),
        GeocodeFailure.SERVICE_ERROR: tr("地址查询服务出错，请稍后再试。"),
    }[failure]


def failure_of_error(error: BaseException) -> GeocodeFailure:
    if isinstance(error, GeocodeError):
        return error.failure
    if isinstance(error, TimeoutError):
        return GeocodeFailure.TIMEOUT
    return GeocodeFailure.SERVICE_ERROR


def place_error_text(error: PlaceError) -> str:
    """Why a place was not saved, and what to do."""
    return {
        PlaceProblem.NO_NAME: tr("请填写名称。"),
        PlaceProblem.NAME_TOO_LONG: tr("名称太长了（最多 {0} 个字）。").format(MAX_PLACE_NAME),
        PlaceProblem.DUPLICATE_NAME: tr(
            "已经有一个叫“{0}”的地点了。请换个名称（例如加上门牌或方位），"
            "或在站点列表里使用已有的地点。"
        ).format(error.detail),
        PlaceProblem.OUTSIDE_CHINA: tr("这个位置不在中国境内，不能保存为地点。"),
        PlaceProblem.UNKNOWN_DISTRICT: tr("未知的区县。"),
    }[error.problem]


def district_text(point: LatLon) -> str:
    district = district_containing(point)
    if district is None:
        return tr("不在已收录的区县范围内")
    return district.name


class PlaceDialog(QDialog):
    candidate_changed = Signal(object)  # LatLon (WGS-84) to show on the map
    geocode_requested = Signal(str, str)  # query, GeocoderKind value
    save_requested = Signal(str, object, str, str)  # name, LatLon, Crs value, address

    def __init__(self, parent: QWidget | None = None, baidu_available: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("添加地点"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.candidate: LatLon | None = None
        self.candidate_crs = Crs.WGS84
        self.candidate_pasted = False  # the candidate is the paste box's text read in self.crs
        self._build(baidu_available)

    def _build(self, baidu_available: bool) -> None:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("必填，例如：某某村党史馆"))
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(tr("可不填"))
        self.query = OwnEnterLineEdit(self)
        self.query.setPlaceholderText(tr("例如：太原市迎泽区迎泽公园"))
        self.provider = QComboBox(self)
        self.provider.addItem(tr("百度地图（需要密钥）"), GeocoderKind.BAIDU.value)
        self.provider.addItem(tr("OpenStreetMap Nominatim"), GeocoderKind.NOMINATIM.value)
        self.provider.setCurrentIndex(0 if baidu_available else 1)
        self.search_button = QPushButton(tr("查找"), self)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(110)
        self.paste = OwnEnterLineEdit(self)
        self.paste.setPlaceholderText(tr("例如 112.5632,37.8571"))
        self.crs = CrsCombo(self)
        self.paste_button = QPushButton(tr("在地图上显示"), self)
        self.status = plain_label(
            tr("在地图上点击要添加的位置，或粘贴坐标，或输入地址查找。"), self
        )
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            tr("保存地点"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self._layout()
        self._connect()
        self._update_save()

    def _layout(self) -> None:
        # The dialog opens beside the map, where a laptop leaves it ~400 px: the address and the
        # coordinate each get a whole line (they are what is typed), their choices and buttons
        # the line below, and the combo boxes may narrow (eliding) rather than widen the dialog.
        self.provider.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.provider.setMinimumContentsLength(10)
        search_row = QHBoxLayout()
        search_row.addWidget(self.provider, 1)
        search_row.addWidget(self.search_button)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.crs, 1)
        paste_row.addWidget(self.paste_button)
        form = QFormLayout()
        form.addRow(tr("名称"), self.name)
        form.addRow(tr("地址"), self.address)
        form.addRow(tr("查地址"), self.query)
        form.addRow("", search_row)
        form.addRow("", self.results)
        form.addRow(tr("粘贴坐标"), self.paste)
        form.addRow("", paste_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def _connect(self) -> None:
        self.name.textChanged.connect(self._update_save)
        self.search_button.clicked.connect(self._on_search_clicked)
        self.query.returnPressed.connect(self._on_search_clicked)
        self.paste_button.clicked.connect(self._on_paste_clicked)
        self.paste.returnPressed.connect(self._on_paste_clicked)
        self.paste.textEdited.connect(self._on_paste_edited)
        self.crs.currentIndexChanged.connect(self._on_crs_changed)
        self.results.currentItemChanged.connect(self._on_result_chosen)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def _update_save(self) -> None:
        self.save_button.setEnabled(bool(self.name.text().strip()) and self.candidate is not None)

    # ---- the three ways to a candidate ---------------------------------------------------------
    def set_candidate(self, point: LatLon, crs: Crs, pan: bool = False) -> None:
        self.candidate = point
        self.candidate_crs = crs
        self.candidate_pasted = False
        self.status.setStyleSheet("")
        self.status.setText(
            tr("位置：{0}（WGS-84）· {1}。请在地图上核对蓝色图钉，可拖动微调。").format(
                point_text(point), district_text(point)
            )
        )
        self._update_save()
        if pan:
            self.candidate_changed.emit(point)

    def _on_paste_clicked(self) -> None:
        try:
            point, crs, said = read_paste(self.paste.text(), self.crs)
        except CoordinateParseError as exc:
            self._drop_candidate()
            self.show_error(parse_error_text(exc.code))
            return
        self.set_candidate(point, crs, pan=True)
        self.candidate_pasted = True
        self.status.setText(said + "\n" + self.status.text())

    def _on_paste_edited(self, _text: str) -> None:
        """A changed coordinate is not the one shown: 保存 waits until it is shown again."""
        self.crs.free()
        if self.candidate is not None:
            self._drop_candidate()
            self.status.setStyleSheet("")
            self.status.setText(tr("坐标已改动：请点“在地图上显示”，核对后再保存。"))

    def _on_crs_changed(self, _index: int) -> None:
        """The pasted coordinate read in the newly chosen system, shown again on the map."""
        if self.candidate_pasted:
            self._on_paste_clicked()

    def _drop_candidate(self) -> None:
        self.candidate = None
        self.candidate_pasted = False
        self._update_save()

    def _on_search_clicked(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.show_error(tr("请输入要查找的地址。"))
            return
        self.search_button.setEnabled(False)
        self.results.clear()
        self.status.setStyleSheet("")
        self.status.setText(tr("正在查找……"))
        if not self.address.text().strip():
            self.address.setText(text)
        self.geocode_requested.emit(text, self.provider.currentData())

    def show_candidates(self, candidates: list[Candidate]) -> None:
        self.search_button.setEnabled(True)
        self.results.clear()
        for candidate in candidates:
            item = QListWidgetItem(f"{candidate.label} — {district_text(candidate.point)}")
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            self.results.addItem(item)
        self.results.setCurrentRow(0)

    def show_geocode_failure(self, failure: GeocodeFailure) -> None:
        self.search_button.setEnabled(True)
        self.show_error(geocode_failure_text(failure))

    def _on_result_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        candidate: Candidate = item.data(Qt.ItemDataRole.UserRole)
        self.set_candidate(candidate.point, candidate.source_crs, pan=True)

    def show_error(self, text: str) -> None:
        self.status.setStyleSheet("color:#b71c1c")
        self.status.setText(text)

    def _on_save_clicked(self) -> None:
        name = self.name.text().strip()
        if not name or self.candidate is None:
            return
        self.save_requested.emit(
            name, self.candidate, self.candidate_crs.value, self.address.text().strip()
        )


class AddPlaceFlow(QObject):
    """Dialog ↔ map ↔ geocoder ↔ store for adding one place."""

    site_added = Signal(object)  # the stored Site

    def __init__(
        self,
        store: Callable[[], SiteStore | None],
        map_controller: MapController,
        runner: TaskRunner,
        services: ServiceFactory,
        parent: QWidget,
        baidu_available: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._map = map_controller
        self.runner = runner
        self.services = services
        self._parent = parent
        self._baidu_available = baidu_available
        self.dialog: PlaceDialog | None = None
        map_controller.place_picked.connect(self._on_map_place_picked)
        map_controller.outside_china.connect(self._on_map_outside_china)

    def start(self) -> PlaceDialog:
        self.finish()
        dialog = PlaceDialog(self._parent, self._baidu_available())
        dialog.candidate_changed.connect(self._on_dialog_candidate_changed)
        dialog.geocode_requested.connect(self._on_dialog_geocode_requested)
        dialog.save_requested.connect(self._on_dialog_save_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        self._map.start_adding()
        dialog.show()
        self._place(dialog)
        return dialog

    def _place(self, dialog: QWidget) -> None:
        place_beside(dialog, self._map.view)

    def finish(self) -> None:
        dialog, self.dialog = self.dialog, None
        self._map.stop_adding()
        if dialog is not None:
            dialog.close()

    def _on_map_place_picked(self, point: LatLon) -> None:
        if self.dialog is not None and self._map.adding:
            self.dialog.set_candidate(point, self._map.crs)

    def _on_map_outside_china(self) -> None:
        if self.dialog is not None and self._map.adding:
            self.dialog.show_error(outside_china_text())

    def _on_dialog_candidate_changed(self, point: LatLon) -> None:
        self._map.show_preview(point)

    def _on_dialog_geocode_requested(self, query: str, kind: str) -> None:
        dialog = self.dialog
        try:
            service = self.services(GeocoderKind(kind))
        except GeocodeError as exc:
            self._on_geocode_failed(dialog, exc)
            return
        self.runner.run(
            lambda: service.geocode(query),
            lambda result: self._on_geocoded(dialog, result),
            lambda error: self._on_geocode_failed(dialog, error),
            GEOCODE_TIMEOUT_MS,
        )

    def _on_geocoded(self, dialog: PlaceDialog | None, candidates: list[Candidate]) -> None:
        if dialog is not None and dialog is self.dialog:
            dialog.show_candidates(candidates)

    def _on_geocode_failed(self, dialog: PlaceDialog | None, error: BaseException) -> None:
        if dialog is not None and dialog is self.dialog:
            dialog.show_geocode_failure(failure_of_error(error))

    def _on_dialog_save_requested(self, name: str, point: LatLon, crs: str, address: str) -> None:
        store = self._store()
        if store is None:
            return
        try:
            site = add_place(store, name, point, Crs(crs), address=address or None)
        except PlaceError as exc:  # nothing was stored: the dialog stays open to change it
            if self.dialog is not None:
                self.dialog.show_error(place_error_text(exc))
            return
        self.finish()
        self.site_added.emit(site)

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None and self.sender() is self.dialog:
            self.dialog = None
            self._map.stop_adding()
