"""Keeping Python's cyclic garbage collector from freezing the window or slowing a command.

Once the window is up, the process holds some 300,000 long-lived objects (the modules, SQLAlchemy's
mappers, Qt's wrappers, the site catalogue, the plans list). A full ("generation 2") collection
walks every one of them and stops the GUI thread for 0.3–1 s on a loaded 2-core machine; the
allocations of an ordinary edit or of opening a large plan trigger one now and then
(``benchmarks/responsiveness.py`` caught a 389 ms pause while a 500-stop plan was opened).

Start-up itself pauses the collector (``pause_collector``): its ~90,000 new objects are nearly all
long-lived, so the 60-odd collections they would trigger before the window is shown (~12 ms of
CPU on the path to the map, walking objects that stay alive) find almost nothing: some 800
objects of cyclic garbage in all, ~4,000 when the database is created or migrated, which the
freeze then keeps. The collector is back on once the heap is frozen.

``freeze_start_up_heap`` moves everything alive once start-up has finished into the
collector's permanent generation (``gc.freeze``): those objects are never walked again, so a
later full collection only walks what the session allocated since. Objects are still freed by
reference counting as before; only reference cycles among the start-up objects that become
garbage later would stay (the window's own structure lives as long as the process anyway).

A listing command (``hongtu plans list`` at 10,000 plans: ~70,000 rows' values, then as many
table cells) runs with the collector paused (``collector_paused``): everything it makes lives
until it has printed, so the ~40 collections it would trigger (~8 ms) would find nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_frozen = False
_paused = False


def pause_collector() -> None:
    """No cyclic collection until ``resume_collector`` (or ``freeze_start_up_heap``)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """The collector runs again, if ``pause_collector`` paused it (never one paused by others)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def freeze_start_up_heap() -> None:
    """Freeze what is alive now (once per process) and let the collector run again.

    The frozen objects are not counted: ``gc.get_freeze_count`` walks all of them (~12 ms at
    600,000 objects, on the GUI thread)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
        import logging  # not before the map page has started (``hongtu.cli.main``)

        logging.getLogger(__name__).info("start-up heap frozen")
    resume_collector()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection while the block runs; then the collector is as it was."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
