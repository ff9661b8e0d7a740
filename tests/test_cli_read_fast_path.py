"""Commands that only read a plan skip the ORM, but never the migration, backup or re-seed.

``hongtu plans export`` and ``hongtu plans show`` read an up-to-date database straight from the
file (``quick_read.read_plan_quickly``). Whenever opening the workspace would change something
(an older schema, a catalogue not seeded yet), they open it as before: the file is backed up
and migrated, the catalogue refreshed, and the export is made from the result.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, time
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from factories import custom_place, make_plan, site_stop
from hongtu.cli import main
from hongtu.core import paths
from hongtu.core.catalogue import load_catalogue
from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, GatheringPoint, PlanStatus, Stop
from hongtu.core.storage.files import SCHEMA_HEAD
from hongtu.core.storage.quick_read import (
    list_plans_quickly,
    list_sites_quickly,
    read_plan_quickly,
)
from hongtu.core.workspace import open_workspace


def database_with_a_plan(folder: Path) -> tuple[Path, int]:
    file = folder / "hongtu.sqlite3"
    workspace = open_workspace(str(file))
    try:
        sites = [s for s in workspace.sites.list_sites() if s.position is not None]
        plan = make_plan(
            [
                site_stop(sites[0].id, Activity(ActivityKind.TOUR, 40)),
                site_stop(
                    sites[1].id,
                    Activity(ActivityKind.OATH, 15),
                    Activity(ActivityKind.CUSTOM, 20, "观看红色影片"),
                    pinned=True,
                    start_override=time(10, 30),
                    leg_minutes_override=25,
                    visit_minutes=70,
                ),
                Stop(custom=custom_place("活动中心", LatLon(37.85, 112.56))),
                Stop(custom=custom_place("位置待定的会场", LatLon(37.8, 112.5))),
            ],
            gathering=GatheringPoint(site_id=sites[2].id),
        )
        plan.status = PlanStatus.PLANNED
        plan.notes = "带好党员证"
        plan.return_leg_override = 35
        saved = workspace.plans.save(plan)
        assert saved.id is not None
        return file, saved.id
    finally:
        workspace.close()


def make_it_one_revision_older(file: Path) -> str:
    """The file as the previous HongTu release left it (Alembic's own downgrade by one step)."""
    config = Config()
    config.set_main_option("script_location", str(paths.db_path()))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{file}")
    command.downgrade(config, "-1")
    older = revision(file)
    assert older != SCHEMA_HEAD
    return older


def revision(file: Path) -> str:
    con = sqlite3.connect(file)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def csv_export(capsys, file: Path, plan_id: int, out: Path) -> list[list[str]]:
    code = main(
        ["--db", str(file), "plans", "export", str(plan_id), "--format", "csv", "--output",
         str(out)]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))


def test_the_fast_read_gives_exactly_what_the_workspace_gives(tmp_path) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    snapshot = read_plan_quickly(str(file), plan_id)
    workspace = open_workspace(str(file))
    try:
        assert snapshot is not None
        assert snapshot.plan == workspace.plans.get(plan_id)
        assert snapshot.sites == workspace.sites.list_sites()
    finally:
        workspace.close()


def test_the_fast_read_steps_aside_when_opening_would_change_something(tmp_path) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    assert read_plan_quickly(str(file), plan_id + 1) is None  # no such plan: the slow path says so
    workspace = open_workspace(str(file))
    workspace.plans.delete(plan_id)
    workspace.close()
    assert read_plan_quickly(str(file), plan_id) is None
    workspace = open_workspace(str(file))
    workspace.plans.restore(plan_id)
    workspace.close()
    assert read_plan_quickly(str(file), plan_id) is not None
    con = sqlite3.connect(file)
    con.execute("UPDATE sites SET catalogue_version = catalogue_version - 1 WHERE key IS NOT NULL")
    con.commit()
    con.close()
    assert read_plan_quickly(str(file), plan_id) is None  # the catalogue needs its re-seed
    con = sqlite3.connect(file)
    con.execute("UPDATE sites SET catalogue_version = ? WHERE key IS NOT NULL",
                (load_catalogue().version + 1,))
    con.commit()
    con.close()
    # a newer HongTu's catalogue (a shared database): opening would leave it as it is
    assert read_plan_quickly(str(file), plan_id) is not None
    assert read_plan_quickly("sqlite://", 1) is None


