"""Saving and loading Party-day plans. Every save replaces the plan's stops in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core.clocktime import hhmm
from hongtu.core.limits import check_plan, fit_plan, fit_text
from hongtu.core.plan_edits import default_plan_date
from hongtu.core.plans import CustomPlace, Plan, PlanStatus, Stop, copy_plan, same_contents
from hongtu.core.storage.models import PlanRow, PlanStopRow, RecordRow
from hongtu.core.storage.plan_rows import row_to_plan
from hongtu.core.storage.plan_summary import PlanSummary
from hongtu.core.storage.transactions import stored_rows, writing


class PlanNotFoundError(LookupError):
    def __init__(self, plan_id: int) -> None:
        super().__init__(f"no plan with id {plan_id}")
        self.plan_id = plan_id


class StalePlanError(RuntimeError):
    """The plan was changed (or deleted) elsewhere since this copy was read; nothing was saved.

    ``current`` is the plan as stored now, None when it has been deleted.
    """

    def __init__(self, plan_id: int, current: Plan | None) -> None:
        super().__init__(f"plan {plan_id} was changed elsewhere")
        self.plan_id = plan_id
        self.current = current


class PlanStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._prefetched: list[PlanSummary] | None = None

    def prefetch(self) -> None:
        """Read the list now (start-up does it on a helper thread); the next ``list_plans``
        answers from it, unless this store wrote in between."""
        self._prefetched = self._query_plans()

    def list_plans(self) -> list[PlanSummary]:
        """Every plan not deleted, newest day first: one summary query, no stops loaded."""
        prefetched, self._prefetched = self._prefetched, None
        return prefetched if prefetched is not None else self._query_plans()

    def _query_plans(self) -> list[PlanSummary]:
        with self._sessions() as session, stored_rows(self._sessions):
            rows = session.execute(_summary_query().order_by(PlanRow.day.desc(), PlanRow.id.desc()))
            return [_summary(row) for row in rows]

    def summary(self, plan_id: int) -> PlanSummary:
        """One plan's line in the list, by the same query (a deleted plan is not found)."""
        with self._sessions() as session:
            row = session.execute(_summary_query().where(PlanRow.id == plan_id)).first()
            if row is None:
                raise PlanNotFoundError(plan_id)
            return _summary(row)

    def same_plan(self, plan: Plan) -> int | None:
        """The stored plan (not deleted) that says the same as ``plan`` (``plans.same_contents``):
        the same plan file imported before; None when there is none."""
        with self._sessions() as session, stored_rows(self._sessions):
            rows = session.scalars(
                select(PlanRow)
                .where(PlanRow.title == plan.title, PlanRow.day == plan.date)
                .where(PlanRow.deleted_at.is_(None))
                .order_by(PlanRow.id)
            )
            for row in rows:
                if same_contents(fit_plan(row_to_plan(row)), plan):
                    return row.id
        return None

    def get(self, plan_id: int) -> Plan:
        return self.read(plan_id)[0]

    def read(self, plan_id: int) -> tuple[Plan, bool]:
        """The plan, and whether it is exactly as stored (False: saved before the limits, it
        was made to keep them here, and saving it writes the difference)."""
        with self._sessions() as session, stored_rows(self._sessions):
            row = session.get(PlanRow, plan_id)
            if row is None or row.deleted_at is not None:
                raise PlanNotFoundError(plan_id)
            stored = row_to_plan(row)
            plan = fit_plan(stored)  # a plan saved before the limits keeps them now
            return plan, plan is stored

    def save(
        self,
        plan: Plan,
        *,
        stops_as_stored: bool = False,
        share: bool = False,
        wait_ms: int | None = None,
        also: Callable[[Session, int], None] | None = None,
    ) -> Plan:
        """Insert (when ``plan.id`` is None) or update; returns the plan with its id and version.

        An update is three statements whatever the plan's size: the plan's columns (only if the
        stored version is still ``plan.version``), its stops deleted, its stops inserted (one
        executemany), in one transaction. When the stored plan has moved on (another window or
        the CLI saved, deleted or restored it since) the update is refused with
        ``StalePlanError`` and nothing is written.

        ``stops_as_stored``: the caller knows the stops equal those stored at ``plan.version``
        (it saved or read them at that version and changed only the plan's own fields, such as
        typing in the notes); only the plan's columns are written. The version check makes this
        safe: if the stored plan moved on, the update is refused as above.

        ``share``: the returned plan shares its stops with ``plan`` instead of a deep copy (the
        window's session, whose plans are never changed in place once made).

        ``wait_ms``: how long to wait for another program's write lock (None: the database's
        usual wait, ``Database.wait_for_writers``); past it, the driver's "database is locked"
        and nothing is written.

        ``also``: more writes in the same transaction, given it and the plan's id (an imported
        plan's record: both are stored, or neither); what it raises undoes the plan's save.
        """
        self._prefetched = None
        validate_plan(plan)
        now = datetime.now()
        with writing(self._sessions, wait_ms) as session:
            if plan.id is None:
                row = PlanRow(created_at=now, version=1)
                fill_plan_row(row, plan, now)
                session.add(row)
                session.flush()
                plan_id = row.id
            else:
                plan_id = plan.id
                _write_update(session, plan, now, with_stops=not stops_as_stored)
            if also is not None:
                also(session, plan_id)
        saved = replace(plan) if share else copy_plan(plan)
        saved.id = plan_id
        saved.version = 1 if plan.id is None else plan.version + 1
        if plan.id is None:
            saved.created = now
        return saved

    def save_many(self, plans: list[Plan]) -> list[int]:
        """Insert many new plans in one transaction (imports, the scale fixture); their ids.

        Uses the ORM's bulk INSERT (executemany), not one object per row.
        """
        self._prefetched = None
        now = datetime.now()
        for plan in plans:
            if plan.id is not None:
                raise ValueError("save_many only inserts new plans")
            validate_plan(plan)
        if not plans:
            return []
        with writing(self._sessions) as session:
            ids = list(
                session.scalars(
                    insert(PlanRow).returning(PlanRow.id, sort_by_parameter_order=True),
                    [dict(plan_values(plan, now), created_at=now) for plan in plans],
                )
            )
            stops = [
                dict(stop_values(stop, position), plan_id=plan_id)
                for plan_id, plan in zip(ids, plans, strict=True)
                for position, stop in enumerate(plan.stops)
            ]
            if stops:
                session.execute(insert(PlanStopRow), stops)
        return ids

    def update(self, plan_id: int, change: Callable[[Plan], Plan]) -> Plan:
        """Read, change and save one plan in a single write transaction (the CLI's edits).

        The write lock is held from the read to the write, so no other program can save in
        between: ``change`` always sees the newest stored plan, and nothing is overwritten.
        """
        now = datetime.now()
        with writing(self._sessions) as session:
            with stored_rows(self._sessions):
                row = session.get(PlanRow, plan_id)
                if row is None or row.deleted_at is not None:
                    raise PlanNotFoundError(plan_id)
                current = row_to_plan(row)
            changed = change(fit_plan(copy_plan(current)))  # an old plan keeps the limits now
            changed.id, changed.version = plan_id, current.version
            validate_plan(changed)
            _write_update(session, changed, now)
        changed.version += 1
        return changed

    def version_of(self, plan_id: int) -> int | None:
        """The stored version of a plan; None when it is gone (deleted or never existed)."""
        with self._sessions() as session:
            row = session.execute(
                select(PlanRow.version).where(PlanRow.id == plan_id, PlanRow.deleted_at.is_(None))
            ).first()
            return row[0] if row is not None else None

    def is_recorded(self, plan_id: int) -> bool:
        """Whether the plan's day has an activity record (the plan is then 已完成, whatever an
        older copy of it says)."""
        with self._sessions() as session:
            found = session.scalar(select(RecordRow.id).where(RecordRow.plan_id == plan_id))
            return found is not None

    def versions(self) -> dict[int, int]:
        """Every plan's stored version (deleted plans left out): one small query."""
        with self._sessions() as session:
            rows = session.execute(
                select(PlanRow.id, PlanRow.version).where(PlanRow.deleted_at.is_(None))
            )
            return {plan_id: version for plan_id, version in rows}

    @staticmethod
    def _stale(session: Session, plan_id: int) -> Exception:
        row = session.get(PlanRow, plan_id, populate_existing=True)
        if row is None:
            return PlanNotFoundError(plan_id)
        return StalePlanError(plan_id, None if row.deleted_at is not None else row_to_plan(row))

    def duplicate(self, plan_id: int, title: str, *, today: date | None = None) -> Plan:
        """A copy of the plan, a 草稿 without a record. A copy of a plan whose day has passed or
        that is recorded is for another Party-day: it gets a new plan's date (a week ahead),
        so recording it cannot count the same day twice."""
        today = today or date.today()
        plan = self.get(plan_id)
        if plan.date < today or self.is_recorded(plan_id):
            plan.date = default_plan_date(today)
        plan.id = None
        plan.title = fit_text("title", title)
        plan.status = PlanStatus.DRAFT
        for stop in plan.stops:
            stop.id = _fresh_stop_id()
        return self.save(plan)

    def delete(self, plan_id: int) -> None:
        self._set_deleted(plan_id, datetime.now())

    def restore(self, plan_id: int) -> None:
        self._set_deleted(plan_id, None)

    def _set_deleted(self, plan_id: int, when: datetime | None) -> None:
        self._prefetched = None
        with writing(self._sessions) as session:
            row = session.get(PlanRow, plan_id)
            if row is None:
                raise PlanNotFoundError(plan_id)
            row.deleted_at = when
            row.version += 1  # a window holding the plan open must not save over the deletion


