"""The open plan: every edit goes through here, is saved at once and can be undone.

``PlanSession`` owns the current ``Plan`` and one ``QUndoStack``. Each edit is a pure function of
``hongtu.core.plan_edits`` applied to the current plan; the plan before and after is kept in a
``PlanSnapshotCommand``, and redo/undo simply save and show one of the two. Creating, duplicating
and deleting plans are commands on the same stack, so Ctrl+Z after 删除 brings the plan back.
Every change is saved through ``PlanStore`` before ``plan_changed`` is emitted, so what the
organiser sees is what is on disk.

Widgets with typed text ask for ``flush_requested`` before anything else changes the plan
(another plan opened, undo, closing), so a half-typed title is never lost or mixed up.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time
from time import monotonic
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from hongtu.core import plan_edits
from hongtu.core.cancel import ShouldStop, never
from hongtu.core.optimise import optimise_stop_order, tour_minutes, unplaced_stop_count
from hongtu.core.pipeline import PlanView, render_plan
from hongtu.core.plans import (
    Activity,
    GatheringPoint,
    Plan,
    PlanStatus,
    Schedule,
    copy_plan,
)
from hongtu.core.settings import Settings
from hongtu.core.sites import Site
from hongtu.core.text import shortened
from hongtu.core.warnings import PlanWarning

if TYPE_CHECKING:
    from hongtu.core.members import Member
    from hongtu.core.storage.changes import ChangeProbe
    from hongtu.core.storage.member_store import MemberStore
    from hongtu.core.storage.plan_store import PlanStore
    from hongtu.core.storage.plan_summary import PlanSummary
    from hongtu.core.storage.site_store import SiteStore
    from hongtu.qt.plan_watch import ChangeWatcher, Look

log = logging.getLogger(__name__)

_MERGE_ID = 0x4854  # commands typed into the same field in a row merge into one undo step
MERGE_SECONDS = 3.0  # …when each follows the previous one within this many seconds
UNDO_LIMIT = 1000  # undo steps kept; each holds the plan before and after (benchmarks/README.md)
RELIST_AFTER = 50  # more plans than this changed elsewhere at once: list them all again
#: An edit's save waits this long for another program's write lock (DB Browser with changes
#: not yet written, a backup tool): longer would freeze the window (the busy timeout is 10 s).
SAVE_WAIT_MS = 50
#: While the lock is held elsewhere the open plan's changes stay on screen and are tried again
#: this often; edits meanwhile do not wait for it at all.
SAVE_RETRY_MS = 1000


TITLE_IN_STEP = 12  # characters of a plan's title in an undo step's name (编辑 › 撤销“…”)


def tr(text: str) -> str:
    """The names of the undo steps (编辑 › 撤销“添加站点”), in the user's language."""
    return QCoreApplication.translate("PlanSession", text)


def elided_title(title: str, limit: int = TITLE_IN_STEP) -> str:
    """A plan's title short enough for a menu item."""
    return shortened(title, limit)


@dataclass(frozen=True)
class PlanConflict:
    """This window's copy of a plan (unsaved), the plan as stored now (None: deleted), and the
    copy this window last saved or loaded (what "changed elsewhere" is measured against)."""

    mine: Plan
    theirs: Plan | None
    base: Plan | None = None


class SessionStep(QUndoCommand):
    """A step of a session's undo history. It reaches its session through a weak reference:
    the stack (the session's child) owns its steps, and a step holding its session as well made
    a cycle that Python's collector took apart in any order. A session without a parent that was
    collected so could free its steps before its stack, whose clearing then crashed the process.
    A step runs only from its session's stack, so the session is there whenever it does."""

    def __init__(self, session: PlanSession, text: str) -> None:
        super().__init__(text)
        self._session = weakref.ref(session)

    @property
    def session(self) -> PlanSession:
        session = self._session()
        if session is None:  # its stack went with it: nothing can run a step any more
            raise RuntimeError("the plan session of this undo step is gone")
        return session


class PlanSnapshotCommand(SessionStep):
    def __init__(
        self, session: PlanSession, before: Plan, after: Plan, text: str, merge_key: str | None
    ) -> None:
        super().__init__(session, text)
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.last_edit = monotonic()
        self.plan_id = after.id  # the plan this step changes, and its title then
        self.title = after.title

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, PlanSnapshotCommand) or other.merge_key != self.merge_key:
            return False
        if other.before.id != self.after.id or other.last_edit - self.last_edit > MERGE_SECONDS:
            return False
        self.after = other.after
        self.last_edit = other.last_edit
        return True

    def redo(self) -> None:
        self.session._put(self.after)

    def undo(self) -> None:
        self.session._put(self.before)


