"""DOCX (python-docx): the 活动方案 in plain official style, on A4.

Title centred in bold 宋体 二号 (the usual stand-in for 方正小标宋, which few machines have);
section headings 一、… in 黑体 三号; body in 仿宋 三号 at a fixed 28 pt line; the timed
schedule as a table (时间, 内容, 地点) whose header repeats on each page and whose rows never
split. East Asian fonts are set through ``w:eastAsia`` so Word and WPS pick them for Chinese.
Margins: 2.54 cm top/bottom, 3.17 cm left/right.
"""

from __future__ import annotations

import copy
import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from hongtu.core.document import DocumentLabels, PlanDocument
from hongtu.core.exports._text import xml_text

TITLE_FONT = "宋体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
TABLE_FONT = "宋体"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
TABLE_SIZE = Pt(12)  # 小四
COLUMN_WIDTHS = (Cm(3.3), Cm(6.8), Cm(4.56))  # 时间, 内容, 地点: 14.66 cm of text width


def render_docx(doc: PlanDocument) -> bytes:
    document = Document()
    _page(document)
    _default_font(document)
    labels = doc.labels
    _title(document, doc.title + labels.plan_suffix)
    _section(document, labels, 0, labels.theme, [doc.theme])
    _section(document, labels, 1, labels.activity_time, [doc.time_text])
    _section(document, labels, 2, labels.activity_place, _places(doc))
    _section(document, labels, 3, labels.attendees, [doc.participants_text])
    _heading(document, labels.section(4, labels.flow))
    _flow_table(document, doc)
    _body(document, doc.totals.text)
    notes = [f"{n}. {line}" for n, line in enumerate(doc.notes, start=1)] or [labels.none]
    _section(document, labels, 5, labels.requirements, notes)
    contact = labels.contact_format.format(name=doc.contact, phone=doc.phone).strip("，, ")
    _section(document, labels, 6, labels.contact_and_phone, [contact or labels.none])
    if doc.branch:
        _body(document, "")
        _body(document, doc.branch, align=WD_ALIGN_PARAGRAPH.RIGHT)
    document.core_properties.title = _property(xml_text(doc.title))
    document.core_properties.author = "HongTu"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.17)


def _default_font(document: DocxDocument) -> None:
    style = document.styles["Normal"]
    style.font.name = BODY_FONT
    style.font.size = BODY_SIZE
    _east_asian(style.element.get_or_add_rPr(), BODY_FONT)


def _east_asian(r_pr: BaseOxmlElement, font: str) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _run(paragraph: Paragraph, text: str, font: str, size: Pt, *, bold: bool = False) -> None:
    run = paragraph.add_run(xml_text(text))
    run.font.name = font
    run.font.size = size
    run.font.bold = bold
    run.font.color.rgb = RGBColor(0, 0, 0)
    _east_asian(run._element.get_or_add_rPr(), font)


LINE = Pt(28)  # fixed line spacing of official documents
NO_SPACE = Pt(0)


def _spacing(paragraph: Paragraph, line: Pt | None = LINE, after: Pt = NO_SPACE) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = after
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line


