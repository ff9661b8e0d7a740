"""`hongtu ledger …`: the branch's yearly ledger (台账), shown or exported headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hongtu.cli.common import (
    ensure_offscreen_app,
    fail,
    format_table,
    open_workspace,
    say,
    say_json,
    tr,
)

LEDGER_FORMATS = ("xlsx", "docx", "pdf")


def add_ledger_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ledger = commands.add_parser("ledger", help=tr("支部年度台账")).add_subparsers(
        dest="action", required=True
    )
    show = ledger.add_parser("show", help=tr("显示一年的台账（每次活动和全年的出勤）"))
    show.add_argument("--branch", required=True, help=tr("党支部名称"))
    show.add_argument("--year", required=True, type=int, help=tr("年份"))
    show.add_argument("--json", action="store_true", help=tr("以 JSON 输出"))
    show.set_defaults(handler=cmd_ledger_show, needs_database=True)
    export = ledger.add_parser("export", help=tr("导出一年的台账"))
    export.add_argument("--branch", required=True, help=tr("党支部名称"))
    export.add_argument("--year", required=True, type=int, help=tr("年份"))
    export.add_argument("--format", required=True, dest="fmt", help=tr("格式：xlsx、docx 或 pdf"))
    export.add_argument("--output", required=True, type=Path, help=tr("输出文件路径"))
    export.add_argument("--overwrite", action="store_true", help=tr("覆盖已存在的文件"))
    export.set_defaults(handler=cmd_ledger_export, needs_database=True)


def ledger_labels() -> Any:
    """The ledger's words in the chosen language, for the 台账 window and ``ledger show``; the
    documents (``ledger export``, 导出台账) are always in Chinese (``LedgerLabels()``)."""
    from hongtu.core.exports.ledger_labels import LedgerLabels
    from hongtu.core.members import PartyStatus
    from hongtu.core.records import DoneState

    return LedgerLabels(
        title_format=tr("{branch}{year}年主题党日活动台账"),
        year_sheet_format=tr("{year}年"),
        members_sheet=tr("成员出勤"),
        summary_heading=tr("全年情况"),
        record_title=tr("活动记录"),
        date=tr("日期"),
        theme=tr("主题"),
        time=tr("时间"),
        place=tr("地点"),
        held_mark=tr("已开展"),
        not_held_mark=tr("未开展"),
        to_come_mark=tr("待开展"),
        not_recorded_mark=tr("无记录"),
        not_recorded_note=tr("{months}无记录（本支部在红途中首次记录活动之前）"),
        month_range_format=tr("{first}—{last}"),
        months_heading=tr("各月开展情况"),
        places_heading=tr("参观地点"),
        visits_format=tr("{place}（{days}次）"),
        members_heading=tr("成员全年出勤（党员：实到/应到；其他人：列席）"),
        page_format=tr("第 {page} 页 / 共 {pages} 页"),
        host=tr("主持人"),
        recorder=tr("记录人"),
        expected=tr("应到"),
        present=tr("实到"),
        leave=tr("请假"),
        absent=tr("缺席"),
        rate=tr("出席率"),
        attendance=tr("出勤"),
        attendance_format=tr(
            "应到 {expected}，实到 {present}，请假 {leave}，缺席 {absent}，出席率 {rate}，"
            "列席 {observers}"
        ),
        missing=tr("缺席及原因"),
        content=tr("活动内容"),
        summary=tr("小结"),
        guests=tr("列席"),
        observer_mark=tr("列席"),
        leave_mark=tr("假"),
        absent_mark=tr("缺"),
        marked_month_format=tr("{figures}{marks}"),
        both_marks_format=tr("{leave}{absent}"),
        left_mark=tr("已离开"),
        marks_note=tr("“假”：请假；“缺”：缺席；“已离开”：离开日期之后的月份。"),
        became_full_format=tr("{status}（{date}转正）"),
        admitted_format=tr("{status}（{date}入党）"),
        counted_note=counted_note(),
        roster_note_format=tr("名单有变动（{changes}），可在“记录活动”中更正"),
        roster_left_format=tr("{name}已于 {date} 离开"),
        roster_not_joined_format=tr("{name}于 {date} 才加入"),
        roster_not_recorded_format=tr("{name}已于 {date} 加入，不在记录中"),
        roster_in_party_format=tr("{name}当天按名单是{status}，记录为列席"),
        roster_not_in_party_format=tr("{name}当天按名单是{status}，记录计入应到"),
        roster_changes=tr("名单变动"),
        roster_day_format=tr("{date} {title}：{note}"),
        photos=tr("照片"),
        photo_missing=tr("（照片无法读取：{name}）"),
        name=tr("姓名"),
        role=tr("职务"),
        status=tr("政治面貌"),
        year_total=tr("全年"),
        month_format=tr("{month}月"),
        months_without=tr("未开展主题党日的月份"),
        no_missing=tr("无"),
        reason_format=tr("{name}（{presence}：{reason}）"),
        no_reason_format=tr("{name}（{presence}）"),
        done_format=tr("{text}（{state}：{note}）"),
        done_no_note_format=tr("{text}（{state}）"),
        field_format=tr("{label}：{text}"),
        list_separator=tr("；"),
        statuses={
            PartyStatus.FULL: tr("正式党员"),
            PartyStatus.PROBATIONARY: tr("预备党员"),
            PartyStatus.ACTIVIST: tr("入党积极分子"),
            PartyStatus.OTHER: tr("其他"),
        },
        done_states={
            DoneState.DONE: tr("已完成"),
            DoneState.CHANGED: tr("有调整"),
            DoneState.SKIPPED: tr("未进行"),
            DoneState.ADDED: tr("临时增加"),
        },
    )


def counted_note() -> str:
    return tr("应到、实到、请假、缺席和出席率只计党员（正式党员和预备党员）；其他人出席记为列席。")


def counts_json(counts: Any) -> dict[str, Any]:
    return {
        "expected": counts.expected,
        "present": counts.present,
        "leave": counts.leave,
        "absent": counts.absent,
        "rate": None if counts.rate is None else round(counts.rate, 4),
        "observers": counts.observers,
    }


def ledger_json(ledger: Any) -> dict[str, Any]:
    from hongtu.core.ledger import MonthState

    return {
        "branch": ledger.branch,
        "year": ledger.year,
        "months_held": [m for m, held in enumerate(ledger.held, start=1) if held],
        # over without a Party-day; the months still to come are in neither list
        "months_not_held": ledger.missed_months(),
        # before the branch's first recorded Party-day: not counted as 未开展
        "months_not_recorded": ledger.months_in(MonthState.NOT_RECORDED),
        "year_totals": counts_json(ledger.counts),
        "days": [
            {
                "plan_id": d.plan_id,
                "date": d.day.isoformat(),
                "title": d.title,
                "places": list(d.places),
                "host": d.host,
                "recorder": d.recorder,
                **counts_json(d.counts),
                "missing": [
                    {"name": m.name, "presence": m.presence.value, "reason": m.reason}
                    for m in d.missing
                ],
                "guests": list(d.guests),
                "observers": list(d.observers),
                "summary": d.summary,
                "photos": len(d.photos),
                # where the roster now disagrees with the record (whose figures stand)
                "roster_changes": [
                    {"change": change.value, "name": member.name}
                    for change, member in d.roster_changes
                ],
            }
            for d in ledger.days
        ],
        "places": [{"name": name, "days": days} for name, days in ledger.places],
        "members": [
            {
                "name": m.name,
                "role": m.role,
                "party_status": m.party_status.value,
                "full_since": m.full_since.isoformat() if m.full_since else None,
                "admitted_on": m.admitted_on.isoformat() if m.admitted_on else None,
                "left_on": m.left_on.isoformat() if m.left_on else None,
                **counts_json(m.counts),
                "months": [None if c is None else counts_json(c) for c in m.months],
            }
            for m in ledger.members
        ],
    }


def unknown_branch(workspace: Any, given: str) -> str | None:
    """What is wrong with ``--branch``: no roster or record of that name (a typing slip would
    otherwise give an empty ledger), with the branches there are; None when it is known."""
    known = workspace.members.branches()
    if given.strip() in known:
        return None
    if not known:
        return tr("没有“{0}”的成员名单或活动记录：还没有任何党支部的成员名单。").format(given)
    return tr("没有“{0}”的成员名单或活动记录。已有的党支部：{1}").format(
        given, tr("、").join(known)
    )


def cmd_ledger_show(args: argparse.Namespace) -> int:
    from hongtu.core.ledger import MonthState, load_ledger

    workspace = open_workspace(args, reading=True)
    try:
        problem = unknown_branch(workspace, args.branch)
        if problem is not None:
            return fail(problem)
        ledger = load_ledger(workspace, args.branch, args.year)
    finally:
        workspace.close()
    if args.json:
        say_json(ledger_json(ledger))
        return 0
    labels = ledger_labels()
    say(labels.title_format.format(branch=ledger.branch, year=ledger.year))
    marks = {
        MonthState.HELD: "●",
        MonthState.MISSED: "○",
        MonthState.TO_COME: "·",
        MonthState.NOT_RECORDED: "–",
    }
    grid = "  ".join(f"{m}{marks[ledger.month_state(m)]}" for m in range(1, 13))
    say(tr("月份（● 已开展，○ 未开展，· 待开展，– 无记录）：") + grid)
    header = [tr("日期"), tr("主题"), *_figure_header()]
    rows = [header]
    for d in ledger.days:
        rows.append([d.day.isoformat(), d.title, *_figures(d.counts)])
    rows.append([tr("全年"), "", *_figures(ledger.counts)])
    say(format_table(rows))
    say(counted_note())
    _say_roster_notes(ledger, labels)
    others = ledger.others()
    if others:
        say(
            tr(
                "{0} 人的政治面貌是“其他”（名册没有填写政治面貌的也是“其他”），出席记为列席，"
                "不计入应到：{1}。如果其中有党员，请在名册文件中填写政治面貌后重新导入"
                "（hongtu members import），或在窗口的“文件 › 成员名单…”中改正。"
            ).format(len(others), tr("、").join(others[:10]) + ("…" if others[10:] else ""))
        )
    if ledger.places:
        say(
            tr("参观地点：")
            + tr("；").join(tr("{0}（{1} 次）").format(name, days) for name, days in ledger.places)
        )
    if ledger.members:
        say("")
        say(format_table(member_rows(ledger)))
    return 0


def _say_roster_notes(ledger: Any, labels: Any) -> None:
    """The recorded days the roster now disagrees with, and how to correct them here."""
    from hongtu.core.exports.ledger_text import roster_notes

    notes = roster_notes(ledger.days, labels)
    if not notes:
        return
    for note in notes:
        say(note)
    plans = [str(d.plan_id) for d in ledger.days if d.roster_changes]
    say(
        tr(
            "命令行更正：hongtu record 方案编号（{0}），--drop 姓名 去掉当天不在册的人，"
            "--present 姓名 加入漏记的人；保存时政治面貌按现在的名单记录。"
        ).format(tr("、").join(plans))
    )


def member_rows(ledger: Any) -> list[list[str]]:
    """Each member's year in a terminal's width: the figures, then the months they were on
    leave or absent (every month's 实到/应到 is in --json and the exported documents)."""
    rows = [[tr("姓名"), *_figure_header(), tr("请假或缺席的月份")]]
    for member in ledger.members:
        missed = []
        for month, counts in enumerate(member.months, start=1):
            if counts is not None and counts.leave:
                missed.append(tr("{0}月请假").format(month))
            if counts is not None and counts.absent:
                missed.append(tr("{0}月缺席").format(month))
        rows.append([member.name, *_figures(member.counts, member=True), tr("、").join(missed)])
    return rows


def _figure_header() -> list[str]:
    return [tr("应到"), tr("实到"), tr("请假"), tr("缺席"), tr("出席率"), tr("列席")]


def _figures(counts: Any, *, member: bool = False) -> list[str]:
    """应到 … 出席率 and 列席; a ``member``'s 出席率 — when they were away only on leave."""
    from hongtu.core.exports.ledger_text import member_rate_text
    from hongtu.core.ledger import rate_text

    numbers = (counts.expected, counts.present, counts.leave, counts.absent)
    rate = member_rate_text(counts) if member else rate_text(counts.rate)
    return [*(str(n) for n in numbers), rate, str(counts.observers)]


def cmd_ledger_export(args: argparse.Namespace) -> int:
    from hongtu.cli.export import export_error_message
    from hongtu.core.atomic import ExportError, ExportErrorCode, write_atomic
    from hongtu.core.ledger import load_ledger

    fmt = args.fmt.lower()
    if fmt not in LEDGER_FORMATS:
        return fail(tr("台账可导出的格式：{0}").format(tr("、").join(LEDGER_FORMATS)))
    output: Path = args.output
    workspace = open_workspace(args, reading=True)
    try:
        problem = unknown_branch(workspace, args.branch)
        if problem is not None:
            return fail(problem)
        ledger = load_ledger(workspace, args.branch, args.year)
    finally:
        workspace.close()
    try:
        if output.exists() and not args.overwrite:
            raise ExportError(ExportErrorCode.EXISTS, output)
        if fmt == "pdf":
            ensure_offscreen_app()
            from hongtu.cli.export import say_unprintable
            from hongtu.core.exports.ledger_summary import build_ledger_summary
            from hongtu.qt.printing import render_ledger_pdf, unprintable_warning

            summary = build_ledger_summary(ledger)
            say_unprintable(unprintable_warning(summary))
            render_ledger_pdf(summary, output)
        else:
            write_atomic(output, render_ledger(ledger, fmt))
    except ExportError as exc:
        say(export_error_message(exc), error=True)
        return 2
    say(tr("已导出：{0}").format(str(output)))
    return 0


def render_ledger(ledger: Any, fmt: str) -> bytes:
    """The ledger as an XLSX or a DOCX, in Chinese whatever the language (a filed record)."""
    if fmt == "xlsx":
        from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx

        return render_ledger_xlsx(ledger)
    from hongtu.core.exports.ledger_docx import render_ledger_docx

    return render_ledger_docx(ledger)
