"""One formatter writes every clock time, and the strict reader takes each one back."""

from __future__ import annotations

from datetime import time

from hongtu.core import limits
from hongtu.core.clocktime import hhmm


def test_every_minute_of_the_day_is_written_hh_mm_and_read_back() -> None:
    for minute in range(24 * 60):
        moment = time(minute // 60, minute % 60)
        text = hhmm(moment)
        assert len(text) == 5 and text[2] == ":"
        assert limits.parse_time(text) == moment


def test_seconds_are_not_shown() -> None:
    assert hhmm(time(9, 5, 59)) == "09:05"
