"""A database that cannot be opened gets a clear message in the window, and is left alone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from gui_helpers import close_main_window
from hongtu.qt import messages
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow


@pytest.mark.gui
def test_unopenable_database_is_explained_and_untouched(qtbot, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "branch.sqlite3"
    content = b"minutes of the branch meeting, not a database " * 40
    bad.write_bytes(content)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "critical",
                        lambda _parent, title, text: shown.append((title, text)))
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    window = MainWindow()
    controller = Controller(window, str(bad))
    try:
        with qtbot.waitSignal(controller.workspace_failed):
            controller.open_workspace()
    finally:
        close_main_window(window, controller)
    assert controller.workspace is None
    assert shown and shown[0][0] == "无法打开数据库"
    assert "不是数据库文件" in shown[0][1] or "已损坏" in shown[0][1]
    assert str(bad) in shown[0][1] and "红途没有修改这个文件" in shown[0][1]
    assert "Traceback" not in shown[0][1]
    assert exits == [2]
    assert bad.read_bytes() == content
