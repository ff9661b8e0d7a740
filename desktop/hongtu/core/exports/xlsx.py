"""XLSX (openpyxl): the 日程安排表 as a formatted, printable sheet, and a sheet of stops.

Every text cell is written as a string (never a formula), with Excel's quote prefix when it starts
like one (``= + - @``, tab, CR) so editing it keeps it text. The schedule sheet prints on A4
portrait, one page wide, with the table header repeated on every page.
"""

from __future__ import annotations

import io
from copy import copy
from weakref import WeakKeyDictionary

import hongtu.core.exports._openpyxl  # noqa: F401  # first: openpyxl without numpy

# isort: split
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from hongtu.core.clocktime import hhmm
from hongtu.core.document import PlanDocument
from hongtu.core.exports._text import formula_like, xml_text

FONT = "宋体"
WIDTHS = (6, 14, 30, 24, 28)  # 站点, 时间, 内容, 地点, 说明 (characters)
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="F3E3E1")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TEXT = Font(name=FONT, size=11)
_BOLD = Font(name=FONT, size=11, bold=True)
_TITLE = Font(name=FONT, size=16, bold=True)
_SUBTITLE = Font(name=FONT, size=13)
_TITLE_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_SUBTITLE_ALIGN = Alignment(horizontal="center")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center")
_NUMBER_ALIGN = Alignment(horizontal="center", vertical="top")

# Each distinct cell style is built once per workbook and then copied: openpyxl hashes every
# style object again on each assignment, which was most of a 200-stop sheet's time. Keys are
# the ids of the module's style constants above (they live as long as the module).
_STYLES: WeakKeyDictionary[Workbook, dict[tuple[int, ...], StyleArray]] = WeakKeyDictionary()


def render_xlsx(doc: PlanDocument) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = doc.labels.schedule_title
    _schedule_sheet(sheet, doc)
    _stops_sheet(book.create_sheet(doc.labels.col_stop), doc)
    book.properties.title = xml_text(doc.title)
    book.properties.creator = "HongTu"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _put(
    sheet: Worksheet,
    row: int,
    column: int,
    value: str | int | float | None,
    *,
    font: Font = _TEXT,
    alignment: Alignment | None = None,
    border: Border | None = None,
    fill: PatternFill | None = None,
) -> Cell:
    """Writes ``value`` (text never a formula) with the given style constants of this module."""
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell), "never written into the hidden part of a merged range"
    quote = False
    if isinstance(value, str):
        text = xml_text(value)
        cell.value = text
        cell.data_type = "s"  # a leading "=" stays text, never a formula
        # and stays text when the cell is edited: Excel's quote prefix, as if typed with '
        quote = formula_like(text)
    else:
        cell.value = value
    book = sheet.parent
    assert book is not None
    styles = _STYLES.setdefault(book, {})
    key = (id(font), id(alignment), id(border), id(fill), quote)
    style = styles.get(key)
    if style is not None:
        cell._style = copy(style)  # type: ignore[attr-defined]  # openpyxl's style copy
        return cell
    cell.font = font
    cell.quotePrefix = quote
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    if fill is not None:
        cell.fill = fill
    styles[key] = copy(cell._style)  # type: ignore[attr-defined]
    return cell


def _schedule_sheet(sheet: Worksheet, doc: PlanDocument) -> None:
    labels = doc.labels
    last = len(WIDTHS)
    _put(sheet, 1, 1, doc.title, font=_TITLE, alignment=_TITLE_ALIGN)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.row_dimensions[1].height = 30
    _put(sheet, 2, 1, labels.schedule_title, font=_SUBTITLE, alignment=_SUBTITLE_ALIGN)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    facts = [
        (
            labels.date,
            f"{doc.date_text}（{doc.weekday}）",
            labels.gathering_time,
            doc.gathering_time_text,
        ),
        (labels.gathering_place, doc.gathering_place, labels.transport, doc.transport),
        (
            labels.attendees,
            doc.participants_text,
            labels.contact,
            " ".join(p for p in (doc.contact, doc.phone) if p),
        ),
    ]
    row = 3
    for left_label, left, right_label, right in facts:
        _put(sheet, row, 1, left_label, font=_BOLD)
        _put(sheet, row, 2, left)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        _put(sheet, row, 4, right_label, font=_BOLD)
        _put(sheet, row, 5, right)
        row += 1
    header_row = row + 1
    headers = (
        labels.col_stop,
        labels.col_time,
        labels.col_content,
        labels.col_place,
        labels.col_details,
    )
    for column, text in enumerate(headers, start=1):
        _put(
            sheet,
            header_row,
            column,
            text,
            font=_BOLD,
            fill=_HEADER_FILL,
            border=_BORDER,
            alignment=_HEADER_ALIGN,
        )
    row = header_row + 1
    for doc_row in doc.rows:
        number = doc_row.stop_number if doc_row.kind.value == "visit" else None
        content = ("　" * doc_row.level) + doc_row.title
        values = (number, doc_row.time_range, content, doc_row.place_shown, doc_row.details)
        for column, value in enumerate(values, start=1):
            align = _NUMBER_ALIGN if column == 1 else _WRAP
            _put(sheet, row, column, value, border=_BORDER, alignment=align)
        row += 1
    row += 1
    _put(sheet, row, 1, doc.totals.text)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    if doc.notes:
        row += 1
        _put(sheet, row, 1, labels.notes, font=_BOLD)
        for number, line in enumerate(doc.notes, start=1):
            row += 1
            _put(sheet, row, 1, f"{number}. {line}", alignment=_WRAP)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _print_setup(sheet, header_row)


def _print_setup(sheet: Worksheet, header_row: int) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.7
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = f"A{header_row + 1}"


def _stops_sheet(sheet: Worksheet, doc: PlanDocument) -> None:
    labels = doc.labels
    headers = (
        labels.col_number,
        labels.col_stop,
        labels.col_time,
        labels.col_lat,
        labels.col_lon,
        labels.position_unverified,
    )
    for column, text in enumerate(headers, start=1):
        _put(sheet, 1, column, text, font=_BOLD, fill=_HEADER_FILL)
    for row, stop in enumerate(doc.stops, start=2):
        when = f"{hhmm(stop.start)}–{hhmm(stop.end)}" if stop.start and stop.end else ""
        _put(sheet, row, 1, stop.number)
        _put(sheet, row, 2, stop.name)
        _put(sheet, row, 3, when)
        _put(sheet, row, 4, round(stop.point.lat, 6) if stop.point else None)
        _put(sheet, row, 5, round(stop.point.lon, 6) if stop.point else None)
        _put(sheet, row, 6, "✓" if stop.position_unverified else "")
    for letter, width in zip("ABCDEF", (6, 30, 14, 12, 12, 12), strict=True):
        sheet.column_dimensions[letter].width = width


put_cell = _put  # text never a formula: shared with the ledger's XLSX (``ledger_xlsx``)
