"""The English catalogue: complete, compiled from what is committed, faithful to placeholders."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from hongtu.qt.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "i18n.py"
TS_FILE = ROOT / "resources" / "i18n" / "hongtu_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
QT_EXTRA_TS = ROOT / "resources" / "i18n" / "qt_extra_zh_CN.ts"

FIELD = re.compile(r"\{[^{}]*\}")  # {0}, {1:.1f}, {name}
CJK = re.compile(r"[\u4e00-\u9fff]")


def i18n_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hongtu_i18n_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mnemonic_count(text: str) -> int:
    """How many ``&`` mnemonic markers ``text`` has (``&&`` is a literal ampersand)."""
    return text.replace("&&", "").count("&")


def catalogue() -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for every message in the committed .ts; a counted
    message gives a row for each of its English forms (“%n day”, “%n days”)."""
    rows = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes":
                forms = translation.findall("numerusform")
                assert len(forms) == 2, source
                rows += [(name, source, f.text or "", translation.get("type")) for f in forms]
            else:
                rows.append((name, source, translation.text or "", translation.get("type")))
    return rows


def lrelease_tool() -> str:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if not beside.exists():
        pytest.skip("pyside6-lrelease is not installed")
    return str(beside)


def test_every_source_string_is_translated() -> None:
    assert i18n_script().problems() == []


def test_catalogue_has_no_unfinished_or_empty_translations() -> None:
    rows = catalogue()
    assert len(rows) > 400
    unfinished = [(c, s) for c, s, t, kind in rows if kind is not None or not t]
    assert unfinished == []


@pytest.mark.parametrize("ts_file", [TS_FILE, QT_EXTRA_TS], ids=["hongtu_en", "qt_extra_zh_CN"])
def test_committed_qm_is_what_lrelease_makes_of_the_committed_ts(
    tmp_path: Path, ts_file: Path
) -> None:
    committed = ts_file.with_suffix(".qm")
    assert committed.exists(), "run: python scripts/i18n.py release"
    fresh = tmp_path / committed.name
    subprocess.run(
        [lrelease_tool(), "-silent", str(ts_file), "-qm", str(fresh)], check=True, timeout=60
    )
    assert fresh.read_bytes() == committed.read_bytes(), "run: python scripts/i18n.py release"


