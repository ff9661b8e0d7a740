"""What every `hongtu` subcommand shares: the translator, tables, errors and the workspace."""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the annotations only: the heavy modules load when a command runs
    from PySide6.QtCore import QCoreApplication

    from hongtu.core.pipeline import PlanView
    from hongtu.core.plans import Plan
    from hongtu.core.settings import Settings
    from hongtu.core.workspace import Workspace


def tr(text: str) -> str:
    """CLI text goes through Qt's translator too (installed only for ``--lang en``)."""
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Cli", text)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(rows: list[list[str]]) -> str:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def fail(message: str) -> int:
    """Say what went wrong on stderr; the exit status for a refused command."""
    print(tr("错误：") + message, file=sys.stderr)
    return 2


def open_workspace(args: argparse.Namespace) -> Any:
    from hongtu.core.workspace import open_workspace as open_at

    return open_at(args.db)


def site_map(workspace: Any) -> dict[int, Any]:
    return {site.id: site for site in workspace.sites.list_sites()}


def find_plan(workspace: Any, plan_id: int) -> Any:
    """The stored plan, or None when there is no plan with that number."""
    from hongtu.core.storage.plan_store import PlanNotFoundError

    try:
        return workspace.plans.get(plan_id)
    except PlanNotFoundError:
        return None


def plan_view(workspace: Workspace, plan: Plan, settings: Settings) -> PlanView:
    """``plan`` through the one pipeline, with the organiser's settings and today's date."""
    from datetime import date

    from hongtu.core.pipeline import render_plan

    return render_plan(plan, workspace.sites.list_sites(), settings, today=date.today())


def ensure_offscreen_app() -> QCoreApplication:
    """PDF rendering needs a QGuiApplication; the CLI never opens a window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    return QCoreApplication.instance() or QApplication([sys.argv[0]])
