"""Leg distances come from a fast formula that agrees with geopy's geodesic to the millimetre."""

from __future__ import annotations

from geopy.distance import geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.core.geo import LatLon
from hongtu.core.routing import distance_km

latitudes = st.floats(min_value=-85, max_value=85)
longitudes = st.floats(min_value=-180, max_value=180)
offsets = st.floats(min_value=-3, max_value=3)


@settings(max_examples=300, deadline=None)
@given(latitudes, longitudes, offsets, offsets)
def test_distances_match_geopy_to_a_millimetre(lat, lon, dlat, dlon) -> None:
    a = LatLon(lat, lon)
    b = LatLon(max(-89.0, min(89.0, lat + dlat)), ((lon + dlon + 180) % 360) - 180)
    assert abs(distance_km(a, b) - geodesic((a.lat, a.lon), (b.lat, b.lon)).km) < 1e-6


def test_nearly_antipodal_points_still_have_a_distance() -> None:
    a, b = LatLon(0.0, 0.0), LatLon(0.5, 179.7)
    assert abs(distance_km(a, b) - geodesic((0.0, 0.0), (0.5, 179.7)).km) < 1e-6


def test_taiyuan_to_loufan() -> None:
    km = distance_km(LatLon(37.8706, 112.5489), LatLon(38.0670, 111.7930))
    assert abs(km - geodesic((37.8706, 112.5489), (38.0670, 111.7930)).km) < 1e-6
    assert 65 < km < 75
