"""Journey: a plan with a 120-character title open on a 1366×768 laptop, in Chinese and English —
the window fits the screen and no button, tab or label is cut off.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTabBar

from gui_helpers import close_main_window, open_main_window
from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint
from hongtu.qt.i18n import install_translators
from hongtu.qt.window_state import available_area
from journey_helpers import laid_out

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

LONG_TITLE = ("学习贯彻党的二十大精神重温入党誓词传承红色基因" * 6)[:120]
SMALL_SCREEN_ROOM = 720 - 40 - 32  # a 1280×720 screen less a taskbar and a title bar


def cut_off(window) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    """Visible buttons, one-line labels, combo boxes, tabs and group titles narrower than
    their text needs: (kind, text, width, needed)."""
    found = []
    widgets = (
        window.findChildren(QAbstractButton)
        + window.findChildren(QLabel)
        + window.findChildren(QComboBox)
    )
    for widget in widgets:
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if isinstance(widget, QAbstractButton) and widget.parent().inherits("QTabBar"):
            continue  # the tab bar's scroll buttons
        needed = (
            widget.sizeHint() if isinstance(widget, QAbstractButton) else widget.minimumSizeHint()
        ).width()
        if widget.width() + 1 < needed:
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            found.append((type(widget).__name__, text, widget.width(), needed))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                rect = bar.tabRect(index)
                if rect.width() + 1 < bar.tabSizeHint(index).width() or rect.right() > bar.width():
                    found.append(("tab", bar.tabText(index), rect.width(), 0))
    for group in window.findChildren(QGroupBox):
        needed = group.fontMetrics().horizontalAdvance(group.title()) + 16
        if group.isVisible() and group.width() < needed:
            found.append(("group", group.title(), group.width(), needed))
    return found


def open_plan(window) -> None:  # type: ignore[no-untyped-def]
    ui = window.plan_ui
    session = ui.session
    session.create(LONG_TITLE, date(2026, 12, 9))
    session.set_plan_field("branch", "机关第一党支部")
    session.set_plan_field("gathering_time", time(8, 0))
    session.set_gathering(GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))))
    for site in [s for s in window.site_model.sites() if s.position is not None][:3]:
        ui.add_site(site.id)
    first = session.plan.stops[0].id
    session.add_activity(first, Activity(ActivityKind.OATH, 15))
    ui.editor.select_stop(first)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_plan_open_on_a_laptop_fits_and_nothing_is_cut_off(qapp, qtbot, tmp_path, lang) -> None:
    previous = QLocale()
    installed = install_translators(qapp, lang)
    try:
        window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
        try:
            open_plan(window)
            area = available_area(window)
            assert (area.width(), area.height()) == (1366, 768)
            assert window.minimumSizeHint().width() <= area.width()
            assert window.minimumSizeHint().height() <= area.height()
            # On a real desktop a title bar and a taskbar take ~70 px of the height, and a
            # 1920×1080 laptop at 150 % is a 1280×720 screen: the window must fit there too.
            smallest = window.minimumSizeHint()
            assert smallest.width() <= 1280 and smallest.height() <= SMALL_SCREEN_ROOM, (
                smallest.width(), smallest.height()
            )
            assert area.contains(window.frameGeometry())
            ui = window.plan_ui
            title = ui.editor.title_text.widget
            assert title.text() == LONG_TITLE and title.cursorPosition() == 0  # starts visible
            pages = [
                (ui.left_tabs, 0), (ui.left_tabs, 1), (ui.right_tabs, 0), (ui.right_tabs, 1),
            ]  # fmt: skip
            for tabs, index in pages:
                tabs.setCurrentIndex(index)
                for editor_tab in range(ui.editor.tabs.count()):
                    ui.editor.tabs.setCurrentIndex(editor_tab)
                    qtbot.waitExposed(window)
                    assert cut_off(window) == [], (lang, tabs.tabText(index), editor_tab)
            gathering = ui.editor.gathering
            ui.editor.tabs.setCurrentWidget(gathering.parentWidget())
            qtbot.waitExposed(window)
            coordinate, crs = gathering.coordinate, gathering.crs
            assert coordinate.isVisible() and crs.isVisible()
            text_width = coordinate.fontMetrics().horizontalAdvance(coordinate.text())
            assert text_width + 12 <= coordinate.width(), (lang, coordinate.text())
            assert crs.sizeHint().width() <= crs.width() + 1, (lang, crs.currentText())
        finally:
            close_main_window(window, controller)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)


#: The room a 1366×768 laptop at 125 % leaves under a title bar and a taskbar (logical pixels).
LAPTOP_125 = (1093, 552)
LONG_STOP = "八路军驻晋办事处旧址（八路军太原办事处旧址）"


def at_laptop_125(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(*LAPTOP_125)
    qtbot.waitUntil(lambda: window.size().toTuple() == LAPTOP_125, timeout=5000)
    laid_out()  # the panes at the new size


def shows_characters(width: int, widget, count: int) -> bool:  # type: ignore[no-untyped-def]
    """A table column ``width`` wide shows ``count`` Chinese characters of a name (most site
    names are Chinese in English too) and the cell's margins."""
    return width >= widget.fontMetrics().horizontalAdvance(LONG_STOP[:count]) + 12


