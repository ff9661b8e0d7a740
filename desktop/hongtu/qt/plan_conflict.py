"""When another window or the CLI changed the open plan: say what changed, offer the choices.

``ConflictBar`` sits above the plan editor. It appears when a save was refused because the plan
had changed elsewhere (the organiser's edit stays on screen, unsaved) and offers to reload the
stored plan or to keep this window's version. ``describe_changes`` puts the field-level
difference into words for the bar and for the "reloaded" notice in the status bar.
"""

from __future__ import annotations

import math
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.plan_diff import ChangeKind, PlanChange, plan_changes
from hongtu.core.plans import Plan, PlanStatus
from hongtu.core.sites import Site
from hongtu.core.text import shortened
from hongtu.qt.messages import plain_label
from hongtu.qt.plan_session import PlanSession

SHOWN_CHANGES = 8  # more than this are summarised as "and N more"
VALUE_CHARS = 30  # long values (a title, a phone) are shortened in the description
MESSAGE_LINES = 8  # the bar's words show this many lines when there is room, then scroll
LEAST_LINES = 2  # … and at least this many in a short window


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanConflict", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("PlanConflict", text, None, count)


def field_label(name: str) -> str:
    labels = {
        "title": tr("活动主题"),
        "date": tr("日期"),
        "branch": tr("党支部"),
        "participants": tr("人数"),
        "organiser": tr("联系人"),
        "phone": tr("电话"),
        "transport": tr("交通方式"),
        "gathering": tr("集合地点"),
        "gathering_time": tr("集合时间"),
        "returns_to_gathering": tr("是否返回集合地点"),
        "return_leg_override": tr("返程用时"),
        "return_by": tr("返回时间（最晚）"),
        "notes": tr("注意事项"),
        "status": tr("状态"),
    }
    return labels.get(name, name)


# Fields whose old and new values are short enough to show ("日期：10月1日 → 10月2日").
_SHOWN_VALUES = ("title", "date", "branch", "participants", "organiser", "phone",
                 "gathering_time", "return_by")  # fmt: skip


