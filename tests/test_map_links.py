"""Reading a position out of a pasted map link (高德, 百度, 腾讯, OpenStreetMap), without the
network, in the system the link states; short links and other addresses are refused by code."""

from __future__ import annotations

import math
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.core.coords import CoordinateParseError, ParseErrorCode, parse_coordinate_text
from hongtu.core.geo import Crs, LatLon
from hongtu.core.map_links import MapSite, PastedPosition, read_pasted_position

SHANGLAN = LatLon(37.8706, 112.5489)  # as the links below give it


@pytest.mark.parametrize(
    ("text", "crs", "site"),
    [
        # 高德 URI API 单点标注: position=lon,lat, GCJ-02 unless coordinate=wgs84
        ("https://uri.amap.com/marker?position=112.5489,37.8706&name=xx", Crs.GCJ02, MapSite.AMAP),
        (
            "https://uri.amap.com/marker?position=112.5489,37.8706&name=首开广场&src=mypage"
            "&coordinate=gaode&callnative=0",
            Crs.GCJ02,
            MapSite.AMAP,
        ),
        ("uri.amap.com/marker?position=112.5489%2C37.8706&coordinate=wgs84", Crs.WGS84,
         MapSite.AMAP),
        ("【高德地图】单位门口\nhttps://uri.amap.com/marker?position=112.5489,37.8706 复制打开",
         Crs.GCJ02, MapSite.AMAP),
        # 百度 URI API 地图标点: location=lat,lng, BD-09 unless coord_type says otherwise
        (
            "http://api.map.baidu.com/marker?location=37.8706,112.5489&title=我的位置"
            "&content=百度奎科大厦&output=html&src=webapp.baidu.openAPIdemo",
            Crs.BD09,
            MapSite.BAIDU,
        ),
        ("https://api.map.baidu.com/marker?location=37.8706,112.5489&coord_type=gcj02&output=html",
         Crs.GCJ02, MapSite.BAIDU),
        ("https://api.map.baidu.com/geocoder?location=37.8706,112.5489&coord_type=wgs84",
         Crs.WGS84, MapSite.BAIDU),
        # 腾讯 URI API: marker=coord:lat,lng;title:…, GCJ-02 unless coord_type=1 (GPS)
        (
            "https://apis.map.qq.com/uri/v1/marker?marker=coord:37.8706,112.5489;title:超好吃冰激凌;"
            "addr:手帕口桥北铁路道口&referer=myapp",
            Crs.GCJ02,
            MapSite.TENCENT,
        ),
        ("https://apis.map.qq.com/uri/v1/geocoder?coord=37.8706,112.5489&coord_type=1&referer=x",
         Crs.WGS84, MapSite.TENCENT),
        # OpenStreetMap: the marker, else the map's centre; WGS-84
        ("https://www.openstreetmap.org/?mlat=37.8706&mlon=112.5489#map=16/37.87/112.55",
         Crs.WGS84, MapSite.OSM),
        ("https://www.openstreetmap.org/#map=17/37.8706/112.5489&layers=C", Crs.WGS84,
         MapSite.OSM),
        ("http://www.openstreetmap.org/?lat=37.8706&lon=112.5489&zoom=9", Crs.WGS84, MapSite.OSM),
    ],
)  # fmt: skip
def test_a_documented_map_link_gives_its_position_and_system(
    text: str, crs: Crs, site: MapSite
) -> None:
    assert read_pasted_position(text) == PastedPosition(SHANGLAN, crs, site)


