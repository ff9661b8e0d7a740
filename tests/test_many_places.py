"""Two thousand places on the map: clustered at low zoom, names that do not collide, filtering."""

from __future__ import annotations

import json
import random
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, map_state, open_main_window, run_js
from hongtu.core.geo import Crs, LatLon
from hongtu.core.storage.site_store import NewPlace
from journey_helpers import ime_type

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

CENTRE = LatLon(37.8706, 112.5489)
PLACES = 2000


@pytest.fixture
def crowded_window(qtbot, tmp_path):
    from hongtu.core.workspace import open_workspace

    db = str(tmp_path / "crowded.sqlite3")
    workspace = open_workspace(db)
    rng = random.Random(7)
    workspace.sites.add_places(
        NewPlace(
            f"集合点{n}",
            LatLon(CENTRE.lat + rng.uniform(-0.2, 0.2), CENTRE.lon + rng.uniform(-0.2, 0.2)),
            Crs.WGS84,
        )
        for n in range(1, PLACES + 1)
    )
    workspace.close()
    window, controller = open_main_window(qtbot, db)
    yield window
    close_main_window(window, controller)


@pytest.fixture
def window(qtbot, tmp_path):
    window, controller = open_main_window(qtbot, str(tmp_path / "few.sqlite3"))
    yield window
    close_main_window(window, controller)


def in_page(qtbot, window) -> set[int]:
    return set(json.loads(run_js(qtbot, window, "sitesInPage")))


def page_js(qtbot, window, script: str):
    """Evaluate read-only ``script`` in the map page (for what no hongtuMap function reports)."""
    with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as callback:
        window.map_view.page().runJavaScript(script, 0, callback)
    return callback.args[0]


def placed_ids(window) -> set[int]:
    return {s.id for s in window.site_model.sites() if s.position is not None}


def test_at_city_zoom_the_places_are_clusters_and_every_place_is_counted(
    qtbot, crowded_window
) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 8)
    state = map_state(qtbot, window)
    assert state["dense"] is True
    assert state["markers"] == len(placed_ids(window)) > PLACES
    assert state["clusters"] > 0
    assert state["sitesInPage"] < 300  # not two thousand markers in the page
    assert state["pinsInDom"] == state["sitesInPage"]
    # at this zoom the whole county is in view: each place is a marker or inside a cluster
    assert state["sitesInPage"] + state["clusteredSites"] == state["markers"]


def test_zoomed_in_every_place_in_view_has_its_own_marker(qtbot, crowded_window) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 16)
    state = map_state(qtbot, window)
    assert state["clusters"] == 0
    assert 0 < state["sitesInPage"] < state["markers"]  # only what is in (or near) the view


def overlapping(a: list, b: list) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 2 and min(a[3], b[3]) - max(a[1], b[1]) > 2


@pytest.mark.parametrize("zoom", [11, 13, 14, 16])
def test_names_never_overlap_each_other_or_a_cluster(qtbot, crowded_window, zoom: int) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, zoom)
    state = map_state(qtbot, window)
    boxes = json.loads(run_js(qtbot, window, "labelBoxes"))
    assert boxes or zoom < 13, "some places are named"
    assert len(boxes) <= state["sitesInPage"]
    for a, b in combinations(boxes, 2):
        assert not overlapping(a, b), (a[4], b[4])
    clusters = json.loads(
        page_js(
            qtbot,
            window,
            "JSON.stringify(Array.prototype.map.call("
            "document.querySelectorAll('.leaflet-marker-pane .ht-cluster'), function (n) {"
            " var r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }))",
        )
    )
    assert (len(clusters) > 0) == (zoom < 16)
    for label in boxes:
        for cluster in clusters:
            assert not overlapping(label, cluster), label[4]


def test_the_selected_place_leaves_its_cluster(qtbot, crowded_window) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 10)
    place = next(s for s in window.site_model.sites() if s.name == "集合点1500")
    window.select_site(place.id)
    qtbot.waitUntil(lambda: place.id in in_page(qtbot, window))
    assert map_state(qtbot, window)["selected"] == place.id


