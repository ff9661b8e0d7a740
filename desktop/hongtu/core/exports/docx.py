"""DOCX: the 活动方案 in plain official style, on A4 (written by ``wordml``).

Title centred in bold 宋体 二号 (the usual stand-in for 方正小标宋, which few machines have);
section headings 一、… in 黑体 三号; body in 仿宋 三号 at a fixed 28 pt line; the timed
schedule as a table (时间, 内容, 地点) whose header repeats on each page and whose rows never
split. East Asian fonts are set through ``w:eastAsia`` so Word and WPS pick them for Chinese.
Margins: 2.54 cm top/bottom, 3.17 cm left/right.
"""

from __future__ import annotations

from datetime import date

from hongtu.core.document import DocumentLabels, PlanDocument, plan_title
from hongtu.core.exports._text import xml_text
from hongtu.core.exports.wordml import Document, Font, Spacing, cm
from hongtu.core.text import shortened

TITLE_FONT = "宋体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
TABLE_FONT = "宋体"
TITLE = Font(TITLE_FONT, 22, bold=True)  # 二号
HEADING = Font(HEADING_FONT, 16)  # 三号
BODY = Font(BODY_FONT, 16)  # 三号
TABLE = Font(TABLE_FONT, 12)  # 小四
TABLE_HEADING = Font(HEADING_FONT, 12)
TABLE_DETAIL = Font(TABLE_FONT, 10.5)  # 五号: a row's second line
TABLE_BOLD = Font(TABLE_FONT, 12, bold=True)
COLUMN_WIDTHS = [cm(3.3), cm(6.8), cm(4.56)]  # 时间, 内容, 地点: 14.66 cm of text width
# when times after a 待定 leg carry （待定）: a wider 时间, so each stays on one line
PROVISIONAL_COLUMN_WIDTHS = [cm(4.9), cm(5.7), cm(4.06)]
LINE = 28  # pt: the fixed line of official documents
INDENT = 32  # pt: two characters of 三号
CELL = Spacing()  # table cells: single lines, no space around
CENTRED_CELL = Spacing(align="center")


def render_docx(doc: PlanDocument, issued: date | None = None) -> bytes:
    """The 活动方案, signed at its foot by the branch and dated ``issued`` (today)."""
    labels = doc.labels
    document = new_document(doc.title, labels.page_format)
    add_title(document, plan_title(doc, labels))
    _section(document, labels, 0, labels.theme, [doc.theme])
    _section(document, labels, 1, labels.activity_time, [doc.time_text])
    _section(document, labels, 2, labels.activity_place, _places(doc))
    _section(document, labels, 3, labels.attendees, [doc.participants_text])
    add_heading(document, labels.section(4, labels.flow))
    _flow_table(document, doc)
    add_body(document, doc.totals.text)
    notes = list(doc.notes)
    if doc.notes_numbered:
        notes = [f"{n}. {line}" for n, line in enumerate(notes, start=1)]
    _section(document, labels, 5, labels.requirements, notes or [labels.none])
    _section(document, labels, 6, labels.contact_and_phone, [doc.contact_text or labels.none])
    add_body(document, "")
    if doc.branch:
        add_body(document, doc.branch, align="right")
    day = issued or date.today()
    add_body(
        document,
        labels.date_format.format(year=day.year, month=day.month, day=day.day),
        align="right",
    )
    return document.to_bytes()


def new_document(title: str, footer: str = "") -> Document:
    """An A4 document in the official style, ``title`` its file property, ``footer`` every
    page's ("第 {page} 页 / 共 {pages} 页")."""
    return Document(BODY, title=core_property(xml_text(title)), footer=footer)


def add_title(document: Document, text: str, font: Font = TITLE) -> None:
    document.paragraph([(text, font)], Spacing(align="center", line=36, after=18))


def add_heading(document: Document, text: str, indent: float = INDENT) -> None:
    """A section heading, kept with what follows; ``indent``: points before its first line
    (two characters, as the 活动方案's 一、二、…; 0 for a heading over a table)."""
    spacing = Spacing(first_line_indent=indent, line=LINE, keep_with_next=True)
    document.paragraph([(text, HEADING)], spacing)


def add_body(document: Document, text: str, align: str = "both") -> None:
    """A paragraph of body text, justified with a two-character indent (or aligned ``right``
    without one)."""
    indent = INDENT if align == "both" else 0
    document.paragraph([(text, BODY)], Spacing(align=align, first_line_indent=indent, line=LINE))


def _section(
    document: Document, labels: DocumentLabels, index: int, name: str, lines: list[str]
) -> None:
    add_heading(document, labels.section(index, name))
    for line in lines:
        add_body(document, line)


def _places(doc: PlanDocument) -> list[str]:
    labels = doc.labels
    lines = [f"{labels.gathering_place}：{doc.gathering_place}（{doc.gathering_time_text}）"]
    lines += [labels.stops_format.format(number=s.number, name=s.name) for s in doc.stops]
    return lines


def _flow_table(document: Document, doc: PlanDocument) -> None:
    labels = doc.labels
    headers = (labels.col_time, labels.col_content, labels.col_place)
    rows = [[[(text, TABLE_HEADING, CENTRED_CELL)] for text in headers]]
    for row in doc.rows:
        content = ("　" * row.level) + row.title
        if row.details:
            content += "\n" + ("　" * row.level) + row.details
        rows.append([table_cell(text) for text in (row.time_range, content, row.place_shown)])
    provisional = any(row.provisional for row in doc.rows)
    widths = PROVISIONAL_COLUMN_WIDTHS if provisional else COLUMN_WIDTHS
    document.table(rows, widths, header_rows=1, centred=True)


def table_cell(
    text: str, first: Font = TABLE, rest: Font = TABLE_DETAIL
) -> list[tuple[str, Font, Spacing]]:
    """A cell's paragraphs: its first line in ``first``, further lines in ``rest``."""
    lines = text.split("\n")
    return [(lines[0], first, CELL), *((line, rest, CELL) for line in lines[1:])]


DOCX_PROPERTY_CHARS = 255  # the file's "title" property holds at most this many characters


def core_property(text: str) -> str:
    """The body carries the whole title; the file property a visibly shortened one."""
    return shortened(text, DOCX_PROPERTY_CHARS)
