"""The plan rules at their edges: what is typed or read from a file as a time, a number of minutes
or a date is taken up to the last allowed value and refused one past it; a plan that breaks the
rules is refused naming what is wrong."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factories import make_plan, site_stop
from hongtu.core import limits
from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, Stop


@pytest.mark.parametrize(
    ("text", "minutes"), [("0", 0), ("1440", 1440), (" 45 ", 45), ("000090", 90)]
)
def test_minutes_are_read_up_to_one_day(text: str, minutes: int) -> None:
    assert limits.parse_minutes(text) == minutes


@pytest.mark.parametrize("text", ["1441", "", "-5", "4５", "1e3", "0000090", "45分"])
def test_other_minutes_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        limits.parse_minutes(text)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("0930", time(9, 30)),
        ("930", time(9, 30)),
        ("9:30", time(9, 30)),
        (" 9：30 ", time(9, 30)),
        ("23:59", time(23, 59)),
        ("00:00", time(0, 0)),
    ],
)
def test_a_typed_time_may_be_loose(text: str, moment: time) -> None:
    assert limits.parse_time(text, loose=True) == moment


@pytest.mark.parametrize("text", ["24:00", "12:60", "30", "9.30", "０９:３０", "", "12:345"])
def test_a_typed_time_is_still_a_time_of_day(text: str) -> None:
    with pytest.raises(ValueError):
        limits.parse_time(text, loose=True)


@pytest.mark.parametrize("text", ["9:30", "0930", " 09:30", "09：30"])
def test_a_time_in_a_file_is_exactly_hh_mm(text: str) -> None:
    with pytest.raises(ValueError):
        limits.parse_time(text)
    assert limits.parse_time("09:30") == time(9, 30)


def test_dates_run_from_1900_to_2199() -> None:
    assert limits.parse_date("1900-01-01") == limits.FIRST_DATE
    assert limits.parse_date("2199-12-31") == limits.LAST_DATE
    for text in ("1899-12-31", "2200-01-01", "2026-02-30", "2026-7-1", "２０２６-07-01"):
        with pytest.raises(ValueError):
            limits.parse_date(text)


def test_a_plan_at_every_limit_may_be_saved() -> None:
    lunch = Activity(ActivityKind.LUNCH, limits.MAX_MINUTES, "长" * limits.TEXT_LIMITS["label"])
    stop = site_stop(1, *[lunch] * limits.MAX_ACTIVITIES, visit_minutes=0)
    plan = make_plan([stop] + [site_stop(2) for _ in range(limits.MAX_STOPS - 1)])
    plan.participants = limits.MAX_PARTICIPANTS
    plan.date = limits.LAST_DATE
    plan.return_leg_override = limits.MAX_MINUTES
    plan.title = "题" * limits.TEXT_LIMITS["title"]
    assert limits.plan_problems(plan) == []
    limits.check_plan(plan)
    plan.participants, plan.date = limits.MIN_PARTICIPANTS, limits.FIRST_DATE
    assert limits.plan_problems(plan) == []


def test_a_plan_past_the_limits_is_refused_naming_each_problem() -> None:
    too_long = Activity(ActivityKind.CUSTOM, limits.MAX_MINUTES + 1, " ")
    wordy = Activity(ActivityKind.TOUR, 30, "讲" * (limits.TEXT_LIMITS["label"] + 1))
    stop = site_stop(
        1, wordy, *[too_long] * limits.MAX_ACTIVITIES, leg_minutes_override=-1, visit_minutes=-1
    )
    plan = make_plan([stop] + [site_stop(2) for _ in range(limits.MAX_STOPS)])
    plan.participants = limits.MAX_PARTICIPANTS + 1
    plan.date = date(1899, 12, 31)
    plan.return_leg_override = limits.MAX_MINUTES + 1
    plan.title = "  "
    plan.gathering.custom = CustomPlace(
        "门" * (limits.TEXT_LIMITS["place"] + 1), LatLon(37.87, 112.55)
    )
    problems = {p.path: p for p in limits.plan_problems(plan)}
    assert {
        "plan.title",
        "plan.participants",
        "plan.date",
        "plan.return_leg_minutes_override",
        "plan.gathering.custom.name",
        "plan.stops",
        "plan.stops[0].leg_minutes_override",
        "plan.stops[0].activities",
        "plan.stops[0].visit_minutes",
        "plan.stops[0].activities[0].label",
        "plan.stops[0].activities[1].minutes",
        "plan.stops[0].activities[1].label",
    } <= set(problems)
    assert problems["plan.stops[0].activities[0].label"].over_limit  # the long one
    assert not problems["plan.stops[0].activities[1].label"].over_limit  # the blank one
    assert problems["plan.stops"].over_limit and problems["plan.stops[0].activities"].over_limit
    assert problems["plan.gathering.custom.name"].over_limit
    assert not problems["plan.participants"].over_limit
    with pytest.raises(limits.PlanRulesError) as refused:
        limits.check_plan(plan)
    assert refused.value.problems == limits.plan_problems(plan)
    assert str(refused.value).startswith("plan.title: blank; plan.participants: ")
    assert str(refused.value).count("; ") == 4  # the first five, named


def test_old_text_is_fitted_and_a_plan_that_fits_is_kept_as_it_is() -> None:
    fine = make_plan([site_stop(1, Activity(ActivityKind.CUSTOM, 10, "合影留念"))])
    assert limits.fit_plan(fine) is fine  # nothing to fit: not even copied
    plan = make_plan([site_stop(1, Activity(ActivityKind.CUSTOM, 10, "合影\n留念"))])
    plan.title = "  重温誓词\n"
    plan.participants = 0
    fitted = limits.fit_plan(plan)
    assert fitted is not plan
    assert (fitted.title, fitted.participants) == ("重温誓词", 1)
    assert "\n" not in fitted.stops[0].activities[0].label
    assert plan.title == "  重温誓词\n"  # the old plan is left as it was


def test_a_plan_that_keeps_the_rules_at_their_very_edges_is_not_copied() -> None:
    edge = make_plan([site_stop(1)])
    edge.title = "题" * limits.TEXT_LIMITS["title"]
    for participants in (limits.MIN_PARTICIPANTS, limits.MAX_PARTICIPANTS):
        edge.participants = participants
        assert limits.fit_plan(edge) is edge


def test_an_old_plans_text_is_trimmed_cut_and_its_places_fitted() -> None:
    long_place = CustomPlace("馆" * (limits.TEXT_LIMITS["place"] + 5), LatLon(37.87, 112.55))
    plan = make_plan([Stop(custom=long_place)])
    plan.title = " 重温入党誓词 "
    fitted = limits.fit_plan(plan)
    assert fitted.title == "重温入党誓词"
    assert fitted.stops[0].custom is not None
    assert fitted.stops[0].custom.name == "馆" * limits.TEXT_LIMITS["place"]
    plan.title = "题" * (limits.TEXT_LIMITS["title"] + 1)
    assert limits.fit_plan(plan).title == "题" * limits.TEXT_LIMITS["title"]
    spaced = make_plan([site_stop(1)])
    spaced.title = " 重温入党誓词 "  # nothing else to fit
    assert limits.fit_plan(spaced).title == "重温入党誓词"


def test_only_the_title_loses_its_surrounding_spaces() -> None:
    assert limits.normalise_text("title", "  主题  ") == "主题"
    for field in ("branch", "organiser", "phone", "place", "label"):
        assert limits.normalise_text(field, "  第一支部 ") == "  第一支部 "


def test_a_custom_stops_name_is_checked_at_its_own_path() -> None:
    plan = make_plan([site_stop(1), Stop(custom=CustomPlace("  ", LatLon(37.87, 112.55)))])
    assert [(p.path, p.over_limit) for p in limits.plan_problems(plan)] == [
        ("plan.stops[1].custom.name", False)
    ]


def test_text_no_file_can_carry_is_named_at_its_path() -> None:
    plan = make_plan([site_stop(1)])
    plan.branch = "第一\x00支部"
    assert [(p.path, p.over_limit) for p in limits.plan_problems(plan)] == [("plan.branch", False)]


_ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, categories=None),
        st.sampled_from("\r\n\t\x0b\x0c\x85\u2028\u2029\u202e\u2066\ufffe \u3000题"),
    ),
    max_size=12,
)


def _quick_look_agrees(field: str, text: str, neighbours: list[str]) -> None:
    plan = make_plan([site_stop(1, *(Activity(ActivityKind.CUSTOM, 5, n) for n in neighbours[:3]))])
    plan.stops.append(Stop(custom=CustomPlace("馆", LatLon(37.87, 112.55))))
    if field == "place":
        plan.stops[-1].custom = CustomPlace(text, LatLon(37.87, 112.55))
    elif field == "label":
        plan.stops[0].activities.append(Activity(ActivityKind.CUSTOM, 5, text))
    else:
        setattr(plan, field, text)
    keeps_the_rules = limits.normalise_text(field, text) == text
    assert (limits.fit_plan(plan) is plan) == keeps_the_rules


@given(
    field=st.sampled_from(["title", "branch", "organiser", "phone", "notes", "place", "label"]),
    text=_ANY_TEXT,
    neighbours=st.lists(_ANY_TEXT.filter(lambda t: t == limits.normalise_text("label", t))),
)
def test_the_quick_look_at_an_opened_plan_agrees_with_the_rules(field, text, neighbours) -> None:
    """An opened plan is copied and fitted only when ``normalise_text`` or a limit would change
    a text in it; the look checks the one-line texts joined, in one search."""
    _quick_look_agrees(field, text, neighbours)


@pytest.mark.parametrize(
    "char", list("\r\n\t\x00\x0b\x0c\x1b\x7f\x85\u2028\u2029\u202e\u2069\ufffe\ud800")
)
@pytest.mark.parametrize("field", ["title", "branch", "notes", "place", "label"])
def test_every_character_the_rules_change_is_seen_by_the_quick_look(field, char) -> None:
    _quick_look_agrees(field, f"红{char}色", ["合影"])
