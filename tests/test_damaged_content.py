"""Damage inside a data page that SQLite's quick check cannot see: bytes of a stored text or a
stored JSON value changed, the b-tree intact (a flipped bit on a disk or a USB stick).

Such a file passes ``PRAGMA quick_check``; what it holds is read anyway. Text that is no longer
UTF-8 is shown with U+FFFD where the bytes are broken (visibly, never a traceback); a JSON value
that no longer parses is a damaged database: one plain line, the file as it was.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

from hongtu.cli import main
from hongtu.core.storage.database import DatabaseError, DatabaseProblem
from hongtu.core.workspace import open_workspace
from test_damaged_database import fingerprint

MARK = "损坏标记"


def _plan_file(tmp_path: Path) -> Path:
    document = {
        "format": "hongtu-plan",
        "version": 1,
        "plan": {
            "title": f"缅怀先烈{MARK}主题党日",
            "date": "2026-07-01",
            "participants": 30,
            "organiser": "王书记",
            "phone": "13800000000",
            "transport": "coach",
            "gathering_time": "08:00",
            "stops": [
                {
                    "custom": {"name": MARK, "lat": 37.87, "lon": 112.55, "crs": "wgs84"},
                    "activities": [{"kind": "tour", "minutes": 30}],
                }
            ],
        },
    }
    path = tmp_path / "plan.hongtu.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def _database(tmp_path: Path, capsys) -> Path:
    file = tmp_path / "hongtu.sqlite3"
    assert main(["--db", str(file), "plans", "import", str(_plan_file(tmp_path))]) == 0
    capsys.readouterr()
    assert not Path(f"{file}-wal").exists()
    return file


def _overwrite(file: Path, old: bytes, new: bytes) -> None:
    """Change bytes in place (same length: the pages and the b-tree stay as they were)."""
    assert len(old) == len(new)
    data = file.read_bytes()
    assert data.count(old) == 1, old
    file.write_bytes(data.replace(old, new))
    with contextlib.closing(sqlite3.connect(f"file:{file}?immutable=1", uri=True)) as con:
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]  # invisible to it



def refused_as_damaged(file: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The workspace refuses ``file`` as damaged and ``hongtu --db file COMMAND`` exits 2; what
    the command wrote to stderr, for the caller's checks."""
    with pytest.raises(DatabaseError) as caught:
        open_workspace(str(file))
    assert caught.value.problem is DatabaseProblem.CORRUPT
    assert main(["--db", str(file), *command]) == 2
    return capsys.readouterr().err

def test_text_that_is_no_longer_utf8_is_shown_replaced(tmp_path, capsys) -> None:
    file = _database(tmp_path, capsys)
    _overwrite(file, f"先烈{MARK}".encode(), b"\xff\xfe\xfd" + f"烈{MARK}".encode())
    before = fingerprint(file)

    assert main(["--db", str(file), "plans", "list"]) == 0
    listed = capsys.readouterr()
    assert "\ufffd" in listed.out and MARK in listed.out and listed.err == ""
    assert main(["--db", str(file), "plans", "show", "1"]) == 0
    assert "\ufffd" in capsys.readouterr().out
    workspace = open_workspace(str(file))  # what the window reads: the list and the plan
    try:
        assert "\ufffd" in workspace.plans.list_plans()[0].title
        assert "\ufffd" in workspace.plans.get(1).title
    finally:
        workspace.close()
    assert fingerprint(file) == before


