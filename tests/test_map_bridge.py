"""Every message that crosses the web bridge is validated; JS arguments are never spliced text."""

from __future__ import annotations

import json

import pytest

from hongtu.qt.mapview import MapBridge, js_literal, parse_bridge_message


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        json.dumps(["site_clicked", 3]),
        json.dumps({"type": "site_clicked"}),
        json.dumps({"type": "site_clicked", "id": "3"}),
        json.dumps({"type": "site_clicked", "id": True}),
        json.dumps({"type": "site_clicked", "id": -1}),
        json.dumps({"type": "site_clicked", "id": 3, "extra": 1}),
        json.dumps({"type": "run_python", "code": "import os"}),
        json.dumps({"type": "map_clicked", "lat": 95, "lon": 112}),
        '{"type": "map_clicked", "lat": NaN, "lon": 112}',
        json.dumps({"type": "tiles_failed", "provider": "x" * 500}),
        json.dumps({"type": "site_clicked", "id": 3, "pad": "x" * 5000}),
    ],
)
def test_malformed_messages_are_rejected(text: str) -> None:
    assert parse_bridge_message(text) is None


def test_well_formed_messages_are_accepted_and_typed() -> None:
    assert parse_bridge_message('{"type": "site_clicked", "id": 7}') == {
        "type": "site_clicked", "id": 7}
    message = parse_bridge_message('{"type": "map_clicked", "lat": 37, "lon": 112.5}')
    assert message == {"type": "map_clicked", "lat": 37.0, "lon": 112.5}
    assert isinstance(message["lat"], float)


def test_bridge_emits_only_for_valid_messages(qtbot) -> None:
    bridge = MapBridge()
    with qtbot.waitSignal(bridge.site_clicked) as blocker:
        bridge.receive('{"type": "site_clicked", "id": 4}')
    assert blocker.args == [4]
    with qtbot.waitSignal(bridge.message_rejected), qtbot.assertNotEmitted(bridge.site_clicked):
        bridge.receive('{"type": "site_clicked", "id": "4; alert(1)"}')


def test_js_literal_cannot_break_out_of_a_script() -> None:
    hostile = '</script><script>alert("x")</script>\u2028'
    literal = js_literal({"name": hostile})
    assert "</script>" not in literal and "<" not in literal and "\u2028" not in literal
    assert json.loads(literal) == {"name": hostile}


def test_a_map_page_leaves_the_web_profile_to_no_page(qtbot) -> None:
    """Loading the map installs the offline-tiles handler on the web profile, which outlives
    every page: asked for through ``page().profile()``, PySide made the profile's wrapper the
    page's child, and the page goes with its window (as screens did with dialogs)."""
    import shiboken6
    from PySide6.QtWebEngineCore import QWebEngineProfile

    from hongtu.core.mappage import map_page
    from hongtu.qt.mapview import MapView, delete_now

    view = MapView()
    try:
        view.load_page(map_page())
        assert "parent" not in shiboken6.dump(QWebEngineProfile.defaultProfile())
    finally:
        delete_now(view)
