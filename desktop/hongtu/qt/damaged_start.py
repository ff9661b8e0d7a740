"""A damaged database (or a file that is not a database) where HongTu keeps its data: a way on.

At start-up the organiser is not left with a message and an exit. HongTu offers to restore a
backup archive (文件 › 备份数据… makes them) or to start with a new, empty database. Either way
the damaged file is first renamed aside in its own folder (``<name>.damaged-<time>``, with its
``-wal``), exactly as it was: it is never deleted or written. A backup is checked whole before
the file is moved, and a restore that fails puts the file back where it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from hongtu.core.storage.problems import DatabaseError
from hongtu.qt import messages
from hongtu.qt.errors import database_error_message
from hongtu.qt.window_state import documents_folder

START_EMPTY = 1  # the second answer (the first: restore a backup)


def tr(text: str) -> str:
    return QCoreApplication.translate("DamagedStart", text)


def offer_way_forward(parent: QWidget, path: Path, error: DatabaseError) -> str | None:
    """Ask until there is a database to open at ``path`` or the organiser gives up (取消).
    Returns what to tell once the window is open; None: given up, nothing was changed."""
    text = (
        database_error_message(error)
        + "\n\n"
        + tr(
            "可以从备份文件（.zip）恢复，或者用新的空数据库启动。两种做法都会先把这个文件"
            "改名为“….damaged-日期”保留在同一文件夹中，不会删除或改动它。\n"
            "选“取消”则退出红途，什么也不改动。"
        )
    )
    while True:
        answer = messages.choose(
            parent, tr("无法打开数据库"), text, [tr("从备份文件恢复…"), tr("用新的空数据库启动")]
        )
        if answer is None:
            return None
        notice = _start_empty(parent, path) if answer == START_EMPTY else _restore(parent, path)
        if notice is not None:
            return notice


def _set_aside(parent: QWidget, path: Path) -> Path | None:
    from hongtu.cli.export import write_reason
    from hongtu.core.atomic import error_code
    from hongtu.core.storage.backups import set_aside

    try:
        return set_aside(path)
    except OSError as exc:
        messages.critical(
            parent,
            tr("无法移开损坏的文件"),
            tr("无法把 {0} 改名保留：{1}。这个文件没有被改动。").format(
                path, write_reason(error_code(exc).value)
            ),
        )
        return None


def _start_empty(parent: QWidget, path: Path) -> str | None:
    aside = _set_aside(parent, path)
    if aside is None:
        return None
    return tr("损坏的数据库文件已改名保留为 {0}；红途用新的空数据库启动。").format(aside)


def _restore(parent: QWidget, path: Path) -> str | None:
    from hongtu.cli.backup import backup_problem_text
    from hongtu.core import paths
    from hongtu.core.backup import BackupError, restore

    chosen, _ = QFileDialog.getOpenFileName(
        parent, tr("从备份文件恢复"), str(documents_folder()), tr("红途备份（*.zip）")
    )
    if not chosen:
        return None
    archive = Path(chosen)
    try:  # the whole archive is checked before the damaged file is moved
        outcome = restore(archive, path, paths.data_dir() / "photos", known_damaged=True)
    except BackupError as exc:
        where = (
            tr("损坏的文件仍在原处。")
            if exc.damaged_file is None
            else tr("损坏的文件已改名保留为 {0}。").format(exc.damaged_file)
        )
        messages.critical(parent, tr("无法恢复"), backup_problem_text(exc) + "\n" + where)
        return None
    return tr("已从 {0} 恢复（{1} 制作）；损坏的数据库文件已改名保留为 {2}。").format(
        archive, outcome.manifest.created_at, outcome.damaged_file
    )
