"""Number boxes that keep what the organiser typed, and the words for a number out of range.

A spin box limited to a field's range changes what is typed without a word: a typed 30 in a
60–1440 box went back to the old value, 5000 became 500, -100 became 100, and full-width ３０
was not taken at all. These boxes take any whole (or one-decimal) number of up to six digits,
full-width digits and signs included; whoever saves checks the range (``range_problem``) and
says what is wrong, naming the field and its range.

A key a box cannot take (a letter, “四十”, the 人 of “40人”, a seventh digit) is dropped by Qt
without a sign; ``TypingHint`` says under the box that a number goes there, with its range
(请输入数字（1–1000 人）), and the box keeps its number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QLabel, QSpinBox, QWidget

from hongtu.core.text import ascii_digits

if TYPE_CHECKING:  # a plain mixin at run time: Shiboken takes one Qt base class only
    _SpinBoxBase = QAbstractSpinBox
else:
    _SpinBoxBase = object

TYPED_NUMBER_MAX = 999_999  # six digits: a typed 999999 is kept (and refused), not cut
HINT_SHOWN_MS = 5000  # how long “请输入数字” stays under a box after a key it could not take

# full-width signs and points, and the minus sign, as the ASCII a spin box reads
_SIGNS = str.maketrans(
    {
        "－": "-",
        "−": "-",
        "＋": "+",
        "．": ".",
        "。": ".",
    }
)
_DECIMAL_COMMAS = str.maketrans({",": ".", "，": "."})  # 12,5 is twelve and a half


def tr(text: str) -> str:
    return QCoreApplication.translate("NumberFields", text)


def ascii_number(text: str) -> str:
    """``text`` with full-width digits, signs and points as ASCII (“３０” → “30”)."""
    return ascii_digits(text).translate(_SIGNS)


_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _keep_unreadable_text(box: QAbstractSpinBox, event: QFocusEvent) -> bool:
    """Leaving a box that holds no number (cleared, or just “-”) keeps that text, where a spin
    box would put the old number back unseen; saving then asks for the number."""
    editor = box.lineEdit()
    if box.hasAcceptableInput() or editor is None:
        return False
    text = editor.text()
    QAbstractSpinBox.focusOutEvent(box, event)
    editor.setText(text)
    return True


def _enter_on_unreadable(box: QAbstractSpinBox, event: QKeyEvent) -> bool:
    """Enter in a box that holds no number goes on to the dialog (whose 保存 asks for the
    number) without putting the old number back first."""
    if event.key() in _ENTER_KEYS and not box.hasAcceptableInput():
        event.ignore()
        return True
    return False


class _KeepsWhatWasTyped(_SpinBoxBase):
    """Leaving or pressing Enter in a box that holds no number keeps its text (the check on
    保存 asks for the number) instead of putting the old number back."""

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if not _keep_unreadable_text(self, event):
            super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if _enter_on_unreadable(self, event) or _end_before_unit(self, event):
            return
        super().keyPressEvent(event)


def _end_before_unit(box: QAbstractSpinBox, event: QKeyEvent) -> bool:
    """End puts the cursor after the number, before the box's unit (“30| 人”), where Backspace
    and typing change the number; at the very end they could only touch the unit."""
    editor = box.lineEdit()
    suffix = box.suffix() if isinstance(box, QSpinBox | QDoubleSpinBox) else ""
    if event.key() != Qt.Key.Key_End or event.modifiers() or editor is None or not suffix:
        return False
    text = editor.text()
    if not text.endswith(suffix):
        return False
    editor.setCursorPosition(len(text) - len(suffix))
    return True


class TypedSpinBox(_KeepsWhatWasTyped, QSpinBox):
    """A whole number as typed: a wide range, full-width digits read as digits. ``stepped``:
    the arrows, the wheel or ↑/↓ changed the number (not typing). A key it cannot take is
    answered by ``typing_hint``."""

    stepped = Signal()

    def __init__(self, parent: QWidget | None = None, *, low: int = -TYPED_NUMBER_MAX) -> None:
        super().__init__(parent)
        self.setRange(low, TYPED_NUMBER_MAX)
        self.typing_hint = TypingHint(self)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        super().stepBy(steps)
        self.stepped.emit()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        typed = ascii_number(text)
        return _validated(super().validate(typed, pos), typed, pos)

    def valueFromText(self, text: str) -> int:  # noqa: N802
        return super().valueFromText(ascii_number(text))


class TypedDoubleSpinBox(_KeepsWhatWasTyped, QDoubleSpinBox):
    """A number with one decimal as typed; a comma (“12,5”) is a decimal point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(1)
        self.setRange(-TYPED_NUMBER_MAX, TYPED_NUMBER_MAX)
        self.typing_hint = TypingHint(self)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        typed = ascii_number(text).translate(_DECIMAL_COMMAS)
        return _validated(super().validate(typed, pos), typed, pos)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        return super().valueFromText(ascii_number(text).translate(_DECIMAL_COMMAS))


def _validated(result: object, typed: str, pos: int) -> tuple[QValidator.State, str, int]:
    """What the base ``validate`` returned (a state, or a state with the text as it mended it:
    its unit put back after a Backspace took a character of it, “30 ” → “30 人”)."""
    if isinstance(result, tuple):
        state, text, position = result
        return state, text if isinstance(text, str) else typed, int(position)
    assert isinstance(result, QValidator.State)
    return result, typed, pos


