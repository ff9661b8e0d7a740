"""`hongtu sites add`: a place from the command line, stored in WGS-84."""

from __future__ import annotations

import json

import pytest

from hongtu.cli import main
from hongtu.core.coords import bd09_to_wgs84, gcj02_to_wgs84
from hongtu.core.geo import LatLon


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(capsys, db: str) -> list[dict]:
    code, out, _ = run_cli(capsys, "--db", db, "sites", "list", "--json")
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize(
    ("crs", "to_wgs84"),
    [("wgs84", lambda p: p), ("gcj02", gcj02_to_wgs84), ("bd09", bd09_to_wgs84)],
)
def test_add_converts_to_wgs84_and_prints_the_id(capsys, tmp_path, crs, to_wgs84) -> None:
    db = str(tmp_path / "cli.sqlite3")
    args = ["--name", "迎泽公园南门", "--lat", "37.8571", "--lon", "112.5632", "--crs", crs]
    code, out, err = run_cli(capsys, "--db", db, "sites", "add", *args)
    assert code == 0 and err == ""
    site_id = int(out.strip())
    site = next(s for s in listed(capsys, db) if s["id"] == site_id)
    expected = to_wgs84(LatLon(37.8571, 112.5632))
    assert site["lat"] == pytest.approx(expected.lat, abs=1e-9)
    assert site["lon"] == pytest.approx(expected.lon, abs=1e-9)
    assert site["coord_crs_origin"] == crs and site["coord_verified"] is True
    assert site["district"] == "迎泽区" and site["category"] == "custom"


def test_an_explicit_district_is_used(capsys, tmp_path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    code, out, _ = run_cli(
        capsys, "--db", db, "sites", "add", "--name", "某地", "--lat", "37.87",
        "--lon", "112.55", "--crs", "wgs84", "--district", "太原市杏花岭区",
    )  # fmt: skip
    assert code == 0
    site = next(s for s in listed(capsys, db) if s["id"] == int(out))
    assert site["district"] == "杏花岭区"


def test_outside_every_bundled_district_the_district_stays_empty(capsys, tmp_path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    code, out, _ = run_cli(
        capsys, "--db", db, "sites", "add", "--name", "北京某地", "--lat", "39.9",
        "--lon", "116.4", "--crs", "wgs84",
    )  # fmt: skip
    assert code == 0
    site = next(s for s in listed(capsys, db) if s["id"] == int(out))
    assert site["district"] == "" and site["in_taiyuan"] is False


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"--crs": "mars"}, "坐标系"),
        ({"--lat": "abc"}, "数字"),
        ({"--lat": "nan"}, "数字"),
        ({"--lat": "137.8"}, "纬度"),
        ({"--district": "火星区"}, "火星区"),
        ({"--name": "  "}, "名称"),
        ({"--name": "党" * 201}, "名称太长（最多 200 个字）"),
        ({"--lat": "37", "--lon": "12"}, "不在中国境内"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_is_written(
    capsys, tmp_path, changes, words
) -> None:
    db = str(tmp_path / "cli.sqlite3")
    before = len(listed(capsys, db))
    options = {"--name": "某地", "--lat": "37.87", "--lon": "112.55", "--crs": "wgs84"}
    options.update(changes)
    args = [part for pair in options.items() for part in pair]
    code, out, err = run_cli(capsys, "--db", db, "sites", "add", *args)
    assert code == 2 and out == ""
    assert words in err and "未保存" in err
    assert len(listed(capsys, db)) == before


def test_a_second_place_of_the_same_name_is_refused(capsys, tmp_path) -> None:
    """A corrections file names a place by its name: two of one name cannot be told apart."""
    db = str(tmp_path / "cli.sqlite3")
    args = ["--name", "村史馆", "--lat", "37.87", "--lon", "112.55", "--crs", "wgs84"]
    assert run_cli(capsys, "--db", db, "sites", "add", *args)[0] == 0
    before = len(listed(capsys, db))
    code, out, err = run_cli(capsys, "--db", db, "sites", "add", *args)
    assert code == 2 and out == ""
    assert "已有同名的地点“村史馆”" in err and "未保存" in err
    assert len(listed(capsys, db)) == before
    longest = "党" * 200  # the longest name a corrections file carries is accepted
    code, _, _ = run_cli(capsys, "--db", db, "sites", "add", *args[2:], "--name", longest)
    assert code == 0
