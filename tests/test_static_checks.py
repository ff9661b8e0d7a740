"""The checks the README's test command runs before pytest, here too, so a full pytest run
catches a type error or dead code as early as a failing test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(tool: str) -> subprocess.CompletedProcess[str]:
    executable = BIN / tool
    if not executable.exists():
        found = shutil.which(tool)
        if found is None:
            pytest.fail(f"{tool} is not installed (it is in the test extra)")
        executable = Path(found)
    return subprocess.run(
        [str(executable)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_mypy_finds_no_type_errors() -> None:
    result = _run("mypy")  # configured in pyproject.toml: strict for hongtu.core
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_vulture_finds_no_dead_code() -> None:
    result = _run("vulture")  # paths in pyproject.toml; tools/vulture_whitelist.py: Qt & co.
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
