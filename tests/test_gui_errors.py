"""A database that cannot be opened gets a clear message in the window, and is left alone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from gui_helpers import close_main_window
from hongtu.qt import messages
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow
from journey_helpers import BoxAnswers


@pytest.mark.gui
def test_unopenable_database_is_explained_and_untouched(qtbot, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "branch.sqlite3"
    content = b"minutes of the branch meeting, not a database " * 40
    bad.write_bytes(content)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "critical", lambda *_a: pytest.fail("the choices are shown"))
    # 取消: the organiser neither restores nor starts afresh
    monkeypatch.setattr(messages, "choose",
                        lambda _parent, title, text, _choices: shown.append((title, text)))
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
    monkeypatch.setattr(messages, "choose", lambda _p, _title, text, _c: shown.append(text))
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


def _open_with_answers(qtbot, file, answers: BoxAnswers) -> tuple[MainWindow, Controller]:  # type: ignore[no-untyped-def]
    window = MainWindow()
    controller = Controller(window, str(file))
    window.show()
    controller.open_workspace()  # the box is answered while it is up
    return window, controller


def _button(text: str):  # type: ignore[no-untyped-def]
    return lambda box: next((b for b in box.buttons() if b.text() == text), None)


@pytest.mark.gui
def test_a_file_that_is_not_a_database_can_be_set_aside_for_a_new_empty_one(
    qtbot, monkeypatch, tmp_path
) -> None:
    """No backup beside it: the organiser starts with an empty database; the file they had
    stays in its folder under another name, byte for byte."""
    bad = tmp_path / "hongtu.sqlite3"
    content = bytes(range(256)) * 20  # 5 kB that are not a database
    bad.write_bytes(content)
    refused: list[str] = []
    monkeypatch.setattr(messages, "critical", lambda _p, _title, text: refused.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: pytest.fail(f"exit {code}"))
    answers = BoxAnswers()
    answers.answer(_button("用新的空数据库启动"))
    window, controller = _open_with_answers(qtbot, bad, answers)
    try:
        assert controller.workspace is not None
        assert window.site_model.rowCount() >= 10 and window.plan_ui.session.list_plans() == []
        said = window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)
    assert refused == []
    text = answers.seen[0]
    assert "这个文件不是数据库文件" in text and str(bad) in text
    assert "从备份文件（.zip）恢复" in text and "不会删除或改动它" in text
    kept = list(tmp_path.glob("hongtu.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert f"已改名保留为 {kept[0]}" in said


@pytest.mark.gui
def test_a_damaged_database_can_be_restored_from_a_backup_archive(
    qtbot, monkeypatch, tmp_path
) -> None:
    """The organiser's own 备份 .zip, chosen from the message: a foreign file is refused and
    the choices come back; the real backup brings the plans back, the damaged file kept."""
    from factories import make_plan
    from hongtu.core import paths
    from hongtu.core.backup import create_backup
    from hongtu.core.workspace import open_workspace

    file = tmp_path / "hongtu.sqlite3"
    workspace = open_workspace(str(file))
    plan = make_plan()
    plan.title = "重温入党誓词"
    workspace.plans.save(plan)
    workspace.close()
    archive = tmp_path / "红途备份.zip"
    create_backup(file, paths.data_dir() / "photos", archive)
    file.write_bytes(file.read_bytes()[:3000])  # cut short: no longer a database
    damaged = file.read_bytes()
    junk = tmp_path / "会议纪要.zip"
    junk.write_bytes(b"not a zip")
    chosen = iter([junk, archive])
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(next(chosen)), ""))
    )
    refused: list[str] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: pytest.fail(f"exit {code}"))
    answers = BoxAnswers()
    answers.answer(_button("从备份文件恢复…"))

    def again() -> None:  # the choices come back after the refused file
        answers.answer(_button("从备份文件恢复…"))

    monkeypatch.setattr(messages, "critical",
                        lambda _p, _title, text: refused.append(text) or again())
    window, controller = _open_with_answers(qtbot, file, answers)
    try:
        assert controller.workspace is not None
        assert [p.title for p in window.plan_ui.session.list_plans()] == ["重温入党誓词"]
        said = window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)
    assert len(refused) == 1 and "这不是一个备份文件" in refused[0]
    assert len(answers.seen) == 2
    kept = list(tmp_path.glob("hongtu.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert f"已从 {archive} 恢复" in said and str(kept[0]) in said
