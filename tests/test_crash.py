"""An unexpected error opens a dialog with a copyable report and writes a log file."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QPushButton

from hongtu.core import paths
from hongtu.qt import crash, crash_dialog


def test_unexpected_error_is_logged_and_shown(qtbot, monkeypatch) -> None:
    shown: list[crash_dialog.CrashDialog] = []
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook()
    try:
        raise RuntimeError("计划保存时出错")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())

    logs = list(paths.log_dir().glob("crash-*.log"))
    assert len(logs) == 1
    assert "RuntimeError: 计划保存时出错" in logs[0].read_text("utf-8")
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert "RuntimeError" in dialog.report.toPlainText()
    assert dialog.report.isReadOnly()
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "复制报告")
    copy.click()
    assert "计划保存时出错" in QApplication.clipboard().text()
