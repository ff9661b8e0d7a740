"""Saving and reading activity records. A save writes the record, its attendance (with each
person's 政治面貌 that day as the roster has it then: the record's figures are frozen so),
guests, done items and photo references in one transaction, keeps the state it replaces in
``record_history`` and marks the plan 已完成."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core.limits import normalise_text
from hongtu.core.members import PartyStatus
from hongtu.core.plans import Plan, PlanStatus
from hongtu.core.records import (
    ActivityRecord,
    Attendance,
    DoneItem,
    DoneState,
    Guest,
    PhotoRef,
    Presence,
    RecordProblem,
    RecordRefusedError,
    check_record,
)
from hongtu.core.storage.member_store import ensure_branch, find_branch_id, member_from_row
from hongtu.core.storage.models import (
    AttendanceRow,
    BranchRow,
    DoneRow,
    GuestRow,
    MemberRow,
    PhotoRow,
    PlanRow,
    PlanStopRow,
    RecordHistoryRow,
    RecordRow,
    SiteRow,
)
from hongtu.core.storage.plan_store import PlanNotFoundError, PlanStore
from hongtu.core.storage.transactions import writing


class RecordStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def save(
        self, record: ActivityRecord, *, today: date | None = None, same_day: bool = False
    ) -> ActivityRecord:
        """Record (``record.version == 0``) or correct the plan's day; returns the saved record.

        Refused with ``RecordRefusedError`` (nothing written) for a future day, attendance that
        does not match the branch's roster that day, a correction made from an older copy, or
        (SAME_DAY, the detail is the other day's title) a first record of a day the branch has
        already recorded for another plan, unless ``same_day``: the 台账 would count it twice.
        """
        with writing(self._sessions) as session:
            if not same_day:
                _refuse_same_day(session, record)
            return _save_in(session, record, today or date.today())

    def same_day(self, plan_id: int, branch: str, day: date) -> str | None:
        """The title of another plan's record of the branch's ``day`` (its plan not deleted),
        None when there is none: recording ``plan_id`` that day too would count it twice."""
        with self._sessions() as session:
            return _same_day_title(session, plan_id, branch.strip(), day)

    def save_with_new_plan(
        self, plans: PlanStore, plan: Plan, record: ActivityRecord, *, today: date | None = None
    ) -> tuple[Plan, ActivityRecord]:
        """A new plan (an imported file's) and its day's record in one transaction: both are
        stored or neither (a plan 已完成 never stays without its record).

        Refused with ``RecordRefusedError`` as ``save`` is, and ALREADY_RECORDED (the detail is
        the plan's id) when the branch's day is already recorded for a plan of the same title:
        the same file imported again would count the day twice in the 台账; SAME_DAY (the
        detail is the other plan's title) when it is recorded for a plan of another title."""
        today = today or date.today()
        saved: list[ActivityRecord] = []

        def record_it(session: Session, plan_id: int) -> None:
            branch = (record.branch or plan.branch).strip()
            earlier = _recorded_plan(session, branch, record.day, plan.title, plan_id)
            if earlier is not None:
                raise RecordRefusedError(RecordProblem.ALREADY_RECORDED, str(earlier))
            other = _same_day_title(session, plan_id, branch, record.day)
            if other is not None:  # the day recorded for another plan: counted twice
                raise RecordRefusedError(RecordProblem.SAME_DAY, other)
            saved.append(_save_in(session, dataclasses.replace(record, plan_id=plan_id), today))

        stored = plans.save(dataclasses.replace(plan, status=PlanStatus.DONE), also=record_it)
        return stored, saved[0]

    def recorded_plan(self, branch: str, day: date, title: str) -> int | None:
        """The plan (not deleted) titled ``title`` whose record is the branch's on ``day``: the
        same Party-day, as a plan file imported again would bring it."""
        with self._sessions() as session:
            return _recorded_plan(session, branch.strip(), day, title, None)

    def for_plan(self, plan_id: int) -> ActivityRecord | None:
        with self._sessions() as session:
            row = session.scalar(select(RecordRow).where(RecordRow.plan_id == plan_id))
            if row is None:
                return None
            return _record_from_row(row, _branch_name(session, row.branch_id))

    def history(self, plan_id: int) -> list[dict[str, Any]]:
        """The states a record had before each correction, oldest first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(RecordHistoryRow)
                .join(RecordRow, RecordRow.id == RecordHistoryRow.record_id)
                .where(RecordRow.plan_id == plan_id)
                .order_by(RecordHistoryRow.version)
            )
            return [dict(row.snapshot, version=row.version) for row in rows]

    def records(self, branch: str, year: int | None = None) -> list[ActivityRecord]:
        """The branch's records (of one year, if given), by day."""
        with self._sessions() as session:
            found = find_branch_id(session, branch)
            if found is None:
                return []
            query = _counted(select(RecordRow)).where(RecordRow.branch_id == found)
            if year is not None:
                query = query.where(
                    RecordRow.day >= date(year, 1, 1), RecordRow.day <= date(year, 12, 31)
                )
            rows = list(session.scalars(query.order_by(RecordRow.day, RecordRow.id)))
            names = _member_names(session, found)
            return [_record_from_row(row, branch.strip(), names) for row in rows]

    def years(self, branch: str) -> list[int]:
        """The years in which the branch recorded a Party-day, newest first: one small query
        (the 台账 view lists them without loading any record)."""
        with self._sessions() as session:
            found = find_branch_id(session, branch)
            if found is None:
                return []
            days = session.scalars(
                _counted(select(RecordRow.day)).where(RecordRow.branch_id == found).distinct()
            )
            return sorted({day.year for day in days}, reverse=True)

    def first_day(self, branch: str) -> date | None:
        """The day of the branch's first recorded Party-day (any year); None: none recorded.
        The 台账 calls the months before it 无记录, not 未开展."""
        with self._sessions() as session:
            found = find_branch_id(session, branch)
            if found is None:
                return None
            first: date | None = session.scalar(
                _counted(select(func.min(RecordRow.day))).where(RecordRow.branch_id == found)
            )
            return first

    def latest_branch(self) -> str | None:
        """The branch of the most recently held Party-day on record (the 台账 opens on it)."""
        with self._sessions() as session:
            query = select(BranchRow.name).join(RecordRow, RecordRow.branch_id == BranchRow.id)
            found: str | None = session.scalar(
                _counted(query).order_by(RecordRow.day.desc(), RecordRow.id.desc()).limit(1)
            )
            return found

    def stamp(self, branch: str, year: int) -> tuple[object, ...]:
        """Changes when the year's records or the branch's roster change (a save, a correction,
        a member added or edited): one small query, for a view that shows the year."""
        with self._sessions() as session:
            found = find_branch_id(session, branch)
            if found is None:
                return ()
            records = session.execute(
                _counted(
                    select(
                        func.count(RecordRow.id),
                        func.max(RecordRow.updated_at),
                        func.max(PlanRow.updated_at),
                    )
                ).where(
                    RecordRow.branch_id == found,
                    RecordRow.day >= date(year, 1, 1),
                    RecordRow.day <= date(year, 12, 31),
                )
            ).one()
            members = session.execute(
                select(func.count(MemberRow.id), func.max(MemberRow.updated_at)).where(
                    MemberRow.branch_id == found
                )
            ).one()
            # the months before the branch's first record are 无记录: one recorded earlier
            # (another year) changes them
            first = session.scalar(
                _counted(select(func.min(RecordRow.day))).where(RecordRow.branch_id == found)
            )
            return (*records, *members, first)

    def plan_places(self, plan_ids: list[int]) -> dict[int, tuple[str, list[tuple[str, str]]]]:
        """Each plan's title and its stops as (stop uid, place name), in order: two queries,
        for the ledger (which needs no more of the plan)."""
        with self._sessions() as session:
            rows = session.execute(
                select(PlanRow.id, PlanRow.title).where(PlanRow.id.in_(plan_ids))
            )
            titles = {plan_id: title for plan_id, title in rows}
            facts: dict[int, tuple[str, list[tuple[str, str]]]] = {
                plan_id: (title, []) for plan_id, title in titles.items()
            }
            stops = session.execute(
                select(PlanStopRow.plan_id, PlanStopRow.stop_uid, PlanStopRow.custom, SiteRow.name)
                .outerjoin(SiteRow, SiteRow.id == PlanStopRow.site_id)
                .where(PlanStopRow.plan_id.in_(plan_ids))
                .order_by(PlanStopRow.plan_id, PlanStopRow.position)
            )
            for plan_id, uid, custom, site_name in stops:
                name = site_name if site_name is not None else (custom or {}).get("name", "")
                facts[plan_id][1].append((uid, str(name)))
            return facts


def _counted(query: Any) -> Any:
    """``query`` over the records the 台账 counts: those whose plan is not deleted (a deleted
    plan's record stays in the database and counts again when the plan is restored)."""
    return query.join(PlanRow, PlanRow.id == RecordRow.plan_id).where(PlanRow.deleted_at.is_(None))


def _save_in(session: Session, record: ActivityRecord, today: date) -> ActivityRecord:
    """``RecordStore.save`` inside the caller's write transaction."""
    now = datetime.now()
    plan = session.get(PlanRow, record.plan_id)
    if plan is None or plan.deleted_at is not None:
        raise PlanNotFoundError(record.plan_id)
    branch = (record.branch or plan.branch).strip()
    if not branch:
        raise RecordRefusedError(RecordProblem.NO_BRANCH)
    branch_id = ensure_branch(session, branch)
    roster = [
        member_from_row(row)
        for row in session.scalars(select(MemberRow).where(MemberRow.branch_id == branch_id))
    ]
    row = session.scalar(select(RecordRow).where(RecordRow.plan_id == record.plan_id))
    earlier = _record_from_row(row, branch).attendance if row is not None else ()
    check_record(record, roster, today, earlier)
    if row is None:
        if record.version != 0:
            raise RecordRefusedError(RecordProblem.STALE)
        row = RecordRow(plan_id=record.plan_id, created_at=now, version=1)
        session.add(row)
    else:
        if row.version != record.version:
            raise RecordRefusedError(RecordProblem.STALE)
        session.add(
            RecordHistoryRow(
                record_id=row.id,
                version=row.version,
                saved_at=now,
                snapshot=_snapshot(_record_from_row(row, branch)),
            )
        )
        row.version += 1
        for parts in (row.attendance, row.guests, row.done, row.photos):
            parts.clear()
        session.flush()  # the old parts go before the new ones (one per member)
    # the theme is frozen when the day is recorded; a correction may give another
    title = normalise_text("title", record.title) or (row.title if row.title else plan.title)
    statuses = {m.id: m.status_on(record.day) for m in roster if m.id is not None}
    _fill(row, record, branch_id, now, statuses)
    row.title = title
    if plan.status != PlanStatus.DONE.value:
        plan.status = PlanStatus.DONE.value
        plan.version += 1
        plan.updated_at = now
    session.flush()
    return _record_from_row(row, branch)


def _refuse_same_day(session: Session, record: ActivityRecord) -> None:
    """SAME_DAY when ``record`` is its plan's first and the branch's day is recorded already."""
    if session.scalar(select(RecordRow.id).where(RecordRow.plan_id == record.plan_id)):
        return  # a correction of the plan's own record
    plan = session.get(PlanRow, record.plan_id)
    if plan is None:
        return  # refused by the save as a plan not found
    branch = (record.branch or plan.branch).strip()
    title = _same_day_title(session, record.plan_id, branch, record.day)
    if title is not None:
        raise RecordRefusedError(RecordProblem.SAME_DAY, title)


def _branch_day(query: Select[Any], branch: str, day: date) -> Select[Any]:
    """``query`` narrowed to the records of the branch's ``day`` whose plan is not deleted."""
    return (
        query.join(PlanRow, RecordRow.plan_id == PlanRow.id)
        .join(BranchRow, BranchRow.id == RecordRow.branch_id)
        .where(BranchRow.name == branch, RecordRow.day == day, PlanRow.deleted_at.is_(None))
    )


def _same_day_title(session: Session, plan_id: int, branch: str, day: date) -> str | None:
    """The recorded title of another plan's record of the branch's ``day``; None if none."""
    query = _branch_day(select(RecordRow.title), branch, day).where(RecordRow.plan_id != plan_id)
    found = session.execute(query.order_by(RecordRow.id).limit(1)).first()
    return None if found is None else str(found[0])


def _recorded_plan(
    session: Session, branch: str, day: date, title: str, other_than: int | None
) -> int | None:
    """The plan titled ``title`` (as it is now, or as its day was recorded) whose record is
    the branch's ``day``: the same Party-day, as a plan file imported again brings it."""
    query = _branch_day(select(PlanRow.id).select_from(RecordRow), branch, day).where(
        or_(PlanRow.title == title, RecordRow.title == title)
    )
    if other_than is not None:
        query = query.where(PlanRow.id != other_than)
    found = session.scalar(query.order_by(PlanRow.id).limit(1))
    return None if found is None else int(found)


def _fill(
    row: RecordRow,
    record: ActivityRecord,
    branch_id: int,
    now: datetime,
    statuses: dict[int, PartyStatus],
) -> None:
    """The row as ``record`` says; each person's 政治面貌 that day from ``statuses`` (the
    roster as it is at the save: a correction takes it again)."""
    row.branch_id = branch_id
    row.day = record.day
    row.summary = record.summary
    row.host = record.host
    row.recorder = record.recorder
    row.status = "recorded"
    row.updated_at = now
    row.attendance = [
        AttendanceRow(
            member_id=a.member_id,
            state=a.presence.value,
            reason=a.reason.strip(),
            party_status=statuses[a.member_id].value if a.member_id in statuses else None,
        )
        for a in record.attendance
    ]
    row.guests = [
        GuestRow(position=i, name=g.name, note=g.note) for i, g in enumerate(record.guests)
    ]
    row.done = [
        DoneRow(position=i, stop_uid=d.stop_uid, text=d.text, state=d.state.value, note=d.note)
        for i, d in enumerate(record.done)
    ]
    row.photos = [
        PhotoRow(
            position=i,
            content_hash=p.content_hash,
            path=p.path,
            thumbnail_path=p.thumbnail_path,
            caption=p.caption,
            added_at=now,
        )
        for i, p in enumerate(record.photos)
    ]


def _branch_name(session: Session, branch_id: int) -> str:
    return session.scalar(select(BranchRow.name).where(BranchRow.id == branch_id)) or ""


def _member_names(session: Session, branch_id: int) -> dict[int, str]:
    rows = session.execute(
        select(MemberRow.id, MemberRow.name).where(MemberRow.branch_id == branch_id)
    )
    return {member_id: name for member_id, name in rows}


def _record_from_row(
    row: RecordRow, branch: str, names: dict[int, str] | None = None
) -> ActivityRecord:
    if names is None:
        session = Session.object_session(row)
        assert session is not None
        names = _member_names(session, row.branch_id)
    return ActivityRecord(
        plan_id=row.plan_id,
        day=row.day,
        attendance=tuple(
            Attendance(
                a.member_id,
                names.get(a.member_id, ""),
                Presence(a.state),
                a.reason,
                PartyStatus(a.party_status) if a.party_status else None,
            )
            for a in sorted(row.attendance, key=lambda a: a.member_id)
        ),
        summary=row.summary,
        host=row.host,
        recorder=row.recorder,
        guests=tuple(Guest(g.name, g.note) for g in row.guests),
        done=tuple(DoneItem(d.text, DoneState(d.state), d.stop_uid, d.note) for d in row.done),
        photos=tuple(
            PhotoRef(p.content_hash, p.path, p.thumbnail_path, p.caption) for p in row.photos
        ),
        id=row.id,
        branch=branch,
        version=row.version,
        title=row.title,
    )


def _snapshot(record: ActivityRecord) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    data["day"] = record.day.isoformat()
    return data
