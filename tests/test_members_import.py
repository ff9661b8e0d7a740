"""A branch's roster from XLSX/CSV: columns in Chinese or English, problems by row, nothing
half-imported; `hongtu members import|add|list`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hongtu.cli import main
from hongtu.core.members import (
    MemberFileErrorCode,
    MemberImportError,
    MemberProblemCode,
    PartyStatus,
    members_from_rows,
    read_member_file,
)
from hongtu.core.roster import RosterErrorCode

BRANCH = "机关第二党支部"


def xlsx(path: Path, rows: list[list[object]], *, merge: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_chinese_headers_in_any_order_with_status_and_role(tmp_path) -> None:
    file = xlsx(
        tmp_path / "名册.xlsx",
        [
            ["序号", "政治面貌", "姓名", "职务"],
            [1, "中共党员", "张三", "书记"],
            [2, "预备党员", "李 四", ""],
            [3, "入党积极分子", "王五", "科员"],
            [4, "", "赵六", ""],
        ],
    )
    members = read_member_file(file).members
    assert [(m.name, m.role, m.party_status) for m in members] == [
        ("张三", "书记", PartyStatus.FULL),
        ("李四", "", PartyStatus.PROBATIONARY),  # the padding of a two-character name
        ("王五", "科员", PartyStatus.ACTIVIST),
        ("赵六", "", PartyStatus.OTHER),
    ]


def test_english_headers_in_a_gbk_csv(tmp_path) -> None:
    file = tmp_path / "roster.csv"
    file.write_bytes(
        "Name,Role,Party status,Joined\n张三,Secretary,full,2020/7/1\n李四,,Probationary,\n".encode(
            "gb18030"
        )
    )
    members = read_member_file(file).members
    assert [(m.name, m.role, m.party_status.value) for m in members] == [
        ("张三", "Secretary", "full"),
        ("李四", "", "probationary"),
    ]
    assert members[0].joined_on is not None and members[0].joined_on.isoformat() == "2020-07-01"


@pytest.mark.parametrize(
    ("rows", "merge", "row", "code"),
    [
        ([["姓名"], ["张三"], ["李四"], ["张三"]], None, 4, MemberProblemCode.DUPLICATE),
        ([["姓名"], ["张三"], [None], ["李四"]], None, 3, MemberProblemCode.EMPTY_ROW),
        (
            [["姓名", "职务"], ["张三", "书记"], ["李四", "委员"], ["王五", "组织委员"]],
            "A3:A4",
            4,
            MemberProblemCode.EMPTY_NAME,
        ),
        (
            [["姓名", "政治面貌"], ["张三", "党员"], ["李四", "团员?"]],
            None,
            3,
            MemberProblemCode.UNKNOWN_STATUS,
        ),
    ],
)
def test_a_faulty_roster_names_the_row_and_imports_nobody(
    tmp_path, workspace, capsys, rows, merge, row, code
) -> None:
    file = xlsx(tmp_path / "bad.xlsx", rows, merge=merge)
    with pytest.raises(MemberImportError) as caught:
        read_member_file(file)
    assert [(p.row, p.code) for p in caught.value.problems] == [(row, code)]

    status = main(
        [
            "--db",
            str(workspace.database.url.removeprefix("sqlite:///")),
            "members",
            "import",
            str(file),
            "--branch",
            BRANCH,
        ]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert f"第 {row} 行" in err and "未导入任何人" in err
    assert workspace.members.members(BRANCH) == []


def test_a_wrong_sheet_or_a_file_that_is_no_spreadsheet_is_refused(tmp_path) -> None:
    wrong = xlsx(tmp_path / "wrong.xlsx", [["日期", "金额"], ["2025-01-01", 30]])
    with pytest.raises(MemberImportError) as caught:
        read_member_file(wrong)
    assert caught.value.code is MemberFileErrorCode.NO_NAME_COLUMN
    pdf = tmp_path / "roster.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(MemberImportError) as caught:
        read_member_file(pdf)
    assert caught.value.code is RosterErrorCode.UNSUPPORTED
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(MemberImportError) as caught:
        read_member_file(fake)
    assert caught.value.code is RosterErrorCode.UNREADABLE


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(max_size=8), max_size=4), max_size=8))
def test_any_sheet_either_imports_cleanly_or_is_refused_whole(rows) -> None:
    try:
        members = members_from_rows([["姓名", "政治面貌"], *rows]).members
    except MemberImportError as exc:
        assert exc.code is not None or exc.problems
        return
    names = [m.name for m in members]
    assert len(names) == len(set(names)) and all(names)


def test_cli_imports_adds_and_lists_the_roster(tmp_path, capsys) -> None:
    db = str(tmp_path / "cli.sqlite3")
    file = xlsx(
        tmp_path / "名册.xlsx",
        [["姓名", "职务", "政治面貌"], ["张三", "书记", "正式党员"], ["李四", "", "预备党员"]],
    )
    assert main(["--db", db, "members", "import", str(file), "--branch", BRANCH]) == 0
    assert "新增 2 人" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                db,
                "members",
                "add",
                "--branch",
                BRANCH,
                "--name",
                "王五",
                "--status",
                "入党积极分子",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "members", "list", "--branch", BRANCH, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(m["name"], m["role"], m["party_status"]) for m in listed] == [
        ("张三", "书记", "full"),
        ("李四", "", "probationary"),
        ("王五", "", "activist"),
    ]
    # importing the same file again adds nobody twice
    assert main(["--db", db, "members", "import", str(file), "--branch", BRANCH]) == 0
    assert "新增 0 人" in capsys.readouterr().out
    assert main(["--db", db, "members", "list", "--branch", BRANCH]) == 0
    table = capsys.readouterr().out
    assert "预备党员" in table and table.count("张三") == 1
