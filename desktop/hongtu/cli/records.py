"""`hongtu record PLAN …`: record the day of a plan headless (everyone present but a few)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hongtu.cli.common import fail, find_plan, open_workspace, say, site_map, tr


def add_record_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    record = commands.add_parser(
        "record",
        help=tr(
            "记录活动：除列出的请假、缺席人员外，名册上的人都算出席；"
            "已有记录时只改列出的人和给出的内容，其余照旧"
        ),
    )
    record.add_argument("plan", type=int, help=tr("方案编号"))
    record.add_argument(
        "--leave", action="append", default=[], help=tr("请假：姓名=原因（可重复）")
    )
    record.add_argument("--absent", action="append", default=[], help=tr("缺席：姓名（可重复）"))
    record.add_argument(
        "--present",
        action="append",
        default=[],
        help=tr("改为出席：姓名（可重复；更正已有记录时用）"),
    )
    record.add_argument(
        "--drop",
        action="append",
        default=[],
        help=tr(
            "更正已有记录时去掉：姓名（可重复；只限按成员名单的加入、离开日期当天不在册的人）"
        ),
    )
    record.add_argument(
        "--title", help=tr("活动主题（默认为方案的主题；更正时默认保留记录里的主题）")
    )
    record.add_argument("--summary", help=tr("活动小结"))
    record.add_argument("--host", help=tr("主持人"))
    record.add_argument("--recorder", help=tr("记录人"))
    record.add_argument(
        "--photo",
        action="append",
        default=[],
        type=Path,
        help=tr("照片文件（JPEG、PNG 或 HEIC；可重复），存入数据目录"),
    )
    record.add_argument(
        "--again",
        action="store_true",
        help=tr("支部这一天已有另一个方案的记录时仍然记录（台账会把这一天算两次）"),
    )
    record.set_defaults(handler=cmd_record, needs_database=True)


def record_problem_text(problem: Any, detail: str) -> str:
    from hongtu.core.records import RecordProblem

    return {
        RecordProblem.FUTURE_DATE: tr("活动日期 {0} 还没到，不能记录"),
        RecordProblem.NO_BRANCH: tr("方案没有填写党支部，无法对应名册"),
        RecordProblem.NOT_ON_ROSTER: tr("{0} 不在当天的支部名册上"),
        RecordProblem.MISSING_MEMBER: tr("名册上的 {0} 没有出勤情况"),
        RecordProblem.TWICE: tr("{0} 出现了两次"),
        RecordProblem.LEAVE_WITHOUT_REASON: tr("{0} 请假，需要填写原因"),
        RecordProblem.TEXT_TOO_LONG: tr("文字太长：{0}"),
        RecordProblem.REASON_TOO_LONG: tr("{0} 的请假原因太长"),
        RecordProblem.NO_MEMBERS: tr("支部当天的名册是空的：请先导入名册"),
        RecordProblem.STALE: tr("这条记录已在别处修改，请重新打开后再改"),
        RecordProblem.ALREADY_RECORDED: tr("这一天已经记录过（方案编号 {0}）"),
        RecordProblem.SAME_DAY: tr(
            "支部这一天已经记录过一次主题党日（“{0}”）：同一天记录两次，台账会算两次。"
            "确实是同一天的另一次活动，请加 --again"
        ),
    }[problem].format(_field_words(detail))


def _field_words(detail: str) -> str:
    """A refusal's detail: a member's name as it is, a field of the record in words."""
    fields = {
        "summary": tr("活动小结"),
        "host": tr("主持人"),
        "recorder": tr("记录人"),
        "title": tr("活动主题"),
    }
    return fields.get(detail, detail)


def photo_problem_text(code: Any, path: Path) -> str:
    from hongtu.core.photos import PhotoErrorCode

    return {
        PhotoErrorCode.MISSING: tr("找不到照片文件：{0}"),
        PhotoErrorCode.UNREADABLE: tr("无法读取照片文件（没有权限或磁盘出错）：{0}"),
        PhotoErrorCode.NOT_AN_IMAGE: tr("这不是照片文件：{0}"),
        PhotoErrorCode.UNSUPPORTED: tr("只能添加 JPEG、PNG 或 HEIC 格式的照片：{0}"),
        PhotoErrorCode.HEIC_UNAVAILABLE: tr("这台电脑无法读取 HEIC 照片，请先转换为 JPEG：{0}"),
        PhotoErrorCode.DAMAGED: tr("照片文件已损坏或不完整：{0}"),
        PhotoErrorCode.TOO_LARGE: tr("照片太大，无法添加：{0}"),
        PhotoErrorCode.NOT_STORED: tr("照片无法存入数据目录（磁盘已满或没有权限）：{0}"),
    }[code].format(str(path))


def add_photos(current: tuple[Any, ...], files: list[Path]) -> tuple[Any, ...]:
    """The record's photos with ``files`` stored and added (a photo already there once)."""
    from hongtu.core.photos import store_photo

    photos = list(current)
    for path in files:
        ref = store_photo(path)
        if all(p.content_hash != ref.content_hash for p in photos):
            photos.append(ref)
    return tuple(photos)


