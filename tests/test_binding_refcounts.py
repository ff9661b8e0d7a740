"""The installed Qt binding must not leak references to None, True or False.

PySide6 6.12.0 leaked one reference to ``None`` on every void Qt call and one to ``True`` on every
emit of a Python-declared signal. Python 3.11 has no immortal objects, so a long session in the
window ended in ``Fatal Python error: none_dealloc`` after some thousand edits. This probe makes
the kinds of calls an editing session makes and checks that the counts do not move, so an upgrade
of the binding that brings such a leak back fails here rather than in an organiser's hands.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Signal

CALLS = 5_000


class _Emitter(QObject):
    changed = Signal()
    moved = Signal(int)
    renamed = Signal(str)


def _growth(obj: object, action: Callable[[], object]) -> int:
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    return sys.getrefcount(obj) - before


@pytest.mark.gui
@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None, True and False are immortal from Python 3.12: no leak can bring them to zero",
)
@pytest.mark.parametrize("singleton", [None, True, False], ids=["None", "True", "False"])
def test_qt_calls_and_signal_emits_keep_singleton_refcounts(qapp, singleton: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.changed.connect(lambda: received.append(1))
    emitter.moved.connect(lambda _row: None)
    emitter.renamed.connect(lambda _text: None)
    actions: list[Callable[[], object]] = [
        lambda: emitter.setObjectName("站点"),
        emitter.changed.emit,
        lambda: emitter.moved.emit(3),
        lambda: emitter.renamed.emit("高君宇故居"),
        lambda: emitter.blockSignals(False),
        emitter.signalsBlocked,
    ]
    growth = {i: _growth(singleton, action) for i, action in enumerate(actions)}
    assert received, "the signal was delivered"
    # A leak of one reference a call shows as CALLS; a little slack for the test's own locals.
    assert all(abs(delta) < 10 for delta in growth.values()), growth
