"""Branches and their members. An import is one transaction: all of the file, or nothing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core.members import (
    PARTY_STATUSES,
    Member,
    MemberEditError,
    MemberEditProblem,
    PartyStatus,
    check_member,
    with_full_since,
)
from hongtu.core.storage.models import AttendanceRow, BranchRow, MemberRow, RecordRow
from hongtu.core.storage.transactions import writing
from hongtu.core.text import person_name


class MemberNotFoundError(LookupError):
    def __init__(self, member_id: int) -> None:
        super().__init__(f"no member with id {member_id}")
        self.member_id = member_id


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    updated: int  # already on the roster: role and status taken from the file
    unchanged: int = 0  # already on the roster as the file has them
    # back in the branch: listed with a 加入日期 on or after the day they left (a new row;
    # the old one stays with its 离开日期 for the records of that time)
    rejoined: tuple[str, ...] = ()
    # (name, 离开日期): left the branch, listed without a 离开日期 and with no later 加入日期
    # (an older roster, or back without the date): left as they are
    still_left: tuple[tuple[str, date], ...] = ()


class MemberStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def members(self, branch: str, *, on: date | None = None) -> list[Member]:
        """The branch's members in roster order; with ``on``, only those on the roster that
        day. Members who left are kept (with ``left_on``) and listed without ``on``."""
        with self._sessions() as session:
            branch_id = find_branch_id(session, branch)
            if branch_id is None:
                return []
            rows = session.scalars(
                select(MemberRow).where(MemberRow.branch_id == branch_id).order_by(MemberRow.id)
            )
            members = [member_from_row(row) for row in rows]
        return [m for m in members if on is None or m.active_on(on)]

    def branches(self) -> list[str]:
        """Every branch with a roster (or a record), by name."""
        with self._sessions() as session:
            return list(session.scalars(select(BranchRow.name).order_by(BranchRow.name)))

    def add(self, branch: str, member: Member) -> Member:
        """A member typed in; returns it with its id. ``MemberEditError`` (nothing written)
        for a bad name or dates, or a name a current member of the branch already has."""
        member = _tidy(member)
        check_member(member)
        now = datetime.now()
        with writing(self._sessions) as session:
            branch_id = _ensure_branch(session, branch, now)
            _refuse_duplicate(session, branch_id, member, None)
            row = _new_row(branch_id, member, now)
            session.add(row)
            session.flush()
            return member_from_row(row)

    def update(self, member: Member, *, was: Member | None = None) -> Member:
        """Save an edited member (name, role, status, joined, left, 转正 and 入党 dates) by its
        id.

        ``was``: the member as the editor read it. Then only the fields that differ from it
        are written, and the edit is refused (``MemberEditError`` CHANGED_ELSEWHERE, nothing
        written) when one of those was changed elsewhere since (a roster imported by another
        window or the command line): an edit of 职务 never undoes a 离开日期 set meanwhile."""
        member_id = member.id
        if member_id is None:
            raise MemberNotFoundError(-1)
        member = _tidy(member)
        with writing(self._sessions) as session:
            row = session.get(MemberRow, member_id)
            if row is None:
                raise MemberNotFoundError(member_id)
            if was is not None:
                member = with_full_since(_merged(member_from_row(row), _tidy(was), member))
            check_member(member)
            _refuse_duplicate(session, row.branch_id, member, member_id)
            if member == member_from_row(row):
                return member
            row.name, row.role = member.name, member.role
            row.party_status = member.party_status.value
            row.joined_on, row.left_on = member.joined_on, member.left_on
            row.full_since, row.admitted_on = member.full_since, member.admitted_on
            row.updated_at = datetime.now()
            return member_from_row(row)

    def import_members(
        self, branch: str, members: list[Member], fields: frozenset[str] | None = None
    ) -> ImportOutcome:
        """Add the file's members, matched by name to the branch's members, also to those who
        have left: the same file imported again changes nothing.

        A name in the branch more than once (times in the branch) is matched by the file's
        离开日期, else to the latest time. One still on the roster takes the file's role and
        status, and its 离开日期, 转正日期 and 入党日期 when the file gives them (a 转正日期 or
        入党日期 already stored stays for a Party member, and goes with a status out of the
        Party). One who has left is back (``rejoined``: a new row) when the file's 加入日期 is on
        or after their 离开日期; else takes the file's fields when the file gives a 离开日期 too
        (a corrected one), and stays as stored when it gives none (``still_left``: an older
        roster must not bring back someone who left). All in one transaction
        (``MemberEditError`` and nothing imported if a 离开日期 is before they joined, or a kept
        入党日期 comes after the 转正日期).

        ``fields``: those the file has a column for (``MemberFile.fields``; None: all of them).
        A member already on the roster keeps the role and Party status stored when the file
        has no column for them: a list of names and 职务 alone must not make everyone 其他."""
        members = [with_full_since(_tidy(member)) for member in members]
        for member in members:
            check_member(member)
        now = datetime.now()
        added = updated = unchanged = 0
        rejoined: list[str] = []
        still_left: list[tuple[str, date]] = []
        with writing(self._sessions) as session:
            branch_id = _ensure_branch(session, branch, now)
            known: dict[str, list[MemberRow]] = {}
            rows = session.scalars(
                select(MemberRow).where(MemberRow.branch_id == branch_id).order_by(MemberRow.id)
            )
            for stored in rows:  # a name kept with its padding (migration 0010) matches too
                known.setdefault(person_name(stored.name), []).append(stored)
            for member in members:
                row = _matching_time(known.get(member.name, []), member)
                if row is not None:
                    member = _with_stored_fields(row, member, fields)
                back = row is not None and _back(row, member)
                if row is None or back:
                    session.add(_new_row(branch_id, member, now))
                    added += 1
                    if back:
                        rejoined.append(member.name)
                    continue
                if row.left_on is not None and member.left_on is None:
                    still_left.append((row.name, row.left_on))
                    continue
                if member.left_on is not None and member.left_on != row.left_on:
                    if row.joined_on is not None and member.left_on < row.joined_on:
                        raise MemberEditError(MemberEditProblem.LEFT_BEFORE_JOINED, row.name)
                    row.left_on = member.left_on
                elif _same(row, member) and row.name == member.name:
                    unchanged += 1
                    continue
                kept = _kept_dates(row, member)
                check_member(kept)
                row.name, row.role = member.name, member.role
                row.full_since, row.admitted_on = kept.full_since, kept.admitted_on
                row.party_status = kept.party_status.value
                row.updated_at = now
                updated += 1
        return ImportOutcome(added, updated, unchanged, tuple(rejoined), tuple(still_left))

    def first_recorded_day(self, member_id: int) -> date | None:
        """The first recorded day with the member on it (None: on no record)."""
        with self._sessions() as session:
            return _first_recorded_day(session, member_id)

    def remove(self, member_id: int) -> Member:
        """Delete a member added by mistake (a line of a file that was no one, a name typed
        wrong); returns them as they were. Only a member on no recorded day: one on a record
        is kept for its figures (``MemberEditError`` ON_A_RECORD with the first such day; 标记离开
        is for them)."""
        with writing(self._sessions) as session:
            row = session.get(MemberRow, member_id)
            if row is None:
                raise MemberNotFoundError(member_id)
            day = _first_recorded_day(session, member_id)
            if day is not None:
                raise MemberEditError(MemberEditProblem.ON_A_RECORD, row.name, day)
            member = member_from_row(row)
            session.delete(row)
            return member

    def leave(self, member_id: int, day: date) -> Member:
        """The member leaves the branch on ``day``; their row and past attendance stay."""
        with writing(self._sessions) as session:
            row = session.get(MemberRow, member_id)
            if row is None:
                raise MemberNotFoundError(member_id)
            if row.joined_on is not None and day < row.joined_on:
                raise MemberEditError(MemberEditProblem.LEFT_BEFORE_JOINED, row.name)
            row.left_on = day
            row.updated_at = datetime.now()
            return member_from_row(row)


def _first_recorded_day(session: Session, member_id: int) -> date | None:
    return session.scalar(
        select(func.min(RecordRow.day))
        .join(AttendanceRow, AttendanceRow.record_id == RecordRow.id)
        .where(AttendanceRow.member_id == member_id)
    )


def member_from_row(row: MemberRow) -> Member:
    return Member(
        row.id,
        row.name,
        row.role,
        PartyStatus(row.party_status),
        row.joined_on,
        row.left_on,
        row.full_since,
        row.admitted_on,
    )


MEMBER_FIELDS = (
    "name", "role", "party_status", "joined_on", "left_on", "full_since", "admitted_on",
)  # fmt: skip


def _matching_time(rows: list[MemberRow], member: Member) -> MemberRow | None:
    """Of a name's times in the branch (rows in the order added), the one the file's member
    is: the one with the file's 离开日期 (none: the one still on the roster), else the latest
    (still on the roster, or the last to leave)."""
    same = [row for row in rows if row.left_on == member.left_on]
    if same:
        return same[-1]
    current = [row for row in rows if row.left_on is None]
    if current:
        return current[-1]
    return max(rows, key=lambda row: row.left_on or date.min, default=None)


def _back(row: MemberRow, member: Member) -> bool:
    """The file lists the member who left as back in the branch: joined on or after the day
    they left."""
    return (
        row.left_on is not None
        and member.joined_on is not None
        and member.joined_on >= row.left_on
    )


def _with_stored_fields(
    row: MemberRow, member: Member, fields: frozenset[str] | None
) -> Member:
    """The file's member, with the role and the Party status stored when the file has no
    column for them (a status a 转正日期 or 入党日期 of the file implies is the file's)."""
    if fields is None:
        return member
    if "role" not in fields:
        member = dataclasses.replace(member, role=row.role)
    implied = (member.full_since is not None and "full_since" in fields) or (
        member.admitted_on is not None and "admitted" in fields
    )
    if "status" not in fields and not implied:
        member = dataclasses.replace(member, party_status=PartyStatus(row.party_status))
    return member


def _kept_dates(row: MemberRow, member: Member) -> Member:
    """The file's member with the 转正日期 and 入党日期 an import keeps: the file's; else the
    stored ones while still a Party member (an older roster file without the columns does not
    forget them), as stored (``with_full_since``)."""
    if member.party_status not in PARTY_STATUSES:
        return member
    return with_full_since(
        dataclasses.replace(
            member,
            full_since=member.full_since or row.full_since,
            admitted_on=member.admitted_on or row.admitted_on,
        )
    )


def _same(row: MemberRow, member: Member) -> bool:
    """An import changes nothing of the stored member (role, status and dates as kept)."""
    kept = _kept_dates(row, member)
    return (row.role, row.party_status, row.full_since, row.admitted_on) == (
        member.role, kept.party_status.value, kept.full_since, kept.admitted_on,
    )  # fmt: skip


def _merged(stored: Member, was: Member, edited: Member) -> Member:
    """The stored member with the fields the editor changed (from ``was`` to ``edited``);
    ``MemberEditError`` if one of those fields is no longer what the editor read."""
    changes = {}
    for name in MEMBER_FIELDS:
        before, after = getattr(was, name), getattr(edited, name)
        if before == after:
            continue
        if getattr(stored, name) != before:
            raise MemberEditError(MemberEditProblem.CHANGED_ELSEWHERE, stored.name)
        changes[name] = after
    return dataclasses.replace(stored, **changes)


def _tidy(member: Member) -> Member:
    name, role = person_name(member.name), " ".join(member.role.split())
    return with_full_since(dataclasses.replace(member, name=name, role=role))


def _refuse_duplicate(
    session: Session, branch_id: int, member: Member, member_id: int | None
) -> None:
    """Two current members of one branch never share a name (the ledger names people); a name
    kept with its padding (migration 0010) is the same name."""
    if member.left_on is not None:
        return
    query = select(MemberRow.name).where(
        MemberRow.branch_id == branch_id, MemberRow.left_on.is_(None)
    )
    if member_id is not None:
        query = query.where(MemberRow.id != member_id)
    if any(person_name(name) == member.name for name in session.scalars(query)):
        raise MemberEditError(MemberEditProblem.DUPLICATE, member.name)


def _new_row(branch_id: int, member: Member, now: datetime) -> MemberRow:
    return MemberRow(
        branch_id=branch_id,
        name=member.name,
        role=member.role,
        party_status=member.party_status.value,
        joined_on=member.joined_on,
        left_on=member.left_on,
        full_since=member.full_since,
        admitted_on=member.admitted_on,
        created_at=now,
        updated_at=now,
    )


def find_branch_id(session: Session, name: str) -> int | None:
    """The branch's id by its name (spaces around the name ignored); None for no such branch."""
    return session.scalar(select(BranchRow.id).where(BranchRow.name == name.strip()))


def _ensure_branch(session: Session, name: str, now: datetime) -> int:
    name = name.strip()
    if not name:
        raise ValueError("branch name is empty")
    found = find_branch_id(session, name)
    if found is not None:
        return found
    row = BranchRow(name=name, created_at=now)
    session.add(row)
    session.flush()
    return row.id


def ensure_branch(session: Session, name: str) -> int:
    """The branch's id, created when new (inside the caller's write transaction)."""
    return _ensure_branch(session, name, datetime.now())
