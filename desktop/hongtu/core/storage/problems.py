"""Why a database could not be opened. Kept free of SQLAlchemy so start-up can import it cheaply."""

from __future__ import annotations

from enum import StrEnum


class DatabaseProblem(StrEnum):
    LOCKED = "locked"
    CORRUPT = "corrupt"
    NOT_A_DATABASE = "not_a_database"
    NOT_HONGTU = "not_hongtu"  # a valid SQLite file of some other program
    TOO_NEW = "too_new"  # written by a newer HongTu
    NO_PERMISSION = "no_permission"
    BAD_URL = "bad_url"
    MIGRATION_FAILED = "migration_failed"


class DatabaseError(Exception):
    def __init__(self, problem: DatabaseProblem, location: str, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {location} {detail}".strip())
        self.problem = problem
        self.location = location
        self.detail = detail
