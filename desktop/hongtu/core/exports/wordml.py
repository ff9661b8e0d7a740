"""A small WordprocessingML (DOCX) writer: the parts HongTu's documents use, nothing more.

Paragraphs (alignment, first-line indent, spacing, exact line height, kept with the next,
centre tab stops) of runs (font for Latin and Chinese text alike, size, bold, black; a tab,
a line break or a page break), tables with grid lines (fixed column widths, header rows repeated
on every page, rows never split across pages) and JPEG pictures in line with the text, on an
A4 page with the given margins. The XML follows ECMA-376's schemas in their element order
(Word is strict about it); ``tests/test_wordml.py`` reads every file back with python-docx.

Written here rather than with python-docx: a command-line export of the 活动方案 paid about
0.1 s for importing it and lxml and parsing its template document, more than the rest of the
export together.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from hongtu.core.exports._opc import OFFICE, REL, package, relationships
from hongtu.core.text import char_width, clean_text
from hongtu.core.text import escape_markup as escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_FIRST_PICTURE_ID = 3  # rId1 styles, rId2 settings, then the pictures in order
EMU_PER_CM = 360_000
TWIPS_PER_PT = 20
EMU_PER_TWIP = 635


def cm(value: float) -> int:
    """EMU (English Metric Units), the unit of picture sizes; see ``twips`` for the rest."""
    return round(value * EMU_PER_CM)


def twips(emu: int) -> int:
    return round(emu / EMU_PER_TWIP)


@dataclass(frozen=True)
class Font:
    name: str  # for Latin and East Asian text alike (Word and WPS pick it for Chinese)
    size: float  # points
    bold: bool = False


CELL_MARGIN = 108  # twips of padding left and right in a table cell (Word's default, 0.19 cm)
# The advance, in em, of a half-width character in the widest face a table may be printed in:
# 宋体's are 0.5 em, but LibreOffice without 宋体 takes DejaVu Sans, where a bold "100.0%" is
# 4.17 em; a column sized for 宋体 wrapped it into "100.0" and "%". Regular, then bold.
_DIGIT_EM = (0.636, 0.696)
_HALF_WIDTH_EM = {
    ".": (0.318, 0.380),
    "%": (0.950, 1.002),
    "-": (0.361, 0.415),
    "/": (0.337, 0.365),
    ":": (0.337, 0.400),
    " ": (0.318, 0.348),
}
_AUTOSPACE_EM = 0.25
_OTHER_EM = 1.1  # any other half-width character: DejaVu's bold "W" is 1.1 em


def line_width(text: str, font: Font) -> int:
    """EMU that ``text`` takes on one line in ``font``, in the widest face it may be printed in
    (an upper bound: 宋体 itself is narrower)."""
    bold = int(font.bold)
    em = sum(_char_em(char, bold) for char in text)
    # Word, WPS and LibreOffice space Chinese apart from Latin letters and digits (autoSpaceDE/DN)
    em += _AUTOSPACE_EM * sum(
        (char_width(a) == 2) != (char_width(b) == 2) for a, b in itertools.pairwise(text)
    )
    return math.ceil(em * font.size * TWIPS_PER_PT) * EMU_PER_TWIP


def _char_em(char: str, bold: int) -> float:
    if char_width(char) == 2:  # 汉字 and full-width punctuation: 1 em in every CJK face
        return 1.0
    if char.isdigit():
        return _DIGIT_EM[bold]
    return _HALF_WIDTH_EM[char][bold] if char in _HALF_WIDTH_EM else _OTHER_EM


def column_width(lines: Iterable[tuple[str, Font]], cell_margin: int = CELL_MARGIN) -> int:
    """The narrowest fixed column (EMU) that holds each of ``lines`` (text, font) unbroken: the
    widest, the cell's margins (twips) either side, and a twip either side for rounding."""
    widest = max((line_width(text, font) for text, font in lines), default=0)
    return widest + (2 * cell_margin + 2) * EMU_PER_TWIP


@dataclass(frozen=True)
class Spacing:
    """Paragraph layout: points, alignment ``left``/``center``/``right``/``both`` (justified)."""

    align: str | None = None
    first_line_indent: float = 0
    before: float = 0
    after: float = 0
    line: float | None = None  # exact line height; None: single
    keep_with_next: bool = False
    centre_tabs: tuple[int, ...] = ()  # centre tab stops, EMU from the left margin


@dataclass(frozen=True)
class Picture:
    """A JPEG in line with the text, ``width`` × ``height`` EMU."""

    jpeg: bytes
    width: int
    height: int


PAGE_BREAK = object()
Piece = str | Picture | object  # text (tabs and line breaks kept), a picture or PAGE_BREAK


