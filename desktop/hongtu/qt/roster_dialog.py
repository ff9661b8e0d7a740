"""成员名单: a branch's roster in the window — import from XLSX/CSV, add, edit, mark as left,
delete one added by mistake (only while on no recorded day).

Everything goes through the core (``hongtu.core.members`` reads and checks a file as a whole,
``MemberStore`` saves); this module only shows the roster and words the problems. A file with
any problem imports nobody and its problems are listed by row in the dialog. Members who left
stay on the list (greyed, with the date), so the year's ledger can still name them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from hongtu.cli.members import (
    import_notes,
    member_edit_text,
    member_error_text,
    member_problem_text,
)
from hongtu.core.members import (
    PARTY_STATUSES,
    Member,
    MemberEditError,
    MemberEditProblem,
    MemberImportError,
    PartyStatus,
    read_member_file,
    typed_date,
)
from hongtu.core.roster import MAX_NAME_CHARS
from hongtu.qt import messages
from hongtu.qt.messages import plain_label

if TYPE_CHECKING:
    from hongtu.core.storage.member_store import MemberStore

SHOWN_PROBLEMS = 12  # the rest are counted ("… and N more")
NAME_COLUMN_CHARS = 10  # the 姓名 column shows this many characters of a longer name
LEFT_COLOUR = QColor("#8a8a8a")


def tr(text: str) -> str:
    return QCoreApplication.translate("RosterDialog", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 problem”, “2 problems”)."""
    return QCoreApplication.translate("RosterDialog", text, None, count)


def status_names() -> dict[PartyStatus, str]:
    return {
        PartyStatus.FULL: tr("正式党员"),
        PartyStatus.PROBATIONARY: tr("预备党员"),
        PartyStatus.ACTIVIST: tr("入党积极分子"),
        PartyStatus.OTHER: tr("其他"),
    }


def import_error_text(error: MemberImportError) -> str:
    """The whole refusal: the file's problem, or every row at fault (the first few)."""
    if error.code is not None:
        return member_error_text(error) + "\n" + tr("未导入任何人。")
    lines = [tr_n("名册有 %n 处问题，未导入任何人：", len(error.problems))]
    lines += [member_problem_text(p) for p in error.problems[:SHOWN_PROBLEMS]]
    if len(error.problems) > SHOWN_PROBLEMS:
        lines.append(tr("……另有 {0} 处").format(len(error.problems) - SHOWN_PROBLEMS))
    return "\n".join(lines)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QWidget):
    """A date typed as text, read as the roster import reads it (2021-05-01, 2021-5-1,
    2021/5/1, 2021.5.1, 2021年5月1日), with a calendar to pick it from. A date box moved on
    to the day after the year, so 2021-5-1 became 2021-01-05 and 20210230 2021-02-03, and
    kept the old date for a half-typed year; this field keeps the text and ``day`` refuses
    what is not a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(tr("如 2021-05-01"))
        self.pick = QToolButton(self)
        self.pick.setText(tr("日历…"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        menu = QMenu(self.pick)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._on_calendar_shown)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.clicked.connect(menu.close)
        self.pick.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.pick)

    def set_day(self, day: date) -> None:
        self.text.setText(day.isoformat())

    def setDate(self, value: QDate) -> None:  # noqa: N802  (as QDateEdit, for callers)
        self.set_day(_day(value))

    def day(self, label: str) -> date:
        """The typed date; ``ValueError`` with the words to show when it is none."""
        text = self.text.text().strip()
        try:
            day = typed_date(text)
        except ValueError:
            day = None
        if day is None:
            raise ValueError(
                tr("{0}“{1}”不是有效日期：请按 2021-05-01 的格式填写，或从日历中选择。").format(
                    label, text
                )
                if text
                else tr("请填写{0}。").format(label)
            )
        return day

    def _on_calendar_shown(self) -> None:
        try:
            day = typed_date(self.text.text().strip())
        except ValueError:
            day = None
        self.calendar.setSelectedDate(_qdate(day or date.today()))

    def _on_calendar_clicked(self, value: QDate) -> None:
        self.set_day(_day(value))


class _DateField(QWidget):
    """An optional date: a check box (known or not) and the date."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(label, self)
        self.edit = DateEdit(self)
        self.edit.set_day(date.today())
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.known)
        row.addWidget(self.edit, 1)

    def value(self, label: str) -> date | None:
        """The date when known; ``ValueError`` with words when the typed text is no date."""
        return self.edit.day(label) if self.known.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.known.setChecked(day is not None)
        if day is not None:
            self.edit.set_day(day)


