"""管理离线地图: the offline map packages in the data folder, listed with their area, zoom range,
provider, size and date; delete, export as a file, import a file (the intranet PC case), continue
an unfinished download and choose one as the base map.

Export and import copy whole files through ``core.tilepack.packages`` (checked, atomic) off the
GUI thread. An imported file that is not an MBTiles package is refused naming the problem, and
nothing changes. Messages appear in the dialog itself (``message``), as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.atomic import ExportError
from hongtu.core.tilepack.mbtiles import PackageError, PackageProblem, validate
from hongtu.core.tilepack.packages import (
    PackageInfo,
    delete_package,
    export_package,
    import_name,
    import_package,
    list_packages,
    package_path,
)
from hongtu.qt import messages
from hongtu.qt.map_controller import provider_name
from hongtu.qt.messages import plain_label
from hongtu.qt.offline_download import size_text
from hongtu.qt.tasks import ProgressTask, ThreadPoolRunner

FILE_FILTER_SUFFIX = "(*.mbtiles)"


def tr(text: str) -> str:
    return QCoreApplication.translate("OfflinePackages", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 tile”, “2 tiles”)."""
    return QCoreApplication.translate("OfflinePackages", text, None, count)


def problem_text(exc: PackageError) -> str:
    """What is wrong with a package file, naming it."""
    texts = {
        PackageProblem.MISSING: tr("找不到离线地图包或文件：{0}"),
        PackageProblem.NOT_SQLITE: tr("这个文件不是离线地图包（不是 MBTiles/SQLite 文件）：{0}"),
        PackageProblem.NOT_MBTILES: tr(
            "这个数据库不是 MBTiles 地图包（缺少 metadata 和 tiles 表）：{0}"
        ),
        PackageProblem.NO_METADATA: tr("地图包缺少名称或图片格式（metadata）：{0}"),
        PackageProblem.BAD_FORMAT: tr("地图包的瓦片不是 png、jpg 或 webp 图片：{0}"),
        PackageProblem.NO_TILES: tr("地图包里没有任何瓦片（空的地图包），不能用作底图：{0}"),
        PackageProblem.CORRUPT: tr("地图包文件已损坏：{0}"),
        PackageProblem.BAD_NAME: tr("地图包名称只能含字母、数字、汉字、- 和 _：{0}"),
        PackageProblem.EXISTS: tr("已有同名的地图包：{0}"),
    }
    return texts[exc.problem].format(exc.detail)


def column_titles() -> list[str]:
    return [tr("名称"), tr("区域"), tr("缩放级别"), tr("来源"), tr("大小"), tr("日期"), tr("状态")]


