"""One Party-day's record (活动记录) as the 台账 shows it: read-only, the fields of the DOCX
record page (``core.exports.ledger_text.record_fields``) in the window's language (corrections
are made in 记录活动). Every text is shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.exports.ledger_docx import photo_file
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_text import record_fields
from hongtu.core.ledger import LedgerDay
from hongtu.core.records import PhotoRef
from hongtu.qt.messages import plain_label
from hongtu.qt.window_state import fit_to_screen

THUMB_PX = 96
PREFERRED = QSize(560, 520)  # shrunk to a smaller screen; the record scrolls inside
MAX_THUMBS = 8


def tr(text: str) -> str:
    return QCoreApplication.translate("LedgerRecord", text)


class RecordDialog(QDialog):
    def __init__(self, day: LedgerDay, labels: LedgerLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("活动记录：{0}").format(day.day.isoformat()))
        self.fields: dict[str, QWidget] = {}
        # the record scrolls inside the window: a long title or place wraps onto more lines
        self.content = QWidget(self)
        form = QFormLayout(self.content)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for label, text in record_fields(day, labels):
            widget: QWidget
            if label in (labels.content, labels.summary, labels.missing) and text:
                box = QPlainTextEdit(text, self.content)
                box.setReadOnly(True)
                box.setMaximumHeight(90)
                widget = box
            else:
                widget = plain_label(text, self.content)
                widget.setWordWrap(True)
                widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[label] = widget
            form.addRow(plain_label(label, self.content), widget)
        if day.photos:
            form.addRow(plain_label(tr("照片（{0} 张）").format(len(day.photos)), self.content))
            form.addRow(self._thumbnails(day.photos))
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, PREFERRED)

    def _thumbnails(self, photos: tuple[PhotoRef, ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        for photo in photos[:MAX_THUMBS]:
            thumb = QLabel(self.content)
            source = photo_file(
                PhotoRef(photo.content_hash, photo.thumbnail_path or photo.path)
            )
            pixmap = QPixmap(str(source))
            if pixmap.isNull():  # missing or unreadable: named, never a crash
                thumb.setTextFormat(Qt.TextFormat.PlainText)
                thumb.setText(tr("（无法读取：{0}）").format(photo.caption or source.name))
            else:
                thumb.setPixmap(
                    pixmap.scaled(
                        THUMB_PX,
                        THUMB_PX,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            thumb.setToolTip(photo.caption)
            row.addWidget(thumb)
        row.addStretch(1)
        return row