def test_two_numbers_are_read_as_before_in_the_system_the_organiser_chooses() -> None:
    assert read_pasted_position(" 112.5489，37.8706 ") == PastedPosition(SHANGLAN)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("https://surl.amap.com/2aB3cDeF", ParseErrorCode.SHORT_LINK),
        ("【高德地图】太原解放纪念馆 https://surl.amap.com/2aB3cDeF", ParseErrorCode.SHORT_LINK),
        ("http://j.map.baidu.com/5a/Xyz", ParseErrorCode.SHORT_LINK),
        ("https://uri.amap.com/marker?poiid=B0FFFAB6J2&src=mypage", ParseErrorCode.UNREADABLE_LINK),
        ("https://www.amap.com/place/B0FFFAB6J2", ParseErrorCode.UNREADABLE_LINK),
        ("https://uri.amap.com/marker?position=112.5489&name=x", ParseErrorCode.UNREADABLE_LINK),
        ("https://uri.amap.com/marker?position=112.5489,37.8706&coordinate=bd09",
         ParseErrorCode.UNREADABLE_LINK),  # not a value the API has: not guessed
        ("https://uri.amap.com/marker?position=37.8706,112.5489", ParseErrorCode.OUT_OF_CHINA),
        ("https://apis.map.qq.com/uri/v1/marker?marker=coord:37.87,112.54|coord:37.8,112.5",
         ParseErrorCode.UNREADABLE_LINK),  # two places: which one?
        ("https://www.openstreetmap.org/#map=17/48.8566/2.3522", ParseErrorCode.OUT_OF_CHINA),
        ("https://www.openstreetmap.org/about", ParseErrorCode.UNREADABLE_LINK),
        ("https://example.com/?position=112.5489,37.8706", ParseErrorCode.UNREADABLE_LINK),
        ("http://api.map.baidu.com/marker?location=4534000.56,12529000.12&coord_type=bd09mc",
         ParseErrorCode.PROJECTED),
        ("http://api.map.baidu.com/marker?location=4534000.56,12529000.12&output=html",
         ParseErrorCode.PROJECTED),
    ],
)  # fmt: skip
def test_a_link_without_a_readable_position_is_refused_by_code(
    text: str, code: ParseErrorCode
) -> None:
    with pytest.raises(CoordinateParseError) as caught:
        read_pasted_position(text)
    assert caught.value.code is code and caught.value.text == text


@pytest.mark.parametrize(
    "text", ["12529000.12,4534000.56", "4534000.56, 12529000.12", "12958160 4825923"]
)
def test_mercator_metres_are_told_apart_from_a_place_outside_china(text: str) -> None:
    with pytest.raises(CoordinateParseError) as caught:
        parse_coordinate_text(text)
    assert caught.value.code is ParseErrorCode.PROJECTED


# ---- properties: links as they come, with their query parts in any order -------------------------

china = st.builds(
    LatLon,
    lat=st.floats(min_value=4.0, max_value=53.0),
    lon=st.floats(min_value=74.0, max_value=135.0),
)
OWN_KEYS = {"position", "coordinate", "location", "coord_type", "marker", "coord", "mlat", "mlon",
            "lat", "lon"}  # fmt: skip
extra_params = st.lists(
    st.tuples(
        st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).filter(
            lambda key: key not in OWN_KEYS
        ),
        st.text(max_size=12),  # any characters: the link carries them percent-encoded
    ),
    max_size=4,
)
scheme = st.sampled_from(["https://", "http://", ""])
around = st.sampled_from(["", " ", "\n", "\t ", "【高德地图】单位门口 ", "分享位置："])
after = st.sampled_from(["", " ", "\n", " 复制打开", "，点击查看"])


def link(base: str, own: list[tuple[str, str]], extra: list[tuple[str, str]], order: int) -> str:
    params = extra[:order] + own + extra[order:]
    return base + "?" + urlencode(params, quote_via=quote, safe=",:;")


@settings(max_examples=200, deadline=None)
@given(china, st.sampled_from(["", "gaode", "wgs84"]), extra_params, st.integers(0, 4), scheme,
       around, after)  # fmt: skip
def test_an_amap_link_is_read_whatever_else_it_carries(
    point: LatLon, system: str, extra: list[tuple[str, str]], order: int, start: str,
    before: str, behind: str,
) -> None:  # fmt: skip
    own = [("position", f"{point.lon!r},{point.lat!r}")]
    if system:
        own.append(("coordinate", system))
    text = before + link(f"{start}uri.amap.com/marker", own, extra, order) + behind
    crs = Crs.WGS84 if system == "wgs84" else Crs.GCJ02
    assert read_pasted_position(text) == PastedPosition(point, crs, MapSite.AMAP)


