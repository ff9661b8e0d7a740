"""下载离线地图: choose an area, a zoom range and a provider, see the size, then fetch the tiles
into one MBTiles package off the GUI thread, with a progress bar and 取消.

The download itself is ``core.tilepack.download`` (polite, resumable, the provider's terms and
key respected): this dialog only gathers the choices, words the outcome and keeps the window
responsive. A cancelled or failed download keeps its tiles; 继续下载 (the same choices) fetches
only what is missing. The provider's key comes from the settings and goes no further than the
download call: no message or log line here contains it.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.atomic import ExportError
from hongtu.core.basemaps import BASE_MAPS, PROVIDERS, BaseMapId, KeyProblem, MissingKeyError
from hongtu.core.cancel import CancelledError
from hongtu.core.districts import all_districts
from hongtu.core.geo import Crs, LatLon
from hongtu.core.settings import Settings
from hongtu.core.tilepack import area
from hongtu.core.tilepack.download import (
    BULK_POLICY,
    CUSTOM,
    BulkNotAllowedError,
    BulkPolicy,
    DownloadError,
    DownloadResult,
    FailureKind,
    Politeness,
    TileSource,
    download,
    provider_source,
)
from hongtu.core.tilepack.mbtiles import MBTiles, PackageError
from hongtu.core.tilepack.packages import PackageInfo, check_name, package_path
from hongtu.qt.map_controller import basemap_name
from hongtu.qt.messages import plain_label
from hongtu.qt.number_fields import NumberRange, hint_range
from hongtu.qt.tasks import CancelToken, ThreadPoolRunner

log = logging.getLogger(__name__)

DEFAULT_ZOOMS = (10, 15)
#: A download may run for hours at the polite pace; it is never timed out (取消 stops it).
DOWNLOAD_TIMEOUT_MS = 24 * 3600 * 1000
_UNSAFE = re.compile(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+")


def tr(text: str) -> str:
    return QCoreApplication.translate("OfflineDownload", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 tile”, “2 tiles”)."""
    return QCoreApplication.translate("OfflineDownload", text, None, count)


def size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size // 1024)} KB"


# ---- wording ------------------------------------------------------------------------------------


def kept_text(have: int) -> str:
    """What a stopped download left in its package, naming the button the dialog then shows
    (继续下载 once it holds tiles, else 开始下载)."""
    if have > 0:
        return tr_n("已下载的 %n 个瓦片已保存，点击“继续下载”可接着下载。", have)
    return tr("还没有下载到任何瓦片，可稍后点击“开始下载”再试。")


def failure_text(exc: BaseException, have: int = 0) -> str:
    """Why a download stopped, in the organiser's words (never a URL or a key); ``have``: the
    tiles the package holds now."""
    kept = kept_text(have)
    if isinstance(exc, DownloadError):
        if exc.kind is FailureKind.OFFLINE:
            text = tr(
                "无法连接到瓦片服务器：请检查网络连接（内网电脑请在能上网的电脑上下载，再导入）。"
            )
        elif exc.kind is FailureKind.TIMEOUT:
            text = tr("瓦片服务器长时间没有响应（超时）：网络可能很慢，请稍后再试。")
        elif exc.kind is FailureKind.REFUSED:
            text = tr("服务商拒绝了下载（HTTP {0}）：可能需要有效的密钥，或服务商不允许这样下载。")
            text = text.format(exc.status)
        else:
            text = tr("瓦片服务器返回错误（HTTP {0}），多次重试后仍失败。").format(exc.status)
        return f"{text}\n{kept}"
    if isinstance(exc, BulkNotAllowedError):
        return terms_text()
    if isinstance(exc, MissingKeyError):
        if exc.problem is KeyProblem.MALFORMED:
            return tr("这个底图的密钥格式不正确：请在“地图 → 设置”中重新填写。")
        return tr("这个底图需要密钥：请在“地图 → 设置”中填写。")
    if isinstance(exc, area.AreaError):
        return tr("区域或缩放级别不可用，请缩小区域或缩放级别。")
    if isinstance(exc, PackageError):
        return tr("同名的文件不是可用的地图包，请换一个名称。")
    if isinstance(exc, ExportError | OSError):
        return tr("无法写入地图包文件（磁盘已满或没有权限）。") + "\n" + kept
    if isinstance(exc, TimeoutError):
        return tr("下载超时。") + "\n" + kept
    log.warning("offline map download failed: %s", type(exc).__name__)
    return tr("下载失败（{0}）。").format(type(exc).__name__) + "\n" + kept


def terms_text() -> str:
    return tr("该服务商的使用条款不允许批量下载瓦片供离线使用，因此不能用它制作离线地图包。")


