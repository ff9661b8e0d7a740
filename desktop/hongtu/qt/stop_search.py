"""The add-stop box: type a name, alias or pinyin initials, press Enter (or click a suggestion).

One ``QCompleter`` shows the matching sites best first (``SiteMatchProxy``); it is not installed
with ``QLineEdit.setCompleter``, so the line edit never copies a completion into itself and the
completer's filter never goes stale. Enter reaches the line edit and then the completer, so both
paths go through ``_choose`` and the second one of the same key press finds the box already
empty and does nothing: one key press, one stop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

from hongtu.core.search import match_rank
from hongtu.qt.site_model import SEARCH_KEYS_ROLE, SITE_ID_ROLE, SiteTableModel

_Index = QModelIndex | QPersistentModelIndex


class SiteMatchProxy(QSortFilterProxyModel):
    """Sites matching the typed text, the best match first (the one Enter adds)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._ranks: dict[int, int] = {}

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = text.strip()
        self._ranks = {}
        model = self.sourceModel()
        if model is not None and self._query:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                rank = match_rank(index.data(SEARCH_KEYS_ROLE) or "", self._query)
                if rank is not None:
                    self._ranks[row] = rank
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, _parent: _Index) -> bool:  # noqa: N802
        return source_row in self._ranks

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        def key(index: _Index) -> tuple[int, int, str]:
            name = str(index.data() or "")
            return (self._ranks.get(index.row(), 9), len(name), name)

        return key(left) < key(right)

    def best_site_id(self) -> int | None:
        if self.rowCount() == 0:
            return None
        value: Any = self.index(0, 0).data(SITE_ID_ROLE)
        return int(value) if value is not None else None


class StopSearchBox(QObject):
    """Wires the box, the suggestion popup and the proxy; emits the chosen site."""

    site_chosen = Signal(int)
    nothing_found = Signal(str)  # Enter on text that matches no site

    def __init__(self, line_edit: QLineEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.line_edit = line_edit
        self.proxy = SiteMatchProxy(self)
        self.completer = QCompleter(self)
        self.completer.setModel(self.proxy)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(8)
        self.completer.setWidget(line_edit)
        # the stubs do not know QCompleter.activated's (QModelIndex) overload
        self.completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_completer_activated
        )
        line_edit.textEdited.connect(self._on_text_edited)
        line_edit.returnPressed.connect(self._on_return_pressed)
        line_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Ctrl+Z / Ctrl+Y in the box with nothing of its own to undo or redo (a stop was just
        added from it) are left to the window: they undo or redo the plan's last edit."""
        if watched is self.line_edit and event.type() == QEvent.Type.ShortcutOverride:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and self._passes_to_plan(key):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _passes_to_plan(self, key: QKeyEvent) -> bool:
        box = self.line_edit
        if key.matches(QKeySequence.StandardKey.Undo):
            return not box.isUndoAvailable() and not box.text()
        redo = key.matches(QKeySequence.StandardKey.Redo) or (
            key.key() == Qt.Key.Key_Y and key.modifiers() == Qt.KeyboardModifier.ControlModifier
        )
        return redo and not box.isRedoAvailable() and not box.text()

    def set_site_model(self, model: SiteTableModel) -> None:
        self.proxy.setSourceModel(model)
        model.modelReset.connect(self._refilter)
        model.dataChanged.connect(self._refilter)
        model.rowsInserted.connect(self._refilter)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its popup on first use
        return popup

    def _refilter(self, *_args: object) -> None:
        if not self.line_edit.text().strip() and not self.proxy.query:
            return  # nothing typed: nothing shown, nothing to recompute on every edit
        self.proxy.set_query(self.line_edit.text())

    def _on_text_edited(self, text: str) -> None:
        self.proxy.set_query(text)
        if text.strip() and self.proxy.rowCount():
            self.completer.complete()
        else:
            self._popup().hide()

    def _on_return_pressed(self) -> None:
        if not self.line_edit.text().strip():
            return
        popup = self._popup()
        current = popup.currentIndex() if popup.isVisible() else QModelIndex()
        if current.isValid():
            site_id = current.data(SITE_ID_ROLE)
            self._choose(int(site_id) if site_id is not None else None)
        else:
            self.proxy.set_query(self.line_edit.text())
            self._choose(self.proxy.best_site_id())

    def _on_completer_activated(self, index: QModelIndex) -> None:
        if not self.line_edit.text().strip():  # Enter already added it in _on_return_pressed
            return
        site_id = index.data(SITE_ID_ROLE)
        self._choose(int(site_id) if site_id is not None else None)

    def _choose(self, site_id: int | None) -> None:
        if site_id is None:  # nothing matches: keep the text so it can be corrected
            self.nothing_found.emit(self.line_edit.text().strip())
            return
        self.line_edit.setText("")  # unlike clear(), forgets the typing: Ctrl+Z is the plan's
        self.proxy.set_query("")
        self._popup().hide()
        self.line_edit.setFocus()
        self.site_chosen.emit(site_id)
