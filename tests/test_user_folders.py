"""The user's folders (data, settings, cache, log) may be unusable: a file in a folder's place,
a full disk, a locked-down profile. The app still starts, or says plainly why it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui_helpers import close_main_window
from hongtu.qt import messages
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow
from test_app_exit import start_app_until_map_ready

IN_THE_WAY = "a file where the folder should be"


@pytest.mark.gui
@pytest.mark.webengine
@pytest.mark.parametrize("folder", ["log", "config", "cache"])
def test_the_app_starts_and_shows_its_map_without_a_usable_folder(
    tmp_path: Path, folder: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / folder).write_text(IN_THE_WAY)
    result = start_app_until_map_ready(home, tmp_path / "branch.sqlite3")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "map_ready_s=" in result.stdout
    assert "Traceback" not in result.stderr
    assert (home / folder).read_text() == IN_THE_WAY  # left as it was


def test_a_command_runs_with_default_settings_when_their_folder_is_unusable(
    hongtu_home: Path, tmp_path: Path, capsys
) -> None:
    from hongtu.cli import main

    hongtu_home.mkdir(parents=True, exist_ok=True)
    (hongtu_home / "config").write_text(IN_THE_WAY)
    assert main(["--db", str(tmp_path / "branch.sqlite3"), "sites", "list"]) == 0
    assert "高君宇故居" in capsys.readouterr().out


@pytest.mark.gui
def test_a_data_folder_that_is_a_file_is_explained_and_left_alone(
    qtbot, monkeypatch, hongtu_home: Path
) -> None:
    hongtu_home.mkdir(parents=True, exist_ok=True)
    (hongtu_home / "data").write_text(IN_THE_WAY)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        messages, "critical", lambda _parent, title, text: shown.append((title, text))
    )
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    window = MainWindow()
    controller = Controller(window, None)  # the default database, in the data folder
    try:
        with qtbot.waitSignal(controller.workspace_failed):
            controller.open_workspace()
    finally:
        close_main_window(window, controller)
    assert shown and shown[0][0] == "无法打开数据库"
    assert "数据库所在文件夹的位置上是一个文件" in shown[0][1]
    assert str(hongtu_home / "data" / "hongtu.sqlite3") in shown[0][1]
    assert exits == [2]
    assert (hongtu_home / "data").read_text() == IN_THE_WAY
