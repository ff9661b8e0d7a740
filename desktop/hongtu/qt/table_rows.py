"""Table rows as tall as a line of text, as in a desktop list, not Qt's 30 px default.

On a 1366×768 laptop at 125 % the default showed one and a half stops in the stops table and a
dozen sites in the site list; every list of the window uses the same height (light to import:
the site and plans lists are built before the map starts). ``cell_padding``: what a cell keeps
of its width from its text, to size a column that shows its words whole."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def rows_tall(view: QTableView, rows: int) -> int:
    """The height that shows ``view``'s header and ``rows`` whole rows."""
    header = view.horizontalHeader().sizeHint().height()
    return header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()


def compact_rows(view: QTableView) -> None:
    """Rows a line of text tall."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


def cell_padding(view: QTableView) -> int:
    """What a cell of ``view`` does not give its text: the style's margin either side of it
    (as the style draws the cell) and the grid line."""
    # only here: QStyle's class and its dozen enums take ~10 ms to make, on the way to the map
    from PySide6.QtWidgets import QStyle

    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return 2 * margin + (1 if view.showGrid() else 0)
