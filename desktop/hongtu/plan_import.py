"""Importing a plan file, as ``hongtu plans import`` and the window (文件 → 导入方案…, a drop) do.

One reader (``core.planfile``) and one message table: the CLI and the window say the same thing
about the same file. Messages go through Qt's translator when Qt is loaded (the window always,
the CLI with ``--lang en``), so this module itself does not need Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hongtu.core.ledger import record_counts
from hongtu.core.members import Member
from hongtu.core.planfile import PlanFileError, read_plan_document
from hongtu.core.plans import Plan
from hongtu.core.record_file import SharedRecord
from hongtu.core.records import (
    ActivityRecord,
    Attendance,
    PhotoRef,
    RecordProblem,
    RecordRefusedError,
    check_record,
)
from hongtu.core.shared_sites import SiteDifference, site_differences
from hongtu.core.sites import Site
from hongtu.core.text import person_name

if TYPE_CHECKING:
    from hongtu.core.storage.plan_store import PlanStore
    from hongtu.core.storage.record_store import RecordStore


def tr(text: str) -> str:
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("PlanImport", text)


class PlanImportError(Exception):
    """The file cannot be imported; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ImportedPlan:
    """A plan read from a file (not saved yet) and how the sender's sites differ from ours."""

    plan: Plan
    differences: list[SiteDifference] = field(default_factory=list)
    record: SharedRecord | None = None  # the day as recorded (a version 2 file)


def plan_file_message(error: PlanFileError) -> str:
    reasons = {
        "too_large": tr("文件太大"),
        "not_json": tr("不是有效的 JSON 文件"),
        "duplicate_key": tr("同一处出现了两个同名的项"),
        "not_a_plan_file": tr('不是红途方案文件（缺少 "format": "hongtu-plan"）'),
        "unsupported_version": tr("方案文件版本不受支持"),
        "missing": tr("缺少必填项"),
        "wrong_type": tr("数据类型不对"),
        "invalid_value": tr("数值无效"),
        "over_limit": tr("超出上限（文字太长，或站点、活动太多）"),
        "coordinate_out_of_range": tr("坐标超出范围"),
        "ambiguous_place": tr("同时给出了目录站点和自定义地点"),
        "unknown_site_key": tr("本机站点目录中没有这个站点"),
        "site_not_found": tr("站点不存在"),
        "site_not_shareable": tr("这个地点没有坐标，无法写入文件"),
    }
    reason = reasons.get(error.code.value, error.code.value)
    if not error.path:  # the file as a whole (not JSON at all): no place in it to name
        return tr("方案文件有问题：{0}。没有导入任何内容。").format(reason)
    return tr("方案文件有问题：{0}（位置：{1}）。没有导入任何内容。").format(reason, error.path)


