"""Message boxes that show text as text.

Qt's static ``QMessageBox.question`` & co. guess whether their text is rich text, so a plan
title or file name containing ``<b>`` would be rendered as markup. These helpers always use
plain text; widgets call them instead of the static functions. ``QMessageBox`` (a class with
four enums, ~1 ms to make) is imported with the first message, not on every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hongtu.core.text import escape_markup

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

def _box(parent: QWidget | None, icon: str, title: str, text: str) -> QMessageBox:
    """``icon``: the name of a ``QMessageBox.Icon``."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon[icon], title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def question(parent: QWidget | None, title: str, text: str, default_yes: bool = False) -> bool:
    """Yes/No; True for Yes. The default button is No unless ``default_yes``."""
    box = _box(parent, "Question", title, text)
    button = box.StandardButton
    box.setStandardButtons(button.Yes | button.No)
    box.setDefaultButton(button.Yes if default_yes else button.No)
    return box.exec() == button.Yes


def choose(parent: QWidget | None, title: str, text: str, choices: list[str]) -> int | None:
    """A question with its own answers (the first is the default) and 取消 (Esc): the index of
    the answer taken, None when cancelled."""
    box = _box(parent, "Question", title, text)
    buttons = [box.addButton(choice, box.ButtonRole.AcceptRole) for choice in choices]
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(box.addButton(box.StandardButton.Cancel))
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def information(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, "Information", title, text)
    box.setStandardButtons(box.StandardButton.Ok)
    box.exec()


def warning(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, "Warning", title, text)
    box.setStandardButtons(box.StandardButton.Ok)
    box.exec()


def notice_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A warning that does not stop the window: shown with ``open()``, closed with OK."""
    box = _box(parent, "Warning", title, text)
    box.setStandardButtons(box.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def critical(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, "Critical", title, text)
    box.setStandardButtons(box.StandardButton.Ok)
    box.exec()


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


@overload
def plain_tooltip(text: str) -> str: ...
@overload
def plain_tooltip(text: str | None) -> str | None: ...
def plain_tooltip(text: str | None) -> str | None:
    """Tooltip text that Qt cannot mistake for markup: escaped, inside an explicit paragraph."""
    if not text:
        return text
    return f"<p style='white-space:pre-wrap'>{escape_markup(text)}</p>"
