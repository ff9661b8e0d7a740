"""`hongtu plans export`: every format from the one ordered plan document, headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hongtu.cli.common import ensure_offscreen_app, read_plan_view, say, tr

QT_FORMATS = ("pdf", "signin")


def write_reason(code: str) -> str:
    """Why a write failed (an ``ExportErrorCode`` value), in the organiser's words."""
    reasons = {
        "disk_full": tr("磁盘空间不足"),
        "permission": tr("没有写入权限"),
        "not_a_directory": tr("文件夹不存在"),
        "exists": tr("文件已存在（如要覆盖请加 --overwrite）"),
        "unsupported": tr("不支持这种格式"),
        "missing_input": tr("缺少导出所需的数据"),
        "incomplete": tr("文件没能完整写入（磁盘可能已满）"),
        "no_chinese_font": tr(
            "这台电脑没有能显示中文的字体，PDF 里的汉字会是空白方框；"
            "请先安装中文字体（如 fonts-wqy-microhei 或 fonts-noto-cjk）"
        ),
        "other": tr("写入失败"),
    }
    return reasons.get(code, code)


#: A write that failed for want of room: the organiser is told what to do.
FULL_DISK_CODES = ("disk_full", "incomplete")


def export_error_message(error: Any) -> str:
    text = tr("导出失败：{0}：{1}。原有文件未被改动。").format(
        write_reason(error.code.value), error.path
    )
    if error.code.value in FULL_DISK_CODES:
        text += tr("请删除不需要的文件腾出空间，或用 --output 换一个位置（如U盘）再导出。")
    return text


def output_error_message(error: OSError) -> str:
    """The command's output could not be written (stdout redirected to a full disk)."""
    from hongtu.core.atomic import error_code

    return tr("无法写出命令的输出：{0}。").format(write_reason(error_code(error).value))


def say_unprintable(warning: str | None) -> None:
    """The PDF is written all the same; stderr says which characters print as empty boxes."""
    if warning:
        say(tr("注意：{0}").format(warning), error=True)


def kind_label(fmt: Any) -> str:
    """The document's name in a default file name (as the window's export dialog has it)."""
    return {
        "signin": tr("签到表"),
        "pdf": tr("日程安排表"),
        "docx": tr("活动方案"),
        "json": tr("方案文件"),
    }.get(fmt.value, tr("行程"))


def export_plan_command(args: argparse.Namespace) -> int:
    from hongtu.core.atomic import ExportError
    from hongtu.core.exports import ExportFormat

    try:
        fmt = ExportFormat(args.fmt)
    except ValueError:
        formats = ", ".join(f.value for f in ExportFormat)
        say(tr("错误：不认识的格式 {0}；可用：{1}").format(args.fmt, formats), error=True)
        return 2
    from hongtu.core.limits import BLANK_ROWS_RANGE

    low, high = BLANK_ROWS_RANGE
    if not low <= args.blank_rows <= high:
        message = tr("错误：--blank-rows（签到表的空白行数）应在 {0}–{1} 之间，现在是 {2}。")
        say(message.format(low, high, args.blank_rows), error=True)
        return 2
    names = _read_names(args)
    if names is None:
        return 2
    found = read_plan_view(args)
    if found is None:
        say(tr("错误：没有编号为 {0} 的方案").format(args.id), error=True)
        return 2
    plan, view = found
    document, sites = view.document, view.sites
    output = _target(args.output, plan, fmt)
    from hongtu.core.atomic import remove_stale_partials

    remove_stale_partials([output.parent])  # what a killed export left here (never a live one)
    try:
        if fmt.value in QT_FORMATS:
            ensure_offscreen_app()
            from hongtu.qt.printing import export_document, unprintable_warning

            say_unprintable(unprintable_warning(document, names))

            path = export_document(
                document,
                fmt,
                output,
                plan=plan,
                sites=sites,
                signin_names=names,
                blank_rows=args.blank_rows,
                overwrite=args.overwrite,
            )
        else:
            from hongtu.core.exports import export_plan

            record = _record(args, plan) if fmt is ExportFormat.JSON else None
            path = export_plan(
                document,
                fmt,
                output,
                plan=plan,
                sites=sites,
                overwrite=args.overwrite,
                record=record,
            )
    except ExportError as exc:
        say(export_error_message(exc), error=True)
        return 2
    say(path)
    return 0


def _target(output: Path, plan: Any, fmt: Any) -> Path:
    """Where ``fmt`` is written: in a folder under the same default name as in the window; a
    file name whose extension does not fit ``fmt`` (a PDF asked for as x.docx) gets the right
    one, and the organiser is told, as the window's export dialog does."""
    from hongtu.core.export_names import default_file_name, with_suffix

    if output.is_dir():
        return output / default_file_name(plan.date, plan.title, kind_label(fmt), fmt.suffix)
    target = with_suffix(output, fmt.suffix)
    if target != output:
        note = tr("文件名已改为“{0}”：扩展名要与所选格式（{1}）一致。")
        say(note.format(target.name, fmt.suffix), error=True)
    return target


def _record(args: argparse.Namespace, plan: Any) -> Any:
    """The plan's activity record (the plan file carries it), None when the day has none."""
    from hongtu.cli.common import open_workspace
    from hongtu.core.plans import PlanStatus

    if plan.id is None or plan.status is not PlanStatus.DONE:  # recording marks a plan done
        return None
    workspace = open_workspace(args)
    try:
        return workspace.records.for_plan(plan.id)
    finally:
        workspace.close()


def _read_names(args: argparse.Namespace) -> list[str] | None:
    if args.names is None:
        return []
    try:
        text = args.names.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        say(tr("错误：无法读取名单 {0}：{1}").format(args.names, exc), error=True)
        return None
    return [line.strip() for line in text.splitlines() if line.strip()]


__all__ = ["export_plan_command"]
