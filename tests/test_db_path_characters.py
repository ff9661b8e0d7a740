"""``--db`` with a plain path means exactly that file, whatever characters its folders have: a
%XX, a ?, a #, spaces, Chinese. (A %41 made SQLite open …/pctAdir/…, a ? cut the path at …/q.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from hongtu.cli import main
from hongtu.core.storage.files import resolve_url, sqlite_file
from hongtu.core.workspace import open_workspace


@pytest.mark.parametrize("folder", ["pct%41dir", "q?mark", "hash#x", "sp ace 红途", "百分%号"])
def test_a_plain_path_opens_exactly_that_file(tmp_path: Path, folder: str) -> None:
    (tmp_path / folder).mkdir()
    db = tmp_path / folder / "hongtu.sqlite3"
    assert sqlite_file(resolve_url(str(db))) == db
    assert main(["--db", str(db), "members", "add", "--branch", "一支部", "--name", "张三"]) == 0
    assert db.is_file()
    made = sorted(p.name for p in tmp_path.iterdir() if p.name != "home")  # HONGTU_HOME
    assert made == [folder]  # no other file or folder
    workspace = open_workspace(str(db))
    try:
        assert [m.name for m in workspace.members.members("一支部")] == ["张三"]
    finally:
        workspace.close()
