"""Every word of the ledger (台账). The documents print the defaults (Simplified Chinese, whatever
the window's language: they are the branch's filed records); the 台账 window and ``hongtu ledger
show`` pass the same words translated (``hongtu.cli.ledger.ledger_labels``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hongtu.core.members import PartyStatus
from hongtu.core.records import DoneState, Presence


@dataclass(frozen=True)
class LedgerLabels:
    title_format: str = "{branch}{year}年主题党日活动台账"
    year_sheet_format: str = "{year}年"
    members_sheet: str = "成员出勤"
    summary_heading: str = "全年情况"
    record_title: str = "活动记录"
    date: str = "日期"
    theme: str = "主题"
    time: str = "时间"
    place: str = "地点"
    host: str = "主持人"
    recorder: str = "记录人"
    expected: str = "应到"
    present: str = "实到"
    leave: str = "请假"
    absent: str = "缺席"
    rate: str = "出席率"
    # a day's figures in the order of the window's and the documents' tables
    attendance: str = "出勤"
    attendance_format: str = (
        "应到 {expected}，实到 {present}，请假 {leave}，缺席 {absent}，出席率 {rate}，"
        "列席 {observers}"
    )
    missing: str = "缺席及原因"
    content: str = "活动内容"
    summary: str = "小结"
    guests: str = "列席"  # the others who came: not Party members that day, and the guests
    observer_mark: str = "列席"  # a member's month when they came, not in the Party that day
    # a member's month on leave or absent: "假", "缺" (the month's one Party-day), "1/2假"
    leave_mark: str = "假"
    absent_mark: str = "缺"
    marked_month_format: str = "{figures}{marks}"
    both_marks_format: str = "{leave}{absent}"  # two Party-days: one on leave, one absent
    left_mark: str = "已离开"  # a member's month on or after their 离开日期, without a Party-day
    # under the members × months table: what the marks say
    marks_note: str = "“假”：请假；“缺”：缺席；“已离开”：离开日期之后的月份。"
    # 政治面貌 with the 转正日期 of that year: "正式党员（2025-06-15转正）"
    became_full_format: str = "{status}（{date}转正）"
    # … with the 入党日期 of that year (列席 before it): "预备党员（2025-07-01入党）"
    admitted_format: str = "{status}（{date}入党）"
    # under the members' table: what the figures count
    counted_note: str = (
        "应到、实到、请假、缺席和出席率只计党员（正式党员和预备党员）；其他人出席记为列席。"
    )
    # a recorded day the roster as it is now disagrees with (its figures stay as recorded):
    # "名单有变动（周秀英已于 2026-08-01 离开），可在“记录活动”中更正"
    roster_note_format: str = "名单有变动（{changes}），可在“记录活动”中更正"
    roster_left_format: str = "{name}已于 {date} 离开"
    roster_not_joined_format: str = "{name}于 {date} 才加入"
    roster_not_recorded_format: str = "{name}已于 {date} 加入，不在记录中"
    roster_in_party_format: str = "{name}当天按名单是{status}，记录为列席"
    roster_not_in_party_format: str = "{name}当天按名单是{status}，记录计入应到"
    roster_changes: str = "名单变动"  # the 活动记录's field for it
    roster_day_format: str = "{date} {title}：{note}"  # under the year's table of days
    photos: str = "照片"
    photo_missing: str = "（照片无法读取：{name}）"
    name: str = "姓名"
    role: str = "职务"
    status: str = "政治面貌"
    year_total: str = "全年"
    month_format: str = "{month}月"
    months_without: str = "未开展主题党日的月份"
    no_missing: str = "无"
    reason_format: str = "{name}（{presence}：{reason}）"
    no_reason_format: str = "{name}（{presence}）"
    # an item of 活动内容 and how it went: "参观学习（有调整：改为线上）"
    done_format: str = "{text}（{state}：{note}）"
    done_no_note_format: str = "{text}（{state}）"
    # the Word 台账's 活动内容, a line per stop: "高君宇故居：参观学习、重温入党誓词"
    stop_activities_format: str = "{place}：{activities}"
    activities_separator: str = "、"
    # a heading and its text on one line: "参观地点：…" (in English "Sites visited: …")
    field_format: str = "{label}：{text}"
    list_separator: str = "；"
    held_mark: str = "已开展"
    not_held_mark: str = "未开展"
    to_come_mark: str = "待开展"  # a month not over yet, without a recorded Party-day
    # a month before the branch's first recorded Party-day (it began using HongTu later)
    not_recorded_mark: str = "无记录"
    # after 未开展…的月份: the months before the first record, as a range ("1月—11月")
    not_recorded_note: str = "{months}无记录（本支部在红途中首次记录活动之前）"
    month_range_format: str = "{first}—{last}"
    months_heading: str = "各月开展情况"
    places_heading: str = "参观地点"
    visits_format: str = "{place}（{days}次）"
    members_heading: str = "成员全年出勤（党员：实到/应到；其他人：列席）"
    page_format: str = "第 {page} 页 / 共 {pages} 页"
    statuses: dict[PartyStatus, str] = field(
        default_factory=lambda: {
            PartyStatus.FULL: "正式党员",
            PartyStatus.PROBATIONARY: "预备党员",
            PartyStatus.ACTIVIST: "入党积极分子",
            PartyStatus.OTHER: "其他",
        }
    )
    done_states: dict[DoneState, str] = field(
        default_factory=lambda: {
            DoneState.DONE: "已完成",
            DoneState.CHANGED: "有调整",
            DoneState.SKIPPED: "未进行",
            DoneState.ADDED: "临时增加",
        }
    )

    def presence(self, presence: Presence) -> str:
        return {Presence.PRESENT: self.present, Presence.LEAVE: self.leave}.get(
            presence, self.absent
        )
