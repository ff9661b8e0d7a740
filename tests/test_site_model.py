"""The site list model and its search/filter proxy, without a window."""

from __future__ import annotations

import pytest

from factories import listed_site
from hongtu.qt.site_model import (
    SITE_ID_ROLE,
    SiteColumn,
    SiteFilterProxy,
    SiteTableModel,
)


@pytest.fixture
def models(qapp, workspace):
    model = SiteTableModel()
    model.set_sites(workspace.sites.list_sites())
    proxy = SiteFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def visible_names(proxy) -> list[str]:
    return [proxy.index(r, SiteColumn.NAME).data() for r in range(proxy.rowCount())]


def test_models_pass_qt_model_tester(qtmodeltester, models) -> None:
    model, proxy = models
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_estimated_positions_are_marked_in_the_list(models) -> None:
    model, _ = models
    labels = {model.index(r, SiteColumn.NAME).data(): model.index(r, SiteColumn.POSITION).data()
              for r in range(model.rowCount())}
    assert labels["太原解放纪念馆"] == "位置待核实"
    assert labels["徐向前故居"] == "位置未知"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("八路军太原办事处旧址", "八路军驻晋办事处旧址"),  # an alias
        ("牛驼寨", "太原解放纪念馆"),
        ("gjy", "高君宇故居"),  # pinyin initials
        ("GaoJunyu", "高君宇故居"),
        ("彭真", "中共太原支部旧址"),
    ],
)
def test_search_finds_by_name_alias_or_pinyin(models, query, expected) -> None:
    _, proxy = models
    proxy.set_query(query)
    assert expected in visible_names(proxy)
    assert proxy.rowCount() < proxy.sourceModel().rowCount()


def test_district_and_category_filters_combine(models) -> None:
    _, proxy = models
    proxy.set_district("迎泽区")
    names = visible_names(proxy)
    assert "双塔革命烈士陵园" in names and "高君宇故居" not in names
    proxy.set_category("martyrs_cemetery")
    assert visible_names(proxy) == ["双塔革命烈士陵园"]
    proxy.set_district(None)
    proxy.set_category(None)
    assert proxy.rowCount() == proxy.sourceModel().rowCount()


def test_updating_one_site_announces_only_its_row(qtbot, models, workspace) -> None:
    model, _ = models
    site = model.site_at(2)
    updated = workspace.sites.set_visit_minutes(site.id, 45)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_site(updated)
    top_left, bottom_right = blocker.args[:2]
    assert top_left.row() == bottom_right.row() == 2
    assert model.index(2, 0).data(SITE_ID_ROLE) == site.id


def test_tooltips_show_user_text_as_text(models, workspace) -> None:
    from PySide6.QtGui import QTextDocumentFragment

    from hongtu.core.geo import Crs, LatLon
    from hongtu.qt.messages import plain_tooltip

    model, _ = models
    tip = plain_tooltip("<b>单位</b> & 门口")
    assert QTextDocumentFragment.fromHtml(tip).toPlainText() == "<b>单位</b> & 门口"
    place = workspace.sites.add_place("<i>x</i>", LatLon(37.86, 112.55), Crs.WGS84)
    model.update_site(place)
    row = model.row_of(place.id)
    assert model.index(row, SiteColumn.NAME).data() == "<i>x</i>"  # views show data as text


def test_a_crowded_list_filters_as_a_short_one_and_follows_later_changes(qapp) -> None:
    places = [listed_site(n, f"集合点{n}") for n in range(1, 401)]
    model = SiteTableModel()
    model.set_sites([*places, listed_site(401, "太原解放纪念馆")])
    proxy = SiteFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.remaps  # a filter change re-maps the whole list at once

    proxy.set_query("集合点1")
    expected = {p.name for p in places if p.name.startswith("集合点1")}
    assert set(visible_names(proxy)) == expected
    assert {model.site_at(r).id for r in range(model.rowCount())} - proxy.hidden_site_ids() == {
        p.id for p in places if p.name in expected
    }

    model.update_site(listed_site(401, "集合点1号门"))  # renamed after the filter: it joins
    model.update_site(listed_site(10, "活动点10"))  # and this one leaves
    shown = set(visible_names(proxy))
    assert "集合点1号门" in shown and "集合点10" not in shown and "活动点10" not in shown

    proxy.set_query("jhd1")  # pinyin initials, same places
    assert set(visible_names(proxy)) == (expected - {"集合点10"}) | {"集合点1号门"}
    proxy.set_query("")
    assert proxy.rowCount() == 401
