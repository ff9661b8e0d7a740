"""The 台账 menu: opens the branch's yearly ledger (``LedgerWindow``) from the main window.

A panel like ``PlanUi``: it uses only the window's ``PanelHost`` interface (a menu, notices).
One ledger window at a time; asking again brings it forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from hongtu.qt.map_controller import NOTICE_MS

if TYPE_CHECKING:
    from pathlib import Path

    from hongtu.core.workspace import Workspace
    from hongtu.qt.ledger_view import LedgerWindow
    from hongtu.qt.panel_host import PanelHost


def tr(text: str) -> str:
    return QCoreApplication.translate("LedgerUi", text)


class LedgerUi(QObject):
    def __init__(self, window: PanelHost) -> None:
        super().__init__(window)
        self.window = window
        self.workspace: Workspace | None = None
        self.ledger_window: LedgerWindow | None = None
        self.open_action = QAction(tr("年度台账(&Y)…"), self)
        self.open_action.setShortcut(QKeySequence("Ctrl+L"))
        self.open_action.setToolTip(
            tr("支部一年的主题党日、出勤和参观地点；可导出 Word、Excel、PDF")
        )
        self.open_action.setEnabled(False)
        self.open_action.triggered.connect(lambda _checked=False: self.open_ledger())
        window.closing.connect(self.close_ledger)

    def install(self) -> None:
        menu = QMenu(tr("台账(&L)"), self.window)
        menu.addAction(self.open_action)
        self.window.add_menus([menu], first=False)  # 帮助 stays last
        self.menu = menu

    def attach(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.open_action.setEnabled(True)

    def open_ledger(self, branch: str = "") -> LedgerWindow | None:
        from hongtu.qt.ledger_view import LedgerWindow

        if self.workspace is None:
            return None
        if self.ledger_window is None:
            self.ledger_window = LedgerWindow(self.workspace, self.window, branch=branch)
            self.ledger_window.exported.connect(self._on_exported)
            self.ledger_window.finished.connect(self._on_closed)
        else:
            self.ledger_window.refresh()
        self.ledger_window.show()
        self.ledger_window.raise_()
        self.ledger_window.activateWindow()
        return self.ledger_window

    def close_ledger(self) -> None:
        """The main window closes, or its data is about to be replaced (恢复数据): the ledger
        window closes with it and stops watching the file (its probe holds a connection)."""
        if self.ledger_window is not None:
            self.ledger_window.close()

    def _on_exported(self, path: Path) -> None:
        self.window.notify(tr("已导出台账：{0}").format(str(path)), NOTICE_MS)

    def _on_closed(self, _result: int) -> None:
        if self.ledger_window is not None:
            self.ledger_window.deleteLater()
            self.ledger_window = None
