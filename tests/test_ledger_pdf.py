"""The ledger's year summary as a PDF (台账): A4, every figure read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from hongtu.cli import main
from hongtu.core.atomic import ExportError
from hongtu.core.exports.ledger_summary import build_ledger_summary
from hongtu.core.ledger import Counts, load_ledger, rate_text
from hongtu.qt.printing import render_ledger_pdf
from ledger_helpers import BRANCH, month_text, record_year

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]


def _info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout


def _lines(pdf: Path) -> list[list[str]]:
    """Each text line of the PDF split at runs of spaces (``-layout`` keeps table rows)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.split(r"\s{2,}|\s(?=\d)", line.strip()) for line in out.splitlines() if line.strip()]


def _words(pdf: Path, *, layout: bool = True) -> str:
    """The text, white space runs as one space; without ``layout`` a wrapped cell reads whole."""
    options = ["-layout"] if layout else []
    out = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", " ", out)


def test_cli_writes_the_year_summary_pdf_with_every_figure(qapp, workspace, tmp_path) -> None:
    record_year(workspace, members=30)
    ledger = load_ledger(workspace, BRANCH, 2025)
    db = workspace.database.url.removeprefix("sqlite:///")
    pdf = tmp_path / "台账.pdf"
    args = ["--db", db, "ledger", "export", "--branch", BRANCH, "--year", "2025"]
    assert main([*args, "--format", "pdf", "--output", str(pdf)]) == 0
    assert "A4" in _info(pdf) and pdf.read_bytes().rstrip().endswith(b"%%EOF")
    text = _words(pdf)
    assert f"{BRANCH}2025年主题党日活动台账" in text.replace(" ", "")
    assert "未开展主题党日的月份：2月；6月；8月；11月" in text.replace(" ", "")
    month_row = next(line for line in _lines(pdf) if line and line[0].endswith("/30"))
    assert month_row == [
        f"{d.counts.present}/{d.counts.expected}" for d in ledger.days
    ]  # under each month held, its 实到/应到
    rows = {line[0]: line for line in _lines(pdf) if line}
    for day in ledger.days:
        c = day.counts
        row = rows[day.day.isoformat()]
        assert _run(row, _figures(c)), (row, _figures(c))
    assert _run(rows["全年"], _figures(ledger.counts))
    for member in ledger.members:
        months = [
            "已离开" if m is None and member.left_in(2025, month) else month_text(m)
            for month, m in enumerate(member.months, start=1)
        ]
        row = rows[member.name]
        figures = _figures(member.counts)
        shown = " ".join(row[1:-6]).split()  # the months (blank ones print nothing)
        assert shown == [t for t in months if t] and row[-6:] == figures, (row, months)
    for place, days in ledger.places:
        assert f"{place}（{days}次）" in text.replace(" ", "")
    assert "缺席" in text and "请假：出差" in text.replace(" ", "")


def _figures(c: Counts) -> list[str]:
    """应到, 实到, 请假, 缺席, 出席率 and 列席, as the PDF prints them."""
    numbers = (c.expected, c.present, c.leave, c.absent)
    return [*(str(n) for n in numbers), rate_text(c.rate), str(c.observers)]


def _run(row: list[str], figures: list[str]) -> bool:
    """``figures`` appear together, in order, in the row."""
    return any(row[i : i + len(figures)] == figures for i in range(len(row)))


def test_an_empty_year_prints_one_page_with_no_month_held(qapp, workspace, tmp_path) -> None:
    record_year(workspace, year=2023, months=(3,))
    pdf = render_ledger_pdf(
        build_ledger_summary(load_ledger(workspace, BRANCH, 2024)), tmp_path / "空.pdf"
    )
    assert re.search(r"Pages:\s+1\b", _info(pdf))
    text = _words(pdf).replace(" ", "")
    assert "未开展主题党日的月份：" + "；".join(f"{m}月" for m in range(1, 13)) in text
    assert "全年0000—" in text


