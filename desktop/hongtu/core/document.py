"""The one ordered plan document that the screen, the print-outs and every export render.

``build_document`` turns a plan and its computed schedule into a ``PlanDocument``: plain text
fields and an ordered tuple of rows. Renderers only lay these out; none of them re-orders, re-times
or re-words anything, so a PDF can never disagree with the plan on screen.

The words printed on documents (活动主题, 日程安排表, 参观学习, 大巴 …) are data in
``DocumentLabels``; ``DocumentLabels.zh_cn()`` is the default and the Qt layer may pass translated
labels. Text in a ``PlanDocument`` is never markup: every renderer escapes it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING

from hongtu.core.clocktime import hhmm
from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    ItemKind,
    Leg,
    Plan,
    Schedule,
    ScheduleItem,
    Stop,
    TransportMode,
)
from hongtu.core.routing import km_text
from hongtu.core.sites import Site
from hongtu.core.text import clean_strings

if TYPE_CHECKING:  # a roster is read with the plan; the document only reads its names
    from hongtu.core.members import Member

_ZH_ACTIVITIES = MappingProxyType(
    {
        ActivityKind.TOUR: "参观学习",
        ActivityKind.OATH: "重温入党誓词",
        ActivityKind.WREATH: "敬献花篮",
        ActivityKind.LESSON: "现场党课",
        ActivityKind.DISCUSSION: "交流研讨",
        ActivityKind.LUNCH: "午餐",
        ActivityKind.CUSTOM: "其他活动",
    }
)
_ZH_TRANSPORT = MappingProxyType(
    {
        TransportMode.COACH: "大巴",
        TransportMode.CARS: "自驾",
        TransportMode.WALK: "步行",
        TransportMode.PUBLIC: "公交",
    }
)
_ZH_TRAVEL = MappingProxyType(
    {
        TransportMode.COACH: "乘车前往{to}",
        TransportMode.CARS: "驾车前往{to}",
        TransportMode.WALK: "步行前往{to}",
        TransportMode.PUBLIC: "乘公交前往{to}",
    }
)
_ZH_RETURN = MappingProxyType(
    {
        TransportMode.COACH: "乘车返回{to}",
        TransportMode.CARS: "驾车返回{to}",
        TransportMode.WALK: "步行返回{to}",
        TransportMode.PUBLIC: "乘公交返回{to}",
    }
)
_ZH_GATHER = MappingProxyType(
    {
        TransportMode.COACH: "集合、乘车",
        TransportMode.CARS: "集合、出发",
        TransportMode.WALK: "集合、出发",
        TransportMode.PUBLIC: "集合、出发",
    }
)


@dataclass(frozen=True, slots=True)
class DocumentLabels:
    """Every word printed on a document. Format strings use named fields only."""

    # document names
    plan_suffix: str = "方案"  # appended to the title of the 活动方案
    schedule_title: str = "日程安排表"
    signin_title: str = "签到表"
    title_format: str = "{branch}“{theme}”主题党日活动"
    title_format_plain: str = "{branch}{theme}"  # when the theme already names the activity
    title_keyword: str = "主题党日"
    # 活动方案 sections (numbered by the renderer with ``section_numbers``)
    theme: str = "活动主题"
    activity_time: str = "活动时间"
    activity_place: str = "活动地点"
    attendees: str = "参加人员"
    flow: str = "活动流程"
    requirements: str = "工作要求"
    contact_and_phone: str = "联系人及电话"
    section_numbers: tuple[str, ...] = tuple("一二三四五六七八九十")
    section_separator: str = "、"
    # facts
    branch: str = "党支部"
    date: str = "日期"
    gathering_time: str = "集合时间"
    gathering_place: str = "集合地点"
    transport: str = "交通方式"
    participants: str = "参加人数"
    contact: str = "联系人"
    phone: str = "联系电话"
    notes: str = "注意事项"
    totals: str = "行程概况"
    # table columns
    col_time: str = "时间"
    col_content: str = "内容"
    col_place: str = "地点"
    col_details: str = "说明"
    col_stop: str = "站点"
    col_start: str = "开始"
    col_end: str = "结束"
    col_lat: str = "纬度"
    col_lon: str = "经度"
    # 签到表 columns and words
    col_number: str = "序号"
    col_name: str = "姓名"
    col_position: str = "职务/所在支部"
    col_signature: str = "签名"
    col_remarks: str = "备注"
    signin_expected: str = "应到 {count} 人　实到 ____ 人　请假 ____ 人　缺席 ____ 人"
    # when the roster lists people not in the Party: they sign in as 列席, not in 应到
    signin_observers: str = "　列席 ____ 人"
    signin_observer: str = "列席"  # their 备注
    signin_continued: str = "{title}　{sheet}（续）　{date}"  # atop each later page of the 签到表
    # words and formats
    activity_kinds: Mapping[ActivityKind, str] = field(default_factory=lambda: _ZH_ACTIVITIES)
    transport_modes: Mapping[TransportMode, str] = field(default_factory=lambda: _ZH_TRANSPORT)
    travel_title: Mapping[TransportMode, str] = field(default_factory=lambda: _ZH_TRAVEL)
    gather_title: Mapping[TransportMode, str] = field(default_factory=lambda: _ZH_GATHER)
    return_travel_title: Mapping[TransportMode, str] = field(default_factory=lambda: _ZH_RETURN)
    return_title: str = "抵达{place}，活动结束"
    weekdays: tuple[str, ...] = tuple(f"星期{day}" for day in "一二三四五六日")
    date_format: str = "{year}年{month}月{day}日"
    datetime_format: str = "{date}（{weekday}）{start}—{end}"
    end_date_format: str = "{month}月{day}日{time}"  # the day's end, when on a later date
    next_day_format: str = "次日{time}"  # a row's time after midnight
    later_day_format: str = "第{day}天{time}"  # … after a second midnight (the 3rd day)
    leg_format: str = "约{km}公里，{minutes}分钟"  # the estimated road km the minutes are for
    leg_format_no_km: str = "{minutes}分钟"
    leg_pending: str = "路程待定"  # a leg with an unplaced end: no minutes are printed
    pending_time_format: str = "{start} 起"  # such a leg's time: when it leaves, not how long
    # a time after such a leg: it leaves that leg out, the real time is later
    provisional_time_format: str = "{time}（待定）"
    activity_minutes_format: str = "{name}（{minutes}分钟）"
    list_separator: str = "、"
    detail_separator: str = "；"
    participants_format: str = "{branch}党员，共{count}人"
    participants_format_no_branch: str = "共{count}人"
    stops_format: str = "{number}. {name}"
    totals_format: str = "共{stops}个站点，全程约{km}公里（估算），途中约{travel}，全天约{total}"
    totals_incomplete_format: str = (
        "共{stops}个站点，已知路程约{km}公里（估算），途中至少{travel}，全天至少{total}"
        "（不含{pending}段待定路程；标“待定”的时间未计入这些路程，实际会更晚）"
    )
    hours_minutes_format: str = "{hours}小时{minutes}分钟"
    hours_format: str = "{hours}小时"
    minutes_format: str = "{minutes}分钟"
    unknown_place: str = "（未设置）"
    # a gathering point not chosen yet, on the 签到表 handed round: a line to write it on
    place_to_fill_in: str = "________________"
    missing_site: str = "站点 {id}"
    position_unverified: str = "位置待核实"
    none: str = "无"
    contact_format: str = "{name}，{phone}"
    # the schematic map
    map_caption: str = "示意图，非精确比例"
    map_north: str = "北"
    map_gathering: str = "集合地点"
    map_unplaced: str = "未标注（位置未知）：{names}"
    map_unlabelled: str = "图上未注名称的站点：{names}"  # names the map had no room for
    page_format: str = "第 {page} 页 / 共 {pages} 页"

    @classmethod
    def zh_cn(cls) -> DocumentLabels:
        """The Simplified Chinese labels (the default)."""
        return cls()

    def section(self, index: int, name: str) -> str:
        """``section(0, labels.theme)`` → "一、活动主题"."""
        return f"{self.section_numbers[index]}{self.section_separator}{name}"

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(max(0, minutes), 60)
        if hours and rest:
            return self.hours_minutes_format.format(hours=hours, minutes=rest)
        if hours:
            return self.hours_format.format(hours=hours)
        return self.minutes_format.format(minutes=rest)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One timed row, in the order of the schedule."""

    kind: ItemKind
    start: time
    end: time
    time_range: str  # "08:00–08:40", or "08:00" for a moment; "…（待定）" when provisional
    title: str
    place: str
    details: str  # a visit's address (and activities when they have no rows), a leg's km/minutes
    stop_id: str | None = None
    stop_number: int | None = None
    item_index: int | None = None  # position among its stop's VISIT/ACTIVITY rows (VISIT is 0)
    level: int = 0  # 1 for an activity listed under its visit
    point: LatLon | None = None
    overridden: bool = False
    leg: Leg | None = None
    provisional: bool = False  # after a 待定 leg: the real times are later (see ScheduleItem)

    @property
    def place_shown(self) -> str:
        """The place for a 地点 column: blank where the row's title already names it (a leg)
        or where the visit row above does (an activity)."""
        return "" if self.kind in (ItemKind.TRAVEL, ItemKind.ACTIVITY) else self.place