def _given(value: str | None, recorded: str) -> str:
    """An option given on the command line, else what the record already says."""
    return recorded if value is None else value


def _named_members(
    members: list[Any], leave: list[str], absent: list[str], present: list[str]
) -> tuple[dict[int, str], list[int], list[int]] | str:
    """``--leave NAME=REASON``, ``--absent NAME``, ``--present NAME`` as member ids; or what is
    wrong: a name not on the roster that day, or one person named twice. A name is taken as
    ``person_name`` spells it ("王 芳" is 王芳)."""
    from hongtu.core.text import person_name

    ids = {person_name(m.name): m.id for m in members}
    seen: set[str] = set()
    on_leave: dict[int, str] = {}
    away: list[int] = []
    back: list[int] = []
    named = [
        (person_name(item.partition("=")[0]), item.partition("=")[2].strip())
        for item in leave
    ]
    for name, reason, kind in [
        *((name, reason, "leave") for name, reason in named),
        *((person_name(name), "", "absent") for name in absent),
        *((person_name(name), "", "present") for name in present),
    ]:
        if name not in ids:
            return tr("{0} 不在当天的支部名册上").format(name)
        if name in seen:
            return tr("{0} 被列了两次（请假、缺席、出席只能选一种）").format(name)
        seen.add(name)
        member_id = ids[name]
        if kind == "leave":
            on_leave[member_id] = reason
        else:
            (away if kind == "absent" else back).append(member_id)
    return on_leave, away, back


def _dropped_members(
    roster: list[Any], day: Any, earlier: tuple[Any, ...], names: list[str]
) -> list[int] | str:
    """``--drop NAME`` as member ids: people of the record whose roster dates now put them off
    the roster that day; or why a name cannot be taken out."""
    from hongtu.core.records import off_roster
    from hongtu.core.text import person_name

    if names and not earlier:
        return tr("--drop 只用于更正已有记录：第一次记录只包括当天在册的人")
    off = {person_name(m.name): m for m in off_roster(roster, day, earlier)}
    in_record = {person_name(entry.name) for entry in earlier}
    ids: list[int] = []
    for name in (person_name(n) for n in names):
        if name not in in_record:
            return tr("{0} 不在这一天的记录里").format(name)
        if name not in off:
            return tr(
                "{0} 按成员名单在 {1} 在册，不能从记录中去掉"
                "（如已离开，请先在成员名单中填写离开日期）"
            ).format(name, day.isoformat())
        member_id = off[name].id
        assert member_id is not None  # a roster member
        ids.append(member_id)
    return ids


