"""Turning stored plan rows into ``Plan`` objects.

Free of SQLAlchemy, like ``site_rows``: the same mapping serves the ORM rows of ``plan_store``
and the read-only fast path of ``quick_read`` (plain ``sqlite3`` rows with the same attribute
names), so a command that only reads a plan never imports the ORM.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Plan,
    PlanStatus,
    Stop,
    TransportMode,
)


def custom_from_json(data: dict[str, Any] | None) -> CustomPlace | None:
    if not data:
        return None
    lat, lon = data.get("lat"), data.get("lon")
    point = LatLon(lat, lon) if lat is not None and lon is not None else None
    return CustomPlace(data["name"], point)


def _moment(value: Any) -> datetime | None:
    """A stored DATETIME: the ORM gives a datetime, a plain sqlite3 read its ISO text (None if
    a damaged file no longer holds one: it only tells the plan's calendar entries apart)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, datetime) else None


def row_to_plan(row: Any) -> Plan:
    gathering = GatheringPoint(
        site_id=row.gathering.get("site_id"),
        custom=custom_from_json(row.gathering.get("custom")),
    )
    return Plan(
        id=row.id,
        title=row.title,
        date=row.day,
        branch=row.branch,
        participants=row.participants,
        organiser=row.organiser,
        phone=row.phone,
        transport=TransportMode(row.transport),
        gathering=gathering,
        gathering_time=time.fromisoformat(row.gathering_time),
        returns_to_gathering=row.returns_to_gathering,
        return_leg_override=row.return_leg_override,
        return_by=time.fromisoformat(row.return_by) if row.return_by else None,
        notes=row.notes,
        status=PlanStatus(row.status),
        version=row.version,
        created=_moment(row.created_at),
        stops=[
            Stop(
                site_id=s.site_id,
                custom=custom_from_json(s.custom),
                visit_minutes=s.visit_minutes,
                activities=[
                    Activity(ActivityKind(a["kind"]), int(a["minutes"]), a.get("label", ""))
                    for a in s.activities
                ],
                pinned=s.pinned,
                start_override=time.fromisoformat(s.start_override) if s.start_override else None,
                leg_minutes_override=s.leg_minutes_override,
                id=s.stop_uid,
            )
            for s in row.stops
        ],
    )


__all__ = ["custom_from_json", "row_to_plan"]
