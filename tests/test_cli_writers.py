"""The CLI as one of several writers: nothing lost, "locked" said in one plain line, and user
text never reaching the terminal with control sequences in it."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import make_plan
from hongtu.cli import main
from hongtu.cli.common import (
    column_widths,
    format_table,
    json_safe,
    say_table,
    terminal_safe,
)
from hongtu.core.storage import files as files_module
from hongtu.core.text import display_width
from hongtu.core.workspace import open_workspace

ROOT = Path(__file__).resolve().parent.parent
# terminal controls, and the bidirectional overrides that would show "红色" as "色红"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[31m\u202e红\x9b31m色\u202c\r\x08\x7f\u2067之旅\u2069"


@given(st.text())
def test_terminal_safe_text_has_no_control_characters(text: str) -> None:
    safe = terminal_safe(text)
    assert not UNSAFE.search(safe)
    assert safe == "".join(ch for ch in text if not UNSAFE.match(ch))  # nothing else changes


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_output_stays_the_same_json_without_raw_controls(data: object) -> None:
    text = json_safe(json.dumps(data, ensure_ascii=False, indent=2))
    assert not UNSAFE.search(text.replace("\n", ""))
    assert json.loads(text) == data


def test_every_cli_line_goes_through_the_one_sanitising_helper() -> None:
    for module in sorted((ROOT / "desktop" / "hongtu" / "cli").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        prints = len(re.findall(r"\bprint\(", source))
        expected = 2 if module.name == "common.py" else 0  # say() and say_json()
        assert prints == expected, f"{module.name} prints without terminal_safe"


@pytest.fixture
def db_with_hostile_title(tmp_path: Path) -> tuple[str, int]:
    """A title with escape sequences, written straight into the file (an older HongTu, a script
    or a hand edit: the CLI must not trust the database to be clean)."""
    db = str(tmp_path / "h.sqlite3")
    workspace = open_workspace(db)
    plan = workspace.plans.save(make_plan([]))
    workspace.close()
    con = sqlite3.connect(db)
    con.execute("UPDATE plans SET title = ?, branch = ?", (HOSTILE, HOSTILE))
    con.commit()
    con.close()
    assert plan.id is not None
    return db, plan.id


@pytest.mark.parametrize("command", [["plans", "list"], ["plans", "show", "{id}"]])
def test_user_text_is_printed_without_control_sequences(
    db_with_hostile_title, command, capsys
) -> None:
    db, plan_id = db_with_hostile_title
    assert main(["--db", db, *[part.format(id=plan_id) for part in command]]) == 0
    out = capsys.readouterr().out
    assert not UNSAFE.search(out.replace("\n", "").replace("\t", ""))
    assert "红" in out and "之旅" in out  # the text itself is still shown


def test_json_output_keeps_the_text_but_escapes_it(db_with_hostile_title, capsys) -> None:
    db, _plan_id = db_with_hostile_title
    assert main(["--db", db, "plans", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert not UNSAFE.search(out.replace("\n", ""))
    assert json.loads(out)[0]["title"] == HOSTILE


def test_rename_changes_the_newest_copy(tmp_path, capsys) -> None:
    db = str(tmp_path / "h.sqlite3")
    workspace = open_workspace(db)
    plan = workspace.plans.save(make_plan([]))
    workspace.close()
    assert main(["--db", db, "plans", "rename", str(plan.id), "  新主题  "]) == 0
    assert "新主题" in capsys.readouterr().out
    workspace = open_workspace(db)
    try:
        assert plan.id is not None
        stored = workspace.plans.get(plan.id)
        assert stored.title == "新主题" and stored.version == 2
    finally:
        workspace.close()
    assert main(["--db", db, "plans", "rename", str(plan.id), "   "]) == 2
    assert main(["--db", db, "plans", "rename", "999", "x"]) == 2


@pytest.mark.parametrize(("lang", "words"), [("zh_CN", "数据库正被另一个程序使用"),
                                              ("en", "in use by another program")])
def test_a_database_locked_past_the_timeout_is_one_plain_line(
    tmp_path, monkeypatch, capsys, lang, words
) -> None:
    db = str(tmp_path / "h.sqlite3")
    workspace = open_workspace(db)
    plan = workspace.plans.save(make_plan([]))
    workspace.close()
    monkeypatch.setattr(files_module, "_CHECK_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer that does not let go
    try:
        code = main(["--db", db, "--lang", lang, "plans", "rename", str(plan.id), "x"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        _remove_cli_translators()
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and words in err
    assert "Traceback" not in err and "王书记" not in err and "13800000000" not in err


def test_a_driver_error_mid_command_never_shows_the_sql_or_the_plan(
    tmp_path, monkeypatch, capsys
) -> None:
    """SQLAlchemy's error text holds the statement and its values (the plan's personal data)."""
    from sqlalchemy.exc import OperationalError

    from hongtu.core.storage.plan_store import PlanStore

    db = str(tmp_path / "h.sqlite3")
    workspace = open_workspace(db)
    plan = workspace.plans.save(make_plan([]))
    workspace.close()

    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError(
            "UPDATE plans SET organiser=?, phone=? WHERE id=?",
            ("王书记", "13800000000", plan.id),
            sqlite3.OperationalError("database is locked"),
        )

    monkeypatch.setattr(PlanStore, "update", locked)
    assert main(["--db", db, "plans", "rename", str(plan.id), "x"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "数据库正被另一个程序使用" in err
    assert "王书记" not in err and "13800000000" not in err and "UPDATE" not in err


def _remove_cli_translators() -> None:
    """``--lang en`` installs the English catalogue in this process; later tests expect none."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.setParent(None)