def whole_rows(view) -> int:  # type: ignore[no-untyped-def]
    """How many of a table's rows show whole."""
    model, height = view.model(), view.viewport().height()
    rects = [view.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
    return sum(1 for rect in rects if rect.top() >= 0 and rect.bottom() < height)


def plan_of_eight_stops(window) -> None:  # type: ignore[no-untyped-def]
    ui = window.plan_ui
    ui.session.create("学习贯彻党的二十大精神", date(2026, 12, 9))
    for site in [s for s in window.site_model.sites() if s.position is not None][:8]:
        ui.add_site(site.id)
    ui.editor.select_stop(ui.session.plan.stops[0].id)


def test_a_long_stop_name_leaves_the_schedule_readable_at_125_percent(
    qtbot, tmp_path, lang
) -> None:
    """The plan pane's line 第1站 … 的活动 for a stop with a long name held the right-hand pane
    wide (one line), so at 125 % the 日程 under the map showed two characters of each item. In
    English the side panes' own widths (the plans' four buttons in a row, the activity box as
    wide as its longest activity) took the room instead: 27 px for 事项 and for 地点."""
    from factories import custom_place, make_plan
    from hongtu.core.plans import Stop
    from hongtu.qt.plan_models import ScheduleColumn
    from hongtu.qt.site_model import SiteColumn
    from journey_helpers import journey_window

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        stops = [
            Stop(custom=custom_place(LONG_STOP, LatLon(37.8706, 112.5489)),
                 activities=[Activity(ActivityKind.TOUR, 60)]),
            Stop(custom=custom_place("太原解放纪念馆", LatLon(37.8503, 112.5790))),
        ]  # fmt: skip
        plan = window.workspace.plans.save(make_plan(stops))
        ui = window.plan_ui
        ui.session.open(plan.id)
        ui.editor.select_stop(ui.session.plan.stops[0].id)
        at_laptop_125(qtbot, window)
        table = ui.schedule.table
        for column in (ScheduleColumn.ITEM, ScheduleColumn.PLACE):
            width = table.columnWidth(column)
            assert shows_characters(width, table, 4), (lang, column, width)
        totals = ui.schedule.totals
        assert totals.height() >= totals.heightForWidth(totals.width())  # no line cut off
        # … and not at the cost of the sites' names in the list beside it
        sites = window.site_list.table
        width = sites.columnWidth(SiteColumn.NAME)
        assert shows_characters(width, sites, 5), (lang, width)
        ui.left_tabs.setCurrentWidget(ui.plan_list)  # its buttons, whole
        qtbot.waitExposed(window)
        assert cut_off(window) == [], lang


def test_the_stops_table_shows_five_stops_at_125_percent(qtbot, tmp_path, lang) -> None:
    """At 125 % on a 1366×768 laptop the plan's stops table showed one and a half stops (Qt's
    30 px rows, the activities table as tall as it, 行程提醒 as tall as at 100 %). Now five
    stops show whole, with the chosen stop's activity, a warning and the map; and back at 100 %
    行程提醒 is as tall as it was."""
    from journey_helpers import journey_window

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        session = ui.session
        session.create("学习贯彻党的二十大精神", date(2026, 12, 9))
        for site in [s for s in window.site_model.sites() if s.position is not None][:8]:
            ui.add_site(site.id)
        first = session.plan.stops[0].id
        session.add_activity(first, Activity(ActivityKind.OATH, 15))
        ui.editor.select_stop(first)
        warnings_at_100 = ui.warnings.height()
        at_laptop_125(qtbot, window)
        assert whole_rows(ui.editor.stops_view) >= 5, lang
        assert whole_rows(ui.editor.activities_view) >= 1, lang
        warning = ui.warnings.view
        first_warning = warning.visualRect(warning.model().index(0, 0))
        lines = 3 * warning.fontMetrics().height()  # a warning, or three lines of a long one
        assert warning.viewport().height() >= min(first_warning.height(), lines), lang
        assert window.map_view.width() >= 360 and window.map_view.height() >= 240, lang
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: window.width() == 1366, timeout=5000)
        laid_out()
        assert ui.warnings.height() == warnings_at_100, lang


