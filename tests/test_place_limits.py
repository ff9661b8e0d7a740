"""Every place 添加地点 (or `hongtu sites add`) accepts can be shared: 导出核实信息 writes a file
that 导入核实信息 takes. A name too long for the file, a second place of the same name or a
position outside China was accepted and then made the whole file unreadable."""

from __future__ import annotations

from datetime import datetime

import pytest

from hongtu.core.geo import Crs, LatLon
from hongtu.core.places import PlaceError, PlaceProblem, add_place
from hongtu.core.site_corrections import corrections_json, dump_corrections, read_corrections
from hongtu.core.sites import MAX_PLACE_NAME

IN_TAIYUAN = LatLon(37.87, 112.55)


def test_places_at_the_limits_export_into_a_file_that_imports(workspace) -> None:
    longest = "党" * MAX_PLACE_NAME
    add_place(workspace.sites, longest, IN_TAIYUAN, Crs.WGS84)
    add_place(workspace.sites, "村史馆", LatLon(37.80, 112.50), Crs.WGS84)
    add_place(workspace.sites, "村史馆（东门）", LatLon(37.81, 112.51), Crs.WGS84)
    data = corrections_json(
        workspace.sites.list_sites(), workspace.sites.list_edits(), "张三", "实地核实",
        datetime.now(),
    )  # fmt: skip
    read = read_corrections(dump_corrections(data))
    assert {entry.site.name for entry in read.entries} == {longest, "村史馆", "村史馆（东门）"}


@pytest.mark.parametrize(
    ("name", "point", "problem"),
    [
        ("党" * (MAX_PLACE_NAME + 1), IN_TAIYUAN, PlaceProblem.NAME_TOO_LONG),
        ("  村史馆 ", IN_TAIYUAN, PlaceProblem.DUPLICATE_NAME),  # the same name once trimmed
        ("意大利某地", LatLon(37.0, 12.0), PlaceProblem.OUTSIDE_CHINA),
    ],
)
def test_a_place_no_file_could_carry_is_refused_and_nothing_is_stored(
    workspace, name: str, point: LatLon, problem: PlaceProblem
) -> None:
    add_place(workspace.sites, "村史馆", LatLon(37.80, 112.50), Crs.WGS84)
    before = workspace.sites.count()
    with pytest.raises(PlaceError) as refused:
        add_place(workspace.sites, name, point, Crs.WGS84)
    assert refused.value.problem is problem
    assert workspace.sites.count() == before


def test_a_place_may_share_a_catalogue_sites_name(workspace) -> None:
    """The file names a catalogue site by its key: no clash with a place of the same name."""
    catalogue_name = next(s.name for s in workspace.sites.list_sites() if s.key is not None)
    site = add_place(workspace.sites, catalogue_name, IN_TAIYUAN, Crs.WGS84)
    assert site.key is None and site.name == catalogue_name
