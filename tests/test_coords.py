"""WGS-84 / GCJ-02 / BD-09 conversions and the pasted-coordinate parser."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.core.coords import (
    CoordinateParseError,
    ParseErrorCode,
    bd09_to_gcj02,
    bd09_to_wgs84,
    from_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    parse_coordinate_text,
    to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)
from hongtu.core.geo import Crs, LatLon

WUYI_SQUARE = LatLon(37.86111, 112.56791)  # 五一广场, Taiyuan (WGS-84)


def metres(a: LatLon, b: LatLon) -> float:
    return geodesic((a.lat, a.lon), (b.lat, b.lon)).meters


# Published sample values (wgs_lat, wgs_lon, gcj_lat, gcj_lon): the eviltransform test suite's
# Shanghai, Shenzhen and Beijing points.
EVILTRANSFORM_SAMPLES = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
]


@pytest.mark.parametrize(("wlat", "wlon", "glat", "glon"), EVILTRANSFORM_SAMPLES)
def test_wgs84_to_gcj02_matches_published_samples(
    wlat: float, wlon: float, glat: float, glon: float
) -> None:
    gcj = wgs84_to_gcj02(LatLon(wlat, wlon))
    assert gcj.lat == pytest.approx(glat, abs=1e-7)
    assert gcj.lon == pytest.approx(glon, abs=1e-7)


@pytest.mark.parametrize(("wlat", "wlon", "glat", "glon"), EVILTRANSFORM_SAMPLES)
def test_gcj02_to_wgs84_inverts_published_samples(
    wlat: float, wlon: float, glat: float, glon: float
) -> None:
    assert metres(gcj02_to_wgs84(LatLon(glat, glon)), LatLon(wlat, wlon)) < 0.05


# coordtransform's published values for the input (lon 116.404, lat 39.915) in Beijing.
def test_coordtransform_beijing_samples() -> None:
    source = LatLon(39.915, 116.404)
    expected = {
        wgs84_to_gcj02: (39.91640428150164, 116.41024449916938),
        gcj02_to_bd09: (39.92133699351021, 116.41036949371029),
        bd09_to_gcj02: (39.90865673957631, 116.39762729119315),
    }
    for convert, (lat, lon) in expected.items():
        got = convert(source)
        assert got.lat == pytest.approx(lat, abs=1e-9)
        assert got.lon == pytest.approx(lon, abs=1e-9)


def test_taiyuan_gcj_shift_is_about_556_m_mostly_east() -> None:
    gcj = wgs84_to_gcj02(WUYI_SQUARE)
    shift = metres(WUYI_SQUARE, gcj)
    east = metres(WUYI_SQUARE, LatLon(WUYI_SQUARE.lat, gcj.lon))
    assert 530 < shift < 580
    assert gcj.lon > WUYI_SQUARE.lon
    assert east / shift > 0.99


def test_taiyuan_bd09_adds_about_900_m() -> None:
    gcj = wgs84_to_gcj02(WUYI_SQUARE)
    bd = wgs84_to_bd09(WUYI_SQUARE)
    assert 850 < metres(gcj, bd) < 950
    assert 1300 < metres(WUYI_SQUARE, bd) < 1450


@pytest.mark.parametrize(
    "point",
    [LatLon(48.8566, 2.3522), LatLon(-33.86, 151.21), LatLon(39.7392, -104.9903), LatLon(0, 0)],
)
def test_outside_china_nothing_moves(point: LatLon) -> None:
    for crs in Crs:
        assert from_wgs84(point, crs) == point
        assert to_wgs84(point, crs) == point


def test_crs_dispatch_matches_direct_functions() -> None:
    assert from_wgs84(WUYI_SQUARE, Crs.WGS84) == WUYI_SQUARE
    assert from_wgs84(WUYI_SQUARE, Crs.GCJ02) == wgs84_to_gcj02(WUYI_SQUARE)
    assert from_wgs84(WUYI_SQUARE, Crs.BD09) == wgs84_to_bd09(WUYI_SQUARE)
    bd = wgs84_to_bd09(WUYI_SQUARE)
    assert to_wgs84(bd, Crs.BD09) == bd09_to_wgs84(bd)
    assert to_wgs84(bd, "bd09") == bd09_to_wgs84(bd)  # type: ignore[arg-type]


china_points = st.builds(
    LatLon,
    lat=st.floats(min_value=4.0, max_value=53.0),
    lon=st.floats(min_value=74.0, max_value=135.0),
)
taiyuan_points = st.builds(
    LatLon,
    lat=st.floats(min_value=37.3, max_value=38.5),
    lon=st.floats(min_value=111.5, max_value=113.2),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(china_points, taiyuan_points))
def test_gcj_round_trips_under_half_a_metre(point: LatLon) -> None:
    assert metres(gcj02_to_wgs84(wgs84_to_gcj02(point)), point) < 0.5
    assert metres(wgs84_to_gcj02(gcj02_to_wgs84(point)), point) < 0.5


@settings(max_examples=300, deadline=None)
@given(st.one_of(china_points, taiyuan_points))
def test_bd_round_trips_under_half_a_metre(point: LatLon) -> None:
    assert metres(bd09_to_gcj02(gcj02_to_bd09(point)), point) < 0.5
    assert metres(bd09_to_wgs84(wgs84_to_bd09(point)), point) < 0.5
    for crs in Crs:
        assert metres(to_wgs84(from_wgs84(point, crs), crs), point) < 0.5


# --- parser ----------------------------------------------------------------------------------

TAIYUAN = (37.86, 112.56)
DMS = (37 + 51 / 60 + 52 / 3600, 112 + 33 / 60 + 51 / 3600)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("112.56,37.86", TAIYUAN),  # Amap / Baidu coordinate pickers: lon,lat
        ("37.86, 112.56", TAIYUAN),  # lat, lon
        ("112.56，37.86", TAIYUAN),  # Chinese comma
        (" 37.86　112.56 ", TAIYUAN),  # spaces, including an ideographic space
        ("１１２.５６，３７.８６", TAIYUAN),  # full-width digits
        ("(37.86; 112.56)", TAIYUAN),
        ("lng: 112.56, lat: 37.86", TAIYUAN),
        ("纬度37.86 经度112.56", TAIYUAN),
        ("N37.86 E112.56", TAIYUAN),
        ("112.56E, 37.86N", TAIYUAN),
        ("37°51'52\"N 112°33'51\"E", DMS),
        ("37°51′52″N, 112°33′51″E", DMS),
        ("北纬37°51′52″ 东经112°33′51″", DMS),
        ("37度51分52秒，112度33分51秒", DMS),
        ("112°33'51\"E 37°51'52\"N", DMS),
        ("37°51.5'N 112°33.5'E", (37 + 51.5 / 60, 112 + 33.5 / 60)),
    ],
)
def test_parser_accepts_common_pastes(text: str, expected: tuple[float, float]) -> None:
    point = parse_coordinate_text(text)
    assert point.lat == pytest.approx(expected[0], abs=1e-9)
    assert point.lon == pytest.approx(expected[1], abs=1e-9)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", ParseErrorCode.EMPTY),
        ("  \t ", ParseErrorCode.EMPTY),
        ("37.86", ParseErrorCode.NOT_TWO_NUMBERS),
        ("37.86, 112.56, 800", ParseErrorCode.NOT_TWO_NUMBERS),
        ("37,86 112,56", ParseErrorCode.NOT_TWO_NUMBERS),  # decimal commas
        ("太原 37.86, 112.56", ParseErrorCode.UNEXPECTED_TEXT),
        ("37.86, 112.56x", ParseErrorCode.UNEXPECTED_TEXT),
        ("37°75'N 112°33'E", ParseErrorCode.INVALID_DMS),
        ("37.5°30'N 112°33'E", ParseErrorCode.INVALID_DMS),
        ("37N 38N", ParseErrorCode.HEMISPHERE_CONFLICT),
        ("37.86, 38.12", ParseErrorCode.AMBIGUOUS),  # two latitudes
        ("112.56, 113.01", ParseErrorCode.AMBIGUOUS),  # two longitudes
        ("48.8566, 2.3522", ParseErrorCode.OUT_OF_CHINA),  # Paris
        ("37.86S 112.56E", ParseErrorCode.OUT_OF_CHINA),
        ("500, 37.86", ParseErrorCode.OUT_OF_CHINA),
    ],
)
def test_parser_rejects_with_a_code(text: str, code: ParseErrorCode) -> None:
    with pytest.raises(CoordinateParseError) as caught:
        parse_coordinate_text(text)
    assert caught.value.code is code
    assert isinstance(caught.value, ValueError)


@settings(max_examples=200, deadline=None)
@given(china_points, st.booleans())
def test_parser_reads_either_order(point: LatLon, lon_first: bool) -> None:
    pair = (point.lon, point.lat) if lon_first else (point.lat, point.lon)
    got = parse_coordinate_text(f"{pair[0]!r},{pair[1]!r}")
    assert got == point
