"""A database made by the released HongTu 0.1.0 (schema 0003, tests/data/release-0.1.0) opens in
this version: backed up first, migrated, every plan, stop and site correction untouched and
still usable; a backup archive of it restores and upgrades the same way."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from hongtu.core import paths
from hongtu.core.backup import create_backup, read_manifest, restore
from hongtu.core.members import Member, PartyStatus
from hongtu.core.pipeline import render_plan
from hongtu.core.plans import ActivityKind
from hongtu.core.settings import Settings
from hongtu.core.storage.files import SCHEMA_HEAD
from hongtu.core.workspace import open_workspace

RELEASE = Path(__file__).parent / "data" / "release-0.1.0" / "hongtu-0003.sqlite3"
USER_TABLES = ("plans", "plan_stops", "site_edits")


def _release_columns(table: str) -> str:
    """The table's columns as the release made them (later migrations may add columns)."""
    con = sqlite3.connect(f"file:{RELEASE}?mode=ro", uri=True)
    try:
        return ", ".join(row[1] for row in con.execute(f"PRAGMA table_info({table})"))
    finally:
        con.close()


def _rows(file: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        found = {
            # the table names are this module's constants, the columns the release's own
            t: con.execute(f"SELECT {_release_columns(t)} FROM {t} ORDER BY 1").fetchall()  # noqa: S608
            for t in USER_TABLES
        }
        found["revision"] = con.execute("SELECT version_num FROM alembic_version").fetchall()
        found["corrected"] = con.execute(
            "SELECT id, lat, lon FROM sites WHERE id IN (SELECT site_id FROM site_edits)"
        ).fetchall()
        return found
    finally:
        con.close()


def test_the_released_database_upgrades_with_its_plans_untouched(tmp_path: Path) -> None:
    file = tmp_path / "hongtu.sqlite3"
    shutil.copyfile(RELEASE, file)
    before = _rows(file)
    assert before["revision"] == [("0003",)] and len(before["plans"]) == 3

    ws = open_workspace(str(file))
    try:
        backup = ws.database.backup
        assert backup is not None and "0003" in backup.name  # the copy came first
        listed = {p.title for p in ws.plans.list_plans()}  # the deleted one stays deleted
        assert listed == {"学习贯彻主题党日", "重温红色记忆 传承红色基因"}
        plan = ws.plans.get(1)
        assert (plan.title, plan.date, plan.branch, plan.participants) == (
            "重温红色记忆 传承红色基因", date(2025, 7, 1), "机关第一党支部", 28,
        )  # fmt: skip
        assert [a.kind for a in plan.stops[0].activities] == [ActivityKind.TOUR, ActivityKind.OATH]
        assert plan.stops[0].activities[1].label == "在党旗下" and plan.stops[1].pinned
        assert plan.stops[2].custom is not None and plan.stops[2].custom.name == "午餐：某饭店"
        assert plan.notes == "1. 佩戴党徽\n2. 统一着装"
        # the plan still goes through the pipeline; the new roster feeds its 签到表
        sites = ws.sites.list_sites()
        view = render_plan(plan, sites, Settings(), today=date(2025, 6, 1))
        assert view.document.expected == 28 and len(view.schedule.items) > 5
        ws.members.add(plan.branch, Member(None, "张三", "书记", PartyStatus.FULL))
        roster = ws.members.members(plan.branch)
        with_roster = render_plan(plan, sites, Settings(), today=date(2025, 6, 1), roster=roster)
        assert with_roster.document.expected == 1
    finally:
        ws.close()

    after = _rows(file)
    assert after["revision"] == [(SCHEMA_HEAD,)]
    for table in (*USER_TABLES, "corrected"):
        assert after[table] == before[table], table
    kept = _rows(backup)
    assert kept == before  # the backup is the release's database as it was


def test_a_backup_of_the_released_database_restores_and_upgrades(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(RELEASE, old)
    before = _rows(old)
    archive = tmp_path / "0.1.0-backup.zip"
    manifest = create_backup(old, tmp_path / "no-photos", archive)
    assert manifest.schema_revision == "0003"
    assert read_manifest(archive).schema_revision == "0003"

    db = paths.data_dir() / "hongtu.sqlite3"
    current = open_workspace(str(db))
    current.members.add("别的支部", Member(None, "赵六", "", PartyStatus.OTHER))
    current.close()
    restore(archive, db, paths.data_dir() / "photos")
    assert _rows(db)["revision"] == [("0003",)]
    ws = open_workspace(str(db))
    try:
        assert ws.database.backup is not None  # migrating the restored file: a copy first
        assert ws.members.members("别的支部") == []
        assert ws.plans.get(1).title == "重温红色记忆 传承红色基因"
    finally:
        ws.close()
    after = _rows(db)
    for table in (*USER_TABLES, "corrected"):
        assert after[table] == before[table], table
