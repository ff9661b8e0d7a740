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
