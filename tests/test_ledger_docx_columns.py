"""The Word 台账's figures stay on one line where 宋体 is not installed.

LibreOffice without 宋体 prints the digits in DejaVu Sans, wider than 宋体's half-width 0.5 em: the
出席率 column (1.85 cm) wrapped a bold "100.0%" into "100.0" and "%", the members' 1.75 cm a
"100.0%", and "10月" over "10" and "月". The widths below are DejaVu Sans's own advances (the
face LibreOffice took), 1 em for a 汉字, LibreOffice's space between a digit and a 汉字, and
Word's cell margins (0.19 cm each side).
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Cm, Pt

from hongtu.core.exports.ledger_docx import render_ledger_docx
from hongtu.core.ledger import load_ledger
from ledger_helpers import BRANCH, record_year

MARGINS = Cm(0.381)  # Word's cell margins, 0.19 cm each side
DENSE_MARGINS = Cm(0.201)  # the members × months table's, 1 mm
# DejaVu Sans Book, then Bold
ADVANCES = {
    "digit": (0.636, 0.696),
    ".": (0.318, 0.380),
    "%": (0.950, 1.002),
    "-": (0.361, 0.415),
    "/": (0.337, 0.365),
}
AUTOSPACE = 0.2  # em between a digit and a 汉字


def printed_width(text: str, size: float, bold: bool, margins: int = MARGINS) -> int:
    """EMU of ``text`` on one line in LibreOffice without 宋体, with the cell's margins."""
    em = sum(
        1.0 if ord(c) > 0x2E7F else ADVANCES["digit" if c.isdigit() else c][bold] for c in text
    )
    em += AUTOSPACE * len(re.findall(r"\d(?=[^\x00-\x7f])|[^\x00-\x7f](?=\d)", text))
    return Pt(size * em) + margins


def column(table, number: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.cells[number].text for row in table.rows]


def test_every_figure_and_month_fits_its_column_on_one_line(workspace) -> None:
    record_year(workspace, members=40)
    document = Document(io.BytesIO(render_ledger_docx(load_ledger(workspace, BRANCH, 2025))))
    months, days, members = document.tables[:3]

    # 小五; the header and the year's totals bold, 1 mm from the lines
    widths = [cell.width for cell in days.rows[0].cells]
    assert column(days, 7)[0] == "出席率"
    assert days._tbl.tblPr.xpath("w:tblCellMar/w:left/@w:w") == ["57"]
    assert widths[7] >= printed_width("100.0%", 9, True, DENSE_MARGINS)  # whatever the rates
    for number in (0, *range(3, 9)):  # 日期, then 应到 … 列席
        texts = column(days, number)
        for row, text in enumerate(texts):
            bold = row in (0, len(texts) - 1)
            assert widths[number] >= printed_width(text, 9, bold, DENSE_MARGINS), text
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(widths) - text_width) < Cm(0.01)
    # the theme and the places four characters a line at least, the reasons nine
    assert min(widths[1], widths[2]) >= Pt(9 * 4) + DENSE_MARGINS
    assert widths[9] >= Pt(9 * 9) + DENSE_MARGINS

    # the twelve months, 小五: "已开展", "10/14" each on one line
    widths = [cell.width for cell in months.rows[0].cells]
    assert len(widths) == 12 and abs(sum(widths) - text_width) < Cm(0.01)
    for cell, width in zip(months.rows[0].cells, widths, strict=True):
        for text in [*cell.text.split("\n"), "已开展", "10/14"]:
            assert width >= printed_width(text, 9, False, DENSE_MARGINS), text

    # 五号; the header bold
    header = [cell.text for cell in members.rows[0].cells]
    widths = [cell.width for cell in members.rows[0].cells]
    assert header[-2] == "出席率" and header[1:13] == [f"{m}月" for m in range(1, 13)]
    assert members._tbl.tblPr.xpath("w:tblCellMar/w:left/@w:w") == ["57"]  # twips: 1 mm
    assert widths[-2] >= printed_width("100.0%", 10.5, False, DENSE_MARGINS)
    for number in range(1, len(header)):  # "12月", "1/1" … "列席"
        texts = column(members, number)
        assert widths[number] >= printed_width(texts[0], 10.5, True, DENSE_MARGINS), texts[0]
        for text in texts[1:]:
            assert widths[number] >= printed_width(text, 10.5, False, DENSE_MARGINS), text
    section = document.sections[1]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(widths) - text_width) < Cm(0.01)
    assert widths[0] >= Cm(3.5)  # "阿依古丽·买买提" on one line, as before


