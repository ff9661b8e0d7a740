"""The branch's yearly ledger (台账): every recorded Party-day of a year and its figures.

Qt-free. One set of figures feeds the 台账 view, ``hongtu ledger show`` and every ledger export,
so a figure printed anywhere equals the one on screen. No points and no rankings: attendance is
counted, never scored (the guidance against "formalism on the fingertips").

As in a branch's 组织生活 record, 应到/实到/请假/缺席 and the rate count Party members (正式党员
and 预备党员, by their 政治面貌 on that day: ``Member.status_on``); the others on the roster who
came (入党积极分子, 群众…) and the guests are 列席.

A recorded day is the branch's document of that day: its people and each one's 政治面貌 are
those the record froze when it was saved, so a roster changed since (a 入党日期 moved, a 离开日期
or a member added) never changes its figures. Where the roster now disagrees, the day carries
the differences (``LedgerDay.roster_changes``) for every output to name; 记录活动 corrects it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from hongtu.core.document import DocumentLabels
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import ActivityKind
from hongtu.core.records import (
    ActivityRecord,
    Attendance,
    DoneItem,
    DoneState,
    PhotoRef,
    Presence,
    RosterChange,
    roster_changes,
)

if TYPE_CHECKING:
    from hongtu.core.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Counts:
    expected: int  # 应到: the Party members (正式, 预备) on the roster that day
    present: int  # 实到: of them
    leave: int  # 请假: of them
    absent: int  # 缺席: of them
    observers: int = 0  # 列席: the others who came (not counted in 应到), guests included

    @property
    def rate(self) -> float | None:
        """实到 / 应到, None when nobody was expected."""
        return self.present / self.expected if self.expected else None


@dataclass(frozen=True, slots=True)
class Missing:
    name: str
    presence: Presence  # LEAVE or ABSENT
    reason: str


@dataclass(frozen=True, slots=True)
class LedgerDay:
    plan_id: int
    day: date
    title: str
    places: tuple[str, ...]  # the stops visited (those not marked skipped), in order
    host: str
    recorder: str
    counts: Counts
    missing: tuple[Missing, ...]  # Party members on leave (with reasons) and absent
    guests: tuple[str, ...]
    done: tuple[DoneItem, ...]
    summary: str
    photos: tuple[PhotoRef, ...]
    # 列席, as counted in ``counts.observers``: the members not in the Party that day who
    # came, in the record's order, then the guests
    observers: tuple[str, ...] = ()
    # where the roster as it is now disagrees with the record (``records.roster_changes``),
    # each with the member as the roster has them: said beside the day, never counted
    roster_changes: tuple[tuple[RosterChange, Member], ...] = ()


@dataclass(frozen=True, slots=True)
class MemberYear:
    member_id: int
    name: str
    role: str
    party_status: PartyStatus  # 政治面貌 on their last Party-day of the year
    counts: Counts
    months: tuple[Counts | None, ...]  # 12 entries; None where the month had no Party-day for them
    full_since: date | None = None  # the 转正日期, when it falls in the year on or before then
    admitted_on: date | None = None  # the 入党日期, likewise
    left_on: date | None = None  # the 离开日期 (转出): the months from it on are "已离开"

    def left_in(self, year: int, month: int) -> bool:
        """Whether the member had left the branch by the end of ``month`` of ``year``."""
        left = self.left_on
        return left is not None and (left.year, left.month) <= (year, month)


class MonthState(Enum):
    HELD = "held"  # 已开展: at least one recorded Party-day
    MISSED = "missed"  # 未开展: the month is over without one
    TO_COME = "to_come"  # 待开展: not over yet (this month or a later one) and none recorded
    # 无记录: over, but before the branch's first recorded Party-day (it began using HongTu later)
    NOT_RECORDED = "not_recorded"


@dataclass(frozen=True, slots=True)
class YearLedger:
    branch: str
    year: int
    days: tuple[LedgerDay, ...]
    held: tuple[bool, ...]  # 12 entries: the month had at least one recorded Party-day
    counts: Counts  # the year: sums over the days
    places: tuple[tuple[str, int], ...]  # place and how many days it was visited, by first visit
    members: tuple[MemberYear, ...]
    # 12 entries: the month was over on the day the ledger was made (a past year: every month)
    over: tuple[bool, ...] = (True,) * 12
    # The branch's first recorded Party-day (any year); None: it has recorded none yet
    first_recorded: date | None = None

    def month_state(self, month: int) -> MonthState:
        """Whether ``month`` (1..12) was held, missed, still to come, or before the branch's
        first record: a month not over yet is never reported as 未开展 (a mid-year review would
        list the future as missed), nor one before the branch recorded anything in HongTu (a
        branch that began in December would report eleven months without a Party-day)."""
        if self.held[month - 1]:
            return MonthState.HELD
        if not self.over[month - 1]:
            return MonthState.TO_COME
        first = self.first_recorded
        if first is None or (self.year, month) < (first.year, first.month):
            return MonthState.NOT_RECORDED
        return MonthState.MISSED

    def missed_months(self) -> list[int]:
        """The months that are over without a Party-day (未开展), in order."""
        return self.months_in(MonthState.MISSED)

    def months_in(self, state: MonthState) -> list[int]:
        return [m for m in range(1, 13) if self.month_state(m) is state]

    def others(self) -> list[str]:
        """The year's members whose 政治面貌 is 其他, as a roster without that column reads:
        列席 when they came, never in 应到. The window and ``ledger show`` name them, so a
        branch whose roster left the column out sees why its 应到 is small."""
        return [m.name for m in self.members if m.party_status is PartyStatus.OTHER]


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """What the ledger needs from a plan: its title and its stops (uid, place name)."""

    title: str
    stops: tuple[tuple[str, str], ...]


def rate_text(rate: float | None) -> str:
    """A rate as every ledger output prints it: one decimal and a percent sign, or —."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def build_ledger(
    branch: str,
    year: int,
    records: Iterable[ActivityRecord],
    plans: Mapping[int, PlanFacts],
    members: Iterable[Member],
    today: date | None = None,
    first_recorded: date | None = None,
) -> YearLedger:
    """The year's figures; ``today`` (by default the computer's date) tells which months are
    over, so that a month still to come is not counted as one without a Party-day.
    ``first_recorded``: the branch's first recorded Party-day in any year (by default the
    earliest of ``records``); the months before it are 无记录, not 未开展."""
    today = today or date.today()
    records = list(records)
    if first_recorded is None and records:
        first_recorded = min(r.day for r in records)
    chosen = sorted((r for r in records if r.day.year == year), key=lambda r: (r.day, r.plan_id))
    roster = {m.id: m for m in members if m.id is not None}
    days = tuple(_day(record, plans.get(record.plan_id), roster) for record in chosen)
    held = tuple(any(d.day.month == m for d in days) for m in range(1, 13))
    visits: Counter[str] = Counter()
    for day in days:
        visits.update(dict.fromkeys(day.places, 1))
    by_member: dict[int, list[tuple[date, Attendance]]] = {}
    for record in chosen:  # one pass: member → their days, in order
        for a in record.attendance:
            by_member.setdefault(a.member_id, []).append((record.day, a))
    return YearLedger(
        branch=branch,
        year=year,
        days=days,
        held=held,
        counts=_sum(d.counts for d in days),
        places=tuple(visits.items()),
        members=tuple(
            _member_year(m, by_member[i], year) for i, m in roster.items() if i in by_member
        ),
        over=tuple((year, m) < (today.year, today.month) for m in range(1, 13)),
        first_recorded=first_recorded,
    )