class CreatePlanCommand(SessionStep):
    """Opens a plan just saved (new, imported or a copy); undo deletes it (softly), redo
    restores it. The plan is saved before the command is pushed: a database that refuses the
    write leaves no step behind that undoes nothing."""

    def __init__(self, session: PlanSession, created: Plan, text: str) -> None:
        super().__init__(session, text)
        assert created.id is not None
        self.plan_id: int = created.id
        self.title = created.title
        self.created = created  # as first saved: undo asks if it has changed since (elsewhere)
        self._saved = True  # the first redo (the push) has nothing to write

    def redo(self) -> None:
        if not self._saved:
            self.session.store.restore(self.plan_id)
        self._saved = False
        self.session.open(self.plan_id)
        self.session.plan_listed.emit(self.plan_id)

    def undo(self) -> None:
        self.session._delete(self.plan_id)


class DeletePlanCommand(SessionStep):
    """A plan deleted (softly) before the command is pushed; undo restores it."""

    def __init__(self, session: PlanSession, plan_id: int, title: str, text: str) -> None:
        super().__init__(session, text)
        self.plan_id = plan_id
        self.title = title
        self._deleted = True  # the first redo (the push) has nothing to write

    def redo(self) -> None:
        if not self._deleted:
            self.session._delete(self.plan_id)
        self._deleted = False

    def undo(self) -> None:
        self.session.store.restore(self.plan_id)
        self.session.open(self.plan_id)
        self.session.plan_listed.emit(self.plan_id)


@dataclass(frozen=True, slots=True)
class OrderSaving:
    """What 优化顺序 did: travel minutes before and after (equal: the order was already the
    shortest), counting only legs between places with a position; how many stops were left where
    they are for want of a position; how many hand-typed leg minutes the new order cleared."""

    before: int
    after: int
    unplaced: int = 0
    forgotten_legs: int = 0


