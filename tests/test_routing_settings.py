"""Travel settings refuse impossible values at their exact limits (found by mutation runs)."""

from __future__ import annotations

import pytest

from hongtu.core.routing import TravelSettings


@pytest.mark.parametrize(
    "field",
    [
        "coach_kmh",
        "cars_kmh",
        "walk_kmh",
        "public_kmh",
        "coach_intercity_kmh",
        "cars_intercity_kmh",
        "public_intercity_kmh",
    ],
)
def test_any_positive_speed_is_allowed_and_zero_is_not(field: str) -> None:
    assert getattr(TravelSettings(**{field: 0.5}), field) == 0.5  # a slow group, still moving
    with pytest.raises(ValueError):
        TravelSettings(**{field: 0.0})


@pytest.mark.parametrize("field", ["road_detour", "walk_detour"])
def test_a_detour_of_exactly_one_is_a_straight_line_and_allowed(field: str) -> None:
    assert getattr(TravelSettings(**{field: 1.0}), field) == 1.0
    with pytest.raises(ValueError):
        TravelSettings(**{field: 0.99})


@pytest.mark.parametrize(
    "field",
    [
        "coach_boarding_minutes",
        "cars_boarding_minutes",
        "walk_boarding_minutes",
        "public_boarding_minutes",
        "min_leg_minutes",
    ],
)
def test_no_minutes_are_allowed_and_negative_minutes_are_not(field: str) -> None:
    assert getattr(TravelSettings(**{field: 0}), field) == 0
    with pytest.raises(ValueError):
        TravelSettings(**{field: -1})


def test_no_urban_part_is_allowed_and_a_negative_one_is_not() -> None:
    assert TravelSettings(urban_road_km=0.0).urban_road_km == 0.0  # intercity speed throughout
    with pytest.raises(ValueError):
        TravelSettings(urban_road_km=-0.1)
