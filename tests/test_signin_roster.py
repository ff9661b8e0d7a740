"""The branch's roster fills the 签到表 and its 应到 count (one pipeline: the plan document), in
the window's session, the CLI's fast and full paths and the printed PDF; without a roster the
sheet stays as it was (a blank row per participant)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.cli.common import plan_view
from hongtu.core.document import SigninLine
from hongtu.core.members import Member, PartyStatus
from hongtu.core.pipeline import render_plan
from hongtu.core.settings import Settings
from hongtu.core.storage.quick_read import read_plan_quickly
from hongtu.core.workspace import open_workspace
from hongtu.qt.plan_session import PlanSession

DAY = date(2025, 10, 15)
BRANCH = "第一党支部"  # make_plan's branch


def _roster() -> list[Member]:
    return [
        Member(1, "张三", "书记", PartyStatus.FULL, date(2020, 1, 1)),
        Member(2, "李四", "", PartyStatus.PROBATIONARY),
        Member(3, "王五", "组织委员", PartyStatus.FULL, None, date(2025, 9, 30)),  # left before
        Member(4, "赵六", "", PartyStatus.ACTIVIST, date(2025, 11, 1)),  # joins after the day
        Member(5, "钱七", "宣传委员", PartyStatus.FULL, None, date(2025, 10, 16)),  # leaves later
    ]


def test_the_document_lists_the_members_on_the_roster_that_day() -> None:
    plan = make_plan(on=DAY, participants=30)
    view = render_plan(plan, [], Settings(), today=date(2025, 10, 1), roster=_roster())
    doc = view.document
    assert doc.signin == (
        SigninLine("张三", "书记"),
        SigninLine("李四", ""),
        SigninLine("钱七", "宣传委员"),
    )
    assert doc.expected == 3
    without = render_plan(plan, [], Settings(), today=date(2025, 10, 1)).document
    assert without.signin == () and without.expected == 30


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", out)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_cli_signin_sheet_prints_the_roster_and_its_count(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "signin.sqlite3")
    ws = open_workspace(db)
    for member in _roster():
        ws.members.add(BRANCH, Member(None, *_fields(member)))
    with_roster = ws.plans.save(make_plan(on=DAY, participants=30))
    other = make_plan(on=DAY, participants=12)
    other.branch = "没有名册的支部"
    without_roster = ws.plans.save(other)
    full_path = plan_view(ws, with_roster, Settings()).document  # the workspace path
    ws.close()
    quick = read_plan_quickly(db, with_roster.id)
    assert quick is not None  # the CLI's fast path reads the roster too
    fast_path = render_plan(
        quick.plan, quick.sites, Settings(), today=DAY, roster=quick.roster
    ).document
    assert fast_path.signin == full_path.signin and fast_path.expected == full_path.expected == 3

    pdf = tmp_path / "签到表.pdf"
    args = ["--db", db, "plans", "export", str(with_roster.id), "--format", "signin"]
    assert main([*args, "--output", str(pdf), "--blank-rows", "2"]) == 0
    text = _pdf_text(pdf)
    body = text.split("备注", 1)[1]
    assert re.search(r"1张三书记.*2李四.*3钱七宣传委员", body)
    assert "王五" not in text and "赵六" not in text
    assert "4" in body.split("应到")[0] and "5" in body.split("应到")[0]  # two guest rows
    assert "6" not in body.split("应到")[0]
    assert "应到3人" in text

    plain = tmp_path / "无名册.pdf"
    args = ["--db", db, "plans", "export", str(without_roster.id), "--format", "signin"]
    assert main([*args, "--output", str(plain), "--blank-rows", "0"]) == 0
    text = _pdf_text(plain)
    assert "应到12人" in text and "张三" not in text


def _fields(member: Member) -> tuple[object, ...]:
    return (member.name, member.role, member.party_status, member.joined_on, member.left_on)


def test_the_window_session_uses_the_roster_and_follows_its_changes(qapp, workspace) -> None:
    workspace.members.add(BRANCH, Member(None, "张三", "书记", PartyStatus.FULL))
    plan = workspace.plans.save(make_plan(on=DAY, participants=30))
    session = PlanSession(today=lambda: date(2025, 10, 1))
    session.attach(workspace.plans, [], workspace.members)
    session.open(plan.id)
    assert session.view is not None
    assert [line.name for line in session.view.document.signin] == ["张三"]
    assert session.view.document.expected == 1
    workspace.members.add(BRANCH, Member(None, "李四", "", PartyStatus.OTHER))
    session.roster_changed()
    assert [line.name for line in session.view.document.signin] == ["张三", "李四"]
    # 李四 (其他) signs in as 列席: 应到 counts the Party members
    assert [line.observer for line in session.view.document.signin] == [False, True]
    assert session.view.document.expected == 1
