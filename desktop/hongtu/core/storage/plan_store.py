"""Saving and loading Party-day plans. Every save replaces the plan's stops in one transaction."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

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
from hongtu.core.storage.models import PlanRow, PlanStopRow


class PlanNotFoundError(LookupError):
    def __init__(self, plan_id: int) -> None:
        super().__init__(f"no plan with id {plan_id}")
        self.plan_id = plan_id


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    day: date
    branch: str
    status: PlanStatus
    stop_count: int
    updated_at: datetime


class PlanStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list_plans(self) -> list[PlanSummary]:
        with self._sessions() as session:
            rows = session.scalars(
                select(PlanRow)
                .where(PlanRow.deleted_at.is_(None))
                .order_by(PlanRow.day.desc(), PlanRow.id.desc())
            ).all()
            return [
                PlanSummary(
                    r.id, r.title, r.day, r.branch, PlanStatus(r.status), len(r.stops), r.updated_at
                )
                for r in rows
            ]

    def get(self, plan_id: int) -> Plan:
        with self._sessions() as session:
            row = session.get(PlanRow, plan_id)
            if row is None or row.deleted_at is not None:
                raise PlanNotFoundError(plan_id)
            return row_to_plan(row)

    def save(self, plan: Plan) -> Plan:
        """Insert (when ``plan.id`` is None) or update; returns the plan with its id."""
        validate_plan(plan)
        now = datetime.now()
        with self._sessions.begin() as session:
            if plan.id is None:
                row = PlanRow(created_at=now)
                session.add(row)
            else:
                found = session.get(PlanRow, plan.id)
                if found is None:
                    raise PlanNotFoundError(plan.id)
                row = found
            fill_plan_row(row, plan, now)
            session.flush()
            plan_id = row.id
        saved = copy.deepcopy(plan)
        saved.id = plan_id
        return saved

    def duplicate(self, plan_id: int, title: str) -> Plan:
        plan = self.get(plan_id)
        plan.id = None
        plan.title = title
        plan.status = PlanStatus.DRAFT
        for stop in plan.stops:
            stop.id = _fresh_stop_id()
        return self.save(plan)

    def delete(self, plan_id: int) -> None:
        self._set_deleted(plan_id, datetime.now())

    def restore(self, plan_id: int) -> None:
        self._set_deleted(plan_id, None)

    def _set_deleted(self, plan_id: int, when: datetime | None) -> None:
        with self._sessions.begin() as session:
            row = session.get(PlanRow, plan_id)
            if row is None:
                raise PlanNotFoundError(plan_id)
            row.deleted_at = when


def _fresh_stop_id() -> str:
    from hongtu.core.plans import new_stop_id

    return new_stop_id()


def validate_plan(plan: Plan) -> None:
    if not plan.title.strip():
        raise ValueError("a plan needs a title")
    if not 1 <= plan.participants <= 1000:
        raise ValueError("participants must be between 1 and 1000")


# ---- row ↔ domain ------------------------------------------------------------------------------


def _place_json(site_id: int | None, custom: CustomPlace | None) -> dict[str, Any]:
    if custom is not None:
        return {"custom": _custom_json(custom)}
    return {"site_id": site_id} if site_id is not None else {}


def _custom_json(custom: CustomPlace) -> dict[str, Any]:
    """``{"name", "lat", "lon"}``; a place whose position is not known yet has only its name."""
    if custom.point is None:
        return {"name": custom.name}
    return {"name": custom.name, "lat": custom.point.lat, "lon": custom.point.lon}


def _custom_from_json(data: dict[str, Any] | None) -> CustomPlace | None:
    if not data:
        return None
    lat, lon = data.get("lat"), data.get("lon")
    point = LatLon(lat, lon) if lat is not None and lon is not None else None
    return CustomPlace(data["name"], point)


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def fill_plan_row(row: PlanRow, plan: Plan, now: datetime) -> None:
    row.title = plan.title.strip()
    row.branch = plan.branch
    row.day = plan.date
    row.participants = plan.participants
    row.organiser = plan.organiser
    row.phone = plan.phone
    row.transport = plan.transport.value
    row.gathering = _place_json(plan.gathering.site_id, plan.gathering.custom)
    row.gathering_time = plan.gathering_time.strftime("%H:%M")
    row.returns_to_gathering = plan.returns_to_gathering
    row.return_leg_override = plan.return_leg_override
    row.notes = plan.notes
    row.status = plan.status.value
    row.updated_at = now
    row.stops = [
        PlanStopRow(
            position=index,
            stop_uid=stop.id,
            site_id=stop.site_id,
            custom=_place_json(None, stop.custom).get("custom"),
            visit_minutes=stop.visit_minutes,
            activities=[
                {"kind": a.kind.value, "minutes": a.minutes, "label": a.label}
                for a in stop.activities
            ],
            pinned=stop.pinned,
            start_override=_hhmm(stop.start_override),
            leg_minutes_override=stop.leg_minutes_override,
        )
        for index, stop in enumerate(plan.stops)
    ]


def row_to_plan(row: PlanRow) -> Plan:
    gathering = GatheringPoint(
        site_id=row.gathering.get("site_id"),
        custom=_custom_from_json(row.gathering.get("custom")),
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
        notes=row.notes,
        status=PlanStatus(row.status),
        stops=[
            Stop(
                site_id=s.site_id,
                custom=_custom_from_json(s.custom),
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
