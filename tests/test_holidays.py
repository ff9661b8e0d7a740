"""Day kinds from the holiday data, and honesty beyond its coverage."""

from __future__ import annotations

from datetime import date

import pytest

from hongtu.core.holidays import (
    COVERED_YEARS,
    FIRST_COVERED_YEAR,
    LAST_COVERED_YEAR,
    DayKind,
    day_kind,
    is_covered,
    package_covered_years,
)


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2025, 10, 1), DayKind.PUBLIC_HOLIDAY),  # 国庆节
        (date(2025, 10, 4), DayKind.PUBLIC_HOLIDAY),  # a Saturday inside the holiday
        (date(2025, 10, 8), DayKind.PUBLIC_HOLIDAY),  # a Wednesday moved into the holiday
        (date(2025, 9, 28), DayKind.ADJUSTED_WORKDAY),  # Sunday, 调休上班 for 国庆
        (date(2025, 10, 11), DayKind.ADJUSTED_WORKDAY),  # Saturday, 调休上班
        (date(2025, 10, 13), DayKind.WORKDAY),  # an ordinary Monday
        (date(2025, 10, 12), DayKind.WEEKEND),  # an ordinary Sunday
        (date(2026, 2, 17), DayKind.PUBLIC_HOLIDAY),  # 春节 2026
        (date(2026, 2, 28), DayKind.ADJUSTED_WORKDAY),  # Saturday, 调休上班 for 春节
        (date(2004, 1, 1), DayKind.PUBLIC_HOLIDAY),  # the first covered year
    ],
)
def test_day_kinds(day: date, kind: DayKind) -> None:
    assert day_kind(day) is kind


@pytest.mark.parametrize("day", [date(2027, 1, 1), date(2027, 10, 4), date(2003, 10, 1)])
def test_years_beyond_the_data_are_unknown(day: date) -> None:
    assert not is_covered(day)
    assert day_kind(day) is DayKind.UNKNOWN


def test_stated_coverage_matches_the_package_data() -> None:
    # if chinese-calendar is upgraded with new years, update the constants (and their docs)
    assert (FIRST_COVERED_YEAR, LAST_COVERED_YEAR) == (2004, 2026)
    assert package_covered_years() == range(FIRST_COVERED_YEAR, LAST_COVERED_YEAR + 1)
    assert range(FIRST_COVERED_YEAR, LAST_COVERED_YEAR + 1) == COVERED_YEARS


def test_every_day_of_the_last_covered_year_has_a_kind() -> None:
    day = date(LAST_COVERED_YEAR, 1, 1)
    kinds = set()
    while day.year == LAST_COVERED_YEAR:
        kinds.add(day_kind(day))
        day = day.fromordinal(day.toordinal() + 1)
    assert DayKind.UNKNOWN not in kinds
    assert kinds == {
        DayKind.WORKDAY,
        DayKind.WEEKEND,
        DayKind.PUBLIC_HOLIDAY,
        DayKind.ADJUSTED_WORKDAY,
    }
