"""A save that fails in the window (the disk filled up, the file was made read-only): what was
typed stays on screen, the save is tried again every second until it goes through, the message
says why and what to do, and closing the window before it went through asks first.

The full disk is SQLite's own: every connection of the window may not grow the file
(``PRAGMA max_page_count``), so a save fails with SQLite's "database or disk is full" exactly
where a full disk fails it; making room lifts the limit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, open_main_window
from hongtu.qt import messages
from journey_helpers import ime_type

NOTES = "请各位党员携带党员证，统一着装，提前十分钟到达集合地点。" * 120  # ~3,500 characters
ROOMY = 1_073_741_823  # SQLite's own largest page count


class Disk:
    """The window's database may grow only while ``room`` says so."""

    def __init__(self) -> None:
        self.pages = ROOMY

    def fill(self) -> None:
        self.pages = 1  # never below the file's size: not one page more

    def make_room(self) -> None:
        self.pages = ROOMY


@pytest.fixture
def full_disk(qtbot, tmp_path: Path) -> Iterator[tuple[object, Path, Disk]]:  # type: ignore[no-untyped-def]
    file = tmp_path / "branch.sqlite3"
    window, controller = open_main_window(qtbot, str(file))
    ui = window.plan_ui
    disk = Disk()

    def limit(connection, _record, _proxy) -> None:  # type: ignore[no-untyped-def]
        connection.execute(f"PRAGMA max_page_count = {disk.pages}")

    event.listen(window.workspace.database.engine, "checkout", limit)
    ui.left_tabs.setCurrentWidget(ui.plan_list)
    with qtbot.waitSignal(ui.session.plan_changed, timeout=MAP_TIMEOUT_MS):
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
    try:
        yield window, file, disk
    finally:
        close_main_window(window, controller)


def stored_notes(file: Path, plan_id: int) -> str:
    with closing(sqlite3.connect(file)) as con, con:
        return str(con.execute("SELECT notes FROM plans WHERE id = ?", (plan_id,)).fetchone()[0])


def type_notes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    notes = window.plan_ui.editor.notes
    qtbot.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton)
    ime_type(notes, NOTES)  # pasted, or committed by an input method
    window.plan_ui.session.flush_requested.emit()  # as the pause after typing would


def test_typing_on_a_full_disk_is_saved_once_there_is_room(qtbot, full_disk) -> None:
    window, file, disk = full_disk
    session = window.plan_ui.session
    plan_id = session.plan.id
    disk.fill()
    with qtbot.waitSignal(session.save_failed, timeout=MAP_TIMEOUT_MS):
        type_notes(qtbot, window)
    said = window.statusBar().currentMessage()
    assert "方案未能保存：磁盘空间已满" in said and "腾出空间" in said and "自动保存" in said
    assert session.plan.notes == NOTES and stored_notes(file, plan_id) == ""
    disk.make_room()
    with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS) as saved:
        pass  # the next try, a second later
    assert saved.args == [False]
    assert stored_notes(file, plan_id) == NOTES
    assert window.statusBar().currentMessage() == "修改已保存。"


def test_closing_before_a_failed_save_went_through_asks_first(
    qtbot, full_disk, monkeypatch
) -> None:
    """The organiser closes the window after the disk filled up: asked, they keep the window;
    room is made; closing now saves the typing without asking again."""
    window, file, disk = full_disk
    session = window.plan_ui.session
    plan_id = session.plan.id
    asked: list[str] = []

    def keep_the_window(_parent, _title: str, text: str, *_args, **_kwargs) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return False

    monkeypatch.setattr(messages, "question", keep_the_window)
    disk.fill()
    with qtbot.waitSignal(session.save_failed, timeout=MAP_TIMEOUT_MS):
        type_notes(qtbot, window)
    window.close()
    assert len(asked) == 1 and "还没有保存：磁盘空间已满" in asked[0]
    assert window.isVisible() and session.plan.notes == NOTES
    session._retry.stop()  # closing, not the timer, saves it
    disk.make_room()
    window.close()
    assert len(asked) == 1 and not window.isVisible()
    assert stored_notes(file, plan_id) == NOTES


def test_closing_without_the_changes_is_the_organisers_choice(
    qtbot, full_disk, monkeypatch
) -> None:
    window, file, disk = full_disk
    session = window.plan_ui.session
    plan_id = session.plan.id
    monkeypatch.setattr(messages, "question", lambda *_a, **_k: True)  # 是: close without them
    disk.fill()
    with qtbot.waitSignal(session.save_failed, timeout=MAP_TIMEOUT_MS):
        type_notes(qtbot, window)
    window.close()
    assert not window.isVisible() and not session.waiting
    disk.make_room()
    assert stored_notes(file, plan_id) == ""