def read_plan_file(path: Path, sites: list[Site]) -> ImportedPlan:
    """Read and check ``path`` against the local catalogue ``sites``; raises PlanImportError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:  # a PDF, a Word file, a picture renamed
        raise PlanImportError(
            tr("方案文件有问题：这不是红途方案文件（不是文本文件）：{0}。没有导入任何内容。").format(
                path.name
            )
        ) from exc
    except OSError as exc:
        from hongtu.corrections_files import read_problem_text

        raise PlanImportError(
            tr("无法读取文件 {0}：{1}").format(path, read_problem_text(exc))
        ) from exc
    keys = {site.key: site.id for site in sites if site.key}
    try:
        contents = read_plan_document(text, keys.get)
    except PlanFileError as exc:
        raise PlanImportError(plan_file_message(exc)) from exc
    return ImportedPlan(contents.plan, site_differences(contents.sites, sites), contents.record)


@dataclass(frozen=True)
class RecordMatch:
    """The file's record matched to this computer's roster: ``record`` (plan id still 0) to
    save after the plan, or ``None`` and ``message`` saying why it stays out."""

    record: ActivityRecord | None
    message: str


def match_record(
    shared: SharedRecord, plan: Plan, roster: Iterable[Member], today: date
) -> RecordMatch:
    """Match the record's names to the members of the plan's branch on the day (here).

    Taken only when they are exactly the same people (as the window and ``hongtu record``
    require); otherwise the plan is imported without its record and the message says why.
    """
    branch = plan.branch.strip()
    on_day = [m for m in roster if m.id is not None and m.active_on(shared.day)]
    if not branch or not on_day:
        return RecordMatch(
            None,
            tr(
                "文件里的活动记录没有导入：本机的{0}还没有名册（先导入名册，再导入这个文件）。"
            ).format(branch or tr("党支部")),
        )
    by_name = {person_name(m.name): m for m in on_day}  # a name kept padded (0010) too
    attendance = []
    for entry in shared.attendance:
        member = by_name.get(entry.name)
        if member is None or member.id is None:
            return RecordMatch(
                None,
                tr("文件里的活动记录没有导入：“{0}”不在本机{1}当天的名册上。").format(
                    entry.name, branch
                ),
            )
        attendance.append(Attendance(member.id, member.name, entry.presence, entry.reason))
    record = ActivityRecord(
        plan_id=0,
        day=shared.day,
        attendance=tuple(attendance),
        summary=shared.summary,
        host=shared.host,
        recorder=shared.recorder,
        guests=shared.guests,
        done=shared.done,
        photos=tuple(
            PhotoRef(p.content_hash, p.path, p.thumbnail_path, p.caption) for p in shared.photos
        ),
        branch=branch,
    )
    try:
        check_record(record, on_day, today)
    except RecordRefusedError as exc:
        reasons = {
            RecordProblem.FUTURE_DATE: tr("活动日期还没到"),
            RecordProblem.MISSING_MEMBER: tr("本机名册上的“{0}”在记录里没有出勤情况"),
        }
        reason = reasons.get(exc.problem, tr("记录与本机名册对不上（{0}）")).format(exc.detail)
        return RecordMatch(None, tr("文件里的活动记录没有导入：{0}。").format(reason))
    counts = record_counts(record, on_day)
    return RecordMatch(
        record,
        tr("活动记录已一并导入：应到 {0}，实到 {1}，请假 {2}，缺席 {3}，列席 {4}。").format(
            counts.expected, counts.present, counts.leave, counts.absent, counts.observers
        ),
    )


def already_imported(records: RecordStore, imported: ImportedPlan, match: RecordMatch) -> str:
    """Why the file is not imported again ("" when it may be): its record is the branch's day
    already recorded for a plan of the same title (the same file imported before), which a
    second copy would count twice in the 台账."""
    if match.record is None:
        return ""
    plan_id = records.recorded_plan(match.record.branch, match.record.day, imported.plan.title)
    return "" if plan_id is None else already_imported_text(str(plan_id))


def already_imported_text(plan_id: str) -> str:
    return tr(
        "这个方案和它的活动记录已经导入过（方案编号 {0}），没有再次导入："
        "同一天记录两次，台账会把这次活动算两遍。"
    ).format(plan_id)


def imported_before_text(plan_id: int) -> str:
    """The CLI's refusal of a plan file whose plan is already stored as it is in the file."""
    return tr(
        "这个方案已经导入过（方案编号 {0}，内容与文件相同），没有再次导入。"
        "确实要再导入一份，请加 --again。"
    ).format(plan_id)


def save_imported(
    plans: PlanStore,
    records: RecordStore,
    imported: ImportedPlan,
    match: RecordMatch | None,
    today: date,
) -> tuple[Plan, str]:
    """Save the plan and, when it matched the roster, its record in the same transaction (the
    plan 已完成 with its record, or nothing); the saved plan and the sentence to show about the
    record ("" when the file has none). A record refused by the store leaves it out and saves
    the plan alone; ``PlanImportError`` (nothing saved) when the day is already recorded."""
    if match is None or match.record is None:
        return plans.save(imported.plan), match.message if match is not None else ""
    try:
        saved, _record = records.save_with_new_plan(plans, imported.plan, match.record, today=today)
    except RecordRefusedError as exc:
        if exc.problem is RecordProblem.ALREADY_RECORDED:
            raise PlanImportError(already_imported_text(exc.detail)) from exc
        if exc.problem is RecordProblem.SAME_DAY:
            note = tr(
                "文件里的活动记录没有导入：支部这一天已经记录过一次主题党日（“{0}”），"
                "同一天记录两次，台账会算两次。"
            ).format(exc.detail)
            return plans.save(imported.plan), note
        note = tr("文件里的活动记录没有导入：记录与本机名册对不上（{0}）。").format(exc.detail)
        return plans.save(imported.plan), note
    return saved, match.message
