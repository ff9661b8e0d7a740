"""XLSX ledger: a sheet for the year (one row per Party-day, and the year's totals) and a
member × month attendance sheet. Text cells are never formulas (as in ``xlsx.py``); figures are
numbers, 出席率 a fraction shown as a percent ("0.0%"), so Excel can add and chart them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hongtu.core.exports._text import xml_text
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_summary import figure_labels
from hongtu.core.exports.ledger_text import (
    member_rate_text,
    missing_text,
    month_cells,
    roster_notes,
    status_text,
)
from hongtu.core.exports.sheetml import CellStyle, PrintSetup, Sheet, Workbook
from hongtu.core.exports.xlsx import BOLD_FONT, TEXT_FONT, put_cell
from hongtu.core.ledger import Counts, YearLedger, rate_text


def render_ledger_xlsx(ledger: YearLedger, labels: LedgerLabels | None = None) -> bytes:
    labels = labels or LedgerLabels()
    title = labels.title_format.format(branch=ledger.branch, year=ledger.year)
    book = Workbook(TEXT_FONT, title=xml_text(title))
    days = book.add_sheet(labels.year_sheet_format.format(year=ledger.year))
    header = [
        labels.date,
        labels.theme,
        labels.place,
        labels.host,
        labels.recorder,
        *figure_labels(labels),
        labels.missing,
    ]
    day_figures = range(6, 12)  # 应到 … 出席率, 列席
    _row(days, 1, header, bold=True, figures=day_figures)
    row = 2
    for day in ledger.days:
        _row(
            days,
            row,
            [
                day.day.isoformat(),
                day.title,
                labels.list_separator.join(day.places),
                day.host,
                day.recorder,
                *_figures(day.counts),
                missing_text(day.missing, labels),
            ],
            figures=day_figures,
        )
        row += 1
    _row(
        days,
        row,
        [labels.year_total, "", "", "", "", *_figures(ledger.counts), ""],
        bold=True,
        figures=day_figures,
    )
    _note(days, row + 1, labels.counted_note, len(header))
    for number, note in enumerate(roster_notes(ledger.days, labels), start=row + 2):
        _note(days, number, note, len(header))  # recorded days the roster now disagrees with
    days.widths.update(enumerate((12, 28, 30, 10, 10, 7, 7, 7, 7, 9, 7, 40), start=1))
    _printable(days)

    members = book.add_sheet(labels.members_sheet)
    months = [labels.month_format.format(month=m) for m in range(1, 13)]
    _row(
        members,
        1,
        [
            labels.name,
            labels.role,
            labels.status,
            *months,
            labels.expected,
            labels.present,
            labels.leave,
            labels.absent,
            labels.rate,
            labels.guests,
        ],
        bold=True,
        figures=range(4, 22),  # the months, 应到 … 出席率, 列席
    )
    for number, member in enumerate(ledger.members, start=2):
        _row(
            members,
            number,
            [
                member.name,
                member.role,
                status_text(member, labels),
                *month_cells(member, ledger.year, labels),
                *_figures(member.counts, member=True),
            ],
            figures=range(4, 22),
        )
    if ledger.members:
        _note(members, len(ledger.members) + 2, labels.counted_note, 21)
        _note(members, len(ledger.members) + 3, labels.marks_note, 21)
    members.widths.update(enumerate((12, 8, 14, *[7] * 12, 7, 7, 7, 7, 9, 7), start=1))
    _printable(members)
    return book.to_bytes()


def _printable(sheet: Sheet) -> None:
    """A4 landscape, one page wide, the heading row on every page and frozen on screen; rows
    tall enough for their wrapped text (a long 缺席及原因)."""
    sheet.fit_heights()
    sheet.print_setup = PrintSetup(title_rows=(1, 1), landscape=True)
    sheet.frozen_rows = 1


def _note(sheet: Sheet, row: int, text: str, columns: int) -> None:
    """A line under a table, across its width: what its figures count."""
    _row(sheet, row, [text])
    sheet.merge_row(row, 1, columns)


def _figures(counts: Counts, *, member: bool = False) -> list[str | int | float]:
    """应到 … 列席; 出席率 the fraction (a percent by its cell's format), — where the other
    outputs print — (nobody expected; a member away only on leave)."""
    shown = member_rate_text(counts) if member else rate_text(counts.rate)
    rate = counts.rate if counts.rate is not None and shown != rate_text(None) else shown
    return [counts.expected, counts.present, counts.leave, counts.absent, rate, counts.observers]


_TEXT = CellStyle(TEXT_FONT, wrap=True, vertical="top")
_BOLD = CellStyle(BOLD_FONT, wrap=True, vertical="top")
_FIGURES = {  # figures and month cells centred: "2" beside "91.7%" never reads as "2 91.7%"
    style: replace(style, horizontal="center") for style in (_TEXT, _BOLD)
}
RATE_FORMAT = "0.0%"  # as ``rate_text`` prints a rate: one decimal


def _style(value: str | int | float, style: CellStyle, figure: bool) -> CellStyle:
    if not figure:
        return style
    centred = _FIGURES[style]
    return replace(centred, number_format=RATE_FORMAT) if isinstance(value, float) else centred


def _row(
    sheet: Sheet,
    row: int,
    values: Sequence[str | int | float],
    *,
    bold: bool = False,
    figures: range = range(0),
) -> None:
    """``values`` from column 1 on; the columns in ``figures`` centred."""
    style = _BOLD if bold else _TEXT
    for column, value in enumerate(values, start=1):
        put_cell(sheet, row, column, value, _style(value, style, column in figures))
