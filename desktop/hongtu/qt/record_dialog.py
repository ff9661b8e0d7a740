"""记录活动: the record of a plan's day in one dialog (attendance, guests, what was done, summary,
photos), saved through ``RecordStore`` (which marks the plan 已完成 and keeps the history).

The quickest path is the default: everyone on the roster that day is 出席; the organiser clicks
请假 (and types the reason) or 缺席 for the few who did not come, and 保存. A record the core
refuses (attendance that does not add up, a leave without a reason, a changed copy) stays open
with the reason in words; nothing is half-saved. Photo files dropped anywhere on the dialog are
added, as are those chosen with 添加照片….
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.exports.ledger_text import roster_change_texts
from hongtu.core.ledger import Counts, attendance_counts
from hongtu.core.limits import TEXT_LIMITS
from hongtu.core.members import Member
from hongtu.core.photos import PhotoStore
from hongtu.core.plans import Plan
from hongtu.core.record_items import planned_items
from hongtu.core.record_merge import RecordMerge, merge_record
from hongtu.core.records import (
    MAX_PERSON_CHARS,
    MAX_REASON_CHARS,
    MAX_SUMMARY_CHARS,
    ActivityRecord,
    Attendance,
    Guest,
    Presence,
    RecordProblem,
    RecordRefusedError,
    RosterChange,
)
from hongtu.core.sites import Site
from hongtu.qt import messages
from hongtu.qt.messages import plain_label
from hongtu.qt.record_attendance import AttendanceTable, presence_label
from hongtu.qt.record_done import DoneTable
from hongtu.qt.record_photos import PhotoStrip, local_files
from hongtu.qt.window_state import fit_to_screen

Save = Callable[[ActivityRecord], ActivityRecord]


class Newer(NamedTuple):
    """The record as stored now (changed elsewhere), the people it lists and its corrections."""

    record: ActivityRecord
    members: list[Member]
    corrections: int


Reload = Callable[[], "Newer | None"]
SHOWN_CHANGES = 8  # more changes made elsewhere are counted, not named
GUEST_SEPARATORS = re.compile(r"[,，、;；\n]+")
MAX_GUESTS = 200
PREFERRED = QSize(1180, 700)


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordDialog", text)


def record_problem_text(problem: RecordProblem, detail: str) -> str:
    if problem is RecordProblem.TEXT_TOO_LONG and detail == "summary":
        return tr("活动小结太长：最多 {0} 字").format(MAX_SUMMARY_CHARS)
    if problem is RecordProblem.TEXT_TOO_LONG and detail == "title":
        return tr("活动主题太长：最多 {0} 字").format(TEXT_LIMITS["title"])
    if problem is RecordProblem.TEXT_TOO_LONG:
        field = tr("主持人") if detail == "host" else tr("记录人")
        return tr("{0}太长：最多 {1} 字").format(field, MAX_PERSON_CHARS)
    return {
        RecordProblem.FUTURE_DATE: tr("活动日期 {0} 还没到：到了当天或之后才能记录"),
        RecordProblem.NO_BRANCH: tr("方案没有填写党支部，无法对应成员名单"),
        RecordProblem.NOT_ON_ROSTER: tr("{0} 不在当天的支部名单上"),
        RecordProblem.MISSING_MEMBER: tr("名单上的 {0} 没有出勤情况"),
        RecordProblem.TWICE: tr("{0} 出现了两次"),
        RecordProblem.LEAVE_WITHOUT_REASON: tr("{0} 请假，请填写请假原因"),
        RecordProblem.REASON_TOO_LONG: tr("{0} 的请假原因太长"),
        RecordProblem.NO_MEMBERS: tr("支部在活动当天没有在册成员：请先导入成员名单"),
        RecordProblem.STALE: tr("这条记录刚在别处修改过：请关闭后重新打开再改"),
        RecordProblem.SAME_DAY: tr(
            "这一天刚在别处记录过一次主题党日（“{0}”）：同一天记录两次，台账会算两次"
        ),
    }[problem].format(detail)


def off_roster_text(member: Member, day: date) -> str:
    """Why a member of the record may be taken out of it: their roster dates, in words."""
    if member.left_on is not None and member.left_on <= day:
        why = tr("{0} 已离开").format(member.left_on.isoformat())
    else:
        assert member.joined_on is not None
        why = tr("{0} 才加入").format(member.joined_on.isoformat())
    return tr("{0} 按成员名单当天不在册（{1}）：从这一天的记录中去掉").format(member.name, why)


def not_recorded_text(member: Member) -> str:
    """A member the roster now puts on the roster that day who is not in the record."""
    assert member.joined_on is not None
    return tr("{0} 按成员名单当天在册（{1} 加入），不在这一天的记录中：加入记录").format(
        member.name, member.joined_on.isoformat()
    )


def roster_changes_text(changes: Sequence[tuple[RosterChange, Member]], day: date) -> str:
    """Why the record shown differs from the 台账's figures of the day: the roster changed."""
    from hongtu.cli.ledger import ledger_labels

    labels = ledger_labels()
    text = tr("成员名单在记录之后有变动（{0}）。保存时政治面貌按现在的名单记录。").format(
        labels.list_separator.join(roster_change_texts(changes, day, labels))
    )
    status_only = (RosterChange.IN_PARTY, RosterChange.NOT_IN_PARTY)
    if any(change not in status_only for change, _member in changes):  # tick boxes below
        text += tr("当天不在册或漏记的人，请在“出勤”下方勾选。")
    return text


