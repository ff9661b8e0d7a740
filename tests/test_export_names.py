"""Export file names for any title (bytes, Windows rules) and rosters from XLSX/CSV files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.core.export_names import (
    MAX_NAME_BYTES,
    RESERVED_NAMES,
    WINDOWS_FORBIDDEN,
    default_file_name,
    safe_file_name,
    with_suffix,
)
from hongtu.core.roster import RosterError, RosterErrorCode, RosterProblemCode, read_roster

DAY = date(2026, 7, 1)
LONG_TITLE = ("学习贯彻党的二十大精神暨重温红色记忆主题党日活动" * 6)[:120]


def valid(name: str) -> bool:
    return (
        0 < len(name.encode("utf-8")) <= MAX_NAME_BYTES
        and not (set(name) & WINDOWS_FORBIDDEN)
        and all(ord(ch) >= 32 for ch in name)
        and not name.endswith((".", " "))
        and name.split(".")[0].upper() not in RESERVED_NAMES
    )


def test_a_120_character_title_fits_in_255_bytes_and_keeps_date_and_kind() -> None:
    name = default_file_name(DAY, LONG_TITLE, "日程安排表", ".pdf")
    assert valid(name) and name.startswith("20260701-学习") and name.endswith("-日程安排表.pdf")
    assert len(name.encode("utf-8")) <= 255 < len(LONG_TITLE.encode("utf-8")) + 30


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=300), kind=st.sampled_from(["签到表", "活动方案", "", "x" * 300]))
def test_every_title_gives_a_valid_name(title: str, kind: str) -> None:
    for suffix in (".pdf", ".docx", ".xlsx"):
        name = default_file_name(DAY, title, kind, suffix)
        assert valid(name) and name.endswith(suffix)


def test_the_name_can_be_written_on_this_file_system(tmp_path: Path) -> None:
    name = default_file_name(DAY, LONG_TITLE + '<>:"/\\|?* . ', "签到表", ".pdf")
    (tmp_path / name).write_bytes(b"%PDF")
    assert (tmp_path / name).exists()


@pytest.mark.parametrize("stem", ["CON", "nul", "com1", "LPT9.tar"])
def test_reserved_device_names_get_a_prefix(stem: str) -> None:
    assert valid(safe_file_name(stem, ".pdf"))


def test_the_extension_follows_the_format() -> None:
    assert with_suffix(Path("/d/x.docx"), ".pdf") == Path("/d/x.pdf")
    assert with_suffix(Path("/d/x.PDF"), ".pdf") == Path("/d/x.PDF")
    assert with_suffix(Path("/d/七一.v2"), ".pdf") == Path("/d/七一.v2.pdf")
    assert with_suffix(Path("/d/plan"), ".xlsx") == Path("/d/plan.xlsx")


# ---- rosters ------------------------------------------------------------------------------------


def test_an_xlsx_roster_with_a_header_and_problem_rows(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["序号", "姓名", "职务"],
        [1, "张三", "书记"],
        [2, None, "委员"],
        [3, "李四", None],
        [4, "张三", "书记"],
        [5, "很" * 40, ""],
    ):
        sheet.append(row)
    path = tmp_path / "名单.xlsx"
    book.save(path)
    roster = read_roster(path)
    assert [e.line() for e in roster.entries] == ["张三\t书记", "李四"]
    assert [(p.row, p.code) for p in roster.problems] == [
        (3, RosterProblemCode.EMPTY_NAME),
        (5, RosterProblemCode.DUPLICATE),
        (6, RosterProblemCode.NAME_TOO_LONG),
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_a_csv_roster_as_excel_saves_it(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("王五,组织委员\n赵六,\n\n孙七,宣传委员\n".encode(encoding))
    roster = read_roster(path)
    assert [e.line() for e in roster.entries] == ["王五\t组织委员", "赵六", "孙七\t宣传委员"]
    assert roster.problems == ()


def test_a_roster_without_names_or_of_another_kind_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "空.csv"
    empty.write_text("姓名,职务\n", encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        read_roster(empty)
    assert caught.value.code is RosterErrorCode.EMPTY
    with pytest.raises(RosterError) as caught:
        read_roster(tmp_path / "名单.doc")
    assert caught.value.code is RosterErrorCode.UNSUPPORTED
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(RosterError) as caught:
        read_roster(broken)
    assert caught.value.code is RosterErrorCode.UNREADABLE