def number_box(parent: QWidget | None, *, low: int = -TYPED_NUMBER_MAX) -> TypedSpinBox:
    """A whole-number box that keeps whatever number is typed; saving checks the range."""
    return TypedSpinBox(parent, low=low)


def people_unit(count: int) -> str:
    """A box's unit after ``count`` people (“ person”, “ people”)."""
    return QCoreApplication.translate("NumberFields", " 人", None, count)


def days_unit(count: int) -> str:
    """A box's unit after ``count`` days (“ day”, “ days”)."""
    return QCoreApplication.translate("NumberFields", " 天", None, count)


def counted_unit(box: QSpinBox, unit: Callable[[int], str]) -> None:
    """The unit after the number agrees with it as it changes: “1 person”, “2 people”."""

    def agree(value: int) -> None:
        box.setSuffix(unit(value))

    agree(box.value())
    box.valueChanged.connect(agree)


@dataclass(frozen=True)
class NumberRange:
    """What a number field may hold, for its words: 单日最长时长 60–1440 分钟."""

    label: str
    low: float
    high: float
    unit: str = ""


def _number_text(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def range_text(limits: NumberRange) -> str:
    return tr("{0}–{1}{2}").format(
        _number_text(limits.low), _number_text(limits.high), limits.unit
    )


def range_problem(box: QAbstractSpinBox, limits: NumberRange) -> str | None:
    """Why ``box`` cannot be saved as it stands (blank or unreadable, or out of range); None
    when it can."""
    if not box.hasAcceptableInput():
        return tr("请填写{0}：{1}之间的数。").format(limits.label, range_text(limits))
    value = box.value()  # type: ignore[attr-defined]
    if limits.low <= value <= limits.high:
        return None
    return tr("{0}应在 {1}之间，现在填的是 {2}{3}。").format(
        limits.label, range_text(limits), _number_text(value), limits.unit
    )


class TypingHint(QObject):
    """“请输入数字（1–1000 人）” just under ``box`` when a key typed or pasted into it is not
    taken (Qt drops it without a sign); the box keeps its number. The words go on the next
    key the box takes, when it is left, or after ``HINT_SHOWN_MS``. ``limits``: the range
    named in the words (none: just 请输入数字)."""

    def __init__(self, box: QAbstractSpinBox, limits: NumberRange | None = None) -> None:
        super().__init__(box)
        self.box = box
        self.limits = limits
        self.bubble: QLabel | None = None  # made the first time it is needed
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HINT_SHOWN_MS)
        self.timer.timeout.connect(self.clear)
        editor = box.lineEdit()
        editor.inputRejected.connect(self.say)
        editor.textEdited.connect(self.clear)
        box.installEventFilter(self)

    def words(self) -> str:
        if self.limits is None:
            return tr("请输入数字")
        return tr("请输入数字（{0}）").format(range_text(self.limits))

    def say(self) -> None:
        bubble = self.bubble
        if bubble is None:
            bubble = self.bubble = QLabel(self.box, Qt.WindowType.ToolTip)
            bubble.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            bubble.setTextFormat(Qt.TextFormat.PlainText)
            bubble.setStyleSheet(
                "QLabel { background: #fff8e1; color: #5d4037; border: 1px solid #b00020;"
                " padding: 2px 6px; }"
            )
        bubble.setText(self.words())
        bubble.adjustSize()
        bubble.move(self.box.mapToGlobal(QPoint(0, self.box.height() + 2)))
        bubble.show()
        self.timer.start()

    def clear(self, *_args: object) -> None:
        if self.bubble is not None:
            self.bubble.hide()

    def shown(self) -> str | None:
        """The words under the box now, if any."""
        return self.bubble.text() if self.bubble is not None and self.bubble.isVisible() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            self.clear()
        return False


def hint_range(box: QAbstractSpinBox, limits: NumberRange) -> None:
    """Name ``limits`` in the words said when ``box`` cannot take a key (a plain spin box gets
    its ``TypingHint`` here)."""
    hint = getattr(box, "typing_hint", None)
    if isinstance(hint, TypingHint):
        hint.limits = limits
    else:
        box.typing_hint = TypingHint(box, limits)  # type: ignore[attr-defined]


def first_range_problem(
    fields: Sequence[tuple[QAbstractSpinBox, NumberRange]],
) -> tuple[QAbstractSpinBox, str] | None:
    """The first field that cannot be saved, with its words."""
    for box, limits in fields:
        problem = range_problem(box, limits)
        if problem is not None:
            return box, problem
    return None


def show_field(box: QAbstractSpinBox) -> None:
    """Put the organiser back in ``box`` with its text selected, to retype it."""
    box.setFocus()
    box.selectAll()


__all__ = [
    "TYPED_NUMBER_MAX",
    "NumberRange",
    "TypedDoubleSpinBox",
    "TypedSpinBox",
    "TypingHint",
    "ascii_number",
    "first_range_problem",
    "hint_range",
    "number_box",
    "range_problem",
    "range_text",
    "show_field",
]