def test_the_plan_editor_needs_no_sideways_scrolling_at_the_first_window_size(
    qtbot, tmp_path, lang
) -> None:
    """At the first start's size (1280×736 on a 1366×768 screen) each tab of the plan editor
    fits its pane's width: in English 基本信息 needed 387 px in 361, its fields cut at the side
    behind a horizontal scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        assert (window.width(), window.height()) == (1280, 736)  # as first started
        ui = window.plan_ui
        with qtbot.waitSignal(ui.session.plan_changed):
            ui.plan_list.create_plan()
        editor = ui.editor
        kinds = editor.gathering.kind
        for tab in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(tab)
            kinds.setFocus()
            QTest.keyClick(kinds, Qt.Key.Key_Home)
            for kind in range(kinds.count()):  # each form of 集合地点, chosen with the keyboard
                if kind:
                    QTest.keyClick(kinds, Qt.Key.Key_Down)
                assert editor.gathering.pages.currentIndex() == kind  # its fields shown
                laid_out()
                for scroll in editor.findChildren(QScrollArea):
                    if scroll.isVisible():
                        needed = scroll.widget().minimumSizeHint().width()
                        assert scroll.horizontalScrollBar().maximum() == 0, (
                            lang, editor.tabs.tabText(tab), kind, needed, scroll.viewport().width()
                        )
    finally:
        close_main_window(window, controller)


def test_the_conflict_bar_leaves_the_window_on_a_laptop_screen_at_125_percent(
    qtbot, tmp_path, lang
) -> None:
    """Another window changed the plan being edited: the bar saying what changed (all of it,
    a line each) over its buttons held the window 650 px tall at least, more than a 1366×768
    laptop at 125 % leaves (552 px), and its buttons (重新载入（放弃我的修改）, 保留我的修改
    （覆盖别处的修改）) made the plan pane wider in English. Now the window keeps its size:
    the bar's words scroll (two lines show at least, the wheel brings the last), its three
    buttons (合并双方的修改, 放弃我的修改, 保留我的修改) are whole on one row, the pane is as
    wide as before, and the stops table gives the bar room down to two stops while it is
    shown — five again once the organiser has chosen."""
    from journey_helpers import journey_window, wheel

    db = str(tmp_path / "a.sqlite3")
    with journey_window(qtbot, db) as (window, _controller):
        ui = window.plan_ui
        plan_of_eight_stops(window)
        ui.session.set_plan_field("title", LONG_TITLE)  # named in the bar: the longest words
        at_laptop_125(qtbot, window)
        pane_width = ui.right_tabs.width()
        changed_elsewhere(qtbot, window, db)
        bar = ui.conflict_bar
        assert bar.isVisible() and bar.merge_button.isVisible(), lang  # all three choices
        ui.editor.tabs.setCurrentIndex(0)  # 行程安排
        laid_out()  # with the bar
        assert window.size().toTuple() == LAPTOP_125, (lang, window.size().toTuple())
        assert window.minimumSizeHint().height() <= LAPTOP_125[1], lang
        assert ui.right_tabs.width() == pane_width, lang
        words = bar.words
        assert words.viewport().height() >= 2 * words.fontMetrics().lineSpacing(), lang
        assert cut_off(window) == [], lang  # the buttons whole
        assert whole_rows(ui.editor.stops_view) >= 2, lang
        wheel(words.viewport(), -20)  # down to the end of the words
        last = bar.merge_hint  # under the changes
        bottom = last.mapTo(words.viewport(), last.rect().bottomLeft()).y()
        assert 0 < bottom < words.viewport().height(), (lang, bottom)

        qtbot.mouseClick(bar.merge_button, Qt.MouseButton.LeftButton)
        assert not bar.isVisible(), lang
        laid_out()  # without it
        assert whole_rows(ui.editor.stops_view) >= 5, lang  # as before the bar


def changed_elsewhere(qtbot, window, db: str) -> None:  # type: ignore[no-untyped-def]
    """Another window saves the open plan (branch, organiser, phone, participants) just before
    this one saves a note: the conflict bar shows."""
    from hongtu.core.workspace import open_workspace

    ui = window.plan_ui
    ui.watch_timer.stop()  # the other window saves just before this one does
    other = open_workspace(db)
    try:
        theirs = other.plans.get(ui.session.plan.id)
        theirs.branch, theirs.organiser = "机关第二党支部", "李书记"
        theirs.phone, theirs.participants = "13900000000", 45
        other.plans.save(theirs)
    finally:
        other.close()
    ui.editor.tabs.setCurrentIndex(1)  # 基本信息
    ui.editor.notes.setFocus()
    qtbot.keyClicks(ui.editor.notes, "ID")
    ui.editor.flush()


def test_the_conflict_bar_shows_whole_lines_at_125_percent(qtbot, tmp_path, lang) -> None:
    """On a 1366×768 laptop at 125 % the conflict bar's words showed two and a half lines, the
    third cut through. Now they show whole lines — at first, a notch of the wheel down (a
    page of lines further) and at the end — under its three buttons on one row, and the window still
    fits the screen."""
    from hongtu.qt.plan_conflict import text_lines
    from journey_helpers import journey_window, wheel

    db = str(tmp_path / "a.sqlite3")
    with journey_window(qtbot, db) as (window, _controller):
        ui = window.plan_ui
        plan_of_eight_stops(window)
        ui.session.set_plan_field("title", LONG_TITLE)  # named in the bar: the longest words
        at_laptop_125(qtbot, window)
        changed_elsewhere(qtbot, window, db)
        ui.editor.tabs.setCurrentIndex(0)  # 行程安排
        bar = ui.conflict_bar
        qtbot.waitUntil(lambda: bar.isVisible() and bar.merge_button.isVisible(), timeout=5000)
        qtbot.wait(50)  # laid out with the bar
        assert window.minimumSizeHint().height() <= LAPTOP_125[1], lang
        buttons = (bar.merge_button, bar.reload_button, bar.keep_button)
        assert len({button.y() for button in buttons}) == 1, lang  # one row
        assert cut_off(window) == [], lang  # … each whole
        words = bar.words
        lines = []  # each line's top and bottom in the words, as the labels lay them out
        for label in (bar.message, bar.merge_hint):
            width = label.contentsRect().width()
            spans = text_lines(label.text(), label.font(), width)
            assert spans[-1][1] == label.heightForWidth(width), lang  # as Qt measures them
            lines += [(label.y() + top, label.y() + bottom) for top, bottom in spans]

        def shown_whole() -> int:
            top = words.verticalScrollBar().value()
            bottom = top + words.viewport().height()
            shown = [(a, b) for a, b in lines if b > top and a < bottom]
            assert all(top <= a and b <= bottom for a, b in shown), (lang, top, bottom, shown)
            return len(shown)

        assert shown_whole() >= 2, lang
        wheel(words.viewport(), -1)
        assert words.verticalScrollBar().value() in {a for a, _ in lines[1:]}, lang  # lines on
        assert shown_whole() >= 2, lang
        wheel(words.viewport(), -20)  # to the end
        assert shown_whole() >= 2, lang
        assert words.verticalScrollBar().value() + words.viewport().height() >= lines[-1][1]


def test_the_schedule_rows_are_a_line_tall_at_125_percent(qtbot, tmp_path, lang) -> None:
    """日程 kept Qt's 30 px rows while the stops table beside it has rows a line of text tall:
    at 125 % on a 1366×768 laptop it showed two rows of an eight-stop day (one in English);
    now its rows are as tall as the stops' and a row more shows."""
    from journey_helpers import journey_window

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        plan_of_eight_stops(window)
        at_laptop_125(qtbot, window)
        table, stops = ui.schedule.table, ui.editor.stops_view
        assert table.rowHeight(0) == stops.rowHeight(0), lang
        assert table.rowHeight(0) <= table.fontMetrics().height() + 8, lang
        shown = whole_rows(table)
        assert shown > table.viewport().height() // 30, (lang, shown)  # more than at 30 px


