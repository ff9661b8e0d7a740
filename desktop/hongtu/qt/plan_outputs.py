"""Export and print a plan from the window: one dialog, every format, the same document model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.core import export_names
from hongtu.core.atomic import ExportError, ExportErrorCode
from hongtu.core.cancel import CancelledError, ShouldStop, check
from hongtu.core.export_folder import last_export_folder, remember_export_folder
from hongtu.core.export_names import with_suffix
from hongtu.core.exports import ExportFormat
from hongtu.core.limits import BLANK_ROWS_RANGE
from hongtu.core.plans import Plan
from hongtu.core.records import ActivityRecord
from hongtu.core.roster import (
    RosterError,
    RosterErrorCode,
    RosterProblem,
    RosterProblemCode,
    read_roster,
)
from hongtu.qt import messages, window_state
from hongtu.qt.messages import plain_label
from hongtu.qt.number_fields import (
    NumberRange,
    hint_range,
    number_box,
    range_problem,
    show_field,
)
from hongtu.qt.tasks import ProgressTask, TaskRunner, ThreadPoolRunner
from hongtu.qt.window_state import documents_folder

if TYPE_CHECKING:
    from hongtu.core.pipeline import PlanView
    from hongtu.qt.printing import Printed


Target = tuple[ExportFormat, Path, bool]  # format, file, replace an existing file




def tr(text: str) -> str:
    return QCoreApplication.translate("PlanOutputs", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("PlanOutputs", text, None, count)


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
        ExportFormat.JSON: tr("方案文件（发给本支部成员或其他支部，用红途打开）"),
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
        ExportErrorCode.NO_CHINESE_FONT: tr(
            "这台电脑没有能显示中文的字体，PDF 里的汉字会是空白方框；"
            "请先安装中文字体（如 fonts-wqy-microhei 或 fonts-noto-cjk）"
        ),
        ExportErrorCode.OTHER: tr("写入失败"),
    }
    text = tr("没有导出：{0}。\n位置：{1}\n原有文件没有被改动。").format(
        reasons[error.code], str(error.path)
    )
    if error.code in (ExportErrorCode.DISK_FULL, ExportErrorCode.INCOMPLETE):
        text += "\n" + tr("请删除不需要的文件腾出空间，或换一个文件夹（如U盘）再导出。")
    return text


BUNDLE = "bundle"  # the format combo's first entry: 导出全套
BUNDLE_FORMATS = (ExportFormat.PDF, ExportFormat.SIGNIN, ExportFormat.DOCX)


def kind_label(fmt: ExportFormat) -> str:
    return {
        ExportFormat.SIGNIN: tr("签到表"),
        ExportFormat.PDF: tr("日程安排表"),
        ExportFormat.DOCX: tr("活动方案"),
        ExportFormat.JSON: tr("方案文件"),
    }.get(fmt, tr("行程"))


def default_file_name(plan: Plan, fmt: ExportFormat) -> str:
    """``20261218-<title>-日程安排表.pdf``, within 255 bytes and valid on Windows too."""
    return export_names.default_file_name(plan.date, plan.title, kind_label(fmt), fmt.suffix)


def start_folder() -> Path:
    """Where the dialog opens: the last export folder, else the user's Documents folder."""
    remembered = last_export_folder()
    if remembered is not None:
        return remembered
    return documents_folder()


def roster_problem_text(problem: RosterProblem) -> str:
    reasons = {
        RosterProblemCode.EMPTY_NAME: tr("第 {0} 行没有姓名，已跳过"),
        RosterProblemCode.NAME_TOO_LONG: tr("第 {0} 行的姓名太长（“{1}”），已跳过"),
        RosterProblemCode.DUPLICATE: tr("第 {0} 行与前面重复（“{1}”），已跳过"),
        RosterProblemCode.NOT_A_NAME: tr(
            "第 {0} 行（“{1}”）不是姓名，而像表尾的制表人、合计等，已跳过"
        ),
    }
    return reasons[problem.code].format(problem.row, problem.text[:20])