def test_filtering_the_list_hides_the_other_places_on_a_crowded_map(qtbot, crowded_window) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 8)
    qtbot.keyClicks(window.site_list.search, "jhd199")  # pinyin initials of 集合点199x
    matching = {s.id for s in window.site_model.sites() if s.name.startswith("集合点199")}
    assert window.site_list.proxy.rowCount() == len(matching) == 11
    state = map_state(qtbot, window)
    assert set(state["hidden"]) == {s.id for s in window.site_model.sites()} - matching
    assert in_page(qtbot, window) <= matching
    assert state["sitesInPage"] + state["clusteredSites"] == len(matching)
    window.site_list.search.clear()
    state = map_state(qtbot, window)
    assert state["hidden"] == []
    assert state["sitesInPage"] + state["clusteredSites"] == state["markers"]


def test_filtering_a_few_sites_dims_the_others(qtbot, window) -> None:
    sites = [s for s in window.site_model.sites() if s.position is not None]
    assert map_state(qtbot, window)["dense"] is False
    district = next(s.district for s in sites if s.district)
    index = window.site_list.district.findData(district)
    window.site_list.district.setCurrentIndex(index)
    others = {s.id for s in window.site_model.sites() if s.district != district}
    state = map_state(qtbot, window)
    assert set(state["hidden"]) == others
    assert state["dimmedInDom"] == len([s for s in sites if s.id in others]) > 0
    assert state["pinsInDom"] == len(sites)  # dimmed, still on the map
    window.site_list.district.setCurrentIndex(0)
    state = map_state(qtbot, window)
    assert state["hidden"] == [] and state["dimmedInDom"] == 0


def places_in(window, bounds: list[float]) -> set[int]:
    south, west, north, east = bounds
    return {
        s.id
        for s in window.site_model.sites()
        if s.position is not None
        and south <= s.position.point.lat <= north
        and west <= s.position.point.lon <= east
    }


def test_clicking_a_cluster_opens_it_into_smaller_groups_and_places(qtbot, crowded_window) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 10)
    before = map_state(qtbot, window)
    biggest = json.loads(
        page_js(
            qtbot,
            window,
            "JSON.stringify(Array.prototype.map.call("
            "document.querySelectorAll('.leaflet-marker-pane .ht-cluster'), function (n) {"
            " var r = n.getBoundingClientRect();"
            " return [Number(n.textContent), r.left + r.width / 2, r.top + r.height / 2]; })"
            ".sort(function (a, b) { return b[0] - a[0]; })[0])",
        )
    )
    size, x, y = biggest
    assert size > 1
    target = window.map_view.focusProxy()
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: map_state(qtbot, window)["zoom"] > before["zoom"], timeout=5000)
    after = map_state(qtbot, window)
    # its places are now spread over smaller clusters and markers of their own
    assert after["sitesInPage"] > before["sitesInPage"]
    largest = page_js(
        qtbot,
        window,
        "Math.max.apply(null, [0].concat(Array.prototype.map.call("
        "document.querySelectorAll('.leaflet-marker-pane .ht-cluster'),"
        " function (n) { return Number(n.textContent); })))",
    )
    assert largest < size


def test_filtered_places_stay_hidden_when_zooming_in_and_come_back_when_cleared(
    qtbot, crowded_window
) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 8)
    qtbot.keyClicks(window.site_list.search, "jhd1")  # 集合点1, 集合点10…, 集合点1000…
    matching = {s.id for s in window.site_model.sites() if s.name.startswith("集合点1")}
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 16)
    state = map_state(qtbot, window)
    assert state["clusters"] == 0
    shown = in_page(qtbot, window)
    assert shown and shown <= matching
    assert places_in(window, state["bounds"]) & matching <= shown
    window.site_list.search.clear()
    state = map_state(qtbot, window)
    assert state["hidden"] == []
    in_view = places_in(window, state["bounds"])
    assert in_view - matching, "places the filter hid are in view"
    assert in_view <= in_page(qtbot, window)  # each with its own marker again
    assert state["dimmedInDom"] == 0


def test_a_search_whose_finds_are_all_out_of_view_brings_them_into_view(
    qtbot, crowded_window
) -> None:
    """Zoomed in on a corner of the county, a search that finds a place far off would leave
    an empty map (the other places are left out): the map goes to it, at the zoom it had."""
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat - 0.19, CENTRE.lon - 0.19, 16)
    found = next(s for s in window.site_model.sites() if s.name == "八路军驻晋办事处旧址")
    ime_type(window.site_list.search, "八路军驻晋")  # committed at once by the input method
    assert [s.id for s in window.sites() if window.site_list.shows(s.id)] == [found.id]

    def in_view() -> bool:
        south, west, north, east = map_state(qtbot, window)["bounds"]
        point = found.position.point
        return south <= point.lat <= north and west <= point.lon <= east

    qtbot.waitUntil(in_view, timeout=5000)
    state = map_state(qtbot, window)
    assert state["zoom"] == 16 and found.id in in_page(qtbot, window)
    window.site_list.search.clear()  # nothing moves when the search is cleared
    assert map_state(qtbot, window)["center"] == state["center"]


