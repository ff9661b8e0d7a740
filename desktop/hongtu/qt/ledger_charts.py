"""The 台账 view's charts (Qt Charts): attendance month by month, and the sites visited.

Both read the same ``YearLedger`` as the tables and the documents. Names typed by people (the
sites) are escaped: Qt Charts lays out axis labels as rich text.
"""

from __future__ import annotations

import html

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from hongtu.core.ledger import YearLedger
from hongtu.core.text import shortened

PRESENT_COLOUR = QColor("#c62828")
LEAVE_COLOUR = QColor("#f9a825")
ABSENT_COLOUR = QColor("#757575")
VISITS_COLOUR = QColor("#b71c1c")
MAX_LABEL_CHARS = 14


def tr(text: str) -> str:
    return QCoreApplication.translate("LedgerCharts", text)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


MAX_COUNT_STEPS = 5


def count_step(top: int) -> int:
    """The whole-number step between the count axis's ticks: 1, 2, 5, 10, 20, 50, … (at most
    five steps up to ``top``)."""
    base = 1
    while True:
        for step in (base, 2 * base, 5 * base):
            if step * MAX_COUNT_STEPS >= top:
                return step
        base *= 10


def count_axis(top: int) -> QValueAxis:
    """Ticks on whole numbers only: a 0–6 axis with six ticks had them at 1.2, 2.4, … printed
    (by %d) as 1, 2, 3, 4, so a bar of 4 stood between the '3' and the '4'."""
    step = count_step(max(1, top))
    steps = -(-max(1, top) // step)
    axis = QValueAxis()
    axis.setRange(0, steps * step)
    axis.setLabelFormat("%d")
    axis.setTickCount(steps + 1)
    return axis


def _label(text: str) -> str:
    return html.escape(shortened(text, MAX_LABEL_CHARS))


def attendance_chart(ledger: YearLedger, month_names: list[str]) -> QChart:
    """实到, 请假 and 缺席 stacked for each month (a month without a Party-day stays empty)."""
    sets = {
        "present": QBarSet(tr("实到")),
        "leave": QBarSet(tr("请假")),
        "absent": QBarSet(tr("缺席")),
    }
    for bar, colour in zip(
        sets.values(), (PRESENT_COLOUR, LEAVE_COLOUR, ABSENT_COLOUR), strict=True
    ):
        bar.setColor(colour)
        bar.setBorderColor(colour)
    for month in range(1, 13):
        days = [d.counts for d in ledger.days if d.day.month == month]
        sets["present"].append(sum(c.present for c in days))
        sets["leave"].append(sum(c.leave for c in days))
        sets["absent"].append(sum(c.absent for c in days))
    series = QStackedBarSeries()
    series.append(list(sets.values()))
    chart = _chart(tr("每月出勤（人次）"))
    chart.addSeries(series)
    months = QBarCategoryAxis()
    months.append(month_names)
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(months)
    top = max(
        (sum(d.counts.expected for d in ledger.days if d.day.month == m) for m in range(1, 13)),
        default=0,
    )
    counts = count_axis(top)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(counts)
    return chart


def places_chart(ledger: YearLedger) -> QChart:
    """How many Party-days went to each site, in the order first visited (top to bottom)."""
    visits = QBarSet(tr("到访次数"))
    visits.setColor(VISITS_COLOUR)
    visits.setBorderColor(VISITS_COLOUR)
    places = list(reversed(ledger.places))  # a horizontal chart draws its first category lowest
    visits.append([days for _name, days in places])
    series = QHorizontalBarSeries()
    series.append(visits)
    chart = _chart(tr("参观地点（次）"))
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([_label(name) for name, _days in places] or [" "])
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    counts = count_axis(max((days for _name, days in places), default=0))
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    chart.legend().hide()
    return chart


def chart_view(parent: QWidget | None = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 240)
    return view
