"""Heavy work runs off the GUI thread: optimising a 500-stop plan and exporting, with 取消.

The window keeps running its event loop meanwhile (a stall monitor ticks), the progress dialog's
cancel button stops the work, and cancelled work changes nothing: the stop order stays, an old
export file stays. Qt's text layout, python-docx, lxml and openpyxl hold Python's GIL, so every
format is written in a child process, never in the window's (a worker thread there still froze
the window: seconds for a PDF, 150 ms for a DOCX).
benchmarks/responsiveness.py measures the worst stalls.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from gui_helpers import close_main_window, open_main_window
from hongtu.core.atomic import is_partial
from hongtu.qt import messages, printing
from hongtu.qt.plan_outputs import BUNDLE, ExportDialog
from hongtu.qt.tasks import CancelToken
from stall_monitor import StallMonitor, big_plan

pytestmark = [pytest.mark.gui, pytest.mark.webengine]
LONG_MS = 180_000


@pytest.fixture
def window_with(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    opened = []

    def open_with(stops: int):  # type: ignore[no-untyped-def]
        window, controller = open_main_window(qtbot, str(tmp_path / "big.sqlite3"))
        opened.append((window, controller))
        ui = window.plan_ui
        plan_id = controller.workspace.plans.save(big_plan(stops)).id
        ui.session.open(plan_id)
        return window, ui

    yield open_with
    for window, controller in opened:
        close_main_window(window, controller)


@pytest.fixture
def slow_work():  # type: ignore[no-untyped-def]
    """The worker's looks at its cancel token wait until 取消 is pressed.

    So the work is still running when the test reaches for the button, however fast this machine
    (or the optimiser) is; the GUI thread must keep running meanwhile, which the tests check.
    """
    with pytest.MonkeyPatch.context() as patch:

        def asked(token: CancelToken) -> bool:
            return token._event.wait(LONG_MS / 1000)

        patch.setattr(CancelToken, "__call__", asked)
        yield patch


def export_dialog(qtbot, window, ui, fmt: str, path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    """The 导出 dialog of the open plan, ``fmt`` chosen and ``path`` typed in, not yet accepted."""
    dialog = ExportDialog(ui.session.view, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(path))
    return dialog


def _click_cancel(qtbot, task) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(task.dialog.isVisible, timeout=LONG_MS)  # shown once the work is slow
    task.dialog.findChild(QPushButton).click()


@pytest.mark.timeout(600)
def test_optimising_500_stops_leaves_the_window_live_and_cancel_keeps_the_order(
    qtbot, window_with, slow_work
) -> None:
    _window, ui = window_with(500)
    before = [stop.id for stop in ui.session.plan.stops]
    monitor = StallMonitor()
    monitor.start()
    ui.optimise_action.trigger()
    task = ui.optimising
    assert task is not None  # returned at once: the search runs on a worker thread
    _click_cancel(qtbot, task)
    qtbot.waitUntil(lambda: ui.optimising is None, timeout=LONG_MS)
    monitor.stop()
    assert monitor.ticks > 20  # the event loop kept running meanwhile
    assert [stop.id for stop in ui.session.plan.stops] == before
    assert ui.session.undo_stack.count() == 0  # nothing was applied


@pytest.mark.timeout(600)
def test_an_export_runs_in_the_background_and_cancel_keeps_the_old_file(
    qtbot, window_with, tmp_path: Path, monkeypatch, slow_work
) -> None:
    window, ui = window_with(120)
    monkeypatch.setattr(messages, "question", lambda *a, **k: True)  # yes, replace it
    target = tmp_path / "out" / "日程安排表.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the old schedule")
    dialog = export_dialog(qtbot, window, ui, "pdf", target)
    dialog._on_buttons_accepted()
    task = dialog.task
    assert task is not None and dialog.written is None  # still being written
    _click_cancel(qtbot, task)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=LONG_MS)
    assert target.read_bytes() == b"the old schedule" and dialog.written is None
    assert not [p for p in target.parent.iterdir() if is_partial(p)]
    slow_work.undo()  # the work runs at its own pace again
    dialog._on_buttons_accepted()  # again, and let it finish
    qtbot.waitUntil(lambda: dialog.task is None, timeout=LONG_MS)
    assert dialog.written == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


@pytest.mark.timeout(600)
def test_pdfs_are_laid_out_outside_the_window_process(
    qtbot, window_with, tmp_path: Path, monkeypatch
) -> None:
    window, ui = window_with(120)

    def not_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a PDF was laid out in the window's process")

    monkeypatch.setattr(printing, "build_text_document", not_here)
    dialog = export_dialog(qtbot, window, ui, BUNDLE, tmp_path)  # both PDFs and the DOCX
    dialog.names.setPlainText("张三\t支部书记\n李四")
    monitor = StallMonitor()
    monitor.start()
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=LONG_MS)
    monitor.stop()
    assert monitor.ticks > 5  # the window's event loop ran while the child wrote
    schedule, signin, docx = dialog.written_all  # in the order of the set
    assert dialog.written == schedule and schedule.name.endswith("日程安排表.pdf")
    for pdf in (schedule, signin):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert signin.name.endswith("签到表.pdf") and docx.suffix == ".docx"
    assert not [p for p in tmp_path.iterdir() if is_partial(p)]


@pytest.mark.timeout(600)
def test_every_format_is_written_outside_the_window_process(
    qtbot, window_with, tmp_path: Path, monkeypatch
) -> None:
    """python-docx, lxml and openpyxl hold the GIL like Qt's layout does: no writer runs in the
    window's process, and the window's event loop runs while all ten files are written."""
    import hongtu.core.exports as exports

    window, ui = window_with(120)

    def not_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file was written in the window's process")

    for name in ("export_plan", "render_bytes", "_writer"):
        monkeypatch.setattr(exports, name, not_here)
    monkeypatch.setattr(printing, "build_text_document", not_here)
    dialog = export_dialog(qtbot, window, ui, BUNDLE, tmp_path)
    for row in range(dialog.extras.count()):
        dialog.extras.item(row).setCheckState(Qt.CheckState.Checked)
    monitor = StallMonitor()
    monitor.start()
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=LONG_MS)
    monitor.stop()
    assert monitor.ticks > 5
    written = {path.suffix: path for path in dialog.written_all}
    assert len(dialog.written_all) == 10 and not dialog.done_page.isHidden()
    for suffix in (".docx", ".xlsx"):
        assert written[suffix].read_bytes().startswith(b"PK")
    assert "BEGIN:VCALENDAR" in written[".ics"].read_text("utf-8")
    assert "地点119" in written[".csv"].read_text("utf-8-sig")
    assert json.loads(written[".json"].read_text("utf-8"))["plan"]["title"] == "五百站压力测试"
    assert not [p for p in tmp_path.iterdir() if is_partial(p)]


@pytest.mark.timeout(600)
def test_cancelling_a_word_export_leaves_no_file(
    qtbot, window_with, tmp_path: Path, slow_work
) -> None:
    window, ui = window_with(200)
    target = tmp_path / "out" / "活动方案.docx"
    target.parent.mkdir()
    dialog = export_dialog(qtbot, window, ui, "docx", target)
    dialog._on_buttons_accepted()
    task = dialog.task
    assert task is not None
    _click_cancel(qtbot, task)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=LONG_MS)
    assert dialog.written is None and dialog.done_page.isHidden()
    assert list(target.parent.iterdir()) == []  # neither the file nor a temporary one