class PackagesDialog(QDialog):
    """The packages list. ``message_shown(text)`` follows every outcome (for the organiser's
    eyes in ``message``, and for tests to wait on)."""

    message_shown = Signal(str)
    packages_changed = Signal()  # a package was imported or deleted

    def __init__(
        self,
        use_package: Callable[[str], bool],
        release_package: Callable[[str], None],
        current_package: Callable[[], str],
        resume: Callable[[PackageInfo], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("管理离线地图"))
        self._use = use_package
        self._release = release_package
        self._current = current_package
        self._resume = resume
        self._runner = ThreadPoolRunner(self)
        self._packages: list[PackageInfo] = []
        titles = column_titles()
        self.table = QTableWidget(0, len(titles), self)
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty = plain_label(
            tr(
                "还没有离线地图包。可在能上网的电脑上用“下载离线地图”制作，再导出、导入到这台电脑。"
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.message = plain_label(parent=self)
        self.message.setWordWrap(True)
        self.use_button = QPushButton(tr("用作底图"), self)
        self.resume_button = QPushButton(tr("继续下载…"), self)
        self.export_button = QPushButton(tr("导出…"), self)
        self.import_button = QPushButton(tr("导入…"), self)
        self.delete_button = QPushButton(tr("删除"), self)
        self.close_button = QPushButton(tr("关闭"), self)
        buttons = QHBoxLayout()
        for button in (
            self.use_button,
            self.resume_button,
            self.export_button,
            self.import_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(self.use_selected)
        self.resume_button.clicked.connect(self.resume_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.import_button.clicked.connect(self.import_file)
        self.delete_button.clicked.connect(self.delete_selected)
        self.close_button.clicked.connect(self.close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.use_selected())
        self.resize(760, 360)
        self.refresh()

    # ---- the list -----------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        keep = select or self.selected_name()
        self._packages = list_packages()
        current = self._current()
        self.table.setRowCount(len(self._packages))
        for row, info in enumerate(self._packages):
            if info.tiles == 0:  # nothing to draw: it cannot be the base map
                state = tr("没有瓦片，未下载完") if not info.complete else tr("没有瓦片")
            else:
                state = tr("完整") if info.complete else tr("未下载完")
            if info.name == current:
                state += tr("，当前底图")
            cells = (
                info.name,
                info.area or "—",
                f"{info.min_zoom}–{info.max_zoom}",
                provider_name(info.provider, info.attribution),
                size_text(_file_size(info.path)),
                datetime.fromtimestamp(info.modified).strftime("%Y-%m-%d"),
                state,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(messages.plain_tooltip(text))
                self.table.setItem(row, column, item)
            if info.name == keep:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and self._packages:
            self.table.selectRow(0)
        self.table.setVisible(bool(self._packages))
        self.empty.setVisible(not self._packages)
        self._update_buttons()

    def names(self) -> list[str]:
        return [info.name for info in self._packages]

    def selected(self) -> PackageInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._packages[rows[0].row()] if rows else None

    def selected_name(self) -> str | None:
        info = self.selected() if self._packages else None
        return info.name if info is not None else None

    def select(self, name: str) -> None:
        if name in self.names():
            self.table.selectRow(self.names().index(name))

    def _update_buttons(self) -> None:
        info = self.selected()
        for button in (self.export_button, self.delete_button):
            button.setEnabled(info is not None)
        self.use_button.setEnabled(info is not None and info.tiles > 0)  # an empty one: nothing
        self.resume_button.setEnabled(info is not None and not info.complete)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color:#b71c1c" if error else "")
        self.message_shown.emit(text)

    # ---- actions ------------------------------------------------------------------------------
    def use_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        if info.tiles == 0:  # (a double click): the map would only fall back, blaming the network
            self.show_message(
                problem_text(PackageError(PackageProblem.NO_TILES, info.name)), error=True
            )
            return
        if self._use(info.name):
            self.show_message(tr("地图上现在显示离线地图包“{0}”。").format(info.name))
        else:
            self.show_message(tr("无法读取离线地图包“{0}”。").format(info.name), error=True)
        self.refresh()

    def resume_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self._resume(info)

    def delete_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        if not messages.question(
            self,
            tr("删除离线地图包"),
            tr("删除离线地图包“{0}”（{1}）？删除后无法恢复。").format(
                info.name, size_text(_file_size(info.path))
            ),
        ):
            return
        self._release(info.name)
        try:
            delete_package(info.name)
        except (PackageError, OSError):
            self.show_message(tr("无法删除“{0}”：文件正被使用或没有权限。").format(info.name), True)
            return
        self.refresh()
        self.packages_changed.emit()
        self.show_message(tr("已删除离线地图包“{0}”。").format(info.name))

    def export_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            tr("导出离线地图包"),
            str(Path.home() / f"{info.name}.mbtiles"),
            f"{tr('离线地图包')} {FILE_FILTER_SUFFIX}",
        )
        if chosen:
            self.export_to(info.name, Path(chosen))

    def export_to(self, name: str, target: Path) -> None:
        """Copies the package to ``target`` off the GUI thread (a progress dialog if slow)."""
        if target.suffix.lower() != ".mbtiles":
            target = target.with_name(target.name + ".mbtiles")

        def done(result: object) -> None:
            self.show_message(
                tr("已导出“{0}”到：{1}\n在另一台电脑上用“导入…”即可使用。").format(name, result)
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, PackageError):
                self.show_message(problem_text(error), error=True)
            elif isinstance(error, ExportError | OSError):
                self.show_message(tr("无法写入文件：{0}").format(target), error=True)
            else:
                self.show_message(tr("导出失败。"), error=True)

        ProgressTask(
            self,
            self._runner,
            tr("正在导出离线地图包…"),
            lambda _token: str(export_package(name, target)),
            done,
            failed,
        )

    def import_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            tr("导入离线地图包"),
            str(Path.home()),
            f"{tr('离线地图包')} {FILE_FILTER_SUFFIX}",
        )
        if chosen:
            self.import_from(Path(chosen))

    def import_from(self, source: Path) -> None:
        """Checks ``source`` and copies it in; a bad file is refused naming the problem."""
        try:
            validate(source)
        except PackageError as exc:
            self.show_message(tr("没有导入：") + problem_text(exc), error=True)
            return
        replace = False
        existing = _import_name(source)
        if existing is not None and package_path(existing).exists():
            if not messages.question(
                self,
                tr("导入离线地图包"),
                tr("已有同名的离线地图包“{0}”。用导入的文件替换它吗？").format(existing),
            ):
                self.show_message(tr("没有导入：已有同名的地图包“{0}”。").format(existing))
                return
            self._release(existing)
            replace = True

        def done(info: object) -> None:
            assert isinstance(info, PackageInfo)
            self.refresh(select=info.name)
            self.packages_changed.emit()
            self.show_message(
                tr_n(
                    "已导入离线地图包“{0}”（%n 个瓦片）。选中它并点击“用作底图”即可使用。",
                    info.tiles,
                ).format(info.name)
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, PackageError):
                self.show_message(tr("没有导入：") + problem_text(error), error=True)
            elif isinstance(error, ExportError | OSError):
                self.show_message(tr("没有导入：无法写入数据文件夹。"), error=True)
            else:
                self.show_message(tr("没有导入：文件无法读取。"), error=True)

        ProgressTask(
            self,
            self._runner,
            tr("正在导入离线地图包…"),
            lambda _token: import_package(source, replace=replace),
            done,
            failed,
        )


def _import_name(source: Path) -> str | None:
    """The name an import of ``source`` takes (as ``import_package`` chooses it)."""
    try:
        return import_name(source)
    except PackageError:
        return None


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
