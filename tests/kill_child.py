"""Child process for test_no_loss: type a plan title in the real window, report when it is saved.

Run as ``python kill_child.py DB_FILE TITLE``. Prints ``ready`` once the window and map are up,
then ``saved <seconds>`` the moment the typed title has reached the database (the seconds since
the last keystroke). The parent kills this process with SIGKILL right then.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hongtu.qt.app import Controller, prepare_environment
from hongtu.qt.mainwindow import MainWindow


def type_text(widget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def window_with_a_new_plan(db: str) -> tuple[QApplication, Controller, MainWindow]:
    """The real window on ``db`` with a new plan open (the killed typists here and in
    benchmarks/kill_nine.py)."""
    prepare_environment()
    app = QApplication(sys.argv[:1])
    window = MainWindow()
    controller = Controller(window, db)
    window.show()
    controller.start()
    window.plan_ui.plan_list.create_plan()
    return app, controller, window


def main() -> int:
    db, title = sys.argv[1], sys.argv[2]
    app, controller, window = window_with_a_new_plan(db)
    ui = window.plan_ui
    typed_at: list[float] = []

    def on_plan_changed(plan, *_rest) -> None:
        if typed_at and plan.title == title:
            stored = controller.workspace.plans.get(plan.id).title  # read back from the file
            print(f"saved {time.monotonic() - typed_at[0]:.3f} {stored == title}", flush=True)

    ui.session.plan_changed.connect(on_plan_changed)

    def type_title() -> None:
        ui.editor.title.setFocus()
        ui.editor.title.selectAll()
        type_text(ui.editor.title, title)
        typed_at.append(time.monotonic())
        print("typed", flush=True)

    QTimer.singleShot(0, type_title)
    QTimer.singleShot(20_000, app.quit)  # never outlive a broken test
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
