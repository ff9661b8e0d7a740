"""A database URL that asks SQLite for read-only access (``?mode=ro``) is never written.

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
