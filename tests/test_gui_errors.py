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


def _damaged_with_backup(tmp_path):  # type: ignore[no-untyped-def]
    from hongtu.core.storage.database import SCHEMA_HEAD, backup_sqlite_file
    from test_damaged_database import flip_sites_page, healthy_database

    folder = tmp_path / "data"
    folder.mkdir()
    file = healthy_database(folder)
    backup = backup_sqlite_file(file, SCHEMA_HEAD)
    flip_sites_page(file)
    return file, backup


@pytest.mark.gui
def test_a_damaged_database_is_refused_untouched_when_the_restore_is_declined(
    qtbot, monkeypatch, tmp_path
) -> None:
    from test_damaged_database import fingerprint

    file, backup = _damaged_with_backup(tmp_path)
    before = fingerprint(file)
    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(messages, "question",
                        lambda _p, _title, text, *a, **k: asked.append(text) or False)
    monkeypatch.setattr(messages, "critical", lambda _p, _title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: None)
    window = MainWindow()
    controller = Controller(window, str(file))
    try:
        with qtbot.waitSignal(controller.workspace_failed):
            controller.open_workspace()
    finally:
        close_main_window(window, controller)
    assert len(asked) == 1 and str(backup) in asked[0]
    assert shown and "已损坏" in shown[0] and "红途没有修改这个文件" in shown[0]
    assert fingerprint(file) == before


@pytest.mark.gui
def test_a_damaged_database_can_be_restored_from_its_newest_backup(
    qtbot, monkeypatch, tmp_path
) -> None:
    file, _backup = _damaged_with_backup(tmp_path)
    damaged = file.read_bytes()
    monkeypatch.setattr(messages, "question", lambda *_a, **_k: True)
    monkeypatch.setattr(messages, "critical", lambda *_a: pytest.fail("no error expected"))
    window = MainWindow()
    controller = Controller(window, str(file))
    try:
        controller.open_workspace()
        assert controller.workspace is not None
        assert window.site_model.rowCount() >= 10
    finally:
        close_main_window(window, controller)
    kept = list(file.parent.glob("*.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
