"""Puts planning into the main window: 方案 tab, plan editor, schedule and warnings, menus, route.

The main window creates one ``PlanUi``, calls ``install`` once, ``attach`` when the workspace
is open and ``set_settings`` when the organiser changes them; everything else is wired here,
through the window's ``PanelHost`` interface and the map controller only. The window keeps its three
panes: the site list becomes a 站点 | 方案 tab widget, the map gets the schedule below it, and the
details pane becomes a 站点详情 | 当前方案 tab widget (the editor above the warnings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.cancel import CancelledError, ShouldStop
from hongtu.core.geo import LatLon
from hongtu.core.plans import Plan
from hongtu.core.schedule import gathering_place, stop_place
from hongtu.core.settings import Settings
from hongtu.core.sites import Site
from hongtu.core.storage.problems import DatabaseProblem, problem_from_sqlite_message
from hongtu.core.tilepack.area import plan_points
from hongtu.core.warnings import Severity, worst_by_stop
from hongtu.qt import messages, window_state
from hongtu.qt.panel_host import FileGroup, PanelHost
from hongtu.qt.plan_conflict import ConflictBar, reloaded_notice
from hongtu.qt.plan_editor import PlanEditor
from hongtu.qt.plan_schedule import PlanSchedulePanel, PlanWarningsPanel
from hongtu.qt.plan_session import OrderSaving, PlanSession
from hongtu.qt.plan_watch import WATCH_MS
from hongtu.qt.record_ui import RecordUi
from hongtu.qt.tasks import ProgressTask, ThreadPoolRunner
from hongtu.qt.window_state import documents_folder

if TYPE_CHECKING:
    from hongtu.core.pipeline import PlanView
    from hongtu.core.workspace import Workspace
    from hongtu.qt.map_controller import MapController
    from hongtu.qt.printing import Printed

NOTICE_MS = 8000


log = logging.getLogger(__name__)

def tr(text: str) -> str:
    return QCoreApplication.translate("PlanUi", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("PlanUi", text, None, count)


def unsaved_reason(problem: DatabaseProblem | None) -> str:
    """Why the open plan's changes could not be saved, and what the organiser can do."""
    if problem is DatabaseProblem.DISK_FULL:
        return tr("磁盘空间已满。请删除或移走不需要的文件，腾出空间。")
    if problem is DatabaseProblem.READ_ONLY_FILE:
        return tr("数据库文件现在是只读的。请取消文件的只读属性。")
    if problem is DatabaseProblem.LOCKED:
        return tr("数据库仍被另一个程序占用。请关闭那个程序。")
    return tr("数据库无法写入（原因已写入日志）。")


def forgotten_legs_text(count: int) -> str:
    """Said when a new order of the stops cleared hand-typed leg minutes."""
    return tr_n("站点顺序变了，%n 段手动设定的路程用时已清除，改按距离估算。", count)


def join_sentences(sentences: list[str]) -> str:
    """Sentences one after another: Chinese ones end in full-width punctuation and need no
    space, English ones do."""
    text = ""
    for sentence in sentences:
        if text and text[-1].isascii():
            text += " "
        text += sentence
    return text


def route_payload(
    plan: Plan | None, sites: dict[int, Any], marks: dict[str, Severity] | None = None
) -> dict[str, Any]:
    """What ``hongtuMap.setRoute`` draws (WGS-84): places without a position are left out.

    A gathering point without a position (none chosen, or a custom place whose coordinate is not
    known yet) gives ``"gathering": None``: no gathering marker, the route starts at stop 1.
    """
    if plan is None:
        return {"gathering": None, "stops": [], "returns": False}
    gathering = gathering_place(plan.gathering, sites)
    stops = []
    for number, stop in enumerate(plan.stops, start=1):
        place = stop_place(stop, sites)
        if place.point is not None:
            mark = (marks or {}).get(stop.id)
            stops.append(
                {"id": stop.id, "number": number, "lat": place.point.lat,
                 "lon": place.point.lon, "name": place.name,
                 "problem": mark.value if mark is not None else None}
            )  # fmt: skip
    gathering_data = None
    if gathering.point is not None:
        gathering_data = {
            "lat": gathering.point.lat,
            "lon": gathering.point.lon,
            "name": gathering.name,
        }
    return {"gathering": gathering_data, "stops": stops, "returns": plan.returns_to_gathering}


