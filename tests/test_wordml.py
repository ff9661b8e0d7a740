"""The DOCX writer (``hongtu.core.exports.wordml``), read back by python-docx.

Word must show every paragraph and cell as written: any text a user can type (tabs and line
breaks as Word's own), fonts for Chinese text, the official spacing, tables whose header repeats
and whose rows never split, pictures at their size, the A4 page; and the package must hold
exactly the parts it declares, each well-formed XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from xml.dom.minidom import parseString

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from hongtu.core.exports.wordml import PAGE_BREAK, Document, Font, Picture, Spacing, cm
from hongtu.core.text import clean_text
from typed_text import typed_text

BODY = Font("仿宋", 16)
TYPED = typed_text("<>&")
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def _read(document: Document) -> docx.document.Document:
    return docx.Document(io.BytesIO(document.to_bytes(NOW)))


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(TYPED, min_size=1, max_size=5), cell=TYPED)
def test_typed_text_reads_back_as_written(texts: list[str], cell: str) -> None:
    document = Document(BODY)
    for text in texts:
        document.paragraph([(text, BODY)], Spacing())
    document.table([[[("时间", BODY, Spacing())], [(cell, BODY, Spacing())]]])
    read = _read(document)
    assert [p.text for p in read.paragraphs] == [clean_text(t) for t in texts]
    assert read.tables[0].cell(0, 1).text == clean_text(cell)


def test_fonts_spacing_and_alignment_are_what_word_reads() -> None:
    document = Document(BODY, title="第一党支部“学习”<活动>")
    title = Font("宋体", 22, bold=True)
    document.paragraph([("标题", title)], Spacing(align="center", line=36, after=18))
    kept = Spacing(first_line_indent=32, line=28, keep_with_next=True)
    document.paragraph([("一、活动主题", Font("黑体", 16))], kept)
    document.paragraph([("第一党支部", BODY)], Spacing(align="right", line=28))
    read = _read(document)
    first, heading, right = read.paragraphs
    assert first.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert first.paragraph_format.line_spacing == Pt(36)
    assert first.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert first.paragraph_format.space_after == Pt(18)
    run = first.runs[0]
    assert (run.font.name, run.font.size, run.font.bold) == ("宋体", Pt(22), True)
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert heading.paragraph_format.first_line_indent == Pt(32)
    assert heading.paragraph_format.keep_with_next
    assert heading.runs[0].font.bold is False and heading.runs[0].font.name == "黑体"
    assert right.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert read.styles["Normal"].font.name == "仿宋"
    assert read.styles["Normal"].font.size == Pt(16)
    assert read.core_properties.title == "第一党支部“学习”<活动>"
    assert read.core_properties.author == "HongTu"


def test_the_page_is_a4_with_the_official_margins() -> None:
    section = _read(Document(BODY)).sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(3.17)) < Cm(0.01)
    assert abs(section.right_margin - Cm(3.17)) < Cm(0.01)
    assert abs(section.top_margin - Cm(2.54)) < Cm(0.01)
    assert abs(section.bottom_margin - Cm(2.54)) < Cm(0.01)


def test_a_table_repeats_its_header_keeps_rows_whole_and_its_widths() -> None:
    document = Document(BODY)
    cell = Spacing()
    rows = [[[(f"{r}-{c}", BODY, cell)] for c in range(3)] for r in range(4)]
    rows[2][1].append(("第二行", Font("宋体", 10.5), cell))
    document.table(rows, [cm(3.3), cm(6.8), cm(4.56)], header_rows=1, centred=True)
    table = _read(document).tables[0]
    assert table.alignment == 1  # centred
    assert table.style.name == "Table Grid"
    assert [[c.text for c in row.cells] for row in table.rows][2] == ["2-0", "2-1\n第二行", "2-2"]
    flags = [
        (row._tr.trPr.find(qn("w:tblHeader")) is not None, row._tr.trPr.find(qn("w:cantSplit")))
        for row in table.rows
    ]
    assert [header for header, _ in flags] == [True, False, False, False]
    assert all(whole is not None for _, whole in flags)
    widths = [c.width for c in table.rows[1].cells]
    assert [round(w / Cm(1), 2) for w in widths] == [3.3, 6.8, 4.56]


def _jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (180, 20, 20)).save(out, "JPEG")
    return out.getvalue()


def test_pictures_captions_and_page_breaks() -> None:
    document = Document(BODY)
    first, second = _jpeg(40, 30), _jpeg(30, 40)
    small = Font("宋体", 12)
    pictures = [Picture(first, cm(7), cm(5.25)), "\u2002", Picture(second, 1, 2)]
    document.paragraph([(piece, small) for piece in pictures], Spacing(align="center"))
    document.paragraph([("\t甲\t乙", small)], Spacing(centre_tabs=(cm(3.5), cm(11))))
    document.page_break()
    document.paragraph([(PAGE_BREAK, small), ("下一页", small)], Spacing())
    read = _read(document)
    shapes = read.inline_shapes
    assert [(s.width, s.height) for s in shapes] == [(cm(7), cm(5.25)), (1, 2)]
    blobs = [read.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for s in shapes]  # fmt: skip
    assert blobs == [first, second]
    captions = read.paragraphs[1]
    assert captions.text == "\t甲\t乙"
    stops = captions.paragraph_format.tab_stops
    assert [(round(t.position / Cm(1), 2), t.alignment) for t in stops] == [
        (3.5, WD_TAB_ALIGNMENT.CENTER),
        (11.0, WD_TAB_ALIGNMENT.CENTER),
    ]
    breaks = read.element.body.xpath(".//w:br[@w:type='page']")
    assert len(breaks) == 2


def test_the_package_holds_exactly_its_declared_parts_each_well_formed() -> None:
    document = Document(BODY, title="\x07控制符")
    document.paragraph([("<&>\x00", BODY), (Picture(_jpeg(4, 4), 10, 10), BODY)], Spacing())
    with zipfile.ZipFile(io.BytesIO(document.to_bytes(NOW))) as archive:
        names = set(archive.namelist())
        for name in names - {"word/media/image1.jpeg"}:
            parseString(archive.read(name))
        types = archive.read("[Content_Types].xml").decode()
    overrides = set(re.findall(r'PartName="/([^"]+)"', types))
    assert overrides | {"word/media/image1.jpeg"} == names - {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
    }
    assert 'Extension="jpeg"' in types


def test_a_run_refuses_what_is_not_text_a_picture_or_a_break() -> None:
    with pytest.raises(TypeError):
        Document(BODY).paragraph([(3, BODY)], Spacing())
