"""A machine with no font that draws Chinese (a pip install on a bare Linux): the PDFs are
refused in words instead of written as empty boxes, and the window says so once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factories import make_plan, site_stop
from hongtu.core.plans import Activity, ActivityKind
from hongtu.core.workspace import open_workspace

LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2")


def latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig that sees only DejaVu and Liberation: no font for Chinese."""
    dirs = "".join(f"<dir>{d}</dir>" for d in LATIN_FONTS if Path(d).is_dir())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{folder / 'fccache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


def database_with_a_plan(folder: Path) -> tuple[Path, int]:
    file = folder / "hongtu.sqlite3"
    workspace = open_workspace(str(file))
    try:
        site = next(s for s in workspace.sites.list_sites() if s.position is not None)
        plan = make_plan([site_stop(site.id, Activity(ActivityKind.TOUR, 40))])
        return file, workspace.plans.save(plan).id
    finally:
        workspace.close()


def hongtu(
    args: list[str], folder: Path, fontconfig: Path | None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HONGTU_HOME=str(folder / "home"), QT_QPA_PLATFORM="offscreen")
    if fontconfig is not None:
        env["FONTCONFIG_FILE"] = str(fontconfig)
    return subprocess.run(
        [sys.executable, "-m", "hongtu", *args], env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("fmt", ["pdf", "signin"])
def test_a_pdf_export_without_a_chinese_font_is_refused_in_words(tmp_path, fmt: str) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = ["--db", str(file), "--lang", "zh_CN", "plans", "export", str(plan_id),
            "--format", fmt, "--output", str(out)]

    done = hongtu(args, tmp_path, latin_only_fontconfig(tmp_path))

    assert done.returncode != 0
    assert "没有能显示中文的字体" in done.stderr and "fonts-wqy-microhei" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(out.iterdir()) == []  # no PDF of empty boxes, no leftover


def test_the_same_export_with_a_chinese_font_is_written(tmp_path) -> None:
    file, plan_id = database_with_a_plan(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = ["--db", str(file), "plans", "export", str(plan_id), "--format", "pdf",
            "--output", str(out)]

    done = hongtu(args, tmp_path, None)

    assert done.returncode == 0, done.stderr
    assert [p.suffix for p in out.iterdir()] == [".pdf"]


def test_this_machine_has_a_font_for_chinese(qapp) -> None:
    from hongtu.qt.fonts import chinese_font_family

    assert chinese_font_family() is not None


@pytest.mark.gui
@pytest.mark.webengine
def test_a_start_without_a_chinese_font_says_so_once_the_window_is_ready(
    qtbot, tmp_path, monkeypatch
) -> None:
    """Said once the workspace is open (looking through the fonts takes ~13 ms, which the
    start-up's map-ready moment does not wait for)."""
    from PySide6.QtWidgets import QMessageBox

    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt import fonts

    monkeypatch.setattr(fonts, "has_chinese_font", lambda: False)  # as on a bare Linux install
    window, controller = open_main_window(qtbot, str(tmp_path / "fonts.sqlite3"))
    try:
        qtbot.waitUntil(lambda: getattr(window, "status_font", None) is not None)
        assert controller.workspace is not None
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1
        assert "fonts-wqy-microhei" in boxes[0].text() and "boxes" in boxes[0].text()
        assert "fonts-wqy-microhei" in window.status_font.text()
        QTest.keyClick(boxes[0], Qt.Key.Key_Return)  # dismissed; the status bar keeps saying it
        qtbot.waitUntil(lambda: not boxes[0].isVisible())
        assert window.status_font.isVisible()
    finally:
        close_main_window(window, controller)
