"""The Qt-free core: sites, plans, scheduling, routing, exports and storage.

Nothing under this package may import PySide6; `tests/test_core_is_qt_free.py` proves it.
"""
