"""Looking for other programs' writes (a second window, the CLI) without blocking the window.

Every look runs on a thread of its own (one at a time): it asks the ``ChangeProbe`` whether
anything was committed since the last look (for SQLite one tiny ``PRAGMA data_version``) and
only then reads every plan's version (10,000 plans: 10–120 ms, which on the GUI thread froze
the window after each of its own saves, since those change the probe's answer too) and the
rosters the window holds for the 签到表. The look's result waits until the next
``ChangeWatcher.take``, so the caller's timer decides when changes are applied: a stopped timer
changes nothing on screen. Nothing here touches the window: the caller compares and applies.

``StampWatcher`` is the same look for a view of one small query's answer (the 台账 window and
``RecordStore.stamp``): the stamp is read, on the look thread, only after a commit.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool

from hongtu.qt.tasks import ThreadPoolRunner

if TYPE_CHECKING:
    from hongtu.core.members import Member
    from hongtu.core.sites import Site
    from hongtu.core.storage.changes import ChangeProbe
    from hongtu.core.storage.member_store import MemberStore
    from hongtu.core.storage.plan_store import PlanStore
    from hongtu.core.storage.site_store import SiteStore

log = logging.getLogger(__name__)

LOOK_TIMEOUT_MS = 20_000  # a look that takes longer (a locked database) is given up and redone
WATCH_MS = 500  # how often a window looks; what a look found is applied at the next tick


@dataclass(frozen=True)
class Look:
    """What a look found: every plan's stored version, those that moved since the previous look
    (all of them unknown at the first look), and the rosters of the branches asked about."""

    versions: dict[int, int]
    moved: frozenset[int]
    rosters: dict[str, tuple[Member, ...]]
    first: bool
    sites_stamp: tuple[object, ...] | None = None  # ``SiteStore.stamp`` at this look
    sites: list[Site] | None = None  # read when the stamp moved since the previous look
    replaced: bool = False  # another file stands at the database's path (nothing else read)


def look(
    probe: ChangeProbe,
    store: PlanStore,
    members: MemberStore | None,
    listed: Mapping[int, int] | None,
    branches: tuple[str, ...],
    again: bool,
    sites: tuple[SiteStore, tuple[object, ...] | None] | None = None,
) -> Look | None:
    """On the look thread: None when nothing was committed since the last look (and ``again``
    is False). ``listed``: the versions at the previous look (None: this is the first).
    ``sites``: the site store and the stamp of the previous look; the sites are read again
    when it moved (a place added, a position corrected by another program)."""
    if probe.replaced():
        return Look({}, frozenset(), {}, listed is None, replaced=True)
    if not probe.changed() and not again and listed is not None:
        return None
    current = store.versions()
    if listed is None:
        moved: frozenset[int] = frozenset()
    else:
        moved = frozenset(
            i for i in listed.keys() | current.keys() if listed.get(i) != current.get(i)
        )
    rosters = {b: tuple(members.members(b)) for b in branches} if members is not None else {}
    stamp, read = None, None
    if sites is not None:
        site_store, before = sites
        stamp = site_store.stamp()
        if before is not None and stamp != before:
            read = site_store.list_sites()
    return Look(current, moved, rosters, listed is None, stamp, read)


_runner: ThreadPoolRunner | None = None
_pool: QThreadPool | None = None


def _look_runner() -> ThreadPoolRunner:
    """One thread for every look of every window: looks never overlap, and never wait behind
    an export or an optimisation in the global pool. Owned by the application: a look still
    running outlives a window closed meanwhile."""
    global _runner, _pool
    if _runner is None:
        app = QCoreApplication.instance()
        _pool = QThreadPool(app)
        _pool.setMaxThreadCount(1)
        _runner = ThreadPoolRunner(app, _pool)
    return _runner


def wait_for_looks(timeout_ms: int) -> bool:
    """Until the look thread has done what it was given (a look, the closing of the probes of
    watchers closed just before): called before the database file is replaced, so that no
    probe still has it open. False if that took longer than ``timeout_ms``."""
    return _pool is None or _pool.waitForDone(timeout_ms)


class _Watcher:
    """One probe and at most one look in flight; a failed look is told (busy or unreadable for
    a moment: look again next time, whatever the probe says), a closed watcher looks no more."""

    #: what a failed look did not read again, for the log
    looked_for = "plans"

    def __init__(self, probe: ChangeProbe) -> None:
        self._probe = probe
        self._runner = _look_runner()
        self._looking = False
        self._again = False  # the last look failed: read next time whatever
        self._closed = False

    def close(self) -> None:
        """No more looks; the probe is closed on the look thread, after a look still running."""
        if self._closed:
            return
        self._closed = True
        self._runner.run(self._probe.close, _ignore, _ignore)

    def _on_failed(self, error: BaseException) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        self._looking = False
        if self._closed:  # the workspace may be closed under a late look: nothing to report
            return
        if not isinstance(error, SQLAlchemyError | sqlite3.Error | TimeoutError):
            raise error  # a bug: the crash handler reports it
        log.info(
            "%s not re-read after another program's write: %s",
            self.looked_for,
            type(error).__name__,
        )
        self._again = True


class ChangeWatcher(_Watcher):
    """The plans list's watcher; the last finished look is kept until it is taken."""

    def __init__(
        self,
        probe: ChangeProbe,
        store: PlanStore,
        members: MemberStore | None,
        sites: SiteStore | None = None,
    ) -> None:
        super().__init__(probe)
        self._store = store
        self._members = members
        self._sites = sites
        self._sites_stamp: tuple[object, ...] | None = None  # as the last look found it
        self._found: Look | None = None

    def take(self) -> Look | None:
        """The finished look not yet taken, if any."""
        found, self._found = self._found, None
        return found

    def start(self, listed: Mapping[int, int] | None, branches: tuple[str, ...]) -> None:
        """Starts a look unless one is running (or this watcher is closed)."""
        if self._looking or self._closed:
            return
        self._looking = True
        probe, store, members, again = self._probe, self._store, self._members, self._again
        sites = (self._sites, self._sites_stamp) if self._sites is not None else None
        self._runner.run(
            lambda: look(probe, store, members, listed, branches, again, sites),
            self._on_looked,
            self._on_failed,
            LOOK_TIMEOUT_MS,
        )

    def close(self) -> None:
        self._found = None
        super().close()

    def _on_looked(self, found: object) -> None:
        self._looking = False
        if self._closed:
            return
        self._again = False
        if isinstance(found, Look):
            self._found = found
            if found.sites_stamp is not None:
                self._sites_stamp = found.sites_stamp


class StampWatcher(_Watcher):
    """For a view that shows what ``read`` stamps: each look asks the probe whether anything
    was committed since the last one and only then reads the stamp (on the look thread),
    handing it to ``on_read`` on the GUI thread."""

    looked_for = "stamp"

    def start(
        self, read: Callable[[], tuple[object, ...]], on_read: Callable[[tuple[object, ...]], None]
    ) -> None:
        """Starts a look unless one is running (or this watcher is closed)."""
        if self._looking or self._closed:
            return
        self._looking = True
        probe, again = self._probe, self._again

        def look() -> tuple[object, ...] | None:
            return read() if probe.changed() or again else None

        def looked(stamp: object) -> None:
            self._looking = self._again = False
            if isinstance(stamp, tuple) and not self._closed:
                on_read(stamp)

        self._runner.run(look, looked, self._on_failed, LOOK_TIMEOUT_MS)


def _ignore(_result: object) -> None:
    pass
