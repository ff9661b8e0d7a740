"""Export and print a plan from the window: one dialog, every format, the same document model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.atomic import ExportError, ExportErrorCode
from hongtu.core.exports import ExportFormat
from hongtu.core.plans import Plan
from hongtu.qt import messages

if TYPE_CHECKING:
    from hongtu.core.pipeline import PlanView


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanOutputs", text)


def format_labels() -> dict[ExportFormat, str]:
    return {
        ExportFormat.PDF: tr("日程安排表（PDF，A4，含示意图）"),
        ExportFormat.SIGNIN: tr("签到表（PDF，A4）"),
        ExportFormat.DOCX: tr("活动方案（Word 文档）"),
        ExportFormat.XLSX: tr("日程表（Excel）"),
        ExportFormat.CSV: tr("日程表（CSV，Excel 可直接打开）"),
        ExportFormat.ICS: tr("日历（ICS，可导入手机日历）"),
        ExportFormat.GPX: tr("路线（GPX，导航软件）"),
        ExportFormat.KML: tr("路线（KML，奥维等地图软件）"),
        ExportFormat.HTML: tr("离线网页（含示意图和日程）"),
        ExportFormat.JSON: tr("方案文件（分享给其他支部）"),
    }


def export_error_text(error: ExportError) -> str:
    reasons = {
        ExportErrorCode.DISK_FULL: tr("磁盘空间不足"),
        ExportErrorCode.PERMISSION: tr("没有写入这个位置的权限"),
        ExportErrorCode.NOT_A_DIRECTORY: tr("文件夹不存在"),
        ExportErrorCode.EXISTS: tr("文件已存在"),
        ExportErrorCode.UNSUPPORTED: tr("不支持这种格式"),
        ExportErrorCode.MISSING_INPUT: tr("缺少导出所需的数据"),
        ExportErrorCode.INCOMPLETE: tr("文件没能完整写入（磁盘可能已满）"),
        ExportErrorCode.OTHER: tr("写入失败"),
    }
    return tr("没有导出：{0}。\n位置：{1}\n原有文件没有被改动。").format(
        reasons[error.code], str(error.path)
    )


def default_file_name(plan: Plan, fmt: ExportFormat) -> str:
    kind = {
        ExportFormat.SIGNIN: tr("签到表"),
        ExportFormat.PDF: tr("日程安排表"),
        ExportFormat.DOCX: tr("活动方案"),
    }.get(fmt, tr("行程"))
    stem = f"{plan.date:%Y%m%d}-{plan.title}-{kind}"
    safe = "".join(ch for ch in stem if ch not in '\\/:*?"<>|').strip() or "hongtu"
    return safe + fmt.suffix


class ExportDialog(QDialog):
    """Choose a format and a file; sign-in sheets take a pasted name list.

    ``view`` is the plan as the window shows it (``hongtu.core.pipeline.render_plan``): the file
    holds the same times and the same document as the screen.
    """

    def __init__(self, view: PlanView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.plan = view.plan
        self.written: Path | None = None
        self.setWindowTitle(tr("导出方案"))
        self.format = QComboBox(self)
        for fmt, label in format_labels().items():
            self.format.addItem(label, fmt.value)
        self.path = QLineEdit(self)
        browse = QPushButton(tr("选择…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.names = QPlainTextEdit(self)
        self.names.setPlaceholderText(
            tr("每行一个姓名；可在姓名后加 Tab 和职务。留空则按参加人数留空行。")
        )
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setRange(0, 60)
        self.blank_rows.setValue(5)
        self.signin_label = QLabel(tr("签到名单"), self)
        self.blank_label = QLabel(tr("另加空白行"), self)
        form = QFormLayout()
        form.addRow(tr("格式"), self.format)
        form.addRow(tr("保存到"), row)
        form.addRow(self.signin_label, self.names)
        form.addRow(self.blank_label, self.blank_rows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    def chosen_format(self) -> ExportFormat:
        return ExportFormat(self.format.currentData())

    def _on_format_changed(self, _index: int = 0) -> None:
        fmt = self.chosen_format()
        for widget in (self.names, self.blank_rows, self.signin_label, self.blank_label):
            widget.setVisible(fmt is ExportFormat.SIGNIN)
        folder = Path(self.path.text()).parent if self.path.text() else Path.home()
        self.path.setText(str(folder / default_file_name(self.plan, fmt)))

    def _on_browse_clicked(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, tr("导出到"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _on_buttons_accepted(self) -> None:
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            messages.warning(self, tr("导出方案"), tr("请先选择保存位置。"))
            return
        overwrite = False
        if target.exists():
            replace = messages.question(
                self, tr("文件已存在"), tr("“{0}”已存在，要替换它吗？").format(target.name)
            )
            if not replace:
                return
            overwrite = True
        self.written = self.export_to(target, overwrite)
        if self.written is not None:
            self.accept()

    def export_to(self, target: Path, overwrite: bool) -> Path | None:
        from hongtu.qt.printing import export_document

        names = [line.strip() for line in self.names.toPlainText().splitlines() if line.strip()]
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return export_document(
                self.view.document,
                self.chosen_format(),
                target,
                plan=self.plan,
                sites=self.view.sites,
                signin_names=names,
                blank_rows=self.blank_rows.value(),
                overwrite=overwrite,
            )
        except ExportError as exc:
            messages.warning(self, tr("导出失败"), export_error_text(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()


def preview_schedule(view: PlanView, parent: QWidget | None) -> None:
    from hongtu.qt.printing import PrintKind, print_preview

    print_preview(view.document, PrintKind.SCHEDULE, parent)


def preview_signin(view: PlanView, parent: QWidget | None) -> None:
    from hongtu.qt.printing import PrintKind, print_preview

    print_preview(view.document, PrintKind.SIGNIN, parent)


__all__ = ["ExportDialog", "preview_schedule", "preview_signin"]