def cmd_record(args: argparse.Namespace) -> int:
    from hongtu.core.photos import PhotoError
    from hongtu.core.record_items import planned_items
    from hongtu.core.records import (
        ActivityRecord,
        RecordRefusedError,
        everyone_present,
        expected_members,
    )

    workspace = open_workspace(args)
    try:
        plan = find_plan(workspace, args.plan)
        if plan is None:
            return fail(tr("没有编号为 {0} 的方案").format(args.plan))
        current = workspace.records.for_plan(plan.id)
        # a recorded day is corrected on its own day, whatever the plan says now
        day = current.day if current is not None else plan.date
        members = workspace.members.members(plan.branch, on=day)
        earlier = current.attendance if current is not None else ()
        # a correction keeps the record's people (also one who has left since) and adds a
        # member on the roster that day only when named
        nameable = {m.id: m for m in [*expected_members(members, day, earlier), *members]}
        named = _named_members(list(nameable.values()), args.leave, args.absent, args.present)
        if isinstance(named, str):
            return fail(named)
        leave, absent, present = named
        dropped = _dropped_members(workspace.members.members(plan.branch), day, earlier, args.drop)
        if isinstance(dropped, str):
            return fail(dropped)
        try:
            photos = add_photos(current.photos if current else (), args.photo)
        except PhotoError as exc:
            return fail(photo_problem_text(exc.code, exc.path))
        attendance = everyone_present(
            members,
            day,
            leave=leave,
            absent=absent,
            before=earlier,
            present=present,
            drop=dropped,
        )
        # a first record (or one made without them) gets the plan's items, as in the window
        done = current.done if current and current.done else ()
        done = done or planned_items(plan, site_map(workspace))
        record = ActivityRecord(
            plan.id,
            day,
            attendance,
            summary=_given(args.summary, current.summary if current else ""),
            host=_given(args.host, current.host if current else ""),
            recorder=_given(args.recorder, current.recorder if current else ""),
            done=done,
            guests=current.guests if current else (),
            photos=photos,
            version=current.version if current else 0,
            title=args.title or "",
        )
        try:
            saved = workspace.records.save(record, same_day=args.again)
        except RecordRefusedError as exc:
            return fail(record_problem_text(exc.problem, exc.detail))
        roster = workspace.members.members(plan.branch)
        still_off = _off_roster_note(roster, saved)
        restated = _restated_note(roster, saved, earlier)
    finally:
        workspace.close()
    from hongtu.core.ledger import record_counts

    counts = record_counts(saved, roster)
    say(
        tr("已记录：应到 {0}，实到 {1}，请假 {2}，缺席 {3}，列席 {4}；方案已标为已完成").format(
            counts.expected, counts.present, counts.leave, counts.absent, counts.observers
        )
    )
    if saved.photos:
        say(tr("照片 {0} 张").format(len(saved.photos)))
    if restated:
        say(restated)
    if still_off:
        say(still_off)
    return 0


def _restated_note(roster: list[Any], saved: Any, earlier: tuple[Any, ...]) -> str:
    """A correction records each person's 政治面貌 by the roster as it is now: the people it
    puts in or out of 应到 compared with the record as it was."""
    from hongtu.cli.members import status_text
    from hongtu.core.records import RosterChange, roster_changes

    kept = {entry.member_id for entry in saved.attendance}
    names = [
        tr("{0}（{1}）").format(m.name, status_text(m.status_on(saved.day)))
        for change, m in roster_changes(roster, saved.day, earlier)
        if change in (RosterChange.IN_PARTY, RosterChange.NOT_IN_PARTY) and m.id in kept
    ]
    if not names:
        return ""
    return tr("政治面貌已按现在的成员名单记录：{0}").format(tr("、").join(names))


def _off_roster_note(roster: list[Any], saved: Any) -> str:
    """A hint when the record keeps people the roster now puts off it that day, or leaves out
    members its 加入日期 now puts on it."""
    from hongtu.core.records import RosterChange, off_roster, roster_changes

    names = [m.name for m in off_roster(roster, saved.day, saved.attendance)]
    missing = [
        m.name
        for change, m in roster_changes(roster, saved.day, saved.attendance)
        if change is RosterChange.NOT_RECORDED
    ]
    hints = []
    if names:
        hints.append(
            tr(
                "提示：按成员名单，{0} 在 {1} 不在册；要从这一天的记录中去掉，请加 --drop 姓名"
            ).format(tr("、").join(names), saved.day.isoformat())
        )
    if missing:
        hints.append(
            tr(
                "提示：按成员名单，{0} 在 {1} 已在册，但不在这一天的记录中；要加入，请加 "
                "--present 姓名（或 --leave、--absent）"
            ).format(tr("、").join(missing), saved.day.isoformat())
        )
    return "\n".join(hints)
