"""Text shared by every ledger output (so each prints the same words for the same figures)."""

from __future__ import annotations

from collections.abc import Iterable

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.ledger import Counts, Missing


def missing_text(missing: Iterable[Missing], labels: LedgerLabels) -> str:
    """缺席及原因: each name with 请假/缺席 and the reason, or 无."""
    parts = [
        (labels.reason_format if m.reason else labels.no_reason_format).format(
            name=m.name, presence=labels.presence(m.presence), reason=m.reason
        )
        for m in missing
    ]
    return labels.list_separator.join(parts) or labels.no_missing


def month_cell(counts: Counts | None) -> str:
    """A member's month: 实到/应到, blank when the member had no Party-day that month."""
    return "" if counts is None else f"{counts.present}/{counts.expected}"
