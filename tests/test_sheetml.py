"""The XLSX writer (``hongtu.core.exports.sheetml``), read back by openpyxl.

A spreadsheet program must show every cell as written: any text a user can type, numbers,
styles, merged ranges, sheet names, print titles; and the package must hold exactly the parts
it declares, each well-formed XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from xml.dom.minidom import parseString

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from hongtu.core.exports.sheetml import (
    CellStyle,
    Font,
    PrintSetup,
    Workbook,
    column_letter,
    sheet_name,
)
from hongtu.core.text import clean_text
from typed_text import typed_text

PLAIN = CellStyle(Font("宋体", 11, charset=134))
TYPED = typed_text("=+-@<>&_x0041_")  # formula starts, markup, Excel's _xHHHH_ escapes
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def _shown(value: object) -> object:
    """A cell's text as Excel shows it: ``_xHHHH_`` stands for that character (openpyxl keeps
    the escape as written)."""
    if not isinstance(value, str):
        return value
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), value)


def _read(book: Workbook) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(book.to_bytes(NOW)))


@settings(max_examples=120, deadline=None)
@given(texts=st.lists(TYPED, min_size=1, max_size=6))
@example(texts=["_x0041_ 与 _X00e9_", " 前后空格 ", "=SUM(A1)", "a\r\nb", ""])
def test_typed_text_reads_back_as_written(texts: list[str]) -> None:
    book = Workbook(PLAIN.font)
    sheet = book.add_sheet("名单")
    for row, text in enumerate(texts, start=1):
        sheet.put(row, 2, text, PLAIN)
    read = _read(book)["名单"]
    for row, text in enumerate(texts, start=1):
        expected = clean_text(text) or None  # an empty cell reads as no value
        assert _shown(read.cell(row, 2).value) == expected


@given(
    numbers=st.lists(
        st.one_of(st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False)),
        min_size=1,
        max_size=8,
    )
)
def test_numbers_read_back_as_the_same_numbers(numbers: list[int | float]) -> None:
    book = Workbook(PLAIN.font)
    sheet = book.add_sheet("数")
    for column, number in enumerate(numbers, start=1):
        sheet.put(1, column, number, PLAIN)
    read = _read(book)["数"]
    assert [read.cell(1, c).value for c in range(1, len(numbers) + 1)] == numbers


def test_a_cell_refuses_what_a_spreadsheet_cannot_hold() -> None:
    sheet = Workbook(PLAIN.font).add_sheet("x")
    for bad in (float("nan"), float("inf")):
        sheet.put(1, 1, bad, PLAIN)
        with pytest.raises(ValueError):
            Workbook(PLAIN.font, sheets=[sheet]).to_bytes()
    sheet.put(1, 1, True, PLAIN)
    with pytest.raises(TypeError):
        Workbook(PLAIN.font, sheets=[sheet]).to_bytes()
    with pytest.raises(ValueError):
        sheet.put(0, 1, "x", PLAIN)
    with pytest.raises(ValueError):
        sheet.put(1, 16_385, "x", PLAIN)


def test_styles_merges_widths_and_print_setup_are_what_excel_reads() -> None:
    book = Workbook(PLAIN.font, title="第一党支部 <活动> & 记录")
    sheet = book.add_sheet("日程安排表")
    big = Font("宋体", 16, bold=True)
    title = CellStyle(big, horizontal="center", vertical="center", wrap=True)
    header = CellStyle(Font("黑体", 11, bold=True), fill="F3E3E1", border="808080")
    sheet.put(1, 1, "标题", title)
    sheet.merge_row(1, 1, 5)
    sheet.heights[1] = 30
    for column in range(1, 6):
        sheet.put(3, column, f"列{column}", header)
    sheet.put(4, 3, "=1+1", CellStyle(PLAIN.font, quote=True))
    sheet.widths.update({1: 6, 3: 30.5})
    sheet.print_setup = PrintSetup(title_rows=(3, 3))
    sheet.frozen_rows = 3
    book.add_sheet("站点").put(1, 1, 1.5, PLAIN)

    read = _read(book)
    first = read["日程安排表"]
    assert [str(r) for r in first.merged_cells.ranges] == ["A1:E1"]
    cell = first["A1"]
    assert (cell.font.name, cell.font.sz, cell.font.b) == ("宋体", 16, True)
    assert (cell.alignment.horizontal, cell.alignment.vertical, cell.alignment.wrap_text) == (
        "center",
        "center",
        True,
    )
    head = first["C3"]
    assert head.font.name == "黑体" and head.fill.fgColor.rgb == "FFF3E3E1"
    assert head.border.left.style == head.border.bottom.style == "thin"
    assert first["C4"].value == "=1+1" and first["C4"].data_type == "s" and first["C4"].quotePrefix
    assert first.row_dimensions[1].height == 30
    assert (first.column_dimensions["A"].width, first.column_dimensions["C"].width) == (6, 30.5)
    assert first.freeze_panes == "A4"
    assert first.print_title_rows == "$3:$3"
    assert int(first.page_setup.paperSize) == 9 and first.page_setup.orientation == "portrait"
    assert int(first.page_setup.fitToWidth) == 1 and int(first.page_setup.fitToHeight) == 0
    assert first.sheet_properties.pageSetUpPr.fitToPage
    assert read["站点"]["A1"].value == 1.5 and read["站点"].freeze_panes is None
    assert read.properties.title == "第一党支部 <活动> & 记录"
    assert read.properties.creator == "HongTu"


def test_the_package_holds_exactly_its_declared_parts_each_well_formed() -> None:
    book = Workbook(PLAIN.font, title="\x07控制符")
    book.add_sheet("一").put(1, 1, "<&>\x00", PLAIN)
    book.add_sheet("二")
    with zipfile.ZipFile(io.BytesIO(book.to_bytes(NOW))) as archive:
        names = set(archive.namelist())
        for name in names:
            parseString(archive.read(name))
        types = archive.read("[Content_Types].xml").decode()
    overrides = set(re.findall(r'PartName="/([^"]+)"', types))
    assert overrides == names - {"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"}


@given(wanted=st.lists(TYPED, min_size=1, max_size=5))
def test_any_sheet_names_become_names_excel_accepts(wanted: list[str]) -> None:
    book = Workbook(PLAIN.font)
    for name in wanted:
        sheet = book.add_sheet(name)
        sheet.put(1, 1, name, PLAIN)
        sheet.print_setup = PrintSetup(title_rows=(1, 1))
    names = [s.name for s in book.sheets]
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert 1 <= len(name) <= 31 and not re.search(r"[:\\/?*\[\]]", name)
        assert not name.startswith("'") and not name.endswith("'")
    read = _read(book)
    assert read.sheetnames == names
    assert all(read[n].print_title_rows == "$1:$1" for n in names)


def test_sheet_names_keep_what_they_can() -> None:
    assert sheet_name("2025年台账", []) == "2025年台账"
    assert sheet_name("a/b:c", []) == "a_b_c"
    assert sheet_name("台账", ["台账"]) == "台账 (2)"
    assert len(sheet_name("长" * 40, ["长" * 31])) == 31


def test_column_letters_are_excels_for_every_column() -> None:
    assert [column_letter(c) for c in range(1, 16_385)] == [
        get_column_letter(c) for c in range(1, 16_385)
    ]
