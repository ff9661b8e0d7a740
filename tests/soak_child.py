"""Child process for the soak test and benchmark: many edits of every kind in the real window.

Run as ``python soak_child.py DB_FILE EDITS [SEED] [--rss]``. Opens the real main window (map
included) offscreen, makes ``EDITS`` edits the way the organiser does — typing the title and the
notes and the branch (four edits in five are keystrokes, as when a person plans), adding,
removing and moving stops, adding and removing activities, the participants
spin box, undo and redo, switching between plans — in batches that let the event loop run, then
prints what the window shows as one ``shown {json}`` line and quits normally (``app.exec``
returns; the process exits with 0). ``--rss`` prints ``rss <edits> <kB>`` every 1,000 edits.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hongtu.core import plan_edits
from hongtu.core.plans import ActivityKind
from hongtu.qt.app import Controller, prepare_environment
from hongtu.qt.mainwindow import MainWindow

BATCH = 40  # edits between two turns of the event loop
MAX_STOPS = 12  # the soak keeps plans at a realistic size
FLUSH_EVERY = 8  # typed characters before the typed text is pushed (the debounce, sooner)
# An organiser types far more characters than they move stops: 4 of 5 edits are keystrokes.
TYPING = ("type_title", "erase_title", "type_notes", "type_branch")
STRUCTURE = (
    "add_stop",
    "add_stop",
    "remove_stop",
    "move_stop",
    "add_activity",
    "remove_activity",
    "participants",
    "undo",
    "undo",
    "redo",
    "switch_plan",
)
KINDS = TYPING * 11 + STRUCTURE


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def key(widget, key_code: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key_code, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(widget, event)


class Soak:
    def __init__(self, window: MainWindow, controller: Controller, edits: int, seed: int) -> None:
        self.window = window
        self.controller = controller
        self.ui = window.plan_ui
        assert self.ui is not None
        self.session = self.ui.session
        self.editor = self.ui.editor
        self.left = edits
        self.done = 0
        self.random = random.Random(seed)
        self.keystrokes = 0
        self.report_rss = "--rss" in sys.argv
        workspace = controller.workspace
        assert workspace is not None
        self.site_ids = [site.id for site in workspace.sites.list_sites()][:40]
        self.plan_ids: list[int] = []
        for title in ("缅怀先烈主题党日", "重温入党誓词", "红色教育基地参观"):
            self.session.create(title, date(2026, 7, 1))
            assert self.session.plan is not None and self.session.plan.id is not None
            self.plan_ids.append(self.session.plan.id)
        self.started = time.monotonic()

    # ---- one edit of each kind ---------------------------------------------------------------
    def _typed(self, debounced) -> None:  # type: ignore[no-untyped-def]
        self.keystrokes += 1
        if self.keystrokes % FLUSH_EVERY == 0:
            debounced.flush()

    def type_title(self) -> None:
        title = self.editor.title
        title.setFocus()
        title.end(False)
        if len(title.text()) > 40:
            key(title, Qt.Key.Key_Backspace)
        else:
            key(title, Qt.Key.Key_A, self.random.choice("红色党日学习传承abc123 "))
        self._typed(self.editor.title_text)

    def erase_title(self) -> None:
        title = self.editor.title
        if len(title.text()) > 2:
            title.end(False)
            key(title, Qt.Key.Key_Backspace)
            self._typed(self.editor.title_text)

    def type_branch(self) -> None:
        branch = self.editor.branch
        branch.end(False)
        if len(branch.text()) > 20:
            key(branch, Qt.Key.Key_Backspace)
        else:
            key(branch, Qt.Key.Key_A, self.random.choice("第一党支部机关"))
        self._typed(self.editor.branch_text)

    def type_notes(self) -> None:
        notes = self.editor.notes
        cursor = notes.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        notes.setTextCursor(cursor)
        if len(notes.toPlainText()) > 200:
            key(notes, Qt.Key.Key_Backspace)
        else:
            key(notes, Qt.Key.Key_A, self.random.choice("着装整齐准时集合\n"))
        self._typed(self.editor.notes_text)

    def _stops(self) -> list[str]:
        plan = self.session.plan
        return [stop.id for stop in plan.stops] if plan is not None else []

    def add_stop(self) -> None:
        if len(self._stops()) < MAX_STOPS:
            self.session.add_site_stop(self.random.choice(self.site_ids))
        else:
            self.remove_stop()

    def remove_stop(self) -> None:
        stops = self._stops()
        if stops:
            self.session.remove_stop(self.random.choice(stops))

    def move_stop(self) -> None:
        stops = self._stops()
        if len(stops) > 1:
            self.session.move_stop_by(self.random.choice(stops), self.random.choice((-1, 1)))

    def add_activity(self) -> None:
        stops = self._stops()
        if stops:
            kind = self.random.choice(list(ActivityKind))
            label = "集体合影" if kind is ActivityKind.CUSTOM else ""
            self.session.add_activity(
                self.random.choice(stops), plan_edits.new_activity(kind, label)
            )

    def remove_activity(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        with_activities = [stop for stop in plan.stops if stop.activities]
        if with_activities:
            stop = self.random.choice(with_activities)
            self.session.remove_activity(stop.id, len(stop.activities) - 1)

    def participants(self) -> None:
        self.editor.participants.setValue(self.random.randint(5, 80))

    def undo(self) -> None:
        self.session.undo()

    def redo(self) -> None:
        self.session.redo()

    def switch_plan(self) -> None:
        live = [plan.id for plan in self.session.list_plans()]
        if live:
            self.session.open(self.random.choice(live))

    # ---- driving -------------------------------------------------------------------------------
    def step(self) -> None:
        for _ in range(min(BATCH, self.left)):
            if self.session.plan is None:
                self.switch_plan()
            getattr(self, self.random.choice(KINDS))()
            self.left -= 1
            self.done += 1
            if self.report_rss and self.done % 1000 == 0:
                print(f"rss {self.done} {rss_kb()}", flush=True)
        if self.left > 0:
            QTimer.singleShot(0, self.step)
        else:
            self.finish()

    def finish(self) -> None:
        self.session.flush_requested.emit()
        plan = self.session.plan
        shown = {
            "edits": self.done,
            "seconds": round(time.monotonic() - self.started, 1),
            "plan_id": plan.id if plan is not None else None,
            "title_field": self.editor.title.text(),
            "notes_field": self.editor.notes.toPlainText(),
            "branch_field": self.editor.branch.text(),
            "keystrokes": self.keystrokes,
            "participants_field": self.editor.participants.value(),
            "stops": [
                [stop.site_id, [a.kind.value for a in stop.activities]] for stop in plan.stops
            ]
            if plan is not None
            else [],
            "listed": sorted(
                [summary.id, summary.title] for summary in self.ui.plan_list.model._plans
            ),
        }
        print("shown " + json.dumps(shown, ensure_ascii=False), flush=True)
        self.window.close()
        QApplication.quit()


def main() -> int:
    db, edits = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 8
    prepare_environment()
    app = QApplication(sys.argv[:1])
    window = MainWindow()
    controller = Controller(window, db, freeze_heap=True)  # as the app does
    window.show()
    started: list[Soak] = []

    def start(_count: int = 0) -> None:  # once the map shows the sites, as a person would wait
        if started:
            return
        started.append(Soak(window, controller, edits, seed))
        print("ready", flush=True)
        QTimer.singleShot(0, started[0].step)

    window.sites_shown_on_map.connect(start)
    controller.start()
    QTimer.singleShot(30_000, start)  # a map that never loads does not stop the soak
    code = app.exec()
    controller.close_workspace()
    return code


if __name__ == "__main__":
    sys.exit(main())
