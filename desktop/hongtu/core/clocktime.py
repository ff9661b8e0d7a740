"""Clock times as HongTu writes them, everywhere: ``HH:MM`` (``limits.parse_time`` reads them).

Views, print-outs, exports, the plan file, the database and the CLI all use ``hhmm``.
"""

from __future__ import annotations

from datetime import time


def hhmm(moment: time) -> str:
    """``09:05`` for five past nine; seconds are never shown."""
    return f"{moment.hour:02d}:{moment.minute:02d}"