def test_the_site_and_plan_lists_rows_are_a_line_tall_at_125_percent(qtbot, tmp_path, lang) -> None:
    """The site list and the plans list kept Qt's 30 px rows beside the stops and the 日程, a
    line of text tall: at 125 % on a 1366×768 laptop a dozen sites showed. Now their rows are
    as tall as the stops' and more of the list shows."""
    from journey_helpers import journey_window

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        plan_of_eight_stops(window)
        at_laptop_125(qtbot, window)
        stops = window.plan_ui.editor.stops_view
        sites, plans = window.site_list.table, window.plan_list_panel().table
        for table in (sites, plans):
            assert table.rowHeight(0) == stops.rowHeight(0), lang
        shown = whole_rows(sites)
        assert shown > sites.viewport().height() // 30, (lang, shown)  # more than at 30 px


@pytest.mark.parametrize("size", [(1366, 768), LAPTOP_125])
def test_the_site_names_get_the_room_before_the_category(qtbot, tmp_path, lang, size) -> None:
    """In English the site list showed a name's first five or six characters (八路军驻晋…)
    while 类别 kept the whole “Revolutionary site”. Now the category, then the position and
    the district give way first: a name shows seven characters (八路军驻晋办事…), at 100 %
    and at 125 %, and in Chinese nothing else is cut."""
    from hongtu.qt.site_model import SiteColumn
    from journey_helpers import journey_window

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        window.resize(*size)
        qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=5000)
        laid_out()  # the list at the new size
        table = window.site_list.table
        model = table.model()
        row = next(
            r for r in range(model.rowCount())
            if model.index(r, SiteColumn.NAME).data() == "八路军驻晋办事处旧址"
        )  # fmt: skip
        name = shown_in_list(table, row, SiteColumn.NAME)
        assert name.startswith("八路军驻晋办事"), (lang, size, name)
        if lang == "zh_CN":
            for column in (SiteColumn.DISTRICT, SiteColumn.CATEGORY, SiteColumn.POSITION):
                shown = shown_in_list(table, row, column)
                assert shown == model.index(row, column).data(), (size, column)


