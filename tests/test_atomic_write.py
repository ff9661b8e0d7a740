"""The atomic writer keeps an existing file's permissions and forces the data to disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from hongtu.core.atomic import (
    NEW_FILE_MODE,
    ExportError,
    ExportErrorCode,
    IncompleteFileError,
    error_code,
    export_error,
    verify_pdf,
    write_atomic,
)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_replacing_a_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "plan.csv"
    target.write_bytes(b"old")
    target.chmod(mode)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == mode


def test_a_new_file_gets_the_usual_mode_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_atomic(tmp_path / "new.csv", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == NEW_FILE_MODE == 0o644


def test_data_and_folder_are_fsynced_around_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        content = Path(path).read_bytes() if Path(path).is_file() else None
        events.append(("fsync", path if content is None else f"{path}={content.decode()}"))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(("replace", f"{os.fspath(src)}->{os.fspath(dst)}"))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(target, b"new plan")

    assert [kind for kind, _ in events] == ["fsync", "replace", "fsync"]
    synced_file, renamed, synced_folder = (what for _, what in events)
    temp = renamed.split("->")[0]
    assert synced_file == f"{temp}=new plan"  # the whole new content, before the rename
    assert renamed == f"{temp}->{target}" and Path(temp).parent == tmp_path
    assert synced_folder == str(tmp_path)  # the rename itself is made durable
    assert target.read_bytes() == b"new plan"


def test_an_error_without_a_number_is_other_and_keeps_its_words(tmp_path: Path) -> None:
    assert error_code(OSError("odd")) is ExportErrorCode.OTHER
    assert error_code(OSError(errno.EPERM, "no")) is ExportErrorCode.PERMISSION
    full = export_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "a.pdf")
    assert (full.code, full.detail) == (ExportErrorCode.DISK_FULL, "No space left on device")
    assert str(full) == f"disk_full: {tmp_path / 'a.pdf'} (No space left on device)"
    bare = export_error(OSError("odd"), tmp_path / "a.pdf")
    assert (bare.code, bare.detail) == (ExportErrorCode.OTHER, "odd")
    assert str(ExportError(ExportErrorCode.EXISTS, tmp_path / "a.pdf")) == (
        f"exists: {tmp_path / 'a.pdf'}"
    )


def test_the_smallest_whole_pdf_passes_and_one_byte_less_does_not(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-%%EOF")  # 10 bytes: the header and the end marker, nothing else
    verify_pdf(pdf)
    pdf.write_bytes(b"%PDF-%EOF")
    with pytest.raises(IncompleteFileError):
        verify_pdf(pdf)
    pdf.write_bytes(b"%PDF-" + b"x" * 100 + b"%%EOF\n")
    verify_pdf(pdf)
    pdf.write_bytes(b"%PDF-" + b"x" * 100)  # cut before the end marker
    with pytest.raises(IncompleteFileError):
        verify_pdf(pdf)
