"""Offline map packages in the window (issue 13, item 2): 下载离线地图 from a tile server the test
starts on 127.0.0.1 (choose the area, start, cancel, continue, finish), then the package drawn
with no server at all after a restart; 管理离线地图: export, import into a fresh data folder,
a malformed file refused. Every wait is on a signal or a condition, never a sleep."""

from __future__ import annotations

import dataclasses
import json
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, map_state, open_main_window, run_js
from hongtu.core import paths
from hongtu.core.basemaps import BASE_MAPS, BaseMapId, TileLayerSpec
from hongtu.core.geo import Crs
from hongtu.core.secrets import forget_all
from hongtu.core.settings import load_settings
from hongtu.core.tilepack import area
from hongtu.core.tilepack.download import Politeness
from hongtu.core.tilepack.mbtiles import MBTiles
from hongtu.core.tilepack.packages import list_packages, package_path, packages_dir
from hongtu.qt import messages
from hongtu.qt.offline_download import DownloadDialog
from hongtu.qt.offline_packages import PackagesDialog
from journey_helpers import ime_type
from map_helpers import LOCAL_SCHEMES, REFUSED_TEMPLATE, recorded_map_window
from tile_server import TileServer, allow_loopback, serve_tiles, tile_bytes

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

FAST = Politeness(workers=2, min_interval=0.0, retries=1, backoff=0.0, timeout=5.0)
COUNTY = "杏花岭区"
ATTRIBUTION = "© 测试瓦片服务"


@pytest.fixture
def tile_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[TileServer]:
    forget_all()
    allow_loopback(monkeypatch)
    with serve_tiles() as server:
        yield server
        server.release.set()


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window, controller = open_main_window(qtbot, str(tmp_path / "offline.sqlite3"))
    assert window.offline_maps is not None
    window.offline_maps.politeness = FAST
    yield window
    close_main_window(window, controller)


def tile_loads(qtbot, window) -> int:  # type: ignore[no-untyped-def]
    return int(json.loads(run_js(qtbot, window, "tileStats"))["loads"])


def choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry of a closed combo box with the keyboard: Home, then ↓ until it shows."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text} is not offered: {combo.currentText()}")


def type_number(spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, str(value))
    QTest.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.value() == value


def fill_in(dialog: DownloadDialog, server_url: str, low: int = 11, high: int = 12) -> None:
    choose(dialog.area_combo, COUNTY)
    type_number(dialog.max_zoom, high)
    type_number(dialog.min_zoom, low)
    choose(dialog.provider_combo, "本单位")
    QTest.keyClicks(dialog.url_edit, server_url)
    ime_type(dialog.attribution_edit, ATTRIBUTION)


def expected_tiles(low: int = 11, high: int = 12) -> int:
    return area.estimate(area.tile_ranges(area.county_bbox(COUNTY), low, high)).tiles


