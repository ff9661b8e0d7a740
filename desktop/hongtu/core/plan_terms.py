"""The words a plan is described in that start-up needs without the plan model itself.

The settings (read on every start) name a transport mode and a day-length limit, and the plans
list shows each plan's status; none of them needs ``hongtu.core.plans`` with its dataclasses,
which start-up would otherwise build before the window (~10 ms). ``plans`` re-exports these.
"""

from __future__ import annotations

from enum import StrEnum

# A day planned longer than this is flagged (``warnings``); the settings' default.
DEFAULT_MAX_DAY_MINUTES = 600


class TransportMode(StrEnum):
    COACH = "coach"  # 大巴
    CARS = "cars"  # 自驾
    WALK = "walk"  # 步行
    PUBLIC = "public"  # 公交


class PlanStatus(StrEnum):
    DRAFT = "draft"  # 草稿
    PLANNED = "planned"  # 已定
    DONE = "done"  # 已完成
