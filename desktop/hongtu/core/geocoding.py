"""Turning a typed address into candidate WGS-84 points, through an injectable geopy geocoder.

Every answer is a suggestion the organiser confirms on the map before anything is saved.
Failures are codes (``GeocodeFailure``), worded by the UI. The call blocks: the Qt layer runs it
off the GUI thread. Nominatim's policy (one request per second for the whole app, a real
User-Agent) is enforced here; Baidu answers in BD-09 and is converted to WGS-84.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from hongtu import __version__
from hongtu.core.coords import to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.core.secrets import remember

USER_AGENT = f"HongTu/{__version__}"
DEFAULT_TIMEOUT_S = 10.0
MAX_CANDIDATES = 5
#: Taiyuan and the counties around it, (lat, lon) corners as geopy wants them (a (lon, lat)
#: pair fails in geopy before any request): Nominatim prefers results inside.
TAIYUAN_VIEWBOX = ((38.4, 111.4), (37.3, 113.2))


class GeocoderKind(StrEnum):
    NOMINATIM = "nominatim"
    BAIDU = "baidu"


class GeocodeFailure(StrEnum):
    OFFLINE = "offline"  # no connection, DNS failure, blocked
    TIMEOUT = "timeout"
    REFUSED = "refused"  # bad key, quota used up, rate limited, not allowed
    NO_RESULT = "no_result"
    NO_KEY = "no_key"  # the provider needs a key and none is set
    SERVICE_ERROR = "service_error"  # the service answered, but with an error or nonsense


class GeocodeError(Exception):
    def __init__(self, failure: GeocodeFailure) -> None:
        super().__init__(failure.value)
        self.failure = failure


@dataclass(frozen=True, slots=True)
class Candidate:
    label: str  # what the service called the place (or the query, when it gave no name)
    point: LatLon  # WGS-84
    source_crs: Crs  # the system the service answered in


class GeopyLike(Protocol):
    def geocode(self, query: str, **kwargs: Any) -> Any: ...


class MinInterval:
    """At most one call per ``seconds`` across every thread that shares this object."""

    def __init__(
        self,
        seconds: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last: float | None = None

    def wait(self) -> None:
        with self._lock:
            if self._last is not None:
                remaining = self._last + self.seconds - self._clock()
                if remaining > 0:
                    self._sleep(remaining)
            self._last = self._clock()


#: Nominatim's usage policy: one request per second for the whole application.
NOMINATIM_LIMIT = MinInterval(1.0)


@dataclass
class GeocoderService:
    """One geocoder and what its answers mean: the CRS they are in and how to ask."""

    kind: GeocoderKind
    geocoder: GeopyLike
    crs: Crs
    query_kwargs: dict[str, Any] = field(default_factory=dict)
    limiter: MinInterval | None = None

    def geocode(self, query: str) -> list[Candidate]:
        """Candidates in WGS-84, best first; raises ``GeocodeError``."""
        query = " ".join(query.split())
        if not query:
            raise GeocodeError(GeocodeFailure.NO_RESULT)
        if self.limiter is not None:
            self.limiter.wait()
        try:
            answer = self.geocoder.geocode(query, **self.query_kwargs)
        except Exception as exc:
            raise GeocodeError(failure_of(exc)) from exc
        candidates = [c for c in _candidates(answer, self.crs, query) if c is not None]
        if not candidates:
            raise GeocodeError(GeocodeFailure.NO_RESULT)
        return candidates[:MAX_CANDIDATES]


def failure_of(exc: BaseException) -> GeocodeFailure:
    """The failure kind of an exception raised by a geopy geocoder (or its transport)."""
    from geopy import exc as geopy_exc  # geopy's import is slow; not at start-up

    if isinstance(exc, geopy_exc.GeocoderTimedOut | TimeoutError):
        return GeocodeFailure.TIMEOUT
    refused = (
        geopy_exc.GeocoderQuotaExceeded,
        geopy_exc.GeocoderAuthenticationFailure,
        geopy_exc.GeocoderInsufficientPrivileges,
    )
    if isinstance(exc, refused):
        return GeocodeFailure.REFUSED
    if isinstance(exc, geopy_exc.GeocoderUnavailable | OSError):
        return GeocodeFailure.OFFLINE
    return GeocodeFailure.SERVICE_ERROR


def _candidates(answer: Any, crs: Crs, query: str) -> list[Candidate | None]:
    if answer is None:
        return []
    locations: Sequence[Any] = answer if isinstance(answer, list | tuple) else [answer]
    return [_candidate(location, crs, query) for location in locations]


def _candidate(location: Any, crs: Crs, query: str) -> Candidate | None:
    try:
        given = LatLon(float(location.latitude), float(location.longitude))
    except (AttributeError, TypeError, ValueError):
        return None
    label = str(getattr(location, "address", "") or query)
    return Candidate(label=label, point=to_wgs84(given, crs), source_crs=crs)


def nominatim_service(
    timeout_s: float = DEFAULT_TIMEOUT_S, geocoder: GeopyLike | None = None
) -> GeocoderService:
    """Nominatim (OpenStreetMap), biased to Taiyuan. Building it touches no network."""
    if geocoder is None:
        from geopy.geocoders import Nominatim

        geocoder = Nominatim(user_agent=USER_AGENT, timeout=timeout_s)
    kwargs = {
        "exactly_one": False,
        "limit": MAX_CANDIDATES,
        "country_codes": "cn",
        "language": "zh-CN",
        "viewbox": TAIYUAN_VIEWBOX,
    }
    return GeocoderService(GeocoderKind.NOMINATIM, geocoder, Crs.WGS84, kwargs, NOMINATIM_LIMIT)


def baidu_service(
    key: str, timeout_s: float = DEFAULT_TIMEOUT_S, geocoder: GeopyLike | None = None
) -> GeocoderService:
    """Baidu (BaiduV3) with the organiser's key; answers are BD-09. Raises NO_KEY without one."""
    if not key.strip():
        raise GeocodeError(GeocodeFailure.NO_KEY)
    remember(key.strip())
    if geocoder is None:
        from geopy.geocoders import BaiduV3

        geocoder = BaiduV3(api_key=key.strip(), timeout=timeout_s, user_agent=USER_AGENT)
    # geopy's Baidu parser mishandles exactly_one=False; it returns one result anyway.
    return GeocoderService(GeocoderKind.BAIDU, geocoder, Crs.BD09, {"exactly_one": True})


def make_service(
    kind: GeocoderKind, baidu_key: str = "", timeout_s: float = DEFAULT_TIMEOUT_S
) -> GeocoderService:
    if kind is GeocoderKind.BAIDU:
        return baidu_service(baidu_key, timeout_s)
    return nominatim_service(timeout_s)
