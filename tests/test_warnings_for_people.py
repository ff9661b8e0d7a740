"""The warnings as the organiser reads them: worst first, alike folded, lunch, the pre-flight."""

from __future__ import annotations

from datetime import date, time

from factories import NORTH, make_plan, make_rules, make_site, site_map, site_stop
from hongtu.core.plans import Activity, ActivityKind, GatheringPoint
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.warnings import (
    PlanWarning,
    Severity,
    WarningCode,
    by_severity,
    fold_warnings,
    plan_warnings,
    preflight,
    worst_by_stop,
)

TODAY = date(2025, 10, 1)
MONDAY = date(2025, 10, 13)


def check(plan, sites) -> list[PlanWarning]:  # type: ignore[no-untyped-def]
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    return plan_warnings(plan, schedule, sites, DEFAULT_SETTINGS, TODAY)


def unknown_hours_sites(count: int):  # type: ignore[no-untyped-def]
    rules = make_rules(opens=None, closes=None, last_entry=None, closed_weekdays=None)
    return [make_site(i, f"馆{i}", point=NORTH, rules=rules) for i in range(1, count + 1)]


def test_four_stops_with_unknown_hours_fold_into_one_line_after_the_problems() -> None:
    sites = unknown_hours_sites(4)
    closed = make_site(9, "周一闭馆", point=NORTH, rules=make_rules(closed_weekdays=frozenset({0})))
    plan = make_plan([site_stop(s.id) for s in [*sites, closed]], on=MONDAY)
    groups = fold_warnings(check(plan, site_map([*sites, closed])))
    assert groups[0].severity is Severity.PROBLEM and groups[0].code is WarningCode.SITE_CLOSED
    hours = [g for g in groups if g.code is WarningCode.CONFIRM_HOURS_BY_PHONE]
    assert len(hours) == 1 and hours[0].folded and len(hours[0].stop_ids) == 4
    order = [g.severity for g in groups]
    assert order == sorted(order, key=[Severity.PROBLEM, Severity.WARNING, Severity.INFO].index)


def test_by_severity_keeps_the_plan_order_within_a_severity() -> None:
    info = PlanWarning(WarningCode.POSITION_ESTIMATE, "a", "A", {}, Severity.INFO)
    problem = PlanWarning(WarningCode.SITE_CLOSED, "b", "B", {}, Severity.PROBLEM)
    info2 = PlanWarning(WarningCode.POSITION_ESTIMATE, "c", "C", {}, Severity.INFO)
    assert by_severity([info, problem, info2]) == [problem, info, info2]
    assert worst_by_stop([info, problem]) == {"b": Severity.PROBLEM}  # 提示 leaves no mark


def test_a_day_over_lunch_without_a_meal_gets_a_hint_and_a_lunch_ends_it() -> None:
    site = make_site(1, "北馆", point=NORTH, rules=make_rules(), visit_minutes=300)
    plan = make_plan([site_stop(1)], gathering_time=time(9, 0))
    assert WarningCode.NO_LUNCH in [w.code for w in check(plan, site_map([site]))]
    with_lunch = make_plan(
        [site_stop(1, Activity(ActivityKind.LUNCH, 60))], gathering_time=time(9, 0)
    )
    assert WarningCode.NO_LUNCH not in [w.code for w in check(with_lunch, site_map([site]))]
    morning = make_plan([site_stop(1, visit_minutes=60)], gathering_time=time(8, 0))
    assert WarningCode.NO_LUNCH not in [w.code for w in check(morning, site_map([site]))]


def test_preflight_lists_an_empty_plan_and_a_missing_gathering_point_first() -> None:
    empty = make_plan([], gathering=GatheringPoint())
    found = preflight(empty, check(empty, {}))
    assert [w.code for w in found] == [WarningCode.NO_STOPS, WarningCode.NO_GATHERING]
    sites = unknown_hours_sites(1)
    fine = make_plan([site_stop(1)])
    assert preflight(fine, check(fine, site_map(sites))) == []  # 提示 alone does not stop it
    big = make_plan([site_stop(1)], participants=80)
    small = make_site(1, "小馆", point=NORTH, rules=make_rules(max_group_size=40))
    codes = [w.code for w in preflight(big, check(big, site_map([small])))]
    assert codes == [WarningCode.GROUP_TOO_LARGE]


def test_preflight_does_not_repeat_the_missing_gathering_point_as_an_unknown_distance() -> None:
    unplaced = make_site(1, "无坐标", point=None)
    plan = make_plan([site_stop(1)], gathering=GatheringPoint())
    codes = [(w.code, w.stop_id) for w in preflight(plan, check(plan, site_map([unplaced])))]
    assert codes == [
        (WarningCode.NO_GATHERING, None),
        (WarningCode.UNKNOWN_DISTANCE, plan.stops[0].id),
    ]


def test_the_signin_sheets_preflight_asks_only_about_what_it_prints() -> None:
    """Probe s28: 打印签到表 stopped on 还没有选择集合地点. The 签到表 prints the names, the
    title, the date and the gathering time: an empty plan, no gathering point, a site closed
    that day or a day too long does not stop it; a gathering time at 04:00 (a slip) does."""
    closed = make_site(1, "周一闭馆", point=NORTH, rules=make_rules(closed_weekdays=frozenset({0})))
    plan = make_plan([site_stop(1)], on=MONDAY, gathering=GatheringPoint())
    warnings = check(plan, site_map([closed]))
    assert {WarningCode.NO_GATHERING, WarningCode.SITE_CLOSED} <= {
        w.code for w in preflight(plan, warnings)
    }  # the schedule still asks
    assert preflight(plan, warnings, signin_only=True) == []
    empty = make_plan([], gathering=GatheringPoint())
    assert preflight(empty, check(empty, {}), signin_only=True) == []
    early = make_plan([site_stop(1)], on=MONDAY, gathering_time=time(4, 0))
    codes = [w.code for w in preflight(early, check(early, site_map([closed])), signin_only=True)]
    assert codes == [WarningCode.UNUSUAL_GATHERING_TIME]


def test_a_plan_on_the_spring_festival_says_so_but_is_not_held_back(qapp) -> None:
    """正月初一: the warnings say the day is in the 春节 holiday (members away, sites crowded,
    coaches dear); the pre-flight before an export or print does not stop on it."""
    from PySide6.QtCore import QLocale

    from hongtu.qt.i18n import install_translators
    from hongtu.qt.warning_text import warning_text

    north = make_site(1, "北馆", point=NORTH, rules=make_rules(closed_weekdays=frozenset()))
    plan = make_plan([site_stop(1)], on=date(2026, 2, 17), gathering_time=time(8, 30))
    sites = site_map([north])
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    warnings = plan_warnings(plan, schedule, sites, DEFAULT_SETTINGS, date(2026, 1, 20))
    holiday = [w for w in warnings if w.code is WarningCode.PUBLIC_HOLIDAY]
    assert len(holiday) == 1 and preflight(plan, warnings) == []
    text = warning_text(holiday[0], None)
    assert "春节假期" in text and "党员可能外出" in text and "包车" in text
    previous_locale = QLocale()
    installed = install_translators(qapp, "en")
    try:
        assert installed, "hongtu_en.qm did not load"
        english = warning_text(holiday[0], None)
        assert "Spring Festival holiday" in english and "coach" in english
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
