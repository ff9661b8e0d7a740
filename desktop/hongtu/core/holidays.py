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


class Holiday(StrEnum):
    """Which public holiday a day off belongs to (``chinese_calendar``'s names, as keys)."""

    NEW_YEAR = "new_year"  # 元旦
    SPRING_FESTIVAL = "spring_festival"  # 春节
    TOMB_SWEEPING = "tomb_sweeping"  # 清明节
    LABOUR_DAY = "labour_day"  # 劳动节
    DRAGON_BOAT = "dragon_boat"  # 端午节
    MID_AUTUMN = "mid_autumn"  # 中秋节
    NATIONAL_DAY = "national_day"  # 国庆节
    OTHER = "other"  # a day off the data names otherwise (e.g. 2015's 抗战胜利纪念日)


_HOLIDAY_NAMES = {
    "New Year's Day": Holiday.NEW_YEAR,
    "Spring Festival": Holiday.SPRING_FESTIVAL,
    "Tomb-sweeping Day": Holiday.TOMB_SWEEPING,
    "Labour Day": Holiday.LABOUR_DAY,
    "Dragon Boat Festival": Holiday.DRAGON_BOAT,
    "Mid-autumn Festival": Holiday.MID_AUTUMN,
    "National Day": Holiday.NATIONAL_DAY,
}


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


def holiday_of(day: date) -> Holiday | None:
    """The public holiday ``day`` is a day off of (its weekend and 调休 days included), or
    ``None``: a working day, an ordinary weekend, or a year beyond the data."""
    if day_kind(day) is not DayKind.PUBLIC_HOLIDAY:
        return None
    _off, name = chinese_calendar.get_holiday_detail(day)
    return _HOLIDAY_NAMES.get(str(name), Holiday.OTHER)
