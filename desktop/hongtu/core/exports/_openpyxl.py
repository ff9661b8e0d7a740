"""openpyxl, loaded without numpy.

openpyxl imports numpy when it is installed (about 0.2 s, as much as the rest of a command-line
XLSX export) only to accept numpy's number types as cell values, which HongTu never writes.
Importing this module first loads openpyxl with numpy hidden for that one import; numpy is not
imported, and stays importable for anything else. When openpyxl or numpy is already loaded
nothing changes.
"""

from __future__ import annotations

import sys

if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # "import numpy" raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]