def guests_from_text(text: str, before: tuple[Guest, ...] = ()) -> tuple[Guest, ...]:
    """Names separated by commas or 顿号; a name kept from before keeps its note."""
    notes = {g.name: g.note for g in before}
    names = [n.strip() for n in GUEST_SEPARATORS.split(text) if n.strip()]
    unique = list(dict.fromkeys(names))[:MAX_GUESTS]
    return tuple(Guest(name, notes.get(name, "")) for name in unique)


def attendance_text(entry: Attendance) -> str:
    if entry.presence is Presence.LEAVE:
        return tr("请假（{0}）").format(entry.reason)
    return presence_label(entry.presence)


def merged_text(merge: RecordMerge) -> str:
    """What changed elsewhere, and that the changes typed here are kept on top of it."""
    parts = {
        "title": tr("活动主题"),
        "guests": tr("来宾"),
        "done": tr("实际活动内容"),
        "host": tr("主持人"),
        "recorder": tr("记录人"),
        "summary": tr("活动小结"),
        "photos": tr("照片"),
    }
    changes = [
        tr("{0}：{1} → {2}").format(after.name, attendance_text(before), attendance_text(after))
        if before is not None
        else tr("{0}：{1}").format(after.name, attendance_text(after))
        for before, after in merge.attendance_elsewhere
    ]
    changes += [tr("{0}已修改").format(parts[name]) for name in merge.changed_elsewhere]
    if len(changes) > SHOWN_CHANGES:
        more = len(changes) - SHOWN_CHANGES
        changes = [*changes[:SHOWN_CHANGES], tr("另有 {0} 处").format(more)]
    if changes:
        text = tr(
            "这条记录刚在别处修改过（{0}）。这里的修改已放到修改后的记录上，请核对后再点“保存”。"
        ).format(tr("；").join(changes))
    else:  # saved again elsewhere as it was
        text = tr("这条记录刚在别处又保存过一次（内容没有变）。请核对后再点“保存”。")
    if merge.both:
        both = [parts.get(name, name) for name in merge.both]
        text += tr("两处都改了的，以这里的为准：{0}。").format(tr("、").join(both))
    return text


def counts_text(counts: Counts) -> str:
    return tr("应到 {0} 人　实到 {1} 人　请假 {2} 人　缺席 {3} 人　列席 {4} 人").format(
        counts.expected, counts.present, counts.leave, counts.absent, counts.observers
    )


