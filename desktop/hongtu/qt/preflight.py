"""Before a plan goes out (export or print): list its problems, 仍然导出 or 返回修改."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.pipeline import PlanView
from hongtu.core.warnings import PlanWarning, preflight
from hongtu.qt.messages import plain_label
from hongtu.qt.warning_text import severity_icon, severity_label, warning_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Preflight", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("Preflight", text, None, count)


class PreflightDialog(QDialog):
    """The plan's problems; 返回修改 is the default, so Enter never sends a broken plan out."""

    def __init__(
        self, problems: list[PlanWarning], numbers: dict[str, int], printing: bool,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.problems = problems
        self.setWindowTitle(tr("打印前检查") if printing else tr("导出前检查"))
        intro = plain_label(
            tr_n("这个方案还有 %n 个问题，发出去之前请先看一看：", len(problems)), self
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(16, 16))
        for warning in problems:
            text = warning_text(warning, numbers.get(warning.stop_id or ""))
            item = QListWidgetItem(severity_icon(warning.severity), text, self.list)
            item.setToolTip(severity_label(warning.severity))
        self.buttons = QDialogButtonBox(self)
        self.back_button = QPushButton(tr("返回修改"), self)
        self.go_button = QPushButton(tr("仍然打印") if printing else tr("仍然导出"), self)
        self.buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.go_button.setAutoDefault(False)
        self.back_button.setDefault(True)
        self.back_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 320)


def check_before_output(
    view: PlanView, parent: QWidget | None, *, printing: bool, signin_only: bool = False
) -> bool:
    """True to go on: no problems, or the organiser chose 仍然导出 / 仍然打印.

    ``signin_only``: only the 签到表 goes out, so only what it prints is asked about (not the
    gathering point, the stops or the times of the day)."""
    problems = preflight(view.plan, view.warnings, signin_only=signin_only)
    if not problems:
        return True
    numbers = {stop.id: n for n, stop in enumerate(view.plan.stops, start=1)}
    dialog = PreflightDialog(problems, numbers, printing, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
