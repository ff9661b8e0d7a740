"""One plan's line in the plans list; light enough to import before SQLAlchemy (start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hongtu.core.plan_terms import PlanStatus


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    day: date
    branch: str
    status: PlanStatus
    stop_count: int
    updated_at: datetime
