"""The sentences the organiser reads for each plan warning (the core returns only codes)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from hongtu.core.plans import ActivityKind
from hongtu.core.warnings import PlanWarning, Severity, WarningCode, WarningGroup

Details = dict[str, str | int]


def tr(text: str) -> str:
    return QCoreApplication.translate("WarningText", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("WarningText", text, None, count)


def weekday_name(weekday: int) -> str:
    names = [tr("周一"), tr("周二"), tr("周三"), tr("周四"), tr("周五"), tr("周六"), tr("周日")]
    return names[weekday] if 0 <= weekday < len(names) else "?"


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return tr("{0} 小时 {1} 分钟").format(hours, rest)
    if hours:
        return tr("{0} 小时").format(hours)
    return tr("{0} 分钟").format(rest)


def _past(d: Details) -> str:
    return tr(
        "活动日期 {0} 已过（今天是 {1}）：可用“方案 → 记录活动…”记下当天的出勤、小结和照片；"
        "如已改期，请修改活动日期。"
    ).format(d["date"], d["today"])


def holiday_name(value: str) -> str:
    """春节, 国庆节 … for a ``holidays.Holiday`` value."""
    names = {
        "new_year": tr("元旦"),
        "spring_festival": tr("春节"),
        "tomb_sweeping": tr("清明节"),
        "labour_day": tr("劳动节"),
        "dragon_boat": tr("端午节"),
        "mid_autumn": tr("中秋节"),
        "national_day": tr("国庆节"),
    }
    return names.get(value, tr("法定"))  # 当天是法定假期


def _public_holiday(d: Details) -> str:
    return tr(
        "当天是{0}假期：党员可能外出或回乡，参观点游客多，包车难订、价格高；"
        "请先确认能到的人数，尽早预约车辆和场馆。"
    ).format(holiday_name(str(d.get("holiday", ""))))


def _too_long(d: Details) -> str:
    return tr("全天行程约 {0}，超过设定的上限 {1}；请减少站点或缩短停留。").format(
        duration_text(int(d["minutes"])), duration_text(int(d["max_minutes"]))
    )


def _closed(d: Details) -> str:
    return tr("当天是{0}，该馆{0}闭馆。").format(weekday_name(int(d["weekday"])))


def _holiday_unknown(d: Details) -> str:
    return tr(
        "该馆{0}闭馆（法定节假日除外），但缺少 {1} 年的节假日数据，请电话确认当天是否开放。"
    ).format(weekday_name(int(d["weekday"])), d["year"])


def _before_opening(d: Details) -> str:
    return tr("预计 {0} 到达，早于开馆时间 {1}。").format(d["arrival"], d["opens"])


def _after_last_entry(d: Details) -> str:
    return tr("预计 {0} 到达，晚于最晚入馆时间 {1}。").format(d["arrival"], d["last_entry"])


def _after_closing(d: Details) -> str:
    return tr("预计 {0} 到达，此时已闭馆（{1} 闭馆）。").format(d["arrival"], d["closes"])


def _reservation(d: Details) -> str:
    left = int(d["days_left"])
    if left < 0:
        return tr_n("需提前 %n 天预约，活动日期已过。", int(d["lead_days"]))
    return tr("需提前 {0}预约，距活动只剩 {1}，请尽快联系。").format(
        tr_n("%n 天", int(d["lead_days"])), tr_n("%n 天", left)
    )


def _group(d: Details) -> str:
    return tr("参加人数 {0} 人，超过单批接待上限 {1} 人，需要分批参观。").format(
        d["participants"], d["max_group_size"]
    )


def _position(d: Details) -> str:
    if d.get("position") == "none":
        return tr("位置未知，到这里的路程无法计算。")
    return tr("坐标为估计值（位置待核实），路程和用时仅供参考。")


def _phone(d: Details) -> str:
    if d.get("phone"):
        return tr("开放时间未知，请出行前电话确认：{0}。").format(d["phone"])
    return tr("开放时间未知，请出行前电话确认。")


def _start_early(d: Details) -> str:
    arrival = str(d["arrival"])
    day = int(d.get("arrival_day", 0) or 0)
    if day == 1:
        arrival = tr("次日 {0}").format(arrival)
    elif day > 1:
        arrival = tr_n("%n 天后的 {0}", day).format(arrival)
    text = tr("手动设定的开始时间 {0} 早于最早到达时间 {1}（早 {2} 分钟），按到达时间开始。")
    return text.format(d["start"], arrival, d["minutes_early"])


def _unknown_distance(d: Details) -> str:
    if d.get("place") == "gathering":
        return tr("集合地点没有坐标，第一段和返程路程待定；请填写坐标或手动设定用时。")
    return tr("这里没有坐标，前后路程待定；请手动设定路程用时。")


def _no_lunch(_d: Details) -> str:
    return tr("行程跨过午饭时间（12:00—13:00），但没有安排午餐；可在某一站添加“午餐”活动。")


def _no_stops(_d: Details) -> str:
    return tr("方案还没有站点。")


def _no_gathering(_d: Details) -> str:
    return tr("还没有选择集合地点。")


def _site_missing(d: Details) -> str:
    return tr("站点（编号 {0}）已不在站点目录中，请删除或替换这一站。").format(d["site_id"])


def _indoor_activity_name(value: str) -> str:
    names = {
        ActivityKind.TOUR.value: tr("室内参观"),
        ActivityKind.LESSON.value: tr("室内现场党课"),
        ActivityKind.DISCUSSION.value: tr("室内交流研讨"),
    }
    return names.get(value, value)


def _indoor_not_confirmed_open(d: Details) -> str:
    kinds = [kind for kind in str(d.get("activities", "")).split(",") if kind]
    activities = tr("、").join(_indoor_activity_name(kind) for kind in kinds)
    return tr(
        "没有证据表明这里对外开放（可能只能在外观看），方案却安排了{0}；"
        "请先向当地文物部门确认能否入内，或改为在室外瞻仰、讲解。"
    ).format(activities)


def _unusual_gathering_time(d: Details) -> str:
    if d.get("side") == "late":
        return tr("集合时间 {0} 晚于 {1}，请确认是否有误。").format(d["time"], d["limit"])
    return tr("集合时间 {0} 早于 {1}，请确认是否有误。").format(d["time"], d["limit"])


def _return_too_late(d: Details) -> str:
    late = duration_text(int(d["minutes_late"]))
    if not int(d.get("complete", 1)):
        return tr(
            "行程最早 {0} 结束（还有待定路程），已晚于最晚返回时间 {1} 至少 {2}；"
            "请减少站点、缩短停留或提早集合。"
        ).format(d["end"], d["return_by"], late)
    return tr(
        "行程 {0} 结束，晚于最晚返回时间 {1}（晚 {2}）；请减少站点、缩短停留或提早集合。"
    ).format(d["end"], d["return_by"], late)


def _lunch_out_of_hours(d: Details) -> str:
    return tr("午餐 {0} 开始，不在午饭时间（{1}—{2}）；请调整站点顺序或时间。").format(
        d["start"], d["earliest"], d["latest"]
    )


_SENTENCES: dict[WarningCode, Callable[[Details], str]] = {
    WarningCode.PLAN_IN_PAST: _past,
    WarningCode.PUBLIC_HOLIDAY: _public_holiday,
    WarningCode.DAY_TOO_LONG: _too_long,
    WarningCode.SITE_CLOSED: _closed,
    WarningCode.HOLIDAY_DATA_UNKNOWN: _holiday_unknown,
    WarningCode.ARRIVAL_BEFORE_OPENING: _before_opening,
    WarningCode.ARRIVAL_AFTER_LAST_ENTRY: _after_last_entry,
    WarningCode.ARRIVAL_AFTER_CLOSING: _after_closing,
    WarningCode.RESERVATION_TOO_LATE: _reservation,
    WarningCode.GROUP_TOO_LARGE: _group,
    WarningCode.POSITION_ESTIMATE: _position,
    WarningCode.CONFIRM_HOURS_BY_PHONE: _phone,
    WarningCode.START_BEFORE_ARRIVAL: _start_early,
    WarningCode.UNKNOWN_DISTANCE: _unknown_distance,
    WarningCode.SITE_MISSING: _site_missing,
    WarningCode.NO_LUNCH: _no_lunch,
    WarningCode.NO_STOPS: _no_stops,
    WarningCode.NO_GATHERING: _no_gathering,
    WarningCode.INDOOR_NOT_CONFIRMED_OPEN: _indoor_not_confirmed_open,
    WarningCode.UNUSUAL_GATHERING_TIME: _unusual_gathering_time,
    WarningCode.RETURN_TOO_LATE: _return_too_late,
    WarningCode.LUNCH_OUT_OF_HOURS: _lunch_out_of_hours,
}


def reason_text(warning: PlanWarning) -> str:
    """Why, in one sentence, without saying where."""
    return _SENTENCES[warning.code](warning.details)


def subject_text(warning: PlanWarning, stop_number: int | None) -> str:
    """Where: 第2站 太原解放纪念馆 / 集合地点 单位大门 / 整个方案."""
    if warning.stop_id is not None and stop_number is not None:
        name = warning.site_name or tr("（未知站点）")
        return tr("第{0}站 {1}").format(stop_number, name)
    if warning.site_name:
        return tr("集合地点 {0}").format(warning.site_name)
    if warning.code is WarningCode.UNKNOWN_DISTANCE:
        return tr("集合地点")
    return tr("整个方案")


def warning_text(warning: PlanWarning, stop_number: int | None) -> str:
    return tr("{0}：{1}").format(subject_text(warning, stop_number), reason_text(warning))


def _folded_sentence(group: WarningGroup) -> str:
    count = len(group.warnings)
    first = group.warnings[0].details
    if group.code is WarningCode.CONFIRM_HOURS_BY_PHONE:
        return tr_n("%n 个站点开放时间未知，请出行前电话确认", count)
    if group.code is WarningCode.POSITION_ESTIMATE:
        return tr_n("%n 个站点位置待核实或未知，路程和用时仅供参考", count)
    if group.code is WarningCode.UNKNOWN_DISTANCE:
        return tr_n("%n 个站点没有坐标，前后路程待定，请手动设定用时", count)
    if group.code is WarningCode.SITE_CLOSED:
        return tr_n("%n 个站点当天（{0}）闭馆", count).format(
            weekday_name(int(first["weekday"]))
        )
    return tr_n("%n 个站点：{0}", count).format(reason_text(group.warnings[0]))


def group_text(group: WarningGroup, numbers: Mapping[str, int]) -> str:
    """One line of the warnings list; a folded group names its stops after the notice."""
    if not group.folded:
        warning = group.warnings[0]
        return warning_text(warning, numbers.get(warning.stop_id or ""))
    stops = tr("、").join(
        tr("第{0}站 {1}").format(numbers.get(w.stop_id or "", "?"), w.site_name)
        for w in group.warnings
    )
    return tr("{0}：{1}").format(_folded_sentence(group), stops)


def severity_label(severity: Severity) -> str:
    return {
        Severity.PROBLEM: tr("问题"),
        Severity.WARNING: tr("注意"),
        Severity.INFO: tr("提示"),
    }[severity]


@cache
def severity_icon(severity: Severity) -> QIcon:
    pixmap = {
        Severity.PROBLEM: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }[severity]
    return QApplication.style().standardIcon(pixmap)
