"""What 导入方案 says about a file that is not a plan file, and where the file dialogs open.

A PDF renamed *.hongtu.json showed Python's "'utf-8' codec can't decode byte 0xfe…"; a text
file said "不是有效的 JSON 文件（位置：）" with an empty place; on a machine without a Documents
folder the open dialog came up with "Documents" typed in as a file name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hongtu.plan_import import PlanImportError, read_plan_file


def refusal(path: Path) -> str:
    with pytest.raises(PlanImportError) as refused:
        read_plan_file(path, [])
    return str(refused.value)


def test_a_binary_file_is_named_as_not_a_plan_file(tmp_path: Path) -> None:
    pdf = tmp_path / "活动方案.hongtu.json"
    pdf.write_bytes(b"%PDF-1.7\n\xfe\xff\x00binary")
    said = refusal(pdf)
    assert "不是红途方案文件（不是文本文件）" in said and "活动方案.hongtu.json" in said
    assert "codec" not in said and "0xfe" not in said


def test_a_file_that_is_not_json_names_no_empty_place(tmp_path: Path) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text("七一去高君宇故居", encoding="utf-8")
    said = refusal(notes)
    assert "不是有效的 JSON 文件。没有导入任何内容。" in said and "位置：）" not in said


def test_a_missing_file_is_said_in_words(tmp_path: Path) -> None:
    said = refusal(tmp_path / "不在了.hongtu.json")
    assert "文件不存在" in said and "No such file" not in said


def test_file_dialogs_open_in_a_folder_that_exists(qapp, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QStandardPaths

    from hongtu.qt.window_state import documents_folder

    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(missing))
    assert documents_folder() == Path.home()
    missing.mkdir()
    assert documents_folder() == missing