def _write_update(session: Session, plan: Plan, now: datetime, *, with_stops: bool = True) -> None:
    """Three statements whatever the plan's size: the plan's columns (only while the stored
    version is still ``plan.version``), its stops deleted, its stops inserted (one executemany).
    Without ``with_stops`` only the first: the stored stops are already these.
    """
    assert plan.id is not None
    changed = session.execute(
        update(PlanRow)
        .where(
            PlanRow.id == plan.id,
            PlanRow.version == plan.version,
            PlanRow.deleted_at.is_(None),
        )
        .values(**plan_values(plan, now), version=PlanRow.version + 1)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        raise PlanStore._stale(session, plan.id)
    if not with_stops:
        return
    session.execute(
        delete(PlanStopRow)
        .where(PlanStopRow.plan_id == plan.id)
        .execution_options(synchronize_session=False)
    )
    if plan.stops:
        session.execute(
            insert(PlanStopRow),
            [
                dict(stop_values(stop, position), plan_id=plan.id)
                for position, stop in enumerate(plan.stops)
            ],
        )


def _summary_query() -> Any:
    stop_count = (
        select(func.count(PlanStopRow.id))
        .where(PlanStopRow.plan_id == PlanRow.id)
        .correlate(PlanRow)
        .scalar_subquery()
    )
    return select(
        PlanRow.id,
        PlanRow.title,
        PlanRow.day,
        PlanRow.branch,
        PlanRow.status,
        stop_count,
        PlanRow.updated_at,
    ).where(PlanRow.deleted_at.is_(None))


def _summary(row: Any) -> PlanSummary:
    plan_id, title, day, branch, status, stops, updated_at = row
    return PlanSummary(plan_id, title, day, branch, PlanStatus(status), int(stops), updated_at)


def _fresh_stop_id() -> str:
    from hongtu.core.plans import new_stop_id

    return new_stop_id()


def validate_plan(plan: Plan) -> None:
    """The rules of ``hongtu.core.limits``; raises ``PlanRulesError`` (a ``ValueError``)."""
    check_plan(plan)


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


def _hhmm(value: time | None) -> str | None:
    return hhmm(value) if value is not None else None


def plan_values(plan: Plan, now: datetime) -> dict[str, Any]:
    """The ``plans`` columns of ``plan`` (not its id, creation time or stops)."""
    return {
        "title": plan.title.strip(),
        "branch": plan.branch,
        "day": plan.date,
        "participants": plan.participants,
        "organiser": plan.organiser,
        "phone": plan.phone,
        "transport": plan.transport.value,
        "gathering": _place_json(plan.gathering.site_id, plan.gathering.custom),
        "gathering_time": hhmm(plan.gathering_time),
        "returns_to_gathering": plan.returns_to_gathering,
        "return_leg_override": plan.return_leg_override,
        "return_by": hhmm(plan.return_by) if plan.return_by is not None else None,
        "notes": plan.notes,
        "status": plan.status.value,
        "updated_at": now,
    }


def stop_values(stop: Stop, position: int) -> dict[str, Any]:
    """The ``plan_stops`` columns of one stop (not its row id or plan id)."""
    return {
        "position": position,
        "stop_uid": stop.id,
        "site_id": stop.site_id,
        "custom": _place_json(None, stop.custom).get("custom"),
        "visit_minutes": stop.visit_minutes,
        "activities": [
            {"kind": a.kind.value, "minutes": a.minutes, "label": a.label} for a in stop.activities
        ],
        "pinned": stop.pinned,
        "start_override": _hhmm(stop.start_override),
        "leg_minutes_override": stop.leg_minutes_override,
    }


def fill_plan_row(row: PlanRow, plan: Plan, now: datetime) -> None:
    for name, value in plan_values(plan, now).items():
        setattr(row, name, value)
    row.stops = [PlanStopRow(**stop_values(stop, i)) for i, stop in enumerate(plan.stops)]
