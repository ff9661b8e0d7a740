"""Calendar entries of one plan are its own in any calendar, and a re-export after a change
replaces them: UIDs unique across databases and stable, SEQUENCE raised by every save."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from hongtu.core.exports.ics import render_ics
from hongtu.core.pipeline import render_plan
from hongtu.core.settings import Settings
from hongtu.core.workspace import open_workspace
from test_cli_export_folder import imported, run


def _events(ics: bytes) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(ics).walk("VEVENT")


def test_plan_1_of_two_databases_keeps_its_own_calendar_entries(capsys, tmp_path) -> None:
    """Two branches' plan 1 both gave UID 1-gather-0@hongtu: importing both calendars on a
    phone lost one gathering. Each database's plan now has its own UIDs, the same on every
    re-export."""
    uids = []
    for branch in ("one", "two"):
        db = ["--db", str(tmp_path / f"{branch}.sqlite3")]
        (tmp_path / branch).mkdir()
        plan_id = imported(capsys, tmp_path / branch, db)
        assert plan_id == "1"
        exports = []
        for number in (1, 2):
            out = tmp_path / branch / f"day{number}.ics"
            code, _, err = run(capsys, *db, "plans", "export", "1", "--format", "ics",
                               "--output", str(out))  # fmt: skip
            assert code == 0, err
            exports.append([str(e["UID"]) for e in _events(out.read_bytes())])
        assert exports[0] == exports[1]  # a re-export updates the same entries
        uids.append(exports[0])
    gathering = [found[0] for found in uids]
    assert gathering[0] != gathering[1] and all(u.startswith("1-") for u in gathering)
    assert not set(uids[0]) & set(uids[1])


def test_a_rename_within_the_minute_raises_the_sequence(tmp_path: Path) -> None:
    """Export, rename, export again in the same minute: the SUMMARY changed but SEQUENCE did
    not, so a calendar kept the old entry. Every saved change raises it now."""
    workspace = open_workspace(str(tmp_path / "hongtu.sqlite3"))
    try:
        from hongtu.core.plans import Plan

        plan = workspace.plans.save(Plan(title="缅怀革命先烈", date=date(2026, 12, 18)))
        now = datetime(2026, 12, 1, 9, 30, 5, tzinfo=UTC)

        def exported() -> list[icalendar.Event]:
            stored = workspace.plans.get(plan.id)
            view = render_plan(
                stored, workspace.sites.list_sites(), Settings(), today=date(2026, 12, 1)
            )
            return _events(render_ics(view.document, now))

        before = exported()
        plan = workspace.plans.get(plan.id)
        plan.title = "重温入党誓词"
        workspace.plans.save(plan)
        after = exported()
    finally:
        workspace.close()
    assert "重温入党誓词" in str(after[0]["SUMMARY"])
    assert after[0]["UID"] == before[0]["UID"]
    assert after[0]["SEQUENCE"] > before[0]["SEQUENCE"]
