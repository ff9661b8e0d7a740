"""Fetching a package's tiles politely: few parallel requests, a rate limit, retries with
exponential back-off, timeouts and a real User-Agent. Resumable and cancellable.

Tiles already in the file are skipped, and fetched tiles are stored in small transactions, so an
interrupted or cancelled download keeps what it fetched and the next run continues from there.
The provider's key goes into the request URL only: no URL is logged, stored or put in an error.
A provider whose terms forbid bulk downloading is refused (``BulkNotAllowedError``).
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from hongtu import __version__
from hongtu.core.basemaps import KEY_PLACEHOLDER, BaseMapId, basemap, check_key
from hongtu.core.cancel import CancelledError, ShouldStop
from hongtu.core.geo import Crs
from hongtu.core.secrets import remember
from hongtu.core.tilepack.area import BBox, TileRange, check_zooms, tile_ranges
from hongtu.core.tilepack.mbtiles import AREA_KEY, COMPLETE_KEY, MBTiles

log = logging.getLogger(__name__)

USER_AGENT = f"HongTu/{__version__} (offline map package; +https://github.com/hongtu)"
CUSTOM = "custom"  # an organisation's own tile server, given by URL
BATCH = 32  # tiles per transaction
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
STOP_CHECK = 0.05  # seconds: a back-off wait asks this often whether the download was cancelled


class BulkPolicy(StrEnum):
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"


#: What each provider's terms say about fetching tiles for offline use (CHINA-MAPS.md):
#: OpenStreetMap's tile usage policy forbids it; 天地图 refuses bulk downloading. 高德's tile
#: URLs are undocumented (no stated terms); small areas are fetched at the polite pace below.
BULK_POLICY: dict[BaseMapId, BulkPolicy] = {
    BaseMapId.TIANDITU: BulkPolicy.FORBIDDEN,
    BaseMapId.AMAP: BulkPolicy.ALLOWED,
    BaseMapId.OSM: BulkPolicy.FORBIDDEN,
}


class BulkNotAllowedError(Exception):
    def __init__(self, provider: str) -> None:
        super().__init__(provider)
        self.provider = provider


class FailureKind(StrEnum):
    """Why a tile could not be fetched, as the window words it."""

    OFFLINE = "offline"  # no connection to the server (no network, refused, unknown host)
    TIMEOUT = "timeout"  # the server did not answer in time
    REFUSED = "refused"  # the provider said no (401, 403, 451): a key or its terms
    HTTP = "http"  # any other error answer from the server


REFUSED_STATUS = frozenset({401, 403, 451})


class DownloadError(Exception):
    """A tile could not be fetched after every retry; what was fetched is kept."""

    def __init__(
        self,
        z: int,
        x: int,
        y: int,
        reason: str,
        kind: FailureKind = FailureKind.OFFLINE,
        status: int | None = None,
    ) -> None:
        super().__init__(f"tile {z}/{x}/{y}: {reason}")  # never the URL (it may hold the key)
        self.reason = reason
        self.kind = kind
        self.status = status


@dataclass(frozen=True, slots=True)
class TileSource:
    provider: str  # a BaseMapId value, or CUSTOM
    url_template: str  # {s} {x} {y} {z} and optionally {key}
    attribution: str
    crs: Crs = Crs.WGS84
    subdomains: tuple[str, ...] = ()
    review_number: str | None = None
    image_format: str = "png"
    max_zoom: int = 18

    def url(self, z: int, x: int, y: int, key: str) -> str:
        sub = self.subdomains[(x + y) % len(self.subdomains)] if self.subdomains else ""
        return (
            self.url_template.replace("{s}", sub)
            .replace("{z}", str(z))
            .replace("{x}", str(x))
            .replace("{y}", str(y))
            .replace(KEY_PLACEHOLDER, quote(key, safe=""))
        )


def provider_source(basemap_id: BaseMapId) -> TileSource:
    """The provider's first tile layer as a download source; refuses bulk-forbidden providers."""
    if BULK_POLICY.get(basemap_id) is not BulkPolicy.ALLOWED:
        raise BulkNotAllowedError(basemap_id.value)
    provider = basemap(basemap_id)
    layer = provider.layers[0]
    return TileSource(
        provider=basemap_id.value,
        url_template=layer.url_template,
        attribution=provider.attribution,
        crs=provider.crs,
        subdomains=layer.subdomains,
        review_number=provider.review_number,
        max_zoom=layer.max_zoom,
    )