def click(button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


# ---- 下载离线地图 ------------------------------------------------------------------------------


def test_download_cancel_continue_finish_then_drawn_offline_after_a_restart(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forget_all()
    allow_loopback(monkeypatch)
    total = expected_tiles()
    with serve_tiles() as server:
        window, controller = open_main_window(qtbot, str(tmp_path / "online.sqlite3"))
        try:
            assert window.offline_maps is not None
            window.offline_maps.politeness = FAST
            window.offline_maps.download_action.trigger()
            dialog = window.offline_maps.download_dialog
            assert dialog is not None and dialog.isVisible()
            fill_in(dialog, server.url)
            # the size is known before anything is fetched
            assert f"约 {total} 个瓦片" in dialog.estimate_label.text()
            assert server.requests == [] and not dialog.use_button.isEnabled()
            name = dialog.name_edit.text()
            assert name.startswith(COUNTY)

            server.hold_after = 3  # three tiles come back, then the server stalls
            with qtbot.waitSignal(
                dialog.progressed, timeout=MAP_TIMEOUT_MS, check_params_cb=lambda d, _t: d >= 3
            ):
                click(dialog.start_button)
            assert dialog.running and not dialog.area_combo.isEnabled()
            with qtbot.waitSignal(dialog.finished_download, timeout=MAP_TIMEOUT_MS) as outcome:
                click(dialog.cancel_button)
                server.release.set()
            assert outcome.args == ["cancelled"]
            with MBTiles(package_path(name)) as store:
                kept = store.tile_count()
            assert 3 <= kept < total
            assert f"已下载的 {kept} 个瓦片已保存" in dialog.status.text()
            assert dialog.start_button.text() == "继续下载"

            # 继续下载: only the missing tiles are fetched, each tile exactly once overall
            server.hold_after = None
            with qtbot.waitSignal(dialog.finished_download, timeout=MAP_TIMEOUT_MS) as outcome:
                click(dialog.start_button)
            assert outcome.args == ["done"]
            paths_asked = [r.partition("?")[0] for r in server.requests]
            assert len(paths_asked) == len(set(paths_asked)) == total
            assert "已完成" in dialog.status.text()
            [info] = list_packages()
            assert info.complete and info.tiles == total and info.area == COUNTY
            assert info.provider == "custom" and info.attribution == ATTRIBUTION

            # 用作底图: the page draws the package; the choice is remembered
            click(dialog.use_button)
            qtbot.waitUntil(lambda: tile_loads(qtbot, window) > 0, timeout=MAP_TIMEOUT_MS)
            assert name in window.status_map.text()
            assert load_settings().base_map is BaseMapId.PACKAGE
            assert load_settings().base_package == name
            dialog.close()
        finally:
            close_main_window(window, controller)

    # the network unplugged (no server at all) and a restart: the package is still the base
    # map, drawn through hongtu-tiles:// with its provider's attribution, and nothing else asked
    db = str(tmp_path / "offline.sqlite3")
    with recorded_map_window(qtbot, db) as (window, interceptor):
        qtbot.waitUntil(lambda: tile_loads(qtbot, window) > 0, timeout=MAP_TIMEOUT_MS)
        state = map_state(qtbot, window)
        assert ATTRIBUTION in state["attribution"]
        assert name in window.status_map.text()
        combo = window.site_editing.base_combo
        assert combo.currentData() == f"package:{name}"
    schemes = {url.split(":", 1)[0].lower() for url in interceptor.urls}
    assert any(url.startswith(f"hongtu-tiles://pack/{name}/") for url in interceptor.urls)
    assert schemes <= LOCAL_SCHEMES | {"hongtu-tiles"}, interceptor.urls


def test_an_unfinished_package_continues_from_the_list(
    qtbot, window, tile_server: TileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """高德 (its tiles served on 127.0.0.1 here): closing the dialog mid-download stops it;
    管理离线地图 lists the package as unfinished and 继续下载 fetches only what is missing."""
    amap = BASE_MAPS[BaseMapId.AMAP]
    local = TileLayerSpec(tile_server.url.replace("?key={key}", ""))
    monkeypatch.setitem(BASE_MAPS, BaseMapId.AMAP, dataclasses.replace(amap, layers=(local,)))
    total = area.estimate(
        area.tile_ranges(area.county_bbox(COUNTY).in_crs(Crs.GCJ02), 11, 12)
    ).tiles
    dialog = window.offline_maps.open_download()
    choose(dialog.area_combo, COUNTY)
    type_number(dialog.max_zoom, 12)
    type_number(dialog.min_zoom, 11)
    assert dialog.provider_combo.currentText() == "高德地图"  # the one provider that allows it
    tile_server.hold_after = 2
    with qtbot.waitSignal(
        dialog.progressed, timeout=MAP_TIMEOUT_MS, check_params_cb=lambda d, _t: d >= 2
    ):
        click(dialog.start_button)
    with qtbot.waitSignal(dialog.finished_download, timeout=MAP_TIMEOUT_MS) as outcome:
        dialog.close()  # closing while it runs cancels it; the dialog goes once it stopped
        assert dialog.isVisible()
        tile_server.release.set()
    assert outcome.args == ["cancelled"]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=MAP_TIMEOUT_MS)

    packages = window.offline_maps.open_packages()
    [name] = packages.names()
    assert packages.table.item(0, 6).text() == "未下载完"
    assert packages.table.item(0, 3).text() == "高德地图"
    tile_server.hold_after = None
    click(packages.resume_button)
    resumed = window.offline_maps.download_dialog
    assert resumed is not None and resumed is not dialog and resumed.isVisible()
    assert resumed.area_combo.currentText() == f"地图包“{COUNTY}”的区域"
    assert (resumed.min_zoom.value(), resumed.max_zoom.value()) == (11, 12)
    assert resumed.name_edit.text() == name
    assert resumed.start_button.text() == "继续下载"
    with qtbot.waitSignal(resumed.finished_download, timeout=MAP_TIMEOUT_MS) as outcome:
        click(resumed.start_button)
    assert outcome.args == ["done"]
    asked = [r.partition("?")[0] for r in tile_server.requests]
    assert len(asked) == len(set(asked)) == total
    qtbot.waitUntil(lambda: packages.table.item(0, 6).text() == "完整", timeout=10_000)
    [info] = list_packages()
    assert info.crs is Crs.GCJ02 and info.attribution == amap.attribution
    resumed.close()
    packages.close()


def free_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("situation", "words"),
    [
        ("offline", "无法连接到瓦片服务器"),
        ("refused", "服务商拒绝了下载（HTTP 403）"),
        ("http", "瓦片服务器返回错误（HTTP 503）"),
        ("timeout", "超时"),
    ],
)
def test_a_failed_download_says_why_in_plain_chinese_and_keeps_its_tiles(
    qtbot, window, tile_server: TileServer, situation: str, words: str
) -> None:
    url = tile_server.url
    if situation == "offline":
        url = f"http://127.0.0.1:{free_port()}/{{z}}/{{x}}/{{y}}.png"
    elif situation in ("refused", "http"):
        tile_server.fail_status = 403 if situation == "refused" else 503
        tile_server.fail_first = 1_000
    else:
        tile_server.hold_after = 0  # nothing answers until the test is over
        window.offline_maps.politeness = Politeness(
            workers=1, min_interval=0.0, retries=0, backoff=0.0, timeout=0.3
        )
    dialog = window.offline_maps.open_download()
    fill_in(dialog, url, 11, 11)
    with qtbot.waitSignal(dialog.finished_download, timeout=MAP_TIMEOUT_MS) as outcome:
        click(dialog.start_button)
    assert outcome.args == ["failed"]
    text = dialog.status.text()
    assert words in text
    # nothing was fetched: no tiles are said to be kept, and the button named is the one shown
    assert dialog.start_button.text() == "开始下载" and "“开始下载”" in text
    assert "继续下载" not in text and "已保存" not in text
    assert "127.0.0.1" not in text and str(tile_server.port) not in text  # never the URL
    assert dialog.start_button.isEnabled() and not dialog.running
    dialog.close()


def test_providers_whose_terms_forbid_it_cannot_be_chosen_for_download(qtbot, window) -> None:
    dialog = window.offline_maps.open_download()
    choose(dialog.provider_combo, "OpenStreetMap")
    assert "不允许批量下载" in dialog.estimate_label.text()
    assert not dialog.start_button.isEnabled()
    choose(dialog.provider_combo, "天地图")
    assert not dialog.start_button.isEnabled()
    choose(dialog.provider_combo, "高德地图")
    assert dialog.start_button.isEnabled()
    assert "个瓦片" in dialog.estimate_label.text()
    dialog.close()


def test_the_area_around_the_open_plan_is_offered(qtbot, window) -> None:
    ui = window.plan_ui
    ui.plan_list.create_plan()
    site = next(s for s in window.sites() if s.position is not None)
    assert ui.add_site(site.id)
    dialog = window.offline_maps.open_download()
    texts = [dialog.area_combo.itemText(i) for i in range(dialog.area_combo.count())]
    around = [t for t in texts if t.startswith("当前方案")]
    assert around, texts
    dialog.area_combo.setCurrentIndex(texts.index(around[0]))
    city = area.estimate(area.tile_ranges(area.taiyuan_bbox(), 10, 15)).tiles
    shown = int(dialog.estimate_label.text().split("约 ")[1].split(" 个")[0])
    assert 0 < shown < city
    dialog.close()


# ---- 管理离线地图 ------------------------------------------------------------------------------


def make_package(
    name: str = "城区",
    attribution: str = "© 高德地图 AutoNavi",
    provider: str = "amap",
    *,
    empty: bool = False,
) -> None:
    """A package of 太原's centre at zooms 10–12; ``empty``: a download that fetched nothing."""
    box = area.BBox(112.40, 37.70, 112.75, 38.00)
    with MBTiles(package_path(name), create=True) as store:
        if empty:
            store.set_metadata({"name": name, "format": "png", "hongtu_complete": "0"})
            return
        store.set_metadata(
            {
                "name": name,
                "format": "png",
                "minzoom": "10",
                "maxzoom": "12",
                "bounds": box.bounds_text(),
                "attribution": attribution,
                "provider": provider,
                "crs": Crs.GCJ02.value,
                "hongtu_area": "太原市",
            }
        )
        store.put_tiles(
            (z, x, y, tile_bytes(z, x, y))
            for r in area.tile_ranges(box.in_crs(Crs.GCJ02), 10, 12)
            for z, x, y in r.tiles()
        )


def wait_message(qtbot, dialog: PackagesDialog, action) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.message_shown, timeout=MAP_TIMEOUT_MS) as shown:
        action()
    return str(shown.args[0])


