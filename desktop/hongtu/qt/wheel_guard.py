"""The mouse wheel scrolls a form; it changes a field only once the organiser has clicked into it.

Qt's spin boxes, date and time edits and combo boxes take the wheel whenever the pointer is over
them: scrolling the 基本信息 form with the pointer passing over 集合时间 turned 08:00 into 04:00
(and the whole day with it) without a word. Guarded, such a field without the keyboard focus
passes the wheel on to what holds it (the scroll area scrolls), and the wheel no longer gives it
the focus either; a field the organiser clicked into (or tabbed to) steps with the wheel as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QAbstractSpinBox, QComboBox)


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(event, QWheelEvent) or not isinstance(watched, QWidget):
            return False
        if _has_focus(watched):
            return False
        scroller = _scroll_area_of(watched)
        if scroller is None:
            event.ignore()  # nothing to scroll: the wheel goes on to the parent
            return True
        viewport = scroller.viewport()
        QApplication.sendEvent(
            viewport,
            QWheelEvent(
                viewport.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            ),
        )  # handed on by hand: Qt passes a wheel event sent by a program to no parent
        event.accept()
        return True


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area ``widget`` is shown in (a form's, a table's)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _has_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def guard_wheel(field: QWidget) -> None:
    """``field`` (a spin box, a date or time edit, a combo box) takes the wheel only when it
    has the keyboard focus."""
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: the wheel focuses nothing
    guard = field.findChild(_WheelGuard, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if guard is None:
        guard = _WheelGuard(field)
        field.installEventFilter(guard)


def guard_wheels(form: QWidget) -> None:
    """``guard_wheel`` for every spin box, date or time edit and combo box in ``form``."""
    for field in form.findChildren(QWidget):
        if isinstance(field, _GUARDED):
            guard_wheel(field)


__all__ = ["guard_wheel", "guard_wheels"]