class RecordDialog(QDialog):
    def __init__(
        self,
        plan: Plan,
        members: list[Member],
        current: ActivityRecord | None,
        sites: Mapping[int, Site],
        photos: PhotoStore,
        save: Save,
        *,
        corrections: int = 0,
        off_roster: Sequence[Member] = (),
        roster_changes: Sequence[tuple[RosterChange, Member]] = (),
        reload: Reload | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert plan.id is not None
        self.plan = plan
        self.current = current
        # the day recorded (a plan reused for another date since keeps its record's day)
        self.day = current.day if current is not None else plan.date
        self.saved: ActivityRecord | None = None
        self._save = save
        self._reload = reload  # the record as stored now, when a save finds it changed elsewhere
        self._sites = sites
        self.setWindowTitle(tr("修改活动记录") if current else tr("记录活动"))
        self.setAcceptDrops(True)

        # 活动主题 as held: the plan's when recorded, then the record's own (a rename of the plan
        # since does not change it); a correction may change it here
        self.title = QLineEdit(current.title if current is not None else plan.title, self)
        self.title.setToolTip(tr("活动主题（台账中这一天的主题）"))
        self.title.setFrame(False)
        self.title.returnPressed.connect(self.focusNextChild)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = plain_label(tr("{0}　{1}").format(self.day.isoformat(), plan.branch), self)
        self.counts = plain_label("", self)
        bold = self.counts.font()
        bold.setBold(True)
        self.counts.setFont(bold)
        self.notice = plain_label("", self)
        self.notice.setWordWrap(True)
        self._roster_changes = (
            roster_changes_text(roster_changes, self.day) if roster_changes else ""
        )
        self._show_notice(corrections)

        # ---- attendance and guests (left) ----
        self.attendance = AttendanceTable(self)
        attendance_box = QGroupBox(tr("出勤"), self)
        hint = plain_label(tr("默认全部出席：只需为没来的人点“请假”（填写原因）或“缺席”。"))
        if any(not m.in_party_on(self.day) for m in members):
            hint.setText(
                hint.text()
                + tr("应到只计党员（正式党员和预备党员）；其他人出席和来宾记为列席。")
            )
        hint.setWordWrap(True)
        self.guests = QLineEdit(self)
        self.guests.setPlaceholderText(tr("来宾姓名，用逗号或顿号分开"))
        guest_row = QHBoxLayout()
        guest_row.addWidget(QLabel(tr("来宾")))
        guest_row.addWidget(self.guests, 1)
        left = QVBoxLayout(attendance_box)
        left.addWidget(hint)
        left.addWidget(self.attendance, 1)
        # people of the record the roster now puts off it that day: taken out when ticked
        self.take_out: dict[int, QCheckBox] = {}
        for member in off_roster:
            assert member.id is not None
            box = QCheckBox(off_roster_text(member, self.day), self)
            box.toggled.connect(
                lambda out, member_id=member.id: self.attendance.take_out(member_id, out)
            )
            self.take_out[member.id] = box
            left.addWidget(box)
        # members the roster now puts on it that day, not in the record: added when ticked
        self.put_in: dict[int, QCheckBox] = {}
        for change, member in roster_changes:
            if change is RosterChange.NOT_RECORDED and member.id is not None:
                box = QCheckBox(not_recorded_text(member), self)
                box.toggled.connect(
                    lambda put, member_id=member.id: self.attendance.take_out(member_id, not put)
                )
                self.put_in[member.id] = box
                left.addWidget(box)
        left.addLayout(guest_row)

        # ---- what was done, summary and photos (right) ----
        self.done_items = DoneTable(self)
        self.add_item_button = QPushButton(tr("添加一项"), self)
        self.remove_item_button = QPushButton(tr("删除此项"), self)
        self.remove_item_button.setToolTip(tr("只能删除临时增加的项；计划中的项请选“未进行”"))
        done_box = QGroupBox(tr("实际活动内容"), self)
        done_buttons = QHBoxLayout()
        done_buttons.addWidget(self.add_item_button)
        done_buttons.addWidget(self.remove_item_button)
        done_buttons.addStretch(1)
        done_layout = QVBoxLayout(done_box)
        done_layout.addWidget(self.done_items, 1)
        done_layout.addLayout(done_buttons)
        self.host = QLineEdit(self)
        self.recorder = QLineEdit(self)
        # no max length: Qt counts UTF-16 units (a flag is four) and cut a pasted name silently;
        # the core counts characters and refuses an over-long one in words. Enter in a line
        # field goes on to the next field: it does not save the whole record.
        for field in (self.guests, self.host, self.recorder):
            field.returnPressed.connect(self.focusNextChild)
        host_form, recorder_form = QFormLayout(), QFormLayout()
        host_form.addRow(tr("主持人"), self.host)
        recorder_form.addRow(tr("记录人"), self.recorder)
        people = QHBoxLayout()
        people.addLayout(host_form, 1)
        people.addLayout(recorder_form, 1)
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText(tr("活动小结：几句话写明做了什么、效果如何"))
        self.summary.setTabChangesFocus(True)
        # four lines (it scrolls for more): the attendance above it takes the column's height
        lines = self.summary.fontMetrics().lineSpacing() * 4
        self.summary.setFixedHeight(max(60, lines + 4 * self.summary.frameWidth() + 8))
        summary_box = QGroupBox(tr("活动小结"), self)
        QVBoxLayout(summary_box).addWidget(self.summary)
        self.photos = PhotoStrip(photos, self)
        photo_box = QGroupBox(tr("照片（也可把照片文件拖到这个窗口里）"), self)
        QVBoxLayout(photo_box).addWidget(self.photos)
        # 活动小结 under the attendance (whose rows seldom fill the column): at 125 % on
        # 1366×768 the right column held it too, 实际活动内容 squeezed to two rows, cut, and
        # the column scrolled while the attendance had room to spare
        left_column = QWidget(self)
        left_layout = QVBoxLayout(left_column)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(attendance_box, 1)
        left_layout.addWidget(summary_box)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(done_box, 1)
        right_layout.addLayout(people)
        right_layout.addWidget(photo_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left_column)
        self.splitter.addWidget(self._scrolled(right))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([10_000, 10_000])  # halves, each at least its least width

        self.problem = plain_label("", self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        save_button.setDefault(False)
        save_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        header = QHBoxLayout()
        header.addWidget(self.facts)
        header.addStretch(1)
        header.addWidget(self.counts)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.attendance.changed.connect(self._update_counts)
        self.guests.textChanged.connect(self._update_counts)
        self.add_item_button.clicked.connect(self.done_items.add_item)
        self.add_item_button.clicked.connect(self._set_tab_order)  # the new row's boxes in place
        self.remove_item_button.clicked.connect(self.done_items.remove_current)
        self.done_items.currentCellChanged.connect(lambda *_a: self._update_item_buttons())
        self.photos.problems.connect(self._show_problem)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.attendance.taken_out.update(self.put_in)  # not in the record unless ticked
        self._show_record(members, current)
        self._watch_drops(self)
        self._update_item_buttons()
        self._update_counts()
        self._fit_screen()
        self._set_tab_order()
        first = self.attendance.first_focus()
        (first or self.guests).setFocus()
        self._as_opened = self.record()

    # ---- the record --------------------------------------------------------------------------
    def record(self) -> ActivityRecord:
        assert self.plan.id is not None
        current = self.current
        return ActivityRecord(
            plan_id=self.plan.id,
            day=self.day,
            attendance=self.attendance.attendance(),
            summary=self.summary.toPlainText().strip(),
            host=self.host.text().strip(),
            recorder=self.recorder.text().strip(),
            guests=guests_from_text(self.guests.text(), current.guests if current else ()),
            done=self.done_items.entries(),
            photos=self.photos.photos(),
            branch=self.plan.branch,
            version=current.version if current is not None else 0,
            title=self.title.text().strip(),
        )

    def save(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from hongtu.core.storage.plan_store import PlanNotFoundError

        long_note = self.done_items.over_long_note()
        if long_note is not None:
            self._show_problem(
                tr("“{0}”的说明太长：最多 {1} 字").format(long_note, MAX_REASON_CHARS)
            )
            return
        try:
            self.saved = self._save(self.record())
        except RecordRefusedError as exc:
            if exc.problem is RecordProblem.STALE and self._take_newer():
                return
            self._show_problem(record_problem_text(exc.problem, exc.detail))
            if exc.problem is RecordProblem.TEXT_TOO_LONG:  # the detail names the field
                fields = {"host": self.host, "recorder": self.recorder, "title": self.title}
                fields.get(exc.detail, self.summary).setFocus()
            elif (row := self.attendance.row_of(exc.detail) if exc.detail else None) is not None:
                self.attendance.show_row(row)
            return
        except PlanNotFoundError:
            self._show_problem(tr("这个方案已被删除，记录没有保存。"))
            return
        except SQLAlchemyError:
            self._show_problem(
                tr("记录没有保存：数据库无法写入（磁盘已满或文件被占用？）。请稍后再试。")
            )
            return
        self.accept()

    def _show_record(self, members: list[Member], record: ActivityRecord | None) -> None:
        """The widgets filled from ``record`` (None: a first record, everyone 出席)."""
        self.attendance.set_members(members, self.day, record.attendance if record else ())
        for member_id in set(self.attendance.taken_out):  # still ticked to be taken out
            self.attendance.take_out(member_id, True)
        # a record made without them (hongtu record) gets the plan's items to tick off
        done = record.done if record is not None else ()
        self.done_items.set_items(done or planned_items(self.plan, self._sites))
        self._update_item_buttons()
        if record is not None:
            self.title.setText(record.title or self.plan.title)
            self.guests.setText(tr("、").join(g.name for g in record.guests))
            self.host.setText(record.host)
            self.recorder.setText(record.recorder)
            self.summary.setPlainText(record.summary)
            self.photos.set_photos(record.photos)

    def _show_notice(self, corrections: int) -> None:
        if self.current is not None:
            text = tr("这一天已经记录过。保存修改后，原来的内容会保留在修改历史中。")
            if corrections:
                text += tr("（已修改 {0} 次）").format(corrections)
            if self._roster_changes:
                text += "\n" + self._roster_changes
            self.notice.setText(text)
        self.notice.setVisible(self.current is not None)

    def _take_newer(self) -> bool:
        """Saving found the record changed elsewhere: show the newer record with the changes
        typed here put on top of it (said in words, saved by the next 保存). False when it
        cannot be read."""
        newer = self._reload() if self._reload is not None else None
        if newer is None:
            return False
        mine, base = self.record(), self._as_opened
        shown = list(self.attendance.members)
        self.current = newer.record
        self._show_record(newer.members, newer.record)
        theirs = self.record()  # as this dialog shows it (the plan's items when it has none)
        merge = merge_record(base, mine, theirs)
        listed = {m.id for m in newer.members}
        extra = [m for m in shown if m.id not in listed]
        self._show_record(newer.members + extra, merge.record)
        self._as_opened = theirs  # 取消 still asks; a later change elsewhere merges again
        self.setWindowTitle(tr("修改活动记录"))
        self._show_notice(newer.corrections)
        self._show_problem(merged_text(merge))
        return True

    def has_unsaved_changes(self) -> bool:
        return self.saved is None and self.record() != self._as_opened

    def reject(self) -> None:
        """Esc, 取消 or the close box: what was typed is not thrown away without asking."""
        if self.has_unsaved_changes() and not messages.question(
            self, self.windowTitle(), tr("这条记录还没有保存。放弃所做的修改吗？")
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter that a field did not take (a line field goes on to the next one) presses no
        button: the whole record is saved only by 保存 (the button box makes it the default
        when shown, and Enter in 主持人 saved and closed the dialog)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()
            return
        super().keyPressEvent(event)

    # ---- drops anywhere on the dialog --------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self._take_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self._take_files(event)

    def _take_files(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = local_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.photos.add_files(files)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Text boxes take drops of text; files dropped on them are photos for the record."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if local_files(event.mimeData()):
                if kind == QEvent.Type.Drop:
                    self.dropEvent(event)
                else:
                    event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def _watch_drops(self, root: QWidget) -> None:
        for widget in root.findChildren(QWidget):
            if widget.acceptDrops() and widget is not self:
                widget.installEventFilter(self)
        self.summary.viewport().installEventFilter(self)

    # ---- helpers -----------------------------------------------------------------------------
    def _update_counts(self) -> None:
        roster = {m.id: m for m in self.attendance.members if m.id is not None}
        guests = len(guests_from_text(self.guests.text()))
        counts = attendance_counts(self.attendance.attendance(), roster, self.day, guests)
        self.counts.setText(counts_text(counts))

    def _set_tab_order(self) -> None:
        """Tab follows the layout (Qt's default is the order the widgets were made in, which put
        来宾 after the done items' rows): attendance → 来宾 → 活动小结 → done items → 主持人 →
        记录人 → photos → 保存/取消."""
        box = self.buttons.layout()  # 保存 and 取消 in the order this platform shows them
        items = [box.itemAt(i) for i in range(box.count())] if box is not None else []
        box_buttons = [w for item in items if item is not None and (w := item.widget()) is not None]
        chain = [
            *self.attendance.tab_chain(),
            self.guests,
            self.summary,
            *self.done_items.tab_chain(),
            self.add_item_button,
            self.remove_item_button,
            self.host,
            self.recorder,
            *self.photos.tab_chain(),
            *box_buttons,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _scrolled(self, column: QWidget) -> QScrollArea:
        """The right-hand column scrolls when the screen is short (1366×768 at 125 % leaves
        ~550 px): its items, summary and photos need ~500 px, and held to that the dialog's
        保存 and 取消 were below the screen's edge."""
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(column.minimumSizeHint().width() + bar)
        return scroll

    def _update_item_buttons(self) -> None:
        row = self.done_items.currentRow()
        self.remove_item_button.setEnabled(row >= 0 and self.done_items.is_added(row))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _fit_screen(self) -> None:
        fit_to_screen(self, PREFERRED)
