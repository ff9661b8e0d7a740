"""An export either succeeds or says why; the old file survives; no input makes a format fail."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hongtu.core.atomic import (
    PARTIAL_SUFFIX,
    ExportError,
    ExportErrorCode,
    atomic_file,
    is_partial,
    remove_stale_partials,
    write_atomic,
)
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, export_plan
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.text import REPLACEMENT
from test_exports import QT_FREE, build_sample
from tiny_disk import tiny_disk

FIXTURES = HealthCheck.function_scoped_fixture


def _partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if is_partial(p)]


# ---- a full disk --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [ExportFormat.DOCX, ExportFormat.ICS, ExportFormat.JSON])
def test_a_full_disk_at_fsync_keeps_the_old_file(tmp_path: Path, monkeypatch, fmt) -> None:
    plan, sites, doc = build_sample()
    target = tmp_path / f"方案{fmt.suffix}"
    target.write_bytes(b"the old export")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as info:
        export_plan(doc, fmt, target, plan=plan, sites=sites, overwrite=True)
    assert info.value.code is ExportErrorCode.DISK_FULL
    assert target.read_bytes() == b"the old export"
    assert _partials(tmp_path) == []


def test_a_short_write_is_not_passed_off_as_a_file(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")
    with pytest.raises(ExportError) as info, atomic_file(target, size=10) as stream:
        stream.write(b"12345")  # the disk took only half
    assert info.value.code is ExportErrorCode.INCOMPLETE
    assert target.read_bytes() == b"old" and _partials(tmp_path) == []


def test_a_writer_that_writes_less_than_asked_is_a_full_disk(tmp_path: Path, monkeypatch) -> None:
    import io

    target = tmp_path / "a.ics"
    target.write_bytes(b"old")
    real_open = Path.open

    class Short(io.RawIOBase):
        def __init__(self, inner) -> None:
            self.inner = inner

        def writable(self) -> bool:
            return True

        def write(self, data) -> int:
            return self.inner.write(bytes(data)[: max(1, len(data) // 2)])

        def close(self) -> None:
            self.inner.close()
            super().close()

    def short_open(self, mode="r", *args, **kwargs):
        if mode == "wb" and is_partial(self):
            return Short(real_open(self, mode, *args, **kwargs))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", short_open)
    with pytest.raises(ExportError) as info:
        write_atomic(target, b"x" * 1000)
    assert info.value.code in (ExportErrorCode.DISK_FULL, ExportErrorCode.INCOMPLETE)
    assert target.read_bytes() == b"old" and _partials(tmp_path) == []


@pytest.mark.gui
@pytest.mark.parametrize("fmt", [ExportFormat.PDF, ExportFormat.SIGNIN])
def test_a_qt_pdf_that_ends_up_empty_is_refused(qapp, tmp_path: Path, monkeypatch, fmt) -> None:
    """Qt's PDF engine does not report a full disk: a 0-byte or cut-off file is caught."""
    from hongtu.qt import printing

    plan, sites, doc = build_sample()
    target = tmp_path / "日程.pdf"
    target.write_bytes(b"%PDF-1.4 the old one %%EOF")
    real = printing.print_document

    def cut(length: int):
        def fake(doc, kind, printer, **kwargs) -> None:
            real(doc, kind, printer, **kwargs)
            with open(printer.outputFileName(), "r+b") as stream:
                stream.truncate(length)

        return fake

    for length in (0, 2000):
        monkeypatch.setattr(printing, "print_document", cut(length))
        with pytest.raises(ExportError) as info:
            printing.export_document(doc, fmt, target, plan=plan, sites=sites, overwrite=True)
        assert info.value.code is ExportErrorCode.INCOMPLETE
        assert target.read_bytes() == b"%PDF-1.4 the old one %%EOF"
        assert _partials(tmp_path) == []


@pytest.mark.gui
def test_the_window_says_the_disk_may_be_full(qapp) -> None:
    from hongtu.qt.plan_outputs import export_error_text

    text = export_error_text(ExportError(ExportErrorCode.INCOMPLETE, Path("/x/日程.pdf")))
    assert "磁盘" in text and "原有文件没有被改动" in text
    assert "腾出空间，或换一个文件夹" in text  # and what to do about it
    full = export_error_text(ExportError(ExportErrorCode.DISK_FULL, Path("/x/日程.pdf")))
    assert "磁盘空间不足" in full and "腾出空间，或换一个文件夹" in full
    other = export_error_text(ExportError(ExportErrorCode.PERMISSION, Path("/x/日程.pdf")))
    assert "腾出空间" not in other


