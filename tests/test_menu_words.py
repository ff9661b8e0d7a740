"""The English menus follow one convention: Title Case, as Qt, KDE and Windows write menu items
and toolbar actions (“&Back Up Data…”, “Edit Site &Information…”), short words lower inside
(“Correct Position of Selected Site…”, “Record the Day…”). “Import &verified site data…” and
“&Download offline map…” stood beside them in sentence case. Each menu's mnemonics are its own
(one letter, one item) in either language: the site list's context menu had 添加地点(&A)… and
将所选站点加入方案(&A). Text in “quotes” is a name, not the item's words (“&Undo “Add stop””).
The 台账 window's 导出台账 menu had neither mnemonics nor the “…” of an item that asks where
to save.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
)

from journey_helpers import journey_window

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

# lower case inside an item: articles, conjunctions and short prepositions
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "per",
               "the", "to", "via", "with"}
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def plain(text: str) -> str:
    """``text`` as the menu shows it: no mnemonic marks (``&&`` is an ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def title_case_problems(text: str) -> list[str]:
    """The words of a menu item that break Title Case."""
    words = WORD.findall(QUOTED.sub(" ", plain(text)))
    return [
        word
        for number, word in enumerate(words)
        if (word.lower() in SMALL_WORDS and 0 < number < len(words) - 1) != word[0].islower()
    ]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_the_title_case_check_itself() -> None:
    assert title_case_problems("&Correct Position of Selected Site…") == []
    assert title_case_problems("&Record the Day…") == []
    assert title_case_problems("OpenStreetMap (May Be Slow in China)") == []
    assert title_case_problems("&Undo “Add stop”") == []
    assert title_case_problems("Import &verified site data…") == ["verified", "site", "data"]
    assert title_case_problems("&Download offline map…") == ["offline", "map"]
    assert title_case_problems("Record The Day") == ["The"]
    assert mnemonic("Save && &Close") == "c" and mnemonic("No Base Map") is None


def menus(menu: QMenu) -> Iterator[QMenu]:
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from menus(action.menu())


def texts(actions: list[QAction]) -> list[str]:
    return [a.text() for a in actions if not a.isSeparator() and a.text()]


def test_english_menus_and_toolbar_actions_are_in_title_case_with_mnemonics_of_their_own(
    qtbot, tmp_path: Path, lang
) -> None:
    with journey_window(qtbot, str(tmp_path / "menus.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        with qtbot.waitSignal(ui.session.plan_changed):
            qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        # every menu as it reads with a plan open: the menu bar, each menu and submenu
        groups = {"menu bar": texts(window.menuBar().actions())}
        for top in window.menuBar().actions():
            assert top.menu() is not None
            for menu in menus(top.menu()):
                groups[plain(menu.title())] = texts(menu.actions())
        # the context menus of the site list and the plan list, and the toolbars
        groups["site list"] = texts(window.site_list.table.actions())
        groups["plan list"] = texts(ui.plan_list.table.actions())
        for bar in window.findChildren(QToolBar):
            groups[bar.objectName()] = texts(bar.actions()) + [
                box.itemText(i) for box in bar.findChildren(QComboBox) for i in range(box.count())
            ]
        # the 台账 window's menus: the ones its buttons open (导出台账's formats)
        ledger = window.ledger_ui.open_ledger()
        assert ledger is not None
        qtbot.waitExposed(ledger)
        button_menus = {
            f"ledger: {plain(button.text())}": texts(menu.actions())
            for button in ledger.findChildren(QAbstractButton)
            if isinstance(button, QPushButton | QToolButton) and button.menu() is not None
            for menu in menus(button.menu())
        }
        assert list(button_menus) == [f"ledger: {plain(ledger.export_button.text())}"]
        for items in button_menus.values():  # each format asks where to save it
            assert all(mnemonic(item) and plain(item).endswith("…") for item in items), items
        groups |= button_menus
        ledger.close()
        assert len(groups) >= 11
        if lang == "en":
            wrong = {
                item: title_case_problems(item)
                for items in groups.values()
                for item in items
                if title_case_problems(item)
            }
            assert wrong == {}
            assert "Import &Verified Site Data…" in groups["File"]
            assert groups["Edit"][0] == "&Undo “New plan”"  # an edit's name, quoted
        # in either language (the site list had 添加地点(&A) and 将所选站点加入方案(&A))
        for name, items in groups.items():
            marks = [mnemonic(item) for item in items if mnemonic(item)]
            assert len(marks) == len(set(marks)), (name, items)
