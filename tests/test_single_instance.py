"""A second launch on the same database brings the running window forward instead of opening
another: two in-process instances, a real second process, a real second `hongtu` launch, and a
lock and socket left behind by a killed window."""

from __future__ import annotations

import getpass
import hashlib
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from hongtu.core.storage.files import resolve_url
from hongtu.qt.single_instance import SingleInstance, instance_key

CLAIM_SCRIPT = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from hongtu.qt.single_instance import SingleInstance\n"
    "app = QCoreApplication([])\n"
    "instance = SingleInstance(sys.argv[1])\n"
    "print('first' if instance.claim() else 'second', flush=True)\n"
    "if sys.argv[2] == 'hold':\n"
    "    sys.stdin.readline()\n"
)


@pytest.fixture
def key() -> str:
    return instance_key(f"sqlite:///test-{uuid.uuid4()}")


def test_the_key_follows_the_resolved_database(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert instance_key(resolve_url("h.sqlite3")) == instance_key(
        resolve_url(str(tmp_path / "h.sqlite3"))
    )
    assert instance_key(resolve_url("a.sqlite3")) != instance_key(resolve_url("b.sqlite3"))


@given(url=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200))
def test_the_key_is_the_one_earlier_versions_use(url: str) -> None:
    # a window of the previous version must still be found by a new launch (and the other way)
    owner = f"{getpass.getuser()}\n{url}".encode()
    assert instance_key(url) == "hongtu-" + hashlib.sha256(owner).hexdigest()[:24]


def test_a_second_instance_asks_the_first_to_come_forward(qtbot, key) -> None:
    first, second = SingleInstance(key), SingleInstance(key)
    try:
        assert first.claim()
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert not second.claim()
    finally:
        first.release()
    third = SingleInstance(key)
    assert third.claim()  # released: the next launch is the window again
    third.release()


def test_a_second_process_is_refused_and_activates_the_first(qtbot, key) -> None:
    first = SingleInstance(key)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activated, timeout=20_000):
            process = subprocess.Popen(
                [sys.executable, "-c", CLAIM_SCRIPT, key, "exit"],
                stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
        output, _ = process.communicate()
        assert output.strip() == "second"
    finally:
        first.release()


def test_a_killed_window_leaves_nothing_that_blocks_the_next_launch(qtbot, key) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", CLAIM_SCRIPT, key, "hold"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None and process.stdout.readline().strip() == "first"
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    after = SingleInstance(key)
    try:
        assert after.claim()  # the dead holder's lock is stale, its socket is cleaned up
        other = SingleInstance(key)
        with qtbot.waitSignal(after.activated, timeout=5000):
            assert not other.claim()
    finally:
        after.release()


@pytest.mark.gui
def test_a_second_hongtu_launch_brings_the_window_forward(qtbot, tmp_path) -> None:
    """The real entry point: `hongtu --db X` while a window has X open exits at once."""
    from PySide6.QtWidgets import QMainWindow

    from hongtu.qt.app import bring_forward

    db = str(tmp_path / "h.sqlite3")
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.setWindowState(Qt.WindowState.WindowMinimized)
    first = SingleInstance(instance_key(resolve_url(db)))
    assert first.claim()
    first.activated.connect(lambda: bring_forward(window))
    try:
        env = dict(os.environ, HONGTU_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
        with qtbot.waitSignal(first.activated, timeout=30_000):
            process = subprocess.Popen([sys.executable, "-m", "hongtu", "--db", db], env=env)
            qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        assert process.returncode == 0
        assert not window.windowState() & Qt.WindowState.WindowMinimized
        assert not Path(db).exists()  # the second launch never opened the database
    finally:
        first.release()


def test_another_user_on_the_same_database_gets_a_window_of_their_own(monkeypatch) -> None:
    url = resolve_url("/srv/shared/hongtu.sqlite3")
    mine = instance_key(url)
    monkeypatch.setattr("getpass.getuser", lambda: "another-organiser")
    assert instance_key(url) != mine


def test_without_a_usable_temporary_folder_the_window_still_opens(
    key, tmp_path, monkeypatch, caplog
) -> None:
    """A %TEMP%/TMPDIR that is gone or refuses files: no lock can be made, which is not
    "another window has it" (the launch used to end silently, no window at all)."""
    blocked = tmp_path / "temp-is-a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TMPDIR", str(blocked))
    monkeypatch.setenv("TEMP", str(blocked))
    monkeypatch.setenv("TMP", str(blocked))
    first, second = SingleInstance(key), SingleInstance(key)
    with caplog.at_level("WARNING", logger="hongtu.qt.single_instance"):
        assert first.claim()
        assert second.claim()  # the two cannot know of each other; both open
    assert "no single-window lock" in caplog.text
    first.release()
    second.release()
    assert blocked.read_text() == "not a folder"
