"""The organiser's corrections survive restarts and catalogue re-seeds."""

from __future__ import annotations

import dataclasses

import pytest

from hongtu.core.catalogue import load_catalogue
from hongtu.core.geo import Crs, LatLon
from hongtu.core.sites import PositionOrigin, VisitRules
from hongtu.core.storage.site_store import SiteNotFoundError
from hongtu.core.workspace import open_workspace


def site_named(workspace, name: str):
    return next(s for s in workspace.sites.list_sites() if s.name == name)


def test_catalogue_sites_come_with_sources_and_unknowns(workspace) -> None:
    site = site_named(workspace, "八路军驻晋办事处旧址")
    assert "八路军太原办事处旧址" in site.aliases
    assert site.sources and all(s.url.startswith("http") for s in site.sources)
    assert site.opening_hours.value is None and site.phone.value is None
    assert site.position is not None and site.position_is_estimate
    assert site.visit_minutes_is_default


def test_position_correction_survives_restart_and_reseed(tmp_path) -> None:
    file = str(tmp_path / "h.sqlite3")
    ws = open_workspace(file)
    site = site_named(ws, "太原解放纪念馆")
    corrected = ws.sites.set_position(site.id, LatLon(37.8912, 112.6203), Crs.GCJ02)
    assert not corrected.position_is_estimate
    ws.sites.set_fact(site.id, "phone", "0351-0000000")
    ws.close()

    catalogue = load_catalogue()
    newer = [dataclasses.replace(e, significance=e.significance + "（新版）")
             for e in catalogue.entries]
    ws = open_workspace(file)
    try:
        report = ws.sites.seed(newer, catalogue.version + 1)
        assert report.refreshed == len(newer)
        again = ws.sites.get(site.id)
        assert again.significance.endswith("（新版）")  # catalogue text refreshed
        assert again.position is not None
        assert again.position.point == LatLon(37.8912, 112.6203)  # the organiser's fix kept
        assert again.position.origin is PositionOrigin.USER
        assert again.position.crs_origin is Crs.GCJ02
        assert again.phone.value == "0351-0000000"
    finally:
        ws.close()


def test_restore_catalogue_position_undoes_the_correction(workspace) -> None:
    site = site_named(workspace, "高君宇故居")
    original = site.position
    workspace.sites.set_position(site.id, LatLon(38.1, 111.8), Crs.WGS84)
    restored = workspace.sites.restore_catalogue_position(site.id)
    assert restored.position == original
    assert restored.position_is_estimate


def test_visit_minutes_and_rules_are_the_organisers_to_set(workspace) -> None:
    site = site_named(workspace, "双塔革命烈士陵园")
    workspace.sites.set_visit_minutes(site.id, 90)
    rules = VisitRules(closed_weekdays=frozenset({0}), open_on_public_holidays=True)
    updated = workspace.sites.set_rules(site.id, rules)
    assert updated.visit_minutes == 90 and not updated.visit_minutes_is_default
    assert updated.rules == rules
    with pytest.raises(ValueError):
        workspace.sites.set_visit_minutes(site.id, 0)
    assert workspace.sites.get(site.id).visit_minutes == 90


def test_added_place_is_stored_in_wgs84_and_searchable(workspace) -> None:
    place = workspace.sites.add_place("机关大院门口", LatLon(37.87, 112.55), Crs.WGS84, "迎泽区")
    assert place.key is None and not place.position_is_estimate
    assert "jgdy" in place.search_keys
    with pytest.raises(ValueError):
        workspace.sites.add_place("  ", LatLon(37.87, 112.55), Crs.WGS84)


def test_unknown_site_is_reported(workspace) -> None:
    with pytest.raises(SiteNotFoundError):
        workspace.sites.get(9999)


def _stored_catalogue(file: str) -> dict[str, tuple[int, str]]:
    import sqlite3

    con = sqlite3.connect(file)
    try:
        rows = con.execute(
            "SELECT key, catalogue_version, significance FROM sites WHERE key IS NOT NULL"
        )
        return {key: (version, text) for key, version, text in rows}
    finally:
        con.close()


def _set_stored_catalogue(file: str, version: int, significance: str) -> None:
    import sqlite3

    con = sqlite3.connect(file)
    con.execute(
        "UPDATE sites SET catalogue_version = ?, significance = ? WHERE key IS NOT NULL",
        (version, significance),
    )
    con.commit()
    con.close()


def test_a_newer_catalogue_in_a_shared_database_is_left_as_it_is(tmp_path, caplog) -> None:
    """A database shared with a newer HongTu: this (older) release keeps the newer text."""
    file = str(tmp_path / "shared.sqlite3")
    open_workspace(file).close()
    bundled = load_catalogue().version
    _set_stored_catalogue(file, bundled + 1, "新版本的介绍")

    with caplog.at_level("INFO", logger="hongtu.core.storage.site_store"):
        ws = open_workspace(file)
    try:
        assert ws.seed_report.added == ws.seed_report.refreshed == 0
        assert ws.seed_report.newer_kept == bundled + 1
        assert site_named(ws, "太原解放纪念馆").significance == "新版本的介绍"
    finally:
        ws.close()
    stored = _stored_catalogue(file)
    assert set(stored.values()) == {(bundled + 1, "新版本的介绍")}
    assert "newer than this release" in caplog.text


def test_an_older_catalogue_in_the_database_is_refreshed(tmp_path) -> None:
    file = str(tmp_path / "shared.sqlite3")
    open_workspace(file).close()
    bundled = load_catalogue().version
    _set_stored_catalogue(file, bundled - 1, "旧版本的介绍")

    ws = open_workspace(file)
    try:
        assert ws.seed_report.refreshed == len(load_catalogue().entries)
        assert ws.seed_report.newer_kept is None
    finally:
        ws.close()
    stored = _stored_catalogue(file)
    assert {version for version, _ in stored.values()} == {bundled}
    assert not any(text == "旧版本的介绍" for _, text in stored.values())