@dataclass(frozen=True, slots=True)
class DocumentStop:
    """A stop in order, with its WGS-84 point when known (for maps, GPX and KML)."""

    number: int
    stop_id: str
    name: str
    point: LatLon | None
    position_unverified: bool
    address: str | None
    start: time | None
    end: time | None
    activities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoutePoint:
    """A place on the day's route: the gathering point (number None) or a numbered stop."""

    name: str
    point: LatLon
    number: int | None


@dataclass(frozen=True, slots=True)
class SigninLine:
    """A printed line of the 签到表: a member on the branch's roster on the plan's day."""

    name: str
    position: str  # 职务 (blank when the roster has none)
    observer: bool = False  # not a Party member that day: 列席, not counted in 应到


@dataclass(frozen=True, slots=True)
class DocumentTotals:
    stops: int
    start: time
    end: time
    total_minutes: int
    travel_minutes: int
    total_km: float  # the estimated road km (what ``text`` prints)
    text: str
    complete: bool = True  # False: some legs are 待定, the figures are lower bounds


@dataclass(frozen=True, slots=True)
class PlanDocument:
    plan_id: int | None
    title: str  # "XX党支部“重温红色记忆”主题党日活动"
    theme: str  # the plan's 活动主题, as typed
    branch: str
    date: date
    date_text: str  # "2025年7月1日"
    weekday: str  # "星期二"
    time_text: str  # "2025年7月1日（星期二）08:00—12:30"
    gathering_place: str
    gathering_point: LatLon | None
    gathering_time: time
    gathering_time_text: str
    participants: int
    participants_text: str
    transport: str
    contact: str
    phone: str
    notes: tuple[str, ...]
    rows: tuple[DocumentRow, ...]
    stops: tuple[DocumentStop, ...]
    route: tuple[RoutePoint, ...]  # gathering → stops → gathering, only places with a point
    returns_to_gathering: bool
    totals: DocumentTotals
    labels: DocumentLabels
    # The 签到表: the members of the plan's branch on the roster that day, in roster order
    # (empty when the branch has no roster: the sheet then has blank rows), and 应到 — the
    # Party members among them when there is a roster (the others are 列席), the planned
    # participants otherwise.
    signin: tuple[SigninLine, ...] = ()
    expected: int = 0
    # What tells this plan's calendar entries from any other plan's, in any database, and
    # stays the same for the plan across exports (``calendar_key``); the plan's stored
    # version, raised by every save.
    calendar_key: str = "unsaved"
    plan_version: int = 0
    # False: the notes keep the organiser's own numbering (headings 一、 over items 1.), printed
    # as typed; True: the documents number them 1. 2. 3.
    notes_numbered: bool = True

    @property
    def unplaced_stops(self) -> tuple[DocumentStop, ...]:
        return tuple(s for s in self.stops if s.point is None)

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """(label, value) of the day's facts as every 日程安排表 lists them (two to a row on
        paper and in the spreadsheet): date, gathering time and place, transport, attendees,
        contact."""
        labels = self.labels
        return (
            (labels.date, f"{self.date_text}（{self.weekday}）"),
            (labels.gathering_time, self.gathering_time_text),
            (labels.gathering_place, self.gathering_place),
            (labels.transport, self.transport),
            (labels.attendees, self.participants_text),
            (labels.contact, self.contact_text),
        )

    @property
    def contact_text(self) -> str:
        """The contact and the phone as every document writes them (``王书记，13800000000``);
        either alone when the other is not given, "" when neither is."""
        if self.contact and self.phone:
            return self.labels.contact_format.format(name=self.contact, phone=self.phone)
        return self.contact or self.phone

    @property
    def notes_text(self) -> str:
        """The notes in one line (a calendar's description): joined by ``；``, a note's own
        closing punctuation not doubled."""
        return "；".join(note.rstrip("；;。.， ") for note in self.notes)


