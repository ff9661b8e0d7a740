"""Typing in a large plan's notes saves only what changed, and what is stored is what is shown.

A keystroke in the notes of a 500-stop plan used to re-write its 500 stops (~0.1 s on the GUI
thread); now only the plan's own columns are written when the stops are those stored at the
version this window saved or read. A plan saved before the limits (fitted when read) has its
fitted stops written by the first save, so the file never keeps what the window no longer shows.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, Plan, Stop
from hongtu.core.storage.models import PlanStopRow
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui


def _plan(stops: int) -> Plan:
    return Plan(
        title="五百站",
        date=date(2026, 7, 1),
        notes="准时集合。",
        stops=[
            Stop(
                custom=CustomPlace(f"地点{i}", LatLon(37.7 + i / 1000, 112.5)),
                activities=[Activity(ActivityKind.TOUR, 20)],
            )
            for i in range(stops)
        ],
    )


@pytest.fixture
def session(qtbot, workspace):  # type: ignore[no-untyped-def]
    session = PlanSession(today=lambda: date(2026, 6, 1))
    session.attach(workspace.plans, [])
    return session


@pytest.fixture
def stop_writes(workspace):  # type: ignore[no-untyped-def]
    """The SQL statements that write the ``plan_stops`` table, as they are sent."""
    written: list[str] = []
    engine = workspace.database.engine

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if "plan_stops" in statement and not statement.lstrip().upper().startswith("SELECT"):
            written.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    yield written
    event.remove(engine, "before_cursor_execute", seen)


def test_typing_in_the_notes_of_500_stops_writes_no_stop(session, workspace, stop_writes) -> None:
    plan_id = workspace.plans.save(_plan(500)).id
    session.open(plan_id)
    stop_writes.clear()
    for text in ("准时集合。带", "准时集合。带身份证", "准时集合。带身份证。"):
        session.set_plan_field("notes", text, typing=True)
    assert stop_writes == []
    stored = workspace.plans.get(plan_id)
    assert stored.notes == "准时集合。带身份证。" and stored.stops == session.plan.stops
    session.undo()  # the three keystrokes are one step
    assert workspace.plans.get(plan_id).notes == "准时集合。"
    assert stop_writes == []


def test_a_stop_edit_after_typing_is_written_and_undone(session, workspace, stop_writes) -> None:
    plan_id = workspace.plans.save(_plan(20)).id
    session.open(plan_id)
    stop_writes.clear()
    session.set_plan_field("notes", "带身份证")
    assert stop_writes == []
    first = session.plan.stops[0].id
    session.set_stop_field(first, "visit_minutes", 45)
    assert stop_writes  # the stops changed: they are written
    assert workspace.plans.get(plan_id).stops[0].visit_minutes == 45
    session.undo()
    session.set_plan_field("title", "改过的主题")  # after undo the stored stops are the old ones
    stored = workspace.plans.get(plan_id)
    assert stored.stops[0].visit_minutes is None and stored.title == "改过的主题"
    assert stored.stops == session.plan.stops


def test_a_plan_from_before_the_limits_gets_its_fitted_stops_written(session, workspace) -> None:
    plan_id = workspace.plans.save(_plan(3)).id
    with workspace.plans._sessions.begin() as db:  # an old HongTu wrote a 500-character name
        row = db.query(PlanStopRow).filter_by(plan_id=plan_id, position=0).one()
        row.custom = {"name": "旧" * 500, "lat": 37.7, "lon": 112.5}
    session.open(plan_id)
    shown = session.plan.stops[0].custom.name
    assert len(shown) < 500
    session.set_plan_field("notes", "带身份证")  # only the notes typed: the stops still written
    stored, exact = workspace.plans.read(plan_id)
    assert exact and stored.stops[0].custom.name == shown