def test_an_export_from_an_older_database_migrates_it_with_a_backup_first(capsys, tmp_path) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    expected = csv_export(capsys, file, plan_id, tmp_path / "before.csv")
    older = make_it_one_revision_older(file)

    rows = csv_export(capsys, file, plan_id, tmp_path / "after.csv")

    assert rows == expected  # the same schedule, read after the migration
    assert revision(file) == SCHEMA_HEAD
    backups = list(tmp_path.glob(f"hongtu.sqlite3.backup-{older}-*"))
    assert len(backups) == 1
    assert revision(backups[0]) == older  # the copy made before the migration touched the file


def test_an_export_refreshes_a_catalogue_left_at_an_older_version(capsys, tmp_path) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    con = sqlite3.connect(file)
    con.execute("UPDATE sites SET catalogue_version = 0, name = '旧名称' WHERE key IS NOT NULL")
    con.commit()
    con.close()

    rows = csv_export(capsys, file, plan_id, tmp_path / "plan.csv")

    assert not any("旧名称" in cell for row in rows for cell in row)
    con = sqlite3.connect(file)
    stored = con.execute("SELECT catalogue_version FROM sites WHERE key IS NOT NULL")
    versions = {version for (version,) in stored}
    con.close()
    assert versions == {load_catalogue().version}


def test_plans_show_reads_the_same_schedule_either_way(capsys, tmp_path) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    assert main(["--db", str(file), "plans", "show", str(plan_id), "--json"]) == 0
    fast = json.loads(capsys.readouterr().out)
    make_it_one_revision_older(file)
    assert main(["--db", str(file), "plans", "show", str(plan_id), "--json"]) == 0
    migrated = json.loads(capsys.readouterr().out)
    assert fast == migrated
    assert len(fast["items"]) > 4 and revision(file) == SCHEMA_HEAD


def _two_more_plans_one_deleted(file: Path) -> None:
    workspace = open_workspace(str(file))
    try:
        sites = [s for s in workspace.sites.list_sites() if s.position is not None]
        kept = make_plan([site_stop(sites[3].id)])
        kept.title = "学习“两会”精神 <第二期>"
        workspace.plans.save(kept)
        deleted = make_plan([site_stop(sites[4].id)])
        deleted.title = "已删除的方案"
        gone = workspace.plans.save(deleted)
        assert gone.id is not None
        workspace.plans.delete(gone.id)
    finally:
        workspace.close()


def _listed(capsys, file: Path, *words: str) -> str:
    code = main(["--db", str(file), *words])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.mark.parametrize("words", [("plans", "list"), ("plans", "list", "--json")])
def test_plans_list_reads_the_same_list_either_way(capsys, tmp_path, words) -> None:
    file, _ = database_with_a_plan(tmp_path)
    _two_more_plans_one_deleted(file)
    workspace = open_workspace(str(file))
    try:
        stored = workspace.plans.list_plans()
    finally:
        workspace.close()
    lines = list_plans_quickly(str(file))
    assert lines is not None
    assert [(p.id, p.day, p.title, p.branch, p.stops, p.status) for p in lines] == [
        (p.id, p.day.isoformat(), p.title, p.branch, p.stop_count, p.status.value)
        for p in stored
    ]
    assert [datetime.fromisoformat(p.updated_at) for p in lines] == [p.updated_at for p in stored]
    fast = _listed(capsys, file, *words)
    assert "两会" in fast and "已删除的方案" not in fast
    older = make_it_one_revision_older(file)
    assert list_plans_quickly(str(file)) is None  # the workspace migrates it first

    assert _listed(capsys, file, *words) == fast
    assert revision(file) == SCHEMA_HEAD
    assert len(list(tmp_path.glob(f"hongtu.sqlite3.backup-{older}-*"))) == 1