def roster_error_text(error: RosterError) -> str:
    return {
        RosterErrorCode.NOT_FOUND: tr("找不到名单文件：{0}").format(error.detail),
        RosterErrorCode.UNREADABLE: tr("无法读取这个名单文件（文件损坏或编码不是 UTF-8/GBK）。"),
        RosterErrorCode.UNSUPPORTED: tr("只能读取 Excel（.xlsx）或 CSV 名单文件。"),
        RosterErrorCode.EMPTY: tr("名单文件里没有找到姓名。"),
        RosterErrorCode.NOT_TEXT: tr("这不是 CSV 文本文件：请另存为 .xlsx 或 CSV。"),
    }[error.code]


class ExportDialog(QDialog):
    """Choose 导出全套 or one format and where; sign-in sheets take names (typed, pasted or read
    from an XLSX/CSV roster). After saving, the dialog offers to open the file or its folder.

    ``view`` is the plan as the window shows it (``hongtu.core.pipeline.render_plan``): the file
    holds the same times and the same document as the screen.
    """

    def __init__(
        self,
        view: PlanView,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        record: ActivityRecord | None = None,
        save_roster: Callable[[list[str]], str] | None = None,
        check: Callable[[list[ExportFormat]], bool] | None = None,
        names: str = "",
    ) -> None:
        """``record``: the plan's activity record, written into the plan file (JSON).
        ``save_roster``: keeps the names typed for the 签到表 as the branch's 成员名单 (the
        branch has none that day); returns what it did, in words.
        ``check``: on 保存, before anything is written, the plan's problems for the formats
        chosen; False (返回修改) closes the dialog.
        ``names``: the 签到名单 as typed before (an export left by 返回修改)."""
        super().__init__(parent)
        self.view = view
        self.record = record
        self._save_roster = save_roster
        self._check = check
        self.plan = view.plan
        self.written: Path | None = None
        # owned by the application: a worker still writing outlives a dialog closed meanwhile
        self.runner: TaskRunner = runner or ThreadPoolRunner(QCoreApplication.instance())
        self.task: ProgressTask | None = None  # the export being written, off the GUI thread
        self.written_all: list[Path] = []
        self.setWindowTitle(tr("导出方案"))
        self.format = QComboBox(self)
        self.format.addItem(tr("导出全套：日程安排表、签到表（PDF）和活动方案（Word）"), BUNDLE)
        for fmt, label in format_labels().items():
            self.format.addItem(label, fmt.value)
        self.extras = QListWidget(self)
        for fmt, label in format_labels().items():
            if fmt not in BUNDLE_FORMATS:
                item = QListWidgetItem(label, self.extras)
                item.setData(Qt.ItemDataRole.UserRole, fmt.value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        self.extras.setMaximumHeight(110)
        self.extras_label = QLabel(tr("同时导出"), self)
        self.path = QLineEdit(self)
        self.path_label = QLabel(tr("保存到"), self)
        browse = QPushButton(tr("选择…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.note = plain_label(parent=self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #7a5b00;")
        self.note.hide()
        self.names = QPlainTextEdit(self)
        signin = view.document.signin
        self.names.setPlaceholderText(
            tr_n(
                "每行一个姓名；可在姓名后加 Tab 和职务。留空则列出{0}名册上当天的 %n 人。",
                len(signin),
            ).format(view.document.branch)
            if signin
            else tr("每行一个姓名；可在姓名后加 Tab 和职务。留空则按参加人数留空行。")
        )
        self.names.setPlainText(names)
        self.roster_button = QPushButton(tr("从名单文件导入…"), self)
        self.roster_button.setToolTip(tr("读取 Excel（.xlsx）或 CSV 名单：姓名一列，职务一列可选"))
        self.roster_button.clicked.connect(self._on_roster_clicked)
        self.roster_note = plain_label(parent=self)
        self.roster_note.setWordWrap(True)
        self.roster_note.hide()
        # Without a roster, the names typed here are the only list of the branch's members: kept
        # as its 成员名单, 记录活动 can count who came (it refused, and the names were typed twice).
        self.keep_names = QCheckBox(
            tr("同时保存为“{0}”的成员名单（活动后记录出勤要用）").format(view.document.branch),
            self,
        )
        self.keep_names.setChecked(True)
        self._may_keep_names = bool(
            save_roster is not None and not signin and view.document.branch.strip()
        )
        names_box = QVBoxLayout()
        names_box.addWidget(self.names)
        names_box.addWidget(self.roster_button, 0, Qt.AlignmentFlag.AlignLeft)
        names_box.addWidget(self.keep_names)
        names_box.addWidget(self.roster_note)
        # keeps what is typed (a box held to 0–60 exported 9 for a typed 99, 3 for -3); 保存
        # checks the range
        self.blank_rows = number_box(self)
        self.blank_rows.setValue(5)
        hint_range(self.blank_rows, self._blank_rows_range())
        self.signin_label = QLabel(tr("签到名单"), self)
        self.blank_label = QLabel(tr("另加空白行"), self)
        form = QFormLayout()
        form.addRow(tr("格式"), self.format)
        form.addRow(self.extras_label, self.extras)
        form.addRow(self.path_label, row)
        form.addRow("", self.note)
        form.addRow(self.signin_label, names_box)
        form.addRow(self.blank_label, self.blank_rows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.done_label = plain_label(parent=self)
        self.done_label.setWordWrap(True)
        self.open_file_button = QPushButton(tr("打开文件"), self)
        self.open_folder_button = QPushButton(tr("打开所在文件夹"), self)
        self.close_button = QPushButton(tr("完成"), self)
        self.open_file_button.clicked.connect(self._on_open_file_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_clicked)
        self.close_button.clicked.connect(self.accept)
        done_buttons = QHBoxLayout()
        done_buttons.addStretch(1)
        for button in (self.open_file_button, self.open_folder_button, self.close_button):
            done_buttons.addWidget(button)
        self.done_page = QWidget(self)
        done_layout = QVBoxLayout(self.done_page)
        done_layout.addWidget(self.done_label)
        done_layout.addLayout(done_buttons)
        self.done_page.hide()
        self.form_page = QWidget(self)
        form_layout = QVBoxLayout(self.form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(form)
        form_layout.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_page)
        layout.addWidget(self.done_page)
        self._folder = start_folder()
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.format.setCurrentIndex(self.format.findData(ExportFormat.PDF.value))
        self.resize(640, self.sizeHint().height())
        self._on_format_changed()

    # ---- choices -------------------------------------------------------------------------------
    def bundle_chosen(self) -> bool:
        return bool(self.format.currentData() == BUNDLE)

    def chosen_format(self) -> ExportFormat:
        data = self.format.currentData()
        return ExportFormat.PDF if data == BUNDLE else ExportFormat(data)

    def bundle_formats(self) -> list[ExportFormat]:
        extras = [
            ExportFormat(self.extras.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.extras.count())
            if self.extras.item(row).checkState() == Qt.CheckState.Checked
        ]
        return [*BUNDLE_FORMATS, *extras]

    def _current_folder(self) -> Path:
        text = self.path.text().strip()
        if not text:
            return self._folder
        path = Path(text).expanduser()
        return path if path.is_dir() else path.parent

    def _on_format_changed(self, _index: int = 0) -> None:
        bundle = self.bundle_chosen()
        signin = bundle or self.chosen_format() is ExportFormat.SIGNIN
        for widget in (self.names, self.blank_rows, self.signin_label, self.blank_label):
            widget.setVisible(signin)
        self.roster_button.setVisible(signin)
        self.keep_names.setVisible(signin and self._may_keep_names)
        self.roster_note.setVisible(signin and bool(self.roster_note.text()))
        self.extras.setVisible(bundle)
        self.extras_label.setVisible(bundle)
        folder = self._current_folder() if self.path.text() else self._folder
        self.note.hide()
        if bundle:
            self.path_label.setText(tr("保存到文件夹"))
            self.path.setText(str(folder))
        else:
            self.path_label.setText(tr("保存到"))
            self.path.setText(str(folder / default_file_name(self.plan, self.chosen_format())))
        self._fit_height()

    def _fit_height(self) -> None:
        """Shrink to what is shown (a single format hides the names and the extra formats);
        growing for 导出全套 stays within the screen, moved up if its bottom would be below."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        window_state.fit_to_screen(self, QSize(self.width(), self.sizeHint().height()))
        window_state.keep_on_screen(self)

    def _on_browse_clicked(self) -> None:
        if self.bundle_chosen():
            chosen = QFileDialog.getExistingDirectory(self, tr("导出到文件夹"), self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, tr("导出到"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _on_roster_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("选择名单文件"), str(self._folder), tr("名单（*.xlsx *.csv *.txt）")
        )
        if chosen:
            self.load_roster(Path(chosen))

    def load_roster(self, path: Path) -> None:
        """Fill the names from an XLSX/CSV roster and say which rows were skipped and why."""
        try:
            roster = read_roster(path)
        except RosterError as exc:
            self.roster_note.setText(roster_error_text(exc))
            self.roster_note.show()
            return
        self.names.setPlainText("\n".join(entry.line() for entry in roster.entries))
        lines = [tr_n("已从“{0}”读入 %n 人。", len(roster.entries)).format(path.name)]
        lines += [roster_problem_text(problem) for problem in roster.problems]
        self.roster_note.setText("\n".join(lines))
        self.roster_note.show()

    # ---- saving --------------------------------------------------------------------------------
    @staticmethod
    def _blank_rows_range() -> NumberRange:
        return NumberRange(tr("另加空白行"), *BLANK_ROWS_RANGE)

    def _on_buttons_accepted(self) -> None:
        if not self.path.text().strip():
            messages.warning(self, tr("导出方案"), tr("请先选择保存位置。"))
            return
        if self.blank_rows.isVisible():
            problem = range_problem(self.blank_rows, self._blank_rows_range())
            if problem is not None:
                messages.warning(self, tr("导出方案"), problem)
                show_field(self.blank_rows)
                return
        formats = self.bundle_formats() if self.bundle_chosen() else [self.chosen_format()]
        if self._check is not None and not self._check(formats):
            self.reject()
            return
        targets = self._bundle_targets() if self.bundle_chosen() else self._one_target()
        printed = any(fmt in PRINTED for fmt, _path, _overwrite in targets)
        if targets and (not printed or printable(self.view.document, self, self.typed_names())):
            self.start_export(targets)

    def _one_target(self) -> list[Target]:
        fmt = self.chosen_format()
        typed = Path(self.path.text().strip()).expanduser()
        if typed.is_dir():  # a folder: the file in it by its default name, as on the command line
            target = typed / default_file_name(self.plan, fmt)
            self.path.setText(str(target))
        else:
            target = with_suffix(typed, fmt.suffix)
            if target != typed:
                self.path.setText(str(target))
                self.note.setText(
                    tr("文件名已改为“{0}”：扩展名要与所选格式（{1}）一致。").format(
                        target.name, fmt.suffix
                    )
                )
                self.note.show()
        overwrite = False
        if target.exists():
            if not messages.question(
                self, tr("文件已存在"), tr("“{0}”已存在，要替换它吗？").format(target.name)
            ):
                return []
            overwrite = True
        return [(fmt, target, overwrite)]

    def _bundle_targets(self) -> list[Target]:
        folder = Path(self.path.text().strip()).expanduser()
        if not folder.is_dir():
            messages.warning(
                self,
                tr("导出失败"),
                tr("文件夹“{0}”不存在，请选择一个已有的文件夹。").format(folder),
            )
            return []
        targets = [
            (fmt, folder / default_file_name(self.plan, fmt)) for fmt in self.bundle_formats()
        ]
        existing = [path.name for _fmt, path in targets if path.exists()]
        if existing and not messages.question(
            self,
            tr("文件已存在"),
            tr("这些文件已存在，要替换它们吗？\n{0}").format("\n".join(existing)),
        ):
            return []
        return [(fmt, path, bool(existing)) for fmt, path in targets]

    def reject(self) -> None:
        """Esc or the close button while a file is being written cancels the writing first."""
        if self.task is not None:
            self.task.cancel()
            return
        super().reject()

    def start_export(self, targets: list[Target]) -> None:
        """Writes the files on a worker thread; a progress dialog with 取消 shows if it is slow.

        When all are written the dialog shows what was saved; a failure or a cancel leaves it
        as it was, every old file untouched (a file already finished in a set stays whole)."""
        names = self.typed_names()
        document, plan, sites = self.view.document, self.plan, self.view.sites
        blank_rows = self.blank_rows.value()
        record = self.record

        def job(should_stop: ShouldStop) -> list[Path]:
            """Every format in a child process (Qt's layout and our DOCX and XLSX writers
            hold the GIL, so the window, on any thread of its own); this thread only waits."""
            from hongtu.core.shared_sites import plan_site_ids
            from hongtu.qt.export_process import ExportRequest, ExportTarget, write_exports

            json_asked = any(fmt is ExportFormat.JSON for fmt, _target, _overwrite in targets)
            request = ExportRequest(
                document,
                tuple(
                    ExportTarget(fmt.value, target, overwrite) for fmt, target, overwrite in targets
                ),
                tuple(names),
                blank_rows,
                plan=plan if json_asked else None,
                sites={i: sites[i] for i in plan_site_ids(plan) if i in sites}
                if json_asked
                else None,
                record=record if json_asked else None,
            )
            check(should_stop)
            return write_exports(request, should_stop)

        self.buttons.setEnabled(False)
        self.task = ProgressTask(
            self, self.runner, tr("正在导出…"), job, self._on_exported, self._on_export_failed
        )

    def _on_exported(self, written: list[Path]) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        self.written, self.written_all = written[0], written
        remember_export_folder(written[0].parent)
        self._show_done(written, self._keep_names())

    def typed_names(self) -> list[str]:
        return [line.strip() for line in self.names.toPlainText().splitlines() if line.strip()]

    def _keep_names(self) -> str:
        """The names typed for the 签到表 kept as the branch's roster, if asked: what was done."""
        names = self.typed_names()
        if self._save_roster is None or not self.keep_names.isVisible() or not names:
            return ""
        if not self.keep_names.isChecked():
            return ""
        return self._save_roster(names)

    def _on_export_failed(self, error: BaseException) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        if isinstance(error, CancelledError):
            return  # the organiser pressed 取消: the dialog stays, old files are as they were
        if isinstance(error, ExportError):
            messages.warning(self, tr("导出失败"), export_error_text(error))
        elif isinstance(error, TimeoutError):
            messages.warning(self, tr("导出失败"), tr("导出用时过长，已停止。原有文件没有被改动。"))
        else:
            raise error  # a bug: the crash handler reports it

    # ---- after saving --------------------------------------------------------------------------
    def _show_done(self, written: list[Path], roster_note: str = "") -> None:
        if len(written) == 1:
            text = tr("已导出：{0}").format(str(written[0]))
        else:
            names = "\n".join(path.name for path in written)
            text = tr("已导出 {0} 个文件到“{1}”：\n{2}").format(
                len(written), str(written[0].parent), names
            )
        if self.note.isVisible():
            text = f"{text}\n{self.note.text()}"
        if roster_note:
            text = f"{text}\n{roster_note}"
        self.done_label.setText(text)
        self.form_page.hide()
        self.done_page.show()
        self._fit_height()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _on_open_file_clicked(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def _on_open_folder_clicked(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))


PRINTED = (ExportFormat.PDF, ExportFormat.SIGNIN)  # drawn with the computer's fonts


def printable(content: object, parent: QWidget | None, names: list[str] | None = None) -> bool:
    """Whether to go on printing ``content``: yes when every character prints, else what the
    organiser answers on being told which characters would be empty boxes (a rare character
    of a name that no installed font has) and which font to install."""
    from hongtu.qt.printing import unprintable_warning

    warning = unprintable_warning(content, names or [])
    if warning is None:
        return True
    return messages.question(parent, tr("缺少字体"), f"{warning}\n\n{tr('仍要继续吗？')}")


def preview_schedule(view: PlanView, parent: QWidget | None) -> Printed | None:
    from hongtu.qt.printing import PrintKind, print_preview

    if not printable(view.document, parent):
        return None
    return print_preview(view.document, PrintKind.SCHEDULE, parent)


def preview_signin(view: PlanView, parent: QWidget | None) -> Printed | None:
    from hongtu.qt.printing import PrintKind, print_preview

    if not printable(view.document, parent):
        return None
    return print_preview(view.document, PrintKind.SIGNIN, parent)


__all__ = ["ExportDialog", "preview_schedule", "preview_signin"]
