"""Keys (天地图, 百度, any future provider) never leave the settings file and the provider.

Every key the app is given is registered here (``remember``); ``redact`` replaces each one, and
anything that looks like a key in a URL's query (``tk=…``, ``ak=…``, ``key=…``), with ``***``.
The log handler and the crash report pass all their text through ``redact``, so a library's
error message that quotes a request URL cannot carry a key into a file or a dialog.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from urllib.parse import quote

from hongtu.core.lazy_pattern import LazyPattern

MASK = "***"
MIN_KEY_CHARS = 6  # shorter values are not treated as keys (they would mask ordinary words)

# The lookahead (?=[atsk]) changes no match: it lets ``re`` skip the positions where no key name
# starts without trying the lookbehind and every name at each (a 10,000-row ``plans list``:
# 36 → 15 ms).
_QUERY_KEY = LazyPattern(
    r"(?i)(?<![A-Za-z0-9_])((?=[atsk])(?:ak|tk|sk|key|apikey|api_key|access_token|token)=)"
    r"[^&\s\"'<>#]+"
)
_lock = threading.Lock()
_known: set[str] = set()


def remember(*keys: str | None) -> None:
    """Register keys (empty and very short values are ignored)."""
    with _lock:
        for key in keys:
            value = (key or "").strip()
            if len(value) >= MIN_KEY_CHARS:
                _known.update({value, quote(value, safe="")})


def known_keys() -> frozenset[str]:
    with _lock:
        return frozenset(_known)


def redact(text: str, keys: Iterable[str] = ()) -> str:
    """``text`` with every known key (and ``keys``) and every key-like URL parameter masked."""
    secrets = sorted(known_keys() | {k for k in keys if len(k) >= MIN_KEY_CHARS}, key=len)
    for secret in reversed(secrets):  # longest first, so a key inside another goes whole
        text = text.replace(secret, MASK)
    if "=" not in text:  # no key parameter without one
        return text
    return _QUERY_KEY.sub(lambda match: match.group(1) + MASK, text)


def forget_all() -> None:
    """Tests only: start from no known keys."""
    with _lock:
        _known.clear()


class RedactingFormatter(logging.Formatter):
    """A log formatter whose every line (message, arguments, traceback) has keys masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
