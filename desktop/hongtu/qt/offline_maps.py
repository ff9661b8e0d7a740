"""Offline map packages in the window: 地图 → 下载离线地图… and 管理离线地图….

``OfflineMaps`` opens the two dialogs (``offline_download``, ``offline_packages``) and connects
them to the base-map choice, which stays ``SiteEditing``'s: a package chosen as the base map is
shown and remembered there, and the menu and toolbar list the packages after every change.
The dialogs are imported when first opened: start-up does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from hongtu.core.basemaps import BaseMapId

if TYPE_CHECKING:  # the dialogs (and the downloader's urllib) load when first opened
    from hongtu.core.tilepack.download import Politeness
    from hongtu.core.tilepack.packages import PackageInfo
    from hongtu.qt.offline_download import DownloadDialog, PlanPoints
    from hongtu.qt.offline_packages import PackagesDialog
    from hongtu.qt.panel_host import PanelHost
    from hongtu.qt.site_editing import SiteEditing


def tr(text: str) -> str:
    return QCoreApplication.translate("OfflineMaps", text)


class OfflineMaps(QObject):
    def __init__(
        self, window: PanelHost, site_editing: SiteEditing, plan_points: PlanPoints
    ) -> None:
        super().__init__(window)
        self.window = window
        self.site_editing = site_editing
        self.plan_points = plan_points
        self.politeness: Politeness | None = None  # the core's polite defaults
        self.download_dialog: DownloadDialog | None = None
        self.packages_dialog: PackagesDialog | None = None
        self.download_action = QAction(tr("下载离线地图(&D)…"), self)
        self.download_action.setToolTip(tr("在能上网时把一个区域的底图下载为离线地图包"))
        self.manage_action = QAction(tr("管理离线地图(&O)…"), self)
        self.manage_action.setToolTip(tr("离线地图包：用作底图、导出、导入（内网电脑）、删除"))
        self.download_action.triggered.connect(lambda _checked=False: self.open_download())
        self.manage_action.triggered.connect(lambda _checked=False: self.open_packages())
        window.closing.connect(self._on_window_closing)

    def install(self) -> None:
        menu = self.site_editing.map_menu
        menu.addSeparator()
        menu.addActions([self.download_action, self.manage_action])

    def current_package(self) -> str:
        shown = self.site_editing.map.basemap
        return shown.package if shown.id is BaseMapId.PACKAGE else ""

    def open_download(self, resume: PackageInfo | None = None) -> DownloadDialog:
        """下载离线地图 (one at a time: an open one is brought forward)."""
        from hongtu.qt.offline_download import DownloadDialog

        dialog = self.download_dialog
        if dialog is not None and (dialog.isVisible() or dialog.running):
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        if dialog is not None:
            dialog.deleteLater()  # closed and idle: a fresh one for the new choices
        dialog = DownloadDialog(
            lambda: self.site_editing.settings,
            self.plan_points,
            self.window,
            politeness=self.politeness,
            resume=resume,
        )
        dialog.package_ready.connect(self._on_packages_changed)
        dialog.finished_download.connect(self._on_download_finished)
        dialog.use_requested.connect(self.site_editing.use_package)
        self.download_dialog = dialog
        dialog.show()
        return dialog

    def open_packages(self) -> PackagesDialog:
        """管理离线地图."""
        from hongtu.qt.offline_packages import PackagesDialog

        dialog = self.packages_dialog
        if dialog is None:
            dialog = PackagesDialog(
                self.site_editing.use_package,
                self.site_editing.release_package,
                self.current_package,
                self._resume,
                self.window,
            )
            dialog.packages_changed.connect(self.site_editing.refresh_base_choices)
            self.packages_dialog = dialog
        else:
            dialog.refresh()
        dialog.show()
        dialog.raise_()
        return dialog

    def _on_window_closing(self) -> None:
        """HongTu is closing: a running download stops (its tiles are kept for 继续下载)."""
        if self.download_dialog is not None:
            self.download_dialog.cancel()

    def _resume(self, info: PackageInfo) -> None:
        self.open_download(resume=info)

    def _on_packages_changed(self, _name: str = "") -> None:
        self.site_editing.refresh_base_choices()
        if self.packages_dialog is not None and self.packages_dialog.isVisible():
            self.packages_dialog.refresh()

    def _on_download_finished(self, _outcome: str) -> None:
        self._on_packages_changed()  # a cancelled download leaves an unfinished package too
