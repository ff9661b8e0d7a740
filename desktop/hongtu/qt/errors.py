"""Expected problems, said in the organiser's words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from hongtu.core.storage.problems import DatabaseError, DatabaseProblem


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def database_reason(problem: DatabaseProblem) -> str:
    reasons = {
        DatabaseProblem.LOCKED: tr(
            "数据库正被另一个程序（或另一个红途窗口）使用。请关闭它后再试。"
        ),
        DatabaseProblem.CORRUPT: tr("数据库文件已损坏（完整性检查未通过），红途不会写入它。"),
        DatabaseProblem.NOT_A_DATABASE: tr("这个文件不是数据库文件。"),
        DatabaseProblem.NOT_HONGTU: tr("这个数据库不是红途的数据库。"),
        DatabaseProblem.TOO_NEW: tr("这个数据库由更新版本的红途创建，请升级红途后再打开。"),
        DatabaseProblem.NO_PERMISSION: tr("没有读取这个文件的权限。"),
        DatabaseProblem.READ_ONLY_FILE: tr(
            "这个数据库文件是只读的，红途无法保存修改。请取消文件的只读属性，"
            "或把它复制到可以写入的位置。"
        ),
        DatabaseProblem.READ_ONLY_OLD: tr(
            "这个数据库由旧版本的红途创建，需要先升级才能打开，而它所在的位置不能写入。"
            "请把它复制到可以写入的文件夹后再打开那份副本。"
        ),
        DatabaseProblem.READ_ONLY_FOLDER: tr(
            "数据库所在的文件夹不允许写入（红途需要在数据库旁边建立临时文件）。"
            "请换一个可以写入的文件夹。"
        ),
        DatabaseProblem.IS_A_FOLDER: tr(
            "给出的位置是一个文件夹，不是数据库文件。请指定一个文件，例如 hongtu.sqlite3。"
        ),
        DatabaseProblem.NOT_A_FOLDER: tr(
            "数据库所在文件夹的位置上是一个文件，无法在那里建立数据库。"
            "请移走或改名这个文件，或换一个位置。"
        ),
        DatabaseProblem.DISK_FULL: tr("磁盘空间已满，无法写入数据库。请清理磁盘后再试。"),
        DatabaseProblem.BAD_URL: tr("数据库地址格式不正确。"),
        DatabaseProblem.READ_ONLY_URL: tr(
            "数据库地址要求只读打开（mode=ro），而红途需要写入数据库（检查、保存修改）。"
            "请去掉地址中的 mode=ro，或把文件复制一份再打开。"
        ),
        DatabaseProblem.MIGRATION_FAILED: tr(
            "数据库升级到新版本时失败，所有升级步骤都已撤销，数据库仍是升级前的样子。"
            "原因已写入日志。"
        ),
    }
    return reasons[problem]


def database_error_message(error: DatabaseError) -> str:
    lines = [database_reason(error.problem), tr("位置：{0}").format(error.location)]
    if error.backup is not None:
        lines.append(tr("升级前已备份为：{0}").format(str(error.backup)))
    if not error.touched:
        lines.append(tr("红途没有修改这个文件。"))
    return "\n".join(lines)


def database_problem_in_use(error: DatabaseError) -> str:
    """A database problem met while the window is in use (reading a plan, saving): what it is,
    where, and what to do. Damage found by reading is damage the quick check at start-up could
    not see; only the part read is affected, and nothing was written over it."""
    if error.problem is DatabaseProblem.CORRUPT:
        reason = tr(
            "数据库文件中有内容已损坏，无法读取，红途没有改动它。其他内容可以继续使用；"
            "建议关闭红途，先复制一份数据库文件，再用最近的备份恢复。"
        )
    else:
        reason = database_reason(error.problem)
    return "\n".join([reason, tr("位置：{0}").format(error.location)])


def restore_question(backup: Path) -> str:
    when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return tr(
        "找到一个完好的备份（{0}）：\n{1}\n\n要用它恢复数据库吗？损坏的文件会原样保留，"
        "改名为“….damaged-日期”放在同一文件夹中。备份之后所做的修改不在备份里。"
    ).format(when, str(backup))
