"""The map page is built by Folium from local files only and cached."""

from __future__ import annotations

import json
import re

from hongtu.core import mappage, paths


def test_page_references_only_local_files_and_qt_resources() -> None:
    html = mappage.build_map_page_html()
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references, "the page should load Leaflet and HongTu's script"
    for ref in references:
        assert ref.startswith(("file://", "qrc:///")), ref
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html
    assert paths.resource_path("web", "vendor", "leaflet-1.9.3", "leaflet.js").as_uri() in html
    assert "hongtuMap.init(" in html  # the API starts after folium's map and layers exist


def test_page_has_no_base_map_and_carries_the_district_outlines() -> None:
    html = mappage.build_map_page_html()
    assert "tileLayer" not in html
    for name in ("杏花岭区", "娄烦县", "古交市"):  # folium writes the GeoJSON ASCII-escaped
        assert name in html or json.dumps(name)[1:-1] in html


def test_page_is_cached_and_reused() -> None:
    first = mappage.map_page_file()
    stamp = first.stat().st_mtime_ns
    again = mappage.map_page_file()
    assert again == first and again.stat().st_mtime_ns == stamp
    assert first.parent.parent == paths.cache_dir()


def test_opening_view_frames_the_catalogue_before_any_layer_is_drawn() -> None:
    from hongtu.core.catalogue import load_catalogue

    html = mappage.build_map_page_html()
    frame = mappage.catalogue_frame()
    assert frame is not None
    (south, west), (north, east) = frame
    for entry in load_catalogue():
        if entry.position is not None:
            point = entry.position.point
            assert south <= point.lat <= north and west <= point.lon <= east, entry.name
    fit = html.find("hongtuMap.openAt(")
    assert html.find("L.latLngBounds(" + json.dumps(frame), fit) == html.find("L.latLngBounds(")
    assert 0 < fit < html.find("hongtuMap.districtOutlines("), "frame first, then the outlines"


def test_a_page_the_cache_cannot_hold_is_given_whole_and_nothing_is_left(caplog) -> None:
    """A full disk or a cache folder that is not a folder: the page comes from memory."""
    (paths.cache_dir() / "map").write_text("not a folder")  # where the cached pages would go
    assert mappage.cached_map_page_file() is None
    with caplog.at_level("WARNING", logger="hongtu.core.mappage"):
        page = mappage.map_page()
    assert isinstance(page, str)
    assert _without_ids(page) == _without_ids(mappage.build_map_page_html())
    assert "loaded from memory" in caplog.text
    assert [p.name for p in paths.cache_dir().iterdir()] == ["map"]  # no partial file beside
    assert (paths.cache_dir() / "map").read_text() == "not a folder"


def test_a_cache_folder_that_is_a_file_is_not_a_cached_page(hongtu_home) -> None:
    hongtu_home.mkdir(parents=True, exist_ok=True)
    (hongtu_home / "cache").write_text("a file where the cache folder would be")
    assert mappage.cached_map_page_file() is None
    assert isinstance(mappage.map_page(), str)


def test_a_cached_page_is_given_as_its_file() -> None:
    built = mappage.map_page_file()
    assert mappage.map_page() == built == mappage.cached_map_page_file()


def _without_ids(html: str) -> str:
    """The page without the element names Folium draws at random for every build."""
    return re.sub(r"_[0-9a-f]{32}\b", "_", html)
