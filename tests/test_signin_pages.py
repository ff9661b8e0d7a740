"""The 签到表 as it goes round the coach: every later page says which activity and day it is,
the closing line counts 缺席 too and stands clear of the table, and the blank rows for guests
are kept within reason on the command line."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.core.document import build_document
from hongtu.core.plans import GatheringPoint
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.workspace import open_workspace
from hongtu.qt.printing import render_signin_pdf
from test_exports import build_sample

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]


def _page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"\s+", "", out)


def _word_box(pdf: Path, page: int, word: str) -> tuple[float, float]:
    """(top, bottom) in points of ``word`` on ``page``."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{re.escape(word)}<', out)
    assert match, word
    return float(match.group(1)), float(match.group(2))


def test_every_later_page_names_the_activity_and_the_day(qapp, tmp_path: Path) -> None:
    doc = build_sample(evil=False)[2]
    names = [f"成员{number:02d}" for number in range(1, 61)]
    pdf = render_signin_pdf(doc, tmp_path / "签到表.pdf", names, blank_rows=5)
    pages = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout,
        ).group(1)
    )
    assert pages == 3
    day = re.sub(r"\s+", "", f"{doc.date_text}（{doc.weekday}）")
    for page in range(2, pages + 1):
        text = _page_text(pdf, page)
        assert text.startswith(re.sub(r"\s+", "", doc.title)[:20]), text[:60]
        assert "签到表（续）" in text and day in text.split("序号")[0]
    last = _page_text(pdf, pages)
    assert "应到60人实到____人请假____人缺席____人" in last
    _top, row_bottom = _word_box(pdf, pages, "65")
    line_top, _bottom = _word_box(pdf, pages, "应到")
    assert line_top - row_bottom > 14  # the row's padding and border, then clear space


def test_cli_refuses_blank_rows_out_of_range_and_writes_nothing(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite3")
    workspace = open_workspace(db)
    plan = workspace.plans.save(make_plan())
    workspace.close()
    args = ["--db", db, "plans", "export", str(plan.id), "--format", "signin"]
    for rows in ("-3", "61", "100000"):
        target = tmp_path / f"签到表{rows}.pdf"
        assert main([*args, "--output", str(target), "--blank-rows", rows]) == 2
        err = capsys.readouterr().err
        assert "--blank-rows" in err and "0–60" in err and rows in err
        assert not target.exists()
    assert not list(tmp_path.glob("*.pdf*"))  # not even a partial file
    assert main([*args, "--output", str(tmp_path / "ok.pdf"), "--blank-rows", "60"]) == 0


def test_a_gathering_point_not_chosen_yet_is_a_line_to_write_on(qapp, tmp_path: Path) -> None:
    """The 签到表 may now be printed before the 集合地点 is chosen: the sheet handed round has
    a line there, not “（未设置）”."""
    plan, sites, _doc = build_sample(evil=False)
    plan.gathering = GatheringPoint()
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    doc = build_document(plan, schedule, sites)
    text = _page_text(render_signin_pdf(doc, tmp_path / "签到表.pdf", [], blank_rows=0), 1)
    assert "未设置" not in text
    assert "集合地点________________" in text
