"""编辑站点信息: the organiser fills in what they confirmed (hours, closed days, booking, …).

Nothing about opening hours, closed days, booking, admission or phone numbers was confirmed for any
catalogue site, so the planner's warnings can only use what the organiser enters here. The dialog
shows each field's current value and where it came from, lets the organiser change it or hand it
back to the catalogue, and refuses to save invalid rules. The logic (form → ``VisitRules``,
validation, which fields changed) is in ``hongtu.core.site_info``; ``edit_site_info`` runs the
dialog and saves through ``SiteStore``, one call per changed field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.site_info import (
    ACCESS_FIELD,
    GROUP_SIZE_RANGE,
    INFO_FIELDS,
    LEAD_DAYS_RANGE,
    MAX_FACT_LENGTH,
    RULES_FIELD,
    TEXT_FACTS,
    VISIT_MINUTES_FIELD,
    VISIT_MINUTES_RANGE,
    FieldChange,
    Issue,
    Problem,
    RulesForm,
    SiteInfoForm,
    apply_site_info,
    form_values,
    site_info_changes,
    site_info_values,
    validate_site_info,
)
from hongtu.core.sites import Access, Fact, PositionOrigin, Site, VisitorAccess, VisitRules
from hongtu.qt import messages, number_fields
from hongtu.qt.messages import plain_label, plain_tooltip
from hongtu.qt.site_details import access_text, confidence_label
from hongtu.qt.warning_text import weekday_name
from hongtu.qt.wheel_guard import guard_wheels
from hongtu.qt.window_state import available_area

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore

log = logging.getLogger(__name__)

MIN_WIDTH = 660
TITLE_BAR_ROOM = 60  # a window manager's title bar and a little air, within the screen's room


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteInfoDialog", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("SiteInfoDialog", text, None, count)


def fact_labels() -> dict[str, str]:
    return {
        "opening_hours": tr("开放时间"),
        "closed_days": tr("闭馆日"),
        "reservation": tr("预约"),
        "admission": tr("门票"),
        "phone": tr("电话"),
    }


PLAIN_FACTS = ("admission", "phone")
"""Text facts no rule expresses: entered (and shown) as typed."""
RULE_NOTES = ("opening_hours", "closed_days", "reservation")
"""Text facts the rules speak for: in the dialog they are only the organiser's optional notes."""


def note_labels() -> dict[str, str]:
    return {
        "opening_hours": tr("开放时间备注"),
        "closed_days": tr("闭馆日备注"),
        "reservation": tr("预约备注"),
    }


def note_placeholders() -> dict[str, str]:
    return {
        "opening_hours": tr("可不填（规则无法表达的内容，例：冬季 16:30 闭馆）"),
        "closed_days": tr("可不填（例：春节期间闭馆）"),
        "reservation": tr("可不填（例：凭身份证登记，电话预约）"),
    }


def fact_placeholders() -> dict[str, str]:
    """Shown while a box is empty, i.e. while the fact is unknown."""
    return {
        "admission": tr("未知（例：免费，凭身份证入馆）"),
        "phone": tr("未知（填写确认过的联系电话）"),
    }


def fact_origin_text(fact: Fact, site: Site) -> str:
    """Where the stored value came from: the catalogue (and how sure) or the organiser."""
    if fact.origin is PositionOrigin.USER:
        return tr("组织者填写") if fact.known else tr("组织者设为未知")
    if not fact.known:
        return tr("目录：未知")
    sources = sum(1 for i in fact.source_ids if i < len(site.sources))
    if sources:
        return tr_n("目录 · {0} · %n 个来源", sources).format(confidence_label(fact.confidence))
    return tr("目录 · {0}").format(confidence_label(fact.confidence))


def fact_sources_text(fact: Fact, site: Site) -> str | None:
    titles = [site.sources[i].title for i in fact.source_ids if i < len(site.sources)]
    return tr("来源：{0}").format(tr("；").join(titles)) if titles else None


def rules_origin_text(edited: bool) -> str:
    return tr("组织者填写") if edited else tr("目录中没有（全部未知）")


def minutes_origin_text(site: Site, edited: bool) -> str:
    if edited:
        return tr("组织者填写")
    if site.visit_minutes_is_default:
        return tr("默认值，未经确认")
    return tr("目录")


