"""A database URL that asks SQLite for read-only access (``?mode=ro``) is never written, and a
file that cannot be written is still read by the commands that only read.

SQLAlchemy ignored the option (with a raw warning on stderr) and HongTu checked, migrated and
wrote the file all the same; SQLite's own ``file:…?mode=ro&uri=true`` form was "not there".
Now a command that writes is refused in words before it opens the file; one that only reads
answers from it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.core.workspace import open_workspace


@pytest.fixture
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "数据"
    folder.mkdir()
    path = folder / "支部 数据.sqlite3"
    workspace = open_workspace(str(path))
    try:
        plan = make_plan()
        plan.title = "重温入党誓词"
        workspace.plans.save(plan)
    finally:
        workspace.close()
    return path


def files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize(
    "url",
    ["sqlite:///{db}?mode=ro", "sqlite:///file:{db}?mode=ro&uri=true", "sqlite:///{db}?immutable=1"],
)
def test_a_read_only_url_is_never_written(db: Path, capsys, url: str) -> None:
    before = files(db.parent)
    given = url.format(db=db)
    assert main(["--db", given, "members", "add", "--branch", "第一党支部", "--name", "张三"]) == 2
    said = capsys.readouterr()
    assert "数据库地址要求只读打开（mode=ro）" in said.err and "（文件未被修改）" in said.err
    assert "SAWarning" not in said.err
    assert files(db.parent) == before  # no write, no journal, no backup


def test_a_read_only_url_still_answers_a_reading_command(db: Path, capsys) -> None:
    before = files(db.parent)
    assert main(["--db", f"sqlite:///{db}?mode=ro", "plans", "list"]) == 0
    assert "重温入党誓词" in capsys.readouterr().out
    assert files(db.parent) == before


@pytest.fixture
def branch_db(db: Path, capsys) -> Path:
    roster = db.parent.parent / "名册.csv"
    roster.write_text("姓名\n张三\n李四\n", encoding="utf-8")
    assert main(["--db", str(db), "members", "import", str(roster), "--branch", "第一党支部"]) == 0
    capsys.readouterr()
    return db


def test_reading_commands_answer_from_a_read_only_url(branch_db: Path, capsys) -> None:
    before = files(branch_db.parent)
    url = f"sqlite:///{branch_db}?mode=ro"
    assert main(["--db", url, "members", "list", "--branch", "第一党支部"]) == 0
    assert "张三" in capsys.readouterr().out
    assert main(["--db", url, "ledger", "show", "--branch", "第一党支部", "--year", "2025"]) == 0
    assert files(branch_db.parent) == before


def test_a_file_the_disk_will_not_let_us_write_is_still_read(
    branch_db: Path, capsys, monkeypatch
) -> None:
    """A read-only copy (a write-protected share, last year's disc): reading commands read it,
    writing ones are refused as before. (Root may write anything, so the permission is denied
    where HongTu asks for it.)"""
    import os

    from hongtu.core.storage import files as storage_files

    real_access = os.access

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and str(path).startswith(str(branch_db.parent)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(storage_files.os, "access", access)
    before = files(branch_db.parent)
    assert main(["--db", str(branch_db), "members", "list", "--branch", "第一党支部"]) == 0
    assert "李四" in capsys.readouterr().out
    adding = ["members", "add", "--branch", "第一党支部", "--name", "王五"]
    assert main(["--db", str(branch_db), *adding]) == 2
    assert "数据库文件是只读的" in capsys.readouterr().err
    assert files(branch_db.parent) == before


def test_an_older_file_on_a_read_only_disk_says_it_needs_a_writable_copy(
    db: Path, capsys, monkeypatch
) -> None:
    """Last year's disc from an older HongTu: reading it needs an upgrade first, which cannot
    be written there. The message says so and what to do, not only "只读"."""
    import os

    from hongtu.core.storage import files as storage_files
    from test_cli_read_fast_path import make_it_one_revision_older

    make_it_one_revision_older(db)
    # Alembic's own command closed its connection: nothing left in a WAL for a later reader to
    # write into the file (it was closed when the garbage collector came by, mid-command)
    assert not db.with_name(db.name + "-wal").exists()
    real_access = os.access

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and str(path).startswith(str(db.parent)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(storage_files.os, "access", access)
    before = files(db.parent)
    assert main(["--db", str(db), "plans", "list"]) == 2
    err = capsys.readouterr().err
    assert "旧版本的红途创建" in err and "需要先升级" in err
    assert "复制到可以写入的文件夹" in err and str(db) in err
    assert files(db.parent) == before
