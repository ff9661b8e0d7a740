"""A command whose output cannot be written (redirected to a full disk, a device that refuses
it) says so in one plain line on stderr and fails; a reader that stops early (``| head``) ends
it quietly. Never a traceback."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hongtu.cli import main


class FullDisk(io.TextIOBase):
    """A stdout on a disk with no space left: every write fails as the system's would."""

    def write(self, _text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize(
    "words", [["sites", "list"], ["sites", "list", "--json"], ["plans", "list"]]
)
def test_output_to_a_full_disk_is_one_plain_line(
    words: list[str], tmp_path: Path, monkeypatch, capsys
) -> None:
    db = str(tmp_path / "branch.sqlite3")
    assert main(["--db", db, "sites", "list"]) == 0  # the database, made once
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", FullDisk())
    assert main(["--db", db, *words]) == 2
    err = capsys.readouterr().err
    assert err == "无法写出命令的输出：磁盘空间不足。\n"


def test_output_to_a_full_disk_in_english(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdout", FullDisk())
    assert main(["--db", str(tmp_path / "b.sqlite3"), "--lang", "en", "sites", "list"]) == 2
    assert capsys.readouterr().err == (
        "The command's output could not be written: Not enough disk space.\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
def test_a_real_full_device_gets_the_message_and_no_traceback(tmp_path: Path) -> None:
    """The buffered rest of the output fails only when it is flushed: before exit, not at it."""
    env = dict(os.environ, HONGTU_HOME=str(tmp_path / "home"))
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "hongtu", "--db", str(tmp_path / "c.sqlite3"), "sites", "list"],
            stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "无法写出命令的输出：磁盘空间不足。\n"
