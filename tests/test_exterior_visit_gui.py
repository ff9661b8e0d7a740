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


def test_the_organiser_confirms_the_office_is_open_and_the_warning_goes(
    qtbot, workspace, monkeypatch
) -> None:
    from hongtu.core.sites import PositionOrigin, VisitorAccess
    from hongtu.qt.site_info_dialog import SiteInfoDialog, edit_site_info

    office = next(s for s in workspace.sites.list_sites() if s.name == OFFICE)
    seen: dict[str, str] = {}

    def confirm_open(dialog: SiteInfoDialog) -> int:
        seen["before"] = dialog.status["visitor_access"].text()
        seen["choice"] = dialog.access.currentText()
        dialog.access.setCurrentIndex(dialog.access.findData(VisitorAccess.OPEN))
        seen["after"] = dialog.status["visitor_access"].text()
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(SiteInfoDialog, "exec", confirm_open)
    saved: list = []
    assert edit_site_info(workspace.sites, office.id, None, saved.append)
    assert seen["choice"] == "未确认对外开放，可能只能在外观看"
    assert seen["before"].startswith("目录 · 可信度中")
    assert seen["after"] == "已修改，保存后生效"
    confirmed = saved[0]
    assert confirmed.access.status is VisitorAccess.OPEN
    assert confirmed.access.origin is PositionOrigin.USER
    assert "有接待参观的记录" in site_details_html(confirmed) and "组织者确认" in site_details_html(
        confirmed
    )

    session = PlanSession(today=lambda: date(2026, 12, 1))
    session.attach(workspace.plans, workspace.sites.list_sites())
    session.create("七一主题党日", date(2026, 12, 16))
    stop_id = session.add_site_stop(office.id)
    assert stop_id is not None
    session.add_activity(stop_id, Activity(ActivityKind.TOUR, 40))
    assert office_warnings(session) == []  # confirmed open: nothing to warn about

    def restore(dialog: SiteInfoDialog) -> int:
        seen["edited"] = dialog.status["visitor_access"].text()
        dialog.restore_buttons["visitor_access"].click()
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(SiteInfoDialog, "exec", restore)
    assert edit_site_info(workspace.sites, office.id, None, saved.append)
    assert seen["edited"] == "组织者确认"
    assert saved[-1].access.exterior_only and saved[-1].access.origin is PositionOrigin.CATALOGUE
    session.set_sites(workspace.sites.list_sites())
    assert len(office_warnings(session)) == 1
