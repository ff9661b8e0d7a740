"""The app's log file, rolled over by size (``hongtu.log``, ``hongtu.log.1`` … ``.N``).

The same rollover as the standard library's ``RotatingFileHandler``, written out here because
``logging.handlers`` imports ``socket``, ``pickle`` and ``queue`` for its other handlers, which
the window would pay for before its first paint.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path


class RotatingLogFile(logging.FileHandler):
    """Appends to ``path``; a record that would take it past ``max_bytes`` first moves it to
    ``path.1`` (``.1`` to ``.2`` and so on, the oldest of ``backups`` dropped)."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(record):
                self._roll_over()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _would_overflow(self, record: logging.LogRecord) -> bool:
        if self.stream is None:  # closed by a roll-over that could not reopen it
            self.stream = self._open()
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False  # never roll over anything but a regular file (a pipe, /dev/null)
        line = f"{self.format(record)}{self.terminator}"
        self.stream.seek(0, 2)  # the end, as another process may have appended
        return self.stream.tell() > 0 and self.stream.tell() + len(line.encode()) > self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            older = f"{base}.{index}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{index + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)
        self.stream = self._open()
