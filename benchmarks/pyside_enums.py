"""PySide6's enums made the standard way against the quick way (``hongtu.qt.quick_enums``).

    .venv/bin/python benchmarks/pyside_enums.py [--rounds 5]

Records, in a fresh Python, every enum PySide6 makes for the modules HongTu imports (each
class's every attribute touched: more than a start makes), then builds all of them again both
ways in this process, in turn, and reports the CPU time of each and their ratio. The last line
is JSON.
"""

from __future__ import annotations

import argparse
import enum
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "desktop"))

#: Every PySide6 module HongTu imports.
PYSIDE_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtNetwork",
    "QtPrintSupport",
    "QtSvg",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtCharts",
)

#: Run in a fresh Python: every enum PySide6 makes (each class's every attribute touched), as
#: the calls it makes: base, name, members, boundary.
RECORD_PYSIDE_ENUMS = """
import enum, importlib, json, sys
standard_call = enum.EnumType.__call__
calls = []
def record(cls, value, names=None, **options):
    if names is not None:
        pairs = [list(pair) for pair in names]
        calls.append([cls.__name__, value, pairs, options["boundary"].name])
        return standard_call(cls, value, names, **options)
    return standard_call(cls, value, **options)
enum.EnumType.__call__ = record
for name in sys.argv[1:]:
    module = importlib.import_module("PySide6." + name)
    for cls in [getattr(module, name) for name in dir(module)]:
        if isinstance(cls, type):
            for attribute in dir(cls):
                try:
                    getattr(cls, attribute)
                except Exception:
                    pass
json.dump(calls, sys.stdout)
"""

BASES = {base.__name__: base for base in (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)}

Call = tuple[str, str, list[tuple[str, int]], str]


def pyside_enum_calls() -> list[Call]:
    """Every enum call PySide6 makes for HongTu's modules, recorded in a fresh Python."""
    done = subprocess.run(
        [sys.executable, "-c", RECORD_PYSIDE_ENUMS, *PYSIDE_MODULES],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return [
        (base, name, [(member, value) for member, value in pairs], boundary)
        for base, name, pairs, boundary in json.loads(done.stdout)
    ]


def make(call: Call) -> type[enum.Enum]:
    """The enum of one recorded call, made as PySide6 makes it."""
    base, name, pairs, boundary = call
    return BASES[base](name, pairs, boundary=enum.FlagBoundary[boundary])  # type: ignore[no-any-return]


def cpu_seconds(calls: list[Call]) -> float:
    start = time.process_time()
    for call in calls:
        make(call)
    return time.process_time() - start


def timed_with(create: Callable[..., Any], calls: list[Call]) -> float:
    installed = enum.EnumType._create_  # type: ignore[attr-defined]
    enum.EnumType._create_ = create  # type: ignore[attr-defined]
    try:
        return cpu_seconds(calls)
    finally:
        enum.EnumType._create_ = installed  # type: ignore[attr-defined]


def main() -> None:
    from hongtu.qt.quick_enums import quick_create

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    calls = pyside_enum_calls()
    installed = enum.EnumType._create_  # type: ignore[attr-defined]
    standard = getattr(installed, "standard", installed)
    quick = quick_create(standard, enum._simple_enum)  # type: ignore[attr-defined]
    times: dict[str, list[float]] = {"standard": [], "quick": []}
    for _ in range(rounds):
        times["standard"].append(timed_with(standard, calls))
        times["quick"].append(timed_with(quick, calls))
    medians = {way: statistics.median(seconds) for way, seconds in times.items()}
    members = sum(len(call[2]) for call in calls)
    print(
        f"{len(calls)} enums, {members} members, median of {rounds} rounds (CPU): standard "
        f"{medians['standard'] * 1000:.1f} ms, quick {medians['quick'] * 1000:.1f} ms"
    )
    ratio = medians["standard"] / medians["quick"]
    print(json.dumps({"enums": len(calls), "members": members, **medians, "ratio": ratio}))


if __name__ == "__main__":
    main()
