"""Another program holds the database's write lock (DB Browser for SQLite with changes not yet
written, a backup tool, another HongTu in the middle of a long write). The window never freezes
for long: an edit's save waits briefly, the change stays on screen and is saved as soon as the
lock is let go; leaving the plan saves it first; nothing typed is lost."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import IntegrityError, OperationalError

from factories import make_plan
from gui_helpers import MAP_TIMEOUT_MS, close_main_window, open_main_window
from hongtu.core.storage.problems import BUSY_TIMEOUT_MS, DatabaseProblem
from hongtu.core.workspace import open_workspace
from hongtu.qt import crash, messages
from test_plan_gui import type_text


def hold_write_lock(file: Path) -> sqlite3.Connection:
    """Another program's connection holding the write lock until it is rolled back."""
    holder = sqlite3.connect(file, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def let_go(holder: sqlite3.Connection) -> None:
    holder.execute("ROLLBACK")
    holder.close()


def stored_title(file: Path, plan_id: int) -> str:
    with closing(sqlite3.connect(file)) as con, con:
        return str(con.execute("SELECT title FROM plans WHERE id = ?", (plan_id,)).fetchone()[0])


# ---- storage --------------------------------------------------------------------------------


def test_a_short_wait_gives_up_writes_nothing_and_leaves_the_usual_wait(tmp_path: Path) -> None:
    file = tmp_path / "busy.sqlite3"
    workspace = open_workspace(str(file))
    try:
        plan = workspace.plans.save(make_plan())
        renamed = replace(plan, title="改过的标题")
        holder = hold_write_lock(file)
        try:
            with pytest.raises(OperationalError, match="locked"):
                workspace.plans.save(renamed, wait_ms=20)
            with workspace.database.engine.connect() as con:  # the connection it used, pooled
                assert con.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        finally:
            let_go(holder)
        assert stored_title(file, plan.id) == plan.title
        assert workspace.plans.save(renamed, wait_ms=20).version == plan.version + 1
        assert stored_title(file, plan.id) == "改过的标题"
    finally:
        workspace.close()


def test_a_driver_error_of_the_organisers_world_is_said_as_such_and_a_bug_is_not() -> None:
    locked = OperationalError("UPDATE plans …", {}, sqlite3.OperationalError("database is locked"))
    problem = crash.storage_problem(locked)
    assert problem is not None and problem.problem is DatabaseProblem.LOCKED
    full = OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    assert crash.storage_problem(full).problem is DatabaseProblem.DISK_FULL  # type: ignore[union-attr]
    bug = IntegrityError("INSERT …", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    assert crash.storage_problem(bug) is None  # a crash report, never "the database is damaged"
    assert crash.storage_problem(ValueError("locked")) is None


# ---- the window -----------------------------------------------------------------------------


@pytest.fixture
def window_with_a_plan(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    file = tmp_path / "branch.sqlite3"
    window, controller = open_main_window(qtbot, str(file))
    ui = window.plan_ui
    ui.left_tabs.setCurrentWidget(ui.plan_list)
    for _ in range(2):  # two plans: the second is open
        with qtbot.waitSignal(ui.session.plan_changed, timeout=MAP_TIMEOUT_MS):
            qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
    try:
        yield window, file, ui.session
    finally:
        close_main_window(window, controller)


def type_title(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    title = window.plan_ui.editor.title
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    title.selectAll()
    type_text(title, text)  # as an input method types it (QTest's keys are Latin-1 only)
    window.plan_ui.session.flush_requested.emit()  # as the pause after typing would


def test_typing_while_another_program_holds_the_lock_is_saved_when_it_lets_go(
    qtbot, window_with_a_plan
) -> None:
    window, file, session = window_with_a_plan
    plan_id = session.plan.id
    failures: list[str] = []
    session.save_failed.connect(failures.append)
    holder = hold_write_lock(file)
    try:
        with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS) as waiting:
            type_title(qtbot, window, "七一重温入党誓词")
        assert waiting.args == [True]
        assert "一释放就自动保存" in window.statusBar().currentMessage()
        type_title(qtbot, window, "七一重温入党誓词（改）")  # more typing: no wait at all
        assert session.plan.title == "七一重温入党誓词（改）"
        assert stored_title(file, plan_id) != session.plan.title
    finally:
        let_go(holder)
    with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS) as saved:
        pass  # the next try, a second later
    assert saved.args == [False] and failures == []
    assert stored_title(file, plan_id) == "七一重温入党誓词（改）"
    assert window.statusBar().currentMessage() == "修改已保存。"


def test_leaving_a_plan_whose_changes_wait_saves_them_first(qtbot, window_with_a_plan) -> None:
    window, file, session = window_with_a_plan
    first, second = (s.id for s in session.store.list_plans())
    open_id = session.plan.id
    other = first if open_id == second else second
    holder = hold_write_lock(file)
    with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS):
        type_title(qtbot, window, "支部书记讲党课")
    session._retry.stop()  # no try in between: leaving the plan is what saves it
    let_go(holder)
    session.open(other)
    assert session.plan.id == other and not session.waiting
    assert stored_title(file, open_id) == "支部书记讲党课"


@pytest.fixture
def impatient_window(window_with_a_plan):  # type: ignore[no-untyped-def]
    """The window with a plan, whose writes wait 20 ms for the lock, not its two seconds."""
    window, file, session = window_with_a_plan
    window.workspace.database.wait_for_writers(20)
    return window, file, session


def test_a_plan_whose_changes_cannot_be_saved_is_not_left(qtbot, impatient_window) -> None:
    window, file, session = impatient_window
    open_id = session.plan.id
    other = next(s.id for s in session.store.list_plans() if s.id != open_id)
    holder = hold_write_lock(file)
    try:
        with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS):
            type_title(qtbot, window, "参观太原解放纪念馆")
        with qtbot.waitSignal(session.save_failed, timeout=MAP_TIMEOUT_MS):
            session.open(other)
        assert session.plan.id == open_id and session.plan.title == "参观太原解放纪念馆"
        assert session.waiting  # and tried again later
        plans = len(session.store.list_plans())
        with qtbot.waitSignal(session.save_failed, timeout=MAP_TIMEOUT_MS):
            session.create("新方案", session.plan.date)  # nor is a new one made instead
        assert session.plan.id == open_id and len(session.store.list_plans()) == plans
    finally:
        let_go(holder)
    with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS) as saved:
        pass
    assert saved.args == [False]
    assert stored_title(file, open_id) == "参观太原解放纪念馆"


