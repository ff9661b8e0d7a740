"""Settings: typed, saved atomically as JSON, forgiving on read, and never leaking the keys."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest

from hongtu.core import paths
from hongtu.core.basemaps import BaseMapId
from hongtu.core.plans import TransportMode
from hongtu.core.routing import TravelSettings
from hongtu.core.settings import (
    Settings,
    load_settings,
    save_settings,
    settings_file,
    with_keys_hidden,
)
from hongtu.core.warnings import DEFAULT_MAX_DAY_MINUTES

TIANDITU_KEY = "tdt0123456789abcdefSECRET"
BAIDU_KEY = "bd9876543210fedcbaSECRET"


def configured() -> Settings:
    return Settings(
        base_map=BaseMapId.TIANDITU,
        tianditu_key=TIANDITU_KEY,
        baidu_key=BAIDU_KEY,
        transport_mode=TransportMode.WALK,
        travel=dataclasses.replace(TravelSettings(), coach_kmh=30.0, coach_boarding_minutes=15),
        max_day_minutes=480,
        language="en",
    )


def test_missing_file_gives_the_defaults_which_reuse_the_planners() -> None:
    settings = load_settings()
    assert settings == Settings()
    assert settings.base_map is BaseMapId.NONE
    assert settings.travel == TravelSettings()
    assert settings.max_day_minutes == DEFAULT_MAX_DAY_MINUTES


def test_round_trip_through_the_config_folder() -> None:
    save_settings(configured())
    assert settings_file().parent == paths.config_dir()
    assert load_settings() == configured()
    assert [p.name for p in paths.config_dir().iterdir()] == ["settings.json"]  # no temp left


def test_invalid_and_unknown_values_fall_back_one_by_one(caplog) -> None:
    data = {
        "base_map": "google",
        "tianditu_key": 12345,
        "baidu_key": BAIDU_KEY,
        "transport_mode": "rocket",
        "travel": {"coach_kmh": -5},
        "max_day_minutes": "long",
        "language": "en",
        "colour": "red",
    }
    settings_file().write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = load_settings()
    assert settings == Settings(baidu_key=BAIDU_KEY, language="en")
    text = caplog.text
    for name in ("base_map", "tianditu_key", "transport_mode", "travel", "max_day_minutes"):
        assert repr(name) in text
    assert "colour" in text
    assert "12345" not in text and "google" not in text  # values are not logged


def test_a_travel_block_keeps_valid_fields_typed() -> None:
    settings_file().write_text(json.dumps({"travel": {"walk_kmh": 3, "cars_boarding_minutes": 5}}))
    travel = load_settings().travel
    assert travel.walk_kmh == 3.0 and isinstance(travel.walk_kmh, float)
    assert travel.cars_boarding_minutes == 5 and travel.coach_kmh == TravelSettings().coach_kmh


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null"])
def test_a_broken_file_gives_defaults(text) -> None:
    settings_file().write_text(text, encoding="utf-8")
    assert load_settings() == Settings()


def test_keys_never_reach_repr_logs_or_exports(caplog) -> None:
    settings = configured()
    assert TIANDITU_KEY not in repr(settings) and BAIDU_KEY not in repr(settings)
    assert TIANDITU_KEY not in str(settings)
    hidden = json.dumps(with_keys_hidden(settings))
    assert TIANDITU_KEY not in hidden and BAIDU_KEY not in hidden
    with caplog.at_level(logging.DEBUG):
        save_settings(settings)
        load_settings()
        logging.getLogger("hongtu").info("settings now %s", settings)
    assert TIANDITU_KEY not in caplog.text and BAIDU_KEY not in caplog.text


@pytest.mark.gui
def test_the_dialog_edits_what_it_shows_and_keeps_the_rest(qtbot) -> None:
    from hongtu.qt.settings_dialog import SettingsDialog

    dialog = SettingsDialog(configured())
    qtbot.addWidget(dialog)
    assert dialog.tianditu_key.text() == TIANDITU_KEY
    dialog.base_map.setCurrentIndex(dialog.base_map.findData("amap"))
    dialog.speeds["walk_kmh"].setValue(3.5)
    dialog.buffers["coach_boarding_minutes"].setValue(20)
    dialog.max_day.setValue(540)
    result = dialog.settings()
    assert result.base_map is BaseMapId.AMAP
    assert result.travel.walk_kmh == 3.5 and result.travel.coach_boarding_minutes == 20
    assert result.travel.road_detour == TravelSettings().road_detour
    assert result.max_day_minutes == 540 and result.baidu_key == BAIDU_KEY


@pytest.mark.gui
@pytest.mark.webengine
def test_base_map_switch_in_the_window_is_logged_without_the_key(qtbot, tmp_path, caplog) -> None:
    from gui_helpers import close_main_window
    from map_helpers import open_window_unregistered

    save_settings(dataclasses.replace(configured(), base_map=BaseMapId.NONE))
    window, controller = open_window_unregistered(qtbot, str(tmp_path / "s.sqlite3"))
    try:
        with caplog.at_level(logging.DEBUG):
            original = window.map_controller.view.call
            calls: list[str] = []
            window.map_controller.view.call = lambda f, *a, **k: calls.append(f)  # no tiles
            assert window.site_editing.switch_base_map(BaseMapId.TIANDITU)
            window.map_controller.view.call = original
        assert "setBaseMap" in calls
        assert TIANDITU_KEY not in caplog.text
        assert load_settings().base_map is BaseMapId.TIANDITU
    finally:
        close_main_window(window, controller)


@pytest.mark.gui
def test_every_speed_and_boarding_box_is_shown_whole(qtbot, lang) -> None:
    """The speeds are a grid (mode × 市区 / 城际 / 上车集合) above a wrapped note; shown at its
    minimum size, the dialog squeezed the grid's boxes to half their height."""
    from hongtu.qt.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    boxes = [box for box, _limits in dialog.number_ranges()]
    assert len(boxes) == 13  # 4 urban, 3 intercity, 4 boarding, the urban km, the longest day
    for box in boxes:
        assert box.isVisible() and box.height() >= box.sizeHint().height(), box.accessibleName()