class MemberDialog(QDialog):
    """Add (``member`` None) or edit one member; saves through ``save`` and shows its refusal."""

    def __init__(
        self,
        save: Callable[[Member], Member],
        member: Member | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._id = member.id if member else None
        self.saved: Member | None = None
        self.setWindowTitle(tr("编辑成员") if member else tr("添加成员"))
        # no max length: Qt would count UTF-16 units (an emoji is two) and cut a pasted name
        # silently; the core counts characters and refuses an over-long name in words
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("最多 {0} 个字").format(MAX_NAME_CHARS))
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(tr("例如：组织委员"))
        self.status = QComboBox(self)
        for status, text in status_names().items():
            self.status.addItem(text, status.value)
        self.joined = _DateField(tr("已知"), self)
        self.left = _DateField(tr("已离开"), self)
        # 入党日期 and 转正日期: for 正式党员 and 预备党员 only (the fields are off for the others)
        self.admitted = _DateField(tr("已知"), self)
        self.admitted.setToolTip(
            tr("成为预备党员的日期：此前的活动按入党积极分子计（列席，不计应到），当天起按党员计")
        )
        self.full_since = _DateField(tr("已转正"), self)
        self.full_since.setToolTip(
            tr("预备党员成为正式党员的日期：此前的活动按预备党员计，当天起按正式党员计")
        )
        self.problem = plain_label(parent=self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(tr("姓名"), self.name)
        form.addRow(tr("职务"), self.role)
        form.addRow(tr("政治面貌"), self.status)
        form.addRow(tr("加入日期"), self.joined)
        form.addRow(tr("入党日期"), self.admitted)
        form.addRow(tr("转正日期"), self.full_since)
        if member is not None:
            form.addRow(tr("离开日期"), self.left)
        else:
            self.left.hide()  # a new member has not left; 标记离开 does that later
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.status.currentIndexChanged.connect(self._on_status_changed)
        if member is not None:
            self.name.setText(member.name)
            self.role.setText(member.role)
            # as the list shows it: today's (a 预备党员 whose 转正日期 has come is 正式党员);
            # with a 入党日期 to come, the status from then (today's 入党积极分子 would put the
            # date out of reach and drop it on 保存)
            status = member.status_on(max(date.today(), member.admitted_on or date.min))
            self.status.setCurrentIndex(self.status.findData(status.value))
            self.joined.set_value(member.joined_on)
            self.left.set_value(member.left_on)
            self.admitted.set_value(member.admitted_on)
            self.full_since.set_value(member.full_since)
        else:
            self.status.setCurrentIndex(self.status.findData(PartyStatus.FULL.value))
        self._on_status_changed()

    def member(self) -> Member:
        """The member as typed; ``ValueError`` with words when a date is not one."""
        status = PartyStatus(self.status.currentData())
        in_party = status in PARTY_STATUSES
        return Member(
            self._id,
            self.name.text(),
            self.role.text(),
            status,
            self.joined.value(tr("加入日期")),
            self.left.value(tr("离开日期")) if self._id is not None else None,
            self.full_since.value(tr("转正日期")) if in_party else None,
            self.admitted.value(tr("入党日期")) if in_party else None,
        )

    def _on_status_changed(self, _index: int = 0) -> None:
        """Only a Party member has a 入党日期 and a 转正日期: the fields are off for the
        others."""
        in_party = PartyStatus(self.status.currentData()) in PARTY_STATUSES
        self.admitted.setEnabled(in_party)
        self.full_since.setEnabled(in_party)

    def _on_save(self) -> None:
        try:
            self.saved = self._save(self.member())
        except MemberEditError as exc:
            self.problem.setText(member_edit_text(exc))
            self.problem.show()
            return
        except ValueError as exc:  # a date that is not one: nothing saved
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.accept()


class LeaveDialog(QDialog):
    """The day a member leaves the branch (their history stays)."""

    def __init__(self, member: Member, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("标记离开"))
        self.member = member
        # no earliest date: a date box held to the joined date put today's date in its place
        # for an earlier one, unseen; an earlier date is refused in words on 确定
        self.day = DateEdit(self)
        self.day.set_day(date.today())
        self.problem = plain_label(parent=self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        note = plain_label(
            tr("{0} 离开支部后仍保留在名单和台账里，只是不再出现在之后的签到表上。").format(
                member.name
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("离开日期"), self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        return self.day.day(tr("离开日期"))

    def accept(self) -> None:
        """确定: a date that is none, or before the day the member joined, is refused here in
        words and the dialog stays open."""
        try:
            day = self.chosen()
        except ValueError as exc:
            self._refuse(str(exc))
            return
        joined = self.member.joined_on
        if joined is not None and day < joined:
            self._refuse(
                tr("离开日期不能早于加入日期（{0}）。").format(joined.isoformat())
            )
            return
        super().accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.day.text.setFocus()
        self.day.text.selectAll()


class RosterDialog(QDialog):
    """One branch's members at a time; ``roster_changed`` after every save."""

    roster_changed = Signal(str)  # the branch

    COLUMNS = 7

    def __init__(
        self,
        store: MemberStore,
        branches: list[str],
        branch: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("成员名单"))
        self.branch = QComboBox(self)
        self.branch.setEditable(True)
        self.branch.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.branch.lineEdit()
        if editor is not None:  # an editable combo box has one
            editor.setPlaceholderText(tr("党支部名称"))
        known = sorted({*store.branches(), *(b.strip() for b in branches if b.strip())})
        self.branch.addItems(known)
        self.branch.setCurrentText(branch.strip() or (known[0] if known else ""))
        self.branch.currentTextChanged.connect(self._on_branch_changed)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                tr("姓名"),
                tr("职务"),
                tr("政治面貌"),
                tr("加入日期"),
                tr("离开日期"),
                tr("入党日期"),
                tr("转正日期"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # arrows pick a member; Tab goes on to the buttons
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # see _fit_names
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.counts = plain_label(parent=self)
        self.outcome = QPlainTextEdit(self)  # the import's refusal or result, as plain text
        self.outcome.setReadOnly(True)
        self.outcome.hide()
        self.import_button = QPushButton(tr("从文件导入…"), self)
        self.import_button.setToolTip(
            tr(
                "Excel（.xlsx）或 CSV：姓名一列，职务、政治面貌、加入日期、离开日期、"
                "入党日期、转正日期可选；有问题则一人也不导入"
            )
        )
        self.add_button = QPushButton(tr("添加成员…"), self)
        self.edit_button = QPushButton(tr("编辑…"), self)
        self.leave_button = QPushButton(tr("标记离开…"), self)
        self.remove_button = QPushButton(tr("删除…"), self)
        self.remove_button.setToolTip(
            tr("删除误加的成员（如导入时多出来的一行）；已在活动记录里的人不能删除，只能标记离开")
        )
        self.import_button.clicked.connect(self._on_import_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.leave_button.clicked.connect(self._on_leave_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # No button is pressed by Enter: 从文件导入… was the first default-on-Enter button, so
        # Enter in the 党支部 field opened the file dialog. Enter there shows that branch.
        for button in (
            self.import_button, self.add_button, self.edit_button, self.leave_button,
            self.remove_button, *close.buttons(),
        ):  # fmt: skip
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        if editor is not None:
            editor.returnPressed.connect(self._on_branch_entered)
        top = QFormLayout()
        top.addRow(tr("党支部"), self.branch)
        actions = QHBoxLayout()
        for button in (
            self.import_button, self.add_button, self.edit_button, self.leave_button,
            self.remove_button,
        ):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.outcome)
        layout.addWidget(close)
        self.resize(720, 500)
        self.members: list[Member] = []
        self.reload()

    # ---- showing ----------------------------------------------------------------------------
    def current_branch(self) -> str:
        return " ".join(self.branch.currentText().split())

    def reload(self) -> None:
        branch = self.current_branch()
        self.members = self.store.members(branch) if branch else []
        names = status_names()
        today = date.today()
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            values = [
                member.name,
                member.role,
                names[member.status_on(today)],  # a 转正日期 that has come: 正式党员
                member.joined_on.isoformat() if member.joined_on else "",
                member.left_on.isoformat() if member.left_on else "",
                member.admitted_on.isoformat() if member.admitted_on else "",
                member.full_since.isoformat() if member.full_since else "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if member.left_on is not None:
                    item.setForeground(QBrush(LEFT_COLOUR))
                if column < 2:
                    item.setToolTip(value)  # the whole name or role where it is cut short
                self.table.setItem(row, column, item)
        self._fit_names()
        current = sum(1 for m in self.members if m.left_on is None)
        self.counts.setText(
            tr("，").join(
                [tr_n("在册 %n 人", current), tr_n("已离开 %n 人", len(self.members) - current)]
            )
            if self.members
            else tr("这个支部还没有成员：从文件导入名册，或逐个添加。")
        )
        self._update_buttons()

    def _fit_names(self) -> None:
        """The 姓名 column as wide as its names, but no wider than a long Chinese name: one
        very long name is cut short (its tooltip has it whole) instead of squeezing 职务."""
        self.table.resizeColumnToContents(0)
        # a Chinese character is about as wide as a line of text is high
        widest = self.table.fontMetrics().height() * NAME_COLUMN_CHARS + 16
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), widest))

    def selected_member(self) -> Member | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members[rows[0].row()] if rows else None

    def select_name(self, name: str) -> bool:
        for row, member in enumerate(self.members):
            if member.name == name and member.left_on is None:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        has_branch = bool(self.current_branch())
        member = self.selected_member()
        for button in (self.import_button, self.add_button):
            button.setEnabled(has_branch)
        self.edit_button.setEnabled(member is not None)
        self.leave_button.setEnabled(member is not None and member.left_on is None)
        self.remove_button.setEnabled(member is not None)

    def _show_outcome(self, text: str, *, problem: bool) -> None:
        self.outcome.setPlainText(text)
        self.outcome.setStyleSheet("color: #a40000;" if problem else "")
        self.outcome.show()
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the box's width, so a long line is counted as it wraps
        # the lines as shown (a plain text layout counts its size in lines), wrapped ones too;
        # a long list scrolls, the table keeps the room
        shown = max(math.ceil(self.outcome.document().size().height()), text.count("\n") + 1)
        lines = min(shown, 6)
        margins = self.outcome.contentsMargins()
        height = self.outcome.fontMetrics().lineSpacing() * lines
        self.outcome.setFixedHeight(
            height
            + margins.top()
            + margins.bottom()
            + 2 * int(self.outcome.document().documentMargin())
            + 6  # the frame: no scroll bar for what fits
        )

    def _changed(self) -> None:
        """A save went through: an earlier refusal no longer applies."""
        self.outcome.hide()
        self.reload()
        self.roster_changed.emit(self.current_branch())

    # ---- actions ----------------------------------------------------------------------------
    def _on_branch_changed(self, _text: str) -> None:
        self.outcome.hide()
        self.reload()

    def _on_branch_entered(self) -> None:
        """Enter in the 党支部 field: that branch's list, and the table to pick a member."""
        self.reload()
        self.table.setFocus()

    def _on_import_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("选择名册文件"), "", tr("名册（*.xlsx *.csv）")
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> bool:
        """Import ``path`` into the current branch; the dialog shows the outcome."""
        branch = self.current_branch()
        if not branch:
            return False
        try:
            listed = read_member_file(path)
        except MemberImportError as exc:
            self._show_outcome(import_error_text(exc), problem=True)
            return False
        try:
            outcome = self.store.import_members(branch, listed.members, listed.fields)
        except MemberEditError as exc:  # a 离开日期 before the day they joined: nobody imported
            self._show_outcome(member_edit_text(exc), problem=True)
            return False
        self._changed()
        summary = tr("已从 {0} 导入：新增 {1} 人，更新 {2} 人，{3} 人没有变化").format(
            path.name, outcome.added, outcome.updated, outcome.unchanged
        )
        self._show_outcome("\n".join([summary, *import_notes(outcome, listed)]), problem=False)
        return True

    def _on_add_clicked(self) -> None:
        dialog = self.member_dialog(None)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._changed()
            self.select_name(dialog.saved.name)

    def _on_edit_clicked(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        dialog = self.member_dialog(member)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def member_dialog(self, member: Member | None) -> MemberDialog:
        branch = self.current_branch()
        if member is None:
            return MemberDialog(lambda m: self.store.add(branch, m), None, self)
        return MemberDialog(lambda m: self._update(m, member), member, self)

    def _update(self, edited: Member, was: Member) -> Member:
        """Only the fields the organiser changed are saved; one changed elsewhere since the
        list was read is refused, and the list is read again."""
        try:
            return self.store.update(edited, was=was)
        except MemberEditError as exc:
            if exc.problem is MemberEditProblem.CHANGED_ELSEWHERE:
                self.reload()
            raise

    def _on_leave_clicked(self) -> None:
        member = self.selected_member()
        if member is None or member.id is None:
            return
        dialog = LeaveDialog(member, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.mark_left(member, dialog.chosen())

    def _on_remove_clicked(self) -> None:
        """删除…: a member on a recorded day is kept (their attendance counts), and the
        organiser told to mark them as left; any other is deleted once confirmed."""
        member = self.selected_member()
        if member is None or member.id is None:
            return
        day = self.store.first_recorded_day(member.id)
        if day is not None:
            kept = (
                tr(
                    "{0} 在 {1} 的活动记录里，不能删除：台账的出勤要用到。"
                    "如已离开支部，请用“标记离开…”。"
                )
                if member.left_on is None
                else tr(
                    "{0} 在 {1} 的活动记录里，不能删除：台账的出勤要用到。"
                    "{0} 已于 {2} 离开支部，名单里以灰色保留。"
                )
            )
            when = (day, member.left_on or day)
            messages.information(
                self, tr("删除成员"), kept.format(member.name, *(d.isoformat() for d in when))
            )
            return
        if not messages.question(
            self,
            tr("删除成员"),
            tr("从名单中删除 {0} 吗？只用于误加的人（如名册里多读进来的一行）；不能撤销。").format(
                member.name
            ),
        ):
            return
        try:
            self.store.remove(member.id)
        except MemberEditError as exc:  # recorded meanwhile (another window, the command line)
            self._show_outcome(member_edit_text(exc), problem=True)
            self.reload()
            return
        self._changed()
        self.table.clearSelection()  # not the next one down: 删除 is for one chosen

    def mark_left(self, member: Member, day: date) -> None:
        assert member.id is not None
        try:
            self.store.leave(member.id, day)
        except MemberEditError as exc:
            self._show_outcome(member_edit_text(exc), problem=True)
            return
        self._changed()


__all__ = ["LeaveDialog", "MemberDialog", "RosterDialog", "import_error_text"]
