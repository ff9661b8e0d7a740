"""PySide6 scans every module imported after it; HongTu's scan gives PySide6's answer without
decoding each file through ``inspect`` (``hongtu.qt.import_scan``)."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import hongtu.core.sites
import hongtu.qt.mainwindow
from hongtu.qt.import_scan import quick_scan, quicken_import_scan


def installed_scan() -> Any:
    """The scan PySide6 runs on every new import (its private hook)."""
    return sys.modules["shibokensupport.feature"]._mod_uses_pyside


def test_the_scan_is_replaced_once_the_qt_layer_is_imported() -> None:
    scan = installed_scan()
    assert hasattr(scan, "pyside_scan")  # this PySide6 (pinned) has the scan, and it is ours
    assert quicken_import_scan() is False  # a second call changes nothing
    assert installed_scan() is scan


@pytest.mark.parametrize(
    "module",
    [hongtu.qt.mainwindow, hongtu.core.sites, json, inspect, sys, importlib],
    ids=lambda m: m.__name__,
)
def test_every_answer_is_pysides_own(module: ModuleType) -> None:
    scan = installed_scan()
    assert scan(module) == scan.pyside_scan(module)


def test_a_module_naming_pyside6_only_in_a_comment_still_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mentions_it.py").write_text("# made for PySide6\nVALUE = 1\n", encoding="utf-8")
    (tmp_path / "does_not.py").write_text("VALUE = '红途'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    scan = installed_scan()
    for name, expected in (("mentions_it", True), ("does_not", False)):
        module = importlib.import_module(name)
        try:
            assert scan(module) is expected
            assert scan.pyside_scan(module) is expected
        finally:
            del sys.modules[name]


def test_importing_a_module_no_longer_decodes_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost this removes: PySide6 read each new module through inspect.getsource."""
    calls: list[object] = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: calls.append(obj) or real(obj))
    (tmp_path / "freshly_imported.py").write_text("VALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert importlib.import_module("freshly_imported").VALUE == 2
    finally:
        sys.modules.pop("freshly_imported", None)
    assert calls == []


def test_a_module_without_a_source_file_is_asked_pysides_way() -> None:
    asked: list[str] = []

    def pyside_scan(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    scan = quick_scan(pyside_scan)
    assert scan(sys) is False and asked == ["sys"]  # built in: no file
    gone = type(sys)("gone")
    gone.__file__ = "/nowhere/gone.py"  # a frozen bundle's modules name files that are not there
    assert scan(gone) is False and asked == ["sys", "gone"]