def test_export_then_import_into_a_fresh_data_folder_draws_the_package(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_package()
    exported = tmp_path / "usb" / "城区.mbtiles"
    exported.parent.mkdir()
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        dialog = window.offline_maps.open_packages()
        assert dialog.names() == ["城区"]
        row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
        assert row[:4] == ["城区", "太原市", "10–12", "高德地图"] and row[6] == "完整"
        assert row[4].endswith(("KB", "MB")) and row[5][:2] == "20"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(exported), ""))
        )
        text = wait_message(qtbot, dialog, lambda: click(dialog.export_button))
        assert "已导出" in text and exported.is_file()
        dialog.close()
    finally:
        close_main_window(window, controller)

    # another PC (a fresh data folder): import the file, it is listed and drawn
    paths.set_home(tmp_path / "intranet-pc")
    assert list_packages() == []
    window, controller = open_main_window(qtbot, str(tmp_path / "b.sqlite3"))
    try:
        dialog = window.offline_maps.open_packages()
        assert dialog.names() == [] and dialog.empty.isVisible()
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(exported), ""))
        )
        text = wait_message(qtbot, dialog, lambda: click(dialog.import_button))
        assert "已导入" in text and dialog.names() == ["城区"]
        combo = window.site_editing.base_combo
        assert combo.findData("package:城区") >= 0  # the toolbar offers it at once
        text = wait_message(qtbot, dialog, lambda: click(dialog.use_button))
        assert "城区" in text
        qtbot.waitUntil(lambda: tile_loads(qtbot, window) > 0, timeout=MAP_TIMEOUT_MS)
        state = map_state(qtbot, window)
        assert "高德地图" in state["attribution"] and "审图号" in state["attribution"]
        assert window.map_controller.crs is Crs.GCJ02  # the sites move onto the GCJ-02 tiles
        assert "当前底图" in dialog.table.item(0, 6).text()

        # delete: the map goes back to no base map and the choice is forgotten
        monkeypatch.setattr(messages, "question", lambda *a, **k: True)
        text = wait_message(qtbot, dialog, lambda: click(dialog.delete_button))
        assert "已删除" in text and dialog.names() == []
        assert not package_path("城区").exists()
        assert window.map_controller.basemap.id is BaseMapId.NONE
        assert load_settings().base_map is BaseMapId.NONE
        assert combo.findData("package:城区") < 0
        dialog.close()
    finally:
        close_main_window(window, controller)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"this is a text file, not a map", "不是离线地图包"),
        (b"", "不是离线地图包"),
        ("sqlite-no-tables", "不是 MBTiles 地图包"),
        ("mbtiles-no-metadata", "缺少名称或图片格式"),
        ("bad-format", "不是 png、jpg 或 webp"),
        ("no-tiles", "没有任何瓦片"),
    ],
)
def test_a_malformed_import_is_refused_naming_the_problem_and_changes_nothing(
    qtbot, window, tmp_path, content: object, problem: str
) -> None:
    make_package("已有")
    source = tmp_path / "坏文件.mbtiles"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        import sqlite3

        db = sqlite3.connect(source)
        if content != "sqlite-no-tables":
            db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
            db.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
        else:
            db.execute("CREATE TABLE other (a)")
        if content == "bad-format":
            db.execute("INSERT INTO metadata VALUES ('name', 'x'), ('format', 'exe')")
        if content == "no-tiles":  # a valid package with nothing to draw
            db.execute("INSERT INTO metadata VALUES ('name', 'x'), ('format', 'png')")
        db.commit()
        db.close()
    before = sorted(p.name for p in packages_dir().iterdir())
    dialog = window.offline_maps.open_packages()
    text = wait_message(qtbot, dialog, lambda: dialog.import_from(source))
    assert text.startswith("没有导入") and problem in text, text
    assert "坏文件.mbtiles" in text or content == "bad-format"
    assert sorted(p.name for p in packages_dir().iterdir()) == before
    assert dialog.names() == ["已有"]
    dialog.close()


