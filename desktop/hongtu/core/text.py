"""User text made safe to keep, show and write in every format.

Characters no file format can carry — lone surrogates (not text at all: they cannot be encoded
as UTF-8), C0/C1 control characters other than tab and line feed, and the non-characters
U+FFFE/U+FFFF — are replaced by U+FFFD (�), visibly, never dropped silently. So are the
bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a
"标题" with U+202E before it shows as "题标", on screen, on paper and in a terminal, so text would
not read as it is stored. Line ends become ``\\n``. ``clean_line`` is for one-line fields
(titles, names): line breaks and tabs become spaces.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, TypeVar

from hongtu.core.lazy_pattern import LazyPattern

REPLACEMENT = "\ufffd"
_UNCARRIABLE = LazyPattern(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAKS = LazyPattern("[\n\t\u2028\u2029\x85\x0b\x0c]")
# what ``clean_line`` would change: an uncarriable character, a line break, a tab or a CR
_NOT_CLEAN_LINE = LazyPattern(_UNCARRIABLE.source[:-1] + "\n\t\r\u2028\u2029]")

T = TypeVar("T")
#: ``html.escape``'s replacements; the ``html`` module itself loads every named entity of HTML
#: (~3 ms at start-up) for ``unescape``, which HongTu never needs.
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape_markup(text: str) -> str:
    """``text`` safe as HTML or XML text or a quoted attribute value (Qt's rich text too): as
    ``html.escape(text)``."""
    return text.translate(_MARKUP)


#: An input method's full-width digits (０–９) as the ASCII digits they are.
_FULL_WIDTH_DIGITS = str.maketrans({chr(0xFF10 + digit): str(digit) for digit in range(10)})


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits as ASCII (“９：３０” → “9：30”); nothing else changes."""
    return text.translate(_FULL_WIDTH_DIGITS)


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, visibly (its last one "…"), when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def has_uncarriable(value: str) -> bool:
    return _UNCARRIABLE.search(value.replace("\r", "")) is not None


def clean_text(value: str) -> str:
    """Multi-line text: line ends normalised, uncarriable characters replaced by U+FFFD."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNCARRIABLE.sub(REPLACEMENT, value)


def is_clean_line(value: str) -> bool:
    """``clean_line(value) == value``, without building a copy: one search, so many texts
    can be checked at once, joined."""
    return _NOT_CLEAN_LINE.search(value) is None


def clean_line(value: str) -> str:
    """One-line text: line breaks and tabs become spaces, then as ``clean_text``."""
    value = value.replace("\r\n", " ").replace("\r", " ")
    return clean_text(_LINE_BREAKS.sub(" ", value))



#: A Chinese (Han) character, or a kana: names written in them have no spaces of their own.
_HAN = r"[\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
_SPACE_BETWEEN_HAN = LazyPattern(f"(?<={_HAN})\\s+(?={_HAN})")


def person_name(text: str) -> str:
    """A person's name as HongTu keeps and compares it: spaces at the ends gone, a run of them
    one space, and none between two Chinese characters — Excel rosters pad two-character names
    for alignment ("王 芳", "张  伟", "王　芳" with U+3000), and that is still 王芳. Spaces in other
    names stay ("Tursun Ali"; "阿依古丽·买买提" keeps its ·)."""
    return _SPACE_BETWEEN_HAN.sub("", " ".join(text.split()))

def clean_strings(value: T) -> T:
    """``value`` with every string inside it (dataclasses, tuples, lists, dicts) cleaned."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value) if _UNCARRIABLE.search(value) or "\r" in value else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            new = _clean(old)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(_clean(item) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, list):
        entries = [_clean(item) for item in value]
        return value if all(a is b for a, b in zip(entries, value, strict=True)) else entries
    if isinstance(value, dict):
        cleaned = {_clean(k): _clean(v) for k, v in value.items()}
        same = all(a is b for a, b in zip(cleaned.values(), value.values(), strict=True))
        return value if same and len(cleaned) == len(value) else cleaned
    return value


def strings_in(value: object) -> Iterator[str]:
    """Every string inside ``value`` (dataclasses, tuples, lists, mappings), in order."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from strings_in(item)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or a spreadsheet's character units: two for each
    wide or full-width character (汉字, full-width punctuation), one for the rest."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


@cache
def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
