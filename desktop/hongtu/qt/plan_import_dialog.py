"""Importing a plan in the window: read it (same reader and messages as the CLI), let the organiser
choose which of the sender's site corrections to take, store those, then open the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.geo import LatLon
from hongtu.core.shared_sites import POSITION, RULES, SiteDifference, apply_differences
from hongtu.core.sites import Site, VisitRules
from hongtu.plan_import import ImportedPlan, PlanImportError, read_plan_file
from hongtu.qt import messages
from hongtu.qt.messages import plain_label
from hongtu.qt.rules_text import rules_summary

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore
    from hongtu.qt.plan_session import PlanSession


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanImportDialog", text)


class Column:
    TAKE, SITE, FIELD, LOCAL, THEIRS = range(5)


def field_label(field: str) -> str:
    return {
        POSITION: tr("位置"),
        RULES: tr("开放规则"),
        "opening_hours": tr("开放时间"),
        "closed_days": tr("闭馆日"),
        "reservation": tr("预约"),
        "admission": tr("门票"),
        "phone": tr("电话"),
    }.get(field, field)


def value_text(value: LatLon | VisitRules | str | None) -> str:
    if value is None:
        return tr("未知")
    if isinstance(value, LatLon):
        return tr("{0:.6f}, {1:.6f}（WGS-84）").format(value.lat, value.lon)
    if isinstance(value, VisitRules):
        return rules_summary(value)
    return value


def theirs_text(difference: SiteDifference) -> str:
    text = value_text(difference.theirs)
    shift = difference.shift_metres
    if shift is not None:
        text = tr("{0}，相距约 {1} 米").format(text, round(shift))
    return text


class SiteDifferencesDialog(QDialog):
    """One row per difference (site, field, 本机, 对方) with a checkbox: take it or leave it."""

    def __init__(self, differences: list[SiteDifference], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.differences = differences
        self.setWindowTitle(tr("方案文件带有站点更正"))
        intro = plain_label(
            tr(
                "发送者更正过这个方案所用站点的位置或开放信息，与本机的站点目录不同。"
                "勾选要采用的项：采用的内容保存为你自己的更正（以后可在“编辑站点信息”或"
                "“恢复目录坐标”中改回）。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(differences), 5, self)
        self.table.setHorizontalHeaderLabels(
            [tr("采用"), tr("站点"), tr("项目"), tr("本机"), tr("对方")]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for row, difference in enumerate(differences):
            take = QTableWidgetItem()
            take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            take.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, Column.TAKE, take)
            for column, text in (
                (Column.SITE, difference.site_name),
                (Column.FIELD, field_label(difference.field)),
                (Column.LOCAL, value_text(difference.local)),
                (Column.THEIRS, theirs_text(difference)),
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(messages.plain_tooltip(text) or "")
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.TAKE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        for column in (Column.SITE, Column.LOCAL, Column.THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.buttons = QDialogButtonBox(self)
        self.take_button = self.buttons.addButton(
            tr("采用勾选的更正并导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消导入"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 360)

    def taken(self, row: int) -> bool:
        item = self.table.item(row, Column.TAKE)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def chosen(self) -> list[SiteDifference]:
        return [d for row, d in enumerate(self.differences) if self.taken(row)]


def choose_differences(
    imported: ImportedPlan, parent: QWidget | None
) -> list[SiteDifference] | None:
    """The corrections the organiser takes; None when they cancelled the import."""
    if not imported.differences:
        return []
    dialog = SiteDifferencesDialog(imported.differences, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def import_plan_file(
    path: Path,
    store: SiteStore,
    session: PlanSession,
    parent: QWidget | None,
    site_changed: Callable[[Site], None],
) -> tuple[int, int] | None:
    """Import ``path``; (new plan id, corrections taken), or None (message shown, or cancelled)."""
    try:
        imported = read_plan_file(path, store.list_sites())
    except PlanImportError as exc:
        messages.warning(parent, tr("无法导入方案"), exc.message)
        return None
    chosen = choose_differences(imported, parent)
    if chosen is None:
        return None
    for site in apply_differences(store, chosen):
        site_changed(site)
    plan_id = session.import_plan(imported.plan)
    if plan_id is None:
        return None
    return plan_id, len(chosen)