def test_a_package_attribution_shows_as_written_in_the_status_bar(qtbot, window) -> None:
    attribution = '<a href="http://evil">© evil</a> & co'
    make_package("城区", attribution=attribution, provider="custom")
    assert window.site_editing.use_package("城区")
    label = window.status_map
    assert attribution in label.text()
    assert label.textFormat() is Qt.TextFormat.PlainText  # no link, no markup: as written


def test_a_chosen_package_that_went_missing_falls_back_to_no_base_map(qtbot, tmp_path) -> None:
    from hongtu.core.settings import Settings, save_settings

    save_settings(Settings(base_map=BaseMapId.PACKAGE, base_package="不见了"))
    window, controller = open_main_window(qtbot, str(tmp_path / "gone.sqlite3"))
    try:
        qtbot.waitUntil(lambda: load_settings().base_map is BaseMapId.NONE, timeout=10_000)
        assert window.map_controller.basemap.id is BaseMapId.NONE
        assert "不见了" in window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)


def test_the_dialogs_fit_a_laptop_screen_in_both_languages(qtbot, window, lang) -> None:
    make_package()
    download = DownloadDialog(lambda: load_settings(), None, window)
    packages = window.offline_maps.open_packages()
    for dialog in (download, packages):
        hint = dialog.sizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700, (type(dialog).__name__, hint)
    if lang == "en":
        assert download.windowTitle() != "下载离线地图"
        assert download.start_button.text() == "Start download"
    download.close()
    packages.close()


