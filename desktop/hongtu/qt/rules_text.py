"""Confirmed visiting rules (``VisitRules``) in words: what the details panel and dialogs show.

The organiser enters hours, closed days, booking and group limit once, as rules; these functions
turn them into the sentences shown beside the catalogue's text, so the text and the warnings can
never disagree. ``None`` means the rules say nothing about that part.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication

from hongtu.core.sites import VisitRules


def tr(text: str) -> str:
    return QCoreApplication.translate("RulesText", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("RulesText", text, None, count)


def _hhmm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def hours_text(rules: VisitRules) -> str | None:
    if rules.opens is None and rules.closes is None:
        hours = None
    elif rules.opens is not None and rules.closes is not None:
        hours = f"{_hhmm(rules.opens)}–{_hhmm(rules.closes)}"
    elif rules.opens is not None:
        hours = tr("{0} 开馆").format(_hhmm(rules.opens))
    else:
        assert rules.closes is not None
        hours = tr("{0} 闭馆").format(_hhmm(rules.closes))
    if rules.last_entry is None:
        return hours
    last = tr("{0} 停止入场").format(_hhmm(rules.last_entry))
    return tr("{0}（{1}）").format(hours, last) if hours else last


def closed_days_text(rules: VisitRules) -> str | None:
    weekdays, holidays = rules.closed_weekdays, rules.open_on_public_holidays
    if weekdays is None:
        text = None
    elif not weekdays:
        text = tr("没有固定闭馆日")
    else:
        from hongtu.qt.warning_text import weekday_name  # not at start-up: it imports warnings

        text = tr("每{0}闭馆").format(tr("、").join(weekday_name(d) for d in sorted(weekdays)))
    if holidays is None or (weekdays is not None and not weekdays):
        return text
    note = tr("法定节假日照常开放") if holidays else tr("法定节假日闭馆")
    return tr("{0}（{1}）").format(text, note) if text else note


def booking_text(rules: VisitRules) -> str | None:
    parts = []
    lead = rules.reservation_lead_days
    if lead is not None:
        parts.append(tr("可当天预约") if lead == 0 else tr_n("需提前 %n 天预约", lead))
    if rules.max_group_size is not None:
        parts.append(tr_n("每批不超过 %n 人", rules.max_group_size))
    return tr("，").join(parts) if parts else None


def rules_facts(rules: VisitRules) -> dict[str, str]:
    """The text facts the rules speak for (``opening_hours``, ``closed_days``, ``reservation``)."""
    texts = {
        "opening_hours": hours_text(rules),
        "closed_days": closed_days_text(rules),
        "reservation": booking_text(rules),
    }
    return {name: text for name, text in texts.items() if text}


def rules_summary(rules: VisitRules) -> str:
    texts = list(rules_facts(rules).values())
    return tr("；").join(texts) if texts else tr("未知")
