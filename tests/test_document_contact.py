"""The contact and the notes read the same in every document.

The 日程安排表 and the web page wrote "王书记 13800000000", the Word 活动方案 "王书记，13800000000";
a calendar's description joined notes with "；" after a note's own "；", giving "；；".
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from factories import make_plan
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, export_plan
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule


def document(organiser: str, phone: str, notes: str = ""):  # type: ignore[no-untyped-def]
    plan = make_plan()
    plan.organiser, plan.phone, plan.notes = organiser, phone, notes
    return build_document(plan, compute_schedule(plan, {}, DEFAULT_SETTINGS), {})


def calendar_text(doc, folder: Path) -> str:  # type: ignore[no-untyped-def]
    """The calendar file's text with its folded lines joined again (RFC 5545)."""
    raw = export_plan(doc, ExportFormat.ICS, folder / "p.ics").read_bytes().decode("utf-8")
    return raw.replace("\r\n ", "")


def test_one_way_of_writing_the_contact(tmp_path: Path) -> None:
    doc = document("王书记", "13800000000")
    assert doc.contact_text == "王书记，13800000000"
    assert dict(doc.facts)["联系人"] == doc.contact_text  # the 日程安排表, the web page, Excel
    word = docx.Document(str(export_plan(doc, ExportFormat.DOCX, tmp_path / "p.docx")))
    assert any(p.text == doc.contact_text for p in word.paragraphs)
    assert "联系人：王书记，13800000000" in calendar_text(doc, tmp_path)
    assert document("王书记", "").contact_text == "王书记"
    assert document("", "13800000000").contact_text == "13800000000"
    assert document("", "").contact_text == ""


def test_notes_in_one_line_keep_one_separator(tmp_path: Path) -> None:
    doc = document("王书记", "", "1. 携带身份证；\n2. 注意安全。\n着装整齐")
    assert doc.notes_text == "携带身份证；注意安全；着装整齐"
    unfolded = calendar_text(doc, tmp_path)
    assert "注意事项：携带身份证；注意安全；着装整齐" in unfolded
    assert "；；" not in unfolded


def test_the_spreadsheets_facts_line_up_with_their_labels(tmp_path: Path) -> None:
    """A value that wraps (a long 参加人员) starts on its label's line, not below it."""
    doc = document("王书记", "13800000000")
    book = openpyxl.load_workbook(export_plan(doc, ExportFormat.XLSX, tmp_path / "p.xlsx"))
    sheet = book.worksheets[0]
    labels = {label for label, _ in doc.facts}
    cells = [c for row in sheet.iter_rows(min_row=3, max_row=5) for c in row if c.value]
    facts = [c for c in cells if c.value in labels]
    assert len(facts) == len(labels)
    assert all(c.alignment.vertical == "top" for c in cells)