def test_the_settings_dialog_keeps_a_chosen_package(qtbot) -> None:
    from hongtu.core.settings import Settings
    from hongtu.qt.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(base_map=BaseMapId.PACKAGE, base_package="城区"))
    qtbot.addWidget(dialog)
    assert "城区" in dialog.base_map.currentText()
    kept = dialog.settings()
    assert kept.base_map is BaseMapId.PACKAGE and kept.base_package == "城区"



def test_a_long_package_name_does_not_widen_the_toolbar(qtbot, tmp_path) -> None:
    long_name = ("中共太原市某某区委机关第一党支部主题党日活动用离线地图包" * 3)[:60]
    make_package(long_name)
    window, controller = open_main_window(qtbot, str(tmp_path / "long.sqlite3"))
    try:
        window.resize(1366, 768)
        combo = window.site_editing.base_combo
        assert combo.findData(f"package:{long_name}") >= 0
        window.site_editing.choose_base(f"package:{long_name}")
        qtbot.waitUntil(lambda: combo.currentData() == f"package:{long_name}", timeout=10_000)
        assert combo.width() <= 320 and window.width() <= 1366
    finally:
        close_main_window(window, controller)


def test_a_package_without_tiles_cannot_be_the_base_map(qtbot, window) -> None:
    """A download that fetched nothing (offline) leaves an empty package: it is listed as such,
    and neither 用作底图 nor the toolbar shows it (the map would fall back, blaming the network)."""
    make_package("太原市_10-15", empty=True)
    window.site_editing.refresh_base_choices()
    dialog = window.offline_maps.open_packages()
    assert dialog.names() == ["太原市_10-15"]
    assert dialog.table.item(0, 6).text() == "没有瓦片，未下载完"
    assert not dialog.use_button.isEnabled() and dialog.resume_button.isEnabled()
    rect = dialog.table.visualRect(dialog.table.model().index(0, 0))
    viewport = dialog.table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    text = wait_message(  # a double click, as on a package that can be used
        qtbot,
        dialog,
        lambda: QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center()),
    )
    assert "没有任何瓦片" in text and "太原市_10-15" in text
    assert window.map_controller.basemap.id is BaseMapId.NONE
    assert "当前底图" not in dialog.table.item(0, 6).text()
    dialog.close()

    combo = window.site_editing.base_combo
    offered = combo.findData("package:太原市_10-15")
    assert combo.itemText(offered) == "离线地图包：太原市_10-15"
    combo.setCurrentIndex(offered)  # picked from the toolbar's list
    combo.activated.emit(offered)
    assert "没有任何瓦片" in window.statusBar().currentMessage()
    assert window.map_controller.basemap.id is BaseMapId.NONE
    assert combo.currentData() == BaseMapId.NONE.value  # the toolbar shows what the map shows
    assert load_settings().base_map is BaseMapId.NONE
    assert "无法加载" not in map_state(qtbot, window)["notice"]


