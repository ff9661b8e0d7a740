"""Importing a plan in the window: read it (same reader and messages as the CLI), let the organiser
choose which of the sender's site corrections to take, store those, then open the plan.

``ChoiceDialog`` (a checkbox per difference, 全选 / 全不选) is also the dialog of 导入核实信息
(``corrections_dialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hongtu import corrections_files
from hongtu.core.geo import LatLon
from hongtu.core.shared_sites import SiteDifference, apply_differences
from hongtu.core.sites import Site, VisitorAccess, VisitRules
from hongtu.plan_import import (
    ImportedPlan,
    PlanImportError,
    already_imported,
    match_record,
    read_plan_file,
    save_imported,
)
from hongtu.qt import messages
from hongtu.qt.messages import plain_label

if TYPE_CHECKING:
    from hongtu.core.plans import Plan
    from hongtu.core.storage.member_store import MemberStore
    from hongtu.core.storage.record_store import RecordStore
    from hongtu.core.storage.site_store import SiteStore
    from hongtu.qt.plan_session import PlanSession


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanImportDialog", text)


class Column:
    TAKE, SITE, FIELD, LOCAL, THEIRS, SOURCE = range(6)  # 来源 only where the file gives it


def field_label(field: str) -> str:
    return corrections_files.field_label(field)


def value_text(value: LatLon | VisitRules | VisitorAccess | str | None) -> str:
    return corrections_files.value_text(value)


def theirs_text(difference: SiteDifference) -> str:
    return corrections_files.theirs_text(difference)


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    """One row of a differences dialog, as shown (every text already in the user's language)."""

    site: str
    field: str
    local: str
    theirs: str
    source: str | None = None  # who confirmed it, when, on what evidence


@dataclass(frozen=True, slots=True)
class ChoiceTexts:
    title: str
    intro: str
    take: str  # the accepting button
    cancel: str


class ChoiceDialog(QDialog):
    """One row per difference (site, field, 本机, 对方 [, 来源]) with a checkbox: take it or leave
    it; 全选 / 全不选 tick or clear them all. Used for a plan file's site corrections and for a
    site-corrections file."""

    def __init__(
        self,
        rows: list[ChoiceRow],
        texts: ChoiceTexts,
        parent: QWidget | None = None,
        footer: str = "",
    ) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle(texts.title)
        intro = plain_label(texts.intro, self)
        intro.setWordWrap(True)
        with_source = any(row.source for row in rows)
        labels = [tr("采用"), tr("站点"), tr("项目"), tr("本机"), tr("对方")]
        if with_source:
            labels.append(tr("核实来源"))
        self.table = QTableWidget(len(rows), len(labels), self)
        self.table.setHorizontalHeaderLabels(labels)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for number, row in enumerate(rows):
            take = QTableWidgetItem()
            take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            take.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(number, Column.TAKE, take)
            cells = [
                (Column.SITE, row.site),
                (Column.FIELD, row.field),
                (Column.LOCAL, row.local),
                (Column.THEIRS, row.theirs),
            ]
            if with_source:
                cells.append((Column.SOURCE, row.source or ""))
            for column, text in cells:
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(messages.plain_tooltip(text) or "")
                self.table.setItem(number, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.TAKE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        stretched = [Column.SITE, Column.LOCAL, Column.THEIRS]
        for column in stretched + ([Column.SOURCE] if with_source else []):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._fit_rows)
        self.select_all = QPushButton(tr("全选"), self)
        self.select_none = QPushButton(tr("全不选"), self)
        self.select_all.clicked.connect(lambda: self.set_all(True))
        self.select_none.clicked.connect(lambda: self.set_all(False))
        self.buttons = QDialogButtonBox(self)
        self.take_button = self.buttons.addButton(
            texts.take, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(texts.cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.select_all)
        bottom.addWidget(self.select_none)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        self.footer = plain_label(footer, self)
        self.footer.setWordWrap(True)
        self.footer.setVisible(bool(footer))
        layout.addWidget(self.footer)
        layout.addLayout(bottom)
        self.resize(900 if with_source else 760, 420 if with_source else 360)

    def _fit_rows(self, *_args: object) -> None:
        """Rows as tall as their wrapped text at the columns' current widths."""
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_rows()

    def set_all(self, take: bool) -> None:
        state = Qt.CheckState.Checked if take else Qt.CheckState.Unchecked
        for number in range(self.table.rowCount()):
            item = self.table.item(number, Column.TAKE)
            if item is not None:
                item.setCheckState(state)

    def taken(self, row: int) -> bool:
        item = self.table.item(row, Column.TAKE)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def taken_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount()) if self.taken(row)]


