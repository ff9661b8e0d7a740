"""Sign-in rosters (签到名单) from a spreadsheet or CSV file, as organisers keep them.

``read_roster`` takes an ``.xlsx`` or ``.csv`` file: a header row naming a 姓名 column (and
optionally 职务 / 支部) is used when present, otherwise the first column is the name and the
second the position. CSV may be UTF-8 (with or without BOM) or GB18030, as Excel on a Chinese
Windows saves it. Rows that cannot be used are reported by number with a code; the UI words them.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from hongtu.core.text import person_name

MAX_NAME_CHARS = 30
NAME_HEADERS = ("姓名", "名字", "name")
POSITION_HEADERS = ("职务", "职务/所在支部", "所在支部", "支部", "单位", "position")
# How the lines under a list begin (制表人：王芳, 合计 8 人, 审核人 …): no name begins so
FOOTER_WORDS = (
    "制表", "填表", "审核", "审批", "负责人", "经办人", "统计人", "联系人", "联系电话",
    "合计", "总计", "共计", "小计", "备注", "说明", "签字", "签名", "盖章",
)  # fmt: skip


def footer_like(cell: str) -> bool:
    """A cell that is a signature, date or total line under a list, never a person's name: it
    holds a colon (制表人：王芳, 填表日期: 2026-01-05) or begins with one of ``FOOTER_WORDS``."""
    text = "".join(cell.split())
    return ":" in text or "：" in text or text.startswith(FOOTER_WORDS)


class RosterProblemCode(StrEnum):
    EMPTY_NAME = "empty_name"  # a row with other cells but no name: skipped
    NAME_TOO_LONG = "name_too_long"  # longer than MAX_NAME_CHARS: skipped
    DUPLICATE = "duplicate"  # the same name and position again: skipped
    NOT_A_NAME = "not_a_name"  # a line under the list ("制表人：王芳", "合计"): skipped


class RosterErrorCode(StrEnum):
    NOT_FOUND = "not_found"  # no such file (detail: the path as given)
    UNREADABLE = "unreadable"  # cannot open or decode the file
    UNSUPPORTED = "unsupported"  # not .xlsx or .csv
    EMPTY = "empty"  # no names at all
    NOT_TEXT = "not_text"  # a .csv/.txt that holds binary data (a picture, a renamed file)


class RosterError(Exception):
    def __init__(self, code: RosterErrorCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class RosterEntry:
    name: str
    position: str = ""

    def line(self) -> str:
        """The sign-in sheet's line: the name, a tab and the position when there is one."""
        return f"{self.name}\t{self.position}" if self.position else self.name


@dataclass(frozen=True, slots=True)
class RosterProblem:
    row: int  # 1-based, as the spreadsheet numbers it
    code: RosterProblemCode
    text: str  # the cell as found


@dataclass(frozen=True, slots=True)
class Roster:
    entries: tuple[RosterEntry, ...]
    problems: tuple[RosterProblem, ...] = field(default=())


def read_roster(path: Path) -> Roster:
    """The names in ``path``; raises ``RosterError`` when the file gives none."""
    roster = roster_from_rows(read_rows(path))
    if not roster.entries:
        raise RosterError(RosterErrorCode.EMPTY, str(path))
    return roster


@dataclass(frozen=True, slots=True)
class MergedRange:
    first_row: int  # 1-based
    last_row: int
    columns: int  # how many columns it spans
    coord: str  # "A3:A4", as the spreadsheet shows it


@dataclass(frozen=True, slots=True)
class Sheet:
    """The cells of the sheet a roster is read from, as text, and what else the file says."""

    rows: list[list[str]]
    title: str = ""  # the worksheet's name (XLSX)
    merged: tuple[MergedRange, ...] = ()
    other_sheets: tuple[tuple[str, list[list[str]]], ...] = ()  # (name, first rows) of the rest


def read_rows(path: Path) -> list[list[str]]:
    """The cells of the file's first sheet (XLSX) or of the CSV, as text; raises
    ``RosterError`` for a file that is not a spreadsheet or cannot be read."""
    return read_sheet(path).rows


