"""`hongtu backup create|restore` and the files around them: an existing file is not replaced
without ``--overwrite``, a folder gets a backup inside it, a failed write names the organiser's
file and why (never a temporary name or an errno), and a restore waits for no window: it is
refused while a window has the database open, since that window would go on saving into the
file replaced under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.core import paths
from hongtu.core.storage.files import resolve_url
from hongtu.core.workspace import open_workspace
from hongtu.qt.single_instance import SingleInstance, instance_key


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = paths.data_dir() / "hongtu.sqlite3"
    workspace = open_workspace(str(db))
    plan = make_plan()
    plan.title = "重温入党誓词"
    workspace.plans.save(plan)
    workspace.close()
    return db


def titles(db: Path) -> list[str]:
    workspace = open_workspace(str(db))
    try:
        return [p.title for p in workspace.plans.list_plans()]
    finally:
        workspace.close()


def test_an_existing_file_is_kept_unless_overwrite_is_given(db, tmp_path, capsys) -> None:
    roster = tmp_path / "名册.xlsx"
    roster.write_bytes(b"the branch's roster")
    assert main(["--db", str(db), "backup", "create", "--output", str(roster)]) == 2
    assert "文件已存在（如要覆盖请加 --overwrite）" in capsys.readouterr().err
    assert roster.read_bytes() == b"the branch's roster"
    args = ["--db", str(db), "backup", "create", "--output", str(roster), "--overwrite"]
    assert main(args) == 0
    assert roster.read_bytes()[:2] == b"PK"


def test_a_folder_gets_the_backup_inside_it(db, tmp_path, capsys) -> None:
    folder = tmp_path / "备份 文件夹"
    folder.mkdir()
    assert main(["--db", str(db), "backup", "create", "--output", str(folder)]) == 0
    (made,) = folder.iterdir()
    assert made.name.startswith("红途备份-") and made.suffix == ".zip"
    assert str(made) in capsys.readouterr().out


def test_db_and_lang_after_the_command_are_taken_as_docs_backup_words_it(
    db, tmp_path, capsys
) -> None:
    """docs/backup.md: "add ``--db PATH`` for another database" — after the command, too."""
    other = tmp_path / "第二支部.sqlite3"
    db.rename(other)
    output = tmp_path / "b.zip"
    args = ["backup", "create", "--db", str(other), "--output", str(output), "--lang=en"]
    assert main(args) == 0
    assert f"Backed up to {output}" in capsys.readouterr().out
    assert main(["plans", "list", "--json", f"--db={other}"]) == 0
    assert "重温入党誓词" in capsys.readouterr().out
    # a title that looks like the option, after "--", stays the title
    assert main(["plans", "rename", "--db", str(other), "1", "--", "--db"]) == 0
    assert titles(other) == ["--db"]


def test_a_missing_folder_is_named_in_words(db, tmp_path, capsys) -> None:
    target = tmp_path / "没有这个文件夹" / "b.zip"
    assert main(["--db", str(db), "backup", "create", "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"无法写入 {target}：文件夹不存在" in err
    assert "Errno" not in err and ".hongtu-backup" not in err


def test_a_restore_is_refused_while_a_window_has_the_database_open(
    qapp, db, tmp_path, capsys
) -> None:
    archive = tmp_path / "backup.zip"
    assert main(["--db", str(db), "backup", "create", "--output", str(archive)]) == 0
    workspace = open_workspace(str(db))
    plan = make_plan()
    plan.title = "备份之后的方案"
    workspace.plans.save(plan)
    workspace.close()
    window = SingleInstance(instance_key(resolve_url(str(db))))
    assert window.claim()  # the window's own lock, as a running window holds it
    try:
        capsys.readouterr()
        assert main(["--db", str(db), "backup", "restore", str(archive)]) == 2
        assert "红途的窗口正打开着这个数据库" in capsys.readouterr().err
        assert sorted(titles(db)) == ["备份之后的方案", "重温入党誓词"]
    finally:
        window.release()
    assert main(["--db", str(db), "backup", "restore", str(archive)]) == 0  # window closed
    assert titles(db) == ["重温入党誓词"]
    again = SingleInstance(instance_key(resolve_url(str(db))))
    assert again.claim()  # the restore let go of the lock: the window can open afterwards
    again.release()