def test_the_command_line_says_what_to_do_about_a_full_disk(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from hongtu.cli import main
    from test_cli_plans import plan_file

    db = ["--db", str(tmp_path / "cli.sqlite3")]
    shared = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan"])
    assert main([*db, "plans", "import", str(shared)]) == 0
    plan_id = capsys.readouterr().out.strip()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "日程.ics"
    assert main([*db, "plans", "export", plan_id, "--format", "ics", "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"导出失败：磁盘空间不足：{target}。原有文件未被改动。" in err
    assert "请删除不需要的文件腾出空间，或用 --output 换一个位置" in err


@pytest.mark.gui
@pytest.mark.skipif(sys.platform != "linux", reason="a real tiny tmpfs needs Linux")
def test_a_real_full_disk_keeps_the_old_pdf_and_other_exports(qapp, tmp_path: Path) -> None:
    from hongtu.qt.printing import export_document

    plan, sites, doc = build_sample(stops=40)
    with tiny_disk(tmp_path / "disk") as disk:
        for fmt in (ExportFormat.PDF, ExportFormat.SIGNIN, ExportFormat.DOCX, ExportFormat.HTML):
            target = disk / f"old{fmt.suffix}"
            target.write_bytes(b"%PDF-1.4 old %%EOF")
            with open(disk / "filler", "wb") as filler, contextlib.suppress(OSError):
                filler.write(b"\0" * (64 * 1024 - 4 * 1024 - 4096))  # leave about 4 KiB free
            with pytest.raises(ExportError) as info:
                export_document(
                    doc, fmt, target, plan=plan, sites=sites, signin_names=[], overwrite=True
                )
            assert info.value.code in (ExportErrorCode.DISK_FULL, ExportErrorCode.INCOMPLETE)
            assert target.read_bytes() == b"%PDF-1.4 old %%EOF"
            assert _partials(disk) == []
            (disk / "filler").unlink()
            target.unlink()


# ---- leftovers of interrupted writes --------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from hongtu.core.atomic import atomic_file
    with atomic_file(Path(sys.argv[1])) as stream:
        stream.write(b"half of an export")
        stream.flush()
        print("writing", flush=True)
        if sys.argv[2] == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        sys.stdin.readline()  # still writing until the parent says so
    """
)


def _writer(target: Path, mode: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    return child


def test_a_killed_write_leaves_a_partial_that_the_next_start_removes(tmp_path: Path) -> None:
    dead = _writer(tmp_path / "killed.docx", "die")
    dead.communicate(timeout=30)
    assert dead.returncode == -signal.SIGKILL
    alive = _writer(tmp_path / "busy.docx", "wait")
    try:
        leftovers = sorted(p.name for p in _partials(tmp_path))
        assert len(leftovers) == 2 and all(name.endswith(PARTIAL_SUFFIX) for name in leftovers)
        removed = remove_stale_partials([tmp_path])
        assert [p.name for p in removed] == [n for n in leftovers if n.startswith(".killed")]
        assert [p.name.startswith(".busy") for p in _partials(tmp_path)] == [True]
    finally:
        alive.communicate("done\n", timeout=30)
    assert alive.returncode == 0
    assert (tmp_path / "busy.docx").read_bytes() == b"half of an export"
    assert _partials(tmp_path) == []
    assert not (tmp_path / "killed.docx").exists()


@pytest.mark.gui
def test_start_up_sweeps_the_settings_and_database_folders(tmp_path: Path, hongtu_home) -> None:
    from hongtu.core import paths
    from hongtu.qt.app import remove_leftovers

    db_folder = tmp_path / "db"
    db_folder.mkdir()
    leftovers = [
        paths.config_dir() / ".settings.x1.json.hongtu-partial",
        db_folder / ".hongtu.x2.sqlite3.hongtu-partial",
        paths.cache_dir() / "map" / ".hongtu-map.x3.html.hongtu-partial",
    ]
    for leftover in leftovers:
        leftover.parent.mkdir(parents=True, exist_ok=True)
        leftover.write_bytes(b"partial")
    keep = db_folder / "notes.hongtu-partial"  # not ours: no leading dot
    keep.write_bytes(b"x")
    remove_leftovers(str(db_folder / "hongtu.sqlite3"))
    assert not any(p.exists() for p in leftovers)
    assert keep.exists()


# ---- no text, date or length makes a format fail --------------------------------------------

NASTY = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=40),
    st.sampled_from(
        [
            "",
            "  ",
            "a\ud800b",
            "\udfff",
            "line1\nline2\r\nline3\rline4",
            "\x00\x07\x1b[31m\x7f\x85\u2028\u2029\ufeff\ufffe\uffff",
            "=SUM(A1)",
            "<script>&amp;</script>",
            "BEGIN:VEVENT\nEND:VCALENDAR",
            "长" * 3000,
            "x" * 10_000,
        ]
    ),
)
DAYS = st.one_of(
    st.sampled_from([date(9999, 12, 31), date(1, 1, 1), date(2024, 2, 29)]),
    st.dates(),
)


def _nasty_plan(data: st.DataObject):
    plan, sites, _ = build_sample()
    plan.title = data.draw(NASTY, "title")
    plan.branch = data.draw(NASTY, "branch")
    plan.organiser = data.draw(NASTY, "organiser")
    plan.phone = data.draw(NASTY, "phone")
    plan.notes = data.draw(NASTY, "notes")
    plan.date = data.draw(DAYS, "date")
    plan.gathering_time = data.draw(st.sampled_from([time(0, 0), time(8, 0), time(23, 59)]))
    custom = next(stop for stop in plan.stops if stop.custom is not None)
    assert custom.custom is not None
    custom.custom.name = data.draw(NASTY, "place")
    plan.stops[-1].activities[0].label = data.draw(NASTY, "label")
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    return plan, sites, build_document(plan, schedule, sites)


def _readable(path: Path, fmt: ExportFormat) -> None:
    """Each file is what its format says it is (parsers of the real world would open it)."""
    data = path.read_bytes()
    assert data
    if fmt in (ExportFormat.PDF, ExportFormat.SIGNIN):
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    elif fmt in (ExportFormat.DOCX, ExportFormat.XLSX):
        import zipfile

        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
    elif fmt is ExportFormat.ICS:
        from icalendar import Calendar

        Calendar.from_ical(data)
    elif fmt in (ExportFormat.GPX, ExportFormat.KML):
        import xml.etree.ElementTree as ET

        ET.fromstring(data)
    elif fmt is ExportFormat.JSON:
        import json

        json.loads(data.decode("utf-8"))
    else:
        data.decode("utf-8")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_text_or_date_makes_a_qt_free_format_fail(tmp_path: Path, data) -> None:
    plan, sites, doc = _nasty_plan(data)
    for fmt in QT_FREE:
        target = tmp_path / f"plan{fmt.suffix}"
        export_plan(doc, fmt, target, plan=plan, sites=sites, overwrite=True)
        _readable(target, fmt)
    assert _partials(tmp_path) == []


@pytest.mark.gui
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_text_or_date_makes_a_pdf_fail(qapp, tmp_path: Path, data) -> None:
    from hongtu.qt.printing import export_document

    plan, sites, doc = _nasty_plan(data)
    for fmt in (ExportFormat.PDF, ExportFormat.SIGNIN):
        target = tmp_path / f"plan-{fmt.value}.pdf"
        export_document(
            doc, fmt, target, plan=plan, sites=sites, signin_names=[plan.title], overwrite=True
        )
        _readable(target, fmt)


def test_what_a_format_cannot_carry_is_replaced_visibly_not_dropped(tmp_path: Path) -> None:
    plan, sites, _ = build_sample(evil=False)
    plan.title = "缅怀\ud800先烈\x07主题"
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    assert f"缅怀{REPLACEMENT}先烈{REPLACEMENT}主题" in doc.theme
    for fmt in (ExportFormat.HTML, ExportFormat.JSON):
        target = tmp_path / f"plan{fmt.suffix}"
        export_plan(doc, fmt, target, plan=plan, sites=sites)
        assert f"缅怀{REPLACEMENT}先烈{REPLACEMENT}主题" in target.read_text(encoding="utf-8")


def test_a_plan_on_the_last_calendar_day_exports_to_ics(tmp_path: Path) -> None:
    from icalendar import Calendar

    plan, sites, _ = build_sample()
    plan.date = date(9999, 12, 31)
    plan.gathering_time = time(22, 0)  # the day runs past the end of the calendar
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    target = export_plan(doc, ExportFormat.ICS, tmp_path / "plan.ics")
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert len(events) == 1 + len(plan.stops)
    assert all(e.decoded("dtend") >= e.decoded("dtstart") for e in events)