def time_range(start: time, end: time) -> str:
    return hhmm(start) if start == end else f"{hhmm(start)}–{hhmm(end)}"


def schedule_times(
    schedule: Schedule, labels: DocumentLabels | None = None
) -> tuple[str, ...]:
    """Each item's time as the window, the print-outs and every export show it: "08:00–08:40";
    after midnight "次日00:46–01:26" or "23:27–次日00:46" (a day that runs past midnight must not
    show its small hours as the morning); ``labels``: the words (次日, 起, 待定) in another
    language, the documents' Chinese by default."""
    labels = labels or DocumentLabels.zh_cn()
    return tuple(
        _row_time(item, day, labels)
        for item, day in zip(schedule.items, item_days(schedule), strict=True)
    )


def end_time(schedule: Schedule, labels: DocumentLabels | None = None) -> str:
    """When the day ends, as its last row says it: ``15:11``, ``次日01:36``."""
    return _clock(schedule.end, days_past(schedule), labels or DocumentLabels.zh_cn())


def item_days(schedule: Schedule) -> tuple[int, ...]:
    """The midnights passed when each item starts: a row starting earlier on the clock than the
    row before it (23:50, then 00:20) is on the next day, as the calendar export reads it (an
    activity starts within its visit, never before it)."""
    days, day, previous = [], 0, None
    for item in schedule.items:
        if previous is not None and item.start < previous:
            day += 1
        previous = item.start
        days.append(day)
    return tuple(days)


