"""A small SpreadsheetML (XLSX) writer: the parts HongTu's sheets use, nothing more.

Cells hold text (always text, never a formula: an inline string), numbers or nothing, with a
``CellStyle`` (font, fill, thin border, alignment, Excel's quote prefix, a number format such
as ``0.0%``); a sheet has merged
ranges, column widths, row heights, frozen header rows and an A4 print setup (fit to page
width, repeated title rows, margins). The parts and their element order follow ECMA-376's
schemas (as openpyxl, whose files Excel and WPS open, writes them); ``tests/test_sheetml.py``
reads every file back with openpyxl.

Written here rather than with openpyxl: a command-line export of a ten-row sheet paid about
0.1 s for importing openpyxl, more than the whole export of any other format.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime

from hongtu.core.exports._opc import OFFICE, REL, package, relationships
from hongtu.core.text import clean_line, clean_text, display_width
from hongtu.core.text import escape_markup as escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# "_x0041_" in a cell is read by Excel as the character it names; a literal one is escaped
# by escaping its underscore (ECMA-376 Part 1, 22.9.2.19 ST_Xstring)
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
DEFAULT_WIDTH = 8.43  # a column's width without one of its own (characters of the font)
DEFAULT_HEIGHT = 15.0  # a row's height without one of its own (points; <sheetFormatPr>)
BASE_POINTS = 11  # the size the widths are measured at (the workbook fonts' size)
LINE_SPACING = 1.3  # a line of text in a row, in points per point of its font's size

CellValue = str | int | float | None
FIRST_CUSTOM_FORMAT = 164  # the ids below are Excel's built-in number formats


@dataclass(frozen=True)
class Font:
    name: str
    size: float
    bold: bool = False
    charset: int | None = None  # 134: GB2312, so Excel picks a Chinese face for the name


@dataclass(frozen=True)
class CellStyle:
    font: Font
    fill: str | None = None  # solid fill, "RRGGBB"
    border: str | None = None  # thin lines on all four sides in this colour, "RRGGBB"
    horizontal: str | None = None  # "center", …
    vertical: str | None = None  # "top", "center", …
    wrap: bool = False
    quote: bool = False  # Excel's quote prefix: the text stays text when edited
    number_format: str | None = None  # how a number shows ("0.0%": 0.8333 as 83.3%)


@dataclass
class PrintSetup:
    """A4, one page wide (as many pages long as it takes); portrait unless ``landscape``."""

    title_rows: tuple[int, int] | None = None  # repeated at the top of every page
    landscape: bool = False
    centered: bool = True
    margins: tuple[float, float, float, float] = (0.6, 0.6, 0.7, 0.7)  # left right top bottom, in


@dataclass
class Sheet:
    name: str
    cells: dict[int, dict[int, tuple[CellValue, CellStyle]]] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)  # column → characters
    heights: dict[int, float] = field(default_factory=dict)  # row → points
    frozen_rows: int = 0  # rows above this stay on screen when scrolling
    print_setup: PrintSetup | None = None

    def put(self, row: int, column: int, value: CellValue, style: CellStyle) -> None:
        if not (1 <= row <= MAX_ROWS and 1 <= column <= MAX_COLUMNS):
            raise ValueError(f"no cell at row {row}, column {column}")
        self.cells.setdefault(row, {})[column] = (value, style)

    def merge_row(self, row: int, first_column: int, last_column: int) -> None:
        """One cell across ``first_column``…``last_column`` of ``row`` (its first cell's value)."""
        self.merged.append((row, first_column, row, last_column))

    def fit_heights(self) -> None:
        """Every row tall enough for the wrapped text in it. Excel, WPS and LibreOffice show a
        row at its stored height, and none fits a merged cell, so a long title or a two-line
        address would be cut off, or run into the row below, on screen and on paper.

        A cell's lines are counted from its text's width (a 汉字 two units, as wide as two
        digits of the sheet's font), its font's size and the width of its column, or of the
        columns it is merged across."""
        spans = {
            (row, first): sum(self.widths.get(c, DEFAULT_WIDTH) for c in range(first, last + 1))
            for row, first, _, last in self.merged
        }
        for row, cells in self.cells.items():
            needed = 0.0
            for column, (value, style) in cells.items():
                if not (style.wrap and isinstance(value, str)):
                    continue
                width = spans.get((row, column), self.widths.get(column, DEFAULT_WIDTH))
                lines = wrapped_lines(value, width * BASE_POINTS / style.font.size)
                needed = max(needed, lines * style.font.size * LINE_SPACING + 3)
            if needed > self.heights.get(row, DEFAULT_HEIGHT):
                self.heights[row] = round(needed, 1)


def wrapped_lines(text: str, units: float) -> int:
    """How many lines ``text`` takes in a cell ``units`` wide (in the font's half-width
    characters), wrapped between characters; one unit is kept for the cell's padding, and a
    line break always starts a new line."""
    room = max(units - 1, 1)
    return sum(max(1, math.ceil(display_width(line) / room)) for line in text.split("\n"))


@dataclass
class Workbook:
    font: Font  # the Normal style's, of every cell without a style of its own
    title: str = ""
    creator: str = "HongTu"
    sheets: list[Sheet] = field(default_factory=list)

    def add_sheet(self, name: str) -> Sheet:
        sheet = Sheet(sheet_name(name, [s.name for s in self.sheets]))
        self.sheets.append(sheet)
        return sheet

    def to_bytes(self, now: datetime | None = None) -> bytes:
        if not self.sheets:
            raise ValueError("a workbook needs a sheet")
        styles = _StyleTable(self.font)
        sheet_parts = [_sheet_xml(sheet, styles) for sheet in self.sheets]  # fills ``styles``
        count = len(self.sheets)
        kind = f"{OFFICE}.spreadsheetml"
        worksheet = f"{kind}.worksheet+xml"
        parts = {
            "xl/workbook.xml": (f"{kind}.sheet.main+xml", _workbook_xml(self.sheets)),
            "xl/styles.xml": (f"{kind}.styles+xml", styles.xml()),
            **{
                f"xl/worksheets/sheet{n}.xml": (worksheet, xml)
                for n, xml in enumerate(sheet_parts, start=1)
            },
        }
        rels = {"xl/_rels/workbook.xml.rels": _workbook_rels(count)}
        return package(
            "xl/workbook.xml", parts, rels=rels, title=self.title, creator=self.creator, now=now
        )


def sheet_name(wanted: str, taken: list[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of ``: \\ / ? * [ ]``, not starting or
    ending with an apostrophe, not empty, not "History", and unique in the workbook
    (case-insensitively)."""
    name = re.sub(r"[:\\/?*\[\]]", "_", clean_line(wanted)).strip("'")[:31].rstrip("'")
    if not name or name.lower() == "history":  # Excel keeps "History" for itself
        name = f"{name}_" if name else "Sheet"
    lowered = {t.lower() for t in taken}
    number = 1
    candidate = name
    while candidate.lower() in lowered:
        number += 1
        suffix = f" ({number})"
        candidate = name[: 31 - len(suffix)] + suffix
    return candidate


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ref(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


def cell_text_xml(text: str) -> str:
    """Text as the content of ``<t>``: what XML cannot hold shown as U+FFFD (``clean_text``),
    XML-escaped, a literal ``_xHHHH_`` kept literal. (Escaped by ``escape_markup``, not
    ``xml.sax.saxutils``: importing that imports ``urllib.request`` and with it http, email
    and ssl, ~25 ms of a command-line export.)"""
    return escape(_EXCEL_ESCAPE.sub(r"_x005F_\1", clean_text(text)))


class _StyleTable:
    """The distinct fonts, fills, borders and cell formats used, in order of first use."""

    def __init__(self, font: Font) -> None:
        self.font = font
        self.fonts: dict[Font, int] = {font: 0}
        self.fills: dict[str | None, int] = {None: 0, "gray125": 1}  # the two Excel requires
        self.borders: dict[str | None, int] = {None: 0}
        self.formats: dict[CellStyle, int] = {CellStyle(font): 0}
        self.number_formats: dict[str, int] = {}  # custom formats are numbered from 164 on

    def index(self, style: CellStyle) -> int:
        found = self.formats.get(style)
        if found is None:
            found = self.formats[style] = len(self.formats)
            self.fonts.setdefault(style.font, len(self.fonts))
            self.fills.setdefault(style.fill, len(self.fills))
            self.borders.setdefault(style.border, len(self.borders))
            if style.number_format is not None:
                self.number_formats.setdefault(
                    style.number_format, FIRST_CUSTOM_FORMAT + len(self.number_formats)
                )
        return found

    def xml(self) -> str:
        fonts = "".join(_font_xml(font) for font in self.fonts)
        fills = "".join(_fill_xml(fill) for fill in self.fills)
        borders = "".join(_border_xml(colour) for colour in self.borders)
        formats = "".join(self._format_xml(style) for style in self.formats)
        numbers = "".join(
            f'<numFmt numFmtId="{n}" formatCode="{escape(code)}"/>'
            for code, n in self.number_formats.items()
        )
        if numbers:
            numbers = f'<numFmts count="{len(self.number_formats)}">{numbers}</numFmts>'
        return (
            f'<styleSheet xmlns="{MAIN}">{numbers}'
            f'<fonts count="{len(self.fonts)}">{fonts}</fonts>'
            f'<fills count="{len(self.fills)}">{fills}</fills>'
            f'<borders count="{len(self.borders)}">{borders}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            f'<cellXfs count="{len(self.formats)}">{formats}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )

    def _format_xml(self, style: CellStyle) -> str:
        number = self.number_formats.get(style.number_format or "", 0)
        attributes = (
            f'numFmtId="{number}" fontId="{self.fonts[style.font]}"'
            f' fillId="{self.fills[style.fill]}" borderId="{self.borders[style.border]}" xfId="0"'
        )
        if number:
            attributes += ' applyNumberFormat="1"'
        if style.font != self.font:
            attributes += ' applyFont="1"'
        if style.fill is not None:
            attributes += ' applyFill="1"'
        if style.border is not None:
            attributes += ' applyBorder="1"'
        if style.quote:
            attributes += ' quotePrefix="1"'
        align = ""
        if style.horizontal:
            align += f' horizontal="{style.horizontal}"'
        if style.vertical:
            align += f' vertical="{style.vertical}"'
        if style.wrap:
            align += ' wrapText="1"'
        if not align:
            return f"<xf {attributes}/>"
        return f'<xf {attributes} applyAlignment="1"><alignment{align}/></xf>'


def _font_xml(font: Font) -> str:
    bold = '<b val="1"/>' if font.bold else ""
    charset = f'<charset val="{font.charset}"/>' if font.charset is not None else ""
    name = escape(font.name)
    return f'<font>{bold}<sz val="{font.size:g}"/><name val="{name}"/>{charset}</font>'


def _fill_xml(fill: str | None) -> str:
    if fill is None:
        return '<fill><patternFill patternType="none"/></fill>'
    if fill == "gray125":
        return '<fill><patternFill patternType="gray125"/></fill>'
    return f'<fill><patternFill patternType="solid"><fgColor rgb="FF{fill}"/></patternFill></fill>'


def _border_xml(colour: str | None) -> str:
    if colour is None:
        return "<border><left/><right/><top/><bottom/><diagonal/></border>"
    side = f'style="thin"><color rgb="FF{colour}"/>'
    return (
        f"<border><left {side}</left><right {side}</right><top {side}</top>"
        f"<bottom {side}</bottom><diagonal/></border>"
    )


def _cell_xml(row: int, column: int, value: CellValue, style: int) -> str:
    ref = _ref(row, column)
    styled = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{styled}/>'
    if isinstance(value, str):
        text = cell_text_xml(value)
        return f'<c r="{ref}"{styled} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a cell holds text or a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError("a cell cannot hold NaN or infinity")
    return f'<c r="{ref}"{styled}><v>{value!r}</v></c>'


def _sheet_xml(sheet: Sheet, styles: _StyleTable) -> str:
    rows = []
    last_column = 1
    for row in sorted(sheet.cells):
        cells = sheet.cells[row]
        last_column = max(last_column, max(cells))
        height = sheet.heights.get(row)
        dims = f' ht="{height:g}" customHeight="1"' if height else ""
        body = "".join(
            _cell_xml(row, column, value, styles.index(style))
            for column, (value, style) in sorted(cells.items())
        )
        rows.append(f'<row r="{row}"{dims}>{body}</row>')
    last_row = max(sheet.cells, default=1)
    setup = sheet.print_setup
    parts = [f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">']
    if setup is not None:
        parts.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    parts.append(f'<dimension ref="A1:{_ref(last_row, last_column)}"/>')
    parts.append(_sheet_view(sheet.frozen_rows))
    parts.append(f'<sheetFormatPr defaultRowHeight="{DEFAULT_HEIGHT:g}"/>')
    if sheet.widths:
        cols = "".join(
            f'<col min="{c}" max="{c}" width="{w:g}" customWidth="1"/>'
            for c, w in sorted(sheet.widths.items())
        )
        parts.append(f"<cols>{cols}</cols>")
    parts.append(f"<sheetData>{''.join(rows)}</sheetData>")
    if sheet.merged:
        merged = "".join(
            f'<mergeCell ref="{_ref(r1, c1)}:{_ref(r2, c2)}"/>' for r1, c1, r2, c2 in sheet.merged
        )
        parts.append(f'<mergeCells count="{len(sheet.merged)}">{merged}</mergeCells>')
    if setup is not None:
        if setup.centered:
            parts.append('<printOptions horizontalCentered="1"/>')
        left, right, top, bottom = setup.margins
        orientation = "landscape" if setup.landscape else "portrait"
        parts.append(
            f'<pageMargins left="{left:g}" right="{right:g}" top="{top:g}" bottom="{bottom:g}"'
            ' header="0.3" footer="0.3"/>'
        )
        parts.append(
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
        )
    parts.append("</worksheet>")
    return "".join(parts)


def _sheet_view(frozen_rows: int) -> str:
    if not frozen_rows:
        return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
    top_left = f"A{frozen_rows + 1}"
    return (
        '<sheetViews><sheetView workbookViewId="0">'
        f'<pane ySplit="{frozen_rows}" topLeftCell="{top_left}" activePane="bottomLeft"'
        ' state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="{top_left}" sqref="{top_left}"/>'
        "</sheetView></sheetViews>"
    )


def _workbook_xml(sheets: list[Sheet]) -> str:
    entries = "".join(
        f'<sheet name="{escape(sheet.name)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, sheet in enumerate(sheets, start=1)
    )
    names = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">'
        f"{escape(_quoted_sheet(sheet.name))}!${first}:${last}</definedName>"
        for n, sheet in enumerate(sheets)
        if sheet.print_setup is not None and sheet.print_setup.title_rows is not None
        for first, last in [sheet.print_setup.title_rows]
    )
    defined = f"<definedNames>{names}</definedNames>" if names else ""
    return (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets>{entries}</sheets>{defined}<calcPr calcId="124519"/></workbook>'
    )


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _workbook_rels(sheet_count: int) -> str:
    sheets = [("worksheet", f"worksheets/sheet{n}.xml") for n in range(1, sheet_count + 1)]
    return relationships([*sheets, ("styles", "styles.xml")])