def load_ledger(
    workspace: Workspace, branch: str, year: int, today: date | None = None
) -> YearLedger:
    """The ledger from the stores: the year's records, their plans, the branch's roster."""
    branch = branch.strip()
    records = workspace.records.records(branch, year)
    places = workspace.records.plan_places([r.plan_id for r in records])
    plans = {plan_id: PlanFacts(title, tuple(stops)) for plan_id, (title, stops) in places.items()}
    members = workspace.members.members(branch)
    first = workspace.records.first_day(branch)
    return build_ledger(branch, year, records, plans, members, today, first)


def visited_places(record: ActivityRecord, facts: PlanFacts | None) -> tuple[str, ...]:
    """The places the record says were visited: its stop items not marked 未进行, in its order,
    less the stops where the only activity was lunch (a restaurant is no site visited).

    A plan edited or reused after the day (another date, a stop removed or added) does not
    change them: a stop the plan still has is named as the plan names it, one it no longer has
    by the record's own text (the place's name when recorded). A record without stop items
    (made by ``hongtu record``) falls back to the plan's stops."""
    names = dict(facts.stops) if facts else {}
    stops = [d for d in record.done if d.stop_uid]
    if stops:
        meals = {id(stop) for stop, items in stop_groups(record.done) if _meal_only(stop, items)}
        return tuple(
            names.get(d.stop_uid or "", d.text)
            for d in stops
            if d.state is not DoneState.SKIPPED and id(d) not in meals
        )
    return tuple(names.values())


def attendance_counts(
    attendance: Iterable[Attendance],
    roster: Mapping[int, Member],
    day: date,
    guests: int = 0,
) -> Counts:
    """A day's figures: 应到 … 缺席 over the Party members of that day (by the 政治面貌 the
    record froze; ``Attendance.in_party``), 列席 the others who came and the ``guests``.
    ``roster``: the branch's members by id (any dates), for entries not saved yet."""
    members: list[Presence] = []
    observers = guests
    for entry in attendance:
        if entry.in_party(roster.get(entry.member_id), day):
            members.append(entry.presence)
        elif entry.presence is Presence.PRESENT:
            observers += 1
    return _presences(members, observers)