@pytest.mark.parametrize("words", [("sites", "list"), ("sites", "list", "--json")])
def test_sites_list_reads_the_same_sites_and_steps_aside_for_a_reseed(
    capsys, tmp_path, words
) -> None:
    file, _ = database_with_a_plan(tmp_path)
    workspace = open_workspace(str(file))
    try:
        assert list_sites_quickly(str(file)) == workspace.sites.list_sites()
    finally:
        workspace.close()
    fast = _listed(capsys, file, *words)
    con = sqlite3.connect(file)
    con.execute("UPDATE sites SET catalogue_version = 0, name = '旧名称' WHERE key IS NOT NULL")
    con.commit()
    con.close()
    assert list_sites_quickly(str(file)) is None  # the catalogue needs its re-seed

    assert _listed(capsys, file, *words) == fast  # re-seeded: no 旧名称
    assert list_sites_quickly(str(file)) is not None


@pytest.mark.parametrize(
    ("damage", "repair"),
    [
        ("UPDATE plans SET status = 'q' || status", "UPDATE plans SET status = substr(status, 2)"),
        ("UPDATE plans SET day = day || 'x'", "UPDATE plans SET day = substr(day, 1, 10)"),
        (
            "UPDATE plans SET updated_at = 'x' || updated_at",
            "UPDATE plans SET updated_at = substr(updated_at, 2)",
        ),
        (
            "UPDATE sites SET updated_at = 'x' || updated_at",
            "UPDATE sites SET updated_at = substr(updated_at, 2)",
        ),
    ],
)
def test_a_plan_line_the_app_could_not_read_is_left_to_the_workspace(
    tmp_path, damage, repair
) -> None:
    file, _ = database_with_a_plan(tmp_path)
    for statement, listed in ((damage, False), (repair, True)):
        con = sqlite3.connect(file)
        con.execute(statement)
        con.commit()
        con.close()
        assert (list_plans_quickly(str(file)) is not None) is listed


def test_a_damaged_file_is_never_listed_quickly(tmp_path) -> None:
    file, _ = database_with_a_plan(tmp_path)
    data = bytearray(file.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 64] = b"\xff" * 64  # a b-tree page of some table, broken
    file.write_bytes(bytes(data))
    assert list_plans_quickly(str(file)) is None
    assert list_sites_quickly(str(file)) is None
    assert list_plans_quickly("sqlite://") is None


HEAVY = ("PySide6", "folium", "branca", "sqlalchemy", "alembic", "jinja2", "openpyxl", "docx",
         "icalendar", "numpy", "ssl", "http", "email")  # fmt: skip
NON_PDF = ("csv", "xlsx", "docx", "ics", "html", "gpx", "kml", "json")


@pytest.mark.parametrize("fmt", NON_PDF)
def test_an_export_loads_no_qt_map_orm_or_other_format(tmp_path, fmt) -> None:
    """A person exporting a CSV, a spreadsheet, a Word file or a calendar does not wait for Qt,
    Folium, SQLAlchemy, a template engine or any document library (HongTu writes these formats
    itself), nor for the network modules ``xml.sax.saxutils`` would bring."""
    file, plan_id = database_with_a_plan(tmp_path)
    out = tmp_path / f"plan.{fmt}"
    code = (
        "import json, sys\n"
        "from hongtu.cli import main\n"
        f"code = main(['--db', {str(file)!r}, 'plans', 'export', '{plan_id}', '--format', '{fmt}',"
        f" '--output', {str(out)!r}])\n"
        f"heavy = {HEAVY!r}\n"
        "print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules} & set(heavy))]))\n"
    )
    env = dict(os.environ, HONGTU_HOME=str(tmp_path / "home"))
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0 and out.stat().st_size > 1000
    assert loaded == []


