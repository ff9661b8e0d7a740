"""Counted words agree with their number in English — “1 problem”, “1 file”, “1 tile”, “1 leg”
(they read “1 problem(s)”, “1 file(s)”, “1 tiles”, “1 leg(s)”) — and the Chinese is as before.

Each is read where the organiser reads it: the roster dialog and ``hongtu members import``, the
record dialog's photos, the offline-map download dialog and ``hongtu tiles estimate``, the plan's
totals and its warnings' title, and ``hongtu plans show``.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factories import custom_place, make_plan
from hongtu.cli import main
from hongtu.core.geo import LatLon
from hongtu.core.members import Member, PartyStatus
from hongtu.core.photos import PhotoStore
from hongtu.core.plans import GatheringPoint, Stop
from hongtu.core.settings import load_settings
from hongtu.core.sites import VisitRules
from hongtu.qt.offline_download import DownloadDialog
from hongtu.qt.plan_schedule import PlanSchedulePanel, PlanWarningsPanel
from hongtu.qt.plan_session import PlanSession
from hongtu.qt.record_dialog import RecordDialog
from hongtu.qt.roster_dialog import RosterDialog
from journey_helpers import click
from record_helpers import BRANCH, drop_files
from test_roster_window import _choose_file, _xlsx

pytestmark = pytest.mark.gui


def words(lang: str, chinese: str, english: str) -> str:
    return chinese if lang == "zh_CN" else english


def test_the_roster_counts_its_problems_and_members(  # type: ignore[no-untyped-def]
    qtbot, workspace, tmp_path: Path, monkeypatch, lang: str
) -> None:
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    one = _xlsx(tmp_path / "一处.xlsx", [["姓名"], ["张三"], [None], ["李四"]])
    two = _xlsx(tmp_path / "两处.xlsx", [["姓名"], ["张三"], [None], [None], ["李四"]])
    for file, count, english in ((one, 1, "1 problem"), (two, 2, "2 problems")):
        _choose_file(monkeypatch, file)
        click(qtbot, dialog.import_button)
        assert dialog.outcome.toPlainText().splitlines()[0] == words(
            lang,
            f"名册有 {count} 处问题，未导入任何人：",
            f"The roster has {english}; nobody was imported:",
        )
    assert dialog.table.rowCount() == 0  # nobody was imported

    _choose_file(monkeypatch, _xlsx(tmp_path / "名册.xlsx", [["姓名"], ["张三"]]))
    click(qtbot, dialog.import_button)
    assert dialog.counts.text() == words(lang, "在册 1 人，已离开 0 人", "1 current member, 0 left")
    _choose_file(monkeypatch, _xlsx(tmp_path / "名册2.xlsx", [["姓名"], ["张三"], ["李四"]]))
    click(qtbot, dialog.import_button)
    assert dialog.counts.text() == words(
        lang, "在册 2 人，已离开 0 人", "2 current members, 0 left"
    )


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_members_import_counts_the_problems_it_refused(capsys, tmp_path: Path, lang: str) -> None:
    one = _xlsx(tmp_path / "一处.xlsx", [["姓名"], ["张三"], [None], ["李四"]])
    db = str(tmp_path / "cli.sqlite3")
    args = ["--lang", lang, "--db", db, "members", "import", str(one), "--branch", BRANCH]
    assert main(args) == 2
    said = capsys.readouterr().err
    assert (
        words(
            lang, "名册有 1 处问题，未导入任何人", "The roster has 1 problem; nobody was imported"
        )
        in said
    )


def test_one_refused_photo_is_one_file(qtbot, workspace, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    day = date.today() - timedelta(days=1)
    workspace.members.import_members(BRANCH, [Member(None, "张三", "", PartyStatus.FULL)])
    stop = Stop(custom=custom_place("太原解放纪念馆", LatLon(37.87, 112.55)))
    plan = workspace.plans.save(make_plan([stop], on=day))
    members = workspace.members.members(BRANCH, on=day)
    dialog = RecordDialog(plan, members, None, {}, PhotoStore(), workspace.records.save)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    notes = tmp_path / "小结.docx"
    notes.write_bytes(b"PK\x03\x04 not a photo")
    assert drop_files(dialog.guests, [notes])
    assert dialog.problem.text().startswith(words(lang, "1 个文件没有添加：", "1 file not added: "))
    assert drop_files(dialog.guests, [notes, tmp_path / "不见了.png"])
    assert dialog.problem.text().startswith(
        words(lang, "2 个文件没有添加：", "2 files not added: ")
    )


def test_the_download_dialog_estimates_one_tile(qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    dialog = DownloadDialog(load_settings, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    providers = dialog.provider_combo
    providers.setFocus()
    QTest.keyClick(providers, Qt.Key.Key_Home)
    while providers.currentData() != "amap":  # one whose terms allow a download
        QTest.keyClick(providers, Qt.Key.Key_Down)
    for box in (dialog.min_zoom, dialog.max_zoom):  # zoom 0: the whole world is one tile
        box.setFocus()
        box.selectAll()
        QTest.keyClicks(box, "0")
        QTest.keyClick(box, Qt.Key.Key_Tab)
    assert dialog.estimate_label.text().startswith(
        words(lang, "约 1 个瓦片，约", "About 1 tile, about")
    )
    dialog.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_tiles_estimate_says_one_tile(capsys, lang: str) -> None:
    args = ["--lang", lang, "tiles", "estimate", "--taiyuan", "--min-zoom", "0", "--max-zoom", "0"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(words(lang, "约 1 个瓦片，约", "About 1 tile, about"))


def test_the_plan_counts_one_problem_and_one_leg_to_be_confirmed(
    qtbot, workspace, lang: str
) -> None:  # type: ignore[no-untyped-def]
    sites = workspace.sites.list_sites()
    unplaced = next(s for s in sites if s.position is None)
    booked = dataclasses.replace(unplaced, rules=VisitRules(reservation_lead_days=30))
    session = PlanSession(today=lambda: date(2026, 12, 1))
    session.attach(workspace.plans, [booked if s.id == unplaced.id else s for s in sites])
    schedule = PlanSchedulePanel(session)
    warnings = PlanWarningsPanel(session)
    for panel in (schedule, warnings):
        qtbot.addWidget(panel)
    session.create("七一主题党日", date(2026, 12, 16))  # 15 days ahead: too late to book
    session.set_gathering(
        GatheringPoint(custom=custom_place("单位大门", LatLon(37.8706, 112.5489)))
    )
    assert session.add_site_stop(unplaced.id) is not None
    session.set_plan_field("returns_to_gathering", False)  # the way there is the one leg unknown
    lines = warnings.model.rowCount()
    assert lines > 1
    assert warnings.title() == words(
        lang, f"行程提醒（{lines} 条，其中 1 个问题）", f"Warnings ({lines}, 1 of them a problem)"
    )
    totals = schedule.totals.text()
    pending = words(
        lang, "（未计入 1 段待定路程，实际更晚）", "(not counting 1 leg to be confirmed:"
    )
    assert pending in totals


def test_plans_show_counts_the_legs_to_be_confirmed_in_english(capsys, tmp_path: Path) -> None:
    from test_cli_export_folder import imported

    db = ["--db", str(tmp_path / "show.sqlite3")]
    plan_id = imported(
        capsys, tmp_path, db, ("taiyuan-jiefang-jinianguan", "jinsui-bafenqu-jiuzhi")
    )
    assert main(["--lang", "en", *db, "plans", "show", plan_id]) == 0
    assert "(not counting 2 legs to be confirmed;" in capsys.readouterr().out
