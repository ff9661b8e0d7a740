"""Bad rosters are refused whole with the row or the problem named: merged cells (across a row,
down a column), a roster on another sheet, a file that is no spreadsheet; typed members that
cannot be saved; any bytes at all never crash the import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hongtu.cli import main
from hongtu.core.members import (
    Member,
    MemberEditError,
    MemberEditProblem,
    MemberFileErrorCode,
    MemberImportError,
    MemberProblemCode,
    PartyStatus,
    members_from_rows,
    read_member_file,
)
from hongtu.core.roster import MergedRange, RosterErrorCode

BRANCH = "机关第三党支部"


def _book(path: Path, rows: list[list[object]], *merges: str, sheets: int = 1) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    for number in range(1, sheets):
        book.create_sheet(f"Sheet{number + 1}")
    book.save(path)
    return path


def _refused(path: Path) -> MemberImportError:
    with pytest.raises(MemberImportError) as caught:
        read_member_file(path)
    return caught.value


def test_a_group_heading_merged_across_the_row_names_its_row(tmp_path: Path) -> None:
    rows = [["姓名", "职务", "政治面貌"], ["第一党小组"], ["张三", "组长", "党员"]]
    error = _refused(_book(tmp_path / "组.xlsx", rows, "A2:C2"))
    assert [(p.row, p.code, p.text) for p in error.problems] == [
        (2, MemberProblemCode.MERGED, "A2:C2")
    ]


def test_a_role_merged_down_two_rows_names_the_row_that_lost_it(tmp_path: Path) -> None:
    rows = [["姓名", "职务"], ["张三", "委员"], ["李四", None], ["王五", "书记"]]
    error = _refused(_book(tmp_path / "职务.xlsx", rows, "B2:B3"))
    assert [(p.row, p.code) for p in error.problems] == [(3, MemberProblemCode.MERGED)]


def test_a_merged_title_above_the_header_is_fine(tmp_path: Path) -> None:
    rows = [["机关第三党支部党员名册"], ["姓名", "职务"], ["张三", "书记"], ["李四", ""]]
    members = read_member_file(_book(tmp_path / "名册.xlsx", rows, "A1:B1")).members
    assert [m.name for m in members] == ["张三", "李四"]


def test_a_roster_on_the_second_sheet_is_named(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表为2025年党员名册"])
    roster = book.create_sheet("党员名册")
    roster.append(["姓名", "职务"])
    roster.append(["张三", "书记"])
    path = tmp_path / "两个工作表.xlsx"
    book.save(path)
    error = _refused(path)
    assert error.code is MemberFileErrorCode.WRONG_SHEET and error.detail == "党员名册"
    db = str(tmp_path / "cli.sqlite3")
    assert main(["--db", db, "members", "import", str(path), "--branch", BRANCH]) == 2
    assert "工作表“党员名册”" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("header", "row", "columns"),
    [
        (["姓名", "政治面貌", "离开日期", "转出日期"], ["张三", "正式党员", "", "2024-03-01"],
         ("C", "离开日期", "D", "转出日期")),
        (["姓名", "政治面貌", "身份"], ["王五", "正式党员", "群众"],
         ("B", "政治面貌", "C", "身份")),
        (["序号", "姓名", "名字"], ["1", "张三", "张山"], ("B", "姓名", "C", "名字")),
        (["姓名", "转正日期", "转正时间"], ["李四", "", "2023-07-01"],
         ("B", "转正日期", "C", "转正时间")),
        (["Name", "Joined", "入支部日期"], ["张三", "2020-01-01", "2021-01-01"],
         ("B", "Joined", "C", "入支部日期")),
        (["姓名", "入党日期", "政治面貌", "入党时间"], ["李四", "", "预备党员", "2024-07-01"],
         ("B", "入党日期", "D", "入党时间")),
    ],
)  # fmt: skip
def test_two_columns_for_one_field_that_counts_are_refused_naming_both(
    tmp_path: Path, capsys, header: list[str], row: list[str], columns: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """A 转出日期 beside an empty 离开日期 was never read: the member who left stayed on every
    later list (应到). Which column holds the value is not for HongTu to guess."""
    path = tmp_path / "名册.csv"
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    error = _refused(path)
    assert (error.code, error.detail, error.columns) == (
        MemberFileErrorCode.SAME_FIELD_TWICE, "1", columns
    )
    db = str(tmp_path / "cli.sqlite3")
    assert main(["--db", db, "members", "import", str(path), "--branch", BRANCH]) == 2
    letter, first, other, second = columns
    assert capsys.readouterr().err.strip() == (
        f"错误：第 1 行的表头里，{letter} 列“{first}”和 {other} 列“{second}”说的是同一项，"
        "不知道该用哪一列：请删去其中一列（或改名）再导入"
    )
    args = ["--lang", "en", "--db", db, "members", "import", str(path), "--branch", BRANCH]
    assert main(args) == 2
    said = capsys.readouterr().err
    assert f'column {letter} "{first}" and column {other} "{second}" mean the same thing' in said
    assert not Path(db).exists()  # refused before anything was written


def test_a_role_and_a_branch_column_still_import(tmp_path: Path) -> None:
    """职务 and 所在支部 both read as a role: only printed, so the first is taken as before."""
    path = _book(tmp_path / "名册.xlsx", [["姓名", "职务", "所在支部"], ["张三", "书记", "机关"]])
    assert [(m.name, m.role) for m in read_member_file(path).members] == [("张三", "书记")]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", RosterErrorCode.NOT_TEXT),
        ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, RosterErrorCode.NOT_TEXT),
        ("archive.csv", b"PK\x03\x04" + b"\x14" * 40, RosterErrorCode.NOT_TEXT),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", RosterErrorCode.UNSUPPORTED),
        ("roster.docx", b"PK\x03\x04", RosterErrorCode.UNSUPPORTED),
        ("renamed.xlsx", b"%PDF-1.7\n", RosterErrorCode.UNREADABLE),
    ],
)
def test_a_file_that_is_no_spreadsheet_is_named(
    tmp_path: Path, capsys, name: str, data: bytes, code: RosterErrorCode
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    assert _refused(path).code is code
    db = str(tmp_path / "cli.sqlite3")
    assert main(["--db", db, "members", "import", str(path), "--branch", BRANCH]) == 2
    assert capsys.readouterr().err.strip()


_cell = st.one_of(
    st.just(""), st.sampled_from(["张三", "李四", "王五", "党员", "书记"]), st.text(max_size=6)
)


@settings(max_examples=80, deadline=None)
@given(
    rows=st.lists(st.lists(_cell, min_size=1, max_size=3), min_size=1, max_size=8),
    merges=st.lists(st.tuples(st.integers(1, 9), st.integers(0, 2), st.integers(1, 3)), max_size=3),
)
def test_no_member_comes_from_a_row_a_merged_cell_covers(rows, merges) -> None:  # type: ignore[no-untyped-def]
    ranges = tuple(
        MergedRange(first, first + span - 1 if width == 1 else first, width, f"R{first}")
        for first, span, width in ((f, s, w) for f, s, w in merges)
        if span >= 1 or width > 1
    )
    sheet = [["姓名", "职务"], *rows]
    try:
        members = members_from_rows(sheet, ranges).members
    except MemberImportError as exc:
        assert exc.code is not None or exc.problems
        return
    covered = {
        row
        for r in ranges
        for row in range(r.first_row if r.columns > 1 else r.first_row + 1, r.last_row + 1)
        if row > 1
    }
    names = [m.name for m in members]
    assert len(names) == len(set(names))
    # every imported member's row is outside the hidden rows
    member_rows = [n for n in range(2, len(sheet) + 1) if " ".join(sheet[n - 1][0].split())]
    assert not covered & set(member_rows)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
@example(data=b"\r\x01", suffix=".csv")  # a lone CR: the csv module once raised on it
def test_any_bytes_import_or_are_refused_never_crash(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        members = read_member_file(path).members
    except MemberImportError as exc:
        assert exc.code is not None or exc.problems
        return
    assert members and len({m.name for m in members}) == len(members)


def test_typed_members_are_checked_and_history_is_kept(workspace) -> None:  # type: ignore[no-untyped-def]
    store = workspace.members
    zhang = store.add(BRANCH, Member(None, " 张三 ", "书记", PartyStatus.FULL, date(2020, 7, 1)))
    assert zhang.name == "张三"
    with pytest.raises(MemberEditError) as caught:
        store.add(BRANCH, Member(None, "张三", "", PartyStatus.OTHER))
    assert caught.value.problem is MemberEditProblem.DUPLICATE
    with pytest.raises(MemberEditError) as caught:
        store.add(BRANCH, Member(None, "  ", "", PartyStatus.OTHER))
    assert caught.value.problem is MemberEditProblem.EMPTY_NAME
    with pytest.raises(MemberEditError) as caught:
        store.leave(zhang.id, date(2019, 1, 1))
    assert caught.value.problem is MemberEditProblem.LEFT_BEFORE_JOINED
    left = store.leave(zhang.id, date(2025, 3, 1))
    # the same name may join again; the old row stays with its dates
    again = store.add(BRANCH, Member(None, "张三", "委员", PartyStatus.FULL, date(2025, 9, 1)))
    everyone = store.members(BRANCH)
    assert [(m.name, m.left_on) for m in everyone] == [
        ("张三", date(2025, 3, 1)),
        ("张三", None),
    ]
    assert [m.id for m in store.members(BRANCH, on=date(2025, 5, 1))] == []
    assert [m.id for m in store.members(BRANCH, on=date(2025, 10, 1))] == [again.id]
    edited = store.update(Member(again.id, "张三", "副书记", PartyStatus.FULL, date(2025, 9, 1)))
    assert edited.role == "副书记" and left.left_on == date(2025, 3, 1)
    with pytest.raises(MemberEditError):
        store.update(
            Member(again.id, "张三", "", PartyStatus.FULL, date(2025, 9, 1), date(2025, 8, 1))
        )
    assert store.members(BRANCH)[-1].role == "副书记"
    assert BRANCH in store.branches()


def test_a_control_character_in_a_name_is_shown_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("姓名\n\x07张三\n".encode())
    (member,) = read_member_file(path).members
    assert member.name == "\ufffd张三"


def test_roster_dates_and_statuses_as_secretaries_write_them(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    header = ["姓名", "政治面貌", "加入日期", "离开日期"]
    good = [
        header,
        ["张三", "正式党员", "2021年5月1日", ""],
        ["李四", "共青团员", "2021/5/1", "2024.6.30"],
        ["王五", "团员", "2021-05-01", ""],
        ["赵六", "群众", "", ""],
    ]
    members = read_member_file(_book(tmp_path / "名册.xlsx", good)).members
    assert [(m.name, m.party_status, m.joined_on, m.left_on) for m in members] == [
        ("张三", PartyStatus.FULL, date(2021, 5, 1), None),
        ("李四", PartyStatus.OTHER, date(2021, 5, 1), date(2024, 6, 30)),
        ("王五", PartyStatus.OTHER, date(2021, 5, 1), None),
        ("赵六", PartyStatus.OTHER, None, None),
    ]
    bad = [
        header,
        ["郑三", "党员", "五月一日", ""],
        ["周四", "党员", "2021-05-01", "2021-13-01"],
        ["吴五", "党员", "2022-05-01", "2021-05-01"],
    ]
    path = _book(tmp_path / "错.xlsx", bad)
    assert [(p.row, p.code, p.text) for p in _refused(path).problems] == [
        (2, MemberProblemCode.BAD_DATE, "五月一日"),
        (3, MemberProblemCode.BAD_DATE, "2021-13-01"),
        (4, MemberProblemCode.LEFT_BEFORE_JOINED, "吴五"),
    ]
    assert main(["members", "import", str(path), "--branch", BRANCH]) != 0
    said = capsys.readouterr().err
    assert "第 2 行的日期无法识别（“五月一日”）" in said and "郑三" not in said
    assert "第 4 行（吴五）的离开日期早于加入日期" in said
