"""A name with a character no installed font has (𠮷, in CJK Extension B) would print as an
empty box: the organiser is told which characters and which font to install before a PDF is
written or printed, and still gets the document when they go on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from factories import make_plan
from hongtu.cli import main
from hongtu.core.exports import ExportFormat
from hongtu.core.members import Member, PartyStatus
from hongtu.core.pipeline import render_plan
from hongtu.core.settings import Settings
from hongtu.core.workspace import open_workspace
from hongtu.qt.fonts import unprintable_characters
from hongtu.qt.plan_outputs import ExportDialog
from hongtu.qt.printing import FONT_FAMILIES
from journey_helpers import BoxAnswers

pytestmark = pytest.mark.gui

DAY = date(2025, 10, 15)
BRANCH = "第一党支部"  # make_plan's branch
RARE = ("\U00020bb7", "\U0002a6d6", "\U00030000", "\U00031350", "\U0002ebf0")  # 𠮷 and rarer


def _no_font_has() -> str:
    """The first of a few rare characters that no font on this computer has (what a name
    with it prints as here: an empty box)."""
    fonts = [QRawFont.fromFont(QFont(family)) for family in QFontDatabase.families()]
    for character in RARE:
        if not any(font.supportsCharacter(ord(character)) for font in fonts):
            return character
    raise AssertionError("this computer has a font for every rare character tried")


def test_the_characters_no_font_has_are_found(qapp) -> None:
    rare = _no_font_has()
    texts = [f"欧阳{rare}利", "王堃 李喆 张昇 买买提·吐尔逊", f"{rare}祥", "ASCII only"]
    assert unprintable_characters(texts, FONT_FAMILIES) == [rare]
    assert unprintable_characters(["王堃", "第一党支部"], FONT_FAMILIES) == []


def test_cli_warns_on_stderr_and_still_writes_the_sheet(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rare = _no_font_has()
    db = str(tmp_path / "rare.sqlite3")
    ws = open_workspace(db)
    ws.members.add(BRANCH, Member(None, f"欧阳{rare}利", "书记", PartyStatus.FULL))
    ws.members.add(BRANCH, Member(None, "王堃", "", PartyStatus.FULL))
    plan = ws.plans.save(make_plan(on=DAY))
    ws.close()
    pdf = tmp_path / "签到表.pdf"
    args = ["--db", db, "plans", "export", str(plan.id), "--format", "signin"]
    assert main([*args, "--output", str(pdf)]) == 0
    err = capsys.readouterr().err
    assert pdf.stat().st_size > 0
    warning = next(line for line in err.splitlines() if rare in line)
    assert f"欧阳{rare}利" in warning and "空白方框" in warning
    assert "fonts-hanazono" in warning and "SimSun-ExtB" in warning
    assert main([*args, "--format", "docx", "--output", str(tmp_path / "方案.docx")]) == 0
    assert rare not in capsys.readouterr().err  # Word carries the character: no warning


def test_the_window_asks_before_exporting_a_pdf_with_empty_boxes(
    qtbot, workspace, tmp_path: Path
) -> None:
    rare = _no_font_has()
    workspace.members.add(BRANCH, Member(None, f"{rare}祥", "", PartyStatus.FULL))
    plan = workspace.plans.save(make_plan(on=DAY))
    roster = workspace.members.members(BRANCH)
    view = render_plan(plan, [], Settings(), today=date(2025, 10, 1), roster=roster)
    dialog = ExportDialog(view)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.SIGNIN.value))
    target = tmp_path / "签到表.pdf"
    dialog.path.setText(str(target))
    answers = BoxAnswers()
    answers.no()
    dialog._on_buttons_accepted()
    assert answers.seen and f"{rare}祥" in answers.seen[0]
    assert "fonts-hanazono" in answers.seen[0]
    assert not target.exists() and dialog.task is None
    answers.yes()
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    assert dialog.written == target and target.stat().st_size > 0


def test_printing_asks_first_and_no_keeps_the_preview_closed(
    qtbot, monkeypatch, workspace
) -> None:
    from hongtu.qt import printing
    from hongtu.qt.plan_outputs import preview_signin

    rare = _no_font_has()
    workspace.members.add(BRANCH, Member(None, f"欧阳{rare}利", "", PartyStatus.FULL))
    plan = workspace.plans.save(make_plan(on=DAY))
    roster = workspace.members.members(BRANCH)
    view = render_plan(plan, [], Settings(), today=date(2025, 10, 1), roster=roster)
    previewed: list[object] = []
    monkeypatch.setattr(printing, "print_preview", lambda *a, **k: previewed.append(a))
    answers = BoxAnswers()
    answers.no()
    assert preview_signin(view, None) is None
    assert not previewed and f"欧阳{rare}利" in answers.seen[0]
    answers.yes()
    preview_signin(view, None)
    assert len(previewed) == 1
