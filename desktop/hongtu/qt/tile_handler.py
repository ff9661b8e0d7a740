"""Serves ``hongtu-tiles://`` (``hongtu.qt.tile_scheme``) from the offline map packages' files.

Installed on the web profile just before the map page loads (``MapView.load_page``), not before
the page can start: the page asks for a tile only when an offline base map is chosen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlSchemeHandler,
)

from hongtu.qt.tile_scheme import SCHEME, parse_tile_path

if TYPE_CHECKING:  # the store's modules load with the first tile: the page starts without them
    from hongtu.core.tilepack.mbtiles import MBTiles

log = logging.getLogger(__name__)

MIME = {"png": b"image/png", "jpg": b"image/jpeg", "webp": b"image/webp"}


class TilePackHandler(QWebEngineUrlSchemeHandler):
    """Answers tile requests from the packages' files; keeps one read-only handle per package."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # name → (the open store, its MIME type, the file it has open: path, device, inode)
        self._stores: dict[str, tuple[MBTiles, bytes, tuple[str, int, int]]] = {}

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

    def _store(self, name: str) -> tuple[MBTiles, bytes, tuple[str, int, int]] | None:
        """The package's open store, opened again when its file is another one now (replaced
        by ``hongtu tiles import`` in another process, or another data folder's package of the
        same name): the old handle would serve the old file's tiles, or none."""
        from hongtu.core.tilepack.packages import package_path

        path = package_path(name)
        try:
            stat = path.stat()
        except OSError:
            self.forget(name)
            return None
        identity = (str(path), stat.st_dev, stat.st_ino)
        opened = self._stores.get(name)
        if opened is not None and opened[2] == identity:
            return opened
        self.forget(name)
        from hongtu.core.tilepack.mbtiles import MBTiles

        try:
            store = MBTiles(path, readonly=True)
        except Exception:  # an unreadable file: no tiles, never a crash
            log.info("offline map package %s cannot be opened", name)
            return None
        try:
            kind = MIME.get(store.metadata().get("format", "png"), b"image/png")
        except Exception:  # a file still being written, or not a package: not held open
            store.close()
            log.info("offline map package %s cannot be read", name)
            return None
        self._stores[name] = (store, kind, identity)
        return self._stores[name]


def install_tile_handler(profile: QWebEngineProfile) -> TilePackHandler:
    """The profile's handler for the scheme (installed once per profile)."""
    existing = profile.urlSchemeHandler(SCHEME)
    if isinstance(existing, TilePackHandler):
        return existing
    handler = TilePackHandler(profile)
    profile.installUrlSchemeHandler(SCHEME, handler)
    return handler