def record_counts(record: ActivityRecord, roster: Iterable[Member]) -> Counts:
    """``attendance_counts`` of a record, for what is said when it is saved or imported."""
    known = {m.id: m for m in roster if m.id is not None}
    return attendance_counts(record.attendance, known, record.day, len(record.guests))


MEAL = DocumentLabels().activity_kinds[ActivityKind.LUNCH]  # as records store it (午餐)


def stop_groups(done: Iterable[DoneItem]) -> list[tuple[DoneItem | None, list[DoneItem]]]:
    """A record's items by stop: each stop's item with the activities recorded under it
    ("高君宇故居：参观学习"), in order; an item under no stop (one added on the day) alone, with
    None for its stop."""
    groups: list[tuple[DoneItem | None, list[DoneItem]]] = []
    for item in done:
        stop = groups[-1][0] if groups else None
        if item.stop_uid:
            groups.append((item, []))
        elif stop is not None and item.text.startswith(f"{stop.text}："):
            groups[-1][1].append(item)
        else:
            groups.append((None, [item]))
    return groups


def activity_of(stop: DoneItem, item: DoneItem) -> str:
    """The activity of an item recorded under ``stop`` ("参观学习" of "高君宇故居：参观学习")."""
    return item.text[len(stop.text) + 1 :]


def is_meal(stop: DoneItem, item: DoneItem) -> bool:
    return activity_of(stop, item).startswith(MEAL)


def _meal_only(stop: DoneItem | None, items: list[DoneItem]) -> bool:
    """A stop where the day's only activity was lunch (a restaurant, not a site visited)."""
    return stop is not None and bool(items) and all(is_meal(stop, item) for item in items)


def _day(
    record: ActivityRecord, facts: PlanFacts | None, roster: Mapping[int, Member]
) -> LedgerDay:
    places = visited_places(record, facts)
    counted = [a for a in record.attendance if a.in_party(roster.get(a.member_id), record.day)]
    missing = tuple(
        Missing(a.name, a.presence, a.reason)
        for presence in (Presence.LEAVE, Presence.ABSENT)
        for a in counted
        if a.presence is presence
    )
    guests = tuple(g.name for g in record.guests)
    came = tuple(
        a.name
        for a in record.attendance
        if a.presence is Presence.PRESENT and not a.in_party(roster.get(a.member_id), record.day)
    )
    return LedgerDay(
        plan_id=record.plan_id,
        day=record.day,
        title=record.title or (facts.title if facts else ""),  # the theme it was held under
        places=places,
        host=record.host,
        recorder=record.recorder,
        counts=attendance_counts(record.attendance, roster, record.day, len(guests)),
        missing=missing,
        guests=guests,
        done=record.done,
        summary=record.summary,
        photos=record.photos,
        observers=came + guests,
        roster_changes=roster_changes(roster.values(), record.day, record.attendance),
    )


def _sum(items: Iterable[Counts]) -> Counts:
    expected = present = leave = absent = observers = 0
    for c in items:
        expected += c.expected
        present += c.present
        leave += c.leave
        absent += c.absent
        observers += c.observers
    return Counts(expected, present, leave, absent, observers)


def _member_year(member: Member, days: list[tuple[date, Attendance]], year: int) -> MemberYear:
    """A member's year (only members on the roster for at least one of the year's days): each
    month's figures as a Party member, or how often they came as 列席 on the days they were not
    one; their 政治面貌 as on their last Party-day of the year (as that day's record has it)."""
    by_month: dict[int, list[Counts]] = {}
    for day, entry in days:
        counts = attendance_counts((entry,), {entry.member_id: member}, day)
        by_month.setdefault(day.month, []).append(counts)
    months = tuple(_sum(by_month[m]) if m in by_month else None for m in range(1, 13))
    last = days[-1][0]

    def shown(day: date | None) -> date | None:
        """A 转正 or 入党 date in the year, on or before their last Party-day."""
        return day if day is not None and day.year == year and day <= last else None

    assert member.id is not None
    return MemberYear(
        member.id,
        member.name,
        member.role,
        days[-1][1].status or member.status_on(last),
        _sum(c for c in months if c is not None),
        months,
        shown(member.full_since),
        shown(member.admitted_on),
        member.left_on,
    )


def _presences(presences: list[Presence], observers: int = 0) -> Counts:
    return Counts(
        len(presences),
        presences.count(Presence.PRESENT),
        presences.count(Presence.LEAVE),
        presences.count(Presence.ABSENT),
        observers,
    )
