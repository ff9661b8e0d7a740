"""The page reads offline map packages through ``hongtu-tiles://pack/<name>/{z}/{x}/{y}``.

The scheme is served by ``TilePackHandler`` from the MBTiles file in the user's data folder:
GET only, the path checked (a known package name, three whole numbers in range), and never a
network request. Chromium must learn the scheme before the QApplication exists:
``register_tile_scheme`` is called once per process by ``run_gui`` and, for any other process
that imports the map, when this module is imported before the application is created.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtCore import QBuffer, QByteArray, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from hongtu.core.tilepack import HOST
from hongtu.core.tilepack import SCHEME as SCHEME_NAME

if TYPE_CHECKING:  # the store's modules load with the first tile: the page starts without them
    from hongtu.core.tilepack.mbtiles import MBTiles

log = logging.getLogger(__name__)

SCHEME = SCHEME_NAME.encode()
MIME = {"png": b"image/png", "jpg": b"image/jpeg", "webp": b"image/webp"}


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


class TilePackHandler(QWebEngineUrlSchemeHandler):
    """Answers tile requests from the packages' files; keeps one read-only handle per package."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stores: dict[str, tuple[MBTiles, bytes]] = {}

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802
        if bytes(job.requestMethod().data()) != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        url = job.requestUrl()
        where = parse_tile_path(url.host(), url.path())
        if where is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        name, z, x, y = where
        opened = self._store(name)
        data = opened[0].tile(z, x, y) if opened is not None else None
        if opened is None or data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        job.reply(opened[1], buffer)

    def forget(self, name: str) -> None:
        """Closes the package's file (it is being deleted or replaced); reopened on demand."""
        opened = self._stores.pop(name, None)
        if opened is not None:
            opened[0].close()

    def _store(self, name: str) -> tuple[MBTiles, bytes] | None:
        if name not in self._stores:
            from hongtu.core.tilepack.mbtiles import MBTiles
            from hongtu.core.tilepack.packages import package_path

            path = package_path(name)
            if not path.is_file():
                return None
            try:
                store = MBTiles(path, readonly=True)
                kind = MIME.get(store.metadata().get("format", "png"), b"image/png")
            except Exception:  # an unreadable file: no tiles, never a crash
                log.info("offline map package %s cannot be read", name)
                return None
            self._stores[name] = (store, kind)
        return self._stores[name]


def install_tile_handler(profile: QWebEngineProfile) -> TilePackHandler:
    """The profile's handler for the scheme (installed once per profile)."""
    existing = profile.urlSchemeHandler(SCHEME)
    if isinstance(existing, TilePackHandler):
        return existing
    handler = TilePackHandler(profile)
    profile.installUrlSchemeHandler(SCHEME, handler)
    return handler

