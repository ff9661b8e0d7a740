"""The year summary of a branch's ledger (台账) as a document: plain text in order, for the PDF.

Qt-free: ``hongtu.qt.printing`` lays it out on A4 and renders it, reordering and rewording
nothing, so the PDF prints the same figures and words as the DOCX, the XLSX and the 台账 view
(all of them read one ``YearLedger``). Text here is never markup: the renderer escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_text import (
    member_rate_text,
    missing_text,
    month_cells,
    roster_notes,
)
from hongtu.core.ledger import Counts, MonthState, YearLedger, rate_text


@dataclass(frozen=True, slots=True)
class LedgerSummary:
    title: str
    months_heading: str
    # 12 × (1月, 已开展 / 未开展 / 待开展, 实到/应到 or "")
    months: tuple[tuple[str, str, str], ...]
    not_held_mark: str
    months_without: str  # "未开展主题党日的月份：2月；4月" (or …：无)
    summary_heading: str
    day_header: tuple[str, ...]
    day_rows: tuple[tuple[str, ...], ...]  # one per Party-day, then the year's totals
    places_heading: str
    places: str  # 八路军太原办事处纪念馆（2次）；… or 无
    members_heading: str
    member_header: tuple[str, ...]
    member_rows: tuple[tuple[str, ...], ...]
    page_format: str
    counted_note: str = ""  # what 应到 … 出席率 count, and who is 列席
    marks_note: str = ""  # under the members × months: what 假, 缺 and 已离开 say
    # under the days' table: each recorded day the roster now disagrees with ("2026-11-28：名单
    # 有变动（…），可在“记录活动”中更正")
    roster_notes: tuple[str, ...] = ()


def figure_labels(labels: LedgerLabels) -> tuple[str, str, str, str, str, str]:
    """The headings of ``figures``, in its order: 应到 实到 请假 缺席 出席率 列席."""
    return labels.expected, labels.present, labels.leave, labels.absent, labels.rate, labels.guests


def figures(counts: Counts, *, member: bool = False) -> tuple[str, str, str, str, str, str]:
    """应到, 实到, 请假, 缺席, 出席率 and 列席 as every ledger output prints them; a ``member``'s
    出席率 as ``member_rate_text`` (— for one away only on leave)."""
    return (
        str(counts.expected),
        str(counts.present),
        str(counts.leave),
        str(counts.absent),
        member_rate_text(counts) if member else rate_text(counts.rate),
        str(counts.observers),
    )


def month_figures(ledger: YearLedger, month: int) -> str:
    """实到/应到 of the month's Party-days together, "" for a month without one."""
    days = [d.counts for d in ledger.days if d.day.month == month]
    if not days:
        return ""
    return f"{sum(c.present for c in days)}/{sum(c.expected for c in days)}"


def months_without_text(
    ledger: YearLedger, without: list[str], month_names: list[str], labels: LedgerLabels
) -> str:
    """"未开展主题党日的月份：2月；4月", and the months before the branch's first record, which
    are not counted as 未开展: "…：无；1月—11月无记录（…）"."""
    text = labels.list_separator.join(without) or labels.no_missing
    unrecorded = ledger.months_in(MonthState.NOT_RECORDED)
    if unrecorded:
        first, last = month_names[unrecorded[0] - 1], month_names[unrecorded[-1] - 1]
        span = first if first == last else labels.month_range_format.format(first=first, last=last)
        text += labels.list_separator + labels.not_recorded_note.format(months=span)
    return labels.field_format.format(label=labels.months_without, text=text)


def build_ledger_summary(ledger: YearLedger, labels: LedgerLabels | None = None) -> LedgerSummary:
    labels = labels or LedgerLabels()
    month_names = [labels.month_format.format(month=m) for m in range(1, 13)]
    without = [month_names[m - 1] for m in ledger.missed_months()]
    marks = {
        MonthState.HELD: labels.held_mark,
        MonthState.MISSED: labels.not_held_mark,
        MonthState.TO_COME: labels.to_come_mark,
        MonthState.NOT_RECORDED: labels.not_recorded_mark,
    }
    counts = figure_labels(labels)
    day_rows = [
        (
            d.day.isoformat(),
            d.title,
            labels.list_separator.join(d.places),
            *figures(d.counts),
            missing_text(d.missing, labels),
        )
        for d in ledger.days
    ]
    day_rows.append((labels.year_total, "", "", *figures(ledger.counts), ""))
    visits = [labels.visits_format.format(place=p, days=n) for p, n in ledger.places]
    return LedgerSummary(
        title=labels.title_format.format(branch=ledger.branch, year=ledger.year),
        months_heading=labels.months_heading,
        months=tuple(
            (name, marks[ledger.month_state(m)], month_figures(ledger, m))
            for m, name in enumerate(month_names, start=1)
        ),
        not_held_mark=labels.not_held_mark,
        months_without=months_without_text(ledger, without, month_names, labels),
        summary_heading=labels.summary_heading,
        day_header=(labels.date, labels.theme, labels.place, *counts, labels.missing),
        day_rows=tuple(day_rows),
        places_heading=labels.places_heading,
        places=labels.list_separator.join(visits) or labels.no_missing,
        members_heading=labels.members_heading,
        member_header=(labels.name, *month_names, *counts),
        member_rows=tuple(
            (
                m.name,
                *month_cells(m, ledger.year, labels),
                *figures(m.counts, member=True),
            )
            for m in ledger.members
        ),
        page_format=labels.page_format,
        counted_note=labels.counted_note,
        marks_note=labels.marks_note,
        roster_notes=roster_notes(ledger.days, labels),
    )