@dataclass
class Page:
    """A4 portrait (``landscape()`` turns it); margins in EMU."""

    width: int = cm(21.0)
    height: int = cm(29.7)
    top: int = cm(2.54)
    bottom: int = cm(2.54)
    left: int = cm(3.17)
    right: int = cm(3.17)

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right

    def landscape(self) -> Page:
        """The same sheet turned: the long side across, the side margins at top and bottom."""
        return Page(self.height, self.width, self.left, self.right, self.top, self.bottom)


@dataclass
class Document:
    font: Font  # the Normal style's
    page: Page = field(default_factory=Page)
    title: str = ""
    author: str = "HongTu"
    # every page's footer, centred: "第 {page} 页 / 共 {pages} 页" (Word fills in the numbers)
    footer: str = ""
    _body: list[str] = field(default_factory=list)
    _images: list[bytes] = field(default_factory=list)

    def paragraph(self, pieces: list[tuple[Piece, Font]], spacing: Spacing) -> None:
        self._body.append(self._paragraph_xml(pieces, spacing))

    def page_break(self) -> None:
        self._body.append(f"<w:p><w:r>{_page_break()}</w:r></w:p>")

    def table(
        self,
        rows: list[list[list[tuple[str, Font, Spacing]]]],
        widths: list[int] | None = None,
        *,
        header_rows: int = 0,
        centred: bool = False,
        cell_margin: int = CELL_MARGIN,
    ) -> None:
        """``rows`` of cells, each cell a list of paragraphs (text, font, spacing); column
        ``widths`` in EMU, fixed (None: the text width shared equally, then fitted to the
        content by Word). Rows are never split across
        pages; the first ``header_rows`` repeat at the top of every page. ``cell_margin``:
        twips of padding left and right in each cell."""
        columns = max((len(row) for row in rows), default=1)
        fixed = widths is not None
        if widths is None:
            widths = [self.page.text_width // columns] * columns
        grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
        jc = '<w:jc w:val="center"/>' if centred else ""
        layout = '<w:tblLayout w:type="fixed"/>' if fixed else ""  # else Word fits the content
        if cell_margin != CELL_MARGIN:
            layout += (
                f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
                f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
            )
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            f'{jc}{layout}<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
            ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        ]
        for number, row in enumerate(rows):
            header = "<w:tblHeader/>" if number < header_rows else ""
            parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
            for column, cell in enumerate(row):
                width = twips(widths[min(column, len(widths) - 1)])
                paragraphs = "".join(
                    self._paragraph_xml([(text, font)], spacing) for text, font, spacing in cell
                ) or "<w:p/>"  # a cell holds at least one paragraph
                parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>')
                parts.append(f"{paragraphs}</w:tc>")
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self._body.append("".join(parts))

    def to_bytes(self, now: datetime | None = None) -> bytes:
        kind = f"{OFFICE}.wordprocessingml"
        parts = {
            "word/document.xml": (f"{kind}.document.main+xml", self._document_xml()),
            "word/styles.xml": (f"{kind}.styles+xml", _styles_xml(self.font)),
            "word/settings.xml": (f"{kind}.settings+xml", _settings_xml()),
        }
        pictures = [("image", f"media/image{n}.jpeg") for n in range(1, len(self._images) + 1)]
        targets = [("styles", "styles.xml"), ("settings", "settings.xml"), *pictures]
        media = {
            f"word/{target}": jpeg for (_, target), jpeg in zip(pictures, self._images, strict=True)
        }
        if self.footer:
            targets.append(("footer", "footer1.xml"))
            footer = _footer_xml(self.footer, self.font)
            parts["word/footer1.xml"] = (f"{kind}.footer+xml", footer)
            document = parts["word/document.xml"][1].replace(_FOOTER_ID, f"rId{len(targets)}")
            parts["word/document.xml"] = (parts["word/document.xml"][0], document)
        return package(
            "word/document.xml",
            parts,
            rels={"word/_rels/document.xml.rels": relationships(targets)},
            title=self.title,
            creator=self.author,
            now=now,
            media=media,
        )

    def _paragraph_xml(self, pieces: list[tuple[Piece, Font]], spacing: Spacing) -> str:
        runs = "".join(self._run_xml(piece, font) for piece, font in pieces)
        return f"<w:p>{_paragraph_properties(spacing)}{runs}</w:p>"

    def _run_xml(self, piece: Piece, font: Font) -> str:
        if isinstance(piece, Picture):
            self._images.append(piece.jpeg)
            content = _picture_xml(piece, len(self._images))
        elif piece is PAGE_BREAK:
            content = _page_break()
        elif isinstance(piece, str):
            content = _text_xml(piece)
        else:
            raise TypeError(f"a run holds text, a picture or a page break, not {piece!r}")
        return f"<w:r>{_run_properties(font)}{content}</w:r>"

    def new_section(self, page: Page) -> None:
        """What follows starts on a new page laid out as ``page`` (a landscape table between
        portrait pages); the pages before keep theirs."""
        self._body.append(f"<w:p><w:pPr>{_section_xml(self.page, self.footer)}</w:pPr></w:p>")
        self.page = page

    def _document_xml(self) -> str:
        section = _section_xml(self.page, self.footer)
        return (
            f'<w:document xmlns:w="{_W}" xmlns:r="{REL}" xmlns:wp="{_WP}" xmlns:a="{_A}"'
            f' xmlns:pic="{_PIC}"><w:body>{"".join(self._body)}{section}</w:body></w:document>'
        )