def access_origin_text(access: Access, site: Site) -> str:
    if access.origin is PositionOrigin.USER:
        return tr("组织者确认")
    if access.status is VisitorAccess.UNKNOWN:
        return tr("目录：未知")
    sources = sum(1 for i in access.source_ids if i < len(site.sources))
    return tr_n("目录 · {0} · %n 个来源", sources).format(confidence_label(access.confidence))


def weekdays_text(weekdays: frozenset[int] | None) -> str:
    if weekdays is None:
        return tr("闭馆日未知")
    if not weekdays:
        return tr("每天开放，没有固定闭馆日")
    if len(weekdays) == 7:
        return tr("每天都闭馆")
    return tr("{0}闭馆").format(tr("、").join(weekday_name(day) for day in sorted(weekdays)))


def issue_text(issue: Issue) -> str:
    if issue.problem is Problem.FACT_TOO_LONG:
        label = {**fact_labels(), **note_labels()}.get(issue.field, issue.field)
        return tr("“{0}”太长了（最多 {1} 个字）。").format(label, MAX_FACT_LENGTH)
    return {
        Problem.CLOSES_NOT_AFTER_OPENS: tr("闭馆时间必须晚于开馆时间。"),
        Problem.LAST_ENTRY_BEFORE_OPENING: tr("最晚入场时间不能早于开馆时间。"),
        Problem.LAST_ENTRY_NOT_BEFORE_CLOSING: tr("最晚入场时间必须早于闭馆时间。"),
        Problem.BAD_WEEKDAY: tr("每周闭馆日不正确。"),
        Problem.LEAD_DAYS_OUT_OF_RANGE: tr("需提前预约天数应在 {0}–{1} 天之间。").format(
            LEAD_DAYS_RANGE.start, LEAD_DAYS_RANGE.stop - 1
        ),
        Problem.GROUP_SIZE_OUT_OF_RANGE: tr("单次接待人数上限应在 {0}–{1} 人之间。").format(
            GROUP_SIZE_RANGE.start, GROUP_SIZE_RANGE.stop - 1
        ),
        Problem.VISIT_MINUTES_OUT_OF_RANGE: tr("参观时长应在 {0}–{1} 分钟之间。").format(
            VISIT_MINUTES_RANGE.start, VISIT_MINUTES_RANGE.stop - 1
        ),
    }[issue.problem]


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class _OptionalTime(QWidget):
    """A time with a 未知 box; the time is disabled (and ignored) while unknown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTimeEdit(self)
        self.edit.setDisplayFormat("HH:mm")
        self.unknown = QCheckBox(tr("未知"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unknown)
        layout.addStretch(1)
        self.unknown.toggled.connect(self._on_unknown_toggled)

    def set_value(self, value: time, known: bool) -> None:
        self.edit.setTime(_qtime(value))
        self.unknown.setChecked(not known)
        self.edit.setEnabled(known)

    def value(self) -> time:
        return _time(self.edit.time())

    def known(self) -> bool:
        return not self.unknown.isChecked()

    def _on_unknown_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(not checked)


def number_box(parent: QWidget) -> QSpinBox:
    """A number box that keeps whatever number is typed (full-width digits too); saving checks
    it against the field's range and says what is wrong. A box limited to the range itself put
    the old value back for a typed 0 (单次接待人数上限) and kept 9 of a typed 999 (需提前预约天数),
    silently. None of these fields is ever below 0."""
    return number_fields.number_box(parent, low=0)


class _OptionalNumber(QWidget):
    """A number with a 未知 box; the spin box is disabled (and ignored) while unknown."""

    def __init__(self, unit: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = number_box(self)
        number_fields.counted_unit(self.spin, unit)
        self.unknown = QCheckBox(tr("未知"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.unknown)
        layout.addStretch(1)
        self.unknown.toggled.connect(self._on_unknown_toggled)

    def set_value(self, value: int, known: bool) -> None:
        self.spin.setValue(value)
        self.unknown.setChecked(not known)
        self.spin.setEnabled(known)

    def value(self) -> int:
        return self.spin.value()

    def known(self) -> bool:
        return not self.unknown.isChecked()

    def _on_unknown_toggled(self, checked: bool) -> None:
        self.spin.setEnabled(not checked)


class _Weekdays(QWidget):
    """Seven weekday boxes plus 未知: unknown is not the same as "open every day"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unknown = QCheckBox(tr("未知"), self)
        self.days = [QCheckBox(weekday_name(day), self) for day in range(7)]
        self.state = plain_label(parent=self)
        self.state.setStyleSheet("color:#6d4c41;")
        boxes = QHBoxLayout()
        boxes.setContentsMargins(0, 0, 0, 0)
        for box in self.days:
            boxes.addWidget(box)
        boxes.addSpacing(12)
        boxes.addWidget(self.unknown)
        boxes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(boxes)
        layout.addWidget(self.state)
        self.unknown.toggled.connect(self._on_changed)
        for box in self.days:
            box.toggled.connect(self._on_changed)

    def set_value(self, weekdays: frozenset[int], known: bool) -> None:
        for day, box in enumerate(self.days):
            box.setChecked(day in weekdays)
        self.unknown.setChecked(not known)
        self._on_changed()

    def value(self) -> frozenset[int]:
        return frozenset(day for day, box in enumerate(self.days) if box.isChecked())

    def known(self) -> bool:
        return not self.unknown.isChecked()

    def _on_changed(self, *_args: object) -> None:
        known = self.known()
        for box in self.days:
            box.setEnabled(known)
        self.state.setText(weekdays_text(self.value() if known else None))


