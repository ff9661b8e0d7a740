"""`hongtu plans …`: list, import, show, optimise and export plans headless."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hongtu.cli.common import (
    fail,
    format_table,
    open_workspace,
    read_or_open,
    read_plan_view,
    say,
    say_json,
    say_table,
    site_map,
    tr,
    tr_n,
)
from hongtu.core.clocktime import hhmm
from hongtu.heap import collector_paused

if TYPE_CHECKING:
    from hongtu.core.document import DocumentLabels


def plan_id_help() -> str:
    return tr("方案编号（见 hongtu plans list）")


def export_formats_list() -> str:
    """Every export format with what it is, one a line: the help lists them (the installed
    package has no docs folder to point to)."""
    formats = [
        ("pdf", tr("日程安排表（PDF，A4，含示意图）")),
        ("signin", tr("签到表（PDF，A4）")),
        ("docx", tr("活动方案（Word 文档）")),
        ("xlsx", tr("日程表（Excel）")),
        ("csv", tr("日程表（CSV，Excel 可直接打开）")),
        ("ics", tr("日历（ICS，可导入手机日历）")),
        ("gpx", tr("路线（GPX，导航软件）")),
        ("kml", tr("路线（KML，奥维等地图软件）")),
        ("html", tr("离线网页（含示意图和日程）")),
        ("json", tr("方案文件（发给本支部成员或其他支部，用红途打开）")),
    ]
    lines = [f"  {name:<8}{label}" for name, label in formats]
    return "\n".join([tr("可用的格式（--format）："), *lines])


def add_plan_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plans = commands.add_parser("plans", help=tr("活动方案")).add_subparsers(
        dest="action", required=True
    )
    listing = plans.add_parser("list", help=tr("列出方案"))
    listing.add_argument("--json", action="store_true", help=tr("以 JSON 输出"))
    listing.set_defaults(handler=cmd_plans_list, needs_database=True)
    importing = plans.add_parser(
        "import", help=tr("导入方案文件（hongtu-plan JSON），输出新方案编号")
    )
    importing.add_argument("file", type=Path, help=tr("方案文件（hongtu-plan JSON）"))
    importing.add_argument(
        "--again",
        action="store_true",
        help=tr("方案已经导入过（内容相同）时仍再导入一份"),
    )
    importing.set_defaults(handler=cmd_plans_import)
    show = plans.add_parser(
        "show", help=tr("显示方案的日程（每项起止时间，每段路程的公里数和分钟数）")
    )
    show.add_argument("id", type=int, help=plan_id_help())
    show.add_argument("--json", action="store_true", help=tr("以 JSON 输出"))
    show.set_defaults(handler=cmd_plans_show, needs_database=True)
    optimise = plans.add_parser(
        "optimize", aliases=["optimise"], help=tr("优化站点顺序（固定的站点不动）")
    )
    optimise.add_argument("id", type=int, help=plan_id_help())
    optimise.set_defaults(handler=cmd_plans_optimise, needs_database=True)
    rename = plans.add_parser("rename", help=tr("修改方案的活动主题"))
    rename.add_argument("id", type=int, help=plan_id_help())
    rename.add_argument("title", help=tr("新的活动主题"))
    rename.set_defaults(handler=cmd_plans_rename, needs_database=True)
    export = plans.add_parser(
        "export",
        help=tr("导出方案"),
        epilog=export_formats_list(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("id", type=int, help=plan_id_help())
    export.add_argument(
        "--format", required=True, dest="fmt", help=tr("格式，见下面的列表")
    )
    export.add_argument(
        "--output",
        required=True,
        type=Path,
        help=tr("输出文件路径，或已有的文件夹（使用默认文件名）"),
    )
    export.add_argument("--overwrite", action="store_true", help=tr("覆盖已存在的文件"))
    export.add_argument("--names", type=Path, help=tr("签到表：名单文件（每行一个姓名）"))
    export.add_argument("--blank-rows", type=int, default=5, help=tr("签到表：额外空白行数"))
    export.set_defaults(handler=cmd_plans_export, needs_database=True)


# ---- commands ------------------------------------------------------------------------------


@collector_paused()  # all it reads lives until printed (hongtu.heap)
def cmd_plans_list(args: argparse.Namespace) -> int:
    from hongtu.core.storage.quick_read import PlanLine, list_plans_quickly

    def from_workspace(workspace: Any) -> list[PlanLine]:
        return [
            PlanLine(
                p.id,
                p.title,
                p.day.isoformat(),
                p.branch,
                p.status.value,
                p.stop_count,
                str(p.updated_at),
            )
            for p in workspace.plans.list_plans()
        ]

    plans = read_or_open(args, list_plans_quickly, from_workspace)
    if args.json:
        say_json(
            [
                {
                    "id": p.id,
                    "title": p.title,
                    "date": p.day,
                    "branch": p.branch,
                    "status": p.status,
                    "stops": p.stops,
                }
                for p in plans
            ]
        )
        return 0
    if not plans:
        say(tr("还没有方案。"))
        return 0
    ids, titles, days, branches, statuses, stops, _ = zip(*plans, strict=True)
    labels = {status: status_label(status) for status in set(statuses)}
    columns = [
        [tr("编号"), *map(str, ids)],
        [tr("日期"), *days],
        [tr("活动主题"), *titles],
        [tr("党支部"), *branches],
        [tr("站点数"), *map(str, stops)],
        [tr("状态"), *map(labels.__getitem__, statuses)],
    ]
    say_table(columns)
    return 0


def cmd_plans_import(args: argparse.Namespace) -> int:
    from datetime import date

    from hongtu.plan_import import (
        PlanImportError,
        already_imported,
        imported_before_text,
        match_record,
        read_plan_file,
        save_imported,
    )

    try:  # a file that cannot be read is refused before the database is opened (or made)
        with open(args.file, "rb"):
            pass
    except OSError as exc:
        return fail(tr("无法读取文件 {0}：{1}").format(args.file, exc.strerror or exc))
    workspace = open_workspace(args)
    try:
        try:
            imported = read_plan_file(args.file, workspace.sites.list_sites())
            match = None
            if imported.record is not None:
                branch = imported.plan.branch
                roster = workspace.members.members(branch) if branch.strip() else []
                match = match_record(imported.record, imported.plan, roster, date.today())
                if refused := already_imported(workspace.records, imported, match):
                    return fail(refused)
            earlier = None if args.again else workspace.plans.same_plan(imported.plan)
            if earlier is not None:
                return fail(imported_before_text(earlier))
            saved, record_note = save_imported(
                workspace.plans, workspace.records, imported, match, date.today()
            )
        except PlanImportError as exc:
            return fail(exc.message)
    finally:
        workspace.close()
    if record_note:
        say(record_note, error=True)
    if imported.differences:
        say(
            tr_n(
                "方案文件带有发送者对 %n 处站点信息的更正，未采用；在窗口中导入可逐项选择。",
                len(imported.differences),
            ),
            error=True,
        )
    say(saved.id)
    return 0


def schedule_json(plan: Any, schedule: Any, warnings: Sequence[Any]) -> dict[str, Any]:
    def leg(item: Any) -> dict[str, Any] | None:
        if item.leg is None:
            return None
        return {
            "from": item.leg.from_name,
            "to": item.leg.to_name,
            "km": round(item.leg.km, 2),  # geodesic
            "road_km": round(item.leg.road_km, 2),  # the estimate the minutes are timed over
            "minutes": item.leg.minutes,
            "overridden": item.leg.overridden,
            "distance_known": item.leg.distance_known,
            "pending": item.leg.pending,  # 待定: no position at one end, no minutes set by hand
        }

    return {
        "id": plan.id,
        "title": plan.title,
        "date": plan.date.isoformat(),
        "transport": plan.transport.value,
        "participants": plan.participants,
        "start": hhmm(schedule.start),
        "end": hhmm(schedule.end),
        "total_minutes": schedule.total_minutes,
        "travel_minutes": schedule.travel_minutes,
        "total_km": round(schedule.total_km, 2),  # geodesic
        "total_road_km": round(schedule.total_road_km, 2),  # estimated, as the documents print
        "complete": schedule.complete,  # False: some legs are 待定, the totals are lower bounds
        "items": [
            {
                "kind": item.kind.value,
                "start": hhmm(item.start),
                "end": hhmm(item.end),
                "title": item.title,
                "activity": item.activity_kind.value if item.activity_kind else None,
                "stop_number": item.stop_number,
                "stop_id": item.stop_id,
                "overridden": item.overridden,
                "provisional": item.provisional,  # after a 待定 leg: the real time is later
                "leg": leg(item),
            }
            for item in schedule.items
        ],
        "warnings": [
            {
                "code": w.code.value,
                "severity": w.severity.value,
                "stop_id": w.stop_id,
                "site": w.site_name,
                "details": w.details,
            }
            for w in warnings
        ],
    }


def time_words() -> DocumentLabels:
    """The documents' words for the schedule's times (次日, 第3天, 起, 待定) in the command's
    language."""
    from hongtu.core.document import DocumentLabels

    return replace(
        DocumentLabels.zh_cn(),
        next_day_format=tr("次日{time}"),
        later_day_format=tr("第{day}天{time}"),
        pending_time_format=tr("{start} 起"),
        provisional_time_format=tr("{time}（待定）"),
    )


def cmd_plans_show(args: argparse.Namespace) -> int:
    from hongtu.core.document import end_time, schedule_times
    from hongtu.core.routing import km_text

    found = read_plan_view(args)
    if found is None:
        return fail(tr("没有编号为 {0} 的方案").format(args.id))
    plan, view = found
    schedule, warnings = view.schedule, view.warnings
    if args.json:
        say_json(schedule_json(plan, schedule, warnings))
        return 0
    say(f"{plan.title}  {plan.date.isoformat()}  {tr_n('共 %n 人', plan.participants)}")
    rows = [[tr("时间"), tr("内容"), tr("路程")]]
    words = time_words()  # each time as the window and the documents give it (次日 after midnight)
    for item, when in zip(schedule.items, schedule_times(schedule, words), strict=True):
        rows.append([when, item_text(item), leg_text(item)])
    say(format_table(rows))
    totals = tr("结束时间 {0}，全程 {1} 分钟，行车 {2} 分钟，约 {3} 公里（估算）")
    if not schedule.complete:
        totals = tr_n(
            "结束时间最早 {0}，全程至少 {1} 分钟，行车至少 {2} 分钟，已知路程约 {3} 公里（估算）"
            "（不含 %n 段待定路程；标“待定”的时间未计入这些路程，实际会更晚）",
            schedule.pending_legs,
        )
    say(
        totals.format(
            end_time(schedule, words),
            schedule.total_minutes,
            schedule.travel_minutes,
            km_text(schedule.total_road_km),
        )
    )
    if warnings:
        say(tr("提醒：{0} 条（详见界面或 --json）").format(len(warnings)))
    return 0


def cmd_plans_optimise(args: argparse.Namespace) -> int:
    from hongtu.core.optimise import optimise_stop_order, tour_minutes, unplaced_stop_count
    from hongtu.core.plan_edits import apply_order, forgotten_leg_count
    from hongtu.core.storage.plan_store import PlanNotFoundError

    workspace = open_workspace(args)
    minutes: list[int] = []
    try:
        sites = site_map(workspace)
        settings = args.settings.travel

        def optimise(plan: Any) -> Any:
            """Run inside the write transaction: the order is found for the newest copy."""
            current = [s.id for s in plan.stops]
            minutes.append(tour_minutes(current, plan, sites, settings))
            order = optimise_stop_order(plan, sites, settings)
            minutes.append(tour_minutes(order, plan, sites, settings))
            minutes.append(unplaced_stop_count(plan, sites))
            edited = apply_order(plan, order) if order != current else plan
            minutes.append(forgotten_leg_count(plan, edited))
            return edited

        try:
            plan = workspace.plans.update(args.id, optimise)
        except PlanNotFoundError:
            return fail(tr("没有编号为 {0} 的方案").format(args.id))
        names = [
            sites[s.site_id].name if s.site_id in sites else (s.custom.name if s.custom else "?")
            for s in plan.stops
        ]
    finally:
        workspace.close()
    before, after, unplaced, forgotten = minutes[-4:]
    if after < before:
        say(tr("新顺序：") + " → ".join(names))
        say(tr("行车时间：{0} 分钟 → {1} 分钟").format(before, after))
    else:
        say(tr("当前顺序已经是最短路程（行车约 {0} 分钟），没有改动：").format(before))
        say(" → ".join(names))
    if unplaced:
        say(tr_n("%n 个站点位置未知，留在原处，它们前后的路程没有算在内。", unplaced))
    if forgotten:
        say(tr_n("站点顺序变了，%n 段手动设定的路程用时已清除，改按距离估算。", forgotten))
    return 0


def cmd_plans_rename(args: argparse.Namespace) -> int:
    from hongtu.core.limits import PlanRulesError, normalise_text
    from hongtu.core.storage.plan_store import PlanNotFoundError

    title = normalise_text("title", args.title)
    workspace = open_workspace(args)
    try:

        def retitle(plan: Any) -> Any:
            plan.title = title
            return plan

        try:
            plan = workspace.plans.update(args.id, retitle)
        except PlanNotFoundError:
            return fail(tr("没有编号为 {0} 的方案").format(args.id))
        except PlanRulesError:
            return fail(tr("活动主题不能为空，也不能过长（未保存）"))
        record = workspace.records.for_plan(plan.id)
    finally:
        workspace.close()
    say(tr("方案 {0} 已改名为：{1}").format(plan.id, plan.title))
    if record is not None and record.title != plan.title:
        say(
            tr("这个方案的活动已于 {0} 记录：台账中这一天仍是记录时的主题“{1}”。").format(
                record.day.isoformat(), record.title
            )
        )
    return 0


def cmd_plans_export(args: argparse.Namespace) -> int:
    from hongtu.cli.export import export_plan_command

    return export_plan_command(args)


# ---- words ---------------------------------------------------------------------------------


def status_label(status: str) -> str:
    return {"draft": tr("草稿"), "planned": tr("已定"), "done": tr("已完成")}.get(status, status)


def activity_label(kind: str) -> str:
    return {
        "tour": tr("参观学习"),
        "oath": tr("重温入党誓词"),
        "wreath": tr("敬献花篮"),
        "lesson": tr("现场党课"),
        "discussion": tr("交流研讨"),
        "lunch": tr("午餐"),
        "custom": tr("其他活动"),
    }.get(kind, kind)


def item_text(item: Any) -> str:
    kind = item.kind.value
    if kind == "gather":
        return tr("集合、乘车：{0}").format(item.title or tr("（未设置）"))
    if kind == "travel":
        place = item.leg.to_name if item.leg else item.title
        return tr("前往 {0}").format(place or tr("（未设置）"))
    if kind == "visit":
        return f"{item.stop_number}. {item.title}"
    if kind == "activity":
        from hongtu.core.document import says_its_kind

        kind = item.activity_kind
        custom = kind is None or kind.value == "custom" or says_its_kind(kind, item.title)
        label = "" if custom else activity_label(kind.value)
        return "    · " + (
            tr("{0}：{1}").format(label, item.title)
            if item.title and label
            else item.title or label
        )
    return tr("返回 {0}").format(item.title or tr("（未设置）"))


def leg_text(item: Any) -> str:
    from hongtu.core.routing import km_text

    if item.leg is None:
        return ""
    if item.leg.pending:
        return tr("路程待定")
    km = (
        tr("约 {0} km").format(km_text(item.leg.road_km))
        if item.leg.distance_known
        else tr("距离未知")
    )
    manual = tr("（手动）") if item.leg.overridden else ""
    return f"{km}, {item.leg.minutes} {tr('分钟')}{manual}"


def plan_file_message(error: Any) -> str:
    """What is wrong with a plan file: the one message table, shared with the window."""
    from hongtu.plan_import import plan_file_message as message

    return message(error)