def test_a_provider_that_fails_goes_back_to_the_package_that_was_shown(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offline with a package as the base map, 高德 is chosen: its tiles fail, and the map goes
    back to the package, not to the bare outlines; the next start shows the package too."""
    amap = BASE_MAPS[BaseMapId.AMAP]
    refused = TileLayerSpec(REFUSED_TEMPLATE)
    monkeypatch.setitem(BASE_MAPS, BaseMapId.AMAP, dataclasses.replace(amap, layers=(refused,)))
    make_package("城区")
    window.site_editing.refresh_base_choices()
    assert window.site_editing.choose_base("package:城区")
    qtbot.waitUntil(lambda: tile_loads(qtbot, window) > 0, timeout=MAP_TIMEOUT_MS)
    bridge = window.map_view.bridge
    with qtbot.waitSignal(bridge.tiles_failed, timeout=MAP_TIMEOUT_MS):
        assert window.site_editing.choose_base(BaseMapId.AMAP.value)
    shown = window.map_controller.basemap
    assert shown.id is BaseMapId.PACKAGE and shown.package == "城区"
    qtbot.waitUntil(lambda: tile_loads(qtbot, window) > 0, timeout=MAP_TIMEOUT_MS)
    state = map_state(qtbot, window)
    assert state["baseMap"] == "package" and state["tileLayersInMap"] == 1
    for text in (state["notice"], window.statusBar().currentMessage()):
        assert "高德地图" in text and "已改回之前的底图" in text and "城区" in text, text
    assert window.site_editing.base_combo.currentData() == "package:城区"
    saved = load_settings()
    assert saved.base_map is BaseMapId.PACKAGE and saved.base_package == "城区"

    # the package's own tiles failing is not put on the network, and there is nothing to go
    # back to but the outlines
    bridge.tiles_failed.emit(BaseMapId.PACKAGE.value)
    assert window.map_controller.basemap.id is BaseMapId.NONE
    message = window.statusBar().currentMessage()
    assert "离线地图包“城区”的瓦片无法读取" in message and "已切换为离线区县轮廓" in message
    assert "网络" not in message