def test_opening_the_window_builds_no_command_parsers() -> None:
    """``hongtu`` and ``hongtu --db F --lang en`` open the window without building the
    commands' parsers; anything else (a command, help, a typo) gets the full parser."""
    from hongtu.cli import _opens_the_window

    assert _opens_the_window([])
    assert _opens_the_window(["--db", "x.sqlite3", "--lang", "en"])
    assert _opens_the_window(["--db=x.sqlite3", "--lang=zh_CN"])
    for words in (["plans", "list"], ["--db", "x", "record", "1"], ["-h"], ["plasn"], ["backup"]):
        assert not _opens_the_window(words), words


def test_a_typo_still_names_the_commands(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["plasn"])
    err = capsys.readouterr().err
    assert "无效的选项 'plasn'" in err and "'plans'" in err and "'sites'" in err


def test_a_command_builds_its_own_parser_only(tmp_path) -> None:
    """``hongtu --db F plans list`` imports the plans command's module, not the six others'."""
    file, _ = database_with_a_plan(tmp_path)
    code = (
        "import json, sys\n"
        "from hongtu.cli import COMMAND_WORDS, main\n"
        f"code = main(['--db', {str(file)!r}, '--lang', 'zh_CN', 'plans', 'list'])\n"
        "print(json.dumps([code, sorted(m for m in sys.modules if m.startswith('hongtu.cli.'))]))\n"
    )
    env = dict(os.environ, HONGTU_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0
    assert "hongtu.cli.plans" in loaded
    others = ("sites", "tiles", "members", "records", "ledger", "backup")
    assert not {f"hongtu.cli.{name}" for name in others} & set(loaded)


def test_help_still_lists_every_command_and_each_command_its_own(capsys) -> None:
    from hongtu.cli import COMMAND_WORDS

    with pytest.raises(SystemExit):
        main(["--help"])
    every = capsys.readouterr().out
    assert all(word in every for word in COMMAND_WORDS)
    with pytest.raises(SystemExit):
        main(["--db", "x.sqlite3", "plans", "--help"])
    plans = capsys.readouterr().out
    assert all(word in plans for word in ("list", "show", "export", "optimise"))


def _open_handles(file: Path) -> list[str]:
    """What this process has open of ``file`` (and beside it: -wal, -shm), and the reading
    threads still running."""
    names = [t.name for t in threading.enumerate() if t.name in ("read-ahead", "quick-read")]
    fds = Path("/proc/self/fd")
    if fds.is_dir():
        for fd in fds.iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith(str(file)):
                names.append(target)
    return names


@pytest.mark.parametrize(
    "words",
    [
        ("plans", "list"),
        ("plans", "list", "--json"),
        ("sites", "list"),
        ("plans", "list", "--no-such-option"),
        ("sites", "list", "--db"),
    ],
)
def test_a_listing_read_ahead_leaves_nothing_open(capsys, tmp_path, words) -> None:
    """``plans list`` and ``sites list`` start reading the file before their words are parsed
    (``hongtu.core.storage.read_ahead``); when the command ends, or is refused for a wrong
    word, no thread still reads and the file is closed."""
    file, _ = database_with_a_plan(tmp_path)
    try:
        code = main(["--db", str(file), *words])
    except SystemExit as refused:
        code = refused.code
        assert "--no-such-option" in words or words[-1] == "--db"
        assert code == 2 and "错误" in capsys.readouterr().err  # argparse's, in Chinese
    else:
        assert code == 0
        out = capsys.readouterr().out
        assert ("学习红色历史" if words[0] == "plans" else "高君宇故居") in out
    assert _open_handles(file) == []


def test_a_listing_of_a_file_that_is_no_database_says_so(capsys, tmp_path) -> None:
    """The read-ahead of something SQLite cannot read changes nothing: the command says what
    is wrong, as it did without it."""
    file = tmp_path / "not-a-database.sqlite3"
    file.write_text("活动方案\n", encoding="utf-8")
    before = file.read_bytes()
    assert main(["--db", str(file), "plans", "list"]) == 2
    assert "错误" in capsys.readouterr().err
    assert file.read_bytes() == before
    assert _open_handles(file) == []