def test_a_stored_json_value_that_no_longer_parses_is_one_plain_line(tmp_path, capsys) -> None:
    file = _database(tmp_path, capsys)
    escaped = json.dumps(MARK).encode()  # how the stop's place is stored: "\u635f…"
    _overwrite(file, escaped, escaped.replace(b"\\u", b"\\x", 1))
    before = fingerprint(file)

    code = main(["--db", str(file), "plans", "show", "1"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err and "已损坏" in err
    assert MARK not in err and "王书记" not in err
    assert fingerprint(file) == before


def test_a_damaged_site_value_refuses_the_database_before_any_write(tmp_path, capsys) -> None:
    file = _database(tmp_path, capsys)
    with contextlib.closing(sqlite3.connect(f"file:{file}?immutable=1", uri=True)) as con:
        facts = max((row[0] for row in con.execute("SELECT facts FROM sites")), key=len)
    stored = facts.encode()
    _overwrite(file, stored, b"<" + stored[1:])
    before = fingerprint(file)

    err = refused_as_damaged(file, ["sites", "list"], capsys)
    assert "Traceback" not in err
    assert fingerprint(file) == before


def test_a_schema_whose_text_is_damaged_is_refused_not_a_traceback(tmp_path, capsys) -> None:
    """SQLite's message about such a schema quotes the broken bytes; Python cannot decode it."""
    file = _database(tmp_path, capsys)
    data = file.read_bytes()
    start = data.index(b"CREATE TABLE plan_stops")
    damaged = bytearray(data)
    damaged[start + 7] = 0xE8  # "CREATE \xe8ABLE …": not UTF-8, and not SQL
    file.write_bytes(bytes(damaged))
    before = fingerprint(file)

    err = refused_as_damaged(file, ["plans", "list"], capsys)
    assert "Traceback" not in err and "已损坏" in err
    assert fingerprint(file) == before


def test_a_stored_name_the_model_does_not_know_is_a_damaged_database(tmp_path, capsys) -> None:
    """One letter of a fact's confidence changed ("unknown" → "qnknown"): valid JSON, valid
    UTF-8, no site the window or the CLI can build from it."""
    file = _database(tmp_path, capsys)
    data = file.read_bytes()
    at = data.index(b'"confidence": "unknown"') + len(b'"confidence": "')
    file.write_bytes(data[:at] + b"q" + data[at + 1 :])
    before = fingerprint(file)

    workspace = open_workspace(str(file))
    try:
        with pytest.raises(DatabaseError) as caught:
            workspace.sites.list_sites()  # what the window's start reads (prefetch)
        assert caught.value.problem is DatabaseProblem.CORRUPT
        assert caught.value.location == str(file)
    finally:
        workspace.close()
    assert main(["--db", str(file), "sites", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "已损坏" in err
    assert fingerprint(file) == before


def test_damage_found_while_reading_ahead_closes_the_workspace(tmp_path, capsys) -> None:
    """Start-up reads the sites and plans ahead on a helper thread; when that finds damage the
    window says so and ends, and the workspace it never got must leave nothing open."""
    file = _database(tmp_path, capsys)
    data = file.read_bytes()
    at = data.index(b'"confidence": "unknown"') + len(b'"confidence": "')
    file.write_bytes(data[:at] + b"q" + data[at + 1 :])
    before = fingerprint(file)
    workspace = open_workspace(str(file))
    with pytest.raises(DatabaseError):
        workspace.prefetch()
    assert fingerprint(file) == before  # closed: no -wal, no -shm left beside it


@pytest.mark.gui
@pytest.mark.webengine
@pytest.mark.qt_no_exception_capture  # the app's own hook is what the organiser meets
def test_a_damaged_plan_opened_in_the_window_is_a_plain_message(
    qtbot, tmp_path, capsys, monkeypatch
) -> None:
    import sys

    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt import crash, crash_dialog, messages

    file = _database(tmp_path, capsys)
    escaped = json.dumps(MARK).encode()
    _overwrite(file, escaped, escaped.replace(b"\\u", b"\\x", 1))  # the plan's stop, not the list
    said: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, title, text: said.append(title + text))
    crashed: list[object] = []
    monkeypatch.setattr(
        crash_dialog.CrashDialog, "exec", lambda dialog: crashed.append(dialog) or 0
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook()
    window, controller = open_main_window(qtbot, str(file))
    try:
        assert window.plan_ui.plan_list.table.model().rowCount() == 1  # listed: the list reads
        window.plan_ui.plan_list.table.selectRow(0)  # opening it reads the damaged stop
        qtbot.waitUntil(lambda: bool(said or crashed))
        assert crashed == []  # no traceback for the organiser
        assert "已损坏" in said[0] and str(file) in said[0]
        assert MARK not in said[0] and "王书记" not in said[0]
        assert window.isVisible()
    finally:
        close_main_window(window, controller)


def test_a_stored_time_that_is_no_longer_a_time_is_a_damaged_database(tmp_path, capsys) -> None:
    """A digit of the stored times changed to a letter: opening (the catalogue's re-seed reads
    every site) refuses the file as damaged instead of a traceback."""
    import re

    file = _database(tmp_path, capsys)
    stamp = re.compile(rb"(\d{4}-\d{2}-\d)\d( \d{2}:\d{2}:\d{2})")
    damaged, count = stamp.subn(rb"\1y\2", file.read_bytes())
    assert count > 0
    file.write_bytes(damaged)
    before = fingerprint(file)

    err = refused_as_damaged(file, ["plans", "list"], capsys)
    assert err.count("\n") == 1 and "Traceback" not in err and "已损坏" in err
    assert fingerprint(file) == before


def test_a_plan_whose_stored_time_is_no_longer_a_time_is_one_plain_line(tmp_path, capsys) -> None:
    file = _database(tmp_path, capsys)
    with contextlib.closing(sqlite3.connect(file)) as con, con:  # as a flipped bit would leave it
        con.execute("UPDATE plans SET created_at = '2026-11-2y 12:00:00.000000' WHERE id = 1")
    before = fingerprint(file)

    workspace = open_workspace(str(file))
    try:
        with pytest.raises(DatabaseError) as caught:
            workspace.plans.get(1)  # what opening the plan in the window reads
        assert caught.value.problem is DatabaseProblem.CORRUPT
    finally:
        workspace.close()
    assert main(["--db", str(file), "plans", "rename", "1", "新主题"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "已损坏" in err
    assert fingerprint(file) == before


def test_an_index_that_no_longer_matches_its_table_is_refused_untouched(tmp_path, capsys) -> None:
    """A catalogue site's key changed in the table but not in its unique index (PRAGMA
    quick_check does not compare them): the re-seed's insert of that key fails on opening."""
    file = _database(tmp_path, capsys)
    with contextlib.closing(sqlite3.connect(f"file:{file}?immutable=1", uri=True)) as con:
        key = con.execute("SELECT key FROM sites WHERE key IS NOT NULL ORDER BY id").fetchone()[0]
        index_pages = {
            row[0]
            for row in con.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sites'"
            )
        }
    data = bytearray(file.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    stored = key.encode()
    at = data.find(stored)
    while at != -1 and at // page_size + 1 in index_pages:
        at = data.find(stored, at + 1)
    assert at != -1
    data[at] ^= 0x20  # its first letter's case: still text, no longer the key the index holds
    file.write_bytes(bytes(data))
    before = fingerprint(file)

    with pytest.raises(DatabaseError) as caught:
        open_workspace(str(file))
    assert caught.value.problem is DatabaseProblem.CORRUPT
    assert fingerprint(file) == before  # closed: nothing left beside it
