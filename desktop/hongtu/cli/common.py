"""What every `hongtu` subcommand shares: the translator, tables, errors and the workspace."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from itertools import repeat
from operator import add, sub
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # for the annotations only: the heavy modules load when a command runs
    import argparse
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from PySide6.QtCore import QCoreApplication

    from hongtu.core.members import Member
    from hongtu.core.pipeline import PlanView
    from hongtu.core.plans import Plan
    from hongtu.core.settings import Settings
    from hongtu.core.sites import Site
    from hongtu.core.workspace import Workspace


T = TypeVar("T")

def tr(text: str) -> str:
    """CLI text goes through Qt's translator too (installed only for ``--lang en``)."""
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Cli", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 participant”, “2 participants”)."""
    if "PySide6.QtCore" not in sys.modules:
        return text.replace("%n", str(count))
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Cli", text, None, count)


def column_widths(column: Sequence[str]) -> list[int]:
    """``display_width`` of every cell of a column, from each cell's length and UTF-8 size.

    Twice a cell's width is its length plus its UTF-8 size, as long as every non-ASCII
    character is a wide one of three bytes (汉字, full-width punctuation); the others present
    (“”, ·, 😀 …) are corrected for by counting them. Ten thousand plan titles: 19 → 3 ms."""
    from hongtu.core.text import char_width, display_width  # not before the window's map

    joined = "".join(column)
    if joined.isascii():
        return list(map(len, column))
    distinct = list(set(column))
    if len(distinct) * 2 < len(column):  # the same few texts again and again (党支部, 状态)
        measured = dict(zip(distinct, column_widths(distinct), strict=True))
        return list(map(measured.__getitem__, column))
    corrections = []  # (character, what it adds to length + size beyond twice its width)
    for ch in set(joined):
        if not ch.isascii():
            extra = len(ch.encode("utf-8", "surrogatepass")) + 1 - 2 * char_width(ch)
            if extra:
                corrections.append((ch, extra))
    if len(corrections) > 12:  # many odd characters: measure each cell instead
        return list(map(display_width, column))
    octets = map(len, map(str.encode, column, repeat("utf-8"), repeat("surrogatepass")))
    doubled = list(map(add, map(len, column), octets))
    for ch, extra in corrections:
        for index, cell in enumerate(column):
            if ch in cell:
                doubled[index] -= extra * cell.count(ch)
    return [size >> 1 for size in doubled]


def format_table(rows: Sequence[Sequence[str]]) -> str:
    """``rows`` (the first one the heading) as aligned columns, two spaces apart, a rule under
    the heading."""
    return "\n".join(table_blocks(list(zip(*rows, strict=True))))


def say_table(columns: Sequence[Sequence[str]]) -> None:
    """``say`` the table of ``columns`` (see ``table_blocks``), a block of lines at a time."""
    for block in table_blocks(columns):
        say(block)


_BLOCK_LINES = 500


def table_blocks(columns: Sequence[Sequence[str]]) -> Iterator[str]:
    """The table whose columns (each headed by its first cell, all of one length) are
    ``columns``, two spaces apart, a rule under the heading, no space at a line's end, in
    blocks of lines (joined, they are the table).

    Each cell is measured once and padded by ``str.ljust`` to its column's width (a wide
    character counting twice). A block is made only when the one before has been used, so
    10,000 plans never hold their padded cells and lines all at once: their memory is reused
    rather than newly mapped (~3.6 µs a page here). 10,000 plans: 65 → 12 ms."""
    measured = [column_widths(column) for column in columns]
    widths = [max(sizes) for sizes in measured]
    for start in range(0, len(columns[0]), _BLOCK_LINES):
        cut = slice(start, start + _BLOCK_LINES)
        padded = [
            _padded(column[cut], sizes[cut], width)
            for column, sizes, width in zip(columns, measured, widths, strict=True)
        ]
        lines = list(map(str.rstrip, map("  ".join, zip(*padded, strict=True))))
        if start == 0:
            lines.insert(1, "  ".join("-" * width for width in widths))
        yield "\n".join(lines)


def _padded(cells: Sequence[str], sizes: Sequence[int], width: int) -> Iterator[str]:
    """Each of ``cells`` (``sizes`` wide) with spaces after it, to ``width``."""
    return map(str.ljust, cells, map(sub, map(len, cells), map(sub, sizes, repeat(width))))


# Control characters a terminal may act on: C0 (but newline and tab), DEL and C1 (0x9b is CSI,
# a one-character ESC [). User text could otherwise move the cursor, retitle the window, hide
# lines or, on some terminals, answer back with typed input.
# C0 but tab and line feed, DEL, C1, and the bidirectional embedding/override/isolate controls.
# Patterns, compiled (and cached by ``re``) on first use: the window's start never needs them.
_TERMINAL_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
# json.dumps already escapes the C0 characters
_JSON_UNSAFE = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def terminal_safe(text: str) -> str:
    """``text`` with every terminal control character (ESC, C0, DEL, C1) and every bidirectional
    override removed (a stored "标题" never shows as "题标"). A file name's bytes that are not
    text (a GBK folder name in a UTF-8 locale) show as "�", so the folder is still named."""
    return re.sub(_TERMINAL_UNSAFE, "", re.sub("[\ud800-\udfff]", "\ufffd", text))


