"""A 天地图 or 百度 key that cannot be one is refused in 设置 with what a key looks like; one
saved earlier is named as malformed (not as missing) when the map cannot use it."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from gui_helpers import close_main_window, open_main_window
from hongtu.core.basemaps import BaseMapId
from hongtu.core.settings import Settings, load_settings, save_settings
from hongtu.qt import messages
from hongtu.qt.settings_dialog import SettingsDialog

BAD_KEY = "bad key <b>x</b> \"'"
GOOD_KEY = "0123456789abcdef0123456789abcdef"


def press_save(dialog: SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.gui
@pytest.mark.parametrize("field", ["tianditu_key", "baidu_key"])
def test_a_malformed_key_is_refused_and_the_dialog_stays_open(qtbot, monkeypatch, field) -> None:
    said: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: said.append(text))
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    edit = getattr(dialog, field)
    edit.setFocus()
    QTest.keyClicks(edit, BAD_KEY)
    press_save(dialog)
    assert dialog.isVisible() and dialog.result() != SettingsDialog.DialogCode.Accepted
    assert len(said) == 1 and "格式不正确" in said[0] and "8–128 个字母、数字" in said[0]
    assert BAD_KEY not in said[0]  # a key is never repeated in a message
    edit.selectAll()
    QTest.keyClicks(edit, GOOD_KEY)
    press_save(dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert getattr(dialog.settings(), field) == GOOD_KEY


@pytest.mark.gui
def test_an_empty_key_may_be_saved(qtbot) -> None:
    dialog = SettingsDialog(Settings(tianditu_key=GOOD_KEY))
    qtbot.addWidget(dialog)
    dialog.tianditu_key.clear()
    press_save(dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


@pytest.mark.gui
@pytest.mark.webengine
def test_a_malformed_key_saved_earlier_is_named_as_such(qtbot, tmp_path) -> None:
    save_settings(Settings(base_map=BaseMapId.TIANDITU, tianditu_key=BAD_KEY))
    window, controller = open_main_window(qtbot, str(tmp_path / "keys.sqlite3"))
    try:
        qtbot.waitUntil(lambda: load_settings().base_map is BaseMapId.NONE, timeout=10_000)
        message = window.statusBar().currentMessage()
        assert "天地图密钥格式不正确" in message and "需要密钥" not in message
    finally:
        close_main_window(window, controller)


def test_a_download_with_a_malformed_key_says_so() -> None:
    from hongtu.core.basemaps import KeyProblem, MissingKeyError
    from hongtu.qt.offline_download import failure_text

    malformed = failure_text(MissingKeyError(BaseMapId.TIANDITU, KeyProblem.MALFORMED))
    missing = failure_text(MissingKeyError(BaseMapId.TIANDITU, KeyProblem.MISSING))
    assert "格式不正确" in malformed and "需要密钥" in missing
