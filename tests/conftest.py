"""Test set-up: headless Qt, no network, and every user file under a fresh temporary folder."""

from __future__ import annotations

import faulthandler
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Headless, on the screen the app must fit: a 1366×768 office laptop (laptop_screen.json), not
# the offscreen platform's default 800×800 square.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).resolve().parent / "laptop_screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
os.environ.pop("HONGTU_DB", None)

from hongtu.core import paths
from hongtu.qt.app import prepare_environment

prepare_environment()  # as the app does before its QApplication (pytest-qt makes it later)

# Generated inputs check behaviour, never speed (that is benchmarks/' work): no deadline, so a
# garbage collection or another process's load during one example is not a failure.
settings.register_profile("hongtu", deadline=None)
settings.load_profile("hongtu")


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """A crash (Qt's or Chromium's segmentation fault) prints the crashing thread's stack alone,
    after pytest's own handler: with every thread the test being run comes last in a long dump,
    and a CI log that keeps only the beginning and the end of the output loses it. A crash on a
    thread without Python (Qt's, Chromium's) prints "<no Python frame>"."""
    del config
    assert sys.__stderr__ is not None
    faulthandler.enable(file=os.dup(sys.__stderr__.fileno()), all_threads=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """A failed test's report says where Qt had the activation and the keyboard focus: a time
    typed "into nowhere" is then read from the log, not guessed."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when == "call":
        from window_manager import qt_focus_state

        state = qt_focus_state()
        if state:
            report.sections.append(("Qt windows and focus", state))


@pytest.fixture(scope="session")
def qapp(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's application, with a stand-in for the desktop's window manager (the offscreen
    platform has none: see window_manager.py)."""
    from window_manager import WindowManager

    WindowManager(qapp)
    return qapp


@pytest.fixture(autouse=True)
def hongtu_home(tmp_path: Path) -> Iterator[Path]:
    """Each test gets its own data, config, cache and log folders."""
    home = tmp_path / "home"
    paths.set_home(home)
    yield home
    paths.set_home(None)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the network; a test that tries fails loudly."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network access is not allowed in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def workspace(tmp_path: Path):  # type: ignore[no-untyped-def]
    from hongtu.core.workspace import open_workspace

    ws = open_workspace(str(tmp_path / "hongtu.sqlite3"))
    yield ws
    ws.close()


@pytest.fixture(params=["zh_CN", "en"])
def lang(request: pytest.FixtureRequest, qapp):  # type: ignore[no-untyped-def]
    """A journey once in Chinese (the default) and once with the English translator loaded,
    as ``hongtu --lang en`` loads it."""
    from PySide6.QtCore import QLocale

    from hongtu.qt.i18n import install_translators

    previous = QLocale()
    installed = install_translators(qapp, request.param)
    if request.param == "en":
        assert installed, "hongtu_en.qm did not load"
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)