@settings(max_examples=200, deadline=None)
@given(china, st.sampled_from(["", "bd09ll", "gcj02", "wgs84"]), extra_params, st.integers(0, 4),
       scheme, around, after)  # fmt: skip
def test_a_baidu_link_is_read_latitude_first_whatever_else_it_carries(
    point: LatLon, system: str, extra: list[tuple[str, str]], order: int, start: str,
    before: str, behind: str,
) -> None:  # fmt: skip
    own = [("location", f"{point.lat!r},{point.lon!r}"), ("output", "html")]
    if system:
        own.append(("coord_type", system))
    text = before + link(f"{start}api.map.baidu.com/marker", own, extra, order) + behind
    crs = {"": Crs.BD09, "bd09ll": Crs.BD09, "gcj02": Crs.GCJ02, "wgs84": Crs.WGS84}[system]
    assert read_pasted_position(text) == PastedPosition(point, crs, MapSite.BAIDU)


@settings(max_examples=100, deadline=None)
@given(china, st.sampled_from(["", "1", "2"]), extra_params, st.integers(0, 4), scheme)
def test_a_tencent_marker_link_is_read_whatever_else_it_carries(
    point: LatLon, system: str, extra: list[tuple[str, str]], order: int, start: str
) -> None:
    own = [("marker", f"coord:{point.lat!r},{point.lon!r};title:单位门口;addr:迎泽大街")]
    if system:
        own.append(("coord_type", system))
    text = link(f"{start}apis.map.qq.com/uri/v1/marker", own, extra, order)
    crs = Crs.WGS84 if system == "1" else Crs.GCJ02
    assert read_pasted_position(text) == PastedPosition(point, crs, MapSite.TENCENT)


@settings(max_examples=100, deadline=None)
@given(china, st.integers(1, 19), st.booleans(), extra_params, scheme, around, after)
def test_an_openstreetmap_link_is_read_from_its_marker_or_its_map(
    point: LatLon, zoom: int, marker: bool, extra: list[tuple[str, str]], start: str,
    before: str, behind: str,
) -> None:  # fmt: skip
    own = [("mlat", repr(point.lat)), ("mlon", repr(point.lon))] if marker else []
    elsewhere = LatLon(point.lat / 2 + 15, point.lon / 2 + 50)  # the view may be elsewhere
    centre = elsewhere if marker else point
    url = link(f"{start}www.openstreetmap.org/", own, extra, 0)
    text = f"{before}{url}#map={zoom}/{centre.lat!r}/{centre.lon!r}{behind}"
    assert read_pasted_position(text) == PastedPosition(point, Crs.WGS84, MapSite.OSM)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["surl.amap.com", "j.map.baidu.com"]), scheme,
       st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1,
               max_size=12), around, after)  # fmt: skip
def test_a_short_link_is_never_opened_and_says_so(
    host: str, start: str, code: str, before: str, behind: str
) -> None:
    with pytest.raises(CoordinateParseError) as caught:
        read_pasted_position(f"{before}{start}{host}/{code}{behind}")
    assert caught.value.code is ParseErrorCode.SHORT_LINK


def web_mercator(point: LatLon) -> tuple[float, float]:
    radius = 6378137.0
    east = radius * math.radians(point.lon)
    north = radius * math.log(math.tan(math.pi / 4 + math.radians(point.lat) / 2))
    return east, north


@settings(max_examples=200, deadline=None)
@given(china, st.booleans(), st.sampled_from([",", ", ", " ", "，"]))
def test_mercator_metres_of_any_place_in_china_are_recognised(
    point: LatLon, east_first: bool, separator: str
) -> None:
    east, north = web_mercator(point)
    pair = (east, north) if east_first else (north, east)
    with pytest.raises(CoordinateParseError) as caught:
        read_pasted_position(f"{pair[0]:.2f}{separator}{pair[1]:.2f}")
    assert caught.value.code is ParseErrorCode.PROJECTED
