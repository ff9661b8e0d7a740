"""XLSX: the 日程安排表 as a formatted, printable sheet, and a sheet of stops.

Every text cell is written as a string (never a formula), with Excel's quote prefix when it starts
like one (``= + - @``, tab, CR) so editing it keeps it text. The schedule sheet prints on A4
portrait, one page wide, with the table header repeated on every page. Written by ``sheetml``.
"""

from __future__ import annotations

from dataclasses import replace

from hongtu.core.clocktime import hhmm
from hongtu.core.document import PlanDocument
from hongtu.core.exports._text import formula_like, xml_text
from hongtu.core.exports.sheetml import CellStyle, CellValue, Font, PrintSetup, Sheet, Workbook

FONT = "宋体"
WIDTHS = (10, 14, 30, 24, 28)  # 站点 (and the facts' labels: 集合地点), 时间, 内容, 地点, 说明
PROVISIONAL_TIME_WIDTH = 20  # 时间 when times after a 待定 leg carry （待定）: one line each
_GREY = "808080"  # thin cell borders
_HEADER_FILL = "F3E3E1"
TEXT_FONT = Font(FONT, 11, charset=134)  # GB2312: Excel picks the Chinese face
BOLD_FONT = Font(FONT, 11, bold=True, charset=134)
_TEXT = CellStyle(TEXT_FONT)
_BOLD = CellStyle(BOLD_FONT)
_LABEL = CellStyle(BOLD_FONT, vertical="top")  # beside a value that may wrap onto lines
_TITLE = CellStyle(
    Font(FONT, 16, bold=True, charset=134), horizontal="center", vertical="center", wrap=True
)
_SUBTITLE = CellStyle(Font(FONT, 13, charset=134), horizontal="center")
_HEADER = CellStyle(
    BOLD_FONT,
    fill=_HEADER_FILL,
    border=_GREY,
    horizontal="center",
    vertical="center",
)
_NUMBER = CellStyle(TEXT_FONT, border=_GREY, horizontal="center", vertical="top")
_WRAPPED = CellStyle(TEXT_FONT, wrap=True, vertical="top")
_CELL = CellStyle(TEXT_FONT, border=_GREY, wrap=True, vertical="top")
_LIST_HEADER = CellStyle(BOLD_FONT, fill=_HEADER_FILL)


def render_xlsx(doc: PlanDocument) -> bytes:
    book = Workbook(TEXT_FONT, title=xml_text(doc.title))
    _schedule_sheet(book.add_sheet(doc.labels.schedule_title), doc)
    _stops_sheet(book.add_sheet(doc.labels.col_stop), doc)
    return book.to_bytes()


def put_cell(sheet: Sheet, row: int, column: int, value: CellValue, style: CellStyle) -> None:
    """Writes ``value`` in ``style``; text is never a formula and, when it starts like one, gets
    Excel's quote prefix, as if typed with ' (so it stays text when the cell is edited)."""
    if isinstance(value, str):
        value = xml_text(value)
        if formula_like(value):
            style = replace(style, quote=True)
    sheet.put(row, column, value, style)


def _schedule_sheet(sheet: Sheet, doc: PlanDocument) -> None:
    labels = doc.labels
    last = len(WIDTHS)
    put_cell(sheet, 1, 1, doc.title, _TITLE)
    sheet.merge_row(1, 1, last)
    sheet.heights[1] = 30  # at least; more for a long official title (``fit_heights``)
    put_cell(sheet, 2, 1, labels.schedule_title, _SUBTITLE)
    sheet.merge_row(2, 1, last)
    row = 3
    pairs = doc.facts
    for (left_label, left), (right_label, right) in zip(pairs[::2], pairs[1::2], strict=True):
        put_cell(sheet, row, 1, left_label, _LABEL)
        put_cell(sheet, row, 2, left, _WRAPPED)
        sheet.merge_row(row, 2, 3)
        put_cell(sheet, row, 4, right_label, _LABEL)
        put_cell(sheet, row, 5, right, _WRAPPED)
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
        put_cell(sheet, header_row, column, text, _HEADER)
    row = header_row + 1
    for doc_row in doc.rows:
        number = doc_row.stop_number if doc_row.kind.value == "visit" else None
        content = ("　" * doc_row.level) + doc_row.title
        values = (number, doc_row.time_range, content, doc_row.place_shown, doc_row.details)
        for column, value in enumerate(values, start=1):
            put_cell(sheet, row, column, value, _NUMBER if column == 1 else _CELL)
        row += 1
    row += 1
    put_cell(sheet, row, 1, doc.totals.text, _WRAPPED)
    sheet.merge_row(row, 1, last)
    if doc.notes:
        row += 1
        put_cell(sheet, row, 1, labels.notes, _BOLD)
        for number, line in enumerate(doc.notes, start=1):
            row += 1
            text = f"{number}. {line}" if doc.notes_numbered else line
            put_cell(sheet, row, 1, text, _WRAPPED)
            sheet.merge_row(row, 1, last)
    sheet.widths.update(enumerate(WIDTHS, start=1))
    if any(doc_row.provisional for doc_row in doc.rows):
        sheet.widths[2] = PROVISIONAL_TIME_WIDTH
    sheet.fit_heights()
    sheet.print_setup = PrintSetup(title_rows=(header_row, header_row))
    sheet.frozen_rows = header_row


def _stops_sheet(sheet: Sheet, doc: PlanDocument) -> None:
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
        put_cell(sheet, 1, column, text, _LIST_HEADER)
    for row, stop in enumerate(doc.stops, start=2):
        when = f"{hhmm(stop.start)}–{hhmm(stop.end)}" if stop.start and stop.end else ""
        put_cell(sheet, row, 1, stop.number, _TEXT)
        put_cell(sheet, row, 2, stop.name, _TEXT)
        put_cell(sheet, row, 3, when, _TEXT)
        put_cell(sheet, row, 4, round(stop.point.lat, 6) if stop.point else None, _TEXT)
        put_cell(sheet, row, 5, round(stop.point.lon, 6) if stop.point else None, _TEXT)
        put_cell(sheet, row, 6, "✓" if stop.position_unverified else "", _TEXT)
    sheet.widths.update(enumerate((6, 30, 14, 12, 12, 12), start=1))
    sheet.print_setup = PrintSetup(title_rows=(1, 1))  # A4, one page wide, like the schedule
