"""Offline map packages (issue 13, item 2), core: estimate, a polite resumable download from a
tile server the test starts on 127.0.0.1, and list/delete/export/import of MBTiles files."""

from __future__ import annotations

import logging
import socket
import sqlite3
import tempfile
import threading
import urllib.error
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.core.basemaps import BaseMapId
from hongtu.core.cancel import CancelledError
from hongtu.core.geo import Crs, LatLon
from hongtu.core.secrets import forget_all
from hongtu.core.tilepack import area
from hongtu.core.tilepack.download import (
    CUSTOM,
    USER_AGENT,
    BulkNotAllowedError,
    DownloadError,
    Politeness,
    TileSource,
    _RateLimit,
    download,
    provider_source,
)
from hongtu.core.tilepack.mbtiles import MBTiles, PackageError, PackageProblem, tms_row
from hongtu.core.tilepack.packages import (
    delete_package,
    export_package,
    import_package,
    list_packages,
    package_path,
    packages_dir,
)
from tile_server import TileServer, allow_loopback, serve_tiles, tile_bytes

KEY = "secretkey12345678"
FAST = Politeness(workers=2, min_interval=0.0, retries=3, backoff=1.0, timeout=5.0)
# A small box in 杏花岭: a handful of tiles at zoom 12–14
SMALL = area.BBox(112.55, 37.86, 112.58, 37.88)


def source(server: TileServer) -> TileSource:
    return TileSource(CUSTOM, server.url, "© Test tiles", Crs.WGS84, review_number="GS(2099)1号")


@pytest.fixture
def tile_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[TileServer]:
    forget_all()
    allow_loopback(monkeypatch)
    with serve_tiles() as server:
        yield server


def fetch_all(server: TileServer, name: str = "test", **kwargs: object):  # type: ignore[no-untyped-def]
    waits: list[float] = []
    kwargs.setdefault("politeness", FAST)
    result = download(
        package_path(name),
        name,
        source(server),
        KEY,
        SMALL,
        12,
        14,
        sleep=waits.append,
        **kwargs,  # type: ignore[arg-type]
    )
    return result, waits


def test_the_size_is_known_before_anything_is_fetched() -> None:
    city = area.estimate(area.tile_ranges(area.taiyuan_bbox(), 8, 14))
    county = area.estimate(area.tile_ranges(area.county_bbox("杏花岭区"), 8, 14))
    stops = area.points_bbox([LatLon(37.8706, 112.5627), LatLon(37.8590, 112.5490)])
    around = area.estimate(area.tile_ranges(stops, 8, 14))
    assert 0 < around.tiles < county.tiles < city.tiles
    assert city.bytes == city.tiles * area.TYPICAL_TILE_BYTES
    assert area.estimate(area.tile_ranges(area.taiyuan_bbox(), 8, 18)).too_large
    with pytest.raises(area.AreaError):
        area.county_bbox("不存在县")
    with pytest.raises(area.AreaError):
        area.points_bbox([])
    with pytest.raises(area.AreaError):
        area.tile_ranges(SMALL, 10, 19)


def test_tile_numbers_match_web_mercator() -> None:
    # 太原 at zoom 10 is in column 832, row 395
    assert area.lonlat_to_tile(112.55, 37.87, 10) == (832, 395)
    assert area.lonlat_to_tile(-180, 85.06, 0) == (0, 0)