def shown_in_list(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    """A cell's text as the style draws it: elided to the column's width less the grid line
    and its margins."""
    from PySide6.QtWidgets import QStyle

    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    room = table.columnWidth(column) - 1 - 2 * (margin + 1)
    text = table.model().index(row, column).data()
    return table.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)


def test_the_site_list_shows_each_position_word_at_125_percent(qtbot, tmp_path, lang) -> None:
    """In English at 125 % on a 1366×768 laptop the site list's 位置 column read “Unveri…”
    and “Unkno…”: the titles kept the room of a sort arrow that only the sorted column draws.
    Now each site's position word, district and title show whole beside seven characters of
    its name, also once the list is sorted by position (the title beside its arrow)."""
    from hongtu.qt.site_model import SiteColumn
    from journey_helpers import journey_window

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        at_laptop_125(qtbot, window)
        table = window.site_list.table
        header = table.horizontalHeader()
        model = table.model()

        def readable() -> None:
            for row in range(model.rowCount()):
                name = model.index(row, SiteColumn.NAME).data()
                shown = shown_in_list(table, row, SiteColumn.NAME)
                assert shown == name or len(shown) >= 8, (lang, shown)  # seven and “…”
                for column in (SiteColumn.DISTRICT, SiteColumn.POSITION):
                    shown = shown_in_list(table, row, column)
                    assert shown == model.index(row, column).data(), (lang, column, shown)
            for column in (SiteColumn.DISTRICT, SiteColumn.CATEGORY, SiteColumn.POSITION):
                title = model.headerData(column, Qt.Orientation.Horizontal)
                needed = header.fontMetrics().horizontalAdvance(title) + 8
                assert table.columnWidth(column) >= needed, (lang, column)

        readable()
        left = header.sectionViewportPosition(SiteColumn.POSITION)
        middle = QPoint(left + table.columnWidth(SiteColumn.POSITION) // 2, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
        assert header.sortIndicatorSection() == SiteColumn.POSITION, lang
        readable()
        # the title and the arrow beside it: as wide as Qt's header measures a sorted title
        width = table.columnWidth(SiteColumn.POSITION)
        assert width >= header.sectionSizeHint(SiteColumn.POSITION), (lang, width)


def combo_text_room(combo) -> int:  # type: ignore[no-untyped-def]
    """The width a combo box gives the text of its current item (its field less the arrow)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.parametrize("added", [0, 12], ids=["catalogue", "places_added"])
def test_each_category_reads_whole_at_125_percent(qtbot, tmp_path, lang, added) -> None:
    """QA s29: in English at 125 % on a 1366×768 laptop the site list's 类别 read “Former r…”,
    “Revoluti…”, “Memori…” and “Martyrs'…”, and a few places added (a scroll bar) or the
    list sorted took more of it. Now the English words are as short as the Chinese ones
    (Residence, Historic site, Memorial, Cemetery, Custom) and the list keeps room for them
    whole, beside seven characters of a name, every district and position word and a scroll
    bar, sorted or not; the category filter shows each of them whole too."""
    from hongtu.core.coords import Crs
    from hongtu.core.storage.site_store import NewPlace
    from hongtu.core.workspace import open_workspace
    from hongtu.qt.site_model import SiteColumn
    from journey_helpers import journey_window

    db = str(tmp_path / "a.sqlite3")
    workspace = open_workspace(db)
    try:
        centre = LatLon(37.8706, 112.5489)
        workspace.sites.add_places(
            NewPlace(f"单位集合点{n}", centre, Crs.WGS84, "迎泽区") for n in range(added)
        )
    finally:
        workspace.close()
    with journey_window(qtbot, db) as (window, _controller):
        at_laptop_125(qtbot, window)
        table = window.site_list.table
        header = table.horizontalHeader()
        model = table.model()
        assert model.rowCount() == 15 + added
        assert table.verticalScrollBar().isVisible() == bool(added), lang

        def readable(sorted_by: str) -> None:
            for row in range(model.rowCount()):
                name = model.index(row, SiteColumn.NAME).data()
                shown = shown_in_list(table, row, SiteColumn.NAME)
                assert shown == name or len(shown) >= 8, (lang, sorted_by, shown)
                for column in (SiteColumn.DISTRICT, SiteColumn.CATEGORY, SiteColumn.POSITION):
                    shown = shown_in_list(table, row, column)
                    assert shown == model.index(row, column).data(), (lang, sorted_by, shown)

        readable("none")
        for column in (SiteColumn.DISTRICT, SiteColumn.CATEGORY, SiteColumn.POSITION):
            left = header.sectionViewportPosition(column)
            middle = QPoint(left + table.columnWidth(column) // 2, header.height() // 2)
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
            assert header.sortIndicatorSection() == column, lang
            readable(model.headerData(column, Qt.Orientation.Horizontal))
        combo = window.site_list.category
        for index in range(combo.count()):
            combo.setCurrentIndex(index)
            text = combo.currentText()
            assert combo_text_room(combo) >= combo.fontMetrics().horizontalAdvance(text), text
