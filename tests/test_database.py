"""Opening the database: URL choice, refusal of unreadable files, backup before migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from hongtu.core import paths
from hongtu.core.storage.database import (
    SCHEMA_HEAD,
    DatabaseError,
    DatabaseProblem,
    open_database,
    resolve_url,
)
from hongtu.core.workspace import open_workspace


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.db_path()))
    config.set_main_option("sqlalchemy.url", url)
    return config


def test_schema_head_constant_matches_alembic_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert script.get_current_head() == SCHEMA_HEAD


def test_default_database_lives_in_the_user_data_folder(hongtu_home: Path) -> None:
    db = open_database()
    try:
        assert paths.default_database_file().exists()
        assert str(hongtu_home) in db.url
    finally:
        db.close()


def test_environment_variable_and_urls_choose_the_database(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HONGTU_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url(None).endswith("env.sqlite3")
    assert resolve_url("sqlite:///:memory:") == "sqlite:///:memory:"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_any_sqlalchemy_url_works_including_memory() -> None:
    db = open_database("sqlite://")
    try:
        with db.engine.connect() as con:
            revision = con.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert revision == SCHEMA_HEAD
    finally:
        db.close()


def test_wal_and_foreign_keys_are_on(tmp_path) -> None:
    db = open_database(str(tmp_path / "h.sqlite3"))
    try:
        with db.engine.connect() as con:
            assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_old_database_is_backed_up_before_migrating(tmp_path) -> None:
    file = tmp_path / "old.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0001")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO sites (id, key, origin, name, aliases, category, district, in_taiyuan,"
        " coord_confidence, coord_basis, coord_verified, facts, significance, notes, sources,"
        " search_keys) VALUES (1, NULL, 'user', '本单位门口', '[]', 'custom', '', 1, 'high',"
        " 'user', 1, '{}', '', '', '[]', '')"
    )
    con.commit()
    con.close()

    db = open_database(str(file))
    db.close()

    assert db.backup is not None and db.backup.exists()
    assert "0001" in db.backup.name
    backup = sqlite3.connect(db.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT name FROM sites").fetchall() == [("本单位门口",)]
    backup.close()
    migrated = sqlite3.connect(file)
    assert migrated.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    assert migrated.execute("SELECT name FROM sites").fetchall() == [("本单位门口",)]
    migrated.close()


def test_current_database_is_not_backed_up_again(tmp_path) -> None:
    file = tmp_path / "h.sqlite3"
    open_database(str(file)).close()
    again = open_database(str(file))
    again.close()
    assert again.backup is None
    assert not list(tmp_path.glob("*.backup-*"))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"this is a shopping list, not a database" * 50, DatabaseProblem.NOT_A_DATABASE),
        (b"SQLite format 3\x00" + b"\xff" * 2000, DatabaseProblem.CORRUPT),
    ],
)
def test_unreadable_file_is_refused_and_never_overwritten(tmp_path, content, problem) -> None:
    file = tmp_path / "bad.sqlite3"
    file.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        open_database(str(file))
    assert caught.value.problem in (problem, DatabaseProblem.CORRUPT,
                                    DatabaseProblem.NOT_A_DATABASE)
    assert file.read_bytes() == content
    assert not list(tmp_path.glob("*.backup-*"))


def test_foreign_sqlite_database_is_refused_untouched(tmp_path) -> None:
    file = tmp_path / "other.sqlite3"
    con = sqlite3.connect(file)
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()
    before = file.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(str(file))
    assert caught.value.problem is DatabaseProblem.NOT_HONGTU
    assert file.read_bytes() == before


def test_locked_database_is_reported_as_locked(tmp_path) -> None:
    file = tmp_path / "h.sqlite3"
    open_database(str(file)).close()
    holder = sqlite3.connect(file, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(str(file))
        assert caught.value.problem is DatabaseProblem.LOCKED
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_database_from_a_newer_hongtu_is_refused(tmp_path) -> None:
    file = tmp_path / "new.sqlite3"
    open_database(str(file)).close()
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(DatabaseError) as caught:
        open_database(str(file))
    assert caught.value.problem is DatabaseProblem.TOO_NEW


def test_workspace_seeds_the_catalogue_once(tmp_path) -> None:
    file = str(tmp_path / "h.sqlite3")
    first = open_workspace(file)
    count = first.sites.count()
    first.close()
    second = open_workspace(file)
    try:
        assert count >= 10
        assert second.sites.count() == count
        assert second.seed_report.added == 0
    finally:
        second.close()
