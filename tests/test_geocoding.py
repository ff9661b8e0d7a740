"""Geocoding: failure kinds, CRS conversion, Nominatim's policy, and the background runner."""

from __future__ import annotations

import threading

import pytest
from geopy import exc as geopy_exc
from geopy.location import Location

from hongtu import __version__
from hongtu.core.coords import wgs84_to_bd09
from hongtu.core.geo import Crs, LatLon
from hongtu.core.geocoding import (
    USER_AGENT,
    GeocodeError,
    GeocodeFailure,
    MinInterval,
    baidu_service,
    failure_of,
    nominatim_service,
)
from hongtu.qt.tasks import SyncRunner, ThreadPoolRunner

PARK = LatLon(37.8576, 112.5606)


class FakeGeocoder:
    """Answers ``answer`` (or raises ``error``); with ``release``, only once the test sets it."""

    def __init__(
        self,
        answer=None,
        error: BaseException | None = None,
        release: threading.Event | None = None,
    ) -> None:
        self.answer, self.error, self.release = answer, error, release
        self.calls: list[tuple[str, dict]] = []
        self.threads: list[threading.Thread] = []

    def geocode(self, query: str, **kwargs):
        self.calls.append((query, kwargs))
        self.threads.append(threading.current_thread())
        if self.release is not None:
            self.release.wait()
        if self.error is not None:
            raise self.error
        return self.answer


def unlimited(fake: FakeGeocoder):
    """Nominatim with a fake geocoder and no one-per-second wait (the limit has its own test)."""
    service = nominatim_service(geocoder=fake)
    service.limiter = None
    return service


def test_nominatim_answers_are_wgs84_candidates() -> None:
    fake = FakeGeocoder([Location("迎泽公园, 太原", (PARK.lat, PARK.lon), {})])
    (candidate,) = unlimited(fake).geocode("  迎泽公园 ")
    assert candidate.point == PARK and candidate.source_crs is Crs.WGS84
    query, kwargs = fake.calls[0]
    assert query == "迎泽公园" and kwargs["country_codes"] == "cn" and not kwargs["exactly_one"]


def test_baidu_answers_are_converted_from_bd09() -> None:
    bd = wgs84_to_bd09(PARK)
    (candidate,) = baidu_service(
        "key", geocoder=FakeGeocoder(Location("x", (bd.lat, bd.lon), {}))
    ).geocode("q")
    assert candidate.source_crs is Crs.BD09
    assert abs(candidate.point.lat - PARK.lat) < 1e-6 and abs(candidate.point.lon - PARK.lon) < 1e-6


def test_baidu_without_a_key_says_so_before_any_request() -> None:
    with pytest.raises(GeocodeError) as info:
        baidu_service("  ")
    assert info.value.failure is GeocodeFailure.NO_KEY


def test_the_real_geocoders_identify_hongtu_and_are_built_offline() -> None:
    assert f"HongTu/{__version__}" == USER_AGENT
    service = nominatim_service(timeout_s=10)
    assert service.geocoder.headers["User-Agent"] == USER_AGENT  # type: ignore[attr-defined]
    assert service.geocoder.timeout == 10  # type: ignore[attr-defined]
    assert baidu_service("abc").crs is Crs.BD09


@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (geopy_exc.GeocoderTimedOut(), GeocodeFailure.TIMEOUT),
        (geopy_exc.GeocoderQuotaExceeded(), GeocodeFailure.REFUSED),
        (geopy_exc.GeocoderRateLimited("slow down"), GeocodeFailure.REFUSED),
        (geopy_exc.GeocoderAuthenticationFailure(), GeocodeFailure.REFUSED),
        (geopy_exc.GeocoderInsufficientPrivileges(), GeocodeFailure.REFUSED),
        (geopy_exc.GeocoderUnavailable(), GeocodeFailure.OFFLINE),
        (OSError("network unreachable"), GeocodeFailure.OFFLINE),
        (geopy_exc.GeocoderParseError(), GeocodeFailure.SERVICE_ERROR),
    ],
)
def test_every_failure_becomes_a_code(error, failure) -> None:
    assert failure_of(error) is failure
    with pytest.raises(GeocodeError) as info:
        unlimited(FakeGeocoder(error=error)).geocode("q")
    assert info.value.failure is failure


@pytest.mark.parametrize("answer", [None, [], [Location("x", (0, 0), {})][:0]])
def test_no_answer_is_no_result(answer) -> None:
    with pytest.raises(GeocodeError) as info:
        unlimited(FakeGeocoder(answer)).geocode("q")
    assert info.value.failure is GeocodeFailure.NO_RESULT


def test_nominatim_is_limited_to_one_request_per_second_app_wide() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limit = MinInterval(1.0, clock=lambda: now[0], sleep=sleep)
    limit.wait()
    now[0] += 0.25
    limit.wait()
    now[0] += 3
    limit.wait()
    assert slept == [pytest.approx(0.75)]
    assert nominatim_service(geocoder=FakeGeocoder()).limiter is nominatim_service().limiter


# ---- the runner ---------------------------------------------------------------------------------


def test_sync_runner_delivers_results_and_errors() -> None:
    got: list[object] = []
    SyncRunner().run(lambda: 7, got.append, got.append)
    SyncRunner().run(lambda: 1 / 0, got.append, got.append)
    assert got[0] == 7 and isinstance(got[1], ZeroDivisionError)


@pytest.mark.gui
def test_thread_pool_runner_works_off_the_gui_thread(qtbot) -> None:
    runner = ThreadPoolRunner()
    fake = FakeGeocoder([Location("迎泽公园", (PARK.lat, PARK.lon), {})])
    service = nominatim_service(geocoder=fake)
    service.limiter = None
    results: list[object] = []
    delivered_on: list[threading.Thread] = []

    def success(value: object) -> None:
        delivered_on.append(threading.current_thread())
        results.append(value)

    runner.run(lambda: service.geocode("迎泽公园"), success, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    assert results[0][0].point == PARK
    assert fake.threads[0] is not threading.main_thread()
    assert delivered_on == [threading.main_thread()]
    assert not runner.busy()


@pytest.mark.gui
def test_thread_pool_runner_reports_errors_and_timeouts(qtbot) -> None:
    runner = ThreadPoolRunner()
    refused = nominatim_service(geocoder=FakeGeocoder(error=geopy_exc.GeocoderQuotaExceeded()))
    refused.limiter = None
    answer = threading.Event()  # the slow service answers when the test says so
    slow = nominatim_service(geocoder=FakeGeocoder([], release=answer))
    slow.limiter = None
    errors: list[BaseException] = []
    late: list[object] = []
    try:
        runner.run(lambda: refused.geocode("q"), late.append, errors.append)
        runner.run(lambda: slow.geocode("q"), late.append, errors.append, timeout_ms=100)
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=5_000)
        kinds = sorted(type(e).__name__ for e in errors)
        assert kinds == ["GeocodeError", "TimeoutError"]
        refusal = next(e for e in errors if isinstance(e, GeocodeError))
        assert refusal.failure is GeocodeFailure.REFUSED
        # the slow job finishes late: its answer reaches the GUI thread and is dropped there
        # (the runner's own slot, connected first, has run when the test hears of it)
        with qtbot.waitSignal(runner.failed, timeout=5_000):
            answer.set()
    finally:
        answer.set()  # never leave a pool thread waiting
    assert late == [] and len(errors) == 2  # nothing else arrived