def _row_time(item: ScheduleItem, day: int, labels: DocumentLabels) -> str:
    """One item's time (``schedule_times``), ``day`` midnights into the plan."""
    end_day = day + (1 if item.end < item.start else 0)
    if item.leg is not None and item.leg.pending:
        text = labels.pending_time_format.format(start=_clock(item.start, day, labels))
    elif end_day == day:
        text = _clock(time_range(item.start, item.end), day, labels)
    else:
        text = f"{_clock(hhmm(item.start), day, labels)}–{_clock(hhmm(item.end), end_day, labels)}"
    # after a 待定 leg: （待定）
    return labels.provisional_time_format.format(time=text) if item.provisional else text


def _clock(text: time | str, day: int, labels: DocumentLabels) -> str:
    """``text`` (a time or a time range) on the plan's day, the next one (次日) or a later one."""
    shown = hhmm(text) if isinstance(text, time) else text
    if day == 0:
        return shown
    if day == 1:
        return labels.next_day_format.format(time=shown)
    return labels.later_day_format.format(day=day + 1, time=shown)


_BULLET = re.compile(r"^\s*(?:[-*•·●]|[（(]?\d{1,2}[)）.．、])\s*")  # a flat list's item
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")


def note_lines(notes: str) -> tuple[str, ...]:
    """工作要求 lines, one per non-empty line: without the user's own numbering or bullets
    (1. 2、 -), which every document then numbers alike; notes with headings of their own
    (一、 （一）) over their items as typed."""
    lines = [line.strip() for line in notes.splitlines() if line.strip()]
    if notes_numbered(notes):
        lines = [_BULLET.sub("", line, count=1).strip() or line for line in lines]
    return tuple(lines)


def notes_numbered(notes: str) -> bool:
    """Whether the documents number the notes: yes unless the organiser set headings of their
    own (一、 or （一）) over them, which a flat 1.–n. would lose."""
    return not any(_HEADING.match(line) for line in notes.splitlines())


# ---- building ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Places:
    sites: Mapping[int, Site]
    labels: DocumentLabels

    def name(self, site_id: int | None, custom_name: str | None) -> str:
        if custom_name is not None:
            return custom_name
        if site_id is None:
            return self.labels.unknown_place
        site = self.sites.get(site_id)
        return site.name if site else self.labels.missing_site.format(id=site_id)

    def stop_name(self, stop: Stop) -> str:
        return self.name(stop.site_id, stop.custom.name if stop.custom else None)

    def stop_point(self, stop: Stop) -> tuple[LatLon | None, bool]:
        if stop.custom is not None:
            return stop.custom.point, False
        site = self.sites.get(stop.site_id) if stop.site_id is not None else None
        if site is None or site.position is None:
            return None, True
        return site.position.point, not site.position.verified

    def address(self, stop: Stop) -> str | None:
        site = self.sites.get(stop.site_id) if stop.site_id is not None else None
        return site.address.value if site else None