def test_a_year_before_the_branchs_first_record_is_not_reported_as_missed(
    qapp, workspace, tmp_path
) -> None:
    """QA s26: a branch that began recording in HongTu in December printed 1–11月 未开展 — filed
    upward, eleven months without a Party-day. The months before its first record are 无记录."""
    record_year(workspace, months=(3,))
    pdf = render_ledger_pdf(
        build_ledger_summary(load_ledger(workspace, BRANCH, 2024)), tmp_path / "空.pdf"
    )
    text = _words(pdf).replace(" ", "")
    assert "未开展主题党日的月份：无；1月—12月无记录（本支部在红途中首次记录活动之前）" in text
    assert "未开展" not in text.split("各月开展情况", 1)[1].split("未开展主题党日的月份", 1)[0]


def test_an_existing_file_is_kept_unless_overwrite(qapp, workspace, tmp_path, capsys) -> None:
    record_year(workspace, months=(3,))
    db = workspace.database.url.removeprefix("sqlite:///")
    pdf = tmp_path / "台账.pdf"
    pdf.write_bytes(b"mine")
    args = ["--db", db, "ledger", "export", "--branch", BRANCH, "--year", "2025"]
    assert main([*args, "--format", "pdf", "--output", str(pdf)]) == 2
    assert pdf.read_bytes() == b"mine"
    assert main([*args, "--format", "pdf", "--output", str(pdf), "--overwrite"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_failed_write_leaves_no_partial_file(qapp, workspace, tmp_path) -> None:
    record_year(workspace, months=(3,))
    summary = build_ledger_summary(load_ledger(workspace, BRANCH, 2025))
    with pytest.raises(ExportError):
        render_ledger_pdf(summary, tmp_path / "no-such-folder" / "台账.pdf")
    assert list(tmp_path.iterdir()) == [] or not (tmp_path / "no-such-folder").exists()


def test_text_typed_by_people_is_printed_as_text(qapp, workspace, tmp_path) -> None:
    record_year(workspace, months=(3,))
    ledger = load_ledger(workspace, BRANCH, 2025)
    plan = workspace.plans.get(ledger.days[0].plan_id)
    plan.title = "<b>粗体</b> &amp; <img src='x'>"
    workspace.plans.save(plan)
    record = workspace.records.for_plan(plan.id)  # the day keeps its own title: corrected
    workspace.records.save(replace(record, title=plan.title))
    summary = build_ledger_summary(load_ledger(workspace, BRANCH, 2025))
    pdf = render_ledger_pdf(summary, tmp_path / "台账.pdf")
    text = _words(pdf, layout=False).replace(" ", "")
    assert "<b>粗体</b>&amp;<imgsrc='x'>" in text


def _page_of(pdf: Path, needle: str) -> int:
    pages = int(re.search(r"Pages:\s+(\d+)", _info(pdf)).group(1))
    for page in range(1, pages + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        if needle in re.sub(r"\s+", "", out):
            return page
    raise AssertionError(needle)


def test_the_members_heading_never_stays_alone_at_a_page_foot(qapp, workspace, tmp_path) -> None:
    """成员全年出勤 ended page 1 alone, its table on page 2: however long the text above it
    (here the list of sites visited), the heading is on the page its table begins, and no
    page is left blank."""
    record_year(workspace, members=30)
    summary = build_ledger_summary(load_ledger(workspace, BRANCH, 2025))
    first = summary.member_rows[0][0]
    for count in range(0, 64, 3):
        places = "；".join(f"某某红色教育基地{n}（1次）" for n in range(count))
        pdf = render_ledger_pdf(replace(summary, places=places), tmp_path / f"台账{count}.pdf")
        heading = _page_of(pdf, re.sub(r"\s+", "", summary.members_heading))
        assert _page_of(pdf, first) == heading, count
        pages = int(re.search(r"Pages:\s+(\d+)", _info(pdf)).group(1))
        for page in range(1, pages + 1):  # every page has something on it
            out = subprocess.run(
                ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                capture_output=True, text=True, check=True,
            ).stdout
            assert re.sub(r"\s+|第\d+页/共\d+页", "", out), (count, page)
