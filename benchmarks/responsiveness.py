"""Does the window stay responsive with a 500-stop plan and a 100,000-character note?

    QT_QPA_PLATFORM=offscreen python benchmarks/responsiveness.py

Opens the real window (map included), saves a plan with 500 stops and a 100,000-character note,
then measures with a stall monitor (a 10 ms timer; a stall is the longest gap between two of its
ticks beyond its interval) while the plan is opened, a character is typed into the note, 30 keys
are typed steadily into the title and into the note (one every 150 ms, saved meanwhile), the
stops are optimised and the plan is exported as PDF and DOCX from the export dialog.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests")]

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from hongtu.core import paths  # noqa: E402
from stall_monitor import StallMonitor, big_plan  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate, timeout_s: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError
        wait(20)


def _written(dialog):  # type: ignore[no-untyped-def]
    return lambda: dialog.task is None


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="hongtu-responsive-"))
    try:
        return measure(folder)
    finally:
        from hongtu.qt import export_process

        export_process.close_idle()  # the export child kept for the next export: ended first
        shutil.rmtree(folder, ignore_errors=True)


def measure(folder: Path) -> int:
    from gui_helpers import close_main_window
    from hongtu.qt.app import Controller, prepare_environment
    from hongtu.qt.mainwindow import MainWindow

    paths.set_home(folder / "home")
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    controller = Controller(window, str(folder / "big.sqlite3"), freeze_heap=True)  # as the app
    window.show()
    controller.start()
    wait_until(lambda: window.plan_ui is not None and window.map_view.is_ready)
    ui = window.plan_ui
    assert ui is not None and controller.workspace is not None
    plan_id = controller.workspace.plans.save(big_plan()).id
    ui.plan_list.refresh() if hasattr(ui.plan_list, "refresh") else None
    monitor = StallMonitor()
    results: dict[str, int] = {}

    def measure(name: str, action, done) -> None:  # type: ignore[no-untyped-def]
        monitor.start()
        started = time.perf_counter()
        action()
        wait_until(done)
        wait(200)
        results[name] = monitor.stop()
        print(f"{name}: worst stall {results[name]} ms ({time.perf_counter() - started:.2f} s)")

    measure("open 500 stops", lambda: ui.session.open(plan_id), lambda: ui.session.plan is not None)
    notes = ui.editor.notes

    def type_in_note() -> None:
        cursor = notes.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        notes.setTextCursor(cursor)
        notes.insertPlainText("。")
        ui.editor.notes_text.flush()

    measure("type in a 100,000-character note", type_in_note, lambda: True)

    def type_steadily(field) -> None:  # type: ignore[no-untyped-def]
        """30 keys, one every 150 ms, as a steady typist: saved every ~0.6 s meanwhile."""
        field.setFocus()
        keys = iter(range(30))
        typing = QTimer()
        typing.setInterval(150)

        def next_key() -> None:
            if next(keys, None) is None:
                typing.stop()
            else:
                QTest.keyClick(field, Qt.Key.Key_A)

        typing.timeout.connect(next_key)
        typing.start()
        wait_until(lambda: not typing.isActive())
        wait(1000)  # the last save

    ui.editor.title.end(False)
    measure(
        "type steadily in the title (30 keys)", lambda: type_steadily(ui.editor.title), lambda: True
    )
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    measure("type steadily in the note (30 keys)", lambda: type_steadily(notes), lambda: True)

    def optimise_then_cancel() -> None:
        ui.optimise_action.trigger()
        wait(3000)  # three seconds of optimising on the worker thread, then 取消
        if ui.optimising is not None:  # (on an idle machine it may have finished by now)
            ui.optimising.dialog.findChild(QPushButton).click()  # 取消, as a person would

    measure("optimise 500 stops 3 s, cancel", optimise_then_cancel, lambda: ui.optimising is None)
    from hongtu.qt.plan_outputs import ExportDialog

    view = ui.session.view
    assert view is not None
    for fmt in ("pdf", "docx"):
        dialog = ExportDialog(view, window)
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        dialog.path.setText(str(folder / f"big.{fmt}"))
        measure(f"export {fmt}, 500 stops", dialog._on_buttons_accepted, _written(dialog))
        print(f"  {fmt}: {(folder / f'big.{fmt}').stat().st_size} bytes")
    close_main_window(window, controller)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