def read_sheet(path: Path) -> Sheet:
    """``read_rows`` with the sheet's name, its merged ranges and the other sheets' first rows."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".csv", ".txt") and not path.exists():
        raise RosterError(RosterErrorCode.NOT_FOUND, str(path))
    if suffix == ".xlsx":
        return _xlsx_sheet(path)
    if suffix in (".csv", ".txt"):
        return Sheet(_csv_rows(path))
    raise RosterError(RosterErrorCode.UNSUPPORTED, suffix)


def header_columns(
    rows: list[list[str]], wanted: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], int] | None:
    """Find a header row (among the first five) naming a ``"name"`` column; returns the
    columns found for each key of ``wanted`` (headers matched case-insensitively, Chinese or
    English) and the 1-based number of the header row; None when there is no such row."""
    for number, row in enumerate(rows[:5], start=1):
        cells = header_cells(row)
        found: dict[str, int] = {}
        for key, names in wanted.items():
            column = next((i for i, c in enumerate(cells) if c in names), None)
            if column is not None:
                found[key] = column
        if "name" in found:
            return found, number
    return None


def header_cells(row: list[str]) -> list[str]:
    """A header row's cells as ``header_columns`` matches them (spaces folded, lower case)."""
    return [" ".join(cell.split()).lower() for cell in row]


def roster_from_rows(rows: list[list[str]]) -> Roster:
    """Entries and problems from the rows of a sheet (cells as text)."""
    name_col, position_col, first = _columns(rows)
    entries: list[RosterEntry] = []
    problems: list[RosterProblem] = []
    seen: set[RosterEntry] = set()
    for number, row in enumerate(rows, start=1):
        if number < first or not any(cell.strip() for cell in row):
            continue
        name = _cell(row, name_col)
        position = _cell(row, position_col) if position_col is not None else ""
        entry = RosterEntry(person_name(name), " ".join(position.split()))
        code = _problem(entry, seen)
        if code is not None:
            problems.append(RosterProblem(number, code, name or " ".join(row).strip()))
            continue
        seen.add(entry)
        entries.append(entry)
    return Roster(tuple(entries), tuple(problems))


def _problem(entry: RosterEntry, seen: set[RosterEntry]) -> RosterProblemCode | None:
    if not entry.name:
        return RosterProblemCode.EMPTY_NAME
    if len(entry.name) > MAX_NAME_CHARS:
        return RosterProblemCode.NAME_TOO_LONG
    if footer_like(entry.name):
        return RosterProblemCode.NOT_A_NAME
    if entry in seen:
        return RosterProblemCode.DUPLICATE
    return None


def _columns(rows: list[list[str]]) -> tuple[int, int | None, int]:
    """(name column, position column, first data row, 1-based) from a header row if any."""
    for number, row in enumerate(rows[:5], start=1):
        cells = [cell.strip().lower() for cell in row]
        name_col = next((i for i, c in enumerate(cells) if c in NAME_HEADERS), None)
        if name_col is not None:
            position_col = next((i for i, c in enumerate(cells) if c in POSITION_HEADERS), None)
            return name_col, position_col, number + 1
    return 0, 1, 1


def _cell(row: list[str], column: int | None) -> str:
    if column is None or column >= len(row):
        return ""
    return row[column].strip()


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(RosterErrorCode.UNREADABLE, str(exc)) from exc
    if b"\x00" in data[:65536] or data.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise RosterError(RosterErrorCode.NOT_TEXT, path.name)  # binary, a zip, a PDF, old .xls
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",\t;，")
        try:  # newline="": the csv module splits lines itself (a lone CR inside a field)
            return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
        except csv.Error as exc:
            raise RosterError(RosterErrorCode.UNREADABLE, str(exc)) from exc
    raise RosterError(RosterErrorCode.UNREADABLE, "not UTF-8 or GB18030")


def _xlsx_sheet(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)  # not read-only: merged ranges are needed
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise RosterError(RosterErrorCode.UNREADABLE, str(exc)) from exc
    try:
        sheet = book.active
        if sheet is None:
            return Sheet([])
        rows = _cells(sheet.iter_rows(values_only=True))
        merged = tuple(
            sorted(
                (
                    MergedRange(r.min_row, r.max_row, r.max_col - r.min_col + 1, r.coord)
                    for r in sheet.merged_cells.ranges
                ),
                key=lambda r: (r.first_row, r.coord),
            )
        )
        others = tuple(
            (other.title, _cells(other.iter_rows(max_row=5, values_only=True)))
            for other in book.worksheets
            if other is not sheet
        )
        return Sheet(rows, sheet.title, merged, others)
    finally:
        book.close()


def _cells(rows: Iterable[tuple[object, ...]]) -> list[list[str]]:
    return [["" if value is None else _text(value) for value in row] for row in rows]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
