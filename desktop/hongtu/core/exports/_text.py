"""Small text helpers shared by the writers: XML-safe text and spreadsheet-safe cells."""

from __future__ import annotations

import re

# characters XML 1.0 cannot hold at all (escaping does not help): C0 controls except tab/LF/CR
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_text(value: str) -> str:
    """``value`` minus the control characters XML cannot hold (ElementTree escapes the rest)."""
    return _XML_INVALID.sub("", value)


def cell_text(value: str) -> str:
    """User text for a CSV/XLSX cell: a leading ``= + - @`` is quoted so it is never a formula."""
    value = xml_text(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def coord(value: float) -> str:
    return f"{value:.6f}"