class EditorOverWarnings(QSplitter):
    """The plan editor over 行程提醒. The warnings are as tall as the organiser left them (at
    first 3/10 of the pane), but in a shorter window they give way, down to their title and a
    warning, while the stops table shows fewer than ``ROOMY_STOP_ROWS`` stops: on a 1366×768
    laptop at 125 % the stops table had shown one and a half stops."""

    def __init__(self, editor: PlanEditor, warnings: PlanWarningsPanel, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.editor, self.warnings = editor, warnings
        self.addWidget(editor)
        self.addWidget(warnings)
        self.setStretchFactor(0, 1)  # a taller window: a longer stops table
        self.setStretchFactor(1, 0)
        self.wanted: int | None = None  # the warnings' height as chosen; None: not yet shown
        self.splitterMoved.connect(self._on_splitter_moved)

    def want(self, warnings: int | None = None) -> None:
        """The warnings this tall (None: 3/10 of the pane), or less while the pane is short."""
        self.wanted = self.height() * 3 // 10 if warnings is None else warnings
        self._fit()

    def _fit(self) -> None:
        if self.wanted is None:
            return
        pane = self.height() - self.handleWidth()
        least = self.warnings.minimumSizeHint().height()
        warnings = min(self.wanted, max(pane - self.editor.roomy_height(), least))
        self.setSizes([pane - warnings, warnings])

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        self.wanted = self.sizes()[1]  # dragged by hand: kept

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()


class PlanUi(QObject):
    def __init__(
        self, window: PanelHost, map_controller: MapController, settings: Settings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.map = map_controller
        self._settings_in_use = settings
        self._routed_plan_id: int | None = None
        self._routed_had_stops = False
        self.workspace: Workspace | None = None
        self._restored_splitters: set[str] = set()
        self.session = PlanSession(self, settings=self._settings)
        self.plan_list = window.plan_list_panel()  # perhaps already listing plans from the file
        self.plan_list.bind(self.session)
        self.editor = PlanEditor(self.session)
        self.schedule = PlanSchedulePanel(self.session)
        self.warnings = PlanWarningsPanel(self.session)
        self.conflict_bar = ConflictBar(self.session)
        self.records = RecordUi(window, self.session, self.plan_list)
        self.session.confirm_delete_created = self.confirm_delete_created
        # Other programs' writes (a second window, the CLI) are looked for this often.
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MS)
        self.watch_timer.timeout.connect(self.session.poll_changes)
        self.runner = ThreadPoolRunner(QCoreApplication.instance())  # outlives a closed window
        self.optimising: ProgressTask | None = None  # an optimisation running off the GUI thread
        # the 签到名单 typed in an export left by 返回修改 (plan id, text): offered again
        self._unsent_names: tuple[int | None, str] = (None, "")
        # Another file was put in the database's place: the window says so, then closes (as
        # after its own 恢复数据…); tests replace this.
        self.replaced = False
        self.close_after_replaced: Callable[[], None] = QApplication.closeAllWindows

    def _settings(self) -> Settings:
        return self._settings_in_use

    def set_settings(self, settings: Settings) -> None:
        """The organiser changed the settings: new speeds or day length re-time the open plan."""
        self._settings_in_use = settings
        self.session.set_settings(settings)

    # ---- installing into the window -----------------------------------------------------------
    def install(self) -> None:
        window = self.window
        self.plan_splitter = EditorOverWarnings(self.editor, self.warnings, window)
        self.plan_pane = QWidget(window)  # the conflict bar (when shown) above the editor
        pane_layout = QVBoxLayout(self.plan_pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.setSpacing(2)  # the bar has its own border
        pane_layout.addWidget(self.conflict_bar)
        pane_layout.addWidget(self.plan_splitter, 1)
        self.left_tabs, self.middle, self.right_tabs = window.add_plan_panes(
            self.schedule, self.plan_pane
        )
        self.schedule.hide()
        self._build_actions()
        self._build_menus()
        self.plan_list.new_button.clicked.connect(self._edit_new_title)  # after it created one
        self._install_site_list_hooks()
        self.map.add_stop_requested.connect(self._on_map_add_stop_requested)
        self.editor.site_requested.connect(self._on_editor_site_requested)
        self.editor.optimise_requested.connect(self.optimise_in_background)
        self.warnings.stop_chosen.connect(self._on_warnings_stop_chosen)
        self.session.plan_changed.connect(self._on_session_plan_changed)
        self.session.sites_changed_elsewhere.connect(self.window.show_sites)
        for model in (
            self.editor.stops_model,
            self.editor.activities_model,
            self.schedule.schedule_model,
        ):  # a value typed in a table and not taken: said where the organiser looks
            model.refused.connect(lambda text: self.window.notify(text, NOTICE_MS))
        self.session.plan_closed.connect(self._on_session_plan_closed)
        self.session.save_failed.connect(self._on_session_save_failed)
        self.session.save_waiting.connect(self._on_session_save_waiting)
        self.session.changed_elsewhere.connect(self._on_session_changed_elsewhere)
        self.session.conflict_changed.connect(self._on_session_conflict_changed)
        self.session.database_replaced.connect(self._on_session_database_replaced)
        self.session.undo_stack.indexChanged.connect(self._update_actions)
        self.session.optimised.connect(self._on_session_optimised)
        self.session.legs_forgotten.connect(self._on_session_legs_forgotten)
        window.sites_changed.connect(self._on_window_sites_changed)
        window.plan_files_dropped.connect(self._on_window_plan_files_dropped)
        self.editor.set_site_model(window.catalogue_model())
        window.add_close_check(self._may_close)
        window.closing.connect(self.flush)
        window.closing.connect(self._stop_watching)
        window.closing.connect(self.save_layout)
        self._restore_layout()
        self._update_actions()

    # ---- the layout as the organiser left it --------------------------------------------------
    def _splitters(self) -> dict[str, QSplitter]:
        return {"middle": self.middle, "plan": self.plan_splitter}

    def _tabs(self) -> dict[str, QTabWidget]:
        return {"left": self.left_tabs, "right": self.right_tabs, "editor": self.editor.tabs}

    def _restore_layout(self) -> None:
        """Pane sizes and open tabs as last time (the last plan: on attach)."""
        self._restored_splitters = {
            name for name, splitter in self._splitters().items()
            if window_state.restore_splitter(name, splitter)
        }  # fmt: skip
        for name, tabs in self._tabs().items():
            window_state.restore_tab(name, tabs)

    def save_layout(self) -> None:
        window_state.save_splitters(self._splitters())
        window_state.save_tabs(self._tabs())
        window_state.save_last_plan_id(self.session.plan.id if self.session.plan else None)

    def _build_actions(self) -> None:
        stack = self.session.undo_stack
        self.undo_action = QAction(tr("撤销(&U)"), self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.session.undo)
        self.redo_action = QAction(tr("重做(&R)"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.session.redo)
        stack.canUndoChanged.connect(self._update_actions)
        stack.canRedoChanged.connect(self._update_actions)
        self.new_action = QAction(tr("新建方案(&N)"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_plan)
        self.add_stop_action = QAction(tr("将所选站点加入方案(&A)"), self)
        self.add_stop_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.add_stop_action.triggered.connect(self.add_selected_site)
        self.optimise_action = QAction(tr("优化站点顺序(&O)"), self)
        self.optimise_action.triggered.connect(self._on_optimise_triggered)
        self.duplicate_action = QAction(tr("复制方案(&C)"), self)
        self.duplicate_action.triggered.connect(self.plan_list.duplicate_selected)
        self.delete_action = QAction(tr("删除方案(&D)…"), self)
        self.delete_action.triggered.connect(self.plan_list.delete_selected)
        self.export_action = QAction(tr("导出(&E)…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._on_export_triggered)
        self.print_schedule_action = QAction(tr("打印日程安排表(&P)…"), self)
        self.print_schedule_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_schedule_action.triggered.connect(self._on_print_schedule_triggered)
        self.print_signin_action = QAction(tr("打印签到表(&S)…"), self)
        self.print_signin_action.triggered.connect(self._on_print_signin_triggered)
        self.import_action = QAction(tr("导入方案(&I)…"), self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.setToolTip(
            tr("打开别人发来的方案文件（.hongtu.json）；也可把文件拖到窗口上")
        )
        self.import_action.triggered.connect(self._on_import_triggered)
        self.output_actions = (
            self.export_action,
            self.print_schedule_action,
            self.print_signin_action,
        )

    def _build_menus(self) -> None:
        edit_menu = QMenu(tr("编辑(&E)"), self.window)
        edit_menu.addActions([self.undo_action, self.redo_action])
        plan_menu = QMenu(tr("方案(&P)"), self.window)
        plan_menu.addActions([self.new_action, self.duplicate_action, self.delete_action])
        plan_menu.addSeparator()
        plan_menu.addActions([self.add_stop_action, self.optimise_action])
        plan_menu.addSeparator()
        plan_menu.addActions(list(self.output_actions))
        self.window.add_menus([edit_menu, plan_menu], first=True)  # right after 文件
        self.window.add_file_action(self.import_action, FileGroup.PLANS)
        self.edit_menu, self.plan_menu = edit_menu, plan_menu
        self.records.install(plan_menu)  # 记录活动

    def new_plan(self) -> None:
        """新建方案 (Ctrl+N, the menu): the new plan opens with its title ready to type over."""
        self.plan_list.create_plan()
        self._edit_new_title()

    def _edit_new_title(self) -> None:
        """The plan just created: its title selected in the editor, so typing replaces it."""
        if self.session.plan is None or not self.editor.isEnabled():
            return
        self.right_tabs.setCurrentWidget(self.plan_pane)
        self.editor.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.title.selectAll()

    def _install_site_list_hooks(self) -> None:
        self.add_site_button = QPushButton(tr("加入方案"))
        self.add_site_button.setToolTip(tr("把所选站点加入当前方案（也可双击站点）"))
        self.add_site_button.clicked.connect(self.add_selected_site)
        self.window.add_site_list_widget(self.add_site_button)
        self.window.add_site_actions([self.add_stop_action])
        self.window.site_activated.connect(self._on_window_site_activated)

    # ---- use cases ----------------------------------------------------------------------------
    def attach(self, workspace: Workspace) -> None:
        from hongtu.core.storage.changes import ChangeProbe

        self.workspace = workspace
        self.session.attach(workspace.plans, self.window.sites(), workspace.members)
        self.records.attach(workspace)
        self.editor.gathering.set_sites(self.window.sites())
        self._stop_watching()
        self.session.watch(ChangeProbe(workspace.database.url), workspace.sites)
        self.watch_timer.start()
        self._reopen_last_plan()
        self._update_actions()

    def _stop_watching(self) -> None:
        self.watch_timer.stop()
        self.session.unwatch()

    def _reopen_last_plan(self) -> None:
        from hongtu.core.storage.plan_store import PlanNotFoundError

        plan_id = window_state.last_plan_id()
        if plan_id is None or self.session.plan is not None:
            return
        try:
            self.session.open(plan_id)
        except PlanNotFoundError:
            window_state.save_last_plan_id(None)
            return
        for name, tabs in self._tabs().items():  # opening it showed the plan tab
            window_state.restore_tab(name, tabs)

    def import_plan_file(self, path: Path) -> int | None:
        """文件 → 导入方案… and a dropped file: the new plan's id (None: refused or cancelled)."""
        from hongtu.qt.plan_import_dialog import import_plan_file

        if self.workspace is None:
            self.window.notify(tr("站点目录还在载入，请稍后再导入。"), NOTICE_MS)
            return None
        result = import_plan_file(
            path,
            self.workspace.sites,
            self.session,
            self.window,
            self.window.update_site,
            self.workspace.members,
            self.workspace.records,
        )
        if result is None:
            return None
        plan_id, taken, record_note, existing = result
        if existing:
            self.window.notify(tr("这个方案已经导入过，已打开方案列表里的那一份。"), NOTICE_MS)
            self.left_tabs.setCurrentWidget(self.plan_list)
            return plan_id
        title = self.session.plan.title if self.session.plan is not None else ""
        text = tr("已导入方案“{0}”。").format(title)
        if taken:
            text += tr_n("已采用 %n 处站点更正。", taken)
        text += record_note
        self.window.notify(text, NOTICE_MS)
        self.left_tabs.setCurrentWidget(self.plan_list)
        return plan_id

    def add_site(self, site_id: int) -> bool:
        """Add a site to the open plan; with none open, offer to create one first."""
        if self.session.plan is None and not self._offer_new_plan(site_id):
            self.window.notify(tr("请先在“方案”中新建或打开一个方案，再加入站点。"), NOTICE_MS)
            self.left_tabs.setCurrentWidget(self.plan_list)
            return False
        self.right_tabs.setCurrentWidget(self.plan_pane)
        self.editor.tabs.setCurrentIndex(0)
        stop_id = self.editor.add_site(site_id)
        plan = self.session.plan
        if stop_id is None or plan is None:
            return False
        number = next(i for i, stop in enumerate(plan.stops, start=1) if stop.id == stop_id)
        site = self.session.sites.get(site_id)
        self.window.notify(
            tr("已加入第 {0} 站：{1}").format(number, site.name if site else site_id), NOTICE_MS
        )
        return True

    def _offer_new_plan(self, site_id: int) -> bool:
        """No plan is open: ask whether to start one with this site; True if one is open now."""
        if not self.session.attached:
            return False
        site = self.session.sites.get(site_id)
        if not messages.question(
            self.window,
            tr("加入方案"),
            tr("还没有打开的方案。要新建一个方案并把“{0}”加入吗？").format(
                site.name if site else site_id
            ),
            default_yes=True,
        ):
            return False
        self.plan_list.create_plan()
        return self.session.plan is not None

    def open_plan_points(self) -> tuple[str, list[LatLon]] | None:
        """The open plan's title and the WGS-84 points of its placed gathering point and stops
        (下载离线地图 offers the area around them); None with no plan or nothing placed."""
        plan = self.session.plan
        if plan is None:
            return None
        points = plan_points(plan, self.session.sites)
        return (plan.title, points) if points else None

    def add_selected_site(self) -> None:
        site_id = self.window.selected_site_id()
        if site_id is not None:
            self.add_site(site_id)

    def _may_close(self) -> bool:
        """Changes still waiting for another program's lock, or whose save failed (a full disk):
        saved now if they can be; else the organiser chooses between waiting (the window stays,
        the save is tried every second) and closing without them."""
        if self.replaced:  # nothing here can be saved into the file now in its place
            return True
        self.editor.flush()
        if self.session.save_waiting_now():
            return self._may_leave_conflict()
        error = self.session.save_error
        if error is None:
            text = tr(
                "数据库仍被另一个程序占用，当前方案的修改还没有保存。\n\n"
                "仍要关闭红途并放弃这些修改吗？选“否”则继续等待，它一释放就自动保存。"
            )
        else:
            text = tr(
                "当前方案的修改还没有保存：{0}\n\n仍要关闭红途并放弃这些修改吗？"
                "选“否”则保留窗口，红途每秒重试一次，能写入时自动保存。"
            ).format(unsaved_reason(self._save_problem(error)))
        if messages.question(self.window, tr("修改尚未保存"), text):
            self.session.give_up_waiting()
            return True
        return False

    def _may_leave_conflict(self) -> bool:
        """A save refused because the plan changed elsewhere, not yet settled in the bar: the
        organiser chooses what becomes of their copy before the window closes."""
        session = self.session
        conflict = session.conflict
        if conflict is None:
            return True
        choices: list[tuple[str, Callable[[], None] | None]] = []
        if session.merged() is not None:
            choices.append((tr("合并双方的修改后关闭"), session.merge_changes))
        if conflict.theirs is None:
            choices.append((tr("恢复方案并保存我的修改后关闭"), session.keep_mine))
        else:
            choices.append((tr("保留我的修改（覆盖别处的修改）后关闭"), session.keep_mine))
        choices.append((tr("放弃我的修改并关闭"), None))
        answer = messages.choose(
            self.window,
            tr("修改尚未保存"),
            tr(
                "方案“{0}”已在别处（另一个窗口或命令行）修改，你在这个窗口的修改还没有保存。\n\n"
                "关闭之前，要怎样处理你的修改？"
            ).format(conflict.mine.title),
            [label for label, _action in choices],
        )
        if answer is None:  # 取消: the window stays, the bar still offers the choices
            return False
        action = choices[answer][1]
        if action is None:
            return True
        action()
        return session.conflict is None and not session.waiting  # else the window says why

    def _save_problem(self, error: str) -> DatabaseProblem | None:
        """What a failed save's driver message names (a full disk is told by the free space
        left beside the database, SQLite often says only "disk I/O error" then)."""
        from hongtu.core.storage.files import sqlite_file

        db_file = sqlite_file(str(self.workspace.database.url)) if self.workspace else None
        return problem_from_sqlite_message(error, db_file.parent if db_file else None)

    def flush(self) -> None:
        self.editor.flush()

    # ---- slots --------------------------------------------------------------------------------
    def _on_window_site_activated(self, site_id: int) -> None:
        self.add_site(site_id)

    def _on_map_add_stop_requested(self, site_id: int) -> None:
        self.add_site(site_id)

    def _on_editor_site_requested(self, site_id: int) -> None:
        self.add_site(site_id)

    def _on_export_triggered(self) -> None:
        """The export dialog; its 保存 lists the problems of what goes out (the 签到表 alone
        is not stopped for the gathering point or the day's times), 返回修改 closes it."""
        from hongtu.core.exports import ExportFormat
        from hongtu.qt.plan_outputs import ExportDialog
        from hongtu.qt.preflight import check_before_output

        self.session.flush_requested.emit()
        view = self.session.view
        if view is None:
            return
        record = None
        if self.workspace is not None and view.plan.id is not None:
            record = self.workspace.records.for_plan(view.plan.id)  # the plan file carries it
        branch = view.document.branch.strip()
        went_back: list[bool] = []  # 返回修改, and whether only the 签到表 was asked about

        def check(formats: list[ExportFormat]) -> bool:
            signin_only = all(fmt is ExportFormat.SIGNIN for fmt in formats)
            if check_before_output(view, dialog, printing=False, signin_only=signin_only):
                return True
            went_back.append(signin_only)
            return False

        plan_id, typed = self._unsent_names
        dialog = ExportDialog(
            view,
            self.window,
            record=record,
            save_roster=lambda names: self._keep_signin_names(branch, names),
            check=check,
            names=typed if plan_id == view.plan.id else "",
        )
        dialog.exec()
        self._unsent_names = (None, "")
        if went_back:
            self._unsent_names = (view.plan.id, dialog.names.toPlainText())
            self._show_first_problem(view, signin_only=went_back[0])
        if dialog.written is not None:
            self.window.notify(tr("已导出：{0}").format(str(dialog.written)), NOTICE_MS)

    def _keep_signin_names(self, branch: str, names: list[str]) -> str:
        """The names typed for a 签到表 kept as the branch's 成员名单 (it had none that day), so
        that 记录活动 can count who came; what was done, in words."""
        from sqlalchemy.exc import SQLAlchemyError

        from hongtu.cli.members import member_edit_text
        from hongtu.core.members import MemberEditError, members_from_signin_names

        workspace = self.workspace
        if workspace is None or not branch:
            return ""
        try:
            outcome = workspace.members.import_members(branch, members_from_signin_names(names))
        except MemberEditError as exc:
            return tr("成员名单没有保存：{0}").format(member_edit_text(exc))
        except SQLAlchemyError:
            log.exception("the sign-in names were not kept as the roster")
            return tr("成员名单没有保存：数据库暂时无法写入，请稍后在“文件 → 成员名单…”中添加。")
        self.session.roster_changed()
        return tr_n(
            "已把 %n 人保存为“{0}”的成员名单"
            "（政治面貌记为正式党员，可在“文件 → 成员名单…”中修改）。",
            outcome.added,
        ).format(branch)

    def _on_print_schedule_triggered(self) -> None:
        from hongtu.qt.plan_outputs import preview_schedule

        view = self._plan_for_output()
        if view is not None:
            self._say_printed(preview_schedule(view, self.window))

    def _on_print_signin_triggered(self) -> None:
        from hongtu.qt.plan_outputs import preview_signin

        view = self._plan_for_output(signin_only=True)
        if view is not None:
            self._say_printed(preview_signin(view, self.window))

    def _say_printed(self, printed: Printed | None) -> None:
        """Where the printout went, once the preview closes (nothing when it was not printed)."""
        if printed is None:
            return
        if printed.file is not None:
            text = tr("已打印到文件：{0}").format(str(printed.file))
        else:
            text = tr("已发送到打印机：{0}").format(printed.printer)
        self.window.notify(text, NOTICE_MS)

    def _plan_for_output(self, *, signin_only: bool = False) -> PlanView | None:
        """The open plan as shown (typed text saved first), once the organiser has seen the
        problems of what is printed (``signin_only``: the 签到表) and chosen to go on; None for
        返回修改."""
        from hongtu.qt.preflight import check_before_output

        self.session.flush_requested.emit()
        view = self.session.view
        if view is None:
            return None
        if check_before_output(view, self.window, printing=True, signin_only=signin_only):
            return view
        self._show_first_problem(view, signin_only=signin_only)
        return None

    def _show_first_problem(self, view: PlanView, *, signin_only: bool = False) -> None:
        """返回修改: the plan editor, with the stop of the first problem selected."""
        from hongtu.core.warnings import WarningCode, preflight

        gathering_codes = (WarningCode.NO_GATHERING, WarningCode.UNUSUAL_GATHERING_TIME)
        self.right_tabs.setCurrentWidget(self.plan_pane)
        problems = preflight(view.plan, view.warnings, signin_only=signin_only)
        stop_id = next((w.stop_id for w in problems if w.stop_id is not None), None)
        if stop_id is not None:
            self._on_warnings_stop_chosen(stop_id)
        elif any(w.code in gathering_codes for w in problems):
            self.editor.tabs.setCurrentIndex(1)  # 基本信息: the gathering point and time

    def _on_optimise_triggered(self) -> None:
        self.optimise_in_background()

    def optimise_in_background(self) -> None:
        """Finds the best order on a worker thread (a 500-stop plan takes long): the window
        stays responsive, a progress dialog with 取消 shows if it is slow, and the order is
        applied only to the plan it was found for."""
        self.session.flush_requested.emit()
        plan = self.session.plan
        if plan is None or len(plan.stops) < 2 or self.optimising is not None:
            return

        def job(should_stop: ShouldStop) -> list[str]:
            return self.session.optimised_order(plan, should_stop)

        self.optimising = ProgressTask(
            self.window,
            self.runner,
            tr("正在优化站点顺序…"),
            job,
            lambda order: self._on_optimised(plan, order),
            self._on_optimise_failed,
        )

    def _on_optimised(self, plan: Plan, order: list[str]) -> None:
        self.optimising = None
        if self.session.plan is not plan:
            self.window.notify(tr("方案在优化期间有改动，没有应用新顺序。"), NOTICE_MS)
        else:
            self.session.apply_order(plan, order)  # the session says what it saved

    def _on_session_optimised(self, saving: OrderSaving) -> None:
        before, after = saving.before, saving.after
        if after < before:
            text = tr("已优化顺序：行车约 {0} 分钟，比原来少 {1} 分钟（可撤销）。").format(
                after, before - after
            )
        else:
            text = tr("当前顺序已经是最短路程（行车约 {0} 分钟），没有改动。").format(before)
        sentences = [text]
        if saving.unplaced:
            sentences.append(
                tr_n("%n 个站点位置未知，留在原处，它们前后的路程没有算在内。", saving.unplaced)
            )
        if saving.forgotten_legs:
            sentences.append(forgotten_legs_text(saving.forgotten_legs))
        self.window.notify(join_sentences(sentences), NOTICE_MS)

    def confirm_delete_created(self, plan: Plan) -> bool:
        """Undoing 新建方案 would delete a plan that has changed since (elsewhere)."""
        text = tr_n(
            "撤销“新建方案”会删除方案“{0}”（%n 个站点），它在新建之后又有了改动。\n\n"
            "仍要删除吗？删除后可用“重做”恢复。",
            len(plan.stops),
        ).format(plan.title)
        return messages.question(self.window, tr("撤销新建方案"), text)

    def _on_session_legs_forgotten(self, count: int) -> None:
        self.window.notify(forgotten_legs_text(count), NOTICE_MS)

    def _on_import_triggered(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            tr("导入方案"),
            str(documents_folder()),
            tr("红途方案文件 (*.hongtu.json *.json);;所有文件 (*)"),
        )
        if name:
            self.import_plan_file(Path(name))

    def _on_window_plan_files_dropped(self, files: list[Path]) -> None:
        for path in files:
            self.import_plan_file(path)

    def _on_optimise_failed(self, error: BaseException) -> None:
        self.optimising = None
        if isinstance(error, CancelledError):
            self.window.notify(tr("已取消优化，站点顺序没有改变。"), NOTICE_MS)
        elif isinstance(error, TimeoutError):
            self.window.notify(tr("优化用时过长，已停止；站点顺序没有改变。"), NOTICE_MS)
        else:
            raise error  # a bug: the crash handler reports it

    def _on_window_sites_changed(self, sites: list[Site]) -> None:
        self.editor.gathering.set_sites(sites)
        if self.session.attached:
            self.session.set_sites(sites)

    def _on_session_plan_changed(self, plan: Plan, _schedule: object, warnings: object) -> None:
        if self.schedule.isHidden():
            self._show_schedule_pane()
        self._mark_plan_sites(plan)
        marks = worst_by_stop(warnings) if isinstance(warnings, list) else {}
        route = route_payload(plan, self.session.sites, marks)
        # frame the route once: when a plan is opened, or when its first stop appears
        has_stops = bool(route.get("stops"))
        route["fit"] = plan.id != self._routed_plan_id or not self._routed_had_stops
        self._routed_plan_id = plan.id
        self._routed_had_stops = has_stops
        self.map.set_route(route)
        self._update_actions()

    def _show_schedule_pane(self) -> None:
        self.schedule.show()
        self.right_tabs.setCurrentWidget(self.plan_pane)
        layout = self.plan_pane.layout()
        if layout is not None:
            layout.activate()  # the pane was behind 站点详情: its splitter gets its height now
        if {"middle", "plan"} <= self._restored_splitters:
            window_state.restore_splitter("middle", self.middle)  # as the organiser left them
            window_state.restore_splitter("plan", self.plan_splitter)
            warnings = self.plan_splitter.sizes()[1]
            # left at their least, as a small screen squeezes them: their usual share again
            least = self.warnings.minimumSizeHint().height()
            self.plan_splitter.want(warnings if warnings > least else None)
            return
        height = max(self.middle.height(), 400)
        self.middle.setSizes([height * 11 // 20, height * 9 // 20])
        self.plan_splitter.want()

    def _mark_plan_sites(self, plan: Plan | None) -> None:
        """已在方案中 in the site list and the markers' popups."""
        ids = frozenset(s.site_id for s in plan.stops if s.site_id is not None) if plan else None
        self.window.mark_sites_in_plan(ids or frozenset())

    def _on_warnings_stop_chosen(self, stop_id: str) -> None:
        """A warning was clicked: select its stop, in the editor and on the map."""
        plan = self.session.plan
        stop = next((s for s in plan.stops if s.id == stop_id), None) if plan else None
        if stop is None:
            return
        self.right_tabs.setCurrentWidget(self.plan_pane)
        self.editor.tabs.setCurrentIndex(0)
        self.editor.select_stop(stop_id, chosen=True)
        if stop.site_id is not None:
            self.map.highlight(stop.site_id)

    def _on_session_plan_closed(self) -> None:
        self._mark_plan_sites(None)
        self._routed_plan_id = None
        self.schedule.hide()
        self.map.set_route(route_payload(None, {}))
        self._update_actions()

    def _on_session_changed_elsewhere(self, before: Plan, after: Plan | None) -> None:
        self.window.notify(reloaded_notice(before, after, self.session.sites), NOTICE_MS * 2)

    def _on_session_conflict_changed(self) -> None:
        self.editor.leave_room_above(self.session.conflict is not None)  # for the bar
        if self.session.conflict is not None:
            self.right_tabs.setCurrentWidget(self.plan_pane)
            self.window.notify(
                tr("方案未保存：它已在别处被修改。请在“当前方案”中选择如何处理。"), 0
            )
        else:
            self.window.notify("", 1)

    def _on_session_database_replaced(self) -> None:
        """Another user's (or computer's) restore put another file in the database's place:
        every later save would go into the old file, which is gone. Said before another edit
        is taken; the window closes and HongTu is started again on the file now there."""
        from hongtu.core.storage.files import sqlite_file

        self.replaced = True
        self.watch_timer.stop()
        self.session.forget_unsaved()
        db_file = sqlite_file(str(self.workspace.database.url)) if self.workspace else None
        messages.warning(
            self.window,
            tr("数据库文件已被替换"),
            tr(
                "数据库文件 {0} 已在别处被另一个文件替换（例如另一个用户或另一台电脑从备份恢复了"
                "数据）。这个窗口打开的是被替换掉的旧文件，之后的修改无法保存到新文件里。\n\n"
                "红途现在关闭，请重新打开，以使用现在的数据库文件。"
            ).format(db_file if db_file is not None else ""),
        )
        self.close_after_replaced()

    def _on_session_save_waiting(self, waiting: bool) -> None:
        if waiting:
            self.window.notify(
                tr("数据库正被另一个程序占用：修改仍在屏幕上，它一释放就自动保存。"), 0
            )
        else:
            self.window.notify(tr("修改已保存。"))

    def _on_session_save_failed(self, error: str) -> None:
        self.window.notify(
            tr("方案未能保存：{0}修改仍在屏幕上，红途每秒重试一次，能写入时自动保存。").format(
                unsaved_reason(self._save_problem(error))
            ),
            0,
        )

    def _update_actions(self, *_args: object) -> None:
        stack = self.session.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        session = self.session
        self.undo_action.setText(
            tr("撤销“{0}”(&U)").format(session.undo_text()) if stack.canUndo() else tr("撤销(&U)")
        )
        self.redo_action.setText(
            tr("重做“{0}”(&R)").format(session.redo_text()) if stack.canRedo() else tr("重做(&R)")
        )
        has_plan = self.session.plan is not None
        self.new_action.setEnabled(self.session.attached)
        self.add_stop_action.setEnabled(has_plan)
        self.optimise_action.setEnabled(has_plan and len(self.session.plan.stops) >= 2)  # type: ignore[union-attr]
        self.duplicate_action.setEnabled(has_plan)
        self.delete_action.setEnabled(has_plan)
        for action in self.output_actions:
            action.setEnabled(has_plan)
