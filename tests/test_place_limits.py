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


def test_places_stored_before_the_limits_are_left_out_of_a_file_that_imports(
    tmp_path, capsys
) -> None:
    """A database from before these checks may hold such places: 导出核实信息 leaves them out
    and names them, and the file it writes is taken whole by 导入核实信息."""
    import sqlite3
    from contextlib import closing

    from hongtu.cli import main
    from hongtu.core.storage.site_store import NewPlace
    from hongtu.core.workspace import open_workspace

    db = tmp_path / "old.sqlite3"
    workspace = open_workspace(str(db))
    try:
        workspace.sites.add_places(
            [
                NewPlace("村史馆", LatLon(37.80, 112.50), Crs.WGS84),
                NewPlace("村史馆", LatLon(37.81, 112.51), Crs.WGS84),  # a second of one name
                NewPlace("意大利某地", LatLon(37.0, 12.0), Crs.WGS84),
                NewPlace("长名", IN_TAIYUAN, Crs.WGS84),
            ]
        )
    finally:
        workspace.close()
    with closing(sqlite3.connect(db)) as connection, connection:
        long_name = "党" * (MAX_PLACE_NAME + 5)
        connection.execute("UPDATE sites SET name = ? WHERE name = '长名'", (long_name,))
    out = tmp_path / "核实信息.json"
    args = ["--db", str(db), "sites", "export-corrections", "--output", str(out), "--by", "张三"]
    assert main(args) == 0
    said = capsys.readouterr()
    assert "已导出 1 条核实信息" in said.out
    assert "“村史馆”" in said.err and "“意大利某地”" in said.err and "没有导出" in said.err
    read = read_corrections(out.read_bytes())
    assert [entry.site.name for entry in read.entries] == ["村史馆"]
    receiver = tmp_path / "receiver.sqlite3"
    importing = ["sites", "import-corrections", str(out), "--accept-all"]
    assert main(["--db", str(receiver), *importing]) == 0
    names = [s.name for s in open_and_list(receiver) if s.key is None]
    assert names == ["村史馆"]


def open_and_list(db):  # type: ignore[no-untyped-def]
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(str(db))
    try:
        return workspace.sites.list_sites()
    finally:
        workspace.close()
