"""The record of a Party-day (活动记录): who came, what was done, a short summary, photos.

Qt-free. Checks give a reason code (``RecordProblem``); the UI words them. The quickest path is
``everyone_present``: all members on the roster that day present, then a few marked on leave or
absent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hongtu.core.limits import TEXT_LIMITS
from hongtu.core.members import PARTY_STATUSES, Member, PartyStatus

MAX_SUMMARY_CHARS = 2000
MAX_REASON_CHARS = 200
MAX_PERSON_CHARS = 200  # 主持人, 记录人: names, maybe with their posts (as a plan file allows)


class Presence(StrEnum):
    PRESENT = "present"  # 出席
    LEAVE = "leave"  # 请假 (with a reason)
    ABSENT = "absent"  # 缺席


class DoneState(StrEnum):
    DONE = "done"  # as planned
    CHANGED = "changed"  # done differently (the note says how)
    SKIPPED = "skipped"  # not done
    ADDED = "added"  # done on the day though not planned


@dataclass(frozen=True, slots=True)
class Attendance:
    member_id: int
    name: str
    presence: Presence
    reason: str = ""
    # 政治面貌 that day as the record froze it when saved (migration 0011): the day counts the
    # member in 应到 or as 列席 by it, whatever the roster says since; None: not saved yet
    status: PartyStatus | None = None

    def in_party(self, member: Member | None, day: date) -> bool:
        """Counted in ``day``'s 应到: by the frozen 政治面貌; not saved yet, by the roster
        (``member``; someone it does not know counts as a Party member, as every member did
        before 政治面貌 counted)."""
        if self.status is not None:
            return self.status in PARTY_STATUSES
        return member is None or member.in_party_on(day)


@dataclass(frozen=True, slots=True)
class Guest:
    name: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class DoneItem:
    text: str
    state: DoneState = DoneState.DONE
    stop_uid: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhotoRef:
    content_hash: str
    path: str
    thumbnail_path: str = ""
    caption: str = ""


@dataclass(frozen=True)
class ActivityRecord:
    plan_id: int
    day: date
    attendance: tuple[Attendance, ...]
    summary: str = ""
    host: str = ""
    recorder: str = ""
    guests: tuple[Guest, ...] = ()
    done: tuple[DoneItem, ...] = ()
    photos: tuple[PhotoRef, ...] = field(default=())
    id: int | None = None
    branch: str = ""
    version: int = 0  # 0 before the first save; a correction names the version it was made from
    # 活动主题 as held: "" when saving takes the plan's title (a first record) or keeps the
    # recorded one (a correction); a saved record always has one
    title: str = ""

    def count(self, presence: Presence) -> int:
        return sum(1 for a in self.attendance if a.presence is presence)


class RecordProblem(StrEnum):
    FUTURE_DATE = "future_date"  # the day has not come yet
    NO_BRANCH = "no_branch"  # neither the plan nor the record names the branch
    NOT_ON_ROSTER = "not_on_roster"  # someone not on the roster that day
    MISSING_MEMBER = "missing_member"  # a member on the roster with no entry
    TWICE = "twice"  # a member entered twice
    LEAVE_WITHOUT_REASON = "leave_without_reason"
    TEXT_TOO_LONG = "text_too_long"  # the detail names it: "summary", "host", "recorder", "title"
    REASON_TOO_LONG = "reason_too_long"  # a reason for leave (the detail is the member's name)
    NO_MEMBERS = "no_members"  # the branch has nobody on its roster that day
    STALE = "stale"  # corrected elsewhere since this copy was read
    ALREADY_RECORDED = "already_recorded"  # the same day of the same plan is recorded already
    SAME_DAY = "same_day"  # the branch's day is recorded for another plan (detail: its title)


class RecordRefusedError(ValueError):
    def __init__(self, problem: RecordProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail  # a member's name, when the problem is about one


def expected_members(
    roster: Iterable[Member], day: date, before: Iterable[Attendance] = ()
) -> list[Member]:
    """Who a record of ``day`` accounts for: everyone on the roster that day; for a correction,
    the people of the earlier record (``before``) and no one else. A record freezes who was
    expected that day: a member added to the roster since (with no 加入日期, so "always a
    member") is not added by a correction, and a member kept by the record stays in it."""
    earlier = {entry.member_id: entry for entry in before}
    if not earlier:
        return [m for m in roster if m.id is not None and m.active_on(day)]
    known = {m.id: m for m in roster if m.id is not None}
    return [
        known.get(member_id) or Member(member_id, entry.name)
        for member_id, entry in sorted(earlier.items())
    ]


def off_roster(roster: Iterable[Member], day: date, before: Iterable[Attendance]) -> list[Member]:
    """The people of an earlier record of ``day`` whose roster dates (加入日期, 离开日期,
    entered since) now say they were not on the roster that day: a correction may take them
    out of the record (``everyone_present``'s ``drop``)."""
    kept = {entry.member_id for entry in before}
    return [m for m in roster if m.id in kept and not m.active_on(day)]


class RosterChange(StrEnum):
    """How the roster as it is now disagrees with a recorded day (the record stands)."""

    LEFT = "left"  # in the record, but the roster's 离开日期 is on or before the day
    NOT_JOINED = "not_joined"  # in the record, but the roster's 加入日期 is after the day
    NOT_RECORDED = "not_recorded"  # on the roster that day by a 加入日期, not in the record
    IN_PARTY = "in_party"  # a Party member that day by the roster, recorded as not one (列席)
    NOT_IN_PARTY = "not_in_party"  # recorded as a Party member, by the roster not one that day


def roster_changes(
    roster: Iterable[Member], day: date, attendance: Iterable[Attendance]
) -> tuple[tuple[RosterChange, Member], ...]:
    """Where the roster (its members as they are now, in its order) disagrees with the record of
    ``day``: someone recorded whose dates now put them off the roster that day, a member whose
    加入日期 puts them on it but who is not in the record (one added with no 加入日期 counts as
    always a member and is not named: any roster grown since would name them on every day),
    and a 政治面貌 that now puts someone in or out of 应到. The record keeps its figures; the
    organiser corrects it in 记录活动."""
    entries = {entry.member_id: entry for entry in attendance}
    changes: list[tuple[RosterChange, Member]] = []
    for member in roster:
        entry = entries.get(member.id) if member.id is not None else None
        if entry is None:
            if member.joined_on is not None and member.active_on(day):
                changes.append((RosterChange.NOT_RECORDED, member))
        elif not member.active_on(day):
            left = member.left_on is not None and member.left_on <= day
            changes.append((RosterChange.LEFT if left else RosterChange.NOT_JOINED, member))
        elif entry.status is not None and entry.in_party(None, day) != member.in_party_on(day):
            now = RosterChange.IN_PARTY if member.in_party_on(day) else RosterChange.NOT_IN_PARTY
            changes.append((now, member))
    return tuple(changes)


def everyone_present(
    roster: Iterable[Member],
    day: date,
    leave: Mapping[int, str] | None = None,
    absent: Iterable[int] = (),
    *,
    before: Iterable[Attendance] = (),
    present: Iterable[int] = (),
    drop: Iterable[int] = (),
) -> tuple[Attendance, ...]:
    """Everyone on the roster that day present, except those on ``leave`` (id → reason) and
    those ``absent``: the handful-of-clicks path.

    Correcting a record: ``before`` is its attendance, kept for everyone not named again; the
    people are those of the earlier record (``expected_members``), and a member on the roster
    that day who is not in it is added only when named (``leave``, ``absent``, ``present``),
    and those in ``drop`` (people the roster now puts off it that day, ``off_roster``) are
    taken out.
    """
    roster = list(roster)
    leave = leave or {}
    absent_ids, present_ids = set(absent), set(present)
    earlier = {entry.member_id: entry for entry in before}
    dropped = set(drop)
    people = [m for m in expected_members(roster, day, earlier.values()) if m.id not in dropped]
    named = set(leave) | absent_ids | present_ids
    listed = {m.id for m in people}
    people += [m for m in roster if m.id in named and m.id not in listed and m.active_on(day)]
    entries = []
    for member in people:
        assert member.id is not None
        if member.id in leave:
            entries.append(Attendance(member.id, member.name, Presence.LEAVE, leave[member.id]))
        elif member.id in absent_ids:
            entries.append(Attendance(member.id, member.name, Presence.ABSENT))
        elif member.id in earlier and member.id not in present_ids:
            kept = earlier[member.id]
            entries.append(Attendance(member.id, member.name, kept.presence, kept.reason))
        else:
            entries.append(Attendance(member.id, member.name, Presence.PRESENT))
    return tuple(entries)


def check_record(
    record: ActivityRecord,
    roster: Iterable[Member],
    today: date,
    earlier: Iterable[Attendance] = (),
) -> None:
    """Refuse (``RecordRefusedError``) a record that cannot be true; return if it can.

    ``earlier``: the attendance of the record this one corrects. Its people must all be kept
    (the record froze who was expected that day) except those whose roster dates now put them
    off the roster that day (``off_roster``), members on the roster that day may be added, and
    nobody else; a first record accounts for everyone on the roster that day."""
    if record.day > today:
        raise RecordRefusedError(RecordProblem.FUTURE_DATE, record.day.isoformat())
    if len(record.summary) > MAX_SUMMARY_CHARS:
        raise RecordRefusedError(RecordProblem.TEXT_TOO_LONG, "summary")
    for what, text in (("host", record.host), ("recorder", record.recorder)):
        if len(text) > MAX_PERSON_CHARS:
            raise RecordRefusedError(RecordProblem.TEXT_TOO_LONG, what)
    if len(record.title) > TEXT_LIMITS["title"]:
        raise RecordRefusedError(RecordProblem.TEXT_TOO_LONG, "title")
    roster = list(roster)
    on_roster = {m.id: m for m in roster if m.id is not None and m.active_on(record.day)}
    earlier = list(earlier)
    kept = {entry.member_id: Member(entry.member_id, entry.name) for entry in earlier}
    may_leave = {m.id for m in off_roster(roster, record.day, earlier)}
    expected = kept or on_roster
    if not expected:
        raise RecordRefusedError(RecordProblem.NO_MEMBERS)
    seen: set[int] = set()
    for entry in record.attendance:
        if entry.member_id not in on_roster and entry.member_id not in kept:
            raise RecordRefusedError(RecordProblem.NOT_ON_ROSTER, entry.name)
        if entry.member_id in seen:
            raise RecordRefusedError(RecordProblem.TWICE, entry.name)
        seen.add(entry.member_id)
        if entry.presence is Presence.LEAVE and not entry.reason.strip():
            raise RecordRefusedError(RecordProblem.LEAVE_WITHOUT_REASON, entry.name)
        if len(entry.reason) > MAX_REASON_CHARS:
            raise RecordRefusedError(RecordProblem.REASON_TOO_LONG, entry.name)
    missing = [m.name for i, m in expected.items() if i not in seen and i not in may_leave]
    if missing:
        raise RecordRefusedError(RecordProblem.MISSING_MEMBER, missing[0])
    if not seen:  # everyone of the earlier record taken out
        raise RecordRefusedError(RecordProblem.NO_MEMBERS)
