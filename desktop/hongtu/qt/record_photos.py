"""The photos of a record: thumbnails in a strip, added by the file picker or by dropping files on
the record dialog, removed with a click or Delete. Files go through ``core.photos`` (stored once
by content hash); a file that cannot be added is named with the reason, never a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.photos import PHOTO_SUFFIXES, PhotoError, PhotoErrorCode, PhotoStore
from hongtu.core.records import PhotoRef

REF_ROLE = Qt.ItemDataRole.UserRole + 40
ICON = QSize(128, 96)


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordPhotos", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 file”, “2 files”)."""
    return QCoreApplication.translate("RecordPhotos", text, None, count)


def photo_problem_text(code: PhotoErrorCode) -> str:
    return {
        PhotoErrorCode.MISSING: tr("找不到这个文件"),
        PhotoErrorCode.UNREADABLE: tr("无法读取（没有权限或磁盘出错）"),
        PhotoErrorCode.NOT_AN_IMAGE: tr("不是照片文件"),
        PhotoErrorCode.UNSUPPORTED: tr("只能添加 JPEG、PNG 或 HEIC 格式的照片"),
        PhotoErrorCode.HEIC_UNAVAILABLE: tr("这台电脑无法读取 HEIC 照片，请先转换为 JPEG"),
        PhotoErrorCode.DAMAGED: tr("照片文件已损坏或不完整"),
        PhotoErrorCode.TOO_LARGE: tr("照片太大"),
        PhotoErrorCode.NOT_STORED: tr("无法存入数据目录（磁盘已满或没有权限）"),
    }[code]


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (none for text or web links)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def picker_filter() -> str:
    patterns = " ".join(f"*{s}" for s in PHOTO_SUFFIXES)
    upper = " ".join(f"*{s.upper()}" for s in PHOTO_SUFFIXES)
    return tr("照片 ({0});;所有文件 (*)").format(f"{patterns} {upper}")


def _missing_icon() -> QIcon:
    pixmap = QPixmap(ICON)
    pixmap.fill(QColor("#eeeeee"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#999999"))
    painter.drawRect(0, 0, ICON.width() - 1, ICON.height() - 1)
    painter.drawLine(0, 0, ICON.width() - 1, ICON.height() - 1)
    painter.end()
    return QIcon(pixmap)


class PhotoList(QListWidget):
    """Thumbnails left to right; Delete removes the selected ones."""

    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class PhotoStrip(QWidget):
    changed = Signal()
    problems = Signal(str)  # what could not be added, in the user's words ("" when all went in)

    def __init__(self, store: PhotoStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = PhotoList(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(ICON)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)  # fmt: skip
        self.list.setAcceptDrops(False)  # the dialog takes dropped files
        self.list.setFixedHeight(ICON.height() + 48)
        self.list.setToolTip(tr("双击照片可填写说明；按 Delete 移除所选照片"))
        self.add_button = QPushButton(tr("添加照片…"), self)
        self.remove_button = QPushButton(tr("移除所选照片"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.add_button.clicked.connect(self.pick)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.remove_requested.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self._update_buttons()

    def tab_chain(self) -> list[QWidget]:
        """As laid out: 添加照片…, 移除所选照片, then the thumbnails."""
        return [self.add_button, self.remove_button, self.list]

    # ---- contents ------------------------------------------------------------------------------
    def set_photos(self, photos: tuple[PhotoRef, ...]) -> None:
        self.list.clear()
        for ref in photos:
            self._append(ref)
        self._update_buttons()

    def photos(self) -> tuple[PhotoRef, ...]:
        refs = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            ref: PhotoRef = item.data(REF_ROLE)
            caption = item.text().strip()
            refs.append(PhotoRef(ref.content_hash, ref.path, ref.thumbnail_path, caption))
        return tuple(refs)

    def add_files(self, files: list[Path]) -> int:
        """Store and show ``files``; the number added. Those refused are named in ``problems``."""
        known = {ref.content_hash for ref in self.photos()}
        added = 0
        refused: list[str] = []
        for path in files:
            try:
                ref = self.store.add(path)
            except PhotoError as exc:
                refused.append(tr("{0}：{1}").format(path.name or str(path),
                                                    photo_problem_text(exc.code)))  # fmt: skip
                continue
            if ref.content_hash in known:
                continue  # the same photo is in the record once
            known.add(ref.content_hash)
            self._append(ref, path.name)
            added += 1
        if refused:
            self.problems.emit(tr_n("%n 个文件没有添加：", len(refused)) + tr("；").join(refused))
        else:
            self.problems.emit("")
        if added:
            self.list.scrollToItem(self.list.item(self.list.count() - 1))
            self.changed.emit()
        self._update_buttons()
        return added

    def pick(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        names, _filter = QFileDialog.getOpenFileNames(self, tr("添加照片"), folder, picker_filter())
        if names:
            self.add_files([Path(name) for name in names])

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()
        self._update_buttons()

    # ---- helpers -------------------------------------------------------------------------------
    def _append(self, ref: PhotoRef, file_name: str = "") -> None:
        thumbnail = self.store.thumbnail(ref)
        pixmap = QPixmap(str(thumbnail)) if thumbnail.is_file() else QPixmap()
        item = QListWidgetItem(ref.caption)
        if pixmap.isNull():
            item.setIcon(_missing_icon())
            item.setToolTip(tr("照片文件不见了（数据目录中没有找到）"))
        else:
            item.setIcon(QIcon(pixmap))
            item.setToolTip(file_name or tr("双击填写说明"))
        item.setData(REF_ROLE, ref)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setSizeHint(QSize(ICON.width() + 12, ICON.height() + 30))
        self.list.addItem(item)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
