"""What kind of day a date is in mainland China: workday, weekend, public holiday, 调休 workday.

A thin wrapper over ``chinese_calendar`` (PyPI ``chinese-calendar``). Its data are the State
Council's yearly holiday notices, which are only published for the coming year, so the data end
at a known year. Version 1.11.0 covers **2004–2026** (the years of its ``holidays`` table).
Outside the covered years ``day_kind`` answers ``UNKNOWN``: a weekday there may still turn out to
be a holiday, and HongTu never guesses.

``PUBLIC_HOLIDAY`` is every day off of a holiday period (the statutory days, the weekend days in
it and the days moved into it by 调休), which is how sites that are "open on public holidays"
treat them. ``ADJUSTED_WORKDAY`` is a Saturday or Sunday that is a working day (调休上班).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import chinese_calendar
from chinese_calendar import constants as _calendar_data

FIRST_COVERED_YEAR = 2004
"""The first year ``chinese-calendar`` 1.11.0 has holiday data for."""

LAST_COVERED_YEAR = 2026
"""The last year ``chinese-calendar`` 1.11.0 has holiday data for."""


class DayKind(StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public_holiday"  # 法定节假日 (the whole holiday period)
    ADJUSTED_WORKDAY = "adjusted_workday"  # 调休上班
    UNKNOWN = "unknown"  # the year is outside the holiday data


def package_covered_years() -> range:
    """The years the installed package has data for (its ``holidays`` table's span)."""
    years = [day.year for day in _calendar_data.holidays]
    return range(min(years), max(years) + 1)


def _covered_years() -> range:
    """The stated coverage, narrowed if an installed package ever knows less."""
    package = package_covered_years()
    first = max(FIRST_COVERED_YEAR, package.start)
    last = min(LAST_COVERED_YEAR, package.stop - 1)
    return range(first, last + 1)


COVERED_YEARS = _covered_years()


def is_covered(day: date) -> bool:
    return day.year in COVERED_YEARS


def day_kind(day: date) -> DayKind:
    """The kind of ``day``; ``UNKNOWN`` outside ``COVERED_YEARS``."""
    if not is_covered(day):
        return DayKind.UNKNOWN
    weekend = day.weekday() >= 5
    if chinese_calendar.is_workday(day):
        return DayKind.ADJUSTED_WORKDAY if weekend else DayKind.WORKDAY
    if day in _calendar_data.holidays:
        return DayKind.PUBLIC_HOLIDAY
    return DayKind.WEEKEND  # not a workday and not in a holiday period: Saturday or Sunday
