"""The 台账 view's tables: rows of text exactly as the ledger documents print them.

The rows come from ``core.exports.ledger_summary`` (the PDF's own document), so a figure in the
view is the same text as in the exports. Tables are not sortable: attendance is shown in the
roster's order and by day, never ranked (the guidance against "formalism on the fingertips").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex


class Shade(Enum):
    """How a member's month is set off; its text says the same (假, 缺, 已离开), so the colour
    is never the only sign."""

    LEAVE = "leave"  # on leave: yellow
    ABSENT = "absent"  # absent: red
    LEFT = "left"  # after the member left the branch: grey text


BACKGROUNDS = {Shade.LEAVE: QColor("#fff3cd"), Shade.ABSENT: QColor("#f8d7da")}
LEFT_TEXT = QColor("#777777")


class TextTable(QAbstractTableModel):
    """Rows of plain text under a header; ``numbers``: the centred figure columns; ``bold_last``:
    the last row is the year's totals."""

    def __init__(self, numbers: range, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._header: tuple[str, ...] = ()
        self._rows: tuple[tuple[str, ...], ...] = ()
        self._numbers = numbers
        self._bold_last = False
        self._shades: Mapping[tuple[int, int], Shade] = {}

    def set_rows(
        self,
        header: Sequence[str],
        rows: Sequence[tuple[str, ...]],
        *,
        bold_last: bool = False,
        shades: Mapping[tuple[int, int], Shade] | None = None,
    ) -> None:
        self.beginResetModel()
        self._header = tuple(header)
        self._rows = tuple(rows)
        self._bold_last = bold_last
        self._shades = shades or {}
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def rows(self) -> tuple[tuple[str, ...], ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._numbers:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and self._bold_last and row == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        shade = self._shades.get((row, column))
        if role == Qt.ItemDataRole.BackgroundRole and shade in BACKGROUNDS:
            return QBrush(BACKGROUNDS[shade])
        if role == Qt.ItemDataRole.ForegroundRole and shade is Shade.LEFT:
            return QBrush(LEFT_TEXT)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and section < len(self._header)
        ):
            return self._header[section]
        return None
