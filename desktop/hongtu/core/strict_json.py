"""JSON as the files people hand HongTu are read: an object that names a key twice is refused.

``json.loads`` keeps the last of two values for the same key and says nothing, so a hand-edited
plan file with ``"title": "A", …, "title": "B"`` would be imported as "B" although the organiser
may have read "A". Every reader of a file from outside (plan files, site-corrections files,
backup manifests) parses through ``loads`` here and refuses such a file, naming where.
"""

from __future__ import annotations

import json
from typing import Any


class DuplicateKeyError(ValueError):
    """An object names ``key`` twice; ``path`` is where, as ``plan.stops[2].title``."""

    def __init__(self, key: str, path: str) -> None:
        super().__init__(f"duplicate key {key!r} at {path}")
        self.key = key
        self.path = path


class _Repeated(dict[str, Any]):
    """An object that named ``repeated`` twice (looked for after parsing, to name its path)."""

    repeated = ""


def loads(text: str, **options: Any) -> Any:
    """``json.loads(text, **options)``, refusing an object with a key twice
    (``DuplicateKeyError``, a ``ValueError`` like every other reason the text is not read)."""
    repeated = False

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        data = dict(pairs)
        if len(data) == len(pairs):
            return data
        repeated = True
        marked = _Repeated(data)
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                marked.repeated = key
                break
            seen.add(key)
        return marked

    document = json.loads(text, object_pairs_hook=unique, **options)
    found = _first_repeated(document) if repeated else None
    if found is not None:
        raise DuplicateKeyError(*found)
    return document


def _first_repeated(document: Any) -> tuple[str, str] | None:
    """The first repeated key in reading order and its path; None when there is none. A loop,
    not recursion: a document nested as deep as the parser allows is walked too."""
    pending: list[tuple[Any, str]] = [(document, "")]
    while pending:
        value, path = pending.pop()
        if isinstance(value, _Repeated):
            return value.repeated, f"{path}.{value.repeated}".lstrip(".")
        if isinstance(value, dict):
            children = [(child, f"{path}.{key}".lstrip(".")) for key, child in value.items()]
        elif isinstance(value, list):
            children = [(child, f"{path}[{index}]") for index, child in enumerate(value)]
        else:
            continue
        pending.extend(reversed(children))
    return None


__all__ = ["DuplicateKeyError", "loads"]
