"""Text shared by every ledger output (so each prints the same words for the same figures)."""

from __future__ import annotations

from collections.abc import Iterable

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.ledger import Counts, LedgerDay, Missing


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
