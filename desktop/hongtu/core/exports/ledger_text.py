"""Text shared by every ledger output (so each prints the same words for the same figures)."""

from __future__ import annotations

from collections.abc import Iterable

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.ledger import Counts, LedgerDay, MemberYear, Missing, rate_text


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
    """活动内容: each item done with how it went (and its note)."""
    return [
        (labels.done_format if item.note else labels.done_no_note_format).format(
            text=item.text, state=labels.done_states[item.state], note=item.note
        )
        for item in day.done
    ]


def observers_text(day: LedgerDay, labels: LedgerLabels) -> str:
    """列席: who came without being counted in 应到 (non-members, then guests), or 无."""
    return labels.list_separator.join(day.observers) or labels.no_missing


def month_cell(counts: Counts | None, labels: LedgerLabels) -> str:
    """A member's month: 实到/应到 as a Party member; 列席 when they came while not one; blank
    when the member had no Party-day that month (or, not in the Party, did not come)."""
    if counts is None or (not counts.expected and not counts.observers):
        return ""
    if not counts.expected:
        return labels.observer_mark
    return f"{counts.present}/{counts.expected}"


def status_text(member: MemberYear, labels: LedgerLabels) -> str:
    """政治面貌 at the member's last Party-day of the year, with a 转正日期 in the year."""
    status = labels.statuses[member.party_status]
    if member.full_since is None:
        return status
    return labels.became_full_format.format(status=status, date=member.full_since.isoformat())


def attendance_text(counts: Counts, labels: LedgerLabels) -> str:
    """出勤: 应到, 实到, 请假, 缺席, the rate and 列席, in the order of every table of the 台账."""
    return labels.attendance_format.format(
        expected=counts.expected,
        present=counts.present,
        leave=counts.leave,
        absent=counts.absent,
        rate=rate_text(counts.rate),
        observers=counts.observers,
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
        (labels.guests, observers_text(day, labels)),
        (labels.content, "\n".join(content_lines(day, labels))),
        (labels.summary, day.summary),
    ]