def test_the_title_fits_one_line_where_songti_is_not_installed(workspace) -> None:
    """“机关第一党支部2025年主题党日活动台账” fits a line in 宋体 二号, but LibreOffice without 宋体
    printed its digits in DejaVu Sans Bold and put “账” alone on a second line. Now the title
    is on one line in that face too, a half-point or so smaller; a longer branch's title still
    breaks after the branch, in 二号."""
    record_year(workspace, members=5)
    document = Document(io.BytesIO(render_ledger_docx(load_ledger(workspace, BRANCH, 2025))))
    title = document.paragraphs[0]
    assert title.text == f"{BRANCH}2025年主题党日活动台账"
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    size = title.runs[0].font.size.pt
    assert printed_width(title.text, size, bold=True, margins=0) <= text_width, size
    assert Pt(18) <= title.runs[0].font.size <= Pt(22)  # 小二 at the least, 二号 at most


def test_the_first_page_has_the_pdfs_months_and_columns_and_its_headings_flush_left(
    workspace,
) -> None:
    """Probe s28: the Word 台账's 全年情况 had no 地点 and no 缺席及原因 and there was no
    各月开展情况, both on the PDF's page; its headings were indented like the body. Now page 1
    has the PDF's content in its order — the twelve months (each month, 已开展 / 未开展 / 待开展
    and 实到/应到), the months without a Party-day, the days with their places and reasons, 参观
    地点 — every table the text's width and the headings at the margin."""
    from hongtu.core.exports.ledger_summary import build_ledger_summary

    record_year(workspace, members=12)
    ledger = load_ledger(workspace, BRANCH, 2025)
    summary = build_ledger_summary(ledger)
    document = Document(io.BytesIO(render_ledger_docx(ledger)))
    months, days = document.tables[:2]
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin

    assert len(months.rows) == 1
    grid = [cell.text.split("\n") for cell in months.rows[0].cells]
    assert grid == [[name, mark, *([n] if n else [])] for name, mark, n in summary.months]
    assert grid[0] == ["1月", "已开展", "10/12"] and grid[1] == ["2月", "未开展"]

    header = [cell.text for cell in days.rows[0].cells]
    assert header == ["日期", "主题", "地点", "应到", "实到", "请假", "缺席", "出席率", "列席",
                      "缺席及原因"]  # fmt: skip
    rows = [tuple(cell.text for cell in row.cells) for row in days.rows[1:]]
    assert rows == list(summary.day_rows)
    first = dict(zip(header, rows[0], strict=True))
    assert first["地点"] and first["缺席及原因"] == "王建国（缺席）；李秀英（缺席）"
    for table in (months, days):
        assert abs(sum(c.width for c in table.rows[0].cells) - text_width) < Cm(0.01)

    body = document.element.body
    order = [
        ("table" if child.tag.endswith("}tbl") else child.xpath("string(.)"))
        for child in body.iterchildren()
    ]
    assert order[1:7] == ["各月开展情况", "table", summary.months_without, "全年情况", "table",
                          summary.counted_note]  # fmt: skip
    names = ("各月开展情况", "全年情况", "参观地点")
    headings = [p for p in document.paragraphs if p.text in names]
    assert len(headings) == 3
    for heading in headings:
        assert not heading.paragraph_format.first_line_indent, heading.text
        assert heading.paragraph_format.keep_with_next
