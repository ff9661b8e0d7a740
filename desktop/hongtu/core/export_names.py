"""File names for exports that every file system accepts, whatever the plan's title.

Names are measured in UTF-8 bytes (ext4, APFS and most others allow 255 bytes per name, and a
Chinese character takes three), characters Windows forbids are dropped, reserved device names
(CON, NUL, COM1 …) get a prefix, and a name never ends in a dot or a space. The part that is cut
when a name is too long is the title: the date and the kind of document always stay.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

MAX_NAME_BYTES = 255
WINDOWS_FORBIDDEN = frozenset('<>:"/\\|?*')
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
_SPACES = re.compile(r"\s+")


def clean_part(text: str) -> str:
    """``text`` without characters a file name may not hold; runs of white space become one."""
    kept = "".join(
        ch for ch in text if ch not in WINDOWS_FORBIDDEN and ord(ch) >= 32 and ord(ch) != 127
    )
    return _SPACES.sub(" ", kept).strip()


def fit_bytes(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 encoding has at most ``limit`` bytes."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[: max(limit, 0)].decode("utf-8", errors="ignore")


def safe_file_name(stem: str, suffix: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``stem + suffix`` made valid: cleaned, shortened to ``max_bytes`` in UTF-8, not reserved,
    not ending in a dot or a space; ``hongtu`` when nothing is left of ``stem``."""
    room = max_bytes - len(suffix.encode("utf-8"))
    stem = fit_bytes(clean_part(stem), room).rstrip(". ")
    if not stem:
        stem = "hongtu"
    if stem.split(".")[0].upper() in RESERVED_NAMES:
        stem = fit_bytes(f"_{stem}", room).rstrip(". ")
    return stem + suffix


def default_file_name(
    day: date, title: str, kind: str, suffix: str, max_bytes: int = MAX_NAME_BYTES
) -> str:
    """``20251015-<title>-<kind><suffix>``; a long title is cut so the whole name fits."""
    head, tail = f"{day:%Y%m%d}-", f"-{clean_part(kind)}" if clean_part(kind) else ""
    fixed = len((head + tail + suffix).encode("utf-8"))
    title = fit_bytes(clean_part(title), max_bytes - fixed).rstrip(". ")
    stem = f"{head}{title}{tail}" if title else f"{head.rstrip('-')}{tail}"
    return safe_file_name(stem, suffix, max_bytes)


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (case-insensitive): a different known ending is replaced,
    anything else (a name with a dot of its own) gets ``suffix`` added."""
    if path.suffix.lower() == suffix.lower():
        return path
    if path.suffix.lower() in KNOWN_SUFFIXES:
        return path.with_name(safe_file_name(path.stem, suffix))
    return path.with_name(safe_file_name(path.name, suffix))


KNOWN_SUFFIXES = frozenset(
    {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".csv", ".ics", ".gpx", ".kml", ".html", ".htm",
     ".json", ".txt"}
)  # fmt: skip
