"""The same plan file imported twice: a colleague's plan arrives once by e-mail and once in the
branch's chat group, and the organiser imports both. The second import does not silently add an
identical plan beside the first: the window asks (open the one already there, import a copy, or
cancel) and the CLI refuses in words unless told ``--again``. A changed plan (the sender's next
version) is imported as before."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from hongtu.cli import main
from hongtu.core.planfile import dump_plan
from hongtu.core.plans import Activity, ActivityKind, Plan, PlanStatus, Stop, same_contents
from hongtu.core.workspace import open_workspace
from journey_helpers import drop, journey_window, when_shown

TITLE = "重温入党誓词主题党日"


def senders_file(tmp_path: Path, visit_minutes: int = 60, name: str = "plan") -> Path:
    sender = open_workspace(str(tmp_path / "sender.sqlite3"))
    try:
        sites = [s for s in sender.sites.list_sites() if s.key and s.position][:2]
        plan = Plan(
            title=TITLE,
            date=date(2026, 7, 1),
            participants=30,
            gathering_time=time(8, 0),
            status=PlanStatus.PLANNED,
            stops=[
                Stop(site_id=sites[0].id, visit_minutes=visit_minutes),
                Stop(site_id=sites[1].id, activities=[Activity(ActivityKind.OATH, 20)]),
            ],
        )
        path = tmp_path / f"{name}.hongtu.json"
        path.write_text(dump_plan(plan, {s.id: s for s in sender.sites.list_sites()}), "utf-8")
        return path
    finally:
        sender.close()


def titles(db: str) -> list[str]:
    workspace = open_workspace(db)
    try:
        return [summary.title for summary in workspace.plans.list_plans()]
    finally:
        workspace.close()


def test_a_plan_differs_from_its_copy_only_in_what_it_says() -> None:
    plan = Plan(title=TITLE, date=date(2026, 7, 1), stops=[Stop(site_id=1), Stop(site_id=2)])
    copy = Plan(title=TITLE, date=date(2026, 7, 1), stops=[Stop(site_id=1), Stop(site_id=2)])
    copy.id, copy.status = 7, PlanStatus.DONE  # stored, and moved on since
    assert plan.stops[0].id != copy.stops[0].id
    assert same_contents(plan, copy)
    copy.stops[1].visit_minutes = 45
    assert not same_contents(plan, copy)
    copy.stops[1].visit_minutes = None
    copy.stops.reverse()
    assert not same_contents(plan, copy)


def test_the_cli_refuses_the_same_file_twice_unless_told_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file, db = senders_file(tmp_path), str(tmp_path / "me.sqlite3")
    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    first = capsys.readouterr().out.strip()

    assert main(["--db", db, "plans", "import", str(plan_file)]) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert "已经导入过" in said.err and f"方案编号 {first}" in said.err and "--again" in said.err
    assert titles(db) == [TITLE]

    assert main(["--db", db, "plans", "import", "--again", str(plan_file)]) == 0
    assert titles(db) == [TITLE, TITLE]


def test_the_senders_next_version_is_imported_without_a_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "me.sqlite3")
    assert main(["--db", db, "plans", "import", str(senders_file(tmp_path))]) == 0
    changed = senders_file(tmp_path, visit_minutes=90, name="changed")
    assert main(["--db", db, "plans", "import", str(changed)]) == 0
    assert titles(db) == [TITLE, TITLE]


def test_a_deleted_plan_does_not_stop_the_file_coming_back(tmp_path: Path) -> None:
    plan_file, db = senders_file(tmp_path), str(tmp_path / "me.sqlite3")
    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    workspace = open_workspace(db)
    workspace.plans.delete(1)  # as the window's 删除 does
    workspace.close()
    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    assert titles(db) == [TITLE]


def button(box: QMessageBox, text: str):  # type: ignore[no-untyped-def]
    return next(b for b in box.buttons() if b.text() == text)


@pytest.mark.gui
@pytest.mark.webengine
def test_the_window_asks_before_importing_the_same_file_again(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan_file = senders_file(tmp_path)
    with journey_window(qtbot, str(tmp_path / "me.sqlite3")) as (window, controller):
        session, plans = window.plan_ui.session, controller.workspace.plans
        drop(window, plan_file)
        first = session.plan
        assert first is not None and first.title == TITLE
        session.create("另一个方案", date(2026, 8, 1))
        assert session.plan is not None and session.plan.id != first.id

        # Enter takes the default answer: the plan already there is opened, nothing is added
        asked = when_shown(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
        drop(window, plan_file)
        text = asked[0].text()
        assert "已经有这个方案" in text and TITLE in text and "2026-07-01" in text
        assert session.plan is not None and session.plan.id == first.id
        assert len(plans.list_plans()) == 2
        assert "已经导入过" in window.statusBar().currentMessage()

        # Esc: nothing happens
        asked = when_shown(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
        drop(window, plan_file)
        assert len(asked) == 1 and len(plans.list_plans()) == 2

        # 再导入一份: a second copy, opened
        asked = when_shown(QMessageBox, lambda box: button(box, "再导入一份").click())
        drop(window, plan_file)
        assert len(asked) == 1 and len(plans.list_plans()) == 3
        assert session.plan is not None and session.plan.id != first.id
        assert session.plan.title == TITLE
