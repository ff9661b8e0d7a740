"""The map page's own script (resources/web/hongtu-map.js), run in the real page.

The cached Folium page is loaded in a bare ``MapView`` (no main window); the tests call
``hongtuMap.*`` through the view, read JSON answers, and watch the page's messages arrive at
the Python bridge over the real QWebChannel.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui_helpers import MAP_TIMEOUT_MS
from hongtu.core import mappage
from hongtu.qt.mapview import MapView, delete_now

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

GATE = {"lat": 37.8706, "lon": 112.5489, "name": "单位大门"}


def stop(stop_id: str, number: int, lat: float, lon: float = 112.55) -> dict[str, Any]:
    return {"id": stop_id, "number": number, "lat": lat, "lon": lon, "name": f"站{number}"}


def site(site_id: int, name: str, lat: float = 37.87, lon: float = 112.55) -> dict[str, Any]:
    return {
        "id": site_id,
        "name": name,
        "lat": lat,
        "lon": lon,
        "category": "memorial_hall",
        "district": "杏花岭区",
        "estimate": False,
    }


@pytest.fixture
def view(qtbot: Any) -> Iterator[MapView]:
    map_view = MapView()
    map_view.resize(800, 600)
    map_view.show()
    with qtbot.waitSignal(map_view.map_ready, timeout=MAP_TIMEOUT_MS):
        map_view.load_page(mappage.map_page_file())
    yield map_view
    map_view.close()
    delete_now(map_view)  # the page before the web profile


def call(qtbot: Any, view: MapView, function: str, *args: Any) -> Any:
    with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as callback:
        view.call(function, *args, callback=callback)
    return callback.args[0]


def evaluate(qtbot: Any, view: MapView, script: str) -> Any:
    with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as callback:
        view.page().runJavaScript(script, 0, callback)
    return callback.args[0]


def route_summary(qtbot: Any, view: MapView) -> dict[str, Any]:
    return json.loads(call(qtbot, view, "routeSummary"))


def state(qtbot: Any, view: MapView) -> dict[str, Any]:
    return json.loads(call(qtbot, view, "state"))


# ---- the district outlines --------------------------------------------------------------------


def test_the_outlines_are_drawn_after_the_first_markers_and_below_a_route(qtbot, view) -> None:
    # Start-up draws the markers first; the outlines follow at once, under a route already drawn.
    call(qtbot, view, "setRoute", {"gathering": GATE, "stops": [stop("a", 1, 37.88)]})
    call(qtbot, view, "setSites", [site(1, "高君宇故居")])
    qtbot.waitUntil(lambda: state(qtbot, view)["outlinesInDom"] >= 10, timeout=MAP_TIMEOUT_MS)
    shown = state(qtbot, view)
    assert shown["outlinesInDom"] == shown["outlines"]
    assert shown["outlinesBelowRoute"] is True


def test_each_outline_names_its_district_as_text_when_pointed_at(qtbot, view) -> None:
    # The outlines are built from the page's data only when drawn; each still carries its name.
    call(qtbot, view, "setSites", [site(1, "高君宇故居")])
    qtbot.waitUntil(lambda: state(qtbot, view)["outlinesInDom"] >= 10, timeout=MAP_TIMEOUT_MS)
    names = json.loads(
        evaluate(
            qtbot,
            view,
            "JSON.stringify(window[Object.keys(window).filter(function (k) {"
            " return k.indexOf('district_outlines_') === 0; })[0]].getLayers().map(function (l) {"
            " var tip = l.getTooltip().getContent();"
            " return [l.feature.properties.name, tip.textContent, tip.children.length]; }))",
        )
    )
    assert {"杏花岭区", "娄烦县", "古交市"} <= {name for name, _, _ in names}
    assert all(text == name and children == 0 for name, text, children in names)


def test_shifting_the_outlines_before_they_are_drawn_shifts_what_is_drawn(qtbot, view) -> None:
    ring = [[112.56, 37.88], [112.6, 37.88], [112.6, 37.92], [112.56, 37.88]]
    # A GCJ-02 base map chosen at start-up moves the outlines before the first markers come.
    shifted = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "杏花岭区"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [ring],
                },
            }
        ],
    }
    assert call(qtbot, view, "setOutlines", shifted) == 1
    call(qtbot, view, "setSites", [site(1, "高君宇故居")])
    qtbot.waitUntil(lambda: state(qtbot, view)["outlinesInDom"] == 1, timeout=MAP_TIMEOUT_MS)
    assert state(qtbot, view)["outlinesShifted"] is True
    assert call(qtbot, view, "setOutlines", None) >= 10  # back to the page's own
    assert state(qtbot, view)["outlinesShifted"] is False


def test_the_outlines_are_drawn_even_when_no_markers_come(qtbot, view) -> None:
    # A page whose sites never arrive (a broken database, say) still shows the districts.
    qtbot.waitUntil(lambda: state(qtbot, view)["outlinesInDom"] >= 10, timeout=MAP_TIMEOUT_MS)
    assert state(qtbot, view)["markers"] == 0


# ---- the route --------------------------------------------------------------------------------


def test_the_route_is_closed_when_the_group_returns(qtbot, view) -> None:
    stops = [stop("a", 1, 37.88), stop("b", 2, 37.89), stop("c", 3, 37.90)]
    drawn = call(qtbot, view, "setRoute", {"gathering": GATE, "stops": stops, "returns": True})
    assert drawn == 4  # the gathering point and three stops
    summary = route_summary(qtbot, view)
    start = [GATE["lat"], GATE["lon"]]
    assert summary["line"] == [start, [37.88, 112.55], [37.89, 112.55], [37.90, 112.55], start]
    assert summary["gathering"] == "单位大门"
    assert [s["number"] for s in summary["stops"]] == ["1", "2", "3"]

    call(qtbot, view, "patchRoute", {"returns": False})
    line = route_summary(qtbot, view)["line"]
    assert len(line) == 4 and line[-1] == [37.90, 112.55]  # open: it ends at the last stop


def test_the_route_follows_the_stop_numbers_and_skips_bad_points(qtbot, view) -> None:
    stops = [
        stop("c", 3, 37.90),
        stop("a", 1, 37.88),
        {"id": "x", "number": 2, "lat": "37.9", "lon": 112.5, "name": "坏"},  # not a number
        stop("b", 2, 37.89),
    ]
    call(qtbot, view, "setRoute", {"gathering": None, "stops": stops, "returns": True})
    summary = route_summary(qtbot, view)
    assert [s["name"] for s in summary["stops"]] == ["站1", "站2", "站3"]
    # no gathering point: nothing to return to, the line is not closed
    assert summary["line"] == [[37.88, 112.55], [37.89, 112.55], [37.90, 112.55]]
    assert summary["gathering"] is None

    call(qtbot, view, "patchRoute", {"remove": ["b", "c"]})
    summary = route_summary(qtbot, view)
    assert summary["line"] == [] and [s["name"] for s in summary["stops"]] == ["站1"]
    assert summary["layers"] == 1  # one stop marker, no line left behind


def test_a_stop_problem_and_name_reach_the_marker_as_text(qtbot, view) -> None:
    evil = stop("a", 1, 37.88) | {"name": "<img src=x onerror=alert(1)>", "problem": "closed"}
    call(qtbot, view, "setRoute", {"gathering": GATE, "stops": [evil], "returns": False})
    summary = route_summary(qtbot, view)
    assert summary["stops"] == [
        {"name": "<img src=x onerror=alert(1)>", "number": "1", "problem": "closed"}
    ]
    assert evaluate(qtbot, view, "document.querySelectorAll('.ht-stop-closed').length") == 1
    assert evaluate(qtbot, view, "document.querySelectorAll('img[src=x]').length") == 0


# ---- the site markers -------------------------------------------------------------------------


def test_markers_are_drawn_for_valid_sites_only_and_show_names_as_text(qtbot, view) -> None:
    sites = [
        site(1, "八路军驻晋办事处旧址"),
        site(2, "<b>粗</b> & 旧址", lat=37.9),
        {"id": 3, "name": "无坐标", "lat": None, "lon": 112.5},
        {"id": "4", "name": "编号不是数字", "lat": 37.8, "lon": 112.5},
    ]
    assert call(qtbot, view, "setSites", sites) == 2
    state = json.loads(call(qtbot, view, "state"))
    assert sorted(state["markerIds"]) == [1, 2] and state["pinsInDom"] == 2
    labels = evaluate(
        qtbot,
        view,
        "JSON.stringify(Array.from(document.querySelectorAll('.ht-label'), n => n.textContent))",
    )
    assert sorted(json.loads(labels)) == sorted(["八路军驻晋办事处旧址", "<b>粗</b> & 旧址"])
    assert evaluate(qtbot, view, "document.querySelectorAll('.ht-label b').length") == 0
    assert "<b>粗</b> & 旧址" in call(qtbot, view, "popupText", 2)

    assert call(qtbot, view, "highlight", 2, False) is True
    assert json.loads(call(qtbot, view, "state"))["selected"] == 2
    assert call(qtbot, view, "highlight", 99, False) is False
    assert call(qtbot, view, "updateSite", site(1, "改名", lat=37.95)) is True
    assert json.loads(call(qtbot, view, "markerLatLng", 1)) == [37.95, 112.55]
    assert call(qtbot, view, "updateSite", {"id": 5, "lat": "x", "lon": 1}) is False
    call(qtbot, view, "removeSite", 1)
    assert json.loads(call(qtbot, view, "state"))["markerIds"] == [2]
    assert call(qtbot, view, "markerLatLng", 1) == "null"


def test_many_sites_come_as_one_list_per_field_and_a_ragged_one_draws_nothing(qtbot, view) -> None:
    from hongtu.qt.site_markers import marker_columns

    sites = [site(n, f"集合点{n}", lat=37.8 + n / 1000) for n in range(1, 201)]
    assert call(qtbot, view, "setSites", marker_columns(sites)) == 200
    state = json.loads(call(qtbot, view, "state"))
    assert state["markerIds"] == list(range(1, 201)) and state["dense"] is True
    assert "集合点7" in call(qtbot, view, "popupText", 7)
    ragged = marker_columns(sites)
    ragged["lat"] = ragged["lat"][:-1]
    assert call(qtbot, view, "setSites", ragged) == 0
    assert call(qtbot, view, "setSites", {"id": "1"}) == 0


# ---- messages to Python -----------------------------------------------------------------------


def test_clicks_on_a_marker_its_popup_and_the_map_reach_the_bridge(qtbot, view) -> None:
    call(qtbot, view, "setSites", [site(7, "太原解放纪念馆")])
    bridge = view.bridge
    with qtbot.waitSignal(bridge.site_clicked, timeout=MAP_TIMEOUT_MS) as clicked:
        assert call(qtbot, view, "clickMarker", 7) is True
    assert clicked.args == [7]
    assert call(qtbot, view, "clickMarker", 8) is False  # no such marker: nothing is sent

    with qtbot.waitSignal(bridge.add_stop_requested, timeout=MAP_TIMEOUT_MS) as added:
        assert evaluate(qtbot, view, "document.querySelector('.ht-popup-add').click(); 1") == 1
    assert added.args == [7]

    click = """(function () {
        var box = document.querySelector('.leaflet-container').getBoundingClientRect();
        var at = {bubbles: true, cancelable: true,  // clear of the controls and markers
                  clientX: box.left + box.width * 0.8, clientY: box.top + box.height * 0.3};
        var target = document.elementFromPoint(at.clientX, at.clientY);
        target.dispatchEvent(new MouseEvent('click', at));
        return target.className;
    })()"""
    with qtbot.waitSignal(bridge.map_clicked, timeout=MAP_TIMEOUT_MS) as clicked_map:
        evaluate(qtbot, view, click)
    lat, lon = clicked_map.args
    assert 30 < lat < 45 and 105 < lon < 120  # somewhere on the Taiyuan map


def test_a_malformed_message_from_the_page_is_rejected(qtbot, view) -> None:
    send = """new QWebChannel(qt.webChannelTransport, function (channel) {
        channel.objects.bridge.receive(JSON.stringify({type: "site_clicked", id: -1}));
    }); 1"""
    bridge = view.bridge
    clicked: list[int] = []
    bridge.site_clicked.connect(clicked.append)
    with qtbot.waitSignal(bridge.message_rejected, timeout=MAP_TIMEOUT_MS) as rejected:
        evaluate(qtbot, view, send)
    assert '"id":-1' in rejected.args[0] and clicked == []


# ---- what the mouse reaches -------------------------------------------------------------------


def mouse_click(view: MapView, x: float, y: float) -> None:
    """A real click (Chromium's own input events), at a point of the page."""
    target = view.focusProxy() or view
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


def pin_centre(qtbot: Any, view: MapView, site_id: int) -> tuple[float, float]:
    centre = evaluate(
        qtbot,
        view,
        "JSON.stringify((function (m) { var r = m.getBoundingClientRect();"
        f" return [r.left + r.width / 2, r.top + r.height / 2]; }})"
        f"(document.querySelector('.leaflet-marker-icon[title=\"{site_id}号\"]')))",
    )
    x, y = json.loads(centre)
    return x, y


def test_a_dimmed_marker_lies_below_the_found_one_and_takes_no_click(qtbot, view) -> None:
    # Two sites on one spot, the later one drawn on top; the search finds the one below.
    call(qtbot, view, "setSites", [site(1, "1号"), site(2, "2号")])
    assert call(qtbot, view, "markerOnTop", 2)
    call(qtbot, view, "hideSites", {"hide": [2], "show": []})
    assert call(qtbot, view, "markerOnTop", 1)  # the one found is on top, and the one clicked
    x, y = pin_centre(qtbot, view, 1)
    bridge = view.bridge
    clicked: list[int] = []
    bridge.site_clicked.connect(clicked.append)
    with qtbot.waitSignal(bridge.site_clicked, timeout=MAP_TIMEOUT_MS):
        mouse_click(view, x, y)
    assert clicked == [1]

    # alone on its spot, a dimmed marker lets the click through to the map
    call(qtbot, view, "hideSites", {"hide": [1], "show": []})
    with qtbot.waitSignal(bridge.map_clicked, timeout=MAP_TIMEOUT_MS):
        mouse_click(view, x, y)
    assert clicked == [1]
    assert call(qtbot, view, "clickMarker", 1) is True  # (the keyboard's way: Enter on it)
    call(qtbot, view, "hideSites", {"hide": [], "show": [1, 2]})
    with qtbot.waitSignal(bridge.site_clicked, timeout=MAP_TIMEOUT_MS) as again:
        mouse_click(view, x, y)
    assert again.args == [2] and clicked == [1, 2]  # found again: on top and clickable


def test_a_click_inside_a_district_leaves_no_focus_ring_round_its_outline(qtbot, view) -> None:
    call(qtbot, view, "setSites", [site(1, "高君宇故居")])
    qtbot.waitUntil(lambda: state(qtbot, view)["outlinesInDom"] >= 10, timeout=MAP_TIMEOUT_MS)
    spot = evaluate(  # a point of the map where the mouse meets an outline (no marker there)
        qtbot,
        view,
        """JSON.stringify((function () {
            var box = document.querySelector('.leaflet-container').getBoundingClientRect();
            for (var fx = 0.3; fx < 0.95; fx += 0.05) {
              for (var fy = 0.2; fy < 0.8; fy += 0.05) {
                var x = box.left + box.width * fx, y = box.top + box.height * fy;
                var hit = document.elementFromPoint(x, y);
                if (hit && hit.tagName === 'path') { return [x, y]; }
              }
            }
            return null;
        })())""",
    )
    x, y = json.loads(spot)
    with qtbot.waitSignal(view.bridge.map_clicked, timeout=MAP_TIMEOUT_MS):
        mouse_click(view, x, y)
    focused = evaluate(
        qtbot,
        view,
        "JSON.stringify([document.activeElement.tagName,"
        " document.activeElement.classList.contains('leaflet-container')])",
    )
    tag, on_the_map = json.loads(focused)
    assert tag.lower() != "path" and on_the_map  # the map keeps the keys (arrows pan it)


# ---- clusters -----------------------------------------------------------------------------------


def test_clusters_look_unlike_plan_stops_and_the_legend_explains_them(qtbot, view) -> None:
    legend = {
        "title": "图例",
        "items": [
            {"kind": "cluster", "text": "几个地点聚在一起（数字是个数），点击放大"},
            {"kind": "stop", "text": "方案站点（按顺序编号）"},
        ],
    }
    call(qtbot, view, "setLegend", legend)
    call(qtbot, view, "setSites", [site(1, "高君宇故居")])
    assert state(qtbot, view)["legend"] == ["方案站点（按顺序编号）"]  # no clusters: no row

    crowd = [site(n, f"集合点{n}", lat=37.87 + n / 100000) for n in range(1, 201)]
    call(qtbot, view, "setSites", crowd)
    call(qtbot, view, "setRoute", {"gathering": None, "stops": [stop("a", 2, 37.88)]})
    call(qtbot, view, "setView", 37.875, 112.55, 12)
    shown = state(qtbot, view)
    assert shown["clusters"] > 0
    assert shown["legend"] == ["几个地点聚在一起（数字是个数），点击放大", "方案站点（按顺序编号）"]
    looks = json.loads(
        evaluate(
            qtbot,
            view,
            """JSON.stringify(['.leaflet-marker-pane .ht-cluster',
                                '.leaflet-marker-pane .ht-stop-number',
                                '.ht-legend .ht-cluster'].map(function (sel) {
                var s = getComputedStyle(document.querySelector(sel));
                return [s.backgroundColor, s.borderTopLeftRadius, s.color];
            }))""",
        )
    )
    cluster, plan_stop, in_legend = looks
    assert cluster[0] != plan_stop[0]  # another colour
    assert cluster[1] != plan_stop[1]  # another shape (not a disc)
    assert in_legend[0] == cluster[0]  # the legend's swatch as the map draws them
