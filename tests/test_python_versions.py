"""HongTu starts on every Python it claims (3.11 and later): where the standard library is built
another way, its start-up speed-ups step aside instead of failing."""

from __future__ import annotations

import dataclasses
import enum

import pytest

from hongtu import dataclass_code
from hongtu.qt import quick_enums


def test_dataclasses_without_create_fn_leave_the_cache_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python 3.13 builds dataclasses' methods without ``_create_fn``: ``import hongtu`` raised
    AttributeError there, so HongTu did not start at all."""
    monkeypatch.delattr(dataclasses, "_create_fn", raising=False)  # none there on 3.13
    assert dataclass_code.install() is None


def test_an_enum_module_without_the_quick_way_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    standard = getattr(enum.EnumType._create_, "standard", enum.EnumType._create_)  # type: ignore[attr-defined]
    monkeypatch.setattr(enum.EnumType, "_create_", standard)
    monkeypatch.delattr(enum, "_simple_enum")
    assert quick_enums.install_quick_enums() is False
    assert enum.EnumType._create_ is standard  # type: ignore[attr-defined]