def _writers_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "concurrent_writers", ROOT / "benchmarks" / "concurrent_writers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_concurrent_cli_writers_lose_no_update(tmp_path) -> None:
    """A small round of benchmarks/concurrent_writers.py (3 processes, 2 renames each)."""
    figures = _writers_script().run(str(tmp_path / "w.sqlite3"), 3, 2, 2)
    print(f"concurrent CLI writers: {figures}")
    assert figures.tracebacks == 0
    assert figures.lost_updates == 0
    assert figures.succeeded + figures.refused == figures.commands


PRINTED = st.characters(categories=("L", "N", "P", "S"))  # what a cell shows (no spaces)


@given(st.lists(st.lists(st.text(PRINTED, max_size=8), min_size=3, max_size=3), min_size=1))
def test_table_columns_line_up_in_a_terminal_whatever_the_text(rows: list[list[str]]) -> None:
    """Wide (CJK, full-width) characters take two columns; every cell of a column starts at
    the same terminal column."""
    for row in rows:
        for cell in row:
            assert display_width(cell) == sum(
                2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell
            )
    lines = format_table(rows).split("\n")
    widths = [max(display_width(row[i]) for row in rows) for i in range(3)]
    for line, row in zip([lines[0], *lines[2:]], rows, strict=True):
        start = 0
        for width, cell in zip(widths, row, strict=True):
            assert line[_column_index(line, start):].startswith(cell)
            start += width + 2


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.text(PRINTED, max_size=8), min_size=3, max_size=3), min_size=2))
def test_a_long_table_lines_up_to_its_last_line(rows: list[list[str]]) -> None:
    """10,000 plans are formatted and printed a block of lines at a time: every block lines up
    with the heading, and the whole is the table ``format_table`` makes."""
    rows = [rows[0]] + [rows[1 + i % (len(rows) - 1)] for i in range(1234)]
    with contextlib.redirect_stdout(io.StringIO()) as out:
        say_table(list(zip(*rows, strict=True)))
    printed = out.getvalue()
    assert printed == format_table(rows) + "\n"
    lines = printed.split("\n")[:-1]
    assert len(lines) == 1 + 1 + 1234
    widths = [max(display_width(row[i]) for row in rows) for i in range(3)]
    assert lines[1] == "  ".join("-" * width for width in widths)
    for line, row in zip([lines[0], *lines[2:]], rows, strict=True):
        start = 0
        for width, cell in zip(widths, row, strict=True):
            assert line[_column_index(line, start) :].startswith(cell)
            start += width + 2


def _column_index(line: str, column: int) -> int:
    """The index in ``line`` of the character at terminal ``column``."""
    used = 0
    for index, ch in enumerate(line):
        if used >= column:
            return index
        used += display_width(ch)
    return len(line)


CELLS = st.text(
    st.one_of(
        st.sampled_from(list("党支部学习“”·—–é😀　Ａ ab1")),
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    ),
    max_size=12,
)


@given(st.lists(CELLS, max_size=20))
def test_a_column_is_measured_as_each_of_its_cells(column: list[str]) -> None:
    assert column_widths(column) == [display_width(cell) for cell in column]
    repeated = column * 3  # the same few texts again and again (党支部, 状态)
    assert column_widths(repeated) == [display_width(cell) for cell in repeated]