def difference_row(difference: SiteDifference) -> ChoiceRow:
    source = None
    if difference.provenance is not None:
        source = corrections_files.provenance_text(difference.provenance)
    return ChoiceRow(
        difference.site_name,
        field_label(difference.field),
        value_text(difference.local),
        theirs_text(difference),
        source,
    )


class SiteDifferencesDialog(ChoiceDialog):
    """A plan file's site corrections: take them or leave them before the plan opens."""

    def __init__(self, differences: list[SiteDifference], parent: QWidget | None = None) -> None:
        texts = ChoiceTexts(
            title=tr("方案文件带有站点更正"),
            intro=tr(
                "发送者更正过这个方案所用站点的位置或开放信息，与本机的站点目录不同。"
                "勾选要采用的项：采用的内容保存为你自己的更正（以后可在“编辑站点信息”或"
                "“恢复目录坐标”中改回）。"
            ),
            take=tr("采用勾选的更正并导入"),
            cancel=tr("取消导入"),
        )
        super().__init__([difference_row(d) for d in differences], texts, parent)
        self.differences = differences

    def chosen(self) -> list[SiteDifference]:
        return [self.differences[row] for row in self.taken_rows()]


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


def ask_import_again(parent: QWidget | None, plan: Plan, earlier: int) -> bool | None:
    """The plan in the file is already stored as it is (imported before): True to import a
    copy all the same, False to open the stored one, None to do nothing."""
    answer = messages.choose(
        parent,
        tr("方案已经导入过"),
        tr(
            "方案列表里已经有这个方案：“{0}”（{1}，方案编号 {2}），内容与文件相同。"
            "\n\n打开已有的方案，还是再导入一份副本？"
        ).format(plan.title, plan.date.isoformat(), earlier),
        [tr("打开已有的方案"), tr("再导入一份")],
    )
    return None if answer is None else answer == 1


class ImportResult(NamedTuple):
    """What an import did: the plan now open, the site corrections taken, what became of the
    file's activity record ("" when it has none); ``existing``: the file's plan was already
    stored, and that plan was opened instead."""

    plan_id: int
    corrections: int
    record_note: str
    existing: bool = False


def import_plan_file(
    path: Path,
    store: SiteStore,
    session: PlanSession,
    parent: QWidget | None,
    site_changed: Callable[[Site], None],
    members: MemberStore | None = None,
    records: RecordStore | None = None,
) -> ImportResult | None:
    """Import ``path`` (and open the plan); None: refused (message shown) or cancelled.
    ``members`` and ``records``: where a record in the file is matched to the roster and
    saved."""
    try:
        imported = read_plan_file(path, store.list_sites())
    except PlanImportError as exc:
        messages.warning(parent, tr("无法导入方案"), exc.message)
        return None
    match = None
    if imported.record is not None and members is not None and records is not None:
        branch = imported.plan.branch
        roster = members.members(branch) if branch.strip() else []
        match = match_record(imported.record, imported.plan, roster, date.today())
        if refused := already_imported(records, imported, match):
            messages.warning(parent, tr("无法导入方案"), refused)
            return None
    earlier = session.store.same_plan(imported.plan)
    if earlier is not None:
        again = ask_import_again(parent, imported.plan, earlier)
        if again is None:
            return None
        if not again:
            session.open(earlier)
            return ImportResult(earlier, 0, "", existing=True)
    chosen = choose_differences(imported, parent)
    if chosen is None:
        return None
    for site in apply_differences(store, chosen):
        site_changed(site)
    note = ""

    def save(plan: Plan) -> Plan:  # the plan and its record: both stored, or neither
        nonlocal note
        if records is None:
            return session.store.save(plan)
        imported.plan = plan
        saved, note = save_imported(session.store, records, imported, match, date.today())
        return saved

    try:
        plan_id = session.import_plan(imported.plan, save)
    except PlanImportError as exc:
        messages.warning(parent, tr("无法导入方案"), exc.message)
        return None
    if plan_id is None:
        return None
    return ImportResult(plan_id, len(chosen), note)
