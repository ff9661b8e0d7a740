"""Driving the real main window as a person does: a 1366×768 window, mouse and keyboard, an input
method committing Chinese text, message boxes answered by clicking their buttons, zh or en."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

from gui_helpers import close_main_window, map_state, open_main_window
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.plan_outputs import ExportDialog

TIMEOUT = 10_000
SCREEN = (1366, 768)
CJK = re.compile(r"[\u3400-\u9fff]")
# an official title of 120 Chinese characters, as long as the ones that broke exports
_TITLE_PART = "中共太原市某某区委机关第一党支部开展学习贯彻党的二十大精神暨重温红色记忆主题党日活动"
LONG_TITLE = (_TITLE_PART * 3)[:120]
assert len(LONG_TITLE) == 120 and not re.search(r"[^\u4e00-\u9fff]", LONG_TITLE)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@contextmanager
def journey_window(qtbot: Any, db: str) -> Iterator[tuple[MainWindow, Controller]]:
    window, controller = open_main_window(qtbot, db)
    try:
        window.resize(*SCREEN)
        qtbot.waitUntil(lambda: window.width() <= SCREEN[0], timeout=TIMEOUT)
        # the page hears of its new size later (Chromium, then Leaflet's resize handler, which
        # moves every marker to keep the centre): a click aimed at a marker before that landed
        # where the marker had been, on a loaded machine
        view = window.map_view
        qtbot.waitUntil(
            lambda: map_state(qtbot, window)["size"] == [view.width(), view.height()],
            timeout=TIMEOUT,
        )
        yield window, controller
    finally:
        close_main_window(window, controller)


class _LayoutRequests(QObject):
    """Counts the layout requests Qt delivers while it is installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.delivered = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.delivered += 1
        return False


def laid_out() -> None:
    """Lay out now what a resize, or a widget shown or hidden, asked to lay out again.

    Qt posts such a request (a LayoutRequest event) and handles it at its next turn of the event
    loop; a layout that then changes a widget's size hint asks its parent's in turn. Deliver them
    until none is left (each pass handles those posted before it began)."""
    app = QCoreApplication.instance()
    assert app is not None
    requests = _LayoutRequests()
    app.installEventFilter(requests)
    try:
        for _ in range(50):  # a layout asks again only when a size hint changed: it settles
            requests.delivered = 0
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            if requests.delivered == 0:
                return
        raise AssertionError("the layout never settles: each pass asks for another")
    finally:
        app.removeEventFilter(requests)


def new_plan_by_mouse(qtbot: Any, window: MainWindow) -> None:
    """方案 › 新建, clicked; returns once the new plan is the one open."""
    ui = window.plan_ui
    ui.left_tabs.setCurrentWidget(ui.plan_list)
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        click(qtbot, ui.plan_list.new_button)


def type_export_path(qtbot: Any, dialog: ExportDialog, path: str) -> None:
    """导出's 保存到 box: clicked, its text selected and ``path`` typed over it."""
    click(qtbot, dialog.path)
    dialog.path.selectAll()
    ime_type(dialog.path, path)


def ime_type(widget: QWidget, text: str) -> None:
    """Commit ``text`` as a Chinese input method does (pinyin typed, characters committed)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def wheel(field: QWidget, notches: int) -> None:
    """Turn the mouse wheel with the pointer over ``field``, as the mouse sends it to the widget
    under the pointer; positive notches away from the user (up), negative towards (down)."""
    centre = QPointF(field.rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(
            centre,
            QPointF(field.mapToGlobal(centre)),
            QPoint(0, 0),
            QPoint(0, 120 if notches > 0 else -120),  # 120: one notch of a wheel
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(field, event)


def click_at(qtbot: Any, viewport: QWidget, rect: Any) -> None:
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


class BoxAnswers:
    """Answers the next modal message boxes by clicking a button, and remembers their text."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def answer(self, choose: Callable[[QMessageBox], QAbstractButton | None]) -> None:
        def click_when_shown() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, click_when_shown)
                return
            self.seen.append(box.text())
            button = choose(box)
            assert button is not None, box.text()
            button.click()

        QTimer.singleShot(0, click_when_shown)

    def yes(self) -> None:
        self.answer(lambda box: box.button(QMessageBox.StandardButton.Yes))

    def no(self) -> None:
        self.answer(lambda box: box.button(QMessageBox.StandardButton.No))


def when_modal(act: Callable[[Any], None]) -> None:
    """Act on the modal window that is about to open (runs inside its event loop)."""
    QTimer.singleShot(0, lambda: act(QApplication.activeModalWidget()))


def when_shown(kind: type, act: Callable[[QDialog], None]) -> list[QDialog]:
    """Once a modal dialog of ``kind`` is up, ``act`` on it as a person would."""
    seen: list[QDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, look)
            return
        seen.append(dialog)
        try:
            act(dialog)
        except BaseException:
            dialog.reject()  # a failed check must not leave the window waiting on the dialog
            raise

    QTimer.singleShot(0, look)
    return seen


def drop(window: MainWindow, path: Path) -> None:
    """Drag ``path`` over the middle of the window and drop it, as from a file manager.

    Qt only lets the platform's drag manager send drag events through QApplication, so they go
    straight to the window's own event handler (what the drag manager calls).
    """
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(window.width() / 2, window.height() / 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    window.event(enter)
    assert enter.isAccepted()  # the cursor says the window takes the file
    window.event(QDropEvent(centre, Qt.DropAction.CopyAction, mime, buttons, keys))


def no_chinese(text: str) -> bool:
    return CJK.search(text) is None


LOOKS = 4  # "within a second or two": a window looks for other writers twice a second (WATCH_MS)


def seen_within_looks(
    qtbot: Any, timer: QTimer, seen: Callable[[], bool], looks: int = LOOKS
) -> None:
    """``seen`` comes true within ``looks`` ticks of a window's ``timer`` looking for other
    writers. Counted in looks, not seconds: on a loaded machine the clock runs on while the
    looks wait for a core, and the promise is that the next looks find the change."""
    ticks: list[int] = []

    def tick() -> None:
        ticks.append(1)

    timer.timeout.connect(tick)
    try:
        qtbot.waitUntil(seen, timeout=TIMEOUT)
    finally:
        timer.timeout.disconnect(tick)
    assert len(ticks) <= looks, f"seen after {len(ticks)} looks, not within {looks}"