def test_a_place_inside_a_cluster_can_be_corrected_by_dragging(qtbot, crowded_window) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 9)
    place = next(s for s in window.site_model.sites() if s.name == "集合点1234")
    assert place.id not in in_page(qtbot, window)  # inside a cluster
    window.select_site(place.id)
    window.site_editing.correct_action.trigger()
    dialog = window.site_editing.correction.dialog
    assert dialog is not None and dialog.isVisible()
    state = map_state(qtbot, window)
    assert state["editing"] == place.id and place.id in in_page(qtbot, window)
    assert run_js(qtbot, window, "markerOnTop", place.id)  # on top, so it can be grabbed
    point = place.position.point
    assert json.loads(run_js(qtbot, window, "markerLatLng", place.id)) == pytest.approx(
        [point.lat, point.lon]
    )
    dialog.close()


def test_the_selected_place_is_named_in_bold_when_it_leaves_its_cluster(
    qtbot, crowded_window
) -> None:
    window = crowded_window
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, 11)
    place = next(s for s in window.site_model.sites() if s.name == "集合点777")
    assert place.id not in in_page(qtbot, window)
    window.select_site(place.id)
    qtbot.waitUntil(lambda: place.id in in_page(qtbot, window))
    bold = json.loads(
        page_js(
            qtbot,
            window,
            "JSON.stringify(Array.prototype.map.call(document.querySelectorAll("
            "'.leaflet-tooltip-pane .ht-label-selected'), function (n) { return n.textContent; }))",
        )
    )
    assert bold == [place.name]


def test_a_filter_that_hides_the_selected_place_leaves_nothing_of_it_selected(
    qtbot, crowded_window
) -> None:
    """With 2,000 places a filter re-maps the whole list at once (Qt's row-by-row changes were
    hundreds of signals); the place it hides still leaves the selection, its details and its
    actions, and a filter that keeps it keeps it selected."""
    window = crowded_window
    assert window.site_list.proxy.remaps
    place = next(s for s in window.site_model.sites() if s.name == "集合点1500")
    window.select_site(place.id)
    action = window.site_editing.correct_action
    qtbot.waitUntil(action.isEnabled)
    assert window.details.site_id == place.id
    qtbot.keyClicks(window.site_list.search, "jhd150")  # 集合点150, 1500-1509: kept
    assert window.site_list.selected_site_id() == place.id and action.isEnabled()
    assert window.site_list.proxy.rowCount() == 11
    qtbot.keyClicks(window.site_list.search, "9")  # 集合点1509: 1500 is hidden now
    assert window.site_list.proxy.rowCount() == 1
    assert window.site_list.selected_site_id() is None
    assert not action.isEnabled() and window.details.site_id is None
    window.site_list.search.clear()
    assert window.site_list.proxy.rowCount() == PLACES + len(
        [s for s in window.site_model.sites() if s.key]
    )


PIN_BOXES = (
    "JSON.stringify(Array.prototype.map.call("
    "document.querySelectorAll('.leaflet-marker-pane .ht-pin-wrap[title]'), function (n) {"
    " var r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, n.title]; }))"
)


@pytest.mark.parametrize("zoom", [12, 15])
def test_each_name_sits_beside_its_pin_level_with_it(qtbot, window, zoom: int) -> None:
    # names are placed without measuring them (a fixed height): each must still be centred on
    # its pin's middle and start just beside it, as Leaflet's own placement would put it
    run_js(qtbot, window, "setView", CENTRE.lat, CENTRE.lon, zoom)
    map_state(qtbot, window)
    labels = json.loads(run_js(qtbot, window, "labelBoxes"))
    pins = {box[4]: box for box in json.loads(page_js(qtbot, window, PIN_BOXES))}
    assert labels, "some sites are named"
    for left, top, right, bottom, name in labels:
        pin = pins[name]
        assert bottom - top == pytest.approx(18, abs=0.5), name
        assert (top + bottom) / 2 == pytest.approx((pin[1] + pin[3]) / 2, abs=1), name
        gap = left - pin[2] if left > pin[2] else pin[0] - right  # to the right, or the left
        assert gap == pytest.approx(7, abs=1), (name, [left, right], pin[:4:2])
