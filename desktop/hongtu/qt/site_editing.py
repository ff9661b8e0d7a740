"""The map menu and toolbar: base map, settings, correcting a site or its info, adding a place.

``SiteEditing`` is created by the main window and wires these actions to ``MapController`` and
the two flows. It uses the window only through ``panel_host.PanelHost`` (the window calls
``install`` and ``attach``). Settings are loaded here once, the window's one read of the
settings file, and saved when the organiser changes them; ``settings_changed`` then tells the
rest of the window (the window hands them to the plan UI, which re-times the open plan at once).
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar

from hongtu.core.atomic import ExportError
from hongtu.core.basemaps import BASE_MAPS, PROVIDERS, BaseMapId, KeyProblem, MissingKeyError
from hongtu.core.geocoding import GeocoderKind, GeocoderService, make_service
from hongtu.core.settings import Settings, load_settings, save_settings
from hongtu.core.sites import PositionOrigin, Site
from hongtu.core.tilepack.mbtiles import PackageError, PackageProblem
from hongtu.core.tilepack.packages import find_package, package_names
from hongtu.qt.map_controller import (
    MapController,
    basemap_label,
    package_label,
    tiles_failed_text,
)
from hongtu.qt.panel_host import FileGroup, PanelHost
from hongtu.qt.place_dialog import AddPlaceFlow
from hongtu.qt.position_dialog import CorrectionFlow
from hongtu.qt.settings_dialog import SettingsDialog
from hongtu.qt.site_info_dialog import edit_site_info
from hongtu.qt.tasks import ThreadPoolRunner

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore
    from hongtu.core.workspace import Workspace

log = logging.getLogger(__name__)

BASE_COMBO_MAX_WIDTH = 320  # px: the toolbar still fits a 1366 px wide laptop screen
PACKAGE_CHOICE = "package:"  # a base-map choice "package:<name>": that offline map package


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteEditing", text)


def key_problem_text(problem: KeyProblem) -> str:
    """Why 天地图 cannot be shown: no key, or a key that cannot be one (as saved earlier)."""
    if problem is KeyProblem.MALFORMED:
        return tr(
            "天地图密钥格式不正确（应为 8–128 个字母、数字、- 或 _），已改为无底图："
            "请在“地图 → 设置”中重新填写。"
        )
    return tr("天地图需要密钥：请在“地图 → 设置”中填写天地图密钥。")


class SiteEditing(QObject):
    settings_changed = Signal(object)  # Settings, in effect (saved unless the disk refused)

    def __init__(
        self, window: PanelHost, map_controller: MapController, settings: Settings | None = None
    ) -> None:
        """``settings``: as the command line read them; None reads the settings file here."""
        super().__init__(window)
        self.window = window
        self.map = map_controller
        self.workspace: Workspace | None = None
        self.settings: Settings = settings if settings is not None else load_settings()
        self.runner = ThreadPoolRunner(self)
        self.correction = CorrectionFlow(self._store, map_controller, window)
        self.adding = AddPlaceFlow(
            self._store,
            map_controller,
            self.runner,
            self._geocoder,
            window,
            baidu_available=lambda: bool(self.settings.baidu_key),
        )
        self.correction.site_changed.connect(self._on_flow_site_changed)
        self.adding.site_added.connect(self._on_flow_place_added)
        map_controller.base_map_changed.connect(self._on_map_base_map_changed)
        map_controller.base_map_failed.connect(self._on_map_base_map_failed)

    def attach(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._update_actions()

    def _store(self) -> SiteStore | None:
        return self.workspace.sites if self.workspace is not None else None

    def _geocoder(self, kind: GeocoderKind) -> GeocoderService:
        return make_service(kind, self.settings.baidu_key)

    # ---- menus, toolbar, context menu ---------------------------------------------------------
    def install(self) -> None:
        self._build_actions()
        menu = QMenu(tr("地图(&M)"), self.window)
        self.window.add_menus([menu], first=False)  # 帮助 stays last
        self.base_menu = menu.addMenu(tr("底图(&B)"))
        self.refresh_base_choices()
        menu.addSeparator()
        menu.addActions([self.correct_action, self.restore_action, self.info_action])
        menu.addAction(self.add_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        self.window.add_file_action(self.import_corrections_action, FileGroup.SITES)
        self.window.add_file_action(self.export_corrections_action, FileGroup.SITES)
        self.map_menu = menu
        self._build_toolbar()
        self.window.add_site_actions(
            [self.correct_action, self.restore_action, self.info_action, None, self.add_action]
        )
        self.window.site_selected.connect(self._on_window_site_selected)
        # the actions follow the selection at once, also when it is cleared (a filter hid the
        # row) and when the workspace opens after a site was selected on the fast start-up path
        self.window.site_selection_changed.connect(self._update_actions)
        self.window.add_place_requested.connect(self.add_place)
        self.window.site_info_requested.connect(self._on_window_site_info_requested)
        self.window.corrections_files_dropped.connect(self._on_window_corrections_files_dropped)
        self.map.ready.connect(self._on_map_ready)
        self._update_actions()

    def _build_actions(self) -> None:
        self.base_actions = QActionGroup(self)
        self.base_actions.triggered.connect(self._on_base_action_triggered)
        self.base_combo = QComboBox()  # on the map toolbar (_build_toolbar)
        self.base_combo.setMaximumWidth(BASE_COMBO_MAX_WIDTH)  # a long package name elides
        self.base_combo.activated.connect(self._on_base_combo_activated)
        self.correct_action = QAction(tr("更正所选站点位置(&C)…"), self)
        self.restore_action = QAction(tr("恢复目录坐标(&R)"), self)
        self.info_action = QAction(tr("编辑站点信息(&I)…"), self)
        self.info_action.setToolTip(tr("填写确认过的开放时间、闭馆日、预约、门票、电话和参观时长"))
        self.add_action = QAction(tr("添加地点(&P)…"), self)
        self.settings_action = QAction(tr("设置(&S)…"), self)
        self.export_corrections_action = QAction(tr("导出核实信息(&X)…"), self)
        self.export_corrections_action.setToolTip(
            tr("把更正或确认过的站点位置和信息（附核实人、日期、来源）存成文件，发给别人")
        )
        self.import_corrections_action = QAction(tr("导入核实信息(&V)…"), self)
        self.import_corrections_action.setToolTip(
            tr("打开别人（或区里）发来的站点核实信息，逐项选择是否采用")
        )
        self.export_corrections_action.triggered.connect(self.export_corrections)
        self.import_corrections_action.triggered.connect(self._on_import_corrections_triggered)
        self.correct_action.triggered.connect(self.correct_selected)
        self.restore_action.triggered.connect(self.restore_selected)
        self.info_action.triggered.connect(self.edit_info_selected)
        self.add_action.triggered.connect(lambda _checked=False: self.add_place())
        self.settings_action.triggered.connect(self.edit_settings)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(tr("地图"), self.window)
        toolbar.setObjectName("mapToolbar")
        toolbar.addWidget(self.base_combo)
        toolbar.addSeparator()
        toolbar.addActions([self.correct_action, self.add_action])
        self.window.add_toolbar(toolbar)
        self.toolbar = toolbar

    def _base_choices(self) -> list[tuple[str, str]]:
        """(choice, label): the providers, then every offline map package by name."""
        choices = [(basemap_id.value, basemap_label(basemap_id)) for basemap_id in PROVIDERS]
        return choices + [(PACKAGE_CHOICE + name, package_label(name)) for name in package_names()]

    def refresh_base_choices(self) -> None:
        """The base-map menu and toolbar list the packages now in the data folder."""
        for action in self.base_actions.actions():
            self.base_actions.removeAction(action)
            action.deleteLater()
        self.base_menu.clear()
        for choice, label in self._base_choices():
            action = QAction(label, self)
            action.setCheckable(True)
            action.setData(choice)
            self.base_actions.addAction(action)
            self.base_menu.addAction(action)
        self.base_combo.clear()
        for choice, label in self._base_choices():
            self.base_combo.addItem(label, choice)
        self._sync_base_widgets()

    def _selected_site(self) -> Site | None:
        return self.window.selected_site()

    def _update_actions(self) -> None:
        site = self._selected_site()
        can_edit = site is not None and self._store() is not None
        self.correct_action.setEnabled(can_edit)
        self.info_action.setEnabled(can_edit)
        restorable = (
            site is not None
            and site.key is not None
            and site.position is not None
            and site.position.origin is PositionOrigin.USER
        )
        self.restore_action.setEnabled(can_edit and restorable)
        has_store = self._store() is not None
        self.export_corrections_action.setEnabled(has_store)
        self.import_corrections_action.setEnabled(has_store)

    def _on_window_site_selected(self, _site_id: int) -> None:
        self._update_actions()

    def _on_window_site_info_requested(self, site_id: int) -> None:
        if self.window.selected_site_id() == site_id:
            self.edit_info_selected()

    # ---- use cases ----------------------------------------------------------------------------
    def correct_selected(self) -> None:
        site = self._selected_site()
        if site is not None and self._store() is not None:
            self.correction.start(site)

    def restore_selected(self) -> None:
        site, store = self._selected_site(), self._store()
        if site is not None and store is not None:
            self._on_flow_site_changed(store.restore_catalogue_position(site.id))

    def edit_info_selected(self) -> None:
        """编辑站点信息: hours, closed days, booking… as the organiser confirmed them."""
        site, store = self._selected_site(), self._store()
        if site is None or store is None:
            return
        if edit_site_info(store, site.id, self.window, self._on_flow_site_changed):
            self.window.notify(tr("已保存“{0}”的站点信息。").format(site.name))

    def add_place(self, name: str = "") -> None:
        """添加地点; ``name`` (what a search did not find) is filled in for the organiser."""
        if self._store() is not None:
            dialog = self.adding.start()
            if name:
                dialog.name.setText(name)

    def export_corrections(self) -> None:
        """导出核实信息: the confirmer's name is asked (and remembered), then the file."""
        from hongtu.qt.corrections_dialog import export_corrections, export_text

        store = self._store()
        if store is None:
            return
        done = export_corrections(store, self.window, self.settings.confirmer_name)
        if done is None:
            return
        if done.confirmed_by != self.settings.confirmer_name:
            self._save(dataclasses.replace(self.settings, confirmer_name=done.confirmed_by))
        self.window.notify(export_text(done))

    def import_corrections(self, path: Path) -> bool:
        """导入核实信息 from ``path``: False when refused or cancelled (nothing stored)."""
        from hongtu.qt.corrections_dialog import import_corrections, outcome_text

        store = self._store()
        if store is None:
            return False
        outcome = import_corrections(path, store, self.window, self._on_flow_site_changed)
        if outcome is None:
            return False
        self.window.notify(outcome_text(outcome))
        return True

    def _on_window_corrections_files_dropped(self, files: list[Path]) -> None:
        if self._store() is None:
            self.window.notify(tr("站点目录还在载入，请稍后再导入。"))
            return
        for path in files:
            self.import_corrections(path)

    def _on_import_corrections_triggered(self) -> None:
        from hongtu.qt.corrections_dialog import ask_import_path

        path = ask_import_path(self.window)
        if path is not None:
            self.import_corrections(path)

    def switch_base_map(self, basemap_id: BaseMapId, remember: bool = True) -> bool:
        """Show ``basemap_id``; False (and a message) when it needs a key that is not set."""
        if basemap_id is BaseMapId.PACKAGE:
            return self.use_package(self.settings.base_package, remember=remember)
        try:
            self.map.set_base_map(BASE_MAPS[basemap_id], self.settings.key_for(basemap_id))
        except MissingKeyError as exc:
            if self.settings.base_map is basemap_id:  # a choice that cannot show stays unsaved
                self._save(dataclasses.replace(self.settings, base_map=self.map.basemap.id))
            self._sync_base_widgets()
            self.window.notify(key_problem_text(exc.problem))
            return False
        if remember and basemap_id is not self.settings.base_map:
            self._save(dataclasses.replace(self.settings, base_map=basemap_id))
        return True

    def use_package(self, name: str, remember: bool = True) -> bool:
        """Show the offline map package ``name`` as the base map (its tiles come from its file,
        never the network); False (no base map, and a message) when it cannot be read, and
        False (the base map unchanged, and a message) when it holds no tiles."""
        try:
            info = find_package(name)
        except PackageError:
            self.map.set_base_map(BASE_MAPS[BaseMapId.NONE])
            if self.settings.base_map is BaseMapId.PACKAGE:  # the next start must not try it
                self._save(dataclasses.replace(self.settings, base_map=BaseMapId.NONE))
            self.refresh_base_choices()
            self.window.notify(
                tr("找不到或无法读取离线地图包“{0}”，已改为无底图。").format(name)
            )
            return False
        if info.tiles == 0:  # nothing to draw: the map would fall back, blaming the network
            from hongtu.qt.offline_packages import problem_text

            if (self.settings.base_map, self.settings.base_package) == (BaseMapId.PACKAGE, name):
                self._save(dataclasses.replace(self.settings, base_map=BaseMapId.NONE))
            self._sync_base_widgets()  # the menu and toolbar show what the map still shows
            self.window.notify(problem_text(PackageError(PackageProblem.NO_TILES, name)))
            return False
        self.map.show_package(info)
        chosen = (BaseMapId.PACKAGE, name)
        if remember and (self.settings.base_map, self.settings.base_package) != chosen:
            self._save(
                dataclasses.replace(self.settings, base_map=BaseMapId.PACKAGE, base_package=name)
            )
        return True

    def release_package(self, name: str) -> None:
        """The package is about to be deleted or replaced: stop showing it and forget it as
        the saved choice."""
        self.map.release_package(name)
        if self.settings.base_map is BaseMapId.PACKAGE and self.settings.base_package == name:
            self._save(dataclasses.replace(self.settings, base_map=BaseMapId.NONE))

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.window)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.settings())

    def apply_settings(self, settings: Settings) -> None:
        """Use and save ``settings`` (what the settings dialog does when accepted)."""
        self._save(settings)
        self.switch_base_map(self.settings.base_map, remember=False)

    def _save(self, settings: Settings) -> None:
        """Use ``settings`` from now on and save them; ``settings_changed`` follows either way.

        When the disk refuses, the settings still apply until HongTu closes (the status bar says
        they were not saved), so whatever depends on them must follow them too.
        """
        changed = settings != self.settings
        self.settings = settings
        try:
            save_settings(settings)
        except ExportError as exc:
            log.warning("settings not saved: %s", exc.code.value)
            self.window.notify(tr("设置未能保存：无法写入设置文件。"))
        if changed:
            self.settings_changed.emit(settings)

    def on_map_already_ready(self) -> None:
        """Installed after the page said it was ready: restore the base map now."""
        self._on_map_ready()

    # ---- slots --------------------------------------------------------------------------------
    def _on_map_ready(self) -> None:
        if self.settings.base_map is BaseMapId.PACKAGE:
            self.use_package(self.settings.base_package, remember=False)
        elif self.settings.base_map is not BaseMapId.NONE:
            self.switch_base_map(self.settings.base_map, remember=False)
        else:
            self.map.set_base_map(BASE_MAPS[BaseMapId.NONE])

    def choose_base(self, choice: str) -> bool:
        """A choice from the menu or the toolbar: a provider's id or ``package:<name>``."""
        if choice.startswith(PACKAGE_CHOICE):
            return self.use_package(choice.removeprefix(PACKAGE_CHOICE))
        return self.switch_base_map(BaseMapId(choice))

    def _on_base_action_triggered(self, action: QAction) -> None:
        self.choose_base(str(action.data()))

    def _on_base_combo_activated(self, _index: int) -> None:
        self.choose_base(str(self.base_combo.currentData()))

    def _on_map_base_map_changed(self, _basemap_id: str) -> None:
        self._sync_base_widgets()

    def _on_map_base_map_failed(self, basemap_id: str) -> None:
        failed = self.map.failed_basemap or BASE_MAPS[BaseMapId(basemap_id)]
        shown = self.map.basemap  # the one shown before it, or none
        saved = (self.settings.base_map, self.settings.base_package)
        if saved[0] is failed.id and (
            failed.id is not BaseMapId.PACKAGE or saved[1] == failed.package
        ):
            # the next start must not try it again: it starts with what is shown now
            package = shown.package if shown.id is BaseMapId.PACKAGE else saved[1]
            self._save(dataclasses.replace(self.settings, base_map=shown.id, base_package=package))
        self.window.notify(tiles_failed_text(failed, shown))

    def _sync_base_widgets(self) -> None:
        shown = self.map.basemap
        current = (
            PACKAGE_CHOICE + shown.package if shown.id is BaseMapId.PACKAGE else shown.id.value
        )
        for action in self.base_actions.actions():
            action.setChecked(action.data() == current)
        self.base_combo.setCurrentIndex(max(0, self.base_combo.findData(current)))

    def _on_flow_site_changed(self, site: Site) -> None:
        self.window.update_site(site)
        self._update_actions()

    def _on_flow_place_added(self, site: Site) -> None:
        """A place was saved: it is selected, so its details show and 加入方案 applies to it."""
        self.window.update_site(site)
        self.window.select_site(site.id)
        self._update_actions()
