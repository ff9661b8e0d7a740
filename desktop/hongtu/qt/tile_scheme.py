"""The page reads offline map packages through ``hongtu-tiles://pack/<name>/{z}/{x}/{y}``.

The scheme is served by ``hongtu.qt.tile_handler.TilePackHandler`` from the MBTiles file in the
user's data folder: GET only, the path checked here (a known package name, three whole numbers
in range), and never a network request. Chromium must learn the scheme before the QApplication
exists (``register_tile_scheme``); this module is imported before the map page starts, so it
holds only that and the path check, and the handler is made when the page is loaded.
"""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtWebEngineCore import QWebEngineUrlScheme

from hongtu.core.tilepack import HOST
from hongtu.core.tilepack import SCHEME as SCHEME_NAME

SCHEME = SCHEME_NAME.encode()


def register_tile_scheme() -> None:
    """Tells Chromium about the scheme; a no-op once done (it must precede the QApplication)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def parse_tile_path(host: str, path: str) -> tuple[str, int, int, int] | None:
    """(name, z, x, y) of ``/<name>/<z>/<x>/<y>``, or None when anything is out of place."""
    if host != HOST:
        return None
    parts = unquote(path).split("/")
    if len(parts) != 5 or parts[0] != "":
        return None
    name, *numbers = parts[1:]
    from hongtu.core.tilepack.mbtiles import PackageError
    from hongtu.core.tilepack.packages import check_name

    try:
        check_name(name)
    except PackageError:
        return None
    if not all(n.isascii() and n.isdigit() and len(n) <= 7 for n in numbers):
        return None
    z, x, y = (int(n) for n in numbers)
    if z > 22 or x >= 1 << z or y >= 1 << z:
        return None
    return name, z, x, y