# the footer's relationship id until the pictures' are known (markup no escaped text can hold)
_FOOTER_ID = "<footer>"


def _section_xml(page: Page, footer: str = "") -> str:
    orient = ' w:orient="landscape"' if page.width > page.height else ""
    reference = f'<w:footerReference w:type="default" r:id="{_FOOTER_ID}"/>' if footer else ""
    return (
        f"<w:sectPr>{reference}"
        f'<w:pgSz w:w="{twips(page.width)}" w:h="{twips(page.height)}"{orient}/>'
        f'<w:pgMar w:top="{twips(page.top)}" w:right="{twips(page.right)}"'
        f' w:bottom="{twips(page.bottom)}" w:left="{twips(page.left)}" w:header="720"'
        ' w:footer="720" w:gutter="0"/><w:cols w:space="720"/>'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )


def _paragraph_properties(spacing: Spacing) -> str:
    parts = []
    if spacing.keep_with_next:
        parts.append("<w:keepNext/>")
    if spacing.centre_tabs:
        tabs = "".join(f'<w:tab w:val="center" w:pos="{twips(p)}"/>' for p in spacing.centre_tabs)
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    line = ""
    if spacing.line is not None:
        line = f' w:line="{round(spacing.line * TWIPS_PER_PT)}" w:lineRule="exact"'
    before, after = round(spacing.before * TWIPS_PER_PT), round(spacing.after * TWIPS_PER_PT)
    parts.append(f'<w:spacing w:before="{before}" w:after="{after}"{line}/>')
    if spacing.first_line_indent:
        indent = round(spacing.first_line_indent * TWIPS_PER_PT)
        parts.append(f'<w:ind w:firstLine="{indent}"/>')
    if spacing.align is not None:
        parts.append(f'<w:jc w:val="{spacing.align}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def _run_properties(font: Font) -> str:
    name = escape(font.name)
    fonts = f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
    bold = '<w:b/><w:bCs/>' if font.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    size = round(font.size * 2)  # half-points
    return f'<w:rPr>{fonts}{bold}<w:color w:val="000000"/><w:sz w:val="{size}"/>' + (
        f'<w:szCs w:val="{size}"/></w:rPr>'
    )


def _text_xml(text: str) -> str:
    """Text as ``w:t`` elements; a tab and a line break become Word's own (as typed)."""
    parts = []
    for number, line in enumerate(clean_text(text).split("\n")):
        if number:
            parts.append("<w:br/>")
        for index, chunk in enumerate(line.split("\t")):
            if index:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return "".join(parts)


def _footer_xml(text: str, font: Font) -> str:
    """A centred footer: ``text`` with Word's own page number for {page} and page count for
    {pages}, in 五号 of the document's font."""
    small = Font(font.name, 10.5)
    runs = []
    for piece in re.split(r"(\{page\}|\{pages\})", text):
        if piece in ("{page}", "{pages}"):
            code = "PAGE" if piece == "{page}" else "NUMPAGES"
            runs.append(
                f'<w:fldSimple w:instr=" {code} "><w:r>{_run_properties(small)}'
                f"<w:t>1</w:t></w:r></w:fldSimple>"
            )
        elif piece:
            runs.append(f"<w:r>{_run_properties(small)}{_text_xml(piece)}</w:r>")
    return (
        f'<w:ftr xmlns:w="{_W}" xmlns:r="{REL}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f"{''.join(runs)}</w:p></w:ftr>"
    )


def _page_break() -> str:
    return '<w:br w:type="page"/>'


def _picture_xml(picture: Picture, number: int) -> str:
    size = f'cx="{picture.width}" cy="{picture.height}"'
    name = f"image{number}.jpeg"
    return (
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent {size}/>'
        f'<wp:docPr id="{number}" name="Picture {number}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{_PIC}"><pic:pic><pic:nvPicPr>'
        f'<pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="rId{number + _FIRST_PICTURE_ID - 1}"/>'
        "<a:stretch><a:fillRect/></a:stretch>"
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {size}/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        "</a:graphic></wp:inline></w:drawing>"
    )


def _styles_xml(font: Font) -> str:
    name = escape(font.name)
    size = round(font.size * 2)
    grid = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-US"'
        ' w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/>"
        f'<w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        f'<w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:jc w:val="left"/>'
        "</w:pPr><w:tblPr>"
        f"<w:tblBorders>{grid}</w:tblBorders></w:tblPr></w:style></w:styles>"
    )


def _settings_xml() -> str:
    return (
        f'<w:settings xmlns:w="{_W}"><w:defaultTabStop w:val="420"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        "</w:settings>"
    )