def _title(document: DocxDocument, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(paragraph, line=Pt(36), after=Pt(18))
    _run(paragraph, text, TITLE_FONT, TITLE_SIZE, bold=True)


def _heading(document: DocxDocument, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(32)
    paragraph.paragraph_format.keep_with_next = True
    _spacing(paragraph)
    _run(paragraph, text, HEADING_FONT, BODY_SIZE)


def _body(
    document: DocxDocument, text: str, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    if align is WD_ALIGN_PARAGRAPH.JUSTIFY:
        paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters
    _spacing(paragraph)
    _run(paragraph, text, BODY_FONT, BODY_SIZE)


def _section(
    document: DocxDocument, labels: DocumentLabels, index: int, name: str, lines: list[str]
) -> None:
    _heading(document, labels.section(index, name))
    for line in lines:
        _body(document, line)


def _places(doc: PlanDocument) -> list[str]:
    labels = doc.labels
    lines = [f"{labels.gathering_place}：{doc.gathering_place}（{doc.gathering_time_text}）"]
    lines += [labels.stops_format.format(number=s.number, name=s.name) for s in doc.stops]
    return lines


def _flow_table(document: DocxDocument, doc: PlanDocument) -> None:
    labels = doc.labels
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    headers = (labels.col_time, labels.col_content, labels.col_place)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _spacing(paragraph, line=None)
        _run(paragraph, text, HEADING_FONT, TABLE_SIZE)
    _row_flags(table.rows[0]._tr, header=True)
    row_template, extra_line = _row_templates(table)
    for row in doc.rows:
        content = ("　" * row.level) + row.title
        if row.details:
            content += "\n" + ("　" * row.level) + row.details
        texts = (row.time_range, content, row.place_shown)
        if any("\t" in text or "\r" in text for text in texts):
            _slow_row(table, texts)
            continue
        # a copy of one formatted row, its words replaced: python-docx's API per cell costs
        # seconds at 200 stops, an XML copy a few milliseconds
        tr = copy.deepcopy(row_template)
        for tc, text in zip(tr.tc_lst, texts, strict=True):
            lines = text.split("\n")
            _set_text(tc.p_lst[0], lines[0])
            for extra in lines[1:]:
                paragraph = copy.deepcopy(extra_line)
                _set_text(paragraph, extra)
                tc.append(paragraph)
        table._tbl.append(tr)
    for tr in table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, COLUMN_WIDTHS, strict=True):
            _Cell(tc, table).width = width


def _row_templates(table: Table) -> tuple[CT_Row, BaseOxmlElement]:
    """A data row formatted as every row is (one placeholder line per cell), and a formatted
    extra line; both taken out of the table again."""
    added = table.add_row()  # type: ignore[no-untyped-call]
    cells = [_Cell(tc, table) for tc in added._tr.tc_lst]
    for cell in cells:
        paragraph = cell.paragraphs[0]
        _spacing(paragraph, line=None)
        _run(paragraph, "-", TABLE_FONT, TABLE_SIZE)
    extra = cells[1].add_paragraph()
    _spacing(extra, line=None)
    _run(extra, "-", TABLE_FONT, Pt(10.5))
    extra_p = extra._p
    extra_p.getparent().remove(extra_p)
    _row_flags(added._tr, header=False)
    table._tbl.remove(added._tr)
    return added._tr, extra_p


def _set_text(paragraph: BaseOxmlElement, text: str) -> None:
    node = paragraph.find(".//" + qn("w:t"))
    node.text = xml_text(text)
    node.set(qn("xml:space"), "preserve")


def _slow_row(table: Table, texts: tuple[str, str, str]) -> None:
    added = table.add_row()  # type: ignore[no-untyped-call]
    cells = [_Cell(tc, table) for tc in added._tr.tc_lst]
    for cell, text in zip(cells, texts, strict=True):
        lines = text.split("\n")
        paragraph = cell.paragraphs[0]
        _spacing(paragraph, line=None)
        _run(paragraph, lines[0], TABLE_FONT, TABLE_SIZE)
        for extra in lines[1:]:
            more = cell.add_paragraph()
            _spacing(more, line=None)
            _run(more, extra, TABLE_FONT, Pt(10.5))
    _row_flags(added._tr, header=False)


def _row_flags(tr: CT_Row, *, header: bool) -> None:
    tr_pr = tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


DOCX_PROPERTY_CHARS = 255  # the file's "title" property holds at most this many characters


def _property(text: str) -> str:
    """The body carries the whole title; the file property a visibly shortened one."""
    if len(text) <= DOCX_PROPERTY_CHARS:
        return text
    return text[: DOCX_PROPERTY_CHARS - 1] + "…"


# The same official style for the ledger's DOCX (``ledger_docx``).
set_up_page = _page
set_default_font = _default_font
add_run = _run
add_title = _title
add_heading = _heading
add_body = _body
core_property = _property
