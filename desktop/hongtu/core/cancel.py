"""Cancelling long work: the window asks, the work stops at its next check and changes nothing.

Long work (optimising a large plan, writing an export) runs on a worker thread and is handed a
``ShouldStop`` callable; it asks it now and then and raises ``CancelledError`` when it answers
True, before anything is changed (no plan edited, no file replaced).
"""

from __future__ import annotations

from collections.abc import Callable

ShouldStop = Callable[[], bool]


class CancelledError(Exception):
    """The organiser cancelled; nothing was changed."""


def never() -> bool:
    return False


def check(should_stop: ShouldStop | None) -> None:
    if should_stop is not None and should_stop():
        raise CancelledError
