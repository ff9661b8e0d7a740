"""Secrets stay secret: after using every provider with a distinctive fake key, no file the app
wrote (logs, crash report, exports, database) holds a key, except the settings file that keeps
them. Also ``redact`` itself, on its own."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factories import make_plan
from hongtu.core import secrets
from hongtu.core.basemaps import BASE_MAPS, BaseMapId
from hongtu.core.exports import ExportFormat
from hongtu.core.geocoding import GeocodeError, baidu_service
from hongtu.core.settings import Settings, load_settings, save_settings, settings_file
from hongtu.core.workspace import open_workspace

TIANDITU_KEY = "TdtFakeKey0123456789abcdefXYZ"
BAIDU_KEY = "BaiduFakeKey9876543210zyxwvQ"
KEYS = (TIANDITU_KEY, BAIDU_KEY)


@contextmanager
def app_log() -> Iterator[None]:
    """The app's own log file (hongtu.log under HONGTU_HOME), at its most talkative; and no
    key known from another test."""
    from hongtu.qt.app import configure_logging

    secrets.forget_all()
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    configure_logging()
    root.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        secrets.forget_all()


class FailingBaidu:
    """A geocoder transport that fails the way geopy does: quoting the request URL."""

    def geocode(self, query: str, **_kwargs: object) -> object:
        from geopy.exc import GeocoderQueryError

        raise GeocoderQueryError(
            f"Non-successful status code 401 for https://api.map.baidu.com/geocoding/v3/"
            f"?ak={BAIDU_KEY}&address={query}&output=json"
        )


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


@pytest.mark.gui
def test_no_key_in_any_file_the_app_writes(qtbot, hongtu_home, tmp_path, monkeypatch) -> None:
    with app_log():
        use_every_provider(qtbot, hongtu_home, tmp_path, monkeypatch)


def use_every_provider(qtbot, hongtu_home, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hongtu.cli import main
    from hongtu.qt import crash, crash_dialog
    from hongtu.qt.mainwindow import MainWindow
    from hongtu.qt.mapview import delete_now

    save_settings(Settings(tianditu_key=TIANDITU_KEY, baidu_key=BAIDU_KEY))  # settings save
    settings = load_settings()

    window = MainWindow()  # base map switch through the map controller
    try:
        window.map_controller.set_base_map(BASE_MAPS[BaseMapId.TIANDITU], settings.tianditu_key)
        tile = f"https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&tk={TIANDITU_KEY}"
        window.map_view.bridge.receive(json.dumps({"type": "tile_error", "url": tile}))  # logged
        window.map_controller.fall_back_to_offline()
    finally:
        window.close()
        delete_now(window)

    service = baidu_service(settings.baidu_key, geocoder=FailingBaidu())  # geocoding error
    with pytest.raises(GeocodeError) as failed:
        service.geocode("太原市迎泽区")
    try:
        raise failed.value
    except GeocodeError:
        logging.getLogger("hongtu.test").exception("geocoding failed")  # a traceback, chained

    shown: list[str] = []  # a crash report: the installed hook, its log file and its dialog
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", lambda dialog: shown.append(
        dialog.report.toPlainText()) or 0)
    saved_hook = sys.excepthook
    crash.install_excepthook()
    try:
        error = failed.value
        sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = saved_hook
    assert shown and not any(key in shown[0] for key in KEYS)
    assert secrets.MASK in shown[0]  # the key was there, and was hidden

    db = str(hongtu_home / "plans.sqlite3")  # an export of every format
    workspace = open_workspace(db)
    plan = workspace.plans.save(make_plan([]))
    workspace.close()
    exports = tmp_path / "exports"
    exports.mkdir()
    for fmt in ExportFormat:
        assert main(["--db", db, "plans", "export", str(plan.id), "--format", fmt.value,
                     "--output", str(exports / f"plan-{fmt.value}{fmt.suffix}")]) == 0

    written = files_under(hongtu_home, exports)
    assert any(p.name == "hongtu.log" for p in written)
    assert any(p.name.startswith("crash-") for p in written)
    assert len(list(exports.iterdir())) == len(ExportFormat)
    leaks = [
        str(path) for path in written
        if path != settings_file() and any(key.encode() in path.read_bytes() for key in KEYS)
    ]  # fmt: skip
    assert leaks == []
    assert all(key.encode() in settings_file().read_bytes() for key in KEYS)  # kept there only


def test_redact_masks_known_keys_and_key_parameters() -> None:
    secrets.forget_all()
    secrets.remember("Abcdefgh12345678", "", None, "abc")
    text = "GET https://x.example/t?tk=Abcdefgh12345678&z=3 ak=zzzzzzzz9 Abcdefgh12345678 key=v"
    masked = secrets.redact(text)
    assert "Abcdefgh12345678" not in masked and "zzzzzzzz9" not in masked
    assert "tk=***" in masked and "ak=***" in masked and "z=3" in masked
    assert secrets.redact("abc 甲乙丙") == "abc 甲乙丙"  # too short to be a key: left alone


def test_the_cli_hides_a_known_key_even_in_an_error_message(tmp_path, capsys) -> None:
    from hongtu.cli.common import say

    secrets.remember(BAIDU_KEY)
    try:
        say(f"错误：服务拒绝了请求 {BAIDU_KEY}", error=True)
    finally:
        secrets.forget_all()
    assert BAIDU_KEY not in capsys.readouterr().err


# The pattern as first written: the one in ``secrets`` must mask exactly what this one masks.
_REFERENCE = re.compile(
    r"(?i)(?<![A-Za-z0-9_])((?:ak|tk|sk|key|apikey|api_key|access_token|token)=)[^&\s\"'<>#]+"
)
_URL_PIECES = st.sampled_from(
    ["tk=", "TK=", "ak=", "sk=", "key=", "apikey=", "Api_Key=", "access_token=", "token=", "x",
     "_", "9", "?", "&", "#", " ", "=", "'", "a", "k", "t", "s", "天地图", "abc123", "\n"]
)  # fmt: skip


@given(st.lists(_URL_PIECES | st.text(max_size=3), max_size=30).map("".join))
def test_key_parameters_are_masked_exactly_as_the_pattern_defines(text: str) -> None:
    secrets.forget_all()  # no registered key: only the pattern masks
    expected = _REFERENCE.sub(lambda match: match.group(1) + secrets.MASK, text)
    assert secrets.redact(text) == expected
