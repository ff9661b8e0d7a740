"""Keeping Python's cyclic garbage collector from freezing the window.

Once the window is up, the process holds some 300,000 long-lived objects (the modules, SQLAlchemy's
mappers, Qt's wrappers, the site catalogue, the plans list). A full ("generation 2") collection
walks every one of them and stops the GUI thread for 0.3–1 s on a loaded 2-core machine; the
allocations of an ordinary edit or of opening a large plan trigger one now and then
(``benchmarks/responsiveness.py`` caught a 389 ms pause while a 500-stop plan was opened).

``freeze_start_up_heap`` moves everything alive once start-up has finished into the
collector's permanent generation (``gc.freeze``): those objects are never walked again, so a
later full collection only walks what the session allocated since. Objects are still freed by
reference counting as before; only reference cycles among the start-up objects that become
garbage later would stay (the window's own structure lives as long as the process anyway).
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

_frozen = False


def freeze_start_up_heap() -> int:
    """Freeze what is alive now (once per process); returns how many objects are frozen."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
        log.info("start-up heap frozen: %d objects", gc.get_freeze_count())
    return gc.get_freeze_count()
