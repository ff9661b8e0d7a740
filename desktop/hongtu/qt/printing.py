"""Printed outputs that need Qt: the 日程安排表 and the 签到表, as PDF or on a printer.

Both are QTextDocument HTML built from the one ``PlanDocument`` (every user text goes through
``html.escape``), laid out for A4 with the printer as paint device, and painted page by page with
a page-number footer. Table rows never split across pages (``keep_rows_whole``; the tests check
it with pdftotext) and the ``<thead>`` row repeats on each page.
The schedule carries the same schematic map as the HTML export, rasterised from its SVG.

PDF files are written through ``hongtu.core.atomic``: Qt prints to a temporary file in the
target's folder, which is checked to be a whole PDF (Qt does not report a full disk) and then
replaces the target. Works offscreen with a bare QGuiApplication.
"""

from __future__ import annotations

import html
import itertools
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextLayout,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from hongtu.core.atomic import ExportError, ExportErrorCode, atomic_path, verify_pdf
from hongtu.core.cancel import ShouldStop
from hongtu.core.document import DocumentRow, PlanDocument
from hongtu.core.exports import QT_FORMATS, ExportFormat, check_target, export_plan
from hongtu.core.exports.ledger_summary import LedgerSummary
from hongtu.core.exports.svgmap import schematic_map
from hongtu.core.plans import ItemKind, Plan
from hongtu.core.records import ActivityRecord
from hongtu.core.sites import Site
from hongtu.core.text import shortened, strings_in

FONT_FAMILIES = [
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "SimSun",
]
CSS_FONTS = ", ".join(f"'{family}'" for family in FONT_FAMILIES) + ", sans-serif"
MARGIN_MM = QMarginsF(18, 15, 18, 12)  # left, top, right, bottom
FOOTER_MM = 7.0
HEADING_MM = 8.0  # a later page's heading, in the top margin (MARGIN_MM's 15 mm)
MAP_URL = QUrl("hongtu-print:map.png")
MAP_SVG_SIZE = (560, 350)
MAP_WIDTH_MM = 104.0
MAP_DPI = 250
DEFAULT_BLANK_ROWS = 5
MAP_MIN_SCALE = 0.7  # the map may shrink to this to keep a day's schedule on its last page


class PrintKind(StrEnum):
    SCHEDULE = "schedule"  # 日程安排表
    SIGNIN = "signin"  # 签到表


# ---- public API ---------------------------------------------------------------------------


def render_schedule_pdf(
    doc: PlanDocument, path: Path, should_stop: ShouldStop | None = None
) -> Path:
    """Writes the one-page (for a typical day) 日程安排表 of ``doc`` as an A4 PDF."""
    return _render_pdf(doc, PrintKind.SCHEDULE, Path(path), (), 0, should_stop)


def render_signin_pdf(
    doc: PlanDocument,
    path: Path,
    names: Sequence[str],
    blank_rows: int = DEFAULT_BLANK_ROWS,
    should_stop: ShouldStop | None = None,
) -> Path:
    """Writes the 签到表: one row per name (or, when ``names`` is empty, per member on the
    branch's roster that day — ``doc.signin`` — or per participant when there is no roster),
    then ``blank_rows`` empty rows for walk-ins. A name line may carry ``name<TAB>职务``."""
    return _render_pdf(doc, PrintKind.SIGNIN, Path(path), names, blank_rows, should_stop)


def print_document(
    doc: PlanDocument,
    kind: PrintKind,
    printer: QPrinter,
    *,
    names: Sequence[str] = (),
    blank_rows: int = DEFAULT_BLANK_ROWS,
) -> None:
    """Prints ``doc`` as ``kind`` on ``printer`` (any printer, the preview's or a PDF one).
    Each later page of a 签到表 says atop which activity and day it belongs to (the sheets go
    round the coach and come back loose)."""
    text_doc = build_text_document(doc, PrintKind(kind), printer, names, blank_rows)
    heading = ""
    if kind is PrintKind.SIGNIN:
        labels = doc.labels
        heading = labels.signin_continued.format(
            title=shortened(doc.title, 32),
            sheet=labels.signin_title,
            date=f"{doc.date_text}（{doc.weekday}）",
        )
    _paint(text_doc, printer, doc.labels.page_format, heading)


@dataclass(frozen=True)
class Printed:
    """Where a document went: a printer (its name) or a PDF file."""

    printer: str = ""
    file: Path | None = None