@pytest.mark.gui
def test_qt_own_dialogs_speak_the_window_language(  # type: ignore[no-untyped-def]
    qtbot, workspace, lang: str
) -> None:
    """Qt's own file dialog (the one a Linux desktop without a native dialog gets), its
    buttons and a text box's right-click menu: Chinese in the Chinese window (the labels
    “&Look in:” and “Files of &type:” stayed English), English with ``--lang en``."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit

    from hongtu.qt.roster_dialog import RosterDialog
    from journey_helpers import click, when_shown

    roster = RosterDialog(workspace.members, ["第一党支部"], "第一党支部")
    qtbot.addWidget(roster)
    roster.show()
    seen: dict[str, object] = {}

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel"):
            label = dialog.findChild(QLabel, name)
            assert label is not None and label.isVisible(), name
            seen[name] = label.text()
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        seen["cancel"] = cancel.text()
        menu = dialog.findChild(QLineEdit, "fileNameEdit").createStandardContextMenu()
        seen["menu"] = [action.text().split("\t")[0] for action in menu.actions()]
        menu.deleteLater()
        click(qtbot, cancel)

    shown = when_shown(QFileDialog, look)
    click(qtbot, roster.import_button)
    assert shown and roster.table.rowCount() == 0  # cancelled: nothing imported
    if lang == "zh_CN":
        assert seen["lookInLabel"] == "查找范围(&L)："
        assert seen["fileNameLabel"] == "文件名称(&N)："
        assert seen["fileTypeLabel"] == "文件类型(&T)："
        assert seen["cancel"] == "取消"
        assert {"复制(&C)", "粘贴(&P)", "撤消(&U)"} <= set(seen["menu"])  # type: ignore[arg-type]
    else:
        assert seen["lookInLabel"] == "&Look in:"
        assert seen["fileTypeLabel"] == "Files of &type:"
        assert seen["cancel"] == "Cancel"
        assert {"&Copy", "&Paste", "&Undo"} <= set(seen["menu"])  # type: ignore[arg-type]


def test_translations_keep_placeholders_mnemonics_and_line_breaks() -> None:
    wrong = []
    for context, source, translation, _ in catalogue():
        if (
            set(FIELD.findall(translation)) != set(FIELD.findall(source))
            or mnemonic_count(translation) != mnemonic_count(source)
            or translation.count("\n") != source.count("\n")
            or (source[:1].isspace() and not translation[:1].isspace())  # suffixes like " 人"
            or ("%n" in source) != ("%n" in translation)  # the count, in every form
        ):
            wrong.append((context, source, translation))
    assert wrong == []


def test_translations_are_english() -> None:
    native_names = {("SettingsDialog", "简体中文")}  # a language is offered in its own name
    examples = {("PlaceDialog", "例如：太原市迎泽区迎泽公园")}  # the services want Chinese
    left = [
        (c, s, t) for c, s, t, _ in catalogue()
        if CJK.search(t) and (c, s) not in native_names | examples
    ]
    assert left == []


def test_mnemonic_counter() -> None:
    assert mnemonic_count("&File") == 1
    assert mnemonic_count("Save && &Close") == 1
    assert mnemonic_count("文件(&F)") == 1
    assert mnemonic_count("Undo “{0}”") == 0


@pytest.mark.gui
@pytest.mark.webengine
def test_main_window_speaks_english_and_back_to_chinese(qapp, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt.i18n import install_translators

    def window_texts(db: str) -> tuple[str, list[str]]:
        """The title and menu titles of a real main window, opened like the app opens it."""
        window, controller = open_main_window(qtbot, str(tmp_path / db))
        try:
            return window.windowTitle(), [a.text() for a in window.menuBar().actions()]
        finally:
            close_main_window(window, controller)

    previous_locale = QLocale()
    installed = []
    try:
        installed += install_translators(qapp, "en")
        assert installed, "hongtu_en.qm did not load"
        title, menus = window_texts("en.sqlite3")
        assert title.startswith("HongTu") and not CJK.search(title)
        assert {"&File", "&Edit", "&Plan", "&Map", "&Help"} <= set(menus)
        assert not [menu for menu in menus if CJK.search(menu)]

        for translator in installed:
            qapp.removeTranslator(translator)
        installed += install_translators(qapp, "zh_CN")
        title, menus = window_texts("zh.sqlite3")
        assert title == "红途 — 太原红色教育基地主题党日规划"
        assert "文件(&F)" in menus and "帮助(&H)" in menus
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


def test_strings_given_to_any_translating_function_are_extracted(tmp_path: Path) -> None:
    """An undo step's name goes through its own wrapper; the catalogue must still get it."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def tr(text):\n    return QCoreApplication.translate('X', text)\n"
        "def step_name(text):\n    return QCoreApplication.translate('Steps', text)\n"
        "label = tr('站点')\n"
        "undo = step_name('添加站点')\n",
        "utf-8",
    )
    assert i18n_script().messages_in(sample) == [("X", "站点"), ("Steps", "添加站点")]


@contextmanager
def english_window(qapp, qtbot, db: str) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window with HongTu's English catalogue installed (removed again after)."""
    from PySide6.QtCore import QLocale

    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt.i18n import install_translators

    previous_locale = QLocale()
    installed = install_translators(qapp, "en")
    try:
        assert installed, "hongtu_en.qm did not load"
        window, controller = open_main_window(qtbot, db)
        try:
            yield window
        finally:
            close_main_window(window, controller)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


@pytest.mark.gui
@pytest.mark.webengine
def test_the_edit_menu_names_the_last_edit_in_english(qapp, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    with english_window(qapp, qtbot, str(tmp_path / "en.sqlite3")) as window:
        ui = window.plan_ui
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        assert ui.undo_action.text() == "&Undo “New plan”"
        site = next(s for s in window.site_model.sites() if s.position is not None)
        ui.add_site(site.id)
        assert ui.undo_action.text() == "&Undo “Add stop”"
        ui.undo_action.trigger()
        assert ui.redo_action.text() == "&Redo “Add stop”"


@pytest.mark.gui
@pytest.mark.webengine
def test_a_new_plan_made_in_english_prints_a_chinese_title(qapp, qtbot, tmp_path: Path) -> None:
    """The documents are Chinese in either language (docs/exports.md); a new plan's title and a
    copy's mark are printed there, so they are Chinese too (not “Party day activity”主题党日…)."""
    from PySide6.QtCore import Qt

    with english_window(qapp, qtbot, str(tmp_path / "en.sqlite3")) as window:
        plan_list, session = window.plan_ui.plan_list, window.plan_ui.session
        assert plan_list.new_button.text() == "New plan"
        qtbot.mouseClick(plan_list.new_button, Qt.MouseButton.LeftButton)
        assert session.view is not None
        assert session.view.document.title == "主题党日活动"
        qtbot.mouseClick(plan_list.copy_button, Qt.MouseButton.LeftButton)
        assert session.view.document.title == "主题党日活动（副本）"


def test_a_count_passed_to_translate_makes_a_string_with_a_form_per_count(tmp_path: Path) -> None:
    """``tr_n("共 %n 人", n)`` (translate's fourth argument) is extracted as counted, also
    where a module imports its ``tr_n`` from another, as the CLI's commands do."""
    script = i18n_script()
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def tr(text):\n    return QCoreApplication.translate('X', text)\n"
        "def tr_n(text, count):\n    return QCoreApplication.translate('X', text, None, count)\n"
        "label = tr('站点')\n"
        "people = tr_n('共 %n 人', 3)\n"
        "unit = QCoreApplication.translate('Y', ' 天', None, 2)\n",
        "utf-8",
    )
    assert script.messages_in(sample) == [("X", "站点"), ("X", "共 %n 人"), ("Y", " 天")]
    assert script.counted_messages_in(sample) == [("X", "共 %n 人"), ("Y", " 天")]
    cli_plans = ROOT / "desktop" / "hongtu" / "cli" / "plans.py"
    assert ("Cli", "共 %n 人") in script.counted_messages_in(cli_plans)


