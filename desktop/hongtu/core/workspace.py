"""Opening the organiser's workspace: the database, migrated and seeded from the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from hongtu.core.storage.database import (
    Database,
    DatabaseError,
    open_database,
    open_database_read_only,
    storage_error,
)
from hongtu.core.storage.member_store import MemberStore
from hongtu.core.storage.plan_store import PlanStore
from hongtu.core.storage.record_store import RecordStore
from hongtu.core.storage.site_store import SeedReport, SiteStore
from hongtu.core.storage.transactions import stored_rows


@dataclass(frozen=True)
class Workspace:
    database: Database
    sites: SiteStore
    plans: PlanStore
    seed_report: SeedReport
    members: MemberStore
    records: RecordStore

    def prefetch(self) -> None:
        """Read the sites and the plans list ahead (start-up: on the helper thread that opened
        the workspace), so the window does not wait for them on its own thread.

        A damaged value found here (``DatabaseError``) closes the workspace before it is raised:
        the caller never gets it, and nothing of it may stay open beside the file."""
        try:
            self.sites.prefetch()
            self.plans.prefetch()
        except DatabaseError:
            self.close()
            raise

    def close(self) -> None:
        self.database.close()


def open_workspace(db: str | None = None, *, read_only: bool = False) -> Workspace:
    """Open (migrating with a backup first) and bring the bundled catalogue in.

    A re-seed refreshes catalogue facts but never touches the organiser's corrections.
    ``read_only``: only to read a current file as it is (``open_database_read_only``): no
    re-seed, and every write raises.
    """
    from sqlalchemy.exc import IntegrityError, OperationalError

    from hongtu.core.catalogue import load_catalogue

    if read_only:
        database = open_database_read_only(db)
        return _workspace(database, SiteStore(database.sessions), SeedReport(0, 0))
    database = open_database(db)
    sites = SiteStore(database.sessions)
    catalogue = load_catalogue()
    try:
        with stored_rows(database.sessions):  # a stored value damage made unreadable
            report = sites.seed(catalogue.entries, catalogue.version)
    except (OperationalError, IntegrityError) as exc:  # full disk, locked for longer than the
        # busy timeout, an index that no longer matches its table (damage the quick check
        # cannot see: the catalogue's key is in the index, its row changed), …
        database.close()
        raise storage_error(exc, database.url, database.backup) from exc
    except DatabaseError:  # a stored value no longer readable: closed, nothing left beside it
        database.close()
        raise
    return _workspace(database, sites, report)


def _workspace(database: Database, sites: SiteStore, report: SeedReport) -> Workspace:
    sessions = database.sessions
    return Workspace(
        database,
        sites,
        PlanStore(sessions),
        report,
        MemberStore(sessions),
        RecordStore(sessions),
    )
