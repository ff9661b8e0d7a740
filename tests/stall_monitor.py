"""A stall monitor for the window's event loop, and a very large plan to stall it with."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, Plan, Stop

INTERVAL_MS = 10


class StallMonitor(QObject):
    """Ticks every 10 ms; ``worst`` is the longest time the event loop did not run it."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.worst = 0
        self.last = 0
        self.ticks = 0

    def start(self) -> None:
        self.worst = 0
        self.ticks = 0
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.ticks += 1
        self.worst = max(self.worst, now - self.last - INTERVAL_MS)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        self._tick()
        return self.worst


def big_plan(stops: int = 500, note_chars: int = 100_000) -> Plan:
    return Plan(
        title="五百站压力测试",
        date=date(2026, 7, 1),
        notes=("着正装，携带身份证；准时集合。\n" * (note_chars // 16 + 1))[:note_chars],
        stops=[
            Stop(
                custom=CustomPlace(
                    f"地点{i}", LatLon(37.70 + (i * 37 % 100) / 300, 112.40 + (i * 53 % 100) / 250)
                ),
                activities=[Activity(ActivityKind.TOUR, 20)],
            )
            for i in range(stops)
        ],
    )
