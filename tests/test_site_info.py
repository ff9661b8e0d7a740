"""编辑站点信息: form → rules, validation, what is saved, the dialog, and the plan's warnings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QTime, QUrl

from hongtu.core.confirmed_facts import Shown, shown_fact
from hongtu.core.site_info import (
    MAX_FACT_LENGTH,
    RULES_FIELD,
    VISIT_MINUTES_FIELD,
    FieldChange,
    Issue,
    Problem,
    RulesForm,
    SiteInfoForm,
    apply_site_info,
    site_info_changes,
    validate_rules,
    validate_site_info,
)
from hongtu.core.sites import PositionOrigin, Site, VisitRules
from hongtu.core.workspace import open_workspace
from hongtu.qt.window_state import available_area

JIEFANG = "太原解放纪念馆"
CONFIRMED = VisitRules(
    opens=time(9, 0),
    closes=time(17, 0),
    last_entry=time(16, 30),
    closed_weekdays=frozenset({0}),
    open_on_public_holidays=True,
    reservation_lead_days=3,
    max_group_size=50,
)


def site_named(workspace, name: str = JIEFANG) -> Site:
    return next(s for s in workspace.sites.list_sites() if s.name == name)


def unchanged_form(site: Site, **changes: object) -> SiteInfoForm:
    facts = {
        name: getattr(site, name).value
        for name in ("opening_hours", "closed_days", "reservation", "admission", "phone")
    }
    form = SiteInfoForm(facts, site.rules, site.visit_minutes)
    facts.update({k: v for k, v in changes.items() if k in facts})  # type: ignore[misc]
    return SiteInfoForm(
        facts,
        changes.get("rules", form.rules),  # type: ignore[arg-type]
        changes.get("visit_minutes", form.visit_minutes),  # type: ignore[arg-type]
        changes.get("restore", frozenset()),  # type: ignore[arg-type]
    )


# ---- the pure part: form → rules, validation, changes -------------------------------------------


def test_unknown_widgets_give_unknown_rules_whatever_they_show() -> None:
    form = RulesForm(opens=time(8, 0), closes=time(18, 0), closed_weekdays=frozenset({0, 1}))
    assert form.to_rules() == VisitRules()  # every *_known is False by default


def test_known_widgets_give_the_rules_and_seconds_are_dropped() -> None:
    form = RulesForm(
        opens=time(9, 0, 59),
        opens_known=True,
        closes=time(17, 0),
        closes_known=True,
        last_entry=time(16, 30),
        last_entry_known=True,
        closed_weekdays=frozenset({0}),
        weekdays_known=True,
        open_on_public_holidays=True,
        reservation_lead_days=3,
        lead_days_known=True,
        max_group_size=50,
        group_size_known=True,
    )
    assert form.to_rules() == CONFIRMED
    assert RulesForm.from_rules(CONFIRMED).to_rules() == CONFIRMED


def test_unknown_closed_days_differ_from_open_every_day() -> None:
    unknown = RulesForm(weekdays_known=False).to_rules()
    every_day = RulesForm(weekdays_known=True).to_rules()
    assert unknown.closed_weekdays is None
    assert every_day.closed_weekdays == frozenset()
    assert RulesForm.from_rules(every_day).weekdays_known is True
    assert RulesForm.from_rules(unknown).weekdays_known is False
    # zero is a value, not "unknown"
    assert RulesForm.from_rules(VisitRules(reservation_lead_days=0)).lead_days_known is True


def test_sensible_rules_pass_and_partial_rules_are_fine() -> None:
    assert validate_rules(CONFIRMED) == []
    assert validate_rules(VisitRules()) == []
    assert validate_rules(VisitRules(last_entry=time(16, 0))) == []  # nothing to compare with
    assert validate_rules(VisitRules(opens=time(9, 0), last_entry=time(9, 0))) == []


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        (VisitRules(opens=time(9, 0), closes=time(9, 0)), Problem.CLOSES_NOT_AFTER_OPENS),
        (VisitRules(opens=time(17, 0), closes=time(9, 0)), Problem.CLOSES_NOT_AFTER_OPENS),
        (VisitRules(opens=time(9, 0), last_entry=time(8, 30)), Problem.LAST_ENTRY_BEFORE_OPENING),
        (VisitRules(closes=time(17, 0), last_entry=time(17, 0)),
         Problem.LAST_ENTRY_NOT_BEFORE_CLOSING),
        (VisitRules(closed_weekdays=frozenset({7})), Problem.BAD_WEEKDAY),
        (VisitRules(reservation_lead_days=-1), Problem.LEAD_DAYS_OUT_OF_RANGE),
        (VisitRules(reservation_lead_days=400), Problem.LEAD_DAYS_OUT_OF_RANGE),
        (VisitRules(max_group_size=0), Problem.GROUP_SIZE_OUT_OF_RANGE),
        (VisitRules(max_group_size=100_000), Problem.GROUP_SIZE_OUT_OF_RANGE),
    ],
)  # fmt: skip
def test_impossible_rules_are_refused(rules: VisitRules, problem: Problem) -> None:
    assert Issue(problem) in validate_rules(rules)


def test_the_whole_form_is_checked() -> None:
    form = SiteInfoForm({"phone": "电" * (MAX_FACT_LENGTH + 1)}, VisitRules(), 0)
    assert validate_site_info(form) == [
        Issue(Problem.FACT_TOO_LONG, "phone"),
        Issue(Problem.VISIT_MINUTES_OUT_OF_RANGE),
    ]
    assert validate_site_info(SiteInfoForm({"phone": "  "}, CONFIRMED, 90)) == []


def test_only_changed_fields_are_saved(workspace) -> None:
    site = site_named(workspace)
    catalogue = workspace.sites.catalogue_site(site.id)
    assert site_info_changes(site, catalogue, frozenset(), unchanged_form(site)) == []
    form = unchanged_form(site, phone="  0351-1（11月20日电话确认） ", rules=CONFIRMED)
    assert site_info_changes(site, catalogue, frozenset(), form) == [
        FieldChange("phone", "0351-1（11月20日电话确认）"),
        FieldChange(RULES_FIELD, CONFIRMED),
    ]


def test_restoring_drops_only_real_edits_and_later_typing_wins(workspace) -> None:
    store = workspace.sites
    site = site_named(workspace)
    store.set_fact(site.id, "phone", "0351-1")
    store.set_rules(site.id, CONFIRMED)
    site, catalogue = store.get(site.id), store.catalogue_site(site.id)
    edited = store.edited_fields(site.id)
    assert edited == {"phone", RULES_FIELD}
    restore_all = frozenset({"phone", RULES_FIELD, VISIT_MINUTES_FIELD, "admission"})
    form = unchanged_form(
        site, phone=None, rules=VisitRules(), visit_minutes=catalogue.visit_minutes,
        restore=restore_all,
    )  # fmt: skip
    assert site_info_changes(site, catalogue, edited, form) == [
        FieldChange("phone", restore=True),
        FieldChange(RULES_FIELD, restore=True),
    ]
    typed_after = unchanged_form(site, phone="0351-2", restore=frozenset({"phone"}))
    assert site_info_changes(site, catalogue, edited, typed_after) == [
        FieldChange("phone", "0351-2")
    ]


def test_changes_are_stored_one_call_each(workspace) -> None:
    store = workspace.sites
    site = site_named(workspace)
    saved = apply_site_info(
        store,
        site.id,
        [FieldChange("admission", "免费"), FieldChange(RULES_FIELD, CONFIRMED),
         FieldChange(VISIT_MINUTES_FIELD, 90)],
    )  # fmt: skip
    assert saved.admission.value == "免费" and saved.admission.origin is PositionOrigin.USER
    assert saved.rules == CONFIRMED
    assert saved.visit_minutes == 90 and not saved.visit_minutes_is_default
    assert store.edited_fields(site.id) == {"admission", RULES_FIELD, VISIT_MINUTES_FIELD}
    restored = apply_site_info(store, site.id, [FieldChange(RULES_FIELD, restore=True)])
    assert restored.rules == VisitRules()
    assert store.catalogue_site(site.id).admission.value is None  # the catalogue is untouched


# ---- the dialog ----------------------------------------------------------------------------------


def _saving(fill: Callable[[object], None]) -> Callable[[object], int]:
    """A stand-in for ``exec``: fill the dialog like the organiser would, then press 保存."""

    def run(dialog) -> int:  # type: ignore[no-untyped-def]
        fill(dialog)
        dialog.save_button.click()
        return dialog.result()

    return run


def fill_confirmed(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.fact_edits["opening_hours"].setText("11月20日电话确认")  # a note: the hours are rules
    dialog.fact_edits["phone"].setText("0351-0000000")
    for optional, value in (
        (dialog.opens, QTime(9, 0)),
        (dialog.closes, QTime(17, 0)),
        (dialog.last_entry, QTime(16, 30)),
    ):
        optional.unknown.setChecked(False)
        assert optional.edit.isEnabled()
        optional.edit.setTime(value)
    dialog.weekdays.unknown.setChecked(False)
    dialog.weekdays.days[0].setChecked(True)
    dialog.holidays.setCurrentIndex(dialog.holidays.findData(True))
    dialog.lead_days.unknown.setChecked(False)
    dialog.lead_days.spin.setValue(3)
    dialog.group_size.unknown.setChecked(False)
    dialog.group_size.spin.setValue(50)


def run_dialog(workspace, monkeypatch, fill) -> Site | None:  # type: ignore[no-untyped-def]
    from hongtu.qt.site_info_dialog import SiteInfoDialog, edit_site_info

    monkeypatch.setattr(SiteInfoDialog, "exec", _saving(fill))
    saved: list[Site] = []
    edit_site_info(workspace.sites, site_named(workspace).id, None, saved.append)
    return saved[0] if saved else None


@pytest.mark.gui
def test_dialog_round_trip_survives_reopening_and_restoring_makes_it_unknown(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    db = str(tmp_path / "info.sqlite3")
    workspace = open_workspace(db)
    try:
        saved = run_dialog(workspace, monkeypatch, fill_confirmed)
        assert saved is not None and saved.rules == CONFIRMED
        assert workspace.sites.edited_fields(saved.id) == {"opening_hours", "phone", RULES_FIELD}
    finally:
        workspace.close()

    workspace = open_workspace(db)  # re-seeds from the catalogue: the edits stay
    try:
        site = site_named(workspace)
        assert site.rules == CONFIRMED
        assert site.opening_hours.value == "11月20日电话确认"
        assert site.opening_hours.origin is PositionOrigin.USER
        assert site.phone.value == "0351-0000000"
        assert site.visit_minutes_is_default  # untouched

        def check_and_restore(dialog) -> None:  # type: ignore[no-untyped-def]
            assert dialog.rules_form().to_rules() == CONFIRMED
            assert dialog.status["phone"].text() == "组织者填写"
            assert dialog.status["admission"].text() == "目录：未知"
            assert dialog.status[VISIT_MINUTES_FIELD].text() == "默认值，未经确认"
            assert dialog.weekdays.state.text() == "周一闭馆"
            dialog.restore_all_button.click()
            assert not dialog.opens.edit.isEnabled()
            assert dialog.weekdays.state.text() == "闭馆日未知"
            assert dialog.status["phone"].text() == "保存后恢复为目录信息"

        cleared = run_dialog(workspace, monkeypatch, check_and_restore)
        assert cleared is not None
        assert cleared.rules == VisitRules()
        assert cleared.opening_hours.value is None and cleared.phone.value is None
        assert cleared.opening_hours.origin is PositionOrigin.CATALOGUE
        assert workspace.sites.edited_fields(cleared.id) == frozenset()
    finally:
        workspace.close()


@pytest.mark.gui
def test_dialog_keeps_no_closed_days_apart_from_unknown(qtbot, workspace, monkeypatch) -> None:
    def open_every_day(dialog) -> None:  # type: ignore[no-untyped-def]
        assert not dialog.weekdays.known() and dialog.weekdays.state.text() == "闭馆日未知"
        assert not any(box.isEnabled() for box in dialog.weekdays.days)
        dialog.weekdays.unknown.setChecked(False)
        assert all(box.isEnabled() for box in dialog.weekdays.days)
        assert dialog.weekdays.state.text() == "每天开放，没有固定闭馆日"
        dialog.holidays.setCurrentIndex(dialog.holidays.findData(False))

    saved = run_dialog(workspace, monkeypatch, open_every_day)
    assert saved is not None
    assert saved.rules.closed_weekdays == frozenset()
    assert saved.rules.open_on_public_holidays is False

    def still_open_every_day(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.weekdays.known() and dialog.weekdays.value() == frozenset()
        assert dialog.holidays.currentData() is False
        dialog.holidays.setCurrentIndex(dialog.holidays.findData(None))

    saved = run_dialog(workspace, monkeypatch, still_open_every_day)
    assert saved is not None and saved.rules.closed_weekdays == frozenset()
    assert saved.rules.open_on_public_holidays is None


@pytest.mark.gui
def test_invalid_hours_are_refused_and_nothing_is_saved(qtbot, workspace, monkeypatch) -> None:
    from hongtu.qt import messages

    said: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: said.append(text))

    def closing_before_opening(dialog) -> None:  # type: ignore[no-untyped-def]
        fill_confirmed(dialog)
        dialog.closes.edit.setTime(QTime(8, 0))

    assert run_dialog(workspace, monkeypatch, closing_before_opening) is None
    assert len(said) == 1
    assert "闭馆时间必须晚于开馆时间。" in said[0] and "最晚入场时间必须早于闭馆时间。" in said[0]
    site = site_named(workspace)
    assert workspace.sites.edited_fields(site.id) == frozenset()  # not even the valid text
    assert site.rules == VisitRules() and site.phone.value is None


@pytest.mark.gui
def test_emptying_a_catalogue_fact_stores_unknown_and_cancel_saves_nothing(
    qtbot, workspace, monkeypatch
) -> None:
    from hongtu.qt.site_info_dialog import SiteInfoDialog, edit_site_info

    store = workspace.sites
    site = site_named(workspace)
    store.set_fact(site.id, "admission", "免费")

    def cancel(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.fact_edits["admission"].setText("")
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SiteInfoDialog, "exec", cancel)
    assert edit_site_info(store, site.id, None, lambda _site: None) is False
    assert store.get(site.id).admission.value == "免费"

    def empty(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.fact_edits["admission"].setText("   ")
        assert dialog.status["admission"].text() == "已修改，保存后生效"

    saved = run_dialog(workspace, monkeypatch, empty)
    assert saved is not None and saved.admission.value is None
    assert saved.admission.origin is PositionOrigin.USER  # the organiser said: unknown


# ---- in the window: the plan's warnings follow ---------------------------------------------------


@pytest.mark.gui
@pytest.mark.webengine
def test_closed_monday_and_known_hours_reach_the_open_plans_warnings(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt.site_details import EDIT_INFO_URL
    from hongtu.qt.site_info_dialog import SiteInfoDialog

    window, controller = open_main_window(qtbot, str(tmp_path / "window.sqlite3"))
    try:
        ui = window.plan_ui
        site = next(s for s in window.site_model.sites() if s.name == JIEFANG)
        with qtbot.waitSignal(ui.session.plan_changed):
            ui.session.create("周一主题党日", date(2026, 12, 7))  # a Monday, not a holiday
        ui.add_site(site.id)
        texts = ui.warnings.model.texts
        closed = f"第1站 {JIEFANG}：当天是周一，该馆周一闭馆。"
        assert any("开放时间未知" in text for text in texts())
        assert closed not in texts()

        def closed_on_monday(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.weekdays.unknown.setChecked(False)
            dialog.weekdays.days[0].setChecked(True)
            dialog.holidays.setCurrentIndex(dialog.holidays.findData(True))

        monkeypatch.setattr(SiteInfoDialog, "exec", _saving(closed_on_monday))
        window.select_site(site.id)
        assert window.site_editing.info_action.isEnabled()
        with qtbot.waitSignal(ui.session.plan_changed):
            window.site_editing.info_action.trigger()  # 地图 → 编辑站点信息…
        assert closed in texts()
        assert any("开放时间未知" in text for text in texts())  # the hours are still unknown
        # the text is worded from the same rules: nothing typed twice
        assert "每周一闭馆（法定节假日照常开放）" in window.details.toPlainText()
        row = window.site_model.row_of(site.id)
        assert window.site_model.site_at(row).rules.closed_weekdays == frozenset({0})
        assert "已保存" in window.statusBar().currentMessage()

        def hours_known(dialog) -> None:  # type: ignore[no-untyped-def]
            for optional, value in ((dialog.opens, QTime(9, 0)), (dialog.closes, QTime(17, 0))):
                optional.unknown.setChecked(False)
                optional.edit.setTime(value)

        monkeypatch.setattr(SiteInfoDialog, "exec", _saving(hours_known))
        with qtbot.waitSignal(ui.session.plan_changed):
            window.details.anchorClicked.emit(QUrl(EDIT_INFO_URL))  # the details panel's link
        assert closed in texts()
        assert not any("开放时间未知" in text for text in texts())
        assert ui.session.sites[site.id].rules.hours_known
        assert "09:00–17:00" in window.details.toPlainText()
    finally:
        close_main_window(window, controller)


# ---- facts entered once: the rules word the details panel -------------------------------------


def test_rules_drive_the_text_and_an_old_text_without_rules_is_the_organisers_note(
    workspace,
) -> None:
    from hongtu.qt.site_details import site_details_html

    store = workspace.sites
    site = site_named(workspace)
    assert {shown_fact(site, f).shown for f in ("opening_hours", "closed_days", "reservation")} == {
        Shown.UNKNOWN
    }  # unknown stays unknown
    html = site_details_html(site)
    assert "09:00" not in html and "未知" in html
    store.set_fact(
        site.id, "opening_hours", "9:00–17:00（旧的文字）"
    )  # stored before rules existed
    old = store.get(site.id)
    assert shown_fact(old, "opening_hours").shown is Shown.NOTE
    assert "组织者备注：9:00–17:00（旧的文字）" in site_details_html(old)
    confirmed = store.set_rules(site.id, CONFIRMED)
    assert shown_fact(confirmed, "opening_hours").shown is Shown.RULES
    html = site_details_html(confirmed)
    assert "09:00–17:00（16:30 停止入场）" in html
    assert "每周一闭馆（法定节假日照常开放）" in html
    assert "需提前 3 天预约，每批不超过 50 人" in html
    assert "组织者备注：9:00–17:00（旧的文字）" in html  # still there, as a note


@pytest.mark.gui
@pytest.mark.webengine
def test_hours_and_closed_monday_entered_once_by_hand_drive_panel_and_warnings(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt.site_info_dialog import SiteInfoDialog

    name = "高君宇故居"
    window, controller = open_main_window(qtbot, str(tmp_path / "once.sqlite3"))
    try:
        ui = window.plan_ui
        site = next(s for s in window.site_model.sites() if s.name == name)
        with qtbot.waitSignal(ui.session.plan_changed):
            ui.session.create("周一主题党日", date(2026, 12, 7))  # a Monday, not a holiday
        ui.add_site(site.id)
        closed = f"第1站 {name}：当天是周一，该馆周一闭馆。"
        assert closed not in ui.warnings.model.texts()

        def by_hand(dialog) -> int:  # type: ignore[no-untyped-def]
            dialog.show()
            qtbot.waitExposed(dialog)
            for optional, typed in ((dialog.opens, "0900"), (dialog.closes, "1700")):
                QTest.mouseClick(optional.unknown, Qt.MouseButton.LeftButton)
                assert optional.edit.isEnabled()
                optional.edit.setFocus()
                optional.edit.setSelectedSection(optional.edit.sectionAt(0))
                QTest.keyClicks(optional.edit, typed)
            QTest.mouseClick(dialog.weekdays.unknown, Qt.MouseButton.LeftButton)
            QTest.mouseClick(dialog.weekdays.days[0], Qt.MouseButton.LeftButton)
            assert dialog.weekdays.state.text() == "周一闭馆"
            # no hours or closed-days text box left to fill: only optional notes
            assert dialog.fact_edits["opening_hours"].placeholderText().startswith("可不填")
            QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            return dialog.result()

        monkeypatch.setattr(SiteInfoDialog, "exec", by_hand)
        window.select_site(site.id)
        with qtbot.waitSignal(ui.session.plan_changed):
            window.site_editing.info_action.trigger()  # 编辑站点信息…
        saved = window.site_model.site_at(window.site_model.row_of(site.id))
        assert saved.rules.opens == time(9, 0) and saved.rules.closes == time(17, 0)
        assert saved.opening_hours.value is None  # nothing typed twice
        shown = window.details.toPlainText()
        assert "09:00–17:00" in shown and "每周一闭馆" in shown
        assert closed in ui.warnings.model.texts()
        assert not any("开放时间未知" in text for text in ui.warnings.model.texts())
    finally:
        close_main_window(window, controller)


def test_the_dialog_fits_a_laptop_screen_with_its_buttons_in_reach(qtbot, workspace) -> None:
    """All its fields are ~740 px tall: on a 1366×768 or 1280×720 laptop, under a title bar
    and above a taskbar, the form scrolls and 保存 stays on the screen; no row is squeezed."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QScrollArea

    from hongtu.qt.site_info_dialog import SiteInfoDialog

    site = site_named(workspace)
    dialog = SiteInfoDialog(site, site, frozenset())
    qtbot.addWidget(dialog)
    room = 720 - 40 - 32  # a 1280×720 screen less a taskbar and a title bar
    assert dialog.minimumSizeHint().height() <= room
    assert dialog.height() <= available_area(dialog).height() - 60
    dialog.resize(dialog.width(), room)
    dialog.show()
    qtbot.waitExposed(dialog)
    save = dialog.save_button
    assert dialog.rect().contains(QRect(save.mapTo(dialog, QPoint(0, 0)), save.size()))
    form = dialog.findChild(QScrollArea).widget()
    assert form.height() >= form.layout().totalHeightForWidth(form.width())  # scrolled, whole


