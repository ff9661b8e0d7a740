"""A folder whose name is not UTF-8 (GBK bytes, as ``unzip`` leaves a zip made on Chinese
Windows): the database in it opens, exports land in it, and a message names it, never a
traceback (the name became a URL through UTF-8, which its bytes are not)."""

from __future__ import annotations

import os
from pathlib import Path

from hongtu.cli import main
from test_cli_plans import plan_file

GBK_FOLDER = b"\xd5\xc5\xc8\xfd"  # 张三 in GBK


def gbk_folder(tmp_path: Path) -> Path:
    folder = tmp_path / os.fsdecode(GBK_FOLDER)
    folder.mkdir()
    return folder


def names_on_disk(folder: Path) -> set[bytes]:
    return set(os.listdir(os.fsencode(folder)))


def test_a_database_in_a_gbk_named_folder_is_used(capsys, tmp_path) -> None:
    folder = gbk_folder(tmp_path)
    db = ["--db", str(folder / "hongtu.sqlite3")]
    plan = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan"])

    assert main([*db, "plans", "import", str(plan)]) == 0
    plan_id = capsys.readouterr().out.strip()
    assert main([*db, "plans", "rename", plan_id, "新的主题"]) == 0
    assert main([*db, "plans", "list"]) == 0
    assert "新的主题" in capsys.readouterr().out
    assert names_on_disk(folder) == {b"hongtu.sqlite3"}  # in that folder, by its bytes
    beside = names_on_disk(tmp_path)
    assert GBK_FOLDER in beside and b"hongtu.sqlite3" not in beside


def test_exports_into_a_gbk_named_folder_are_written(capsys, tmp_path) -> None:
    folder = gbk_folder(tmp_path)
    db = ["--db", str(tmp_path / "hongtu.sqlite3")]
    main([*db, "plans", "import", str(plan_file(tmp_path, ["taiyuan-jiefang-jinianguan"]))])
    plan_id = capsys.readouterr().out.strip()

    for fmt in ("pdf", "signin", "csv"):
        code = main([*db, "plans", "export", plan_id, "--format", fmt, "--output", str(folder)])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert "\N{REPLACEMENT CHARACTER}" * 4 in captured.out  # the folder, shown as it can be

    written = names_on_disk(folder)
    assert len(written) == 3 and not any(b"hongtu-partial" in name for name in written)
    pdfs = [folder / os.fsdecode(name) for name in written if name.endswith(b".pdf")]
    assert len(pdfs) == 2 and all(pdf.read_bytes().startswith(b"%PDF") for pdf in pdfs)


def test_a_missing_database_there_is_named_without_a_traceback(capsys, tmp_path) -> None:
    folder = gbk_folder(tmp_path)
    code = main(["--db", str(folder / "nothere.sqlite3"), "plans", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{tmp_path}/{chr(0xFFFD) * 4}/nothere.sqlite3" in err