def activity_name(activity: Activity, labels: DocumentLabels) -> str:
    """"现场党课（八路军驻晋办事处的历史）"; a label that already begins with its kind
    ("现场党课：…", as other tools and hand-written plan files have it) as it is, the kind said
    once."""
    if activity.kind is ActivityKind.CUSTOM:
        return activity.label or labels.activity_kinds[ActivityKind.CUSTOM]
    name = labels.activity_kinds[activity.kind]
    if says_its_kind(activity.kind, activity.label) or activity.label.startswith(name):
        return activity.label
    return f"{name}（{activity.label}）" if activity.label else name


def says_its_kind(kind: ActivityKind, label: str) -> bool:
    """Whether ``label`` begins with the Chinese name of its ``kind`` (现场党课：…)."""
    return kind is not ActivityKind.CUSTOM and label.startswith(_ZH_ACTIVITIES[kind])


def build_document(
    plan: Plan,
    schedule: Schedule,
    sites: Mapping[int, Site],
    labels: DocumentLabels | None = None,
    roster: Iterable[Member] = (),
) -> PlanDocument:
    """The ordered document for ``plan`` as timed by ``schedule`` (from ``compute_schedule``).

    ``roster``: the members of the plan's branch (any dates); those on the roster on the
    plan's day fill the 签到表 and its 应到 count."""
    labels = labels or DocumentLabels.zh_cn()
    signin = signin_lines(roster, plan.date)
    places = _Places(sites, labels)
    gathering = plan.gathering
    gathering_name = places.name(
        gathering.site_id, gathering.custom.name if gathering.custom else None
    )
    gathering_point = _gathering_point(plan, sites)
    stops_by_id = {stop.id: stop for stop in plan.stops}
    rows = _rows(plan, schedule, places, gathering_name, stops_by_id)
    doc_stops = _stops(plan, rows, places)
    route = _route(plan, doc_stops, gathering_name, gathering_point)
    date_text = labels.date_format.format(
        year=plan.date.year, month=plan.date.month, day=plan.date.day
    )
    weekday = labels.weekdays[plan.date.weekday()]
    # Text no format can carry (a lone surrogate, a control character) shows as U+FFFD.
    document = PlanDocument(
        plan_id=plan.id,
        title=_title(plan, labels),
        theme=plan.title,
        branch=plan.branch,
        date=plan.date,
        date_text=date_text,
        weekday=weekday,
        time_text=labels.datetime_format.format(
            date=date_text,
            weekday=weekday,
            start=hhmm(schedule.start),
            end=_end_text(plan.date, schedule, labels),
        ),
        gathering_place=gathering_name,
        gathering_point=gathering_point,
        gathering_time=plan.gathering_time,
        gathering_time_text=hhmm(plan.gathering_time),
        participants=plan.participants,
        participants_text=_participants(plan, labels),
        transport=labels.transport_modes[plan.transport],
        contact=plan.organiser,
        phone=plan.phone,
        notes=note_lines(plan.notes),
        rows=rows,
        stops=doc_stops,
        route=route,
        returns_to_gathering=plan.returns_to_gathering,
        totals=_totals(schedule, len(doc_stops), labels),
        labels=labels,
        signin=signin,
        expected=sum(not line.observer for line in signin) if signin else plan.participants,
        calendar_key=calendar_key(plan),
        plan_version=plan.version,
        notes_numbered=notes_numbered(plan.notes),
    )
    return clean_strings(document)


def days_past(schedule: Schedule) -> int:
    """How many midnights the day runs past: those before its last row starts (``item_days``),
    and one more when that row ends earlier on the clock than it starts."""
    if not schedule.items:
        return 0
    last = schedule.items[-1]
    return item_days(schedule)[-1] + (1 if last.end < last.start else 0)


def _end_text(day: date, schedule: Schedule, labels: DocumentLabels) -> str:
    """The day's end: ``12:18``, or ``7月2日12:18`` when it is on a later date (a plan that runs
    past midnight, which the checks warn about, must not read as a short day)."""
    past = days_past(schedule)
    if past == 0 or day > date.max - timedelta(days=past):
        end = hhmm(schedule.end)
    else:
        later = day + timedelta(days=past)
        end = labels.end_date_format.format(
            month=later.month, day=later.day, time=hhmm(schedule.end)
        )
    return labels.provisional_time_format.format(time=end) if schedule.end_provisional else end


