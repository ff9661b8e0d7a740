"""`hongtu members …`: a branch's roster, imported from a spreadsheet, typed, or listed."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from hongtu.cli.common import fail, format_table, open_workspace, say, say_json, tr, tr_n


def add_member_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    members = commands.add_parser("members", help=tr("支部党员名册")).add_subparsers(
        dest="action", required=True
    )
    importing = members.add_parser(
        "import", help=tr("从 Excel（.xlsx）或 CSV 名册导入（有问题则一人也不导入）")
    )
    importing.add_argument("file", type=Path, help=tr("名册文件（.xlsx 或 .csv）"))
    importing.add_argument("--branch", required=True, help=tr("党支部名称"))
    importing.set_defaults(handler=cmd_members_import)
    adding = members.add_parser("add", help=tr("添加一名成员"))
    adding.add_argument("--branch", required=True, help=tr("党支部名称"))
    adding.add_argument("--name", required=True, help=tr("姓名"))
    adding.add_argument("--role", default="", help=tr("职务"))
    adding.add_argument(
        "--status", default="", help=tr("政治面貌：正式党员、预备党员、入党积极分子或其他")
    )
    adding.add_argument(
        "--joined", default="", help=tr("加入日期，如 2026-04-01（不填：一直在册）")
    )
    adding.add_argument("--left", default="", help=tr("离开日期，如 2026-06-15（不填：仍在册）"))
    adding.add_argument(
        "--full-since",
        default="",
        help=tr(
            "转正日期（预备党员成为正式党员的日期），如 2026-06-15：此前的活动按预备党员计，"
            "当天起按正式党员计（不填：政治面貌始终如上）"
        ),
    )
    adding.add_argument(
        "--admitted",
        default="",
        help=tr(
            "入党日期（成为预备党员的日期），如 2026-07-01：此前的活动按入党积极分子计（列席，"
            "不计应到）（不填：政治面貌始终如上）"
        ),
    )
    adding.set_defaults(handler=cmd_members_add)
    removing = members.add_parser(
        "remove",
        help=tr("删除误加的成员（只限没有出现在任何活动记录里的；已离开的请填写离开日期）"),
    )
    removing.add_argument("id", type=int, help=tr("成员编号（见 members list）"))
    removing.add_argument("--branch", required=True, help=tr("党支部名称"))
    removing.set_defaults(handler=cmd_members_remove, needs_database=True)
    listing = members.add_parser("list", help=tr("列出支部成员（含已离开的）"))
    listing.add_argument("--branch", required=True, help=tr("党支部名称"))
    listing.add_argument("--json", action="store_true", help=tr("以 JSON 输出"))
    listing.set_defaults(handler=cmd_members_list, needs_database=True)


def status_text(status: Any) -> str:
    from hongtu.core.members import PartyStatus

    return {
        PartyStatus.FULL: tr("正式党员"),
        PartyStatus.PROBATIONARY: tr("预备党员"),
        PartyStatus.ACTIVIST: tr("入党积极分子"),
        PartyStatus.OTHER: tr("其他"),
    }[status]


def member_problem_text(problem: Any) -> str:
    from hongtu.core.members import MemberProblemCode

    reasons = {
        MemberProblemCode.EMPTY_ROW: tr(
            "第 {0} 行是空行（或合并单元格的一部分），下面还有姓名：请删去这一行，"
            "每人一行连着写"
        ),
        MemberProblemCode.NOT_A_NAME: tr(
            "第 {0} 行（“{1}”）不是姓名，而像表尾的制表人、合计等，下面却还有姓名："
            "请把它移到名单最后，或删去这一行"
        ),
        MemberProblemCode.EMPTY_NAME: tr("第 {0} 行没有姓名（可能是合并单元格）"),
        MemberProblemCode.NAME_TOO_LONG: tr("第 {0} 行的姓名太长（“{1}”）"),
        MemberProblemCode.ROLE_TOO_LONG: tr("第 {0} 行的职务太长（“{1}”）"),
        MemberProblemCode.DUPLICATE: tr(
            "第 {0} 行的姓名与前面重复（“{1}”）：每人只写一行；同名的两个人，"
            "请在姓名后加以区分，如“{1}（大）”"
        ),
        MemberProblemCode.UNKNOWN_STATUS: tr(
            "第 {0} 行的政治面貌无法识别（“{1}”）：应为正式党员、预备党员、入党积极分子或其他"
        ),
        MemberProblemCode.BAD_DATE: tr(
            "第 {0} 行的日期无法识别（“{1}”）：请写成 2021-05-01 或 2021年5月1日"
        ),
        MemberProblemCode.LEFT_BEFORE_JOINED: tr("第 {0} 行（{1}）的离开日期早于加入日期"),
        MemberProblemCode.FULL_SINCE_NOT_IN_PARTY: tr(
            "第 {0} 行有转正日期，但政治面貌是“{1}”：只有正式党员或预备党员才有转正日期"
        ),
        MemberProblemCode.ADMITTED_NOT_IN_PARTY: tr(
            "第 {0} 行有入党日期，但政治面貌是“{1}”：只有正式党员或预备党员才有入党日期"
        ),
        MemberProblemCode.ADMITTED_AFTER_FULL_SINCE: tr(
            "第 {0} 行（{1}）的入党日期晚于转正日期"
        ),
        MemberProblemCode.MERGED: tr(
            "第 {0} 行在合并单元格 {1} 里：请取消合并，每人一行、每格一个值"
        ),
    }
    return reasons[problem.code].format(problem.row, problem.text[:20])


def member_edit_text(error: Any) -> str:
    from hongtu.core.members import MemberEditProblem
    from hongtu.core.roster import MAX_NAME_CHARS

    return {
        MemberEditProblem.EMPTY_NAME: tr("请填写姓名"),
        MemberEditProblem.NAME_TOO_LONG: tr("姓名应为 1 到 {0} 个字").format(MAX_NAME_CHARS),
        MemberEditProblem.ROLE_TOO_LONG: tr("职务太长"),
        MemberEditProblem.DUPLICATE: tr("支部里已有一位叫“{0}”的成员").format(error.name),
        MemberEditProblem.LEFT_BEFORE_JOINED: tr("离开日期不能早于加入日期"),
        MemberEditProblem.FULL_SINCE_NOT_IN_PARTY: tr(
            "只有正式党员或预备党员才有转正日期：请把政治面貌改为正式党员或预备党员，"
            "或不填转正日期"
        ),
        MemberEditProblem.ADMITTED_NOT_IN_PARTY: tr(
            "只有正式党员或预备党员才有入党日期：请把政治面貌改为正式党员或预备党员，"
            "或不填入党日期"
        ),
        MemberEditProblem.ADMITTED_AFTER_FULL_SINCE: tr(
            "{0} 的入党日期不能晚于转正日期"
        ).format(error.name),
        MemberEditProblem.CHANGED_ELSEWHERE: tr(
            "{0} 的资料已在别处修改（例如导入了新名册），这次修改没有保存；"
            "名单已重新载入，请重新编辑"
        ).format(error.name),
        MemberEditProblem.ON_A_RECORD: tr(
            "{0} 在 {1} 的活动记录里，不能删除（台账的出勤要用到）；"
            "如已离开支部，请填写离开日期（标记离开）"
        ).format(error.name, error.day.isoformat() if error.day else ""),
    }[error.problem]


def member_error_text(error: Any) -> str:
    from hongtu.core.members import MemberFileErrorCode
    from hongtu.core.roster import RosterErrorCode

    return {
        RosterErrorCode.NOT_FOUND: tr("找不到名册文件：{0}"),
        RosterErrorCode.UNREADABLE: tr("无法读取这个名册文件（文件损坏或编码不是 UTF-8/GBK）"),
        RosterErrorCode.UNSUPPORTED: tr("只能读取 Excel（.xlsx）或 CSV 名册文件"),
        RosterErrorCode.EMPTY: tr("名册文件里没有找到姓名"),
        RosterErrorCode.NOT_TEXT: tr(
            "“{0}”不是 CSV 文本文件（可能是图片、压缩包、PDF 或旧版 .xls）：请另存为 .xlsx 或 CSV"
        ),
        MemberFileErrorCode.NO_NAME_COLUMN: tr(
            "第一个工作表的前五行里没有“姓名”列：是不是选错了工作表或文件？"
        ),
        MemberFileErrorCode.WRONG_SHEET: tr(
            "名册不在第一个工作表里，而在工作表“{0}”里：请把它移到最前面，或另存为只含名册的文件"
        ),
        MemberFileErrorCode.NO_MEMBERS: tr("名册文件里没有找到姓名"),
        MemberFileErrorCode.TOO_MANY: tr("名册人数太多（{0} 人）"),
        MemberFileErrorCode.SAME_FIELD_TWICE: tr(
            "第 {0} 行的表头里，{1} 列“{2}”和 {3} 列“{4}”说的是同一项，不知道该用哪一列："
            "请删去其中一列（或改名）再导入"
        ),
    }[error.code].format(error.detail, *error.columns)


def import_notes(outcome: Any, listed: Any) -> list[str]:
    """What an import did beyond the counts: members back in the branch, members who left and
    were left as they are, and the lines under the list that were not taken as members."""
    notes = []
    if outcome.rejoined:
        notes.append(
            tr("{0} 重新加入支部：按名册里的加入日期另起一段，以前的记录不变").format(
                tr("、").join(outcome.rejoined)
            )
        )
    for name, left_on in outcome.still_left:
        notes.append(
            tr(
                "{0} 已于 {1} 离开支部，名册里没有写离开日期，仍按已离开处理；"
                "如已重新加入，请在名册里填写重新加入的日期（加入日期），再导入"
            ).format(name, left_on.isoformat())
        )
    if listed.footer_row is not None:
        notes.append(
            tr("第 {0} 行起（“{1}”）是名单下面的落款、合计等，没有作为成员导入").format(
                listed.footer_row, listed.footer[:20]
            )
        )
    return notes


def import_summary(branch: str, outcome: Any) -> str:
    return tr("已导入 {0}：新增 {1} 人，更新 {2} 人，{3} 人没有变化").format(
        branch, outcome.added, outcome.updated, outcome.unchanged
    )


def cmd_members_import(args: argparse.Namespace) -> int:
    from hongtu.core.members import MemberImportError, read_member_file

    try:
        listed = read_member_file(args.file)
    except MemberImportError as exc:
        if exc.code is not None:
            return fail(member_error_text(exc))
        for problem in exc.problems:
            say(member_problem_text(problem), error=True)
        return fail(tr_n("名册有 %n 处问题，未导入任何人", len(exc.problems)))
    from hongtu.core.members import MemberEditError

    workspace = open_workspace(args)
    try:
        outcome = workspace.members.import_members(
            args.branch, listed.members, listed.fields
        )
    except MemberEditError as exc:  # a 离开日期 before the day they joined
        return fail(member_edit_text(exc))
    finally:
        workspace.close()
    say(import_summary(args.branch.strip(), outcome))
    for note in import_notes(outcome, listed):
        say(note)
    return 0


def cmd_members_add(args: argparse.Namespace) -> int:
    from hongtu.core.members import Member, PartyStatus, parse_status
    from hongtu.core.roster import MAX_NAME_CHARS
    from hongtu.core.text import person_name

    name = person_name(args.name)
    status = parse_status(args.status)
    if not name or len(name) > MAX_NAME_CHARS:
        return fail(tr("姓名应为 1 到 {0} 个字").format(MAX_NAME_CHARS))
    if status is None:
        return fail(tr("政治面貌应为正式党员、预备党员、入党积极分子或其他"))
    if args.full_since.strip() and not args.status.strip():
        status = PartyStatus.FULL  # a 转正日期 alone: a Party member, 正式 from that day
    elif args.admitted.strip() and not args.status.strip():
        status = PartyStatus.PROBATIONARY  # a 入党日期 alone: 预备党员 from that day
    days: dict[str, date | None] = {}
    for field, text, words in (
        ("joined_on", args.joined, tr("加入日期")),
        ("left_on", args.left, tr("离开日期")),
        ("full_since", args.full_since, tr("转正日期")),
        ("admitted_on", args.admitted, tr("入党日期")),
    ):
        try:
            days[field] = date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            return fail(
                tr("{0}“{1}”不是日期：请写成 2026-04-01 这样的年-月-日").format(words, text)
            )
    from hongtu.core.members import MemberEditError

    workspace = open_workspace(args)
    try:
        member = workspace.members.add(
            args.branch, Member(None, name, args.role.strip(), status, **days)
        )
    except MemberEditError as exc:
        return fail(member_edit_text(exc))
    finally:
        workspace.close()
    say(tr("已添加：{0}（编号 {1}）").format(member.name, member.id))
    return 0


def cmd_members_remove(args: argparse.Namespace) -> int:
    """Delete a member added by mistake, by the number ``members list`` shows."""
    from hongtu.core.members import MemberEditError

    workspace = open_workspace(args)
    try:
        if all(m.id != args.id for m in workspace.members.members(args.branch)):
            return fail(tr("{0} 没有编号为 {1} 的成员").format(args.branch.strip(), args.id))
        try:
            member = workspace.members.remove(args.id)
        except MemberEditError as exc:
            return fail(member_edit_text(exc))
    finally:
        workspace.close()
    say(tr("已删除：{0}（编号 {1}）").format(member.name, args.id))
    return 0


def cmd_members_list(args: argparse.Namespace) -> int:
    """The roster with each member's 政治面貌 today (a 预备党员 whose 转正日期 has come is a
    正式党员, one whose 入党日期 has not an 入党积极分子) and their dates."""
    today = date.today()
    workspace = open_workspace(args, reading=True)
    try:
        members = workspace.members.members(args.branch)
    finally:
        workspace.close()
    if args.json:
        say_json(
            [
                {
                    "id": m.id,
                    "name": m.name,
                    "role": m.role,
                    "party_status": m.status_on(today).value,
                    "joined_on": m.joined_on.isoformat() if m.joined_on else None,
                    "left_on": m.left_on.isoformat() if m.left_on else None,
                    "full_since": m.full_since.isoformat() if m.full_since else None,
                    "admitted_on": m.admitted_on.isoformat() if m.admitted_on else None,
                }
                for m in members
            ]
        )
        return 0
    if not members:
        say(tr("{0} 还没有成员").format(args.branch))
        return 0
    header = [tr("编号"), tr("姓名"), tr("职务"), tr("政治面貌"), tr("加入日期"), tr("离开日期")]
    rows = [[*header, tr("入党日期"), tr("转正日期")]]
    rows += [
        [
            str(m.id),
            m.name,
            m.role,
            status_text(m.status_on(today)),
            m.joined_on.isoformat() if m.joined_on else "",
            m.left_on.isoformat() if m.left_on else "",
            m.admitted_on.isoformat() if m.admitted_on else "",
            m.full_since.isoformat() if m.full_since else "",
        ]
        for m in members
    ]
    say(format_table(rows))
    return 0
