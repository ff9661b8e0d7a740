"""The window's branch and data tools, in the 文件 menu: 成员名单…, 备份数据…, 恢复数据….

Backups go through ``hongtu.core.backup`` (the database and the photos in one archive).
A restore replaces the database under the open window, so the window does it honestly: it
checks the archive first (a refused archive changes nothing and the window goes on), pushes
what is being typed, closes its database connections, restores, and then closes — HongTu
must be started again to show the restored data (nothing in this window still holds the old).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog

from hongtu.cli.backup import backup_file_name, backup_problem_text
from hongtu.qt import messages
from hongtu.qt.panel_host import FileGroup, PanelHost
from hongtu.qt.roster_dialog import RosterDialog
from hongtu.qt.window_state import documents_folder

if TYPE_CHECKING:
    from hongtu.core.workspace import Workspace
    from hongtu.qt.plan_ui import PlanUi


#: How long 恢复数据 waits for the look thread to close the watchers' probes (a look still
#: running on a locked database may take longer: the restore then goes on and says if the file
#: could not be replaced).
PROBES_CLOSED_MS = 5_000


def tr(text: str) -> str:
    return QCoreApplication.translate("BranchTools", text)


class BranchTools(QObject):
    def __init__(self, window: PanelHost, plan_ui: PlanUi) -> None:
        super().__init__(window)
        self.window = window
        self.plan_ui = plan_ui
        self.roster_dialog: RosterDialog | None = None
        self.roster_action = QAction(tr("成员名单(&M)…"), self)
        self.roster_action.setToolTip(tr("支部成员：导入名册、添加、编辑、标记离开"))
        self.roster_action.triggered.connect(self.open_roster)
        self.backup_action = QAction(tr("备份数据(&B)…"), self)
        self.backup_action.triggered.connect(self._on_backup_triggered)
        self.restore_action = QAction(tr("恢复数据(&R)…"), self)
        self.restore_action.triggered.connect(self._on_restore_triggered)
        # after a restore the window closes (see the module text); tests replace this
        self.close_after_restore: Callable[[], None] = self._close_window

    def install(self) -> None:
        self.window.add_file_action(self.roster_action, FileGroup.PLANS)
        self.window.add_file_action(self.backup_action, FileGroup.DATA)
        self.window.add_file_action(self.restore_action, FileGroup.DATA)
        self.plan_ui.records.open_roster = self.open_roster  # 记录活动 without a roster

    # ---- 成员名单 -------------------------------------------------------------------------------
    @property
    def workspace(self) -> Workspace | None:
        return self.plan_ui.workspace

    def open_roster(self) -> RosterDialog | None:
        workspace = self.workspace
        if workspace is None:
            return None
        session = self.plan_ui.session
        branches = [summary.branch for summary in session.list_plans()]
        current = session.plan.branch if session.plan is not None else ""
        dialog = RosterDialog(workspace.members, branches, current, self.window)
        dialog.roster_changed.connect(lambda _branch: session.roster_changed())
        dialog.finished.connect(dialog.deleteLater)
        self.roster_dialog = dialog
        dialog.open()
        return dialog

    # ---- 备份 / 恢复 ----------------------------------------------------------------------------
    def _locations(self) -> tuple[Path, Path] | None:
        from hongtu.core import paths
        from hongtu.core.storage.files import sqlite_file

        workspace = self.workspace
        db_file = sqlite_file(workspace.database.url) if workspace is not None else None
        if db_file is None:
            return None
        return db_file, paths.data_dir() / "photos"

    def _on_backup_triggered(self) -> None:
        folder = documents_folder()
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("备份数据"),
            str(Path(folder) / backup_file_name()),
            tr("红途备份（*.zip）"),
        )
        if chosen:
            self.back_up(Path(chosen))

    def back_up(self, target: Path) -> bool:
        from hongtu.core.backup import BackupError, create_backup

        where = self._locations()
        if where is None:
            messages.warning(self.window, tr("备份数据"), tr("只能备份 SQLite 数据库文件。"))
            return False
        self.plan_ui.flush()  # what is being typed goes into the backup too
        try:
            manifest = create_backup(*where, target)
        except BackupError as exc:
            messages.critical(self.window, tr("备份失败"), backup_problem_text(exc))
            return False
        self.window.notify(
            tr("已备份到 {0}（数据库和 {1} 个照片文件）").format(target, manifest.photo_count)
        )
        return True

    def _on_restore_triggered(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, tr("恢复数据"), "", tr("红途备份（*.zip）")
        )
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, archive: Path) -> bool:
        from hongtu.core.backup import BackupError, read_manifest, restore

        where = self._locations()
        workspace = self.workspace
        if where is None or workspace is None:
            return False
        try:
            manifest = read_manifest(archive)  # the whole archive, before anything is asked
        except BackupError as exc:
            messages.critical(
                self.window,
                tr("无法恢复"),
                backup_problem_text(exc) + "\n" + tr("当前数据未被改动。"),
            )
            return False
        if not messages.question(
            self.window,
            tr("恢复数据"),
            tr(
                "用 {0} 制作的备份（{1} 个照片文件）替换现在的全部方案、名单、活动记录和照片？\n\n"
                "现在的数据会先另存一份安全副本。恢复后红途会关闭，请重新打开。"
            ).format(manifest.created_at, manifest.photo_count),
        ):
            return False
        self.window.closing.emit()  # push what is being typed, stop watching the file
        workspace.close()  # no connection may stay open on the file being replaced
        from hongtu.qt.plan_watch import wait_for_looks

        wait_for_looks(PROBES_CLOSED_MS)  # the watchers' probes close on the look thread
        try:
            outcome = restore(archive, *where)
        except BackupError as exc:
            messages.critical(
                self.window,
                tr("无法恢复"),
                backup_problem_text(exc) + "\n" + tr("当前数据未被改动。"),
            )
            return False
        # what waited to be saved, or was refused, belongs to the data just replaced: closing
        # must neither ask about it nor write it into the restored file
        self.plan_ui.session.forget_unsaved()
        saved = (
            tr("恢复前的数据已保存在 {0}。").format(outcome.safety_copy)
            if outcome.safety_copy is not None
            else ""
        )
        messages.information(
            self.window,
            tr("已恢复"),
            tr("数据已从备份恢复。红途现在关闭，请重新打开以使用恢复的数据。") + "\n\n" + saved,
        )
        self.close_after_restore()
        return True

    def _close_window(self) -> None:
        QApplication.closeAllWindows()  # the window saves its layout; the last one quits


def install_branch_tools(window: PanelHost, plan_ui: PlanUi) -> BranchTools:
    tools = BranchTools(window, plan_ui)
    tools.install()
    return tools


__all__ = ["BranchTools", "install_branch_tools"]