def source_key(source: TileSource, key: str | None) -> str:
    """The key to send: checked for a provider that needs one, as given for a custom server."""
    if source.provider == CUSTOM:
        usable = (key or "").strip()
    else:
        usable = check_key(basemap(source.provider), key)
    remember(usable)
    return usable


@dataclass(frozen=True, slots=True)
class Politeness:
    workers: int = 2  # parallel requests; never more than 2
    min_interval: float = 0.25  # seconds between two request starts (≤ 4 a second overall)
    retries: int = 4
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    timeout: float = 15.0

    def __post_init__(self) -> None:
        if not 1 <= self.workers <= 2:
            raise ValueError("a polite download uses one or two parallel requests")


Fetch = Callable[[str, float], bytes | None]  # bytes, or None for "no tile here" (404)
Progress = Callable[[int, int], None]  # (tiles done, tiles in the area)


class HttpStatusError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


def http_fetch(url: str, timeout: float) -> bytes | None:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        exc.close()  # its connection, else left for the garbage collector
        if exc.code in (204, 404):
            return None
        raise HttpStatusError(exc.code) from None


class _RateLimit:
    def __init__(self, interval: float, clock: Callable[[], float], sleep: Callable[[float], None]):
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            self._sleep(start - now)


@dataclass(frozen=True, slots=True)
class DownloadResult:
    fetched: int
    skipped: int  # already in the file (a resumed download)
    missing: int  # the server has no tile there (404)
    total: int


def package_metadata(
    name: str, source: TileSource, box: BBox, min_zoom: int, max_zoom: int, area_label: str = ""
) -> dict[str, str]:
    center_lon = (box.west + box.east) / 2
    center_lat = (box.south + box.north) / 2
    return {
        "name": name,
        "format": source.image_format,
        "type": "baselayer",
        "version": "1",
        "description": "HongTu offline map package",
        "bounds": box.bounds_text(),
        "center": f"{center_lon:.6f},{center_lat:.6f},{min_zoom}",
        "minzoom": str(min_zoom),
        "maxzoom": str(max_zoom),
        "attribution": source.attribution,
        "provider": source.provider,
        "crs": source.crs.value,
        "review_number": source.review_number or "",
        AREA_KEY: area_label,
    }


