"""hongtu.log rolls over by size, as the standard library's rotating handler did."""

from __future__ import annotations

import logging
from pathlib import Path

from hongtu.core.logfile import RotatingLogFile


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"hongtu.test.logfile.{id(handler)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return logger


def test_the_log_rolls_over_keeping_three_older_files(tmp_path: Path) -> None:
    path = tmp_path / "hongtu.log"
    handler = RotatingLogFile(path, max_bytes=1_000, backups=3)
    logger = _logger(handler)
    try:
        for number in range(200):
            logger.info("line %03d %s", number, "x" * 40)
    finally:
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["hongtu.log", "hongtu.log.1", "hongtu.log.2", "hongtu.log.3"]
    assert all((tmp_path / name).stat().st_size <= 1_000 for name in files)
    newest = path.read_text("utf-8").splitlines()
    assert newest[-1].startswith("line 199")
    # nothing is lost between the files kept: each older file ends where the next begins
    chain = [tmp_path / "hongtu.log.3", tmp_path / "hongtu.log.2", tmp_path / "hongtu.log.1", path]
    numbers = [int(line.split()[1]) for f in chain for line in f.read_text("utf-8").splitlines()]
    assert numbers == list(range(numbers[0], 200))


def test_a_new_handler_appends_and_a_single_long_record_is_still_written(tmp_path: Path) -> None:
    path = tmp_path / "hongtu.log"
    path.write_text("earlier session\n", "utf-8")
    handler = RotatingLogFile(path, max_bytes=100, backups=2)
    logger = _logger(handler)
    try:
        logger.info("y" * 300)  # longer than the limit: the old file rolls, the record is kept
        logger.info("after")
    finally:
        handler.close()
    assert (tmp_path / "hongtu.log.2").read_text("utf-8") == "earlier session\n"
    assert (tmp_path / "hongtu.log.1").read_text("utf-8") == "y" * 300 + "\n"
    assert path.read_text("utf-8") == "after\n"
