"""Two writers never undo each other: every save names the version it was made from."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from factories import make_plan as _make_plan
from factories import site_stop
from hongtu.core.plan_diff import ChangeKind, plan_changes
from hongtu.core.storage.database import open_database
from hongtu.core.storage.plan_store import PlanStore, StalePlanError
from hongtu.core.workspace import open_workspace


def make_plan(stops, title: str = "学习红色历史"):  # type: ignore[no-untyped-def]
    plan = _make_plan(stops)
    plan.title = title
    return plan


def test_a_save_from_an_older_copy_is_refused_and_writes_nothing(workspace) -> None:
    saved = workspace.plans.save(make_plan([], title="初稿"))
    assert saved.id is not None and saved.version == 1
    mine = workspace.plans.get(saved.id)
    theirs = workspace.plans.get(saved.id)
    theirs.title = "别处改的标题"
    workspace.plans.save(theirs)

    mine.notes = "我的备注"
    with pytest.raises(StalePlanError) as caught:
        workspace.plans.save(mine)

    assert caught.value.current is not None and caught.value.current.title == "别处改的标题"
    stored = workspace.plans.get(saved.id)
    assert stored.title == "别处改的标题" and stored.notes == ""
    assert stored.version == 2


def test_saving_the_newest_copy_raises_the_version(workspace) -> None:
    plan = workspace.plans.save(make_plan([]))
    again = workspace.plans.save(plan)
    third = workspace.plans.save(again)
    assert (plan.version, again.version, third.version) == (1, 2, 3)
    assert plan == third  # the version is not part of what the plan is


def test_a_save_over_a_plan_deleted_elsewhere_is_refused(workspace) -> None:
    plan = workspace.plans.save(make_plan([]))
    assert plan.id is not None
    workspace.plans.delete(plan.id)
    with pytest.raises(StalePlanError) as caught:
        workspace.plans.save(plan)
    assert caught.value.current is None
    assert workspace.plans.version_of(plan.id) is None


def test_the_migration_gives_existing_plans_version_one(tmp_path: Path) -> None:
    from alembic import command

    from test_database import alembic_config

    file = tmp_path / "old.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0002")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO plans (id, title, branch, day, participants, organiser, phone, transport,"
        " gathering, gathering_time, returns_to_gathering, notes, status, created_at, updated_at)"
        " VALUES (1, '老方案', '', '2026-12-01', 20, '', '', 'coach', '{}', '08:00', 1, '',"
        " 'draft', '2026-11-01 08:00:00', '2026-11-01 08:00:00')"
    )
    con.commit()
    con.close()
    db = open_database(str(file))
    try:
        assert db.backup is not None and "0002" in db.backup.name
        plan = PlanStore(db.sessions).get(1)
        assert plan.title == "老方案" and plan.version == 1
    finally:
        db.close()


def test_the_field_level_difference_names_what_changed(workspace) -> None:
    sites = {s.id: s for s in workspace.sites.list_sites()}
    a, b, c = list(sites)[:3]
    old = make_plan([site_stop(a), site_stop(b)], title="旧")
    new = make_plan([], title="新")
    new.stops = [old.stops[1], old.stops[0], site_stop(c)]
    new.date = old.date.replace(day=1 if old.date.day != 1 else 2)
    changes = plan_changes(old, new, sites)
    kinds = {(ch.kind, ch.name) for ch in changes}
    assert (ChangeKind.FIELD, "title") in kinds
    assert (ChangeKind.FIELD, "date") in kinds
    assert (ChangeKind.STOP_ADDED, sites[c].name) in kinds
    assert any(ch.kind is ChangeKind.STOP_MOVED for ch in changes)


def test_two_processes_worth_of_stores_on_one_file_lose_nothing(tmp_path: Path) -> None:
    """Two independent workspaces (two windows) interleave read-edit-save on one plan."""
    file = str(tmp_path / "shared.sqlite3")
    first, second = open_workspace(file), open_workspace(file)
    try:
        plan = first.plans.save(make_plan([], title="共同方案"))
        assert plan.id is not None
        lost = 0
        for round_ in range(20):
            a = first.plans.get(plan.id)
            b = second.plans.get(plan.id)
            a.notes += f"A{round_};"
            first.plans.save(a)
            b.notes += f"B{round_};"
            try:
                second.plans.save(b)
                lost += 1  # would have overwritten A's note
            except StalePlanError as refused:
                assert refused.current is not None
                fresh = refused.current
                fresh.notes += f"B{round_};"
                second.plans.save(fresh)
        notes = first.plans.get(plan.id).notes
        assert lost == 0
        assert all(f"A{i};" in notes and f"B{i};" in notes for i in range(20))
    finally:
        first.close()
        second.close()


def test_a_second_workspace_in_one_process_still_sees_other_processes(tmp_path: Path) -> None:
    """Opening the file a second time must not drop the first connections' locks (reading its
    header with a plain file handle did: another process then reset the WAL under them)."""
    import subprocess
    import sys

    file = str(tmp_path / "shared.sqlite3")
    first = open_workspace(file)
    second = open_workspace(file)
    try:
        plan = second.plans.save(make_plan([], title="甲"))
        script = (
            "import sys\n"
            "from hongtu.core.workspace import open_workspace\n"
            "ws = open_workspace(sys.argv[1])\n"
            "plan = ws.plans.get(int(sys.argv[2]))\n"
            "plan.title = '乙'\n"
            "ws.plans.save(plan)\n"
            "ws.close()\n"
        )
        subprocess.run([sys.executable, "-c", script, file, str(plan.id)], check=True)
        assert plan.id is not None
        assert first.plans.get(plan.id).title == "乙"
        assert second.plans.versions() == {plan.id: 2}
    finally:
        first.close()
        second.close()


def test_two_copies_merge_only_when_they_changed_different_things() -> None:
    from dataclasses import replace

    from hongtu.core.plan_diff import merged_plan

    base = make_plan([site_stop(1), site_stop(2)], title="初稿")
    base.id, base.version = 7, 3
    mine = replace(base, title="初稿（改）", notes="带党员证")
    theirs = replace(base, branch="第二党支部", stops=list(reversed(base.stops)), version=4)
    merged = merged_plan(base, mine, theirs)
    assert merged is not None
    assert (merged.title, merged.notes, merged.branch) == ("初稿（改）", "带党员证", "第二党支部")
    assert merged.stops == theirs.stops and (merged.id, merged.version) == (7, 4)
    assert merged_plan(base, replace(mine, stops=base.stops[:1]), theirs) is None  # both: stops
    assert merged_plan(base, mine, replace(theirs, notes="别处的要求")) is None  # both: notes
    same = merged_plan(base, mine, replace(theirs, notes="带党员证"))  # the same change twice
    assert same is not None and same.notes == "带党员证"


def test_the_change_probe_tells_a_file_put_in_the_databases_place(tmp_path: Path) -> None:
    import os

    from hongtu.core.storage.changes import ChangeProbe

    file = tmp_path / "hongtu.sqlite3"
    open_workspace(str(file)).close()
    probe = ChangeProbe(f"sqlite:///{file}")
    try:
        assert not probe.replaced()
        # a commit in the same file is not a replacement
        with closing(sqlite3.connect(file)) as con, con:
            con.execute("CREATE TABLE other_program (x)")
        assert not probe.replaced()
        file.rename(tmp_path / "aside.sqlite3")
        assert not probe.replaced()  # missing for a moment (mid-rename): not yet said
        restored = tmp_path / "restored.sqlite3"
        open_workspace(str(restored)).close()
        os.replace(restored, file)
        assert probe.replaced()
    finally:
        probe.close()