def json_safe(text: str) -> str:
    """JSON text with DEL, the C1 controls and the bidirectional overrides escaped (still the
    same JSON, nothing lost)."""
    return re.sub(_JSON_UNSAFE, lambda match: f"\\u{ord(match.group()):04x}", text)


class OutputError(Exception):
    """The command's output could not be written (redirected to a full disk, say)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def say(text: object = "", *, error: bool = False) -> None:
    """Every line the CLI prints goes through here, so user text never reaches the terminal
    with control sequences in it."""
    from hongtu.core.secrets import redact

    if error:
        with contextlib.suppress(OSError):  # where errors go cannot take them: nothing to say
            print(terminal_safe(redact(str(text))), file=sys.stderr)
        return
    _write_out(terminal_safe(redact(str(text))))


def say_json(data: object) -> None:
    import json

    _write_out(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))


@contextlib.contextmanager
def _output_refused() -> Iterator[None]:
    """stdout refusing the output is ``OutputError``; a reader that stopped (``| head``) is
    still ``BrokenPipeError``: the command then ends quietly."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc) from exc


def _write_out(text: str) -> None:
    with _output_refused():
        print(text)


def flush_output() -> None:
    """What is still buffered for stdout, written now (``OutputError`` if it cannot be), not
    at exit, where Python could only print a traceback-like warning."""
    with _output_refused():
        sys.stdout.flush()


def fail(message: str) -> int:
    """Say what went wrong on stderr; the exit status for a refused command."""
    say(tr("错误：") + message, error=True)
    return 2


#: Why a database cannot be written, which a command that only reads can live with.
_WRITES_REFUSED = ("read_only_file", "read_only_folder", "read_only_url")


def open_workspace(args: argparse.Namespace, *, reading: bool = False) -> Any:
    """The workspace of ``--db``. ``reading``: the command only reads, so a file the disk will
    not let it write (a read-only copy, a write-protected share) or a URL asking for read-only
    access is read as it is instead of refused."""
    from hongtu.core.storage.problems import DatabaseError
    from hongtu.core.workspace import open_workspace as open_at

    try:
        return open_at(args.db)
    except DatabaseError as exc:
        if not reading or exc.problem.value not in _WRITES_REFUSED:
            raise
    return open_at(args.db, read_only=True)


def site_map(workspace: Any) -> dict[int, Any]:
    return {site.id: site for site in workspace.sites.list_sites()}


def find_plan(workspace: Any, plan_id: int) -> Any:
    """The stored plan, or None when there is no plan with that number."""
    from hongtu.core.storage.plan_store import PlanNotFoundError

    try:
        return workspace.plans.get(plan_id)
    except PlanNotFoundError:
        return None


def plan_view(workspace: Workspace, plan: Plan, settings: Settings) -> PlanView:
    """``plan`` through the one pipeline, with the organiser's settings and today's date."""
    roster = workspace.members.members(plan.branch) if plan.branch.strip() else []
    return _render(plan, workspace.sites.list_sites(), settings, roster)


def read_or_open(
    args: argparse.Namespace,
    quick: Callable[[Any], T | None],
    whole: Callable[[Workspace], T],
) -> T:
    """What a listing reads: ``quick(args.read_ahead or args.db)`` straight from an up-to-date
    file (``quick_read``), or, when that says None, ``whole(workspace)`` with the workspace
    opened as every other command opens it (backup and migration, re-seed, refusals)."""
    found = quick(args.read_ahead or args.db)
    if found is not None:
        return found
    workspace = open_workspace(args, reading=True)
    try:
        return whole(workspace)
    finally:
        workspace.close()


def read_plan_view(args: argparse.Namespace) -> tuple[Plan, PlanView] | None:
    """Plan ``args.id`` and its view, for commands that only read it; None when not found.

    Read straight from the file when the workspace is already up to date (no ORM, migration or
    re-seed: ``quick_read.read_plan_quickly``); otherwise the workspace is opened exactly as
    every other command opens it (backup and migration, re-seed, refusals).
    """
    from hongtu.core.storage.quick_read import read_plan_quickly

    snapshot = read_plan_quickly(args.db, args.id)
    if snapshot is not None:
        return snapshot.plan, _render(snapshot.plan, snapshot.sites, args.settings, snapshot.roster)
    workspace = open_workspace(args, reading=True)
    try:
        plan = find_plan(workspace, args.id)
        if plan is None:
            return None
        return plan, plan_view(workspace, plan, args.settings)
    finally:
        workspace.close()


def _render(
    plan: Plan, sites: list[Site], settings: Settings, roster: Iterable[Member] = ()
) -> PlanView:
    from datetime import date

    from hongtu.core.pipeline import render_plan

    return render_plan(plan, sites, settings, today=date.today(), roster=roster)


def ensure_offscreen_app() -> QCoreApplication:
    """PDF rendering needs a QGuiApplication; the CLI never opens a window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    return QCoreApplication.instance() or QApplication([sys.argv[0]])
