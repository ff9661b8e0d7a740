"""Dev tool: start the app offscreen, wait until every marker is drawn, save a screenshot.

QT_QPA_PLATFORM=offscreen python scripts/screenshot.py OUT.png [--select NAME] [--lang en]
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hongtu.qt.app import Controller, prepare_environment
from hongtu.qt.i18n import install_translators
from hongtu.qt.mainwindow import MainWindow


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--select", default="")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--db")
    args = parser.parse_args()
    prepare_environment()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv)
    install_translators(app, args.lang)
    window = MainWindow()
    window.resize(1400, 860)
    controller = Controller(window, args.db, probe=False)
    window.show()

    def on_drawn(_count: int) -> None:
        if args.select:
            site = next(s for s in window.site_model.sites() if args.select in s.name)
            window.select_site(site.id)
        QTimer.singleShot(1500, lambda: (window.grab().save(args.out), app.quit()))

    window.sites_shown_on_map.connect(on_drawn)
    QTimer.singleShot(0, controller.start)
    QTimer.singleShot(30000, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
