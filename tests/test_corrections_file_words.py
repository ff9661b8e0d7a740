"""导入核实信息 says what is wrong in the organiser's language: a missing file is not the
system's "No such file or directory", and a file from a newer HongTu asks for an upgrade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hongtu.corrections_files import CorrectionsFileError, read_corrections_file


def test_a_missing_file_is_said_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(CorrectionsFileError) as refused:
        read_corrections_file(tmp_path / "核实信息.json", [])
    assert "文件不存在" in refused.value.message and "核实信息.json" in refused.value.message
    assert "No such file" not in refused.value.message


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(CorrectionsFileError) as refused:
        read_corrections_file(tmp_path, [])
    assert "文件夹" in refused.value.message


def test_a_file_from_a_newer_hongtu_asks_for_an_upgrade(tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({"format": "hongtu-site-corrections", "version": 2, "corrections": []}),
        encoding="utf-8",
    )
    with pytest.raises(CorrectionsFileError) as refused:
        read_corrections_file(newer, [])
    message = refused.value.message
    assert "更新版本的红途" in message and "升级" in message and "没有导入任何内容" in message
