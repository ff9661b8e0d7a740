"""Text shown in message boxes, tooltips and the site details stays text, never markup
(``hongtu.qt.messages``)."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox

from factories import make_site
from hongtu.core.text import escape_markup
from hongtu.qt import messages
from hongtu.qt.site_details import site_details_html

MARKUP_CHARACTERS = st.sampled_from(list("<>&\"'/;#= abc红途\n"))


@given(st.text(MARKUP_CHARACTERS) | st.text())
def test_escaping_is_exactly_html_escape(text: str) -> None:
    assert escape_markup(text) == html.escape(text)


def test_a_warning_shows_markup_as_typed(qtbot, monkeypatch) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    messages.warning(None, "导出失败", "<b>计划</b> & 签到表")
    (box,) = shown
    assert box.text() == "<b>计划</b> & 签到表"
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.standardButtons() == QMessageBox.StandardButton.Ok


def test_a_question_defaults_to_no_unless_asked(qtbot, monkeypatch) -> None:
    shown: list[QMessageBox] = []

    def answer_default(box: QMessageBox) -> QMessageBox.StandardButton:
        shown.append(box)
        return box.standardButton(box.defaultButton())

    monkeypatch.setattr(QMessageBox, "exec", answer_default)
    assert messages.question(None, "删除计划", "删除「<i>五月党日</i>」？") is False
    assert messages.question(None, "保存", "保存更改？", default_yes=True) is True
    assert [box.icon() for box in shown] == [QMessageBox.Icon.Question] * 2
    assert shown[0].text() == "删除「<i>五月党日</i>」？"


def test_site_details_escape_organiser_text() -> None:
    page = site_details_html(make_site(name="<script>alert(1)</script> 旧址 & 纪念馆"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 旧址 &amp; 纪念馆" in page
    assert "<script>" not in page