def calendar_key(plan: Plan) -> str:
    """The plan's number and the moment it was first saved (``12-20250620T093015123456``):
    plan 1 of one branch's database is not plan 1 of another's, and the key never changes
    for the plan. A plan not saved yet has its stops' ids (random, kept by every edit) in
    place of the moment, and a random one when it has no stop."""
    number = str(plan.id) if plan.id is not None else "unsaved"
    if plan.id is not None and plan.created is not None:
        return f"{number}-{plan.created:%Y%m%dT%H%M%S%f}"
    stops = ",".join(sorted(stop.id for stop in plan.stops))
    made = hashlib.sha256(stops.encode()).hexdigest()[:12] if stops else os.urandom(6).hex()
    return f"{number}-{made}"


def signin_lines(roster: Iterable[Member], day: date) -> tuple[SigninLine, ...]:
    """The 签到表 lines: every member on the roster on ``day``, in roster order; those not in
    the Party that day are 列席."""
    return tuple(
        SigninLine(m.name, m.role, not m.in_party_on(day)) for m in roster if m.active_on(day)
    )


def _title(plan: Plan, labels: DocumentLabels) -> str:
    """The documents' title: the branch, then the theme as a Party-day, each said once (a title
    typed as the official one already names its branch and the activity)."""
    theme = plan.title.strip()
    branch = plan.branch.strip()
    if _names_branch(theme, branch):
        branch = ""
    fmt = labels.title_format_plain if labels.title_keyword in theme else labels.title_format
    return fmt.format(branch=branch, theme=theme)


_BRANCH_WORDS = ("党支部", "党总支", "党委", "党组", "支部")


def _names_branch(theme: str, branch: str) -> bool:
    """Whether the theme already names the branch: the branch as typed, or the branch without
    a closing 委员会 (its formal name in the branch field, its usual name in the title), or an
    official title that begins with 中共 and names a 党支部, 党委 …"""
    if not branch:
        return False
    short = branch.removesuffix("委员会")
    if branch in theme or (short and short in theme):
        return True
    return theme.startswith("中共") and any(word in theme for word in _BRANCH_WORDS)


def plan_title(doc: PlanDocument, labels: DocumentLabels) -> str:
    """The 活动方案's title: the documents' title as a plan (方案), unless it already is one."""
    suffix = labels.plan_suffix
    return doc.title if doc.title.endswith(suffix) else doc.title + suffix


def _participants(plan: Plan, labels: DocumentLabels) -> str:
    if plan.branch.strip():
        return labels.participants_format.format(
            branch=plan.branch.strip(), count=plan.participants
        )
    return labels.participants_format_no_branch.format(count=plan.participants)


def _gathering_point(plan: Plan, sites: Mapping[int, Site]) -> LatLon | None:
    if plan.gathering.custom is not None:
        return plan.gathering.custom.point
    site = sites.get(plan.gathering.site_id) if plan.gathering.site_id is not None else None
    return site.position.point if site and site.position else None


def _rows(
    plan: Plan,
    schedule: Schedule,
    places: _Places,
    gathering_name: str,
    stops_by_id: Mapping[str, Stop],
) -> tuple[DocumentRow, ...]:
    has_activity_rows = {
        item.stop_id for item in schedule.items if item.kind is ItemKind.ACTIVITY and item.stop_id
    }
    seen_in_stop: dict[str, int] = {}
    rows = []
    for item, when in zip(schedule.items, schedule_times(schedule, places.labels), strict=True):
        stop = stops_by_id.get(item.stop_id) if item.stop_id else None
        item_index = None
        if item.kind in (ItemKind.VISIT, ItemKind.ACTIVITY) and item.stop_id:
            item_index = seen_in_stop.get(item.stop_id, 0)
            seen_in_stop[item.stop_id] = item_index + 1
        title, place, details, level = _describe(
            item, stop, places, plan.transport, gathering_name, item.stop_id in has_activity_rows
        )
        rows.append(
            DocumentRow(
                kind=item.kind,
                start=item.start,
                end=item.end,
                time_range=when,
                title=title,
                place=place,
                details=details,
                stop_id=item.stop_id,
                stop_number=item.stop_number,
                item_index=item_index,
                level=level,
                point=item.point or (places.stop_point(stop)[0] if stop else None),
                overridden=item.overridden,
                leg=item.leg,
                provisional=item.provisional,
            )
        )
    return tuple(rows)


