"""One pipeline: the window, `hongtu plans show` and every export time and check a plan with the
organiser's settings, and give the same answer."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hongtu.cli import main
from hongtu.core.pipeline import render_plan
from hongtu.core.routing import TravelSettings
from hongtu.core.settings import Settings, save_settings
from hongtu.core.warnings import DEFAULT_MAX_DAY_MINUTES, WarningCode

if TYPE_CHECKING:
    from hongtu.core.plans import Plan
    from hongtu.core.workspace import Workspace

TWO_STOPS = ["taiyuan-jiefang-jinianguan", "shuangta-geming-lieshi-lingyuan"]


def plan_file(tmp_path: Path) -> Path:
    document = {
        "format": "hongtu-plan",
        "version": 1,
        "plan": {
            "title": "重温入党誓词主题党日",
            "branch": "机关第二党支部",
            "date": "2026-12-18",
            "participants": 25,
            "transport": "coach",
            "gathering": {"custom": {"name": "单位大门", "lat": 37.8706, "lon": 112.5489,
                                     "crs": "wgs84"}},
            "gathering_time": "08:00",
            "returns_to_gathering": True,
            "stops": [{"site_key": key, "activities": [{"kind": "tour", "minutes": 50}]}
                      for key in TWO_STOPS],
        },
    }  # fmt: skip
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def loaded_plan(workspace: Workspace, tmp_path: Path) -> Plan:
    """``plan_file``'s plan as the workspace's sites resolve it (not stored)."""
    from hongtu.core.planfile import load_plan

    keys = {site.key: site.id for site in workspace.sites.list_sites() if site.key}
    return load_plan(plan_file(tmp_path).read_text("utf-8"), keys.get)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def imported(capsys, tmp_path: Path, db: list[str]) -> str:
    code, out, err = run(capsys, *db, "plans", "import", str(plan_file(tmp_path)))
    assert code == 0, err
    return out.strip()


def day_too_long(shown: dict) -> list[dict]:
    return [w for w in shown["warnings"] if w["code"] == WarningCode.DAY_TOO_LONG.value]


def test_plans_show_warns_against_the_longest_day_the_organiser_set(capsys, tmp_path) -> None:
    db = ["--db", str(tmp_path / "show.sqlite3")]
    plan_id = imported(capsys, tmp_path, db)
    _, out, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    shown = json.loads(out)
    assert 120 < shown["total_minutes"] < DEFAULT_MAX_DAY_MINUTES
    assert day_too_long(shown) == []  # within the default ten hours
    _, table, _ = run(capsys, *db, "plans", "show", plan_id)
    before = len(shown["warnings"])

    save_settings(Settings(max_day_minutes=120))  # the organiser allows two hours
    _, out, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    shown = json.loads(out)
    [warning] = day_too_long(shown)
    assert warning["details"] == {"minutes": shown["total_minutes"], "max_minutes": 120}
    _, table, _ = run(capsys, *db, "plans", "show", plan_id)
    assert f"提醒：{before + 1} 条" in table


def test_plans_show_times_legs_with_the_organisers_speeds(capsys, tmp_path) -> None:
    db = ["--db", str(tmp_path / "speeds.sqlite3")]
    plan_id = imported(capsys, tmp_path, db)
    _, out, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    default_legs = [i["leg"]["minutes"] for i in json.loads(out)["items"] if i["leg"]]
    slow = replace(TravelSettings(), coach_kmh=TravelSettings().coach_kmh / 3)
    save_settings(Settings(travel=slow))
    _, out, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    slow_legs = [i["leg"]["minutes"] for i in json.loads(out)["items"] if i["leg"]]
    assert all(s > d for s, d in zip(slow_legs, default_legs, strict=True))


def test_render_plan_uses_every_setting_it_is_given(workspace, tmp_path) -> None:
    plan = loaded_plan(workspace, tmp_path)
    sites = workspace.sites.list_sites()
    today = date(2026, 12, 1)
    usual = render_plan(plan, sites, Settings(), today=today)
    slow = replace(TravelSettings(), coach_kmh=20.0)
    strict = render_plan(plan, sites, Settings(travel=slow, max_day_minutes=60), today=today)
    assert strict.schedule.travel_minutes > usual.schedule.travel_minutes
    assert WarningCode.DAY_TOO_LONG not in {w.code for w in usual.warnings}
    assert WarningCode.DAY_TOO_LONG in {w.code for w in strict.warnings}
    # the document is laid out from this very schedule: the printed day ends when it ends
    assert strict.document.time_text.endswith(f"{strict.schedule.end:%H:%M}")
    assert usual.document.time_text.endswith(f"{usual.schedule.end:%H:%M}")
    assert strict.schedule.end > usual.schedule.end


@pytest.mark.gui
@pytest.mark.webengine
def test_the_window_and_the_command_line_export_the_same_file(
    qtbot, capsys, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QDialog

    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt.plan_outputs import ExportDialog
    from hongtu.qt.preflight import PreflightDialog

    db_file = str(tmp_path / "agree.sqlite3")
    db = ["--db", db_file]
    plan_id = imported(capsys, tmp_path, db)
    slow = replace(TravelSettings(), coach_kmh=TravelSettings().coach_kmh / 2)
    save_settings(Settings(travel=slow, max_day_minutes=120))
    from_cli = tmp_path / "cli.csv"
    code, _, err = run(capsys, *db, "plans", "export", plan_id, "--format", "csv",
                       "--output", str(from_cli))  # fmt: skip
    assert code == 0, err
    _, out, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    shown = json.loads(out)

    from_window = tmp_path / "window.csv"

    def save_as_csv(dialog: ExportDialog) -> int:
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        dialog.path.setText(str(from_window))
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)  # PDFs by a child process
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", save_as_csv)
    checked: list[list[str]] = []

    def go_on_anyway(dialog: PreflightDialog) -> int:  # 仍然导出: the day is too long
        checked.append([w.code.value for w in dialog.problems])
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PreflightDialog, "exec", go_on_anyway)
    window, controller = open_main_window(qtbot, db_file)
    try:
        ui = window.plan_ui
        ui.session.open(int(plan_id))
        ui.export_action.trigger()
        on_screen = ui.session.schedule
        on_screen_warnings = [w.code.value for w in ui.session.warnings]
    finally:
        close_main_window(window, controller)
    assert from_window.read_bytes() == from_cli.read_bytes()
    assert on_screen is not None and f"{on_screen.end:%H:%M}" == shown["end"]
    assert on_screen_warnings == [w["code"] for w in shown["warnings"]]
    assert WarningCode.DAY_TOO_LONG.value in on_screen_warnings
    assert checked and WarningCode.DAY_TOO_LONG.value in checked[0]  # asked before exporting
    default_csv = tmp_path / "default.csv"
    save_settings(Settings())
    run(capsys, *db, "plans", "export", plan_id, "--format", "csv", "--output", str(default_csv))
    assert default_csv.read_bytes() != from_cli.read_bytes()  # the settings did change the file


@pytest.mark.gui
@pytest.mark.webengine
def test_the_window_started_by_the_command_uses_the_settings_it_read(monkeypatch) -> None:
    """One read of the settings file per process: `hongtu` reads it (for the language) and the
    window it opens uses those settings instead of reading the file again."""
    from hongtu.core import settings as settings_module
    from hongtu.qt import app, site_editing
    from hongtu.qt.mainwindow import MainWindow
    from hongtu.qt.mapview import delete_now

    save_settings(Settings(max_day_minutes=90))
    reads: list[object] = []
    real_load = settings_module.load_settings
    monkeypatch.setattr(settings_module, "load_settings", lambda: reads.append(1) or real_load())
    monkeypatch.setattr(site_editing, "load_settings", lambda: reads.append(2) or real_load())
    windows: list[MainWindow] = []

    def open_window(
        db: str | None, lang: str, settings: Settings | None = None, page: object = None
    ) -> int:
        window = MainWindow(settings=settings)
        windows.append(window)
        return 0

    monkeypatch.setattr(app, "run_gui", open_window)
    assert main([]) == 0
    [window] = windows
    try:
        assert reads == [1]  # the command's read only
        assert window.site_editing.settings.max_day_minutes == 90
    finally:
        window.close()
        delete_now(window)  # the map's page before the web profile, as the app does


# ---- a title or a note typed into a long plan is not timed again ------------------------------


class _ReadRecorder:
    """A plan that notes which of its fields are read."""

    def __init__(self, plan) -> None:
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "read", set())

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self._plan, name)


def test_the_scheduler_reads_only_the_plans_timing_inputs(workspace, tmp_path) -> None:
    """``render_plan(previous=…)`` keeps the schedule when ``timing_inputs`` are unchanged; if
    the scheduler ever read another field, that reuse would show a stale day."""
    from dataclasses import fields

    from hongtu.core.pipeline import timing_inputs
    from hongtu.core.plans import Plan
    from hongtu.core.schedule import compute_schedule

    plan = loaded_plan(workspace, tmp_path)
    recorder = _ReadRecorder(plan)
    compute_schedule(recorder, {s.id: s for s in workspace.sites.list_sites()}, TravelSettings())  # type: ignore[arg-type]
    names = {f.name for f in fields(Plan)}
    inputs = timing_inputs(plan)
    named = {name for name in names if any(getattr(plan, name) is value for value in inputs)}
    assert recorder.read and recorder.read <= named, recorder.read - named


def test_a_typed_title_keeps_the_schedule_and_a_moved_stop_retimes_it(workspace, tmp_path) -> None:
    from hongtu.core.plans import copy_plan

    plan = loaded_plan(workspace, tmp_path)
    sites = workspace.sites.list_sites()
    today = date(2026, 12, 1)
    shown = render_plan(plan, sites, Settings(), today=today)

    retitled = copy_plan(plan)
    retitled.title, retitled.notes = "新的主题", "注意事项" * 1000
    retitled.date = date(2026, 11, 20)  # a day already past: warned about, but not timed anew
    typed = render_plan(retitled, sites, Settings(), today=today, previous=shown)
    assert typed.schedule is shown.schedule
    assert typed.plan.title == "新的主题"
    assert typed.warnings != shown.warnings  # the warnings are those of the new plan
    assert typed.warnings == render_plan(retitled, sites, Settings(), today=today).warnings

    moved = copy_plan(plan)
    moved.stops.reverse()
    retimed = render_plan(moved, sites, Settings(), today=today, previous=shown)
    assert retimed.schedule == render_plan(moved, sites, Settings(), today=today).schedule
    assert retimed.schedule != shown.schedule
    later = copy_plan(plan)
    later.gathering_time = later.gathering_time.replace(hour=9)
    earlier_start = render_plan(later, sites, Settings(), today=today, previous=shown)
    assert earlier_start.schedule.start.hour == 9
    slow = Settings(travel=replace(TravelSettings(), coach_kmh=20.0))
    assert (
        render_plan(plan, sites, slow, today=today, previous=shown).schedule.travel_minutes
        > shown.schedule.travel_minutes
    )
