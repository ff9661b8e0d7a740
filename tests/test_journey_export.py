"""Journeys 2 and 3: before a plan goes out it is checked; then it is exported the way an
organiser does it — Ctrl+E, the pre-flight list, a typed file name with the wrong extension, a
120-character official title, 导出全套 with a roster from Excel, 打开所在文件夹 — and the files on
disk say 待定 for the leg nobody can measure."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from hongtu.core.document import DocumentLabels
from hongtu.qt.plan_outputs import ExportDialog
from hongtu.qt.preflight import PreflightDialog
from hongtu.qt.window_state import documents_folder
from journey_helpers import (
    LONG_TITLE,
    TIMEOUT,
    click,
    ime_type,
    journey_window,
    new_plan_by_mouse,
    no_chinese,
    tr,
    type_export_path,
    when_shown,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.webengine,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]

STOPS = ["太原解放纪念馆", "晋绥八分区旧址", "双塔革命烈士陵园"]  # the second has no position


def press_ctrl_e(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+E in the main window (active again once a dialog has closed)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return "\n".join(
            " ".join(str(v) for v in row if v is not None)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    finally:
        book.close()


def make_roster(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["姓名", "职务"], ["张三", "书记"], [None, "委员"], ["李四", "组织委员"]):
        sheet.append(row)
    book.save(path)


def test_export_checks_first_fixes_the_extension_and_writes_the_full_set(
    qtbot, tmp_path, lang, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    out = tmp_path / "导出"
    out.mkdir()
    with journey_window(qtbot, str(tmp_path / "e.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_by_mouse(qtbot, window)
        click(qtbot, ui.editor.title)
        ui.editor.title.selectAll()
        ime_type(ui.editor.title, LONG_TITLE)

        # an empty plan: Ctrl+E, 保存 lists the problems and Enter means 返回修改 — nothing
        # goes out, the export dialog closes
        def press_enter(dialog: QDialog) -> None:
            assert isinstance(dialog, PreflightDialog)
            assert [w.code.value for w in dialog.problems][:2] == ["no_stops", "no_gathering"]
            assert dialog.go_button.text() == tr("Preflight", "仍然导出")
            qtbot.keyClick(dialog, Qt.Key.Key_Return)

        def save_the_schedule(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            assert dialog.chosen_format().value == "pdf"
            click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))

        checks = when_shown(PreflightDialog, press_enter)
        exports = when_shown(ExportDialog, save_the_schedule)
        press_ctrl_e(qtbot, window)
        assert len(checks) == 1 and checks[0].result() == 0
        assert len(exports) == 1 and not exports[0].isVisible()
        assert exports[0].written is None and exports[0].task is None  # nothing was written
        assert ui.session.plan.title == LONG_TITLE  # typed text was saved before the check

        box = ui.editor.stop_search
        for name in STOPS:
            click(qtbot, box)
            ime_type(box, name)
            qtbot.keyClick(box, Qt.Key.Key_Return)
        assert len(ui.session.plan.stops) == 3

        # now: the list names the unknown distance; 仍然导出, then PDF with a name typed as .docx
        def go_on(dialog: QDialog) -> None:
            assert isinstance(dialog, PreflightDialog)
            assert "unknown_distance" in [w.code.value for w in dialog.problems]
            click(qtbot, dialog.go_button)

        def save_pdf_typed_as_docx(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            # Documents at first (home on a machine without a Documents folder)
            assert Path(dialog.path.text()).parent == documents_folder()
            name = Path(dialog.path.text()).name
            assert len(name.encode("utf-8")) <= 255 and name.endswith(".pdf")
            dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
            type_export_path(qtbot, dialog, str(out / "x.docx"))  # the folder name is Chinese
            click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
            assert dialog.path.text() == str(out / "x.pdf")
            qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)  # PDFs by a child process
            assert "x.pdf" in dialog.done_label.text() and dialog.done_page.isVisible()
            click(qtbot, dialog.open_folder_button)
            click(qtbot, dialog.open_file_button)
            click(qtbot, dialog.close_button)

        when_shown(PreflightDialog, go_on)
        when_shown(ExportDialog, save_pdf_typed_as_docx)
        press_ctrl_e(qtbot, window)
        assert (out / "x.pdf").exists() and not (out / "x.docx").exists()
        assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(out / "x.pdf"))]
        pending = DocumentLabels().leg_pending if lang == "zh_CN" else None
        text = pdf_text(out / "x.pdf")
        if pending is not None:
            assert pending in text.replace(" ", "")

        # 导出全套 into the remembered folder, with Excel too and the names from a roster file
        roster = tmp_path / "名单.xlsx"
        make_roster(roster)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))

        def save_full_set(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            assert Path(dialog.path.text()).parent == out  # the last folder
            dialog.format.setCurrentIndex(dialog.format.findData("bundle"))
            assert dialog.path.text() == str(out)
            for row in range(dialog.extras.count()):
                if dialog.extras.item(row).data(Qt.ItemDataRole.UserRole) == "xlsx":
                    dialog.extras.item(row).setCheckState(Qt.CheckState.Checked)
            click(qtbot, dialog.roster_button)
            assert dialog.names.toPlainText().splitlines() == ["张三\t书记", "李四\t组织委员"]
            note = dialog.roster_note.text()
            assert tr("PlanOutputs", "第 {0} 行没有姓名，已跳过").format(3) in note
            if lang == "en":
                assert no_chinese(note.replace("名单.xlsx", ""))
            click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
            qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)  # PDFs by a child process
            assert len(dialog.written_all) == 4
            click(qtbot, dialog.close_button)

        when_shown(PreflightDialog, go_on)
        when_shown(ExportDialog, save_full_set)
        with qtbot.waitSignal(window.statusBar().messageChanged, timeout=TIMEOUT):
            ui.export_action.trigger()
        files = sorted(p.name for p in out.iterdir() if p.name != "x.pdf")
        assert len(files) == 4
        assert all(len(name.encode("utf-8")) <= 255 for name in files)
        assert all(name.startswith(f"{ui.session.plan.date:%Y%m%d}-") for name in files)
        kinds = {"日程安排表", "签到表", "活动方案"} if lang == "zh_CN" else set()
        assert all(any(kind in name for name in files) for kind in kinds)
        by_suffix = {Path(name).suffix: out / name for name in files}
        signin = next(
            out / n for n in files if n.endswith(".pdf") and (out / n) != by_suffix[".pdf"]
        )
        assert "张三" in pdf_text(signin) + pdf_text(by_suffix[".pdf"])
        if pending is not None:
            assert pending in docx_text(by_suffix[".docx"])
            assert pending in xlsx_text(by_suffix[".xlsx"])
            assert "至少" in docx_text(by_suffix[".docx"])


def test_printing_an_empty_plan_goes_back_to_the_plan(qtbot, tmp_path, lang, monkeypatch) -> None:
    from hongtu.qt import printing

    previewed: list[object] = []
    monkeypatch.setattr(printing, "print_preview", lambda *a, **k: previewed.append(a))
    with journey_window(qtbot, str(tmp_path / "p.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_by_mouse(qtbot, window)
        back = when_shown(PreflightDialog, lambda d: click(qtbot, d.back_button))
        ui.print_schedule_action.trigger()
        assert len(back) == 1 and previewed == []
        assert back[0].go_button.text() == tr("Preflight", "仍然打印")
        assert ui.right_tabs.currentWidget() is ui.plan_pane


def test_printing_to_a_pdf_says_where_the_file_went(qtbot, tmp_path, lang) -> None:
    """With no printer installed, the preview's 打印 prints to a PDF file (Qt's print dialog
    asks for its name); the status bar then says where it is, as an export does. Closing the
    preview without printing says nothing."""
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QLineEdit, QPushButton

    target = tmp_path / "打印" / "日程安排表.pdf"
    target.parent.mkdir()

    def name_the_file(dialog: QDialog) -> None:
        dialog.findChild(QLineEdit, "filename").setText(str(target))
        name = tr("QPrintDialog", "&Print")
        click(qtbot, next(b for b in dialog.findChildren(QPushButton) if b.text() == name))

    def print_from_the_preview(preview: QDialog) -> None:
        assert isinstance(preview, QPrintPreviewDialog)
        preview.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # no printer here
        name = tr("QPrintPreviewDialog", "Print")
        button = next(a for a in preview.findChildren(QAction) if a.text() == name)
        when_shown(QPrintDialog, name_the_file)
        button.trigger()

    with journey_window(qtbot, str(tmp_path / "p.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_by_mouse(qtbot, window)
        site = next(s for s in window.site_model.sites() if s.position is not None)
        ui.add_site(site.id)  # no gathering point yet: 仍然打印
        go = when_shown(PreflightDialog, lambda d: click(qtbot, d.go_button))
        previews = when_shown(QPrintPreviewDialog, print_from_the_preview)
        ui.print_schedule_action.trigger()
        assert len(previews) == 1
        assert target.read_bytes().startswith(b"%PDF")
        said = window.statusBar().currentMessage()
        assert said == tr("PlanUi", "已打印到文件：{0}").format(str(target))

        window.statusBar().clearMessage()
        closed: list[QDialog] = []

        def close_the_preview() -> None:  # 仍然打印 if asked again, then close the preview
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, PreflightDialog):
                click(qtbot, dialog.go_button)
            if not isinstance(dialog, QPrintPreviewDialog):
                QTimer.singleShot(10, close_the_preview)
                return
            closed.append(dialog)
            dialog.reject()

        QTimer.singleShot(0, close_the_preview)
        ui.print_signin_action.trigger()
        assert len(go) == 1 and len(closed) == 1
        assert window.statusBar().currentMessage() == ""