def test_counted_strings_round_trip_through_the_catalogue(tmp_path: Path, monkeypatch) -> None:
    """update keeps both English forms, writes them as <numerusform>, and check wants both."""
    script = i18n_script()
    ts_file = tmp_path / "hongtu_en.ts"
    monkeypatch.setattr(script, "TS_FILE", ts_file)
    messages = [("X", "站点"), ("X", "共 %n 人")]
    counted = {("X", "共 %n 人")}
    script.write_catalogue(messages, {}, counted)
    read = script.read_catalogue(ts_file)
    assert read == {("X", "站点"): "", ("X", "共 %n 人"): ("", "")}
    script.write_catalogue(
        messages, {("X", "站点"): "Site", ("X", "共 %n 人"): ("%n person", "%n people")}, counted
    )
    message = next(m for m in ET.parse(ts_file).getroot().iter("message")
                   if m.get("numerus") == "yes")
    assert [f.text for f in message.iter("numerusform")] == ["%n person", "%n people"]
    read = script.read_catalogue(ts_file)
    assert read[("X", "共 %n 人")] == ("%n person", "%n people")
    assert script.is_done(read[("X", "共 %n 人")], counted=True)
    assert not script.is_done(("%n person", ""), counted=True)


def test_english_counts_take_the_singular_for_one_and_chinese_is_unchanged(qapp) -> None:
    """“1 participants”, “only 1 days are left”, “book 1 days ahead” and the boxes'
    “1 days” / “1 people” read as English now; the Chinese text is as before."""
    from PySide6.QtCore import QLocale

    from hongtu.core.sites import VisitRules
    from hongtu.core.warnings import PlanWarning, WarningCode
    from hongtu.qt.i18n import install_translators
    from hongtu.qt.number_fields import counted_unit, days_unit, number_box, people_unit
    from hongtu.qt.rules_text import booking_text
    from hongtu.qt.warning_text import reason_text

    def too_late(lead: int, left: int) -> str:
        details: dict[str, str | int] = {"lead_days": lead, "days_left": left}
        return reason_text(PlanWarning(WarningCode.RESERVATION_TOO_LATE, "s", "馆", details))

    def texts() -> list[str]:
        box = number_box(None, low=0)
        counted_unit(box, days_unit)
        people = number_box(None, low=0)
        counted_unit(people, people_unit)
        box.setValue(1)
        people.setValue(1)
        one = [box.text(), people.text()]
        box.setValue(2)
        people.setValue(2)
        return one + [box.text(), people.text()] + [
            too_late(lead, left) for lead, left in ((1, 0), (3, 1), (3, 2))
        ] + [booking_text(VisitRules(reservation_lead_days=1, max_group_size=20)) or ""]

    assert texts() == [
        "1 天", "1 人", "2 天", "2 人",
        "需提前 1 天预约，距活动只剩 0 天，请尽快联系。",
        "需提前 3 天预约，距活动只剩 1 天，请尽快联系。",
        "需提前 3 天预约，距活动只剩 2 天，请尽快联系。",
        "需提前 1 天预约，每批不超过 20 人",
    ]
    previous_locale = QLocale()
    installed = install_translators(qapp, "en")
    try:
        assert installed, "hongtu_en.qm did not load"
        assert texts() == [
            "1 day", "1 person", "2 days", "2 people",
            "Booking is needed 1 day ahead and only 0 days left; get in touch soon.",
            "Booking is needed 3 days ahead and only 1 day left; get in touch soon.",
            "Booking is needed 3 days ahead and only 2 days left; get in touch soon.",
            "book 1 day ahead, at most 20 people per group",
        ]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