def test_a_download_stores_every_tile_with_the_metadata_and_no_key(
    tile_server: TileServer, caplog
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    result, _ = fetch_all(tile_server)
    total = area.estimate(area.tile_ranges(SMALL, 12, 14)).tiles
    assert result.fetched == result.total == total
    assert all(ua == USER_AGENT for ua in tile_server.user_agents)
    assert all(f"key={KEY}" in r for r in tile_server.requests)  # the key goes to the provider
    path = package_path("test")
    with MBTiles(path) as store:
        meta = store.metadata()
        for z, x, y in area.tile_ranges(SMALL, 12, 14)[2].tiles():
            assert store.tile(z, x, y) == tile_bytes(z, x, y)
        # MBTiles rows are TMS (south-up)
        z, x, y = next(area.tile_ranges(SMALL, 14, 14)[0].tiles())
        raw = store._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, tms_row(z, y)),
        ).fetchone()[0]
        assert raw == tile_bytes(z, x, y)
    assert meta["name"] == "test" and meta["format"] == "png"
    assert (meta["minzoom"], meta["maxzoom"]) == ("12", "14")
    assert meta["attribution"] == "© Test tiles" and meta["provider"] == CUSTOM
    assert meta["bounds"] == SMALL.bounds_text()
    assert KEY.encode() not in path.read_bytes()
    assert KEY not in caplog.text
    [info] = list_packages()
    assert info.complete and info.tiles == total and info.review_number == "GS(2099)1号"


def test_503_answers_are_retried_with_growing_waits(tile_server: TileServer) -> None:
    tile_server.fail_first = 2
    result, waits = fetch_all(tile_server)
    assert result.fetched == result.total
    assert len(tile_server.requests) == 3 * result.total
    assert sorted(set(waits)) == [1.0, 2.0]  # back-off doubles


def test_a_tile_that_keeps_failing_stops_the_download_and_keeps_the_rest(
    tile_server: TileServer,
) -> None:
    first = next(area.tile_ranges(SMALL, 14, 14)[0].tiles())
    tile_server.always_fail = {"/{}/{}/{}.png".format(*first)}
    with pytest.raises(DownloadError) as caught:
        fetch_all(tile_server, politeness=Politeness(1, 0.0, retries=2, backoff=0.5))
    assert "503" in str(caught.value) and KEY not in str(caught.value)
    with MBTiles(package_path("test")) as store:
        assert store.tile_count() > 0
    [info] = list_packages()
    assert not info.complete
    tile_server.always_fail = set()
    result, _ = fetch_all(tile_server)
    assert result.fetched >= 1 and result.skipped > 0
    assert list_packages()[0].complete


def test_a_cancelled_download_resumes_where_it_stopped(tile_server: TileServer) -> None:
    total = area.estimate(area.tile_ranges(SMALL, 12, 14)).tiles
    seen: list[int] = []

    def stop_after_half() -> bool:
        return bool(seen) and seen[-1] >= total // 2

    with pytest.raises(CancelledError):
        fetch_all(
            tile_server, should_stop=stop_after_half, progress=lambda done, _all: seen.append(done)
        )
    with MBTiles(package_path("test")) as store:
        kept = store.tile_count()
    assert total // 2 <= kept < total
    before = len(tile_server.requests)
    result, _ = fetch_all(tile_server)
    assert result.skipped == kept and result.fetched == total - kept
    assert len(tile_server.requests) - before == total - kept  # nothing fetched twice


def test_requests_are_spaced_by_the_rate_limit() -> None:
    now = [0.0]
    waits: list[float] = []
    limit = _RateLimit(0.25, lambda: now[0], waits.append)
    for _ in range(3):
        limit.wait()
    assert waits == [0.25, 0.5]
    with pytest.raises(ValueError):
        Politeness(workers=3)


def test_providers_that_forbid_bulk_downloads_are_refused() -> None:
    for provider in (BaseMapId.OSM, BaseMapId.TIANDITU, BaseMapId.NONE):
        with pytest.raises(BulkNotAllowedError):
            provider_source(provider)
    amap = provider_source(BaseMapId.AMAP)
    assert amap.crs is Crs.GCJ02 and amap.attribution


