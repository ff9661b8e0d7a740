"""What was actually done: the plan's stops and activities, each 已完成 unless changed (with a
note) or not done; items done on the day though not planned are added at the end.

A stop's own row stands for the visit (marking it 未进行 takes the place out of the ledger's
sites visited); its activities follow it as rows of their own. An item reads whole: 内容 is as
wide as its longest item while 说明 keeps ``MIN_NOTE_WIDTH``, and an item longer than that room
wraps onto a second line (at 125 % on a 1366×768 laptop 内容 and 说明 shared the table's width
equally, and a stop's activities read “八路军驻晋办事处旧址…”)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hongtu.core.records import MAX_REASON_CHARS, DoneItem, DoneState
from hongtu.qt.table_rows import cell_padding
from hongtu.qt.wheel_guard import guard_wheel

STOP_ROLE = Qt.ItemDataRole.UserRole + 41
MIN_NOTE_WIDTH = 100  # 说明 beside a long item: the note scrolls in its box as it is typed
WRAPPED_MARGIN = 8  # a wrapped item's row: its lines and this much room around them


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordDone", text)


def state_label(state: DoneState) -> str:
    return {
        DoneState.DONE: tr("已完成"),
        DoneState.CHANGED: tr("有变动"),
        DoneState.SKIPPED: tr("未进行"),
        DoneState.ADDED: tr("临时增加"),
    }[state]


PLANNED_STATES = (DoneState.DONE, DoneState.CHANGED, DoneState.SKIPPED)


class Column:
    TEXT, STATE, NOTE = range(3)


class DoneTable(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([tr("内容"), tr("情况"), tr("说明")])
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 4)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves for the rows' boxes and on (arrows move)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._row_height = self.verticalHeader().defaultSectionSize()
        self.setWordWrap(True)  # an item longer than 内容's room goes on onto a second line
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Fixed)  # _fit_items
        header.setSectionResizeMode(Column.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._on_section_resized)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.itemChanged.connect(lambda _item: self._fit_items())

    def set_items(self, items: tuple[DoneItem, ...]) -> None:
        self.setRowCount(0)
        for item in items:
            self._append(item)
        self._fit_items()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """A wider or narrower table (the dialog resized, the splitter moved, a scroll bar come
        or gone): the items are fitted to its width again."""
        if event.type() == QEvent.Type.Resize:
            self._fit_items()
        return super().viewportEvent(event)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == Column.STATE:  # its boxes' words (a row's 情况 changed) take more or less
            self._fit_items()

    def _fit_items(self) -> None:
        """内容 as wide as its longest item, but leaving 说明 ``MIN_NOTE_WIDTH``; a row whose
        item needs more lines in that width is as tall as they are."""
        metrics, padding = self.fontMetrics(), cell_padding(self)
        cells = [self.item(row, Column.TEXT) for row in range(self.rowCount())]
        texts = [cell.text() if cell is not None else "" for cell in cells]
        # Qt elides a text exactly as wide as its room too: one pixel more
        wanted = max((metrics.horizontalAdvance(t) + 1 + padding for t in texts), default=0)
        room = self.viewport().width() - self.columnWidth(Column.STATE) - MIN_NOTE_WIDTH
        width = max(self.horizontalHeader().sectionSizeHint(Column.TEXT), min(wanted, room))
        if width != self.columnWidth(Column.TEXT):
            self.setColumnWidth(Column.TEXT, width)
        lines = QRect(0, 0, max(width - padding, 1), 100_000)
        for row, text in enumerate(texts):
            tall = metrics.boundingRect(lines, Qt.TextFlag.TextWordWrap, text).height()
            height = max(self._row_height, tall + WRAPPED_MARGIN)
            if height != self.rowHeight(row):
                self.setRowHeight(row, height)

    def over_long_note(self) -> str | None:
        """The item whose note is longer than ``MAX_REASON_CHARS`` characters, if any."""
        for item in self.entries():
            if len(item.note) > MAX_REASON_CHARS:
                return item.text
        return None

    def entries(self) -> tuple[DoneItem, ...]:
        result = []
        for row in range(self.rowCount()):
            cell = self.item(row, Column.TEXT)
            text = cell.text().strip() if cell is not None else ""
            if not text:
                continue  # an added row left empty
            combo = self.cellWidget(row, Column.STATE)
            note = self.cellWidget(row, Column.NOTE)
            assert isinstance(combo, QComboBox) and isinstance(note, QLineEdit)
            state = DoneState(combo.currentData())
            stop_uid = cell.data(STOP_ROLE) if cell is not None else None
            result.append(DoneItem(text, state, stop_uid, note.text().strip()))
        return tuple(result)

    def add_item(self) -> None:
        """A row for something done though not planned; its text is typed at once."""
        row = self._append(DoneItem("", DoneState.ADDED))
        self._fit_items()
        self.setCurrentCell(row, Column.TEXT)
        cell = self.item(row, Column.TEXT)
        if cell is not None:
            self.editItem(cell)

    def remove_current(self) -> bool:
        """Removes the current row if it was added on the day (planned rows are marked 未进行)."""
        row = self.currentRow()
        if row < 0 or not self.is_added(row):
            return False
        self.removeRow(row)
        self._fit_items()
        self.changed.emit()
        return True

    def tab_chain(self) -> list[QWidget]:
        """The table (arrows pick a row), then each row's 情况 and 说明, top to bottom."""
        chain: list[QWidget] = [self]
        for row in range(self.rowCount()):
            for column in (Column.STATE, Column.NOTE):
                widget = self.cellWidget(row, column)
                if widget is not None:
                    chain.append(widget)
        return chain

    def is_added(self, row: int) -> bool:
        combo = self.cellWidget(row, Column.STATE)
        return isinstance(combo, QComboBox) and combo.currentData() == DoneState.ADDED.value

    def _append(self, item: DoneItem) -> int:
        row = self.rowCount()
        self.insertRow(row)
        cell = QTableWidgetItem(item.text)
        cell.setData(STOP_ROLE, item.stop_uid)
        added = item.state is DoneState.ADDED
        if not added:
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        combo = QComboBox(self)
        for state in (DoneState.ADDED,) if added else PLANNED_STATES:
            combo.addItem(state_label(state), state.value)
        combo.setCurrentIndex(max(combo.findData(item.state.value), 0))
        combo.setEnabled(not added)
        guard_wheel(combo)  # scrolling the dialog past the rows leaves each one's 情况 as it is
        note = QLineEdit(item.note, self)
        # no max length (UTF-16 units, cut silently): 保存 refuses a long note in words
        note.setPlaceholderText(tr("有变动时写明怎样变的"))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        note.textChanged.connect(lambda _t: self.changed.emit())
        self.blockSignals(True)
        self.setItem(row, Column.TEXT, cell)
        self.blockSignals(False)
        self.setCellWidget(row, Column.STATE, combo)
        self.setCellWidget(row, Column.NOTE, note)
        self.changed.emit()
        return row
