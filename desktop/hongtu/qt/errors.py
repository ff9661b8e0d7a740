"""Expected problems, said in the organiser's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hongtu.core.storage.problems import DatabaseError, DatabaseProblem


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def database_error_message(error: DatabaseError) -> str:
    reasons = {
        DatabaseProblem.LOCKED: tr(
            "数据库正被另一个程序（或另一个红途窗口）使用。请关闭它后再试。"
        ),
        DatabaseProblem.CORRUPT: tr("数据库文件已损坏，无法读取。"),
        DatabaseProblem.NOT_A_DATABASE: tr("这个文件不是数据库文件。"),
        DatabaseProblem.NOT_HONGTU: tr("这个数据库不是红途的数据库。"),
        DatabaseProblem.TOO_NEW: tr("这个数据库由更新版本的红途创建，请升级红途后再打开。"),
        DatabaseProblem.NO_PERMISSION: tr("没有读写这个文件的权限。"),
        DatabaseProblem.BAD_URL: tr("数据库地址格式不正确。"),
        DatabaseProblem.MIGRATION_FAILED: tr("数据库升级失败，已在升级前备份原文件。"),
    }
    return (
        reasons[error.problem]
        + "\n"
        + tr("位置：{0}").format(error.location)
        + "\n"
        + tr("红途没有修改这个文件。")
    )
