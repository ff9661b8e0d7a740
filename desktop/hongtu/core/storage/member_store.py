"""Branches and their members. An import is one transaction: all of the file, or nothing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
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
from hongtu.core.storage.models import BranchRow, MemberRow
from hongtu.core.storage.transactions import writing


class MemberNotFoundError(LookupError):
    def __init__(self, member_id: int) -> None:
        super().__init__(f"no member with id {member_id}")
        self.member_id = member_id


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    updated: int  # already on the roster: role and status taken from the file


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

    def import_members(self, branch: str, members: list[Member]) -> ImportOutcome:
        """Add the file's members; one already on the roster (same name, not left) takes the
        file's role and status, and its 离开日期, 转正日期 and 入党日期 when the file gives them
        (a 转正日期 or 入党日期 already stored stays for a Party member, and goes with a status
        out of the Party). All in one transaction (``MemberEditError`` and nothing imported if
        a 离开日期 is before they joined, or a kept 入党日期 comes after the 转正日期)."""
        members = [with_full_since(member) for member in members]
        for member in members:
            check_member(member)
        now = datetime.now()
        added = updated = 0
        with writing(self._sessions) as session:
            branch_id = _ensure_branch(session, branch, now)
            current = {
                row.name: row
                for row in session.scalars(
                    select(MemberRow).where(
                        MemberRow.branch_id == branch_id, MemberRow.left_on.is_(None)
                    )
                )
            }
            for member in members:
                row = current.get(member.name)
                if row is None:
                    session.add(_new_row(branch_id, member, now))
                    added += 1
                    continue
                if member.left_on is not None:
                    if row.joined_on is not None and member.left_on < row.joined_on:
                        raise MemberEditError(MemberEditProblem.LEFT_BEFORE_JOINED, row.name)
                    row.left_on = member.left_on
                elif _same(row, member):
                    continue
                kept = _kept_dates(row, member)
                check_member(kept)
                row.role = member.role
                row.full_since, row.admitted_on = kept.full_since, kept.admitted_on
                row.party_status = kept.party_status.value
                row.updated_at = now
                updated += 1
        return ImportOutcome(added, updated)

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
    name, role = " ".join(member.name.split()), " ".join(member.role.split())
    return with_full_since(dataclasses.replace(member, name=name, role=role))


def _refuse_duplicate(
    session: Session, branch_id: int, member: Member, member_id: int | None
) -> None:
    """Two current members of one branch never share a name (the ledger names people)."""
    if member.left_on is not None:
        return
    query = select(MemberRow.id).where(
        MemberRow.branch_id == branch_id,
        MemberRow.name == member.name,
        MemberRow.left_on.is_(None),
    )
    if member_id is not None:
        query = query.where(MemberRow.id != member_id)
    if session.scalar(query) is not None:
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