def test_a_new_plan_refused_by_a_held_lock_leaves_no_undo_step(impatient_window) -> None:
    _window, file, session = impatient_window
    open_id, steps = session.plan.id, session.undo_stack.count()
    holder = hold_write_lock(file)
    try:
        with pytest.raises(OperationalError, match="locked"):  # the app says: 数据库正被…使用
            session.create("新方案", session.plan.date)
    finally:
        let_go(holder)
    assert session.undo_stack.count() == steps  # no step that would undo nothing
    assert session.plan.id == open_id and len(session.store.list_plans()) == 2


def test_a_plan_changed_elsewhere_while_its_changes_waited_is_a_conflict_once(
    qtbot, window_with_a_plan
) -> None:
    window, file, session = window_with_a_plan
    plan_id = session.plan.id
    holder = hold_write_lock(file)
    with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS):
        type_title(qtbot, window, "我的标题")
    holder.execute("UPDATE plans SET title = '别处的标题', version = version + 1 WHERE id = ?",
                   (plan_id,))
    holder.execute("COMMIT")  # the other program saved the same plan, then let go
    holder.close()
    conflicts: list[object] = []
    session.conflict_changed.connect(lambda: conflicts.append(session.conflict))
    qtbot.waitUntil(lambda: session.conflict is not None, timeout=MAP_TIMEOUT_MS)
    assert not session.waiting and not session._retry.isActive()  # no try every second
    assert session.conflict.mine.title == "我的标题"  # type: ignore[union-attr]
    assert stored_title(file, plan_id) == "别处的标题"  # theirs kept until the organiser chooses
    assert len(conflicts) == 1


def test_closing_with_changes_that_wait_asks_first(qtbot, impatient_window, monkeypatch) -> None:
    window, file, session = impatient_window
    plan_id = session.plan.id
    asked: list[str] = []
    answers = iter([False, True])  # 否: keep waiting; then 是: close without them
    def ask(_parent, _title: str, text: str, *_args, **_kwargs) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(messages, "question", ask)
    holder = hold_write_lock(file)
    try:
        with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS):
            type_title(qtbot, window, "重走长征路")
        window.close()
        assert len(asked) == 1 and "仍要关闭红途并放弃这些修改吗" in asked[0]
        assert window.isVisible() and session.waiting and session.plan.title == "重走长征路"
        window.close()
        assert len(asked) == 2 and not window.isVisible() and not session.waiting
    finally:
        let_go(holder)
    assert stored_title(file, plan_id) != "重走长征路"  # given up, as the organiser chose


def test_closing_after_the_lock_went_saves_without_asking(
    qtbot, window_with_a_plan, monkeypatch
) -> None:
    window, file, session = window_with_a_plan
    plan_id = session.plan.id
    monkeypatch.setattr(messages, "question", lambda *_a, **_k: pytest.fail("nothing to ask"))
    holder = hold_write_lock(file)
    with qtbot.waitSignal(session.save_waiting, timeout=MAP_TIMEOUT_MS):
        type_title(qtbot, window, "参观八路军驻晋办事处旧址")
    session._retry.stop()  # closing, not the timer, saves it
    let_go(holder)
    window.close()
    assert not window.isVisible()
    assert stored_title(file, plan_id) == "参观八路军驻晋办事处旧址"
