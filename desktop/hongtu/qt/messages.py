"""Message boxes that show text as text.

Qt's static ``QMessageBox.question`` & co. guess whether their text is rich text, so a plan
title or file name containing ``<b>`` would be rendered as markup. These helpers always use
plain text; widgets call them instead of the static functions.
"""

from __future__ import annotations

import html
from typing import overload

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def question(parent: QWidget | None, title: str, text: str, default_yes: bool = False) -> bool:
    """Yes/No; True for Yes. The default button is No unless ``default_yes``."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(Button.Yes | Button.No)
    box.setDefaultButton(Button.Yes if default_yes else Button.No)
    return box.exec() == Button.Yes


def information(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.setStandardButtons(Button.Ok)
    box.exec()


def warning(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    box.setStandardButtons(Button.Ok)
    box.exec()


def critical(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Critical, title, text)
    box.setStandardButtons(Button.Ok)
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
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