def _describe(
    item: ScheduleItem,
    stop: Stop | None,
    places: _Places,
    transport: TransportMode,
    gathering_name: str,
    activities_have_rows: bool,
) -> tuple[str, str, str, int]:
    """(title, place, details, level) of one schedule item."""
    labels = places.labels
    stop_name = places.stop_name(stop) if stop else (item.title or labels.unknown_place)
    leg_text = _leg_text(item.leg, labels) if item.leg else ""
    match item.kind:
        case ItemKind.GATHER:
            return labels.gather_title[transport], gathering_name, "", 0
        case ItemKind.TRAVEL if item.leg is not None and item.leg.to_stop_id is None:
            title = labels.return_travel_title[transport].format(to=gathering_name)
            return title, gathering_name, leg_text, 0
        case ItemKind.TRAVEL:
            return labels.travel_title[transport].format(to=stop_name), stop_name, leg_text, 0
        case ItemKind.RETURN:
            return labels.return_title.format(place=gathering_name), gathering_name, "", 0
        case ItemKind.VISIT:
            parts = [] if activities_have_rows or stop is None else [_activity_list(stop, labels)]
            address = places.address(stop) if stop else None
            parts += [address] if address else []
            details = labels.detail_separator.join(part for part in parts if part)
            return stop_name, stop_name, details, 0
        case ItemKind.ACTIVITY:
            kind = item.activity_kind or ActivityKind.CUSTOM
            title = activity_name(Activity(kind, 0, item.title), labels)
            return title, stop_name, "", 1


def _activity_list(stop: Stop, labels: DocumentLabels) -> str:
    return labels.list_separator.join(
        labels.activity_minutes_format.format(name=activity_name(a, labels), minutes=a.minutes)
        for a in stop.activities
    )


def _leg_text(leg: Leg, labels: DocumentLabels) -> str:
    if leg.pending:
        return labels.leg_pending
    if leg.distance_known and leg.km > 0:
        return labels.leg_format.format(km=km_text(leg.road_km), minutes=leg.minutes)
    return labels.leg_format_no_km.format(minutes=leg.minutes)


def _stops(plan: Plan, rows: tuple[DocumentRow, ...], places: _Places) -> tuple[DocumentStop, ...]:
    labels = places.labels
    result = []
    for position, stop in enumerate(plan.stops, start=1):
        own = [r for r in rows if r.stop_id == stop.id and r.kind is not ItemKind.TRAVEL]
        visit = next((r for r in own if r.kind is ItemKind.VISIT), own[0] if own else None)
        number = next((r.stop_number for r in own if r.stop_number is not None), position)
        point, unverified = places.stop_point(stop)
        result.append(
            DocumentStop(
                number=number,
                stop_id=stop.id,
                name=places.stop_name(stop),
                point=point,
                position_unverified=unverified,
                address=places.address(stop),
                start=visit.start if visit else None,
                end=max((r.end for r in own), default=None),
                activities=tuple(activity_name(a, labels) for a in stop.activities),
            )
        )
    return tuple(result)


def _route(
    plan: Plan,
    stops: tuple[DocumentStop, ...],
    gathering_name: str,
    gathering_point: LatLon | None,
) -> tuple[RoutePoint, ...]:
    route = [RoutePoint(s.name, s.point, s.number) for s in stops if s.point is not None]
    if gathering_point is not None:
        route.insert(0, RoutePoint(gathering_name, gathering_point, None))
        if plan.returns_to_gathering:
            route.append(RoutePoint(gathering_name, gathering_point, None))
    return tuple(route)


def _totals(schedule: Schedule, stop_count: int, labels: DocumentLabels) -> DocumentTotals:
    return DocumentTotals(
        stops=stop_count,
        start=schedule.start,
        end=schedule.end,
        total_minutes=schedule.total_minutes,
        travel_minutes=schedule.travel_minutes,
        total_km=schedule.total_road_km,
        text=(
            labels.totals_format if schedule.complete else labels.totals_incomplete_format
        ).format(
            stops=stop_count,
            km=km_text(schedule.total_road_km),
            travel=labels.duration(schedule.travel_minutes),
            total=labels.duration(schedule.total_minutes),
            pending=schedule.pending_legs,
        ),
        complete=schedule.complete,
    )