def type_into_spin(spin, digits: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, digits)
    QTest.keyClick(spin, Qt.Key.Key_Tab)  # on to the next box, as a person does


@pytest.mark.gui
def test_numbers_out_of_range_are_kept_as_typed_and_refused_with_a_message(
    qtbot, workspace, monkeypatch
) -> None:
    from hongtu.qt import messages

    said: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: said.append(text))
    shown: dict[str, str] = {}

    def type_zero_and_999(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.show()
        dialog.group_size.unknown.setChecked(False)
        type_into_spin(dialog.group_size.spin, "0")
        dialog.lead_days.unknown.setChecked(False)
        type_into_spin(dialog.lead_days.spin, "999")
        type_into_spin(dialog.minutes, "0")
        shown.update(
            size=dialog.group_size.spin.text(),
            lead=dialog.lead_days.spin.text(),
            minutes=dialog.minutes.text(),
        )

    assert run_dialog(workspace, monkeypatch, type_zero_and_999) is None
    assert shown == {"size": "0 人", "lead": "999 天", "minutes": "0 分钟"}  # as typed
    assert len(said) == 1
    assert "单次接待人数上限应在 1–2000 人之间" in said[0]
    assert "需提前预约天数应在 0–90 天之间" in said[0]
    assert "参观时长应在 1–720 分钟之间" in said[0]
    site = site_named(workspace)
    assert workspace.sites.edited_fields(site.id) == frozenset()  # nothing saved


@pytest.mark.gui
def test_numbers_in_range_are_saved_as_typed(qtbot, workspace, monkeypatch) -> None:
    def type_numbers(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.show()
        dialog.group_size.unknown.setChecked(False)
        type_into_spin(dialog.group_size.spin, "2000")
        dialog.lead_days.unknown.setChecked(False)
        type_into_spin(dialog.lead_days.spin, "0")

    saved = run_dialog(workspace, monkeypatch, type_numbers)
    assert saved is not None
    assert (saved.rules.max_group_size, saved.rules.reservation_lead_days) == (2000, 0)


def test_site_details_labels_use_the_colon_of_the_language(workspace, lang: str) -> None:
    """坐标：… / 依据：… / 资料核对日期：… in Chinese, "Coordinates: …" in English: never an
    ASCII colon after Chinese, nor a full-width one after English."""
    import html as html_module
    import re

    from hongtu.qt.site_details import site_details_html

    site = next(
        s
        for s in workspace.sites.list_sites()
        if s.position is not None and s.position.basis and s.last_verified
    )
    text = html_module.unescape(re.sub(r"<[^>]+>", "\n", site_details_html(site)))
    if lang == "zh_CN":
        assert "坐标：" in text and "依据：" in text and "资料核对日期：" in text
        assert not re.search(r"[\u4e00-\u9fff]: ", text)
    else:
        assert "Coordinates: " in text and "Basis: " in text
        assert not re.search(r"[A-Za-z]：", text)


@pytest.mark.gui
def test_scrolling_the_dialog_with_the_wheel_changes_no_field(
    qtbot, workspace, monkeypatch
) -> None:
    """The pointer passes over the hours, numbers and choices while the form is scrolled: none
    of them changes."""
    from journey_helpers import wheel

    seen: list[tuple[object, ...]] = []

    def scroll(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.show()
        dialog.opens.unknown.click()  # the opening hour is known: its time can be set
        dialog.fact_edits["phone"].setFocus()  # the cursor is elsewhere
        fields = (dialog.opens.edit, dialog.minutes, dialog.holidays)

        def values() -> tuple[object, ...]:
            return (fields[0].time(), fields[1].value(), fields[2].currentIndex())

        before = values()
        for field in fields:
            wheel(field, -3)
        seen.extend((before, values()))

    run_dialog(workspace, monkeypatch, scroll)
    before, after = seen
    assert after == before