def _open_readable(dialog: QPrintPreviewDialog) -> None:
    """The preview opens as large as the screen allows, the page as wide as the view: at
    Qt's own size (~690×370) an A4 page was shown at a quarter of its size, unreadable."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QAction

    from hongtu.qt.window_state import fit_to_screen

    fit_to_screen(dialog, QSize(1100, 10_000))  # the screen's whole height, a page's width
    fit_width = dialog.findChild(QAction, "fitWidthAction")  # its tool bar's 'Fit width'
    if fit_width is not None:
        fit_width.trigger()


def print_preview(
    doc: PlanDocument,
    kind: PrintKind,
    parent: QWidget | None = None,
    *,
    names: Sequence[str] = (),
    blank_rows: int = DEFAULT_BLANK_ROWS,
) -> Printed | None:
    """Shows Qt's print preview of ``doc`` as ``kind`` (A4 preset); where it was printed, or
    None when it was not (closed without printing, or the file name dialog cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    printer.setDocName(doc.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(doc.title)
    _open_readable(dialog)
    dialog.paintRequested.connect(
        lambda target: print_document(doc, kind, target, names=names, blank_rows=blank_rows)
    )
    try:
        accepted = dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
    finally:
        # Gone now, with its printer still here. Left to Python's collection (later, if any
        # reference to it was kept) the preview's end came after two previews with HongTu
        # crashing in QScreen as the next dialog was made (test_journey_signin_preflight:
        # seven runs of seven; none of ten since). The preview also kept the screen's
        # wrapper as its child (PySide's return-value rule for ``screen()``).
        shiboken6.delete(dialog)
    if not accepted:
        return None
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        # with no printer installed, the preview's 打印 writes a PDF (it asks for the name):
        # an empty name is its 取消
        name = printer.outputFileName()
        return Printed(file=Path(name)) if name else None
    return Printed(printer=printer.printerName())



def export_document(
    doc: PlanDocument,
    fmt: ExportFormat | str,
    path: Path,
    *,
    plan: Plan | None = None,
    sites: Mapping[int, Site] | None = None,
    signin_names: Sequence[str] | None = None,
    blank_rows: int = DEFAULT_BLANK_ROWS,
    overwrite: bool = False,
    should_stop: ShouldStop | None = None,
    record: ActivityRecord | None = None,
) -> Path:
    """Every format: the PDFs here, the rest through ``core.exports.export_plan``.

    Safe on a worker thread (Qt paints PDFs with QPainter on a QPrinter, which Qt allows off the
    GUI thread); ``should_stop`` is asked before the target is replaced."""
    fmt = ExportFormat(fmt)
    path = Path(path)
    if fmt not in QT_FORMATS:
        return export_plan(
            doc,
            fmt,
            path,
            plan=plan,
            sites=sites,
            overwrite=overwrite,
            should_stop=should_stop,
            record=record,
        )
    check_target(path, overwrite)
    if fmt is ExportFormat.SIGNIN:
        names = list(signin_names or ())
        return render_signin_pdf(doc, path, names, blank_rows, should_stop)
    return render_schedule_pdf(doc, path, should_stop)


# ---- printers and painting ----------------------------------------------------------------


def _a4(printer: QPrinter) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGIN_MM,
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def _render_pdf(
    doc: PlanDocument,
    kind: PrintKind,
    path: Path,
    names: Sequence[str],
    blank_rows: int,
    should_stop: ShouldStop | None = None,
) -> Path:
    require_chinese_font(path)
    # Qt's PDF engine does not report a full disk: the file is checked to be whole (``%%EOF``).
    with atomic_path(path, verify_pdf, should_stop) as temp, _qt_writable(temp) as drawn:
        printer = _pdf_printer(drawn, doc.title)
        print_document(doc, kind, printer, names=names, blank_rows=blank_rows)
    return path


@contextmanager
def _qt_writable(temp: Path) -> Iterator[Path]:
    """Where Qt can write ``temp``'s PDF: ``temp`` itself, unless its folder's name is not text
    (GBK bytes unzipped on Linux), which Qt cannot open. Then the PDF is drawn in a temporary
    folder and copied into ``temp`` by its name on disk."""
    from hongtu.core.storage.files import utf8_name

    if utf8_name(temp):
        yield temp
        return
    with tempfile.TemporaryDirectory(prefix="hongtu-pdf-") as folder:
        drawn = Path(folder) / "drawn.pdf"
        yield drawn
        shutil.copyfile(drawn, temp)


def require_chinese_font(path: Path) -> None:
    """A PDF drawn with no font for Chinese is all empty boxes: refused, nothing written."""
    from hongtu.qt.fonts import has_chinese_font

    if not has_chinese_font():
        raise ExportError(ExportErrorCode.NO_CHINESE_FONT, path)


def unprintable_warning(*contents: object) -> str | None:
    """What to tell the organiser when some characters of ``contents`` (a document, a ledger
    summary, the names typed for a 签到表) would print as empty boxes (a rare character of a
    name that no installed font has); None when every character prints."""
    from hongtu.qt.fonts import unprintable_characters
    from hongtu.qt.fonts import unprintable_warning as warning

    texts = [text for content in contents for text in strings_in(content)]
    missing = unprintable_characters(texts, FONT_FAMILIES)
    return warning(missing, texts) if missing else None


def _pdf_printer(temp: Path, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(temp))
    printer.setCreator("HongTu")
    printer.setDocName(title)
    printer.setPdfVersion(QPrinter.PdfVersion.PdfVersion_1_6)
    _a4(printer)
    return printer


class _Units:
    """Converts millimetres to device pixels (``device``) and to HTML/CSS pixels (``mm``).

    Qt scales HTML lengths given in px from 96 dpi to the paint device's resolution, so HTML uses
    CSS pixels while the page geometry uses the printer's device pixels.
    """

    def __init__(self, printer: QPrinter) -> None:
        self.dpi = printer.resolution()
        self.printer = printer  # what a title is laid out on, to see how many lines it takes
        self.titles: dict[str, str] = {}  # each title's paragraph, laid out once per document

    def device(self, value: float) -> float:
        return value * self.dpi / 25.4

    def mm(self, value: float) -> int:
        return round(value * 96 / 25.4)


def _body_size(printer: QPrinter) -> QSizeF:
    """The page's printable area in device pixels, less the footer."""
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    return QSizeF(page.width(), page.height() - _Units(printer).device(FOOTER_MM))


def _paint(
    text_doc: QTextDocument, printer: QPrinter, page_format: str, heading: str = ""
) -> None:
    """Paints the pages with their footers, and ``heading`` in the top margin of every page
    after the first."""
    body = _body_size(printer)
    footer = _Units(printer).device(FOOTER_MM)
    above = _Units(printer).device(HEADING_MM)
    if text_doc.pageSize() != body:  # laid out for this page already: no second layout
        text_doc.setPageSize(body)
    pages = text_doc.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(ExportErrorCode.OTHER, Path(printer.outputFileName() or "printer"))
    try:
        footer_font = QFont()
        footer_font.setFamilies(FONT_FAMILIES)
        footer_font.setPointSizeF(8.5)
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            clip = QRectF(0, index * body.height(), body.width(), body.height())
            text_doc.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            text = page_format.format(page=index + 1, pages=pages)
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                text,
            )
            if heading and index:
                painter.setPen(Qt.GlobalColor.black)
                painter.drawText(
                    QRectF(0, -above, body.width(), above),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    heading,
                )
    finally:
        painter.end()


def _tables(text_doc: QTextDocument) -> list[QTextTable]:
    """The document's tables in reading order."""
    found: list[QTextTable] = []

    def visit(frame: object) -> None:
        if isinstance(frame, QTextTable):
            found.append(frame)
        for child in frame.childFrames():  # type: ignore[attr-defined]
            visit(child)

    visit(text_doc.rootFrame())
    return found


def _row_span(text_doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """The top and bottom of a table row's text, in document coordinates.

    A cell of one paragraph (nearly all: a line break inside one is not a new paragraph) is
    measured once; asking Qt for a block's rectangle is what a 200-stop schedule's pagination
    spends most of its time on."""
    layout = text_doc.documentLayout()
    top, bottom = float("inf"), float("-inf")
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        first = text_doc.findBlock(cell.firstPosition())
        rect = layout.blockBoundingRect(first)
        top = min(top, rect.top())
        if cell.lastPosition() > first.position() + first.length() - 1:  # another paragraph
            rect = layout.blockBoundingRect(text_doc.findBlock(cell.lastPosition()))
        bottom = max(bottom, rect.bottom())
    return top, bottom


def _row_edge(text_doc: QTextDocument, table: QTextTable) -> float:
    """What a row's box adds above and below its text: the cell padding and the border, in
    the layout's (device) units. Qt keeps a row's text lines off a page's edge but not its
    padding and border, which the page then cuts (a 签到表 row without its bottom line)."""
    device = text_doc.documentLayout().paintDevice()
    scale = device.logicalDpiY() / 96 if device is not None else 1.0
    fmt = table.format()
    return (fmt.cellPadding() + fmt.border()) * scale


def _row_box(text_doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """The top and bottom of a table row's box (text, padding and border)."""
    top, bottom = _row_span(text_doc, table, row)
    edge = _row_edge(text_doc, table)
    return top - edge, bottom + edge


def _straddles(top: float, bottom: float, page_height: float) -> bool:
    too_tall = bottom - top >= page_height
    return not too_tall and int(top // page_height) != int((bottom - 1) // page_height)


def first_straddling_row(text_doc: QTextDocument, page_height: float, start: int = 0) -> int | None:
    """The first row (counted over all tables with a header, header rows excluded) that needs
    a page break before it; None if none does.

    A row needs a break when its box (text, padding and border) crosses a page boundary, and
    when Qt moved it to the next page itself: the row above it then runs to the page's end,
    where the page cuts it without its bottom line. A row after a blank page needs the break
    one row earlier: the table before it ran past its page's end (its border and margin), which
    pushed the new page's table a page further. Rows before ``start`` are not measured (a page
    break never moves the rows before it)."""
    index = 0
    last: float | None = None  # the bottom of the box of the row before, in any table
    for table in _tables(text_doc):
        header = table.format().headerRowCount()
        if header == 0:
            continue
        above: float | None = None  # the bottom of the box of the row above, in this table
        for row in range(header, table.rows()):
            if index >= start or index + 1 == start:
                top, bottom = _row_box(text_doc, table, row)
                moved = above is not None and int(top // page_height) > int(
                    (above - 1) // page_height
                )
                if index >= start and (_straddles(top, bottom, page_height) or moved):
                    return index
                skipped = last is not None and int(top // page_height) > int(
                    (last - 1) // page_height
                ) + 1
                if index >= start and skipped and index > 1:
                    return index - 1
                above = last = bottom
            index += 1
    return None


def _paginate(
    text_doc: QTextDocument, html_for: Callable[[frozenset[int]], str], page_height: float
) -> frozenset[int]:
    """Sets the document's HTML, starting a new table (on a new page, with the header) before
    every row that would otherwise cross a page boundary, so that every page but the last is
    full and no row is split or has its box cut.

    Each layout of a long document costs about as much as all the other formats' exports
    together, so the breaks are not found one layout at a time: the first layout (without
    breaks) gives every row's height, ``planned_breaks`` packs the rows into pages from those
    heights, and one more layout with all the breaks is checked row by row. Where that check
    finds a row the plan misplaced (one that crosses a page, one Qt moved to a page of its
    own accord, or one that would have fitted on the page before its break), the rows from
    there on are packed again from that layout. Returns the breaks the document has.
    """
    _set_html(text_doc, html_for(frozenset()))
    row = first_straddling_row(text_doc, page_height)
    if row is None:  # every row fits: unless the table's end runs past its last row's page
        rows = _body_rows(text_doc)
        geometry = _Geometry(text_doc, rows, page_height) if rows else None
        moved = _last_row_past_the_end(geometry, set()) if geometry is not None else None
        if moved is None:
            return frozenset()
        return _paginate_row_by_row(text_doc, html_for, page_height, moved[0])
    if row == 0:
        return frozenset()
    planned, heights = planned_breaks(text_doc, page_height)
    if not planned:
        return _paginate_row_by_row(text_doc, html_for, page_height, row)
    breaks = set(planned)
    forced: set[int] = set()  # breaks before rows that did not fit: never taken back
    for _ in range(len(heights) + 3):
        _set_html(text_doc, html_for(frozenset(breaks)))
        rows = _body_rows(text_doc)
        geometry = _Geometry(text_doc, rows, page_height)  # this layout, measured once
        heights = _row_heights(text_doc, rows, geometry.spans, page_height, heights)
        misplaced = _first_misplaced_row(geometry, breaks, forced)
        if misplaced is None:
            return frozenset(breaks)
        index, new_page = misplaced
        breaks = {b for b in breaks if 0 < b < index}
        if new_page:
            forced.add(index)
        breaks |= _repack(geometry, heights, index, new_page=new_page)
    return _paginate_row_by_row(text_doc, html_for, page_height, None, frozenset(breaks))


def _paginate_row_by_row(
    text_doc: QTextDocument,
    html_for: Callable[[frozenset[int]], str],
    page_height: float,
    row: int | None,
    planned: frozenset[int] = frozenset(),
) -> frozenset[int]:
    """Finds the breaks one layout at a time (several row tables, as in the 台账)."""
    breaks: set[int] = set(planned) if row is None else {row}
    start = 0
    while True:
        _set_html(text_doc, html_for(frozenset(breaks)))
        row = first_straddling_row(text_doc, page_height, start)
        if row is None or row in breaks or row == 0:
            return frozenset(breaks)
        breaks = {b for b in breaks if 0 < b < row}  # as planned before ``row``, none after it
        start = row
        breaks.add(row)


BodyRow = tuple[QTextTable, int]  # a table and the number of one of its rows, not a header


def _body_rows(text_doc: QTextDocument) -> list[BodyRow]:
    """The rows of every table with a header, header rows left out: for the 日程安排表 and the
    签到表 the one table of rows, however many pages' tables the breaks made of it."""
    return [
        (table, row)
        for table in _tables(text_doc)
        if table.format().headerRowCount() > 0
        for row in range(table.format().headerRowCount(), table.rows())
    ]


def _spans(text_doc: QTextDocument, rows: Sequence[BodyRow]) -> list[tuple[float, float]]:
    """Each row's ``_row_span``: measured once per layout, as Qt's block rectangles are what
    pagination spends its time on (a 200-stop schedule's rows were measured six times)."""
    return [_row_span(text_doc, table, row) for table, row in rows]


def _row_heights(
    text_doc: QTextDocument,
    rows: Sequence[BodyRow],
    spans: Sequence[tuple[float, float]],
    page_height: float,
    known: Sequence[float] = (),
) -> list[float]:
    """Each row's text height from its span (``_spans``); a row Qt split over two pages keeps
    the height it had whole in an earlier layout (``known``), else the sum of its lines."""
    heights = []
    for index, ((table, row), (top, bottom)) in enumerate(zip(rows, spans, strict=True)):
        if int(top // page_height) == int((bottom - 1) // page_height):
            heights.append(bottom - top)
        elif index < len(known):
            heights.append(known[index])
        else:
            heights.append(_lines_height(text_doc, table, row))
    return heights


def _lines_height(text_doc: QTextDocument, table: QTextTable, row: int) -> float:
    """A row's text height from its lines, as it would be on one page."""
    tallest = 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block = text_doc.findBlock(cell.firstPosition())
        height = 0.0
        while block.isValid() and block.position() <= cell.lastPosition():
            lines = block.layout()
            height += sum(lines.lineAt(i).height() for i in range(lines.lineCount()))
            block = block.next()
        tallest = max(tallest, height)
    return tallest


class _Geometry:
    """What packing rows into pages needs from a layout: the space between two rows' texts on
    one page, what a table needs below its last row's text (padding, border and the table's
    margin: a table that ends past a page's end pushes the next page's table a page further),
    and where the first row's text starts on a page that a table begins (after the header)."""

    def __init__(
        self, text_doc: QTextDocument, rows: Sequence[BodyRow], page_height: float
    ) -> None:
        self.spans = spans = _spans(text_doc, rows)
        self.page_height = page_height
        self.edge = _row_edge(text_doc, rows[0][0])
        gaps = [
            next_top - bottom
            for (_, bottom), (next_top, _) in itertools.pairwise(spans)
            if int(bottom // page_height) == int(next_top // page_height)
        ]
        self.gap = min(gaps) if gaps else 2 * self.edge
        last_table = rows[-1][0]
        frame_bottom = text_doc.documentLayout().frameBoundingRect(last_table).bottom()
        self.tail = max(self.edge, frame_bottom - spans[-1][1])
        self.fresh_top = _fresh_page_top(spans, page_height)

    def page_end(self, page: int) -> float:
        return (page + 1) * self.page_height


def _fresh_page_top(spans: Sequence[tuple[float, float]], page_height: float) -> float | None:
    """Where a row's text starts on a page it opens (below the header Qt repeats, or that a
    new table brings), measured from a row that starts a page whole; None when none does."""
    found = [
        top - (top // page_height) * page_height
        for (_, bottom), (top, next_bottom) in itertools.pairwise(spans)
        if int(top // page_height) > int((bottom - 1) // page_height)
        and int(top // page_height) == int((next_bottom - 1) // page_height)
    ]
    return min(found) if found else None


class PagePlan(NamedTuple):
    breaks: frozenset[int]  # before which body rows a page starts; empty: none could be planned
    heights: list[float]  # each body row's text height in the layout it was planned from


def planned_breaks(text_doc: QTextDocument, page_height: float) -> PagePlan:
    """Where new pages should start so that no row crosses one, from a layout without breaks
    (and the rows' heights in it, which the check of the planned layout starts from).

    Only for a document with one table of rows (the 日程安排表 and the 签到表): each page gets
    a table of its own that starts at the top of the page with the header, so a row's place on
    a page follows from the heights of the rows before it on that page. Empty when the layout
    is not one this can plan (several row tables, a row taller than a page, no page begun by
    a whole row to measure where rows start): the caller then finds the breaks one layout at a
    time.
    """
    tables = [t for t in _tables(text_doc) if t.format().headerRowCount() > 0]
    rows = _body_rows(text_doc)
    if len(tables) != 1 or len(rows) < 2:
        return PagePlan(frozenset(), [])
    geometry = _Geometry(text_doc, rows, page_height)
    heights = _row_heights(text_doc, rows, geometry.spans, page_height)
    if geometry.fresh_top is None or any(
        height + 2 * geometry.edge >= page_height - geometry.fresh_top for height in heights
    ):
        return PagePlan(frozenset(), heights)
    return PagePlan(frozenset(_repack(geometry, heights, 0, new_page=False)), heights)


def _repack(
    geometry: _Geometry, heights: Sequence[float], start: int, *, new_page: bool
) -> set[int]:
    """The breaks from row ``start`` on, the rows before it staying where the layout measured
    in ``geometry`` has them: ``start`` begins a page when ``new_page``, else follows the row
    before it; each later row begins a new page when its box would cross the page's end."""
    page_height = geometry.page_height
    fresh_top = geometry.fresh_top
    if fresh_top is None:
        return set()
    # the bottom of the text of the row before ``start`` (before the first: where it would be)
    bottom = geometry.spans[start - 1][1] if start else geometry.spans[0][0] - geometry.gap
    page = int((bottom - 1) // page_height) if start else int(bottom // page_height)
    breaks: set[int] = set()
    for index in range(start, len(heights)):
        top = bottom + geometry.gap
        if (index == start and new_page) or (
            top + heights[index] + geometry.tail > geometry.page_end(page)
        ):
            page += 1
            top = page * page_height + fresh_top
            breaks.add(index)
        bottom = top + heights[index]
    return breaks


def _first_misplaced_row(
    geometry: _Geometry, breaks: set[int], forced: set[int]
) -> tuple[int, bool] | None:
    """The first row the breaks put in the wrong place, and whether it should begin a page:
    a row whose box crosses a page's end or that Qt moved to a new page itself (True), the
    row before a page left blank (its table ended past the page's end), or a row after a
    break that would have fitted on the page before (False: a page left short)."""
    page_height = geometry.page_height
    edge, gap, tail = geometry.edge, geometry.gap, geometry.tail
    previous: tuple[float, float] | None = None
    for index, (top, bottom) in enumerate(geometry.spans):
        if _straddles(top - edge, bottom + edge, page_height):
            return index, True
        if previous is not None:
            before = int((previous[1] - 1) // page_height)
            moved = int(top // page_height) > before
            if moved and index not in breaks:
                return index, True
            if int(top // page_height) > before + 1 and index - 1 not in forced:
                return index - 1, True
            room = (before + 1) * page_height - (previous[1] + gap + tail)
            if moved and index not in forced and bottom - top <= room:
                return index, False
        previous = (top, bottom)
    return _last_row_past_the_end(geometry, forced)


def _last_row_past_the_end(geometry: _Geometry, forced: set[int]) -> tuple[int, bool] | None:
    """The last row, when its table (its bottom border and margin: ``tail``) runs past the end
    of the page the row is on, and a row before it is on that page: it begins the next page.
    Left there, the paragraph after the table (the 日程安排表's totals) was set across the
    page's end, and printed in two."""
    spans, page_height = geometry.spans, geometry.page_height
    last = len(spans) - 1
    if last < 1 or last in forced:
        return None
    (_, before), (top, bottom) = spans[-2], spans[-1]
    page = int(top // page_height)
    if int((before - 1) // page_height) != page:
        return None
    if bottom + geometry.tail > (page + 1) * page_height:
        return last, True
    return None


def _chunks(rows: list[str], breaks: frozenset[int]) -> list[list[str]]:
    cuts = sorted(b for b in breaks if 0 < b < len(rows))
    edges = [0, *cuts, len(rows)]
    return [rows[start:end] for start, end in itertools.pairwise(edges)]


def _row_tables(
    rows: list[str], breaks: frozenset[int], header: str, units: _Units, pad: int
) -> str:
    """The rows as one bordered table, or several when ``breaks`` start new pages (each new
    table begins a page and repeats the header)."""
    tables = []
    for number, chunk in enumerate(_chunks(rows, breaks)):
        page_break = "page-break-before:always; " if number else ""
        tables.append(
            f"<table width='100%' cellspacing='0' cellpadding='{pad}' border='1' "
            f"style='{page_break}border-collapse:collapse; border-color:#808080; "
            f"border-style:solid; border-width:{max(1, units.mm(0.2))}px'>"
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(chunk)}</tbody></table>"
        )
    return "".join(tables)


# ---- the documents ------------------------------------------------------------------------


def build_text_document(
    doc: PlanDocument,
    kind: PrintKind,
    printer: QPrinter,
    names: Sequence[str] = (),
    blank_rows: int = DEFAULT_BLANK_ROWS,
) -> QTextDocument:
    """The QTextDocument for ``kind``, laid out with ``printer`` as paint device."""
    units = _Units(printer)
    text_doc = _text_document(printer, doc.title)
    page_height = _body_size(printer).height()
    if kind is PrintKind.SCHEDULE:
        chart = schematic_map(doc, *MAP_SVG_SIZE)
        text_doc.addResource(
            QTextDocument.ResourceType.ImageResource, MAP_URL, _map_image(chart.svg)
        )
        legend = chart.unlabelled

        def html_for(breaks: frozenset[int]) -> str:
            return schedule_html(doc, units, breaks, Closing(), legend)

        breaks = _paginate(text_doc, html_for, page_height)
        _place_closing(text_doc, doc, units, breaks, page_height, legend)
    else:
        _paginate(
            text_doc, lambda breaks: signin_html(doc, units, names, blank_rows, breaks), page_height
        )
    return text_doc


def _place_closing(
    text_doc: QTextDocument,
    doc: PlanDocument,
    units: _Units,
    breaks: frozenset[int],
    page_height: float,
    unlabelled: Sequence[str] = (),
) -> None:
    """Keeps the closing section (totals, map, notes) on the rows' last page when it fits there:
    the notes under the map, shrunk down to ``MAP_MIN_SCALE`` if that is what it takes, or short
    notes beside it (a typical day's schedule is one page). Otherwise the map and the notes
    begin the next page together; notes too long for one page with the map follow the map
    where it is, as long as their heading and first note stay with it."""
    start = _closing_start(text_doc)
    if start is None:
        return
    page = int(start // page_height)
    if _fits(text_doc, page, page_height):
        return
    room = (page + 1) * page_height - start - units.device(1.0)
    alone = _ClosingAlone(text_doc, doc, units, unlabelled)
    for _ in range(3):  # Qt may set a line a little lower on the page than alone: try smaller
        closing = alone.largest_fitting(room)
        if closing is None:
            break
        _set_html(text_doc, schedule_html(doc, units, breaks, closing, unlabelled))
        if _fits(text_doc, page, page_height):
            return
        room -= units.device(3.0)
    stacked = alone.measure(Closing())
    if stacked.height > page_height - stacked.before_map and stacked.head <= room:
        # long notes follow the map where it is
        _set_html(text_doc, schedule_html(doc, units, breaks, Closing(), unlabelled))
        return
    _set_html(text_doc, schedule_html(doc, units, breaks, Closing(new_page=True), unlabelled))


@dataclass(frozen=True)
class _Measure:
    """The closing section laid out on its own (device units): its height, how far the
    notes beside the map run below it, the space above the map (the totals), and the height
    down to the end of the first note (what must not be parted from the map)."""

    height: float
    below_map: float
    before_map: float
    head: float


class _ClosingAlone:
    """The closing section laid out on its own, at the schedule's width: cheap to lay out
    again, so the largest map that fits is found here rather than by laying out the whole
    schedule again and again."""

    def __init__(
        self,
        text_doc: QTextDocument,
        doc: PlanDocument,
        units: _Units,
        unlabelled: Sequence[str],
    ) -> None:
        self.doc, self.units, self.unlabelled = doc, units, unlabelled
        self.scratch = QTextDocument()
        self.scratch.documentLayout().setPaintDevice(text_doc.documentLayout().paintDevice())
        self.scratch.setDefaultFont(text_doc.defaultFont())
        self.scratch.setDocumentMargin(0)
        self.scratch.setPageSize(QSizeF(text_doc.pageSize().width(), 1e9))
        image = QTextDocument.ResourceType.ImageResource
        self.scratch.addResource(image, MAP_URL, text_doc.resource(image, MAP_URL))

    def measure(self, closing: Closing) -> _Measure:
        scratch = self.scratch
        scratch.setHtml(
            f'<html><body style="font-family:{CSS_FONTS}; font-size:10.5pt">'
            f"{_closing_html(self.doc, self.units, closing, self.unlabelled)}</body></html>"
        )
        layout = scratch.documentLayout()
        first = layout.blockBoundingRect(scratch.begin()).top()
        picture = _map_block(scratch)
        line = layout.blockBoundingRect(picture)
        head = line.bottom()
        if self.doc.notes and not closing.beside:  # the notes' heading and their first line
            head = layout.blockBoundingRect(picture.next().next()).bottom()
        below = _notes_below_map(scratch) if closing.beside else 0.0
        return _Measure(_end(scratch) - first, below, line.top() - first, head - first)

    def largest_fitting(self, room: float) -> Closing | None:
        """The closing with the largest map (notes under it, else beside it) whose height is
        at most ``room``; None when none fits."""
        kinds = [Closing()]
        if self.doc.notes:
            kinds.append(Closing(beside=True))
        for kind in kinds:
            low, high = MAP_MIN_SCALE, 1.0
            if not self._fits(replace(kind, map_scale=low), room):
                continue
            if self._fits(kind, room):
                return kind
            for _ in range(6):  # to within half a percent of the map's size
                middle = (low + high) / 2
                if self._fits(replace(kind, map_scale=middle), room):
                    low = middle
                else:
                    high = middle
            return replace(kind, map_scale=low)
        return None

    def _fits(self, closing: Closing, room: float) -> bool:
        measured = self.measure(closing)
        return measured.height <= room and measured.below_map <= 0


def _map_block(text_doc: QTextDocument) -> QTextBlock:
    """The paragraph holding the map's picture."""
    block = text_doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == MAP_URL.toString():
                return block
            fragments += 1
        block = block.next()
    raise LookupError("the schedule has no map")


def _notes_below_map(text_doc: QTextDocument) -> float:
    """How far the notes beside the map run below it (the closing table: map | notes)."""
    table = _tables(text_doc)[-1]
    layout = text_doc.documentLayout()
    picture = layout.blockBoundingRect(text_doc.findBlock(table.cellAt(0, 0).firstPosition()))
    notes = layout.blockBoundingRect(text_doc.findBlock(table.cellAt(0, 1).lastPosition()))
    return notes.bottom() - picture.bottom()


def _closing_start(text_doc: QTextDocument) -> float | None:
    """Where the closing section's first line (the totals) starts: the paragraph after the
    last table of rows."""
    tables = [t for t in _tables(text_doc) if t.format().headerRowCount()]
    if not tables:
        return None
    block = text_doc.findBlock(tables[-1].lastPosition() + 1)
    return text_doc.documentLayout().blockBoundingRect(block).top()


def _end(text_doc: QTextDocument) -> float:
    return text_doc.documentLayout().blockBoundingRect(text_doc.lastBlock()).bottom()


def _fits(text_doc: QTextDocument, page: int, page_height: float) -> bool:
    """Whether the document ends on ``page``."""
    return int((_end(text_doc) - 1) // page_height) <= page


def _set_html(text_doc: QTextDocument, html: str) -> None:
    """``text_doc.setHtml(html)``, laid out once: Qt's HTML importer inserts a document piece
    by piece, and a document with a layout is laid out again after each piece (a 200-stop
    schedule spent ~0.25 s of each ~0.5 s layout so). The HTML is read into a document without
    a layout, with the same default font, and put in whole; the resources (the map) stay."""
    parsed = QTextDocument()
    parsed.setDefaultFont(text_doc.defaultFont())
    parsed.setHtml(html)
    cursor = QTextCursor(text_doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertFragment(QTextDocumentFragment(parsed))


def _text_document(printer: QPrinter, title: str) -> QTextDocument:
    text_doc = QTextDocument()
    text_doc.setUndoRedoEnabled(False)  # _set_html's edits are not to be undone
    text_doc.documentLayout().setPaintDevice(printer)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    text_doc.setDefaultFont(font)
    text_doc.setDocumentMargin(0)
    text_doc.setPageSize(_body_size(printer))
    text_doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return text_doc


def _map_image(svg: str) -> QImage:
    width, height = MAP_SVG_SIZE
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixels_wide = round(MAP_WIDTH_MM / 25.4 * MAP_DPI)
    image = QImage(pixels_wide, round(pixels_wide * height / width), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


TITLE_PT = 17.0
LEAST_TITLE_PT = 15.0  # a title is made smaller by half points down to this to keep one line


def _head(doc: PlanDocument, subtitle: str, units: _Units) -> str:
    return (
        _title_html(doc.title, units)
        + f"<p align='center' style='font-size:13pt; margin-top:2pt; margin-bottom:6pt'>"
        f"{_e(subtitle)}</p>"
    )


def _title_html(title: str, units: _Units) -> str:
    found = units.titles.get(title)
    if found is None:
        found = units.titles[title] = _fitted_title(title, units)
    return found


def _fitted_title(title: str, units: _Units) -> str:
    """The title on one line: in 17 pt, or up to two points smaller where that fits it;
    else broken before the quoted theme ("…第一党支部" / "“年终组织生活会前参观”主题党日活动"),
    never leaving a character or two alone on the second line ("…主题党日活" / "动"); a title
    too long for that wraps as it comes."""

    def paragraph(size: float, text: str) -> str:
        return (
            f"<p align='center' style='font-size:{size:g}pt; font-weight:bold; "
            f"margin-bottom:0'>{text}</p>"
        )

    size = TITLE_PT
    while size >= LEAST_TITLE_PT:
        if _line_count(title, size, units) == 1:
            return paragraph(size, _e(title))
        size -= 0.5
    theme = title.find("“")
    parts = (title[:theme], title[theme:])
    if theme > 0 and all(_line_count(part, TITLE_PT, units) == 1 for part in parts):
        branch, rest = parts
        return paragraph(TITLE_PT, f"{_e(branch)}<br>{_e(rest)}")
    return paragraph(TITLE_PT, _e(title))


def _line_count(text: str, size: float, units: _Units) -> int:
    """How many lines ``text`` in bold ``size`` pt takes across the page, as it will print."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setBold(True)
    layout = QTextLayout(text, font, units.printer)
    width = _body_size(units.printer).width()
    layout.beginLayout()
    lines = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines += 1
    layout.endLayout()
    return lines


def _facts_table(pairs: list[tuple[str, str]], units: _Units) -> str:
    cells = []
    for i in range(0, len(pairs), 2):
        row = "".join(
            f"<td width='12%'><b>{_e(label)}</b></td><td width='38%'>{_e(value)}</td>"
            for label, value in pairs[i : i + 2]
        )
        cells.append(f"<tr>{row}</tr>")
    return (
        f"<table width='100%' cellspacing='0' cellpadding='{units.mm(0.8)}' border='0'>"
        + "".join(cells)
        + "</table>"
    )


@dataclass(frozen=True)
class Closing:
    """Where the schedule's closing section (the totals, the map, then the notes full width
    under it) goes: after the rows with the map at ``map_scale`` of its size, or with the map
    and the notes starting a page of their own (``new_page``). Short notes may stand ``beside``
    the map instead, when that keeps the day on one page."""

    map_scale: float = 1.0
    new_page: bool = False
    beside: bool = False


def schedule_html(
    doc: PlanDocument,
    units: _Units,
    breaks: frozenset[int] = frozenset(),
    closing: Closing = Closing(),
    unlabelled: Sequence[str] = (),
) -> str:
    """The schedule's HTML; ``unlabelled``: the stops whose names the map had no room for."""
    labels = doc.labels
    facts = _facts_table(list(doc.facts), units)
    pad = units.mm(1.2)
    # a day past midnight says 次日 before its times, and times after a 待定 leg carry （待定）:
    # the time column widens so they stay on one line (a wrapped time doubled every row)
    longest = max((len(row.time_range) for row in doc.rows), default=0)
    wider = 0 if longest <= 11 else 6 if longest <= 14 else 9
    header = "".join(
        f"<th width='{w}%' bgcolor='#f3e3e1' align='center'>{_e(text)}</th>"
        for text, w in (
            (labels.col_stop, 7),
            (labels.col_time, 15 + wider),
            (labels.col_content, 48 - wider),
            (labels.col_details, 30),
        )
    )
    rows = [_schedule_row(row) for row in doc.rows]
    table = _row_tables(rows, breaks, header, units, pad)
    return (
        f'<html><body style="font-family:{CSS_FONTS}; font-size:10.5pt">'
        f"{_head(doc, labels.schedule_title, units)}{facts}"
        f"<p style='margin:0; font-size:4pt'>&nbsp;</p>{table}"
        f"{_closing_html(doc, units, closing, unlabelled)}</body></html>"
    )


def _closing_html(
    doc: PlanDocument, units: _Units, closing: Closing, unlabelled: Sequence[str] = ()
) -> str:
    """The totals under the table, the map centred under them, the notes full width under the
    map (as the HTML export has them): a note is never squeezed into a column beside it."""
    map_w = round(units.mm(MAP_WIDTH_MM) * closing.map_scale)
    map_h = round(map_w * MAP_SVG_SIZE[1] / MAP_SVG_SIZE[0])
    picture = f"<img src='{MAP_URL.toString()}' width='{map_w}' height='{map_h}'>"
    if unlabelled:
        names = doc.labels.list_separator.join(unlabelled)
        picture += (
            f"<br><span style='font-size:9pt; color:#444'>"
            f"{_e(doc.labels.map_unlabelled.format(names=names))}</span>"
        )
    totals = (
        f"<p style='color:#444; margin-top:{units.mm(2)}px; margin-bottom:0'>"
        f"{_e(doc.totals.text)}</p>"
    )
    notes = ""
    if doc.notes:
        notes = (
            f"<p style='margin-top:0; margin-bottom:{units.mm(1)}px'>"
            f"<b>{_e(doc.labels.notes)}</b></p>{_notes_html(doc)}"
        )
    if closing.beside:
        return (
            f"{totals}<table width='100%' cellspacing='0' cellpadding='0' border='0' "
            f"style='margin-top:{units.mm(3)}px'><tr>"
            f"<td width='{map_w + units.mm(4)}' valign='top'>{picture}</td>"
            f"<td valign='top'>{notes}</td></tr></table>"
        )
    page_break = "page-break-before:always; " if closing.new_page else ""
    return (
        f"{totals}<p align='center' style='{page_break}margin-top:{units.mm(3)}px; "
        f"margin-bottom:{units.mm(3)}px'>{picture}</p>{notes}"
    )


def _notes_html(doc: PlanDocument) -> str:
    """The notes numbered, or as typed when the organiser numbered them their own way."""
    if not doc.notes_numbered:
        lines = "<br>".join(_e(line) for line in doc.notes)
        return f"<p style='margin-top:0; margin-bottom:0; margin-left:12px'>{lines}</p>"
    items = "".join(f"<li>{_e(line)}</li>" for line in doc.notes)
    return f"<ol style='margin-top:0; margin-bottom:0'>{items}</ol>"


def _schedule_row(row: DocumentRow) -> str:
    is_visit = row.kind is ItemKind.VISIT
    number = str(row.stop_number) if is_visit and row.stop_number is not None else ""
    indent = "&nbsp;&nbsp;&nbsp;&nbsp;" if row.level else ""
    title = f"<b>{_e(row.title)}</b>" if is_visit else _e(row.title)
    colour = " style='color:#555555'" if row.kind in (ItemKind.TRAVEL, ItemKind.RETURN) else ""
    small = " style='font-size:9.5pt'"
    return (
        f"<tr{colour}><td align='center'>{_e(number)}</td>"
        f"<td>{_e(row.time_range)}</td>"
        f"<td>{indent}{title}</td>"
        f"<td{small}>{_lines(row.details)}</td></tr>"
    )


def _signin_entries(
    doc: PlanDocument, names: Sequence[str], blank_rows: int
) -> list[tuple[str, str, str]]:
    """(姓名, 职务, 备注) of each row: the names given, else the roster (列席 in 备注 for those
    not in the Party), else a blank row per participant; then the blank rows."""
    entries = []
    for line in names:
        name, _, position = line.strip().partition("\t")
        if name.strip():
            entries.append((name.strip(), position.strip(), ""))
    if not entries:  # the branch's roster on the day, else a blank row per participant
        observer = doc.labels.signin_observer
        entries = [(s.name, s.position, observer if s.observer else "") for s in doc.signin]
    if not entries:
        entries = [("", "", "")] * max(0, doc.participants)
    return entries + [("", "", "")] * max(0, blank_rows)


def signin_html(
    doc: PlanDocument,
    units: _Units,
    names: Sequence[str],
    blank_rows: int,
    breaks: frozenset[int] = frozenset(),
) -> str:
    labels = doc.labels
    entries = _signin_entries(doc, names, blank_rows)
    place = doc.gathering_place
    if place == labels.unknown_place:  # not chosen yet: written in by hand, not （未设置）
        place = labels.place_to_fill_in
    facts = _facts_table(
        [
            (labels.theme, doc.theme),
            (labels.date, f"{doc.date_text}（{doc.weekday}）"),
            (labels.gathering_place, place),
            (labels.gathering_time, doc.gathering_time_text),
        ],
        units,
    )
    header = "".join(
        f"<th width='{w}' bgcolor='#f3e3e1' align='center'>{_e(text)}</th>"
        for text, w in (
            (labels.col_number, "8%"),
            (labels.col_name, "18%"),
            (labels.col_position, "30%"),
            (labels.col_signature, "24%"),
            (labels.col_remarks, "20%"),
        )
    )
    pad = units.mm(2.6)
    rows = [
        f"<tr><td align='center'>{number}</td><td>{_e(name)}</td><td>{_e(position)}</td>"
        f"<td></td><td>{_e(remark)}</td></tr>"
        for number, (name, position, remark) in enumerate(entries, start=1)
    ]
    named = sum(1 for name, _position, remark in entries if name and not remark)
    observers = sum(1 for _name, _position, remark in entries if remark)
    expected = labels.signin_expected.format(count=named or doc.expected)
    if observers:
        expected += labels.signin_observers
    return (
        f'<html><body style="font-family:{CSS_FONTS}; font-size:11pt">'
        f"{_head(doc, labels.signin_title, units)}{facts}"
        f"<p style='margin:0; font-size:4pt'>&nbsp;</p>"
        f"{_row_tables(rows, breaks, header, units, pad)}"
        f"<p style='margin:0; font-size:8pt'>&nbsp;</p>"
        f"<p style='margin-top:0'>{_e(expected)}</p></body></html>"
    )


# ---- the ledger's year summary (台账) ------------------------------------------------------


def render_ledger_pdf(
    summary: LedgerSummary, path: Path, should_stop: ShouldStop | None = None
) -> Path:
    """Writes the year summary of a branch's ledger as an A4 PDF."""
    path = Path(path)
    require_chinese_font(path)
    with atomic_path(path, verify_pdf, should_stop) as temp, _qt_writable(temp) as drawn:
        print_ledger(summary, _pdf_printer(drawn, summary.title))
    return path


def print_ledger(summary: LedgerSummary, printer: QPrinter) -> None:
    units = _Units(printer)
    text_doc = _text_document(printer, summary.title)
    page_height = _body_size(printer).height()

    def html_for(breaks: frozenset[int]) -> str:
        return ledger_html(summary, units, breaks)

    breaks = _paginate(text_doc, html_for, page_height)
    split = len(summary.day_rows)  # the members' first row
    if summary.member_rows and _parted(text_doc, summary.members_heading, split, page_height):
        # the heading 成员全年出勤 stayed at a page's foot, its table went on: both on the next
        _paginate_row_by_row(text_doc, html_for, page_height, None, breaks | {split})
    _paint(text_doc, printer, summary.page_format)


def _parted(text_doc: QTextDocument, heading: str, row: int, page_height: float) -> bool:
    """Whether the paragraph ``heading`` is on an earlier page than body row ``row``."""
    block = text_doc.begin()
    while block.isValid() and block.text() != heading:
        block = block.next()
    rows = _body_rows(text_doc)
    if not block.isValid() or row >= len(rows):
        return False
    top = text_doc.documentLayout().blockBoundingRect(block).top()
    first = _row_span(text_doc, *rows[row])[0]
    return int(top // page_height) < int(first // page_height)


CENTRE = " align='center' style='white-space:nowrap'"  # a figure is never broken
HELD_COLOUR = " bgcolor='#f3e3e1'"
_DAY_WIDTHS = ("12.5%", "14%", "15%", "5%", "5%", "5%", "5%", "8.5%", "5%", "25%")
_MEMBER_WIDTHS = ("15%", *("4.5%",) * 12, "4.5%", "4.5%", "4.5%", "4.5%", "8%", "5%")


def _header_cells(texts: Sequence[str], widths: Sequence[str]) -> str:
    """Header words are never broken inside (an English 'Expected' in a narrow figure column
    widens it instead)."""
    return "".join(
        f"<th width='{w}' bgcolor='#f3e3e1' align='center' style='white-space:nowrap'>"
        f"{_e(text)}</th>"
        for text, w in zip(texts, widths, strict=True)
    )


def _ledger_row(values: Sequence[str], numbers: range, *, bold: bool = False) -> str:
    cells = "".join(
        f"<td{CENTRE if column in numbers else ''}>{_lines(value)}</td>"
        for column, value in enumerate(values)
    )
    if bold:
        return f"<tr style='font-weight:bold'>{cells}</tr>"
    return f"<tr>{cells}</tr>"


def ledger_html(summary: LedgerSummary, units: _Units, breaks: frozenset[int] = frozenset()) -> str:
    heading = f"<p style='font-size:12pt; font-weight:bold; margin-top:{units.mm(3)}px'>"
    held = "".join(
        f"<td align='center'{HELD_COLOUR if figures else ''}>"
        f"{_e(name)}<br>{_e(mark)}{'<br>' + _e(figures) if figures else ''}</td>"
        for name, mark, figures in summary.months
    )
    border = (
        f"border-collapse:collapse; border-color:#808080; border-style:solid; "
        f"border-width:{max(1, units.mm(0.2))}px"
    )
    month_table = (
        f"<table width='100%' cellspacing='0' cellpadding='{units.mm(1)}' border='1' "
        f"style='{border}; font-size:9.5pt'><tr>{held}</tr></table>"
    )
    days = [
        _ledger_row(row, range(3, 9), bold=number == len(summary.day_rows) - 1)
        for number, row in enumerate(summary.day_rows)
    ]
    members = [_ledger_row(row, range(1, 19)) for row in summary.member_rows]
    split = len(days)
    day_breaks = frozenset(b for b in breaks if b < split)
    member_breaks = frozenset(b - split for b in breaks if b >= split)
    pad = units.mm(1)
    day_table = _row_tables(
        days, day_breaks, _header_cells(summary.day_header, _DAY_WIDTHS), units, pad
    )
    member_table = (
        _row_tables(
            members,
            member_breaks,
            _header_cells(summary.member_header, _MEMBER_WIDTHS),
            units,
            units.mm(0.6),
        )
        if members
        else ""
    )
    members_break = "page-break-before:always; " if 0 in member_breaks else ""
    marks_note = (
        f"<p style='font-size:9.5pt'>{_e(summary.marks_note)}</p>" if members else ""
    )  # what 假, 缺 and 已离开 say
    roster_notes = "".join(  # recorded days the roster now disagrees with
        f"<p style='font-size:9.5pt; color:#7a4700'>{_e(note)}</p>" for note in summary.roster_notes
    )
    return (
        f'<html><body style="font-family:{CSS_FONTS}; font-size:10.5pt">'
        f"<p align='center' style='font-size:17pt; font-weight:bold; "
        f"margin-bottom:{units.mm(3)}px'>{_e(summary.title)}</p>"
        f"{heading}{_e(summary.months_heading)}</p>{month_table}"
        f"<p>{_e(summary.months_without)}</p>"
        f"{heading}{_e(summary.summary_heading)}</p>"
        f"<div style='font-size:9.5pt'>{day_table}</div>"
        f"<p style='font-size:9.5pt'>{_e(summary.counted_note)}</p>{roster_notes}"
        f"{heading}{_e(summary.places_heading)}</p><p>{_e(summary.places)}</p>"
        f"<p style='{members_break}font-size:12pt; font-weight:bold; "
        f"margin-top:{units.mm(3)}px'>{_e(summary.members_heading)}</p>"
        f"<div style='font-size:8.5pt'>{member_table}</div>{marks_note}</body></html>"
    )


__all__ = [
    "PrintKind",
    "build_text_document",
    "export_document",
    "ledger_html",
    "print_document",
    "print_ledger",
    "print_preview",
    "render_ledger_pdf",
    "render_schedule_pdf",
    "render_signin_pdf",
    "unprintable_warning",
]
