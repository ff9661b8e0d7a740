"""Who came: one row per member on the branch's roster that day, everyone 出席 to begin with.

Marking someone 请假 or 缺席 is one click on the row's button; 请假 puts the cursor in the row's
reason box (a reason is required). The counts (应到/实到/请假/缺席/列席) follow every click. Each
row shows the member's 政治面貌 that day: only Party members count in 应到, the others who come
are 列席."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from hongtu.core.members import Member, PartyStatus
from hongtu.core.records import Attendance, Presence


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordAttendance", text)


def presence_label(presence: Presence) -> str:
    return {Presence.PRESENT: tr("出席"), Presence.LEAVE: tr("请假"), Presence.ABSENT: tr("缺席")}[
        presence
    ]


def status_label(member: Member, day: date) -> str:
    """政治面貌 that day, and 列席 for someone not in the Party (not counted in 应到)."""
    status = member.status_on(day)
    text = {
        PartyStatus.FULL: tr("正式党员"),
        PartyStatus.PROBATIONARY: tr("预备党员"),
        PartyStatus.ACTIVIST: tr("入党积极分子"),
        PartyStatus.OTHER: tr("其他"),
    }[status]
    return text if member.in_party_on(day) else tr("{0}（列席）").format(text)


MIN_REASON_WIDTH = 120


class Column:
    NAME, ROLE, STATUS, PRESENCE, REASON = range(5)


ORDER = (Presence.PRESENT, Presence.LEAVE, Presence.ABSENT)
# The pressed button shows its state at a glance (green 出席, amber 请假, red 缺席); the words
# say it too, so the colours are not the only sign.
STYLE = """
QToolButton { padding: 2px 8px; }
QToolButton:checked[presence="present"] { background: #e3f1e5; border: 1px solid #2e7d32;
    color: #1b5e20; }
QToolButton:checked[presence="leave"] { background: #fff1d6; border: 1px solid #c77700;
    color: #7a4700; }
QToolButton:checked[presence="absent"] { background: #fbe3e3; border: 1px solid #c62828;
    color: #8e0000; }
"""


class PresenceButtons(QWidget):
    """出席 | 请假 | 缺席 as three toggle buttons, exactly one pressed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        self.buttons: dict[Presence, QToolButton] = {}
        for number, presence in enumerate(ORDER):
            button = QToolButton(self)
            button.setText(presence_label(presence))
            button.setCheckable(True)
            button.setProperty("presence", presence.value)
            button.setAutoRaise(False)
            self.group.addButton(button, number)
            layout.addWidget(button)
            self.buttons[presence] = button
        self.buttons[Presence.PRESENT].setChecked(True)
        self.group.idToggled.connect(self._on_toggled)

    def presence(self) -> Presence:
        return ORDER[max(self.group.checkedId(), 0)]

    def set_presence(self, presence: Presence) -> None:
        self.buttons[presence].setChecked(True)

    def _on_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.changed.emit()


class AttendanceTable(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [tr("姓名"), tr("职务"), tr("政治面貌"), tr("出勤"), tr("请假原因")]
        )
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Tab goes from a row's buttons to its reason box and on out of the table; with the
        # view's own Tab navigation it only moved the (invisible) current cell, trapping focus.
        self.setTabKeyNavigation(False)
        self.setStyleSheet(STYLE)
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.ROLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PRESENCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.REASON, QHeaderView.ResizeMode.Stretch)
        self.members: list[Member] = []
        self._needed_width = 0
        self.presence_buttons: list[PresenceButtons] = []
        self.reasons: list[QLineEdit] = []
        self.taken_out: set[int] = set()  # member ids left out of the record (rows hidden)

    def set_members(
        self, members: list[Member], day: date, saved: tuple[Attendance, ...] = ()
    ) -> None:
        """The roster on ``day``; a saved record's entries where it has them (else 出席)."""
        by_id = {a.member_id: a for a in saved}
        self.members = list(members)
        for widget in (*self.presence_buttons, *self.reasons):
            widget.hide()  # shown again (a record changed elsewhere): the old rows' go at once
        self.presence_buttons, self.reasons = [], []
        self.setRowCount(0)
        self.setRowCount(len(members))
        for row, member in enumerate(members):
            name = QTableWidgetItem(member.name)
            role = QTableWidgetItem(member.role)
            self.setItem(row, Column.NAME, name)
            self.setItem(row, Column.ROLE, role)
            self.setItem(row, Column.STATUS, QTableWidgetItem(status_label(member, day)))
            buttons = PresenceButtons(self)
            reason = QLineEdit(self)
            # no max length (UTF-16 units, cut silently): the core refuses a long reason in words
            entry = by_id.get(member.id) if member.id is not None else None
            if entry is not None:
                buttons.set_presence(entry.presence)
                reason.setText(entry.reason)
            _enable_reason(reason, buttons.presence() is Presence.LEAVE)
            buttons.changed.connect(lambda row=row: self._on_presence_changed(row))
            reason.textChanged.connect(lambda _text: self.changed.emit())
            self.setCellWidget(row, Column.PRESENCE, buttons)
            self.setCellWidget(row, Column.REASON, reason)
            self.presence_buttons.append(buttons)
            self.reasons.append(reason)
        self.resizeColumnToContents(Column.ROLE)
        self.setColumnWidth(Column.ROLE, min(self.columnWidth(Column.ROLE), 140))
        self.resizeRowsToContents()
        self._keep_room_for_reasons()
        self.changed.emit()

    def _keep_room_for_reasons(self) -> None:
        """At least MIN_REASON_WIDTH for 请假原因 beside the other columns (the splitter gives
        the table that much): in English the words squeezed it to a sliver at 1366 px."""
        header = self.horizontalHeader()
        used = self.columnWidth(Column.ROLE) + sum(  # the role's width is capped above
            max(header.sectionSizeHint(c), self.sizeHintForColumn(c))
            for c in (Column.NAME, Column.STATUS, Column.PRESENCE)
        )
        reason = max(MIN_REASON_WIDTH, header.sectionSizeHint(Column.REASON))
        scroll = self.verticalScrollBar().sizeHint().width()
        self._needed_width = used + reason + scroll + 2 * self.frameWidth()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Only the least width (an explicit minimum would also change how the splitter shares
        out the dialog where there is room)."""
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._needed_width), hint.height())

    def take_out(self, member_id: int, out: bool) -> None:
        """Leave a member out of the record (their row hidden), or put them back."""
        row = next((r for r, m in enumerate(self.members) if m.id == member_id), None)
        if row is None:
            return
        (self.taken_out.add if out else self.taken_out.discard)(member_id)
        self.setRowHidden(row, out)
        self.changed.emit()

    def attendance(self) -> tuple[Attendance, ...]:
        entries = []
        for member, buttons, reason in zip(
            self.members, self.presence_buttons, self.reasons, strict=True
        ):
            assert member.id is not None
            if member.id in self.taken_out:
                continue
            presence = buttons.presence()
            text = reason.text().strip() if presence is Presence.LEAVE else ""
            entries.append(Attendance(member.id, member.name, presence, text))
        return tuple(entries)

    def tab_chain(self) -> list[QWidget]:
        """Row by row: 出席, 请假, 缺席 and the reason box (Tab skips it unless 请假)."""
        chain: list[QWidget] = []
        for buttons, reason in zip(self.presence_buttons, self.reasons, strict=True):
            chain += [*buttons.buttons.values(), reason]
        return chain

    def first_focus(self) -> QWidget | None:
        """The first member's pressed 出勤 button, where the organiser starts."""
        if not self.presence_buttons:
            return None
        buttons = self.presence_buttons[0]
        return buttons.buttons[buttons.presence()]

    def row_of(self, name: str) -> int | None:
        return next((r for r, m in enumerate(self.members) if m.name == name), None)

    def show_row(self, row: int) -> None:
        """Scroll to a member's row and put the cursor in its reason box if it is editable."""
        self.scrollTo(self.model().index(row, Column.NAME))
        reason = self.reasons[row]
        if reason.isEnabled():
            reason.setFocus()
        else:
            self.presence_buttons[row].buttons[Presence.PRESENT].setFocus()

    def _on_presence_changed(self, row: int) -> None:
        reason = self.reasons[row]
        leave = self.presence_buttons[row].presence() is Presence.LEAVE
        _enable_reason(reason, leave)
        if leave:
            reason.setFocus()
        self.changed.emit()


def _enable_reason(reason: QLineEdit, leave: bool) -> None:
    """The reason box is for 请假 only: it asks for the reason then, and is blank otherwise."""
    reason.setEnabled(leave)
    reason.setPlaceholderText(tr("请假原因（必填）") if leave else "")