class PlanSession(QObject):
    plan_changed = Signal(object, object, object)  # Plan, Schedule, list[PlanWarning]
    plan_closed = Signal()
    plans_changed = Signal()  # the whole list may have changed: list it again
    plan_listed = Signal(int)  # this plan's line in the list changed, appeared or went away
    # The driver's message (never the values saved); the UI says it in its own words. The
    # open plan's changes stay on screen and are tried again every second (``save_error``).
    save_failed = Signal(str)
    # True: another program holds the database's write lock; the open plan's changes are on
    # screen and saved as soon as it lets go (False: saved now, also after a failed save).
    save_waiting = Signal(bool)
    flush_requested = Signal()  # widgets holding typed text push it now
    # A save was refused because the plan changed elsewhere (another window, the CLI): the
    # organiser's copy stays on screen, unsaved. (mine: Plan, theirs: Plan | None if deleted)
    conflict_changed = Signal()
    # The open plan was changed (Plan before, Plan after) or deleted (before, None) elsewhere
    # and has been reloaded; the undo history of this window no longer applies to it.
    changed_elsewhere = Signal(object, object)
    # list[Site]: another program added or corrected sites (``hongtu sites add``, a second
    # window's correction); the window shows them, which gives them to this session too
    sites_changed_elsewhere = Signal(list)
    # Another file was put in the database's place (a restore by another user or computer):
    # what this window saves from now on would go into the old file, which is gone.
    database_replaced = Signal()
    optimised = Signal(object)  # OrderSaving: what 优化顺序 saved (nothing: already best)
    # A change of the stops' order cleared this many hand-typed leg minutes (their legs now
    # start elsewhere); not emitted for 优化顺序, whose OrderSaving says it.
    legs_forgotten = Signal(int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        settings: Callable[[], Settings] = Settings,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # memory stays bounded in a long session
        self._store: PlanStore | None = None
        self._sites: dict[int, Site] = {}
        self._members: MemberStore | None = None
        self._rosters: dict[str, tuple[Member, ...]] = {}  # by branch, until the roster changes
        self._settings = settings
        self._today = today
        self.plan: Plan | None = None
        self.view: PlanView | None = None  # the open plan through the one pipeline
        self.schedule: Schedule | None = None
        self.warnings: list[PlanWarning] = []
        self._timed_with: tuple[object, ...] | None = None  # the settings the plan was timed with
        # The stored version of each plan this window saved or loaded (None: it deleted it).
        self._versions: dict[int, int | None] = {}
        self._listed: dict[int, int] | None = None  # every plan's version at the last look
        self._watcher: ChangeWatcher | None = None  # looks for other programs' writes
        self._base: Plan | None = None  # the open plan as last saved or loaded
        # Every plan as this window last saved or loaded it (at ``_versions``): what "changed
        # elsewhere" is measured against, also for a plan an undo step goes back to.
        self._seen: dict[int, Plan] = {}
        self._base_exact = False  # …and it is exactly what is stored (not fitted to the limits)
        self.conflict: PlanConflict | None = None
        self.waiting = False  # the open plan's changes wait for another program's write lock
        # …or for a write that failed (a full disk, a file made read-only) to succeed: the
        # driver's message of the last failed try, None while only the lock is waited for.
        self.save_error: str | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(SAVE_RETRY_MS)
        self._retry.timeout.connect(self._save_when_free)
        # Asked (plan before, after) before an edit renames the open plan, moves it to another
        # day or adds or removes a stop; False leaves the plan as it is. The window asks the
        # organiser when the plan's day has been recorded (the plan is being reused).
        self.confirm_edit: Callable[[Plan, Plan], bool] | None = None
        # Asked (the plan as stored) before undoing 新建方案 deletes a plan that has changed
        # since it was created; False keeps it.
        self.confirm_delete_created: Callable[[Plan], bool] | None = None

    # ---- set-up --------------------------------------------------------------------------------
    def today(self) -> date:
        """The day the warnings and the plans list measure “past” from."""
        return self._today()

    def attach(
        self, store: PlanStore, sites: list[Site], members: MemberStore | None = None
    ) -> None:
        """``members``: the branches' rosters, for the 签到表 and its 应到 count."""
        self._store = store
        self._sites = {site.id: site for site in sites}
        self._members = members
        self._rosters.clear()
        self.plans_changed.emit()

    def roster_changed(self) -> None:
        """A roster was imported or edited: the open plan's 签到表 is built again."""
        self._rosters.clear()
        if self.plan is not None:
            self._show(self.plan)

    def _roster(self, branch: str) -> tuple[Member, ...]:
        branch = branch.strip()
        if self._members is None or not branch:
            return ()
        if branch not in self._rosters:
            self._rosters[branch] = tuple(self._members.members(branch))
        return self._rosters[branch]

    @property
    def store(self) -> PlanStore:
        if self._store is None:
            raise RuntimeError("no workspace is open")
        return self._store

    @property
    def attached(self) -> bool:
        return self._store is not None

    @property
    def sites(self) -> dict[int, Site]:
        return self._sites

    def set_settings(self, settings: Settings) -> None:
        """The organiser changed the settings: use them from now on and re-time the open plan.

        Nothing is saved and nothing goes on the undo stack: the plan itself has not changed, only
        how its legs are estimated and how long a day may be.
        """
        self._settings = lambda: settings
        if self.plan is not None and _timing(settings) != self._timed_with:
            self._show(self.plan)

    def set_sites(self, sites: list[Site]) -> None:
        """The catalogue changed (a corrected position): re-time the open plan."""
        self._sites = {site.id: site for site in sites}
        if self.plan is not None:
            self._show(self.plan)

    def list_plans(self) -> list[PlanSummary]:
        return self.store.list_plans() if self._store is not None else []

    def plan_summary(self, plan_id: int) -> PlanSummary | None:
        """The plan's line in the list; None when it is deleted or gone."""
        from hongtu.core.storage.plan_store import PlanNotFoundError

        if self._store is None:
            return None
        try:
            return self._store.summary(plan_id)
        except PlanNotFoundError:
            return None

    # ---- opening, creating, deleting -----------------------------------------------------------
    def open(self, plan_id: int) -> None:
        if self.plan is not None and self.plan.id == plan_id:
            return
        self.flush_requested.emit()
        if not self.save_waiting_now():
            return
        self._show(self._load(plan_id))

    def create(self, title: str, day: date) -> None:
        transport = self._settings().transport_mode
        plan = plan_edits.new_plan(title, day, transport)
        self.flush_requested.emit()
        if not self.save_waiting_now():
            return
        self._push_new(self._save_new(plan), tr("新建方案"))

    def import_plan(self, plan: Plan, save: Callable[[Plan], Plan] | None = None) -> int | None:
        """Save a plan read from a file and open it (one undo step); its new id. ``save``: how
        it is stored (with its record, in one transaction), else the plan store's save."""
        self.flush_requested.emit()
        if not self.save_waiting_now():
            return None
        saved = save(plan) if save is not None else plan
        return self._push_new(self._save_new(saved), tr("导入方案"))

    def duplicate(self, plan_id: int, title: str) -> None:
        self.flush_requested.emit()
        if not self.save_waiting_now():
            return
        self._push_new(self._save_new(self.store.duplicate(plan_id, title)), tr("复制方案"))

    def _push_new(self, plan_id: int, text: str) -> int:
        self.undo_stack.push(CreatePlanCommand(self, self.store.get(plan_id), text))
        return plan_id

    def delete(self, plan_id: int) -> None:
        self.flush_requested.emit()
        if not self.save_waiting_now():
            return
        summary = self.plan_summary(plan_id)
        title = summary.title if summary is not None else ""
        self._delete(plan_id)  # first: a refused write pushes no step
        self.undo_stack.push(DeletePlanCommand(self, plan_id, title, tr("删除方案")))

    def undo(self) -> None:
        self.flush_requested.emit()
        step = self._step(self.undo_stack.index() - 1)
        if isinstance(step, CreatePlanCommand) and not self._may_delete_created(step):
            return
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush_requested.emit()
        self.undo_stack.redo()

    def undo_text(self) -> str:
        """The next undo step's name, naming its plan when that is not the open one."""
        return self._step_text(self._step(self.undo_stack.index() - 1))

    def redo_text(self) -> str:
        return self._step_text(self._step(self.undo_stack.index()))

    def _step(self, index: int) -> QUndoCommand | None:
        if not 0 <= index < self.undo_stack.count():
            return None
        return self.undo_stack.command(index)

    def _step_text(self, step: QUndoCommand | None) -> str:
        if step is None:
            return ""
        plan_id: int | None = getattr(step, "plan_id", None)
        if plan_id is None or (self.plan is not None and self.plan.id == plan_id):
            return step.text()
        summary = self.plan_summary(plan_id)
        title = summary.title if summary is not None else str(getattr(step, "title", ""))
        return tr("{0}：{1}").format(elided_title(title), step.text())

    def _may_delete_created(self, step: CreatePlanCommand) -> bool:
        """Undoing 新建方案 (导入, 复制) deletes the plan: asked first when it now holds more than
        it was created with (changed in another window or by the command line)."""
        from hongtu.core.storage.plan_store import PlanNotFoundError

        try:
            stored = self.store.get(step.plan_id)
        except PlanNotFoundError:
            return True
        if stored == step.created or self.confirm_delete_created is None:
            return True
        return self.confirm_delete_created(stored)

    # ---- edits of the open plan ----------------------------------------------------------------
    def set_plan_field(self, name: str, value: Any, *, typing: bool = False) -> None:
        """``typing``: consecutive edits of the same text field become one undo step."""
        self._edit(
            tr("修改方案"),
            plan_edits.set_plan_field,
            name,
            value,
            merge_key=f"plan.{name}" if typing else None,
        )

    def set_gathering(self, gathering: GatheringPoint) -> None:
        self._edit(tr("修改集合地点"), plan_edits.set_gathering, gathering)

    def add_site_stop(self, site_id: int, index: int | None = None) -> str | None:
        stop = plan_edits.site_stop(site_id)
        added = self._reorder(tr("添加站点"), plan_edits.add_stop, stop, index)
        return stop.id if added is not None else None

    def remove_stop(self, stop_id: str) -> None:
        self._reorder(tr("删除站点"), plan_edits.remove_stop, stop_id)

    def move_stop(self, stop_id: str, new_index: int) -> None:
        self._reorder(tr("调整顺序"), plan_edits.move_stop, stop_id, new_index)

    def _reorder(self, text: str, edit: Callable[..., Plan], *args: Any) -> int | None:
        """An edit of the stops' order; the number of hand-typed leg minutes it cleared (None:
        nothing changed), also told through ``legs_forgotten``."""
        before = self.plan
        if not self._edit(text, edit, *args) or before is None or self.plan is None:
            return None
        forgotten = plan_edits.forgotten_leg_count(before, self.plan)
        if forgotten and edit is not plan_edits.apply_order:
            self.legs_forgotten.emit(forgotten)
        return forgotten

    def move_stop_by(self, stop_id: str, delta: int) -> None:
        if self.plan is None:
            return
        index = plan_edits.stop_index(self.plan, stop_id) + delta
        if 0 <= index < len(self.plan.stops):
            self.move_stop(stop_id, index)

    def set_stop_field(self, stop_id: str, name: str, value: Any) -> None:
        self._edit(tr("修改站点"), plan_edits.set_stop_field, stop_id, name, value)

    def set_pinned(self, stop_id: str, pinned: bool) -> None:
        text = tr("固定站点") if pinned else tr("取消固定")
        self._edit(text, plan_edits.set_pinned, stop_id, pinned)

    def set_start_override(self, stop_id: str, start: time | None) -> None:
        self._edit(
            tr("设定开始时间"), plan_edits.set_stop_field, stop_id, "start_override", start
        )

    def set_leg_minutes(self, stop_id: str | None, minutes: int | None) -> None:
        """Hand-set the minutes of the leg arriving at ``stop_id`` (None: the return leg)."""
        text = tr("设定路程用时")
        if stop_id is None:
            self._edit(text, plan_edits.set_plan_field, "return_leg_override", minutes)
        else:
            self._edit(text, plan_edits.set_stop_field, stop_id, "leg_minutes_override", minutes)

    def add_activity(self, stop_id: str, activity: Activity) -> None:
        self._edit(tr("添加活动"), plan_edits.add_activity, stop_id, activity)

    def remove_activity(self, stop_id: str, index: int) -> None:
        self._edit(tr("删除活动"), plan_edits.remove_activity, stop_id, index)

    def change_activity(self, stop_id: str, index: int, activity: Activity) -> None:
        self._edit(tr("修改活动"), plan_edits.change_activity, stop_id, index, activity)

    def optimise_order(self) -> bool:
        """Re-order the stops for the least travel (pinned stops stay); False if already best."""
        if self.plan is None or len(self.plan.stops) < 2:
            return False
        return self.apply_order(self.plan, self.optimised_order(self.plan))

    def optimised_order(self, plan: Plan, should_stop: ShouldStop = never) -> list[str]:
        """The best order of ``plan``'s stops; safe to call on a worker thread (reads only)."""
        return optimise_stop_order(plan, self._sites, self._settings().travel, should_stop)

    def apply_order(self, plan: Plan, order: list[str]) -> bool:
        """Puts ``order`` (found for ``plan``) in place; False if already so or the open plan has
        changed since (an order found for another version is not applied). ``optimised`` says
        how many minutes of travel it saved (none: the order was already the shortest), counting
        only the legs between places with a position."""
        if self.plan is not plan:
            return False
        travel = self._settings().travel
        current = [stop.id for stop in plan.stops]
        before = tour_minutes(current, plan, self._sites, travel)
        after = tour_minutes(order, plan, self._sites, travel)
        unplaced = unplaced_stop_count(plan, self._sites)
        if order == current or after >= before:
            self.optimised.emit(OrderSaving(before, before, unplaced))
            return False
        forgotten = self._reorder(tr("优化顺序"), plan_edits.apply_order, order)
        if forgotten is not None:
            self.optimised.emit(OrderSaving(before, after, unplaced, forgotten))
        return forgotten is not None

    # ---- internals -----------------------------------------------------------------------------
    def _edit(
        self, text: str, edit: Callable[..., Plan], *args: Any, merge_key: str | None = None
    ) -> bool:
        if self.plan is None:
            return False
        before = self.plan
        after = edit(before, *args)
        if after == before:
            return False
        confirm = self.confirm_edit
        if confirm is not None and _moves_the_day(before, after) and not confirm(before, after):
            self._show(before)  # the fields show the plan as it still is
            return False
        self.undo_stack.push(PlanSnapshotCommand(self, before, after, text, merge_key))
        return True

    def _put(self, plan: Plan) -> None:
        """Save ``plan`` (a snapshot) and show it; it becomes the open plan."""
        previous = self.plan
        saved = self._save(plan)
        self._show(saved)
        if saved.id is not None and (previous is None or _summary(previous) != _summary(saved)):
            self.plan_listed.emit(saved.id)

    def _save(self, plan: Plan, wait_ms: int | None = SAVE_WAIT_MS, *, retry: bool = False) -> Plan:
        """Save against the version this window last saw; refused if it moved on elsewhere.

        ``wait_ms``: how long to wait for another program's write lock; when it is not free the
        plan stays on screen, unsaved, and is saved when it is (``save_waiting``). None: the
        store's longer wait (leaving the plan: its changes must be saved before it goes). ``retry``:
        the timer's attempt while waiting (an edit's save does not try then)."""
        from sqlalchemy.exc import SQLAlchemyError

        from hongtu.core.storage.plan_store import PlanNotFoundError, StalePlanError

        # A shallow copy: plans on the undo stack are never changed in place (every edit copies),
        # only the version differs; a 500-stop deep copy cost ~25 ms a keystroke in the notes.
        to_save = replace(plan)
        if plan.id is not None:
            known = self._versions.get(plan.id)
            to_save.version = known if known is not None else plan.version
        if self.waiting and wait_ms is not None and not retry:  # the timer tries; edits never wait
            return to_save
        try:
            saved = self.store.save(
                to_save,
                stops_as_stored=self._stops_as_stored(to_save),
                share=True,
                wait_ms=wait_ms,
            )
        except StalePlanError as exc:
            log.warning("plan %s not saved: it was changed elsewhere", plan.id)
            return self._refused(to_save, exc.current)
        except PlanNotFoundError:
            log.warning("plan %s not saved: it no longer exists", plan.id)
            return self._refused(to_save, None)
        except SQLAlchemyError as exc:
            if wait_ms is not None and plan.id is not None and _locked_elsewhere(exc):
                log.info("plan %s not saved yet: another program holds the database", plan.id)
                self._wait_for_the_lock()
                return to_save
            error = str(getattr(exc, "orig", None) or exc)  # without the statement's values
            if error != self.save_error:  # once, not at every try
                log.error("plan %s not saved: %s: %s", plan.id, type(exc).__name__, error)
            if plan.id is not None:  # on screen, unsaved: tried again until it is saved
                self.save_error = error
                self._retry.start()
                self.waiting = True
            self.save_failed.emit(error)
            return to_save
        assert saved.id is not None
        if self.waiting:
            self.waiting = False
            self.save_error = None
            self._retry.stop()
            self.save_waiting.emit(False)
        self._versions[saved.id] = saved.version
        self._seen[saved.id] = saved
        self._base = saved
        self._base_exact = True
        if self.conflict is not None and self.conflict.mine.id == saved.id:
            self.conflict = None
            self.conflict_changed.emit()
        return saved

    def _still_waiting(self) -> bool:
        """After a try: the lock is still held elsewhere (a method, so that a type checker
        does not take ``waiting`` for unchanged by the try)."""
        return self.waiting

    def _wait_for_the_lock(self) -> None:
        self._retry.start()
        if not self.waiting or self.save_error is not None:
            self.waiting = True
            self.save_error = None
            self.save_waiting.emit(True)

    def _save_when_free(self) -> None:
        """The timer: the open plan's changes, tried again (briefly) while the lock is held or
        after a write failed."""
        plan = self.plan
        if not self.waiting or plan is None:
            self.waiting = False
            return
        saved = self._save(plan, retry=True)
        if not self._still_waiting():  # saved, or refused (changed elsewhere: a conflict)
            self._show_saved(saved)

    def save_waiting_now(self) -> bool:
        """Before the open plan is left (another plan, a new one, the window closing): changes
        waiting for the lock are saved now, waiting the database's usual wait if need be. False:
        they still could not be saved (they stay on screen; the plan is not left)."""
        plan = self.plan
        if not self.waiting or plan is None:
            return True
        self._retry.stop()
        saved = self._save(plan, wait_ms=None)
        if self._still_waiting():  # still locked after the longer wait, or the write failed
            # again (save_failed said so)
            self._retry.start()
            return False
        self._show_saved(saved)
        return True

    def _show_saved(self, saved: Plan) -> None:
        """Changes that waited, saved (or refused as a conflict): shown, and their list line."""
        self._show(saved)
        if saved.id is not None:
            self.plan_listed.emit(saved.id)

    def give_up_waiting(self) -> None:
        """The organiser closes without the changes that wait to be saved: no more tries."""
        self.waiting = False
        self.save_error = None
        self._retry.stop()

    def forget_unsaved(self) -> None:
        """The database was replaced (a restore): changes waiting to be saved and a refused
        copy are dropped with the data they were made against."""
        self.give_up_waiting()
        self.conflict = None

    def _stops_as_stored(self, plan: Plan) -> bool:
        """The stops of ``plan`` are those stored at its version: this window last saved or
        loaded them at that version (the base) and they have not changed since."""
        base = self._base
        return (
            base is not None
            and self._base_exact
            and plan.id is not None
            and base.id == plan.id
            and base.version == plan.version
            and (base.stops is plan.stops or base.stops == plan.stops)
        )

    def _refused(self, mine: Plan, theirs: Plan | None) -> Plan:
        self.waiting = False  # nothing more to wait for: the conflict is the organiser's choice
        self.save_error = None
        self._retry.stop()
        base = self._seen.get(mine.id) if mine.id is not None else None
        self.conflict = PlanConflict(copy_plan(mine), theirs, base)
        self.conflict_changed.emit()
        return mine

    def _load(self, plan_id: int) -> Plan:
        plan, exact = self.store.read(plan_id)
        self._versions[plan_id] = plan.version
        self._seen[plan_id] = plan
        self._base = plan
        self._base_exact = exact
        return plan

    def _save_new(self, plan: Plan) -> int:
        saved = self.store.save(plan) if plan.id is None else plan
        assert saved.id is not None
        self._versions[saved.id] = saved.version
        return saved.id

    # ---- other writers ---------------------------------------------------------------------------
    def reload_plan(self) -> None:
        """Drop this window's unsaved copy and show the plan as it is stored now."""
        conflict, self.conflict = self.conflict, None
        if conflict is None:
            return
        self.undo_stack.clear()  # its steps were made against a plan that is no longer there
        self.conflict_changed.emit()
        plan_id = conflict.mine.id
        if conflict.theirs is None or plan_id is None:
            self._close_gone_plan()
        else:
            self._show(self._load(plan_id))
        self.plans_changed.emit()

    def keep_mine(self) -> None:
        """Save this window's copy over what was saved elsewhere (restoring it if deleted)."""
        conflict = self.conflict
        if conflict is None or conflict.mine.id is None:
            return
        from hongtu.core.storage.plan_store import PlanNotFoundError

        plan_id = conflict.mine.id
        try:
            if self.store.version_of(plan_id) is None:
                self.store.restore(plan_id)
        except PlanNotFoundError:  # removed for good: keep the organiser's work as a new plan
            mine = copy_plan(conflict.mine)
            mine.id = None
            self.conflict = None
            self.undo_stack.clear()
            self._show(self.store.get(self._save_new(mine)))
            self.conflict_changed.emit()
            self.plans_changed.emit()
            return
        current = self.store.version_of(plan_id)
        if current is not None:
            self._versions[plan_id] = current
        mine = conflict.mine
        if mine.status is not PlanStatus.DONE and self.store.is_recorded(plan_id):
            mine = replace(mine, status=PlanStatus.DONE)  # recorded elsewhere meanwhile
        self.undo_stack.clear()
        self._put(mine)

    def merged(self) -> Plan | None:
        """The open conflict's two copies in one plan, when this window and the other writer
        changed different things (``plan_diff.merged_plan``); else None."""
        from hongtu.core.plan_diff import merged_plan

        conflict = self.conflict
        if conflict is None or conflict.theirs is None or conflict.base is None:
            return None
        return merged_plan(conflict.base, conflict.mine, conflict.theirs)

    def merge_changes(self) -> None:
        """Save the merged plan: this window's changes and those made elsewhere both kept. It
        is saved against the stored copy it was merged with (changed again meanwhile: refused,
        a new conflict)."""
        conflict, merged = self.conflict, self.merged()
        if conflict is None or conflict.theirs is None or merged is None or merged.id is None:
            return
        self._versions[merged.id] = conflict.theirs.version
        self.undo_stack.clear()  # its steps were made against a plan that is no longer there
        self._put(merged)

    def reload_stored(self, plan_id: int) -> None:
        """This window changed the stored plan outside the undo stack (recording its day marked
        it 已完成): its line is listed again and, if it is open, it is shown as stored. The undo
        steps made before no longer apply (undoing one would put back the old status)."""
        if self.plan is not None and self.plan.id == plan_id and self.conflict is None:
            self.undo_stack.clear()
            self._show(self._load(plan_id))
        elif plan_id in self._versions and self._store is not None:
            self._versions[plan_id] = self._store.version_of(plan_id)
            self._seen.pop(plan_id, None)  # (its copy is not at that version)
        self.plan_listed.emit(plan_id)

    def watch(self, probe: ChangeProbe, sites: SiteStore | None = None) -> None:
        """Look for other programs' writes with ``probe`` whenever ``poll_changes`` is called
        (off the GUI thread; the first look notes every plan's version and, with ``sites``,
        what the sites are at)."""
        from hongtu.qt.plan_watch import ChangeWatcher

        self.unwatch()
        self._watcher = ChangeWatcher(probe, self.store, self._members, sites)
        self._listed = None
        self._watcher.start(None, ())

    def unwatch(self) -> None:
        """Stop looking; the probe is closed (after a look still running)."""
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def poll_changes(self) -> None:
        """Another program may have written: bring the list, the open plan and the rosters up
        to date with what the last look found, and start the next look.

        Only plans whose stored version differs from what this window saved or loaded count as
        changed elsewhere. Their lines in the list are updated; if the open plan is one of them,
        text still being typed is pushed first (that save is refused and becomes a conflict,
        the typing staying on screen); otherwise the plan is reloaded, or closed if deleted.
        A roster changed elsewhere (``hongtu members import``) is shown in the 签到表.
        """
        watcher = self._watcher
        if self._store is None or watcher is None:
            return
        found = watcher.take()
        if found is not None:
            self._apply_look(found)
        if self._watcher is watcher:  # (started last: it never competes with the applying)
            watcher.start(self._listed, tuple(self._rosters))

    def _apply_look(self, found: Look) -> None:
        if found.replaced:  # said once; nothing more to look at in the old file
            self.unwatch()
            self.database_replaced.emit()
            return
        self._listed = found.versions
        self._apply_rosters(found.rosters)
        if found.sites is not None and {s.id: s for s in found.sites} != self._sites:
            self.sites_changed_elsewhere.emit(found.sites)  # before the plans that use them
        if found.first:
            return
        current = found.versions
        elsewhere = sorted(
            i for i in found.moved if i not in self._versions or self._versions[i] != current.get(i)
        )
        if not elsewhere:
            return
        if len(elsewhere) > RELIST_AFTER:
            self.plans_changed.emit()
        else:
            for plan_id in elsewhere:
                self.plan_listed.emit(plan_id)
        if self.plan is not None and self.plan.id in elsewhere:
            self._refresh_open_plan(self.plan.id)

    def _apply_rosters(self, rosters: dict[str, tuple[Member, ...]]) -> None:
        """Rosters read by a look that differ from those held: the 签到表 is built again."""
        changed = {
            branch
            for branch, roster in rosters.items()
            if branch in self._rosters and self._rosters[branch] != roster
        }
        for branch in changed:
            self._rosters[branch] = rosters[branch]
        if changed and self.plan is not None and self.plan.branch.strip() in changed:
            self._show(self.plan)

    def _refresh_open_plan(self, plan_id: int) -> None:
        if self.conflict is not None:  # already refused: show the newest stored copy in the bar
            stored = self.store.version_of(plan_id)
            theirs = self.store.get(plan_id) if stored is not None else None
            self.conflict = PlanConflict(self.conflict.mine, theirs, self.conflict.base)
            self.conflict_changed.emit()
            return
        self.flush_requested.emit()  # a slot may save the typing, or find a conflict
        if self.waiting:  # changes waiting for the lock: tried now, never dropped for theirs
            self._save_when_free()
            if self.waiting:
                return
        if self._plan_to_check() != plan_id:
            return
        stored = self.store.version_of(plan_id)
        if stored == self._versions.get(plan_id):
            return
        before = self.plan
        assert before is not None
        self.undo_stack.clear()  # its steps were made against a plan that is no longer there
        if stored is None:
            self._versions[plan_id] = None
            self._close_gone_plan()
            self.changed_elsewhere.emit(before, None)
            return
        after = self._load(plan_id)
        self._show(after)
        self.changed_elsewhere.emit(before, after)

    def _plan_to_check(self) -> int | None:
        """The id of the open, saved plan unless it is in conflict."""
        if self.conflict is not None or self.plan is None:
            return None
        return self.plan.id

    def _close_gone_plan(self) -> None:
        self.plan = None
        self.schedule = None
        self.warnings = []
        self.plan_closed.emit()

    def _delete(self, plan_id: int) -> None:
        self.store.delete(plan_id)
        self._versions[plan_id] = None
        if self.plan is not None and self.plan.id == plan_id:
            self._clear()
            self.plan_closed.emit()
        self.plan_listed.emit(plan_id)

    def _show(self, plan: Plan) -> None:
        settings = self._settings()
        view = render_plan(
            plan,
            self._sites,
            settings,
            today=self._today(),
            roster=self._roster(plan.branch),
            previous=self.view,
        )
        self.view, self.plan, self.schedule = view, plan, view.schedule
        self.warnings = list(view.warnings)
        self._timed_with = _timing(settings)
        self.plan_changed.emit(plan, view.schedule, self.warnings)

    def _clear(self) -> None:
        self.plan = None
        self.view = None
        self.schedule = None
        self.warnings = []


def _timing(settings: Settings) -> tuple[object, ...]:
    """What of the settings goes into the schedule and the warnings."""
    return (settings.travel, settings.max_day_minutes)


def _moves_the_day(before: Plan, after: Plan) -> bool:
    """Another title or date, or a stop added or removed: the plan no longer says what its day
    was."""
    return (
        before.title != after.title
        or before.date != after.date
        or {s.id for s in before.stops} != {s.id for s in after.stops}
    )


def _summary(plan: Plan) -> tuple[object, ...]:
    return (plan.id, plan.title, plan.date, plan.branch, plan.status, len(plan.stops))


def _locked_elsewhere(exc: Exception) -> bool:
    """The driver's error says another program holds the write lock."""
    from hongtu.core.storage.problems import DatabaseProblem, driver_problem

    return driver_problem(exc) is DatabaseProblem.LOCKED
