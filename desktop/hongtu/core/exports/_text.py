"""Small text helpers shared by the writers: XML-safe text and spreadsheet-safe cells."""

from __future__ import annotations

from hongtu.core.text import clean_text

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_text(value: str) -> str:
    """``value`` with what XML cannot hold (control characters, lone surrogates) shown as U+FFFD.

    ElementTree escapes the rest."""
    return clean_text(value)


def formula_like(value: str) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula (``= + - @``, tab, CR first)."""
    return value.startswith(_FORMULA_START)


def cell_text(value: str) -> str:
    """User text for a CSV cell: a leading ``= + - @``, tab or CR is quoted so it is never a
    formula."""
    value = xml_text(value)
    return "'" + value if formula_like(value) else value


def coord(value: float) -> str:
    return f"{value:.6f}"
