"""What the organiser reads about 八路军驻晋办事处旧址: an exterior visit, and the plan warning."""

from __future__ import annotations

from datetime import date

import pytest

from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint
from hongtu.qt.plan_models import PlanWarningsModel
from hongtu.qt.plan_session import PlanSession
from hongtu.qt.site_details import site_details_html

pytestmark = pytest.mark.gui

OFFICE = "八路军驻晋办事处旧址"


@pytest.fixture
def session(qtbot, workspace):
    session = PlanSession(today=lambda: date(2026, 12, 1))
    session.attach(workspace.plans, workspace.sites.list_sites())
    session.create("七一主题党日", date(2026, 12, 16))
    session.set_gathering(GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))))
    return session


def warning_texts(session: PlanSession) -> list[str]:
    model = PlanWarningsModel()
    model.set_warnings(session.plan, session.warnings)
    return model.texts()


def office_warnings(session: PlanSession) -> list[str]:
    return [t for t in warning_texts(session) if "对外开放" in t]


def test_a_tour_and_a_lesson_inside_the_office_are_warned(qtbot, session) -> None:
    office = next(s for s in session.sites.values() if s.name == OFFICE)
    stop_id = session.add_site_stop(office.id)
    assert stop_id is not None
    session.add_activity(stop_id, Activity(ActivityKind.WREATH, 15))
    assert office_warnings(session) == []  # a wreath outside is fine
    session.add_activity(stop_id, Activity(ActivityKind.TOUR, 40))
    session.add_activity(stop_id, Activity(ActivityKind.LESSON, 30))
    (text,) = office_warnings(session)
    assert text.startswith(f"第1站 {OFFICE}：没有证据表明这里对外开放")
    assert "室内参观、室内现场党课" in text and "室外" in text
    # the organiser moves the lesson outside as an oath: only the tour is left to confirm
    session.remove_activity(stop_id, 2)
    (text,) = office_warnings(session)
    assert "室内参观" in text and "党课" not in text
    session.remove_activity(stop_id, 1)
    session.add_activity(stop_id, Activity(ActivityKind.OATH, 15))
    assert office_warnings(session) == []


def test_the_details_panel_says_it_may_be_viewable_from_outside_only(qtbot, workspace) -> None:
    office = next(s for s in workspace.sites.list_sites() if s.name == OFFICE)
    html = site_details_html(office)
    assert "对外开放" in html and "未确认对外开放，可能只能在外观看" in html
    camp = next(s for s in workspace.sites.list_sites() if s.name == "太原工程队旧址")
    assert "位置待核实" in site_details_html(camp)  # a survey point, still not checked on a map
