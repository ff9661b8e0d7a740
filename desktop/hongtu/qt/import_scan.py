"""PySide6 reads the source of every module imported after it; HongTu has it read the bytes.

PySide6 replaces Python's ``__import__`` so that a module may opt into its ``__feature__``
switches (``snake_case``, ``true_property``). To learn which modules might, it looks for the word
"PySide6" in each newly imported module's source, read through ``inspect.getsource`` (linecache:
the file decoded, split into lines and joined again). On the way to the window that is some 100
modules, ~12–15 ms of the GIL while the map page loads, and SQLAlchemy's several hundred once the
database opens.

``quicken_import_scan`` answers the same question from the file's bytes, in one read; a module
without a plain ``.py`` file (built in, compiled, inside a frozen bundle) is still asked
PySide6's way. The answer is the same for every module, so nothing else changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (its import installs the scan this module replaces)

_WORD = b"PySide6"


def quicken_import_scan() -> bool:
    """Replace PySide6's per-import source scan with ``quick_scan``; False when this PySide6 has
    no such scan, or it is already replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or hasattr(scan, "pyside_scan"):
        return False
    feature._mod_uses_pyside = quick_scan(scan)  # type: ignore[union-attr]
    return True


def quick_scan(pyside_scan: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """``pyside_scan``'s answer (does the module's source mention PySide6?), read from the
    module's ``.py`` file as bytes; ``pyside_scan`` itself for a module without one."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return _WORD in source.read()
            except OSError:
                pass
        return bool(pyside_scan(module))

    uses_pyside.pyside_scan = pyside_scan  # type: ignore[attr-defined]
    return uses_pyside