def _value(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    text = str(value)
    return shortened(text, VALUE_CHARS)


def describe_change(change: PlanChange) -> str:
    if change.kind is ChangeKind.FIELD:
        if change.name in _SHOWN_VALUES:
            return tr("{0}：{1} → {2}").format(
                field_label(change.name), _value(change.before), _value(change.after)
            )
        return tr("{0}已修改").format(field_label(change.name))
    if change.kind is ChangeKind.STOP_ADDED:
        return tr("新增站点：{0}").format(change.name)
    if change.kind is ChangeKind.STOP_REMOVED:
        return tr("删除站点：{0}").format(change.name)
    if change.kind is ChangeKind.STOP_MOVED:
        return tr("站点“{0}”从第 {1} 站移到第 {2} 站").format(
            change.name, change.before, change.after
        )
    return tr("站点“{0}”的安排已修改").format(change.name)


def describe_changes(changes: list[PlanChange]) -> list[str]:
    lines = [describe_change(change) for change in changes[:SHOWN_CHANGES]]
    if len(changes) > SHOWN_CHANGES:
        lines.append(tr_n("……另有 %n 处修改", len(changes) - SHOWN_CHANGES))
    return lines


def text_lines(text: str, font: QFont, width: int) -> list[tuple[int, int]]:
    """The top and bottom of each line of ``text`` word-wrapped to ``width``, as a plain-text
    label draws it (Qt's qt_format_text: a new line starts at a whole pixel, after the font's
    leading). A line of Chinese is taller than one of Latin letters (15 px and 14 at 9 pt)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)  # QLabel's line breaks
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    leading = QFontMetricsF(font).leading()
    lines: list[tuple[int, int]] = []
    height = -leading
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height = math.ceil(height + leading)
        lines.append((int(height), math.ceil(height + line.height())))
        height += line.height()
    layout.endLayout()
    return lines


class MessageArea(QScrollArea):
    """The bar's words, scrolled when the pane is short: as tall as they are (up to
    ``MESSAGE_LINES`` lines) when there is room, down to ``LEAST_LINES`` lines. Held to all of
    them, the bar made the window 650 px tall at least, more than a 1366×768 laptop at 125 %
    leaves (~552 px). It shows whole lines, and scrolls by lines: the words' view ends under the
    last line that fits (the bar's colour below it) — at 125 % it showed 2½ lines."""

    def __init__(self, content: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.setAutoFillBackground(False)  # the bar's colour behind the words
        self.viewport().setAutoFillBackground(False)
        self._fitting = False
        self.verticalScrollBar().valueChanged.connect(self.show_whole_lines)

    def _line_spans(self, width: int) -> list[tuple[int, int]]:
        """Each line of the words (their labels one under the other), top and bottom."""
        layout = self.content.layout()
        spacing = max(0, layout.spacing()) if layout is not None else 0
        spans: list[tuple[int, int]] = []
        top = 0
        for label in self.content.findChildren(QLabel):
            if label.isHidden():
                continue
            spans += [(top + a, top + b) for a, b in text_lines(label.text(), label.font(), width)]
            top += label.heightForWidth(width) + spacing
        return spans

    def _line_height(self, spans: list[tuple[int, int]]) -> int:
        return max((bottom - top for top, bottom in spans), default=self.fontMetrics().height())

    def _width(self) -> int:
        return max(self.viewport().width(), self.content.minimumSizeHint().width())

    def sizeHint(self) -> QSize:  # noqa: N802
        spans = self._line_spans(self._width())
        shown = spans[:MESSAGE_LINES]
        height = shown[-1][1] if shown else 0
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        height = LEAST_LINES * self._line_height(self._line_spans(self._width()))
        return QSize(super().minimumSizeHint().width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # as many lines as the words take at this width
        self.show_whole_lines()

    def show_whole_lines(self, *_args: object) -> None:
        """The view starts at a line's top and ends under the last line that fits whole."""
        if self._fitting:
            return
        self._fitting = True
        try:
            spans = self._line_spans(self.viewport().width())
            bar = self.verticalScrollBar()
            bar.setSingleStep(self._line_height(spans))  # a wheel notch: lines, a page at most
            room = self.contentsRect().height()
            top = max((a for a, _ in spans if a <= bar.value()), default=0)
            fitting = [b - top for a, b in spans if a >= top and b - top <= room]
            self.setViewportMargins(0, 0, 0, room - fitting[-1] if fitting else 0)
            bar.setValue(top)
        finally:
            self._fitting = False


class ConflictBar(QFrame):
    """The message (what changed elsewhere), scrolled when long, over one row of buttons:
    合并双方的修改 (when the two sides changed different things), 放弃我的修改,
    保留我的修改 — the words of the box that asks on closing. The bar is no wider than the
    pane without it, and no taller than a short window leaves (``MessageArea``)."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("conflictBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#conflictBar { background: #fff4e5; border: 1px solid #e0a040; }")
        # as tall as its words and buttons, never taller: the editor below gets the rest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        words = QWidget(self)
        self.message = plain_label(parent=words)
        self.message.setWordWrap(True)
        # when the two sides changed different things: said under the changes
        self.merge_hint = plain_label(tr("两边改的不是同一处，可以合并。"), words)
        self.merge_hint.setWordWrap(True)
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.setSpacing(0)  # the hint a line under the changes: whole lines scroll
        words_layout.addWidget(self.message)
        words_layout.addWidget(self.merge_hint)
        words_layout.addStretch(1)
        self.words = MessageArea(words, self)
        self.merge_button = QPushButton(tr("合并双方的修改"), self)
        self.merge_button.setToolTip(tr("两边改的不是同一处：保存你的修改，也保留别处的修改"))
        self.reload_button = QPushButton(tr("放弃我的修改"), self)
        self.keep_button = QPushButton(tr("保留我的修改"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.words, 1)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(session.merge_changes)
        self.reload_button.clicked.connect(session.reload_plan)
        self.keep_button.clicked.connect(session.keep_mine)
        session.conflict_changed.connect(self.update_from_session)
        self.hide()

    def update_from_session(self) -> None:
        conflict = self.session.conflict
        if conflict is None:
            self.hide()
            return
        if conflict.theirs is None:
            text = tr("方案“{0}”已在别处（另一个窗口或命令行）删除，你的修改尚未保存。").format(
                conflict.mine.title
            )
            self.reload_button.setToolTip(tr("放弃我的修改，关闭方案"))
            self.keep_button.setText(tr("恢复方案并保存我的修改"))
            self.keep_button.setToolTip(tr("恢复在别处删除的方案，并保存我的修改"))
        else:
            lines = describe_changes(
                plan_changes(conflict.base, conflict.theirs, self.session.sites)
                if conflict.base is not None
                else []
            )
            text = tr(
                "方案“{0}”已在别处（另一个窗口或命令行）修改，你的修改尚未保存。"
            ).format(conflict.mine.title)  # named: another plan may be open below the bar
            if lines:
                text += tr("别处的修改：") + "\n" + "\n".join(f"· {line}" for line in lines)
            if conflict.theirs.status is PlanStatus.DONE and conflict.mine.status is not (
                PlanStatus.DONE
            ):
                text += "\n" + tr(
                    "这一天的活动已在别处记录，方案已标为已完成；保留我的修改时，方案仍为已完成。"
                )
            self.reload_button.setToolTip(tr("放弃我的修改，载入别处保存的方案"))
            self.keep_button.setText(tr("保留我的修改"))
            self.keep_button.setToolTip(tr("保存我的修改，覆盖别处的修改"))
        mergeable = self.session.merged() is not None
        self.merge_hint.setVisible(mergeable)
        self.merge_button.setVisible(mergeable)
        self.message.setText(text)
        self.words.verticalScrollBar().setValue(0)  # a new conflict: read from its first line
        self.words.show_whole_lines()
        self.words.updateGeometry()
        self.show()


def reloaded_notice(before: Plan, after: Plan | None, sites: dict[int, Site]) -> str:
    """The status-bar line after the open plan was reloaded (or closed) because of others."""
    if after is None:
        return tr("方案“{0}”已在别处删除，已关闭。").format(before.title)
    lines = describe_changes(plan_changes(before, after, sites))
    return tr("方案“{0}”已在别处修改，已重新载入：{1}").format(after.title, "；".join(lines))
