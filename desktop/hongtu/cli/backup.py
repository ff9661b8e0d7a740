"""`hongtu backup create|restore`: the database and the photos, in one archive and back."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from hongtu.cli.common import fail, say, tr
from hongtu.cli.export import write_reason


def add_backup_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser("backup", help=tr("备份/恢复数据库和照片")).add_subparsers(
        dest="action", required=True
    )
    create = backup.add_parser("create", help=tr("把数据库和全部照片备份到一个文件"))
    create.add_argument(
        "--output",
        type=Path,
        required=True,
        help=tr("备份文件（.zip），或放备份文件的文件夹"),
    )
    create.add_argument("--overwrite", action="store_true", help=tr("覆盖已有的同名文件"))
    create.set_defaults(handler=cmd_backup_create, needs_database=True)
    restore = backup.add_parser(
        "restore", help=tr("从备份文件恢复数据库和照片（先完整检查，并保留当前数据的安全副本）")
    )
    restore.add_argument("file", type=Path, help=tr("备份文件（.zip）"))
    restore.set_defaults(handler=cmd_backup_restore)


def backup_problem_text(error: Any) -> str:
    from hongtu.core.backup import BackupProblem

    return {
        BackupProblem.NOT_FOUND: tr("找不到备份文件：{0}"),
        BackupProblem.NOT_AN_ARCHIVE: tr("这不是一个备份文件（无法作为 zip 读取）"),
        BackupProblem.FOREIGN: tr("这不是红途的备份文件（{0}）"),
        BackupProblem.DAMAGED: tr("备份文件已损坏或不完整：{0}"),
        BackupProblem.UNSAFE_NAME: tr("备份文件里有不安全的文件名：{0}"),
        BackupProblem.NEWER_FORMAT: tr("这个备份由更新版本的红途制作（格式 {0}），请先升级红途"),
        BackupProblem.NEWER_SCHEMA: tr(
            "这个备份的数据库来自更新版本的红途（结构 {0}），请先升级红途"
        ),
        BackupProblem.BAD_DATABASE: tr("备份里的数据库无法通过完整性检查：{0}"),
        BackupProblem.NO_DATABASE: tr("没有可备份的数据库文件：{0}"),
        BackupProblem.WRITE_FAILED: tr("无法写入 {0}：{1}"),
    }[error.problem].format(error.detail, write_reason(error.reason))


def _locations(args: argparse.Namespace) -> tuple[Path, Path] | None:
    from hongtu.core import paths
    from hongtu.core.storage.files import resolve_url, sqlite_file

    db_file = sqlite_file(resolve_url(args.db))
    if db_file is None:
        return None
    return db_file, paths.data_dir() / "photos"


def backup_file_name() -> str:
    """The default name of a backup (the window's 备份数据… offers the same)."""
    return tr("红途备份-{0}.zip").format(datetime.now().strftime("%Y%m%d-%H%M"))


def cmd_backup_create(args: argparse.Namespace) -> int:
    from hongtu.core.backup import BackupError, create_backup

    where = _locations(args)
    if where is None:
        return fail(tr("只能备份 SQLite 数据库文件"))
    output: Path = args.output
    if output.is_dir():  # a folder: the backup goes into it under the usual name
        output = output / backup_file_name()
    if output.exists() and not args.overwrite:
        return fail(tr("无法备份到 {0}：{1}").format(output, write_reason("exists")))
    try:
        manifest = create_backup(*where, output)
    except BackupError as exc:
        return fail(backup_problem_text(exc))
    say(
        tr("已备份到 {0}：数据库（结构 {1}）和 {2} 个照片文件").format(
            output, manifest.schema_revision, manifest.photo_count
        )
    )
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from hongtu.core.backup import BackupError, restore
    from hongtu.core.storage.files import resolve_url
    from hongtu.qt.single_instance import no_window_on

    where = _locations(args)
    if where is None:
        return fail(tr("只能恢复到 SQLite 数据库文件"))
    with no_window_on(resolve_url(args.db)) as no_window:
        if not no_window:  # it would go on saving into the file replaced under it
            return fail(
                tr(
                    "红途的窗口正打开着这个数据库：请先关闭窗口再恢复，"
                    "或在窗口里用“文件 › 恢复数据…”。当前数据未被改动。"
                )
            )
        try:
            outcome = restore(args.file, *where)
        except BackupError as exc:
            if exc.damaged_file is not None:  # set aside, and it could not be put back
                left = tr("。损坏的数据库文件已改名保留为 {0}。").format(exc.damaged_file)
                return fail(backup_problem_text(exc) + left)
            return fail(backup_problem_text(exc) + tr("。当前数据未被改动。"))
    say(
        tr("已从 {0} 恢复（{1} 制作）：数据库和 {2} 个照片文件").format(
            args.file, outcome.manifest.created_at, outcome.manifest.photo_count
        )
    )
    if outcome.damaged_file is not None:
        say(
            tr("原来的数据库文件已损坏，已改名保留为 {0}（没有删除或改动）").format(
                outcome.damaged_file
            )
        )
    if outcome.safety_copy is not None:
        say(tr("恢复前的数据已保存在 {0}").format(outcome.safety_copy))
    return 0


__all__ = ["add_backup_commands", "backup_problem_text"]