def test_export_import_round_trip_and_delete(tile_server: TileServer, tmp_path: Path) -> None:
    fetch_all(tile_server, name="杏花岭")
    exported = export_package("杏花岭", tmp_path)
    assert exported == tmp_path / "杏花岭.mbtiles"
    delete_package("杏花岭")
    assert list_packages() == []
    info = import_package(exported)
    assert info.name == "杏花岭" and info.complete and info.tiles > 0
    with pytest.raises(PackageError) as caught:
        import_package(exported)
    assert caught.value.problem is PackageProblem.EXISTS
    renamed = import_package(exported, "copy")
    assert [p.name for p in list_packages()] == ["copy", "杏花岭"]
    assert renamed.tiles == info.tiles


def _garbage_files(folder: Path) -> dict[PackageProblem, Path]:
    text = folder / "notes.mbtiles"
    text.write_text("not a map", encoding="utf-8")
    plain = folder / "plain.mbtiles"
    with closing(sqlite3.connect(plain)) as db, db:
        db.execute("CREATE TABLE other (x)")
    no_meta = folder / "nometa.mbtiles"
    with MBTiles(no_meta, create=True):
        pass
    truncated = folder / "cut.mbtiles"
    with MBTiles(truncated, create=True) as store:
        store.set_metadata({"name": "cut", "format": "png"})
        store.put_tiles((12, x, 0, b"x" * 4000) for x in range(50))
    truncated.write_bytes(truncated.read_bytes()[:6000])
    return {
        PackageProblem.NOT_SQLITE: text,
        PackageProblem.NOT_MBTILES: plain,
        PackageProblem.NO_METADATA: no_meta,
        PackageProblem.CORRUPT: truncated,
        PackageProblem.MISSING: folder / "absent.mbtiles",
    }


def test_a_bad_file_is_refused_naming_the_problem_and_changes_nothing(tmp_path: Path) -> None:
    before = sorted(packages_dir().iterdir())
    for problem, path in _garbage_files(tmp_path).items():
        with pytest.raises(PackageError) as caught:
            import_package(path)
        assert caught.value.problem is problem, path.name
        assert sorted(packages_dir().iterdir()) == before
    with pytest.raises(PackageError) as caught:
        import_package(tmp_path / "notes.mbtiles", "../escape")
    assert caught.value.problem in (PackageProblem.BAD_NAME, PackageProblem.NOT_SQLITE)


@settings(max_examples=40, deadline=None)
@given(
    body=st.binary(max_size=2048),
    magic=st.booleans(),
)
def test_no_arbitrary_bytes_import_as_a_package(body: bytes, magic: bool) -> None:
    """Whatever a file holds, unless it is an MBTiles package it is refused with a named
    problem and the data folder is left as it was (the intranet import)."""
    from hongtu.core.tilepack.mbtiles import SQLITE_MAGIC

    before = sorted(packages_dir().iterdir())
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "地图.mbtiles"
        source.write_bytes((SQLITE_MAGIC if magic else b"") + body)
        with pytest.raises(PackageError) as caught:
            import_package(source)
    assert caught.value.problem in set(PackageProblem)
    assert sorted(packages_dir().iterdir()) == before


def test_cancelling_while_the_server_is_unreachable_stops_at_once() -> None:
    """No network: each tile is retried with growing waits (1+2+4 s); 取消 during the first
    wait ends the download as cancelled, not as a failure ~7 s later."""
    cancelled = threading.Event()
    waited: list[float] = []
    attempts: list[str] = []

    def unreachable(url: str, _timeout: float) -> bytes | None:
        attempts.append(url)
        raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        cancelled.set()  # the organiser presses 取消 during the first back-off wait

    server = TileSource(CUSTOM, "http://tiles.invalid/{z}/{x}/{y}.png", "© Test", Crs.WGS84)
    with pytest.raises(CancelledError):
        download(
            package_path("offline"),
            "offline",
            server,
            None,
            SMALL,
            12,
            12,
            politeness=Politeness(1, 0.0, retries=3, backoff=1.0),
            should_stop=cancelled.is_set,
            fetch=unreachable,
            sleep=sleep,
        )
    assert len(attempts) == 1  # no further tries after 取消
    assert sum(waited) <= 0.1  # stopped within a fraction of a second
