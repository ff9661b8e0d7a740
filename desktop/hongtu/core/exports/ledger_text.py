"""Text shared by every ledger output (so each prints the same words for the same figures)."""

from __future__ import annotations

from collections.abc import Iterable

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.ledger import Counts, LedgerDay, Missing, rate_text


def missing_text(missing: Iterable[Missing], labels: LedgerLabels) -> str:
    """缺席及原因: each name with 请假/缺席 and the reason, or 无."""
    parts = [
        (labels.reason_format if m.reason else labels.no_reason_format).format(
            name=m.name, presence=labels.presence(m.presence), reason=m.reason
        )
        for m in missing
    ]
    return labels.list_separator.join(parts) or labels.no_missing


def content_lines(day: LedgerDay, labels: LedgerLabels) -> list[str]:
    """活动内容: each item done with how it went (and its note), then the guests."""
    lines = [
        (labels.done_format if item.note else labels.done_no_note_format).format(
            text=item.text, state=labels.done_states[item.state], note=item.note
        )
        for item in day.done
    ]
    if day.guests:
        names = labels.list_separator.join(day.guests)
        lines.append(labels.guests_format.format(label=labels.guests, names=names))
    return lines


def month_cell(counts: Counts | None) -> str:
    """A member's month: 实到/应到, blank when the member had no Party-day that month."""
    return "" if counts is None else f"{counts.present}/{counts.expected}"


def attendance_text(counts: Counts, labels: LedgerLabels) -> str:
    """出勤: 应到, 实到, 请假, 缺席 and the rate, in that order, as every table of the 台账."""
    return labels.attendance_format.format(
        expected=counts.expected,
        present=counts.present,
        leave=counts.leave,
        absent=counts.absent,
        rate=rate_text(counts.rate),
    )


def record_fields(day: LedgerDay, labels: LedgerLabels) -> list[tuple[str, str]]:
    """A day's 活动记录 as (label, text), for the DOCX page and the 台账 window alike; an empty
    主持人 or 记录人 is an empty field (never a lone "/")."""
    return [
        (labels.theme, day.title),
        (labels.time, day.day.isoformat()),
        (labels.place, labels.list_separator.join(day.places)),
        (labels.host, day.host),
        (labels.recorder, day.recorder),
        (labels.attendance, attendance_text(day.counts, labels)),
        (labels.missing, missing_text(day.missing, labels)),
        (labels.content, "\n".join(content_lines(day, labels))),
        (labels.summary, day.summary),
    ]
