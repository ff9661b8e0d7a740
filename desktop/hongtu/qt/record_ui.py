"""Puts 记录活动 into the window: in the 方案 menu, the plan list's context menu and a button.

It acts on the open plan (the one selected in the list). A plan whose day has not come, a plan
without a 党支部 and a branch without a roster that day are explained in words instead of
opening the record; otherwise the record dialog opens (the saved record, when there is one, for
correction). A save marks the plan 已完成: the open plan is shown again as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from hongtu.qt import messages

if TYPE_CHECKING:  # the dialog, the roster and the photo store load when a record is opened
    from hongtu.core.photos import PhotoStore
    from hongtu.core.plans import Plan
    from hongtu.core.records import ActivityRecord
    from hongtu.core.workspace import Workspace
    from hongtu.qt.panel_host import PanelHost
    from hongtu.qt.plan_list import PlanListPanel
    from hongtu.qt.plan_session import PlanSession
    from hongtu.qt.record_dialog import RecordDialog

NOTICE_MS = 8000


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordUi", text)


class RecordUi(QObject):
    def __init__(
        self,
        window: PanelHost,
        session: PlanSession,
        plan_list: PlanListPanel,
        *,
        today: Callable[[], date] = date.today,
        photos: PhotoStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.plan_list = plan_list
        self._today = today
        self._photos = photos
        self.workspace: Workspace | None = None
        self.dialog: RecordDialog | None = None  # the record being typed (one at a time)
        self._reuse_confirmed: set[int] = set()  # recorded plans the organiser chose to change
        self._closed: RecordDialog | None = None
        # 成员名单 (set by the branch tools): offered when the branch has no roster that day
        self.open_roster: Callable[[], QDialog | None] | None = None
        self.action = QAction(tr("记录活动(&R)…"), self)
        self.action.setToolTip(tr("活动当天或之后：记录出勤、实际活动内容、小结和照片"))
        self.action.triggered.connect(self.record_open_plan)

    def install(self, plan_menu: QMenu) -> None:
        plan_menu.addSeparator()
        plan_menu.addAction(self.action)
        self.plan_list.add_plan_action(self.action, tr("记录活动…"))
        self.session.plan_changed.connect(self._update_action)
        self.session.plan_closed.connect(self._update_action)
        self.session.confirm_edit = self.confirm_recorded_plan_edit
        self._update_action()

    def attach(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._update_action()

    # ---- the use case ------------------------------------------------------------------------
    @property
    def photos(self) -> PhotoStore:
        if self._photos is None:
            from hongtu.core.photos import PhotoStore

            self._photos = PhotoStore()
        return self._photos

    def record_open_plan(self) -> None:
        self.session.flush_requested.emit()  # the title or date being typed counts
        plan = self.session.plan
        workspace = self.workspace
        if plan is None or plan.id is None or workspace is None or self.dialog is not None:
            return
        if self.session.conflict is not None:
            self._refuse(tr("方案有未保存的修改与别处的修改冲突：请先在“当前方案”中处理。"))
            return
        today = self._today()
        current = workspace.records.for_plan(plan.id)
        # a recorded day is corrected on its own day, whatever the plan says now
        day = current.day if current is not None else plan.date
        if day > today:
            self._refuse(
                tr("活动日期 {0} 还没到：到了当天或之后才能记录活动。").format(day.isoformat())
            )
            return
        if not plan.branch.strip():
            self._refuse(
                tr(
                    "方案没有填写党支部，无法对应成员名单。请先在“当前方案 → 基本信息”中"
                    "填写党支部，再记录活动。"
                )
            )
            return
        from hongtu.core.records import RosterChange, expected_members, off_roster, roster_changes
        from hongtu.qt.record_dialog import Newer, RecordDialog

        # a correction lists the people of the record (who was expected that day), not
        # members added to the roster since; those the roster now puts on it that day by a
        # 加入日期 are offered to add (hidden until ticked)
        roster = workspace.members.members(plan.branch)
        members = expected_members(roster, day, current.attendance if current else ())
        changes = roster_changes(roster, day, current.attendance) if current else ()
        members += [m for change, m in changes if change is RosterChange.NOT_RECORDED]
        if not members:
            self._offer_roster(self._no_roster_text(plan, day, workspace))
            return
        corrections = len(workspace.records.history(plan.id)) if current is not None else 0
        same_day = current is None and self._same_day_confirmed(plan, day, workspace)
        if same_day is None:
            return

        def save(record: ActivityRecord) -> ActivityRecord:
            return workspace.records.save(record, today=today, same_day=same_day)

        def reload() -> Newer | None:
            """The record as another window or ``hongtu record`` saved it meanwhile."""
            assert plan.id is not None
            newer = workspace.records.for_plan(plan.id)
            if newer is None:
                return None
            people = workspace.members.members(plan.branch)
            return Newer(
                newer,
                expected_members(people, newer.day, newer.attendance),
                len(workspace.records.history(plan.id)),
            )

        self.dialog = RecordDialog(
            plan,
            members,
            current,
            self.session.sites,
            self.photos,
            save,
            corrections=corrections,
            off_roster=off_roster(roster, day, current.attendance) if current else (),
            roster_changes=changes,
            reload=reload,
            parent=self.window,
        )
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def confirm_recorded_plan_edit(self, before: Plan, _after: Plan) -> bool:
        """A recorded plan renamed, moved to another day or given other stops: asked once per
        plan (the record keeps its theme, day and places; 复制方案 keeps the plan matching its
        record)."""
        workspace = self.workspace
        if workspace is None or before.id is None or before.id in self._reuse_confirmed:
            return True
        record = workspace.records.for_plan(before.id)
        if record is None:
            return True
        text = tr(
            "这个方案的活动已于 {0} 记录。台账和活动记录保留当天的主题、日期和去过的地点，"
            "改动方案的主题、日期或站点后，方案将与记录不一致。\n\n"
            "如果是为下一次活动准备方案，请用“复制方案”另存一份再修改。\n\n"
            "仍然修改这个方案吗？"
        ).format(record.day.isoformat())
        if not messages.question(self.window, tr("修改已记录的方案"), text):
            return False
        self._reuse_confirmed.add(before.id)
        return True

    def _same_day_confirmed(self, plan: Plan, day: date, workspace: Workspace) -> bool | None:
        """A first record of a day the branch has recorded for another plan (a copy of it, say):
        asked first, 否 by default. True: record it anyway; False: nothing else recorded that
        day; None: not recorded."""
        assert plan.id is not None
        other = workspace.records.same_day(plan.id, plan.branch, day)
        if other is None:
            return False
        text = tr(
            "“{0}”在 {1} 这一天已经记录过一次主题党日（“{2}”）。"
            "同一天记录两次，台账会算两次。仍然记录？"
        ).format(plan.branch.strip(), day.isoformat(), other)
        return True if messages.question(self.window, tr("记录活动"), text) else None

    def _no_roster_text(self, plan: Plan, day: date, workspace: Workspace) -> str:
        if workspace.members.members(plan.branch):
            return tr(
                "“{0}”在 {1} 没有在册成员（名单上的人都是在那天之后加入或之前离开的）。"
                "请在“文件 → 成员名单…”中核对加入和离开日期。"
            ).format(plan.branch, day.isoformat())
        return tr(
            "“{0}”还没有成员名单，无法记录出勤。请先在“文件 → 成员名单…”中导入名册"
            "（Excel 或 CSV 文件），然后再记录活动。"
        ).format(plan.branch)

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        # Deleted when the next record opens, not now: the dialog is still inside its done().
        if self._closed is not None:
            self._closed.deleteLater()
        self._closed = dialog
        saved = dialog.saved
        if saved is None:
            return
        from hongtu.core.ledger import record_counts

        self.session.reload_stored(saved.plan_id)
        counts = record_counts(saved, dialog.attendance.members)
        text = tr("已记录：应到 {0}，实到 {1}，请假 {2}，缺席 {3}，列席 {4}；方案已标为已完成。")
        self.window.notify(
            text.format(
                counts.expected, counts.present, counts.leave, counts.absent, counts.observers
            ),
            NOTICE_MS,
        )

    def _offer_roster(self, text: str) -> None:
        """No roster that day: say so, and open 成员名单 if the organiser wants to. Closed with
        members on the roster that day, the record opens (记录活动 is not asked for again)."""
        if self.open_roster is None:
            self._refuse(text)
            return
        plan = self.session.plan
        if plan is None or not messages.question(
            self.window, tr("记录活动"), text + "\n\n" + tr("现在打开“成员名单”吗？"), True
        ):
            return
        roster = self.open_roster()
        if roster is not None:
            plan_id = plan.id
            roster.finished.connect(lambda _result: self._record_after_roster(plan_id))

    def _record_after_roster(self, plan_id: int | None) -> None:
        plan, workspace = self.session.plan, self.workspace
        if plan is None or plan.id != plan_id or workspace is None or self.dialog is not None:
            return
        from hongtu.core.records import expected_members

        current = workspace.records.for_plan(plan.id) if plan.id is not None else None
        day = current.day if current is not None else plan.date
        if expected_members(workspace.members.members(plan.branch), day, ()):
            self.record_open_plan()

    def _refuse(self, text: str) -> None:
        messages.warning(self.window, tr("记录活动"), text)

    def _update_action(self, *_args: object) -> None:
        self.action.setEnabled(self.session.plan is not None and self.workspace is not None)