# ---- the choices --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AreaChoice:
    label: str  # as shown, and stored in the package ("太原市", "杏花岭区", a plan's title)
    box: area.BBox


@dataclass(frozen=True, slots=True)
class Request:
    """Everything one download needs (the key is added only when it starts)."""

    name: str
    area: AreaChoice
    source: TileSource
    provider: BaseMapId | None  # None: the organisation's own server
    min_zoom: int
    max_zoom: int


class _Relay(QObject):
    """Lives on the GUI thread; the worker's progress reaches the dialog through it (queued)."""

    progressed = Signal(int, int)


PlanPoints = Callable[[], "tuple[str, list[LatLon]] | None"]


class DownloadDialog(QDialog):
    """下载离线地图. ``finished_download(outcome)``: "done", "cancelled" or "failed"."""

    progressed = Signal(int, int)  # tiles done, tiles in the area (on the GUI thread)
    finished_download = Signal(str)
    package_ready = Signal(str)  # a package was completed (its name)
    use_requested = Signal(str)  # 用作底图 after a download (the package's name)

    def __init__(
        self,
        settings: Callable[[], Settings],
        plan_points: PlanPoints | None = None,
        parent: QWidget | None = None,
        *,
        politeness: Politeness | None = None,
        resume: PackageInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("下载离线地图"))
        self._settings = settings
        self._politeness = politeness
        self._runner = ThreadPoolRunner(self)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_relay_progressed)
        self._token: CancelToken | None = None
        self._close_when_done = False
        self._name_edited = False
        self.running = False
        self.area_combo = QComboBox(self)
        self.min_zoom = self._zoom_box(DEFAULT_ZOOMS[0])
        self.max_zoom = self._zoom_box(DEFAULT_ZOOMS[1])
        self.provider_combo = QComboBox(self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("http://…/{z}/{x}/{y}.png")
        self.attribution_edit = QLineEdit(self)
        self.attribution_edit.setPlaceholderText(tr("例如：© 本单位地图服务"))
        self.crs_combo = QComboBox(self)
        self.crs_combo.addItem(tr("WGS-84（天地图、GPS）"), Crs.WGS84.value)
        self.crs_combo.addItem(tr("GCJ-02（高德、腾讯）"), Crs.GCJ02.value)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(64)
        self.estimate_label = plain_label(parent=self)
        self.estimate_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = plain_label(parent=self)
        self.status.setWordWrap(True)
        self.start_button = QPushButton(tr("开始下载"), self)
        self.cancel_button = QPushButton(tr("取消下载"), self)
        self.use_button = QPushButton(tr("用作底图"), self)
        self.use_button.setEnabled(False)  # once the package is complete
        self.close_button = QPushButton(tr("关闭"), self)
        self._fill_areas(plan_points() if plan_points is not None else None, resume)
        self._fill_providers(resume)
        self._layout()
        self.area_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.provider_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.crs_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.min_zoom.valueChanged.connect(self._on_choice_changed)
        self.max_zoom.valueChanged.connect(self._on_choice_changed)
        self.url_edit.textChanged.connect(self._on_choice_changed)
        self.attribution_edit.textChanged.connect(self._on_choice_changed)
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.name_edit.textChanged.connect(self._update)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_button.clicked.connect(self._on_use_clicked)
        self.close_button.clicked.connect(self.close)
        if resume is not None:
            self.min_zoom.setValue(resume.min_zoom)
            self.max_zoom.setValue(resume.max_zoom)
            self.name_edit.setText(resume.name)
            self._name_edited = True
        self._on_choice_changed()

    def _zoom_box(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, area.MAX_ZOOM)
        box.setValue(value)
        hint_range(box, NumberRange(tr("缩放级别"), 0, area.MAX_ZOOM))
        return box

    def _fill_areas(
        self, plan: tuple[str, list[LatLon]] | None, resume: PackageInfo | None
    ) -> None:
        if resume is not None and resume.bounds is not None:
            label = resume.area or resume.name
            self.area_combo.addItem(
                tr("地图包“{0}”的区域").format(label), AreaChoice(label, area.BBox(*resume.bounds))
            )
        self.area_combo.addItem(tr("太原市（全市）"), AreaChoice(tr("太原市"), area.taiyuan_bbox()))
        for district in all_districts():
            if district.in_taiyuan:
                self.area_combo.addItem(
                    district.name, AreaChoice(district.name, area.county_bbox(district.name))
                )
        if plan is not None:
            title, points = plan
            self.area_combo.addItem(
                tr("当前方案“{0}”各站点周围 {1} 公里").format(title, int(area.STOP_MARGIN_KM)),
                AreaChoice(title, area.points_bbox(points)),
            )
        for district in all_districts():
            if not district.in_taiyuan:
                self.area_combo.addItem(
                    district.name, AreaChoice(district.name, area.county_bbox(district.name))
                )

    def _fill_providers(self, resume: PackageInfo | None) -> None:
        for basemap_id in PROVIDERS:
            if basemap_id is not BaseMapId.NONE:
                self.provider_combo.addItem(basemap_name_for(basemap_id), basemap_id.value)
        self.provider_combo.addItem(tr("本单位的瓦片服务（填写地址）"), CUSTOM)
        wanted = resume.provider if resume is not None else BaseMapId.AMAP.value
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(wanted)))
        if resume is not None and resume.provider == CUSTOM:
            self.attribution_edit.setText(resume.attribution)
            self.crs_combo.setCurrentIndex(max(0, self.crs_combo.findData(resume.crs.value)))

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("区域"), self.area_combo)
        zooms = QHBoxLayout()
        zooms.addWidget(self.min_zoom)
        zooms.addWidget(plain_label("–", self))
        zooms.addWidget(self.max_zoom)
        zooms.addStretch(1)
        form.addRow(tr("缩放级别"), zooms)
        form.addRow(tr("底图服务商"), self.provider_combo)
        form.addRow(tr("瓦片地址"), self.url_edit)
        form.addRow(tr("版权说明"), self.attribution_edit)
        form.addRow(tr("坐标系"), self.crs_combo)
        form.addRow(tr("地图包名称"), self.name_edit)
        self._form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.estimate_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    # ---- reading the choices ------------------------------------------------------------------
    def area_choice(self) -> AreaChoice:
        choice = self.area_combo.currentData()
        assert isinstance(choice, AreaChoice)
        return choice

    def _provider(self) -> str:
        return str(self.provider_combo.currentData())

    def _source(self) -> TileSource:
        """The chosen source; raises ``BulkNotAllowedError`` or ``ValueError`` (what is wrong)."""
        provider = self._provider()
        if provider != CUSTOM:
            return provider_source(BaseMapId(provider))
        url = self.url_edit.text().strip()
        if not re.match(r"https?://", url) or not all(p in url for p in ("{z}", "{x}", "{y}")):
            raise ValueError(tr("请填写瓦片地址：以 http:// 或 https:// 开头，含 {z} {x} {y}。"))
        attribution = self.attribution_edit.text().strip()
        if not attribution:
            raise ValueError(tr("请填写这些瓦片的版权说明（地图上会显示）。"))
        return TileSource(CUSTOM, url, attribution, Crs(self.crs_combo.currentData()))

    def request(self) -> Request:
        """The download as chosen; raises ``ValueError`` with what to change."""
        low, high = self.min_zoom.value(), self.max_zoom.value()
        if low > high:
            raise ValueError(tr("最小缩放级别不能大于最大缩放级别。"))
        try:
            source = self._source()
        except BulkNotAllowedError:
            raise ValueError(terms_text()) from None
        name = self.name_edit.text().strip()
        try:
            check_name(name)
        except PackageError:
            raise ValueError(tr("地图包名称只能含字母、数字、汉字、- 和 _。")) from None
        provider = None if source.provider == CUSTOM else BaseMapId(source.provider)
        return Request(name, self.area_choice(), source, provider, low, min(high, source.max_zoom))

    # ---- updating what is shown --------------------------------------------------------------
    def _on_name_edited(self, _text: str) -> None:
        self._name_edited = True

    def _on_choice_changed(self, *_args: object) -> None:
        custom = self._provider() == CUSTOM
        for widget in (self.url_edit, self.attribution_edit, self.crs_combo):
            widget.setVisible(custom)
            field_label = self._form.labelForField(widget)
            if field_label is not None:
                field_label.setVisible(custom)
        if not self._name_edited:
            label = _UNSAFE.sub("_", self.area_choice().label).strip("_")[:50] or "map"
            self.name_edit.setText(f"{label}_{self.min_zoom.value()}-{self.max_zoom.value()}")
        self._update()

    def _update(self, *_args: object) -> None:
        """The estimate (before anything is fetched) and which buttons make sense now."""
        if self.running:
            return
        try:
            req = self.request()
        except ValueError as exc:
            self.estimate_label.setText(str(exc))
            self.estimate_label.setStyleSheet("color:#b71c1c")
            self.start_button.setEnabled(False)
            return
        guess = area.estimate(
            area.tile_ranges(req.area.box.in_crs(req.source.crs), req.min_zoom, req.max_zoom)
        )
        have = _stored_tiles(req.name)
        text = tr_n("约 %n 个瓦片，约 {0}（按每个瓦片约 {1} KB 估算）", guess.tiles).format(
            size_text(guess.bytes), area.TYPICAL_TILE_BYTES // 1000
        )
        if have:
            text += "\n" + tr_n("同名地图包里已有 %n 个瓦片：只下载缺少的。", have)
        if guess.too_large:
            text += "\n" + tr("超过单个地图包的上限 {0} 个瓦片：请缩小区域或缩放级别。").format(
                area.MAX_TILES
            )
        self.estimate_label.setText(text)
        self.estimate_label.setStyleSheet("color:#b71c1c" if guess.too_large else "")
        self.start_button.setEnabled(not guess.too_large)
        self.start_button.setText(tr("继续下载") if have else tr("开始下载"))
        self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (
            self.area_combo,
            self.min_zoom,
            self.max_zoom,
            self.provider_combo,
            self.url_edit,
            self.attribution_edit,
            self.crs_combo,
            self.name_edit,
        ):
            widget.setEnabled(not running)
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if running:
            self.use_button.setEnabled(False)

    # ---- running ------------------------------------------------------------------------------
    def start(self) -> None:
        """开始下载 (or 继续下载): off the GUI thread; the outcome arrives as a signal."""
        if self.running:
            return
        try:
            req = self.request()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        key = self._settings().key_for(req.provider) if req.provider is not None else ""
        token = CancelToken()
        self._token = token
        self._set_running(True)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.status.setText(tr("正在下载…（为遵守服务商的规则，每秒最多请求几个瓦片）"))
        relay = self._relay
        politeness = self._politeness

        def job() -> DownloadResult:
            return download(
                package_path(req.name),
                req.name,
                req.source,
                key,
                req.area.box,
                req.min_zoom,
                req.max_zoom,
                politeness=politeness,
                should_stop=token,
                progress=lambda done, total: _report(relay, done, total),
                area_label=req.area.label,
            )

        self._runner.run(
            job,
            lambda result: self._on_done(req, result),
            lambda error: self._on_failed(req, error),
            DOWNLOAD_TIMEOUT_MS,
        )

    def cancel(self) -> None:
        """取消下载: the download stops after the tiles in flight; what it fetched is kept."""
        if self._token is not None and self.running:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("正在取消…"))

    def _on_relay_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(tr("%v / %m 个瓦片"))
        self.progressed.emit(done, total)

    def _on_done(self, req: Request, result: Any) -> None:
        self._set_running(False)
        self.progress.setRange(0, max(1, result.total))
        self.progress.setValue(result.total)
        text = tr("已完成“{0}”：{1}，已有 {2} 个").format(
            req.name, tr_n("新下载 %n 个瓦片", result.fetched), result.skipped
        )
        if result.missing:
            text += tr("，服务器没有的 {0} 个").format(result.missing)
        self.status.setText(text + tr("。"))
        self._finish("done")
        self.use_button.setEnabled(_stored_tiles(req.name) > 0)  # the server may have had none
        self.package_ready.emit(req.name)

    def _on_failed(self, req: Request, error: BaseException) -> None:
        self._set_running(False)
        have = _stored_tiles(req.name)
        if isinstance(error, CancelledError):
            self.status.setText(tr("已取消。") + kept_text(have))
            self._finish("cancelled")
        else:
            self.status.setText(failure_text(error, have))
            self._finish("failed")

    def _finish(self, outcome: str) -> None:
        self._token = None
        self._update()
        self.finished_download.emit(outcome)
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def _on_use_clicked(self) -> None:
        name = self.name_edit.text().strip()
        self.use_requested.emit(name)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing while a download runs cancels it; the dialog closes once it has stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Esc or 关闭: as closing the window."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()


def basemap_name_for(basemap_id: BaseMapId) -> str:
    """A provider as a download source; one whose terms forbid it says so."""
    name = basemap_name(BASE_MAPS[basemap_id])
    if BULK_POLICY.get(basemap_id) is not BulkPolicy.ALLOWED:
        return tr("{0}（条款不允许离线下载）").format(name)
    return name


def _report(relay: _Relay, done: int, total: int) -> None:
    """Progress from the worker; the dialog may be gone already (HongTu closing)."""
    with contextlib.suppress(RuntimeError):  # the relay was deleted with its dialog
        relay.progressed.emit(done, total)


def _stored_tiles(name: str) -> int:
    """Tiles already in the package of that name (a resumed download skips them)."""
    try:
        path = package_path(name)
    except PackageError:
        return 0
    if not path.is_file():
        return 0
    try:
        with MBTiles(path, readonly=True) as store:
            return store.tile_count()
    except Exception:  # not a package: the download will say so
        return 0
