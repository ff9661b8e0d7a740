"""Text shared by every ledger output (so each prints the same words for the same figures)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.ledger import (
    Counts,
    LedgerDay,
    MemberYear,
    Missing,
    activity_of,
    is_meal,
    rate_text,
    stop_groups,
)
from hongtu.core.members import Member
from hongtu.core.records import DoneItem, DoneState, RosterChange


def missing_text(missing: Iterable[Missing], labels: LedgerLabels) -> str:
    """缺席及原因: each name with 请假/缺席 and the reason, or 无."""
    parts = [
        (labels.reason_format if m.reason else labels.no_reason_format).format(
            name=m.name, presence=labels.presence(m.presence), reason=m.reason
        )
        for m in missing
    ]
    return labels.list_separator.join(parts) or labels.no_missing


def content_lines(day: LedgerDay, labels: LedgerLabels, *, by_stop: bool = False) -> list[str]:
    """活动内容: each item done with how it went (and its note). ``by_stop`` (the filed Word
    台账): one line per stop with its activities ("高君宇故居：参观学习、重温入党誓词"), how it
    went said only where it did not go as planned, lunch left out unless it changed."""
    if by_stop:
        return _stop_lines(day.done, labels)
    return [_done(item, item.text, labels) for item in day.done]


def _done(item: DoneItem, text: str, labels: LedgerLabels) -> str:
    return (labels.done_format if item.note else labels.done_no_note_format).format(
        text=text, state=labels.done_states[item.state], note=item.note
    )


def _as_planned(item: DoneItem) -> bool:
    return item.state is DoneState.DONE and not item.note


def _stop_lines(done: tuple[DoneItem, ...], labels: LedgerLabels) -> list[str]:
    lines = []
    for stop, items in stop_groups(done):
        if stop is None:
            lines += [_done(item, item.text, labels) for item in items]
            continue
        shown = [i for i in items if not (is_meal(stop, i) and _as_planned(i))]
        if items and not shown and _as_planned(stop):
            continue  # a lunch stop, lunch as planned: not an activity of the day
        activities = [
            activity_of(stop, i) if _as_planned(i) else _done(i, activity_of(stop, i), labels)
            for i in shown
        ]
        place = stop.text if _as_planned(stop) else _done(stop, stop.text, labels)
        if activities:
            place = labels.stop_activities_format.format(
                place=place, activities=labels.activities_separator.join(activities)
            )
        lines.append(place)
    return lines


def observers_text(day: LedgerDay, labels: LedgerLabels) -> str:
    """列席: who came without being counted in 应到 (non-members, then guests), or 无."""
    return labels.list_separator.join(day.observers) or labels.no_missing


def month_cell(counts: Counts | None, labels: LedgerLabels) -> str:
    """A member's month: 实到/应到 as a Party member ("1/1"); the one Party-day of the month
    missed, 假 on leave or 缺 absent (never the same "0/1"); with more than one, the figures
    and the marks ("1/2假"); 列席 when they came while not one; blank when the member had no
    Party-day that month (or, not in the Party, did not come)."""
    if counts is None or (not counts.expected and not counts.observers):
        return ""
    if not counts.expected:
        return labels.observer_mark
    figures = f"{counts.present}/{counts.expected}"
    marks = labels.both_marks_format if counts.leave and counts.absent else "{leave}{absent}"
    marks = marks.format(
        leave=labels.leave_mark if counts.leave else "",
        absent=labels.absent_mark if counts.absent else "",
    )
    if not marks:
        return figures
    if counts.expected == 1:
        return marks
    return labels.marked_month_format.format(figures=figures, marks=marks)


def month_cells(member: MemberYear, year: int, labels: LedgerLabels) -> tuple[str, ...]:
    """A member's twelve months (``month_cell``); a month without a Party-day for them on or
    after their 离开日期 says 已离开, not a blank that reads as if nothing were known."""
    return tuple(
        labels.left_mark
        if counts is None and member.left_in(year, month)
        else month_cell(counts, labels)
        for month, counts in enumerate(member.months, start=1)
    )


def status_text(member: MemberYear, labels: LedgerLabels) -> str:
    """政治面貌 at the member's last Party-day of the year, with a 转正日期 (or else a 入党日期)
    in the year."""
    status = labels.statuses[member.party_status]
    if member.full_since is not None:
        return labels.became_full_format.format(status=status, date=member.full_since.isoformat())
    if member.admitted_on is not None:
        return labels.admitted_format.format(status=status, date=member.admitted_on.isoformat())
    return status


def member_rate_text(counts: Counts) -> str:
    """A member's 出席率, or — when they missed only on leave and came to none: a 0.0% would
    read as a mark against someone away on approved leave (attendance is never scored)."""
    if counts.present == 0 and counts.absent == 0:
        return rate_text(None)
    return rate_text(counts.rate)


def attendance_text(counts: Counts, labels: LedgerLabels) -> str:
    """出勤: 应到, 实到, 请假, 缺席, the rate and 列席, in the order of every table of the 台账."""
    return labels.attendance_format.format(
        expected=counts.expected,
        present=counts.present,
        leave=counts.leave,
        absent=counts.absent,
        rate=rate_text(counts.rate),
        observers=counts.observers,
    )


def roster_change_texts(
    changes: Iterable[tuple[RosterChange, Member]], day: date, labels: LedgerLabels
) -> list[str]:
    """Each way the roster as it is now disagrees with the record of ``day``, in words
    ("周秀英已于 2026-08-01 离开")."""
    formats = {
        RosterChange.LEFT: labels.roster_left_format,
        RosterChange.NOT_JOINED: labels.roster_not_joined_format,
        RosterChange.NOT_RECORDED: labels.roster_not_recorded_format,
        RosterChange.IN_PARTY: labels.roster_in_party_format,
        RosterChange.NOT_IN_PARTY: labels.roster_not_in_party_format,
    }
    texts = []
    for change, member in changes:
        when = member.left_on if change is RosterChange.LEFT else member.joined_on
        texts.append(
            formats[change].format(
                name=member.name,
                date=when.isoformat() if when is not None else "",
                status=labels.statuses[member.status_on(day)],
            )
        )
    return texts


def roster_note(day: LedgerDay, labels: LedgerLabels) -> str:
    """What the roster as it is now says against the recorded day, and where to correct it;
    "" when they agree."""
    if not day.roster_changes:
        return ""
    changes = roster_change_texts(day.roster_changes, day.day, labels)
    return labels.roster_note_format.format(changes=labels.list_separator.join(changes))


def roster_notes(days: Iterable[LedgerDay], labels: LedgerLabels) -> tuple[str, ...]:
    """``roster_note`` of each day that has one, with its date: under the year's table."""
    return tuple(
        labels.roster_day_format.format(date=day.day.isoformat(), title=day.title, note=note)
        for day in days
        if (note := roster_note(day, labels))
    )


def record_fields(
    day: LedgerDay, labels: LedgerLabels, *, by_stop: bool = False
) -> list[tuple[str, str]]:
    """A day's 活动记录 as (label, text), for the DOCX page (``by_stop``: see
    ``content_lines``) and the 台账 window alike; an empty 主持人 or 记录人 is an empty field
    (never a lone "/"); where the roster now disagrees with the day, what it says."""
    note = roster_note(day, labels)
    return [
        (labels.theme, day.title),
        (labels.time, day.day.isoformat()),
        (labels.place, labels.list_separator.join(day.places)),
        (labels.host, day.host),
        (labels.recorder, day.recorder),
        (labels.attendance, attendance_text(day.counts, labels)),
        (labels.missing, missing_text(day.missing, labels)),
        (labels.guests, observers_text(day, labels)),
        (labels.content, "\n".join(content_lines(day, labels, by_stop=by_stop))),
        (labels.summary, day.summary),
        *([(labels.roster_changes, note)] if note else []),
    ]
