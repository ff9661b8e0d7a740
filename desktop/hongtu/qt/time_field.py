"""A clock time typed as people type it: 8:00, 0800, 800, 8点, 8点半, or just 8.

Qt's time edit takes typing section by section: clicking into “04:00” and typing 0 8 left 04:00,
and Ctrl+A, “0800”, Tab left 04:00 with the minutes selected (Tab stepped between the hour and
the minutes). This field is plain text, read when the organiser leaves it or presses Enter;
what cannot be read as a time is said in words (``problem_changed``) and changes nothing. A
click selects the whole time, so typing replaces it; ↑/↓ move it by 5 minutes, Page Up/Down by
an hour. An optional field (the latest return) may be left blank: no time.
"""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from hongtu.core.clocktime import hhmm
from hongtu.core.text import ascii_digits
from hongtu.qt.plan_models import parse_hhmm

_HOUR_ONLY = re.compile(r"[0-9]{1,2}")  # “8” or “08”: eight o'clock
_STEPS: dict[int, int] = {  # minutes a key moves the time
    Qt.Key.Key_Up.value: 5,
    Qt.Key.Key_Down.value: -5,
    Qt.Key.Key_PageUp.value: 60,
    Qt.Key.Key_PageDown.value: -60,
}


def tr(text: str) -> str:
    return QCoreApplication.translate("TimeField", text)


def read_time(text: str) -> time | None:
    """The time in ``text`` as people type it; blank → None; otherwise ValueError."""
    bare = ascii_digits(text).strip()
    if _HOUR_ONLY.fullmatch(bare):
        hour = int(bare)
        if hour > 23:
            raise ValueError(text)
        return time(hour, 0)
    return parse_hhmm(text)


class TimeField(QLineEdit):
    """``time_typed(time | None)``: the organiser set a new time (None: an optional field
    cleared). ``problem_changed(str)``: why the text cannot be taken, "" once it can."""

    time_typed = Signal(object)
    problem_changed = Signal(str)

    def __init__(
        self, label: str, parent: QWidget | None = None, *, optional: bool = False
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._optional = optional
        self._value: time | None = None if optional else time(8, 0)
        self._problem = ""
        self.setPlaceholderText(tr("不限（如 15:00）") if optional else tr("如 8:00"))
        self.setToolTip(
            tr("可输入 8:00、0800、800、8点 或 8点半；↑/↓ 调整 5 分钟，PgUp/PgDn 调整 1 小时")
        )
        self.setMaxLength(20)  # a time, not a note; longer text cannot be one
        metrics = self.fontMetrics()  # as wide as a time and its hint, not the whole form
        self.setMaximumWidth(metrics.horizontalAdvance(self.placeholderText() + "0000"))
        self.editingFinished.connect(self.commit)

    def value(self) -> time | None:
        """The time in force (the one last taken), not text still being typed."""
        return self._value

    def set_time(self, value: time | None) -> None:
        """Show the plan's time, unless the organiser is typing another one here."""
        shown = "" if value is None else hhmm(value)
        if self.hasFocus() and self.isModified() and self.text().strip() != self._shown_text():
            self._value = value  # taken when typing ends, against the time now in force
            return
        self._value = value
        if self.text() != shown:
            self.setText(shown)
        self._set_problem("")

    def commit(self) -> None:
        """Take the text typed (leaving the field, Enter, or the plan being saved now)."""
        text = self.text()
        if not self.isModified() or text.strip() == self._shown_text():
            self._set_problem("")
            return
        try:
            value = read_time(text)
        except ValueError:
            value = None
            refused = True
        else:
            refused = value is None and not self._optional
        if refused:
            self._set_problem(self._refusal(text))
            return
        self._set_problem("")
        self._take(value)

    def _take(self, value: time | None) -> None:
        self.setText("" if value is None else hhmm(value))
        if value != self._value:
            self._value = value
            self.time_typed.emit(value)

    def _refusal(self, text: str) -> str:
        kept = self._shown_text() or tr("不限")
        if not text.strip():
            return tr("请填写{0}，如 8:00；{0}仍为 {1}。").format(self._label, kept)
        return tr(
            "“{0}”不是一个时间：请填写如 8:00、0800、800 或 8点（00:00–23:59）；{1}仍为 {2}。"
        ).format(text.strip(), self._label, kept)

    def _shown_text(self) -> str:
        return "" if self._value is None else hhmm(self._value)

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    # ---- keys and clicks -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        step = _STEPS.get(event.key())
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        self.commit()  # what was typed first, then the step from it
        base = self._value or time(8, 0)
        minutes = base.hour * 60 + base.minute + step
        if 0 <= minutes < 24 * 60:  # ↑ at 23:58 stays on the day
            self._set_problem("")
            self._take(time(*divmod(minutes, 60)))
        self.selectAll()
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            # after the click has placed the cursor: the whole time, to type over
            QTimer.singleShot(0, self.selectAll)


__all__ = ["TimeField", "read_time"]
