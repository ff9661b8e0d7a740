"""One plan's line in the plans list; light enough to import before SQLAlchemy (start-up).

A named tuple, not a dataclass: ten thousand of them are made for one list (a frozen dataclass
took 2.5 times as long to make).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from hongtu.core.plan_terms import PlanStatus


class PlanSummary(NamedTuple):
    id: int
    title: str
    day: date
    branch: str
    status: PlanStatus
    stop_count: int
    updated_at: datetime