def download(
    path: Path,
    name: str,
    source: TileSource,
    key: str | None,
    box: BBox,
    min_zoom: int,
    max_zoom: int,
    *,
    politeness: Politeness | None = None,
    should_stop: ShouldStop | None = None,
    progress: Progress | None = None,
    area_label: str = "",
    fetch: Fetch = http_fetch,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> DownloadResult:
    """Fetches every tile of ``box`` (WGS-84) at ``min_zoom``–``max_zoom`` into ``path``.

    Raises ``CancelledError`` when ``should_stop`` says so and ``DownloadError`` when a tile
    fails every retry; in both cases the tiles fetched so far stay in the file for a resume.
    """
    check_zooms(min_zoom, min(max_zoom, source.max_zoom))
    polite = politeness or Politeness()
    usable = source_key(source, key)
    ranges = tile_ranges(box.in_crs(source.crs), min_zoom, min(max_zoom, source.max_zoom))
    total = sum(r.count for r in ranges)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = MBTiles(path, create=True)
    try:
        store.set_metadata(
            package_metadata(name, source, box, min_zoom, max_zoom, area_label)
            | {COMPLETE_KEY: "0"}
        )
        todo, skipped = _missing_tiles(store, ranges)
        if progress is not None:
            progress(skipped, total)
        limit = _RateLimit(polite.min_interval, clock, sleep)

        def one(z: int, x: int, y: int) -> tuple[int, int, int, bytes | None]:
            return (
                z,
                x,
                y,
                _fetch_with_retries(
                    z, x, y, source, usable, polite, fetch, _pauser(sleep, should_stop), limit
                ),
            )

        fetched, missing = _run(store, todo, one, polite, should_stop, progress, skipped, total)
        store.set_metadata({COMPLETE_KEY: "1"})
    finally:
        store.close()
    log.info("offline package %s: %d fetched, %d already there", name, fetched, skipped)
    return DownloadResult(fetched, skipped, missing, total)


def _missing_tiles(
    store: MBTiles, ranges: list[TileRange]
) -> tuple[list[tuple[int, int, int]], int]:
    todo: list[tuple[int, int, int]] = []
    skipped = 0
    for r in ranges:
        have = store.stored(r.z)
        for z, x, y in r.tiles():
            if (x, y) in have:
                skipped += 1
            else:
                todo.append((z, x, y))
    return todo, skipped


def _pauser(
    sleep: Callable[[float], None], should_stop: ShouldStop | None
) -> Callable[[float], None]:
    """A back-off wait that ends early, raising ``CancelledError``, once the download is
    cancelled (the retries of an unreachable server waited 15 s before 取消 took effect)."""
    if should_stop is None:
        return sleep

    def pause(seconds: float) -> None:
        left = seconds
        while left > 0:
            if should_stop():
                raise CancelledError
            sleep(min(STOP_CHECK, left))
            left -= STOP_CHECK
        if should_stop():
            raise CancelledError

    return pause


def _fetch_with_retries(
    z: int,
    x: int,
    y: int,
    source: TileSource,
    key: str,
    polite: Politeness,
    fetch: Fetch,
    pause: Callable[[float], None],
    limit: _RateLimit,
) -> bytes | None:
    """The tile, retried with growing waits; ``pause`` raises ``CancelledError`` if cancelled."""
    url = source.url(z, x, y, key)
    status: int | None = None
    for attempt in range(polite.retries + 1):
        limit.wait()
        try:
            return fetch(url, polite.timeout)
        except HttpStatusError as exc:
            status = exc.status
            if exc.status not in RETRY_STATUS:
                kind = FailureKind.REFUSED if exc.status in REFUSED_STATUS else FailureKind.HTTP
                raise DownloadError(z, x, y, f"HTTP {exc.status}", kind, exc.status) from None
            reason, kind = f"HTTP {exc.status}", FailureKind.HTTP
        except (OSError, TimeoutError) as exc:  # URLError, timeouts, refused connections
            status = None
            reason, kind = _connection_failure(exc)
        if attempt < polite.retries:
            pause(polite.backoff * (2**attempt))
    raise DownloadError(z, x, y, reason, kind, status)


def _connection_failure(exc: BaseException) -> tuple[str, FailureKind]:
    """A short reason (an exception's type, never its text: that may hold the URL) and kind."""
    cause = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(cause, TimeoutError):
        return "TimeoutError", FailureKind.TIMEOUT
    name = type(cause).__name__ if isinstance(cause, BaseException) else type(exc).__name__
    return name, FailureKind.OFFLINE


def _run(
    store: MBTiles,
    todo: list[tuple[int, int, int]],
    one: Callable[[int, int, int], tuple[int, int, int, bytes | None]],
    polite: Politeness,
    should_stop: ShouldStop | None,
    progress: Progress | None,
    done: int,
    total: int,
) -> tuple[int, int]:
    fetched = missing = 0
    batch: list[tuple[int, int, int, bytes]] = []
    pending: set[Future[tuple[int, int, int, bytes | None]]] = set()
    queue: Iterator[tuple[int, int, int]] = iter(todo)
    stopped = False
    failure: BaseException | None = None
    with ThreadPoolExecutor(max_workers=polite.workers, thread_name_prefix="tiles") as pool:
        while True:
            while not stopped and failure is None and len(pending) < polite.workers:
                if should_stop is not None and should_stop():
                    stopped = True
                    break
                item = next(queue, None)
                if item is None:
                    break
                pending.add(pool.submit(one, *item))
            if not pending:
                break
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    z, x, y, data = future.result()
                except CancelledError:
                    stopped = True
                    continue
                except DownloadError as exc:
                    failure = failure or exc
                    continue
                done += 1
                if data is None:
                    missing += 1
                else:
                    fetched += 1
                    batch.append((z, x, y, data))
            if len(batch) >= BATCH:
                store.put_tiles(batch)
                batch.clear()
            if progress is not None:
                progress(done, total)
    store.put_tiles(batch)
    cancelled_meanwhile = failure is not None and should_stop is not None and should_stop()
    if stopped or cancelled_meanwhile:
        raise CancelledError  # what the organiser asked for, even if a tile failed meanwhile
    if failure is not None:
        raise failure
    return fetched, missing
