"""应到/实到 count Party members: as in a branch's 组织生活 record, 应到, 实到, 请假, 缺席 and
出席率 are over the 正式党员 and 预备党员 on the roster that day; an 入党积极分子 or anyone else
who came is 列席 (attending, not expected), shown as 列席 N beside the figures and as 列席 in the
members' months, in the record dialog, the 台账 window, ``ledger show`` and every export. A
roster without 政治面貌 (everyone 其他) is named, so a small 应到 does not go unexplained."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from factories import make_plan
from hongtu.cli import main
from hongtu.core.exports.ledger_docx import render_ledger_docx
from hongtu.core.exports.ledger_summary import build_ledger_summary
from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx
from hongtu.core.ledger import build_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.pipeline import render_plan
from hongtu.core.records import ActivityRecord, Guest, everyone_present
from hongtu.core.settings import Settings
from hongtu.qt.ledger_view import LedgerWindow
from hongtu.qt.tasks import SyncRunner

BRANCH = "第一党支部"  # make_plan's branch
DAY = date(2025, 5, 9)
ROSTER = [
    Member(1, "张三", "书记", PartyStatus.FULL),
    Member(2, "李四", "", PartyStatus.PROBATIONARY),
    Member(3, "王五", "", PartyStatus.FULL),
    Member(4, "赵六", "", PartyStatus.ACTIVIST),
    Member(5, "钱七", "", PartyStatus.ACTIVIST),
    Member(6, "孙八", "", PartyStatus.OTHER),
]


def _record() -> ActivityRecord:
    """王五 on leave; 钱七 (入党积极分子) absent; 赵六 and 孙八 came, and one guest."""
    attendance = everyone_present(ROSTER, DAY, leave={3: "出差"}, absent=[5])
    return ActivityRecord(1, DAY, attendance, guests=(Guest("区委组织部 刘老师"),))


def test_the_day_counts_party_members_and_the_others_are_observers() -> None:
    ledger = build_ledger(BRANCH, 2025, [_record()], {}, ROSTER, today=date(2025, 12, 31))
    (day,) = ledger.days
    c = day.counts
    assert (c.expected, c.present, c.leave, c.absent, c.observers) == (3, 2, 1, 0, 3)
    assert c.rate == pytest.approx(2 / 3)
    assert day.observers == ("赵六", "孙八", "区委组织部 刘老师")
    assert [m.name for m in day.missing] == ["王五"]  # 钱七 was not expected
    months = {m.name: m.months[DAY.month - 1] for m in ledger.members}
    zhang, zhao = months["张三"], months["赵六"]
    assert zhang is not None and (zhang.expected, zhang.present, zhang.observers) == (1, 1, 0)
    assert zhao is not None and (zhao.expected, zhao.present, zhao.observers) == (0, 0, 1)
    summary = build_ledger_summary(ledger)
    rows = {row[0]: row for row in summary.member_rows}
    month = DAY.month
    assert (rows["张三"][month], rows["王五"][month]) == ("1/1", "假")
    assert (rows["赵六"][month], rows["孙八"][month], rows["钱七"][month]) == ("列席", "列席", "")
    assert rows["赵六"][-6:] == ("0", "0", "0", "0", "—", "1")
    assert summary.day_rows[0][3:9] == ("3", "2", "1", "0", "66.7%", "3")
    assert summary.months[month - 1][2] == "2/3"


def test_the_documents_print_the_observers_beside_the_figures() -> None:
    ledger = build_ledger(BRANCH, 2025, [_record()], {}, ROSTER, today=date(2025, 12, 31))
    book = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))
    year = [[c.value for c in row] for row in book["2025年"].iter_rows()]
    assert year[0][5:12] == ["应到", "实到", "请假", "缺席", "出席率", "列席", "缺席及原因"]
    assert year[1][5:12] == [3, 2, 1, 0, pytest.approx(2 / 3), 3, "王五（请假：出差）"]
    assert "只计党员" in year[-1][0]
    members = {r[0]: r for r in ([c.value for c in row] for row in book["成员出勤"].iter_rows())}
    assert members["赵六"][2] == "入党积极分子" and members["赵六"][3 + DAY.month - 1] == "列席"
    assert members["孙八"][2] == "其他" and members["孙八"][20] == 1

    document = Document(io.BytesIO(render_ledger_docx(ledger)))
    _months, _days, _members, page = document.tables
    fields = {r.cells[0].text: r.cells[1].text for r in page.rows}
    assert fields["出勤"] == "应到 3，实到 2，请假 1，缺席 0，出席率 66.7%，列席 3"
    assert fields["列席"] == "赵六；孙八；区委组织部 刘老师"
    assert fields["缺席及原因"] == "王五（请假：出差）"


def _seed(db: str) -> int:
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(db)
    try:
        workspace.members.import_members(
            BRANCH, [Member(None, m.name, m.role, m.party_status) for m in ROSTER]
        )
        roster = workspace.members.members(BRANCH)
        ids = {m.name: m.id for m in roster}
        plan = workspace.plans.save(make_plan(on=DAY))
        attendance = everyone_present(
            roster, DAY, leave={ids["王五"]: "出差"}, absent=[ids["钱七"]]
        )
        workspace.records.save(ActivityRecord(plan.id, DAY, attendance), today=DAY)
        return plan.id
    finally:
        workspace.close()


def test_ledger_show_prints_the_observers_and_names_the_members_of_status_other(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "o.sqlite3")
    _seed(db)
    assert main(["--db", db, "ledger", "show", "--branch", BRANCH, "--year", "2025"]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("日期"))
    assert header.split()[2:] == ["应到", "实到", "请假", "缺席", "出席率", "列席"]
    row = next(line for line in out.splitlines() if line.startswith(DAY.isoformat()))
    assert row.split()[-6:] == ["3", "2", "1", "0", "66.7%", "2"]
    assert "只计党员（正式党员和预备党员）" in out
    assert "1 人的政治面貌是“其他”" in out and "孙八" in out


def test_the_ledger_window_explains_a_roster_without_party_status(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hongtu.core.workspace import open_workspace

    db = str(tmp_path / "o.sqlite3")
    plan_id = _seed(db)
    workspace = open_workspace(db)
    try:
        window = LedgerWindow(
            workspace, branch=BRANCH, runner=SyncRunner(), today=lambda: date(2025, 12, 31)
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert "应到 3，实到 2，请假 1，缺席 0，出席率 66.7%，列席 2" in window.totals.text()
        assert window.others.isVisible() and "孙八" in window.others.text()
        assert "成员名单" in window.others.text()
        members = {row[0]: row for row in window.members_model.rows()}
        assert members["赵六"][DAY.month] == "列席" and members["钱七"][DAY.month] == ""
        assert "列席" in window.members_note.text()
        # the roster corrected: the recorded day keeps its figures and says the roster differs
        sun = next(m for m in workspace.members.members(BRANCH) if m.name == "孙八")
        workspace.members.update(Member(sun.id, "孙八", "", PartyStatus.FULL), was=sun)
        window.refresh()
        assert "应到 3，实到 2" in window.totals.text()
        assert "孙八当天按名单是正式党员，记录为列席" in window.roster_notes.text()
        # the day corrected (记录活动 saves it again): the warning goes
        record = workspace.records.for_plan(plan_id)
        assert record is not None
        workspace.records.save(record, today=DAY)
        window.refresh()
        assert not window.others.isVisible() and not window.roster_notes.isVisible()
        assert "应到 4，实到 3" in window.totals.text()
        window.close()
    finally:
        workspace.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_signin_sheet_counts_party_members_and_marks_the_others(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(on=DAY, participants=30)
    doc = render_plan(plan, [], Settings(), today=DAY - timedelta(days=5), roster=ROSTER).document
    assert doc.expected == 3
    assert [(s.name, s.observer) for s in doc.signin][3:] == [
        ("赵六", True), ("钱七", True), ("孙八", True)
    ]  # fmt: skip
    from hongtu.qt.printing import render_signin_pdf

    pdf = render_signin_pdf(doc, tmp_path / "签到表.pdf", [], 0)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    assert "应到3人" in flat and "列席____人" in flat
    row = next(line for line in text.splitlines() if "赵六" in line)
    assert row.rstrip().endswith("列席")
    row = next(line for line in text.splitlines() if "张三" in line)
    assert "列席" not in row


def test_a_record_saved_from_the_command_line_says_the_observers(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from hongtu.core.workspace import open_workspace

    db = str(tmp_path / "o.sqlite3")
    workspace = open_workspace(db)
    try:
        workspace.members.import_members(
            BRANCH, [Member(None, m.name, m.role, m.party_status) for m in ROSTER]
        )
        plan_id = workspace.plans.save(make_plan(on=date.today() - timedelta(days=2))).id
    finally:
        workspace.close()
    args = ["--db", db, "record", str(plan_id), "--leave", "王五=出差", "--absent", "钱七"]
    assert main(args) == 0
    assert "应到 3，实到 2，请假 1，缺席 0，列席 2" in capsys.readouterr().out
