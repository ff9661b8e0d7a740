"""DOCX ledger (台账): the year's summary table, then one 活动记录 page per Party-day in the same
official style as the 活动方案 (A4, 仿宋 body, 宋体 tables). Photos are placed at a sensible
width; a photo that is missing or unreadable is named in the text instead, never a crash."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm
from docx.table import Table

from hongtu.core import paths
from hongtu.core.exports._text import xml_text
from hongtu.core.exports.docx import (
    TABLE_FONT,
    TABLE_SIZE,
    add_body,
    add_heading,
    add_run,
    add_title,
    core_property,
    set_default_font,
    set_up_page,
)
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_text import missing_text
from hongtu.core.ledger import LedgerDay, YearLedger, rate_text
from hongtu.core.records import PhotoRef

PHOTO_WIDTH = Cm(7.5)


def render_ledger_docx(ledger: YearLedger, labels: LedgerLabels | None = None) -> bytes:
    labels = labels or LedgerLabels()
    document = Document()
    set_up_page(document)
    set_default_font(document)
    title = labels.title_format.format(branch=ledger.branch, year=ledger.year)
    add_title(document, title)
    add_heading(document, labels.summary_heading)
    _summary_table(document, ledger, labels)
    without = [
        labels.month_format.format(month=m)
        for m, held in enumerate(ledger.held, start=1)
        if not held
    ]
    add_body(
        document,
        f"{labels.months_without}：{labels.list_separator.join(without) or labels.no_missing}",
    )
    for day in ledger.days:
        _page_break(document)
        _record_page(document, day, labels)
    document.core_properties.title = core_property(xml_text(title))
    document.core_properties.author = "HongTu"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _summary_table(document: DocxDocument, ledger: YearLedger, labels: LedgerLabels) -> None:
    header = [
        labels.date,
        labels.theme,
        labels.expected,
        labels.present,
        labels.leave,
        labels.absent,
        labels.rate,
    ]
    rows = [
        [
            d.day.isoformat(),
            d.title,
            str(d.counts.expected),
            str(d.counts.present),
            str(d.counts.leave),
            str(d.counts.absent),
            rate_text(d.counts.rate),
        ]
        for d in ledger.days
    ]
    c = ledger.counts
    rows.append(
        [
            labels.year_total,
            "",
            str(c.expected),
            str(c.present),
            str(c.leave),
            str(c.absent),
            rate_text(c.rate),
        ]
    )
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    for r, values in enumerate([header, *rows]):
        _fill_row(table, r, values)


def _page_break(document: DocxDocument) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def _record_page(document: DocxDocument, day: LedgerDay, labels: LedgerLabels) -> None:
    add_title(document, labels.record_title)
    content = [
        f"{item.text}（{labels.done_states[item.state]}{'：' + item.note if item.note else ''}）"
        for item in day.done
    ]
    if day.guests:
        content.append(f"{labels.guests}：{labels.list_separator.join(day.guests)}")
    rows = [
        (labels.theme, day.title),
        (labels.time, day.day.isoformat()),
        (labels.place, labels.list_separator.join(day.places)),
        (labels.host_recorder, f"{day.host}/{day.recorder}"),
        (labels.expected_present, f"{day.counts.expected}/{day.counts.present}"),
        (labels.missing, missing_text(day.missing, labels)),
        (labels.content, "\n".join(content)),
        (labels.summary, day.summary),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for r, (label, value) in enumerate(rows):
        _fill_row(table, r, [label, value])
        table.rows[r].cells[0].width = Cm(3.2)
        table.rows[r].cells[1].width = Cm(11.4)
    if day.photos:
        add_body(document, labels.photos)
        for photo in day.photos:
            _photo(document, photo, labels)


def _photo(document: DocxDocument, photo: PhotoRef, labels: LedgerLabels) -> None:
    path = photo_file(photo)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    try:
        paragraph.add_run().add_picture(str(path), width=PHOTO_WIDTH)
    except Exception:  # missing, unreadable or an image python-docx cannot place
        add_run(
            paragraph,
            labels.photo_missing.format(name=photo.caption or path.name),
            TABLE_FONT,
            TABLE_SIZE,
        )
        return
    if photo.caption:
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(caption, photo.caption, TABLE_FONT, TABLE_SIZE)


def photo_file(photo: PhotoRef) -> Path:
    """Where a photo is: stored paths are relative to the user's data folder."""
    path = Path(photo.path)
    return path if path.is_absolute() else paths.data_dir() / path


def _fill_row(table: Table, row: int, values: list[str]) -> None:
    cells = table.rows[row].cells  # once per row: ``table.cell`` walks the whole table
    for column, value in enumerate(values):
        cell = cells[column]
        lines = value.split("\n")
        paragraph = cell.paragraphs[0]
        add_run(paragraph, lines[0], TABLE_FONT, TABLE_SIZE, bold=column == 0 or row == 0)
        for line in lines[1:]:
            add_run(cell.add_paragraph(), line, TABLE_FONT, TABLE_SIZE)
