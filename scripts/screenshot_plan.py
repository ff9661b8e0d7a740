"""Dev tool: open the app offscreen with a three-stop plan and save a screenshot.

QT_QPA_PLATFORM=offscreen python scripts/screenshot_plan.py OUT.png [--tab info] [--db FILE]

The plan is created in a fresh temporary database unless ``--db`` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hongtu.core import paths
from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint
from hongtu.qt.app import Controller, prepare_environment
from hongtu.qt.i18n import install_translators
from hongtu.qt.mainwindow import MainWindow

STOPS = ("太原解放纪念馆", "八路军驻晋办事处旧址", "山西国民师范旧址")


def build_plan(window: MainWindow) -> None:
    ui = window.plan_ui
    session = ui.session
    ui.left_tabs.setCurrentWidget(ui.plan_list)
    session.create("学习红色历史 传承红色基因", date.today() + timedelta(days=10))
    session.set_plan_field("branch", "机关第一党支部")
    session.set_plan_field("organiser", "王书记")
    session.set_plan_field("phone", "13800000000")
    session.set_plan_field("participants", 32)
    session.set_plan_field("gathering_time", time(8, 0))
    session.set_gathering(GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))))
    by_name = {site.name: site.id for site in window.site_model.sites()}
    for name in STOPS:
        match = next((site_id for site, site_id in by_name.items() if name in site), None)
        if match is not None:
            ui.add_site(match)
    plan = session.plan
    assert plan is not None
    first = plan.stops[0].id
    session.add_activity(first, Activity(ActivityKind.TOUR, 60))
    session.add_activity(first, Activity(ActivityKind.OATH, 15))
    session.add_activity(plan.stops[1].id, Activity(ActivityKind.LESSON, 45))
    ui.editor.select_stop(first)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--tab", choices=("itinerary", "info"), default="itinerary")
    parser.add_argument("--db")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1500x900", help="window size, e.g. 1366x768")
    args = parser.parse_args()
    prepare_environment()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="hongtu-shot-"))
    paths.set_home(home)
    db = args.db or str(home / "shot.sqlite3")
    app = QApplication(sys.argv)
    install_translators(app, args.lang)
    window = MainWindow()
    window.resize(*(int(n) for n in args.size.split("x")))
    controller = Controller(window, db, probe=False)
    window.show()

    def on_drawn(_count: int) -> None:
        window.sites_shown_on_map.disconnect(on_drawn)
        build_plan(window)
        if args.tab == "info":
            window.plan_ui.editor.tabs.setCurrentIndex(1)
        QTimer.singleShot(2000, lambda: (window.grab().save(args.out), app.quit()))

    window.sites_shown_on_map.connect(on_drawn)
    QTimer.singleShot(0, controller.start)
    QTimer.singleShot(40000, app.quit)
    code = app.exec()
    if controller.workspace is not None:
        controller.workspace.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
