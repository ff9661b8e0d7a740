"""文件 → 导出核实信息… / 导入核实信息…: sharing verified site data in the window.

The same reader, writer and messages as ``hongtu sites export-corrections`` /
``import-corrections`` (``hongtu.corrections_files``). Importing shows every difference in a
``ChoiceDialog`` (the plan import's dialog, with who confirmed each value) and stores only the
rows the organiser leaves ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QWidget

from hongtu.core.atomic import ExportError
from hongtu.core.corrections_review import (
    AppliedCorrections,
    CorrectionsReview,
    NewPlace,
    apply_review,
)
from hongtu.core.shared_sites import SiteDifference
from hongtu.core.sites import Site
from hongtu.corrections_files import (
    CorrectionsFileError,
    clean_name,
    export_corrections_file,
    left_out_text,
    provenance_text,
    read_corrections_file,
    value_text,
)
from hongtu.qt import messages
from hongtu.qt.plan_import_dialog import ChoiceDialog, ChoiceRow, ChoiceTexts, difference_row
from hongtu.qt.plan_outputs import export_error_text
from hongtu.qt.window_state import documents_folder

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore


def tr(text: str) -> str:
    return QCoreApplication.translate("CorrectionsDialog", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("CorrectionsDialog", text, None, count)


FILE_FILTER_SUFFIX = " (*.json);;"


def file_filter() -> str:
    return tr("核实信息文件") + FILE_FILTER_SUFFIX + tr("所有文件 (*)")


def new_place_row(place: NewPlace) -> ChoiceRow:
    lead = place.lead
    return ChoiceRow(
        place.name,
        tr("新地点"),
        tr("本机没有"),
        value_text(lead.position),
        provenance_text(lead.provenance),
    )


class CorrectionsDialog(ChoiceDialog):
    """Each difference from the local catalogue, then each new place; all ticked at first."""

    def __init__(self, review: CorrectionsReview, parent: QWidget | None = None) -> None:
        texts = ChoiceTexts(
            title=tr("导入核实信息"),
            intro=tr(
                "文件中的核实信息与本机的站点目录有以下不同。勾选要采用的项："
                "采用的内容连同核实人、日期和来源一起保存，在站点详情中可以看到。"
            ),
            take=tr("采用勾选的项"),
            cancel=tr("取消"),
        )
        rows = [difference_row(d) for d in review.differences]
        rows += [new_place_row(place) for place in review.new_places]
        footer = ""
        if review.unchanged:
            names = tr("、").join(entry.site.name for entry in review.unchanged[:5])
            more = tr("等") if len(review.unchanged) > 5 else ""
            footer = tr_n("另有 %n 条与本机相同，无需更新：{0}{1}", len(review.unchanged)).format(
                names, more
            )
        super().__init__(rows, texts, parent, footer)
        self.review = review

    def chosen(self) -> tuple[list[SiteDifference], list[NewPlace]]:
        taken = set(self.taken_rows())
        count = len(self.review.differences)
        differences = [d for row, d in enumerate(self.review.differences) if row in taken]
        places = [p for row, p in enumerate(self.review.new_places) if row + count in taken]
        return differences, places


@dataclass
class ImportOutcome:
    applied: AppliedCorrections
    unchanged: int  # entries whose values were all the same here
    taken: int = 0  # differences taken


def import_corrections(
    path: Path,
    store: SiteStore,
    parent: QWidget | None,
    site_changed: Callable[[Site], None],
) -> ImportOutcome | None:
    """Read ``path`` completely, let the organiser choose, store what they took.

    None when the file was refused (a message says why) or the organiser cancelled.
    """
    try:
        read = read_corrections_file(path, store.list_sites())
    except CorrectionsFileError as exc:
        messages.warning(parent, tr("无法导入核实信息"), exc.message)
        return None
    review = read.review
    if not review.differences and not review.new_places:
        return ImportOutcome(AppliedCorrections(), len(review.unchanged))
    dialog = CorrectionsDialog(review, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    differences, places = dialog.chosen()
    applied = apply_review(store, differences, places)
    for site in [*applied.changed, *applied.added]:
        site_changed(site)
    return ImportOutcome(applied, len(review.unchanged), len(differences))


def outcome_text(outcome: ImportOutcome) -> str:
    taken = outcome.taken
    if not taken and not outcome.applied.added:
        if outcome.unchanged:
            return tr_n("文件中的 %n 条核实信息与本机相同，没有需要更新的内容。", outcome.unchanged)
        return tr("没有采用任何核实信息。")
    return tr("已采用 {0}，新增 {1}。").format(
        tr_n("%n 处核实信息", taken), tr_n("%n 个地点", len(outcome.applied.added))
    )


def ask_import_path(parent: QWidget | None) -> Path | None:
    folder = str(documents_folder())
    name, _filter = QFileDialog.getOpenFileName(parent, tr("导入核实信息"), folder, file_filter())
    return Path(name) if name else None


@dataclass
class ExportDone:
    confirmed_by: str  # to remember in the settings
    count: int
    path: Path
    left_out: tuple[str, ...] = ()  # added places the file cannot carry


def export_corrections(
    store: SiteStore, parent: QWidget | None, name_hint: str
) -> ExportDone | None:
    """Ask who confirmed the data and where to save it, then write the file (None: nothing
    was written; a message said why unless the organiser cancelled)."""
    name, ok = QInputDialog.getText(
        parent,
        tr("导出核实信息"),
        tr("核实人（写入文件，告诉对方是谁核实的，例如“杏花岭区委组织部 王芳”）："),
        QLineEdit.EchoMode.Normal,
        name_hint,
    )
    if not ok:
        return None
    confirmed_by = clean_name(name)
    if confirmed_by is None:
        messages.warning(
            parent,
            tr("无法导出核实信息"),
            tr("核实人姓名不能为空、不能超过 100 个字，也不能含控制字符。"),
        )
        return None
    suggested = documents_folder() / tr("站点核实信息-{0}.json").format(f"{date.today():%Y%m%d}")
    target, _filter = QFileDialog.getSaveFileName(
        parent, tr("导出核实信息"), str(suggested), file_filter()
    )
    if not target:
        return None
    try:
        exported = export_corrections_file(Path(target), store, confirmed_by)
    except CorrectionsFileError as exc:
        messages.warning(parent, tr("无法导出核实信息"), exc.message)
        return None
    except ExportError as exc:
        messages.warning(parent, tr("无法导出核实信息"), export_error_text(exc))
        return None
    if exported.left_out:
        messages.warning(parent, tr("导出核实信息"), left_out_text(exported.left_out))
    return ExportDone(confirmed_by, exported.count, Path(target), exported.left_out)


def export_text(done: ExportDone) -> str:
    return tr_n("已导出 %n 条核实信息（核实人：{0}）到 {1}。", done.count).format(
        done.confirmed_by, str(done.path)
    )


__all__ = [
    "CorrectionsDialog",
    "ExportDone",
    "ImportOutcome",
    "ask_import_path",
    "export_corrections",
    "export_text",
    "import_corrections",
    "outcome_text",
]