class SiteInfoDialog(QDialog):
    """Shows ``site`` for editing; on 保存, ``changes`` holds what to store (possibly nothing)."""

    def __init__(
        self,
        site: Site,
        catalogue: Site,
        edited: frozenset[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.site = site
        self.catalogue = catalogue
        self.edited = edited
        self.restore: set[str] = set()
        self.changes: list[FieldChange] = []
        self.setWindowTitle(tr("编辑站点信息 — {0}").format(site.name))
        self.fact_edits: dict[str, QLineEdit] = {}
        self.status: dict[str, QLabel] = {}
        self.restore_buttons: dict[str, QPushButton] = {}
        self._updating = False
        content = QWidget(self)
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        for part in (
            self._intro(), self._rules_group(), self._facts_group(), self._minutes_group(),
            self._access_group(),
        ):  # fmt: skip
            body.addWidget(part)
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self._scrolled(content))
        guard_wheels(content)  # scrolling the form changes no hour, number or choice
        layout.addWidget(buttons)
        self._fill_rules(RulesForm.from_rules(site.rules))
        self.minutes.setValue(site.visit_minutes)
        self._connect_changes()
        self._refresh()
        self._fit_to_screen(content, body, layout, buttons)

    def _scrolled(self, content: QWidget) -> QScrollArea:
        """The form scrolls rather than making the dialog taller than a laptop's screen (its
        保存 button out of reach); every row keeps its height (``_fit_to_screen``)."""
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _fit_to_screen(
        self, content: QWidget, body: QVBoxLayout, layout: QVBoxLayout, buttons: QWidget
    ) -> None:
        """As tall as the whole form where the screen has room for it, else as tall as the
        screen allows (the form scrolls); never narrower than its rows need."""
        # the wrapped hints need more height the narrower the form: never squeeze a row
        width = max(MIN_WIDTH, body.minimumSize().width())
        content.setMinimumSize(width, body.totalHeightForWidth(width))
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = layout.contentsMargins()
        self.setMinimumWidth(width + bar + margins.left() + margins.right())
        whole = (
            content.minimumHeight() + layout.spacing() + buttons.sizeHint().height()
            + margins.top() + margins.bottom()
        )  # fmt: skip
        room = available_area(self).height() - TITLE_BAR_ROOM
        self.resize(self.minimumWidth(), min(whole, room))

    # ---- building ------------------------------------------------------------------------------
    def _intro(self) -> QWidget:
        box = QWidget(self)
        name = plain_label(self.site.name, box)
        font = name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        name.setFont(font)
        hint = plain_label(
            tr(
                "目录里所有站点的开放时间、闭馆日、预约、门票和电话都没有经过确认。"
                "请只填写您打电话或到现场确认过的内容，可以在备注里注明确认日期"
                "（如“11月20日电话确认”）。留空或勾选“未知”即为未知。"
            ),
            box,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("background:#fff8e1; color:#5d4037; padding:6px; border-radius:3px;")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(name)
        layout.addWidget(hint)
        return box

    def _status_label(self, name: str, parent: QWidget) -> QLabel:
        label = plain_label(parent=parent)
        label.setStyleSheet("color:#6d4c41;")
        # wide enough for the longest status, so the boxes do not jump while typing
        longest = max((tr("保存后恢复为目录信息"), tr("已修改，保存后生效")), key=len)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(longest) + 8)
        self.status[name] = label
        return label

    def _restore_button(self, name: str, parent: QWidget) -> QPushButton:
        button = QPushButton(tr("恢复目录"), parent)
        button.setToolTip(tr("恢复目录信息：丢弃组织者填写的内容，改回目录中的信息"))
        button.clicked.connect(lambda: self.restore_field(name))
        self.restore_buttons[name] = button
        return button

    def _fact_edit(self, name: str, placeholder: str, parent: QWidget) -> QLineEdit:
        fact: Fact = getattr(self.site, name)
        edit = QLineEdit(fact.value or "", parent)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(300)
        edit.setToolTip(plain_tooltip(fact_sources_text(fact, self.site)) or "")
        self.fact_edits[name] = edit
        return edit

    def _facts_group(self) -> QGroupBox:
        """Admission and phone: facts no rule expresses, entered as text."""
        group = QGroupBox(tr("门票和电话"), self)
        group.setLayout(self._fact_grid(PLAIN_FACTS, fact_labels(), fact_placeholders(), group))
        return group

    def _notes_grid(self, parent: QWidget) -> QGridLayout:
        """Notes for what the rules cannot say (e.g. 冬季 16:30 闭馆); optional."""
        return self._fact_grid(RULE_NOTES, note_labels(), note_placeholders(), parent)

    def _fact_grid(
        self,
        names: Iterable[str],
        labels: Mapping[str, str],
        placeholders: Mapping[str, str],
        parent: QWidget,
    ) -> QGridLayout:
        """A row per text fact: label, text box, where it came from, 恢复."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for row, name in enumerate(names):
            grid.addWidget(QLabel(labels[name], parent), row, 0)
            grid.addWidget(self._fact_edit(name, placeholders[name], parent), row, 1)
            grid.addWidget(self._status_label(name, parent), row, 2)
            grid.addWidget(self._restore_button(name, parent), row, 3)
        grid.setColumnStretch(1, 1)
        return grid

    def _rules_group(self) -> QGroupBox:
        group = QGroupBox(tr("开放时间、闭馆日和预约"), self)
        hint = plain_label(
            tr(
                "只需填写一次：站点详情中的文字和方案的行程提醒都按这里的规则生成。"
                "未知的项不会提醒，只提示“请电话确认”。规则无法表达的内容写在下面的备注里。"
            ),
            group,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555;")
        self.opens = _OptionalTime(group)
        self.closes = _OptionalTime(group)
        self.last_entry = _OptionalTime(group)
        self.weekdays = _Weekdays(group)
        self.holidays = QComboBox(group)
        self.holidays.addItem(tr("未知"), None)
        self.holidays.addItem(tr("是，节假日照常开放"), True)
        self.holidays.addItem(tr("否，节假日也闭馆"), False)
        self.holidays.setToolTip(
            plain_tooltip(tr("例如“周一闭馆（法定节假日除外）”，这里选“是”。"))
        )
        self.lead_days = _OptionalNumber(number_fields.days_unit, group)
        self.lead_days.spin.setToolTip(plain_tooltip(tr("0 表示当天即可预约")))
        self.group_size = _OptionalNumber(number_fields.people_unit, group)
        for box, name, allowed, unit in (
            (self.lead_days.spin, tr("需提前预约天数"), LEAD_DAYS_RANGE, tr(" 天")),
            (self.group_size.spin, tr("单次接待人数上限"), GROUP_SIZE_RANGE, tr(" 人")),
        ):
            limits = number_fields.NumberRange(name, allowed.start, allowed.stop - 1, unit)
            number_fields.hint_range(box, limits)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        rows: list[tuple[str, QWidget]] = [
            (tr("开馆时间"), self.opens),
            (tr("闭馆时间"), self.closes),
            (tr("最晚入场"), self.last_entry),
            (tr("每周闭馆日"), self.weekdays),
            (tr("法定节假日照常开放"), self.holidays),
            (tr("需提前预约天数"), self.lead_days),
            (tr("单次接待人数上限"), self.group_size),
        ]
        for row, (text, widget) in enumerate(rows):
            label = QLabel(text, group)
            if widget is self.weekdays:  # two lines: the boxes, then what they mean
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, 3, 0, 0)
            grid.addWidget(label, row, 0)
            if widget is self.holidays:  # as wide as its longest choice, not the whole row
                grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignLeft)
            else:
                grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        footer = QHBoxLayout()
        footer.addWidget(self._status_label(RULES_FIELD, group), 1)
        footer.addWidget(self._restore_button(RULES_FIELD, group))
        layout = QVBoxLayout(group)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addLayout(footer)
        layout.addLayout(self._notes_grid(group))
        return group

    def _minutes_group(self) -> QGroupBox:
        group = QGroupBox(tr("默认参观时长"), self)
        self.minutes = number_box(group)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(tr(" 分钟"))
        first, last = VISIT_MINUTES_RANGE.start, VISIT_MINUTES_RANGE.stop - 1
        number_fields.hint_range(
            self.minutes, number_fields.NumberRange(tr("参观时长"), first, last, tr(" 分钟"))
        )
        self.minutes.setToolTip(
            plain_tooltip(tr("方案里的这一站默认按这个时长安排；在方案中仍可单独修改。"))
        )
        row = QHBoxLayout(group)
        row.addWidget(self.minutes)
        row.addWidget(self._status_label(VISIT_MINUTES_FIELD, group), 1)
        row.addWidget(self._restore_button(VISIT_MINUTES_FIELD, group))
        return group

    def _access_group(self) -> QGroupBox:
        group = QGroupBox(tr("能否入内参观"), self)
        self.access = QComboBox(group)
        for status in (VisitorAccess.UNKNOWN, VisitorAccess.OPEN, VisitorAccess.EXTERIOR_ONLY):
            self.access.addItem(access_text(status), status)
        self.access.setCurrentIndex(max(0, self.access.findData(self.site.access.status)))
        self.access.setToolTip(
            plain_tooltip(
                tr("“可能只能在外观看”时，方案在这里安排室内参观、现场党课或交流研讨会得到提醒。")
            )
        )
        row = QHBoxLayout(group)
        row.addWidget(self.access)
        row.addWidget(self._status_label(ACCESS_FIELD, group), 1)
        row.addWidget(self._restore_button(ACCESS_FIELD, group))
        return group

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.restore_all_button = buttons.addButton(
            tr("全部恢复目录信息"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.save_button = buttons.addButton(tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("取消"))
        self.save_button.setDefault(True)
        self.restore_all_button.clicked.connect(self.restore_all)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        return buttons

    def _connect_changes(self) -> None:
        for edit in self.fact_edits.values():
            edit.textChanged.connect(self._on_form_changed)
        for optional in (self.opens, self.closes, self.last_entry):
            optional.edit.timeChanged.connect(self._on_form_changed)
            optional.unknown.toggled.connect(self._on_form_changed)
        for number in (self.lead_days, self.group_size):
            number.spin.valueChanged.connect(self._on_form_changed)
            number.unknown.toggled.connect(self._on_form_changed)
        self.weekdays.unknown.toggled.connect(self._on_form_changed)
        for box in self.weekdays.days:
            box.toggled.connect(self._on_form_changed)
        self.holidays.currentIndexChanged.connect(self._on_form_changed)
        self.minutes.valueChanged.connect(self._on_form_changed)
        self.access.currentIndexChanged.connect(self._on_form_changed)

    # ---- reading and filling -------------------------------------------------------------------
    def rules_form(self) -> RulesForm:
        return RulesForm(
            opens=self.opens.value(),
            opens_known=self.opens.known(),
            closes=self.closes.value(),
            closes_known=self.closes.known(),
            last_entry=self.last_entry.value(),
            last_entry_known=self.last_entry.known(),
            closed_weekdays=self.weekdays.value(),
            weekdays_known=self.weekdays.known(),
            open_on_public_holidays=self.holidays.currentData(),
            reservation_lead_days=self.lead_days.value(),
            lead_days_known=self.lead_days.known(),
            max_group_size=self.group_size.value(),
            group_size_known=self.group_size.known(),
        )

    def form(self) -> SiteInfoForm:
        return SiteInfoForm(
            facts={name: edit.text() for name, edit in self.fact_edits.items()},
            rules=self.rules_form().to_rules(),
            visit_minutes=self.minutes.value(),
            restore=frozenset(self.restore),
            access=VisitorAccess(self.access.currentData()),
        )

    def _fill_rules(self, form: RulesForm) -> None:
        self.opens.set_value(form.opens, form.opens_known)
        self.closes.set_value(form.closes, form.closes_known)
        self.last_entry.set_value(form.last_entry, form.last_entry_known)
        self.weekdays.set_value(form.closed_weekdays, form.weekdays_known)
        self.holidays.setCurrentIndex(max(0, self.holidays.findData(form.open_on_public_holidays)))
        self.lead_days.set_value(form.reservation_lead_days, form.lead_days_known)
        self.group_size.set_value(form.max_group_size, form.group_size_known)

    def set_rules(self, rules: VisitRules) -> None:
        """Show ``rules`` in the rule widgets (as if the organiser had entered them)."""
        self._fill_rules(RulesForm.from_rules(rules))

    # ---- restoring -----------------------------------------------------------------------------
    def restore_field(self, name: str) -> None:
        """Show the catalogue's value again; saving then drops the organiser's edit."""
        self._updating = True
        try:
            if name in TEXT_FACTS:
                self.fact_edits[name].setText(getattr(self.catalogue, name).value or "")
            elif name == RULES_FIELD:
                self._fill_rules(RulesForm.from_rules(self.catalogue.rules))
            elif name == VISIT_MINUTES_FIELD:
                self.minutes.setValue(self.catalogue.visit_minutes)
            elif name == ACCESS_FIELD:
                status = self.catalogue.access.status
                self.access.setCurrentIndex(max(0, self.access.findData(status)))
        finally:
            self._updating = False
        self.restore.add(name)
        self._refresh()

    def restore_all(self) -> None:
        for name in INFO_FIELDS:
            if self.restore_buttons[name].isEnabled():
                self.restore_field(name)

    # ---- status --------------------------------------------------------------------------------
    def _origin_text(self, name: str) -> str:
        if name in TEXT_FACTS:
            return fact_origin_text(getattr(self.site, name), self.site)
        if name == RULES_FIELD:
            return rules_origin_text(RULES_FIELD in self.edited)
        if name == ACCESS_FIELD:
            return access_origin_text(self.site.access, self.site)
        return minutes_origin_text(self.site, VISIT_MINUTES_FIELD in self.edited)

    def _refresh(self) -> None:
        wanted = form_values(self.form())
        current = site_info_values(self.site)
        catalogue = site_info_values(self.catalogue)
        any_restorable = False
        for name in INFO_FIELDS:
            restoring = name in self.restore and wanted[name] == catalogue[name]
            if restoring and name in self.edited:
                text = tr("保存后恢复为目录信息")
            elif wanted[name] != current[name]:
                text = tr("已修改，保存后生效")
            else:
                text = self._origin_text(name)
            self.status[name].setText(text)
            restorable = wanted[name] != catalogue[name] or (name in self.edited and not restoring)
            self.restore_buttons[name].setEnabled(restorable)
            any_restorable = any_restorable or restorable
        self.restore_all_button.setEnabled(any_restorable)

    def _on_form_changed(self, *_args: object) -> None:
        if not self._updating:
            self._refresh()

    # ---- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        """Validate; on a problem say what is wrong and keep the dialog open, saving nothing."""
        form = self.form()
        issues = validate_site_info(form)
        if issues:
            text = "\n".join(issue_text(issue) for issue in issues)
            messages.warning(self, tr("无法保存"), text + "\n\n" + tr("请修改后再保存。"))
            return
        self.changes = site_info_changes(self.site, self.catalogue, self.edited, form)
        self.accept()


def edit_site_info(
    store: SiteStore,
    site_id: int,
    parent: QWidget | None,
    on_saved: Callable[[Site], None],
) -> bool:
    """Run the dialog for the site and store what changed; ``on_saved`` gets the stored site.

    False when the organiser cancelled or changed nothing.
    """
    from sqlalchemy.exc import SQLAlchemyError

    site = store.get(site_id)
    catalogue, edited = store.catalogue_site(site_id), store.edited_fields(site_id)
    dialog = SiteInfoDialog(site, catalogue, edited, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changes:
            return False
        changes = dialog.changes
    finally:
        dialog.deleteLater()
    try:
        saved = apply_site_info(store, site_id, changes)
    except SQLAlchemyError as exc:
        log.error("site %s info not saved: %s", site_id, exc)
        messages.critical(
            parent,
            tr("未能保存"),
            tr("站点信息未能保存：数据库无法写入（磁盘已满或文件被占用？）。"),
        )
        try:
            saved = store.get(site_id)  # some fields may have been saved before the failure
        except SQLAlchemyError:
            return False
    on_saved(saved)
    return True
