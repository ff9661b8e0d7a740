"""The dialog an unexpected error opens: what happened, where the report was written, and the
report itself, read-only, with a button that copies it (``crash.install_excepthook``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.qt.crash import tr
from hongtu.qt.messages import plain_label


class CrashDialog(QDialog):
    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("红途遇到意外错误"))
        self.resize(640, 420)
        intro = tr("程序出现了意外错误。您已保存的数据不受影响。\n请将下面的报告复制给维护人员。")
        if log_file is not None:
            intro += "\n" + tr("报告已写入：{0}").format(str(log_file))
        self.report = QPlainTextEdit(report, self)
        self.report.setReadOnly(True)
        copy = QPushButton(tr("复制报告"), self)
        copy.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = plain_label(intro, self)  # the log's path holds the user's folder names
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.report)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())
