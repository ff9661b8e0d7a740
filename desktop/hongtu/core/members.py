"""A branch's members (党员名册): who belongs, in which role and Party status, since when.

Members join and leave with dates; a member who leaves keeps their row, so past records and the
year's ledger still name them. A roster file (XLSX/CSV, headers in Chinese or English) is read
by ``hongtu.core.roster`` and checked here as a whole: any problem, reported by row, means
nothing is imported. The list ends at its last name: blank rows and the lines under it (制表人：…,
合计, 填表日期：…) are not members. Names are kept as ``person_name`` spells them ("王 芳" is 王芳).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from hongtu.core.roster import (
    MAX_NAME_CHARS,
    NAME_HEADERS,
    POSITION_HEADERS,
    MergedRange,
    RosterError,
    RosterErrorCode,
    footer_like,
    header_cells,
    header_columns,
    read_sheet,
)
from hongtu.core.text import ascii_digits, clean_line, person_name

MAX_ROLE_CHARS = 60
MAX_MEMBERS = 2000


class PartyStatus(StrEnum):
    FULL = "full"  # 正式党员
    PROBATIONARY = "probationary"  # 预备党员
    ACTIVIST = "activist"  # 入党积极分子
    OTHER = "other"  # 其他


# Words found in rosters for each status (compared without spaces, lower case).
STATUS_WORDS: dict[PartyStatus, tuple[str, ...]] = {
    PartyStatus.FULL: ("正式党员", "党员", "中共党员", "full", "fullmember", "member"),
    PartyStatus.PROBATIONARY: ("预备党员", "中共预备党员", "probationary", "probationarymember"),
    PartyStatus.ACTIVIST: ("入党积极分子", "积极分子", "activist"),
    # not in the Party: 群众, and League members (共青团员), whom rosters name as often
    PartyStatus.OTHER: ("其他", "群众", "共青团员", "团员", "中国共产主义青年团团员", "other"),
}
STATUS_HEADERS = ("政治面貌", "党员类别", "党籍状态", "身份", "party status", "status")
JOINED_HEADERS = ("入支部日期", "加入日期", "转入日期", "joined", "joined on")
LEFT_HEADERS = ("离开日期", "离开支部日期", "转出日期", "left", "left on")
FULL_SINCE_HEADERS = ("转正日期", "转正时间", "full member since", "full since")
ADMITTED_HEADERS = ("入党日期", "入党时间", "admitted", "admitted on", "party member since")
# In the Party: counted in a Party-day's 应到 (others who come are 列席, attending as observers)
PARTY_STATUSES = frozenset({PartyStatus.FULL, PartyStatus.PROBATIONARY})


def parse_status(text: str) -> PartyStatus | None:
    """The status a roster cell names; blank is 其他 (nothing is guessed); None if unknown."""
    word = "".join(text.split()).lower()
    if not word:
        return PartyStatus.OTHER
    for status, words in STATUS_WORDS.items():
        if word in words:
            return status
    return None


@dataclass(frozen=True, slots=True)
class Member:
    id: int | None
    name: str
    role: str = ""
    party_status: PartyStatus = PartyStatus.OTHER
    joined_on: date | None = None
    left_on: date | None = None
    # 转正日期: the day a 预备党员 became 正式党员 (None: not known, or not a Party member). A
    # member with one is stored as FULL (``with_full_since``) and is PROBATIONARY before it.
    full_since: date | None = None
    # 入党日期: the day they were admitted as 预备党员 (None: not known, or not a Party member);
    # before it they were an 入党积极分子: 列席 at a Party-day, not in its 应到.
    admitted_on: date | None = None

    def active_on(self, day: date) -> bool:
        """On the branch's roster that day (joined on or before it, not yet left)."""
        if self.joined_on is not None and self.joined_on > day:
            return False
        return self.left_on is None or self.left_on > day

    def status_on(self, day: date) -> PartyStatus:
        """政治面貌 on ``day``: with a 入党日期, 入党积极分子 before it; with a 转正日期, 预备党员
        before it and 正式党员 from it on; without them, the status as entered (a 正式党员 with
        no date is one on every day)."""
        if self.party_status not in PARTY_STATUSES:
            return self.party_status
        if self.admitted_on is not None and day < self.admitted_on:
            return PartyStatus.ACTIVIST
        if self.full_since is None:
            return self.party_status
        return PartyStatus.PROBATIONARY if day < self.full_since else PartyStatus.FULL

    def in_party_on(self, day: date) -> bool:
        """A Party member (正式 or 预备) on ``day``: counted in that day's 应到."""
        return self.status_on(day) in PARTY_STATUSES


def with_full_since(member: Member) -> Member:
    """The member as stored: one with a 转正日期 is a 正式党员 from that day (so a 预备党员
    given the date is kept as FULL; ``status_on`` still says 预备党员 before it)."""
    if member.full_since is not None and member.party_status is PartyStatus.PROBATIONARY:
        return dataclasses.replace(member, party_status=PartyStatus.FULL)
    return member


class MemberProblemCode(StrEnum):
    EMPTY_ROW = "empty_row"  # a blank row among the names (or the rest of a merged cell)
    # a line such as 制表人：王芳 or 合计 with names still below it (text: the cell); the same
    # lines under the last name end the list and are left out
    NOT_A_NAME = "not_a_name"
    MERGED = "merged"  # a merged cell among the members' rows (text: its range, "A3:A4")
    EMPTY_NAME = "empty_name"  # other cells filled but no name
    NAME_TOO_LONG = "name_too_long"
    ROLE_TOO_LONG = "role_too_long"
    DUPLICATE = "duplicate"  # the same name twice in the file
    UNKNOWN_STATUS = "unknown_status"  # a Party status the importer does not know
    BAD_DATE = "bad_date"  # a joined, left or 转正 date that is not a date (text: the cell)
    LEFT_BEFORE_JOINED = "left_before_joined"  # text: the member's name
    # a 转正日期 for someone whose 政治面貌 is not 正式党员 or 预备党员 (text: the status cell)
    FULL_SINCE_NOT_IN_PARTY = "full_since_not_in_party"
    ADMITTED_NOT_IN_PARTY = "admitted_not_in_party"  # the same for a 入党日期
    ADMITTED_AFTER_FULL_SINCE = "admitted_after_full_since"  # text: the member's name


class MemberFileErrorCode(StrEnum):
    NO_NAME_COLUMN = "no_name_column"  # no header row with 姓名/name: probably the wrong sheet
    WRONG_SHEET = "wrong_sheet"  # not on the first sheet, but another sheet has one (detail)
    NO_MEMBERS = "no_members"
    TOO_MANY = "too_many"
    # two header cells name one field that counts (离开日期 and 转出日期): which one holds it is
    # not for HongTu to guess (detail: the header row; columns: letter, header, letter, header)
    SAME_FIELD_TWICE = "same_field_twice"


@dataclass(frozen=True, slots=True)
class MemberFile:
    """The members a roster file lists, and the lines under the list that were left out."""

    members: list[Member]
    footer_row: int | None = None  # 1-based: the first line under the list, if any
    footer: str = ""  # its text ("制表人：王芳")
    # the fields the file has a column for (``_HEADERS``' names): an import leaves the
    # others of a member already on the roster as they are
    fields: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class MemberProblem:
    row: int  # 1-based, as the spreadsheet numbers it
    code: MemberProblemCode
    text: str


class MemberImportError(Exception):
    """The file cannot be imported; nothing was written.

    ``code`` is a ``RosterErrorCode`` (not a spreadsheet, unreadable) or a
    ``MemberFileErrorCode``; ``problems`` lists the rows at fault, if that is the reason.
    """

    def __init__(
        self,
        code: RosterErrorCode | MemberFileErrorCode | None,
        problems: tuple[MemberProblem, ...] = (),
        detail: str = "",
        columns: tuple[str, ...] = (),
    ) -> None:
        super().__init__(f"{code or 'rows'}: {detail or len(problems)} {' '.join(columns)}")
        self.code = code
        self.problems = problems
        self.detail = detail
        self.columns = columns


class MemberEditProblem(StrEnum):
    EMPTY_NAME = "empty_name"
    NAME_TOO_LONG = "name_too_long"
    ROLE_TOO_LONG = "role_too_long"
    DUPLICATE = "duplicate"  # another current member of the branch has that name
    LEFT_BEFORE_JOINED = "left_before_joined"
    FULL_SINCE_NOT_IN_PARTY = "full_since_not_in_party"  # a 转正日期 for a non-member
    ADMITTED_NOT_IN_PARTY = "admitted_not_in_party"  # a 入党日期 for a non-member
    ADMITTED_AFTER_FULL_SINCE = "admitted_after_full_since"  # 入党 after 转正
    CHANGED_ELSEWHERE = "changed_elsewhere"  # a field edited here was changed since it was read
    # a member to delete who is on a recorded day (``day``: the first): only 标记离开 is for them
    ON_A_RECORD = "on_a_record"


class MemberEditError(ValueError):
    """A typed member (added or edited) that cannot be saved, or a member who cannot be
    deleted; nothing was written."""

    def __init__(
        self, problem: MemberEditProblem, name: str = "", day: date | None = None
    ) -> None:
        super().__init__(f"{problem.value}: {name}")
        self.problem = problem
        self.name = name
        self.day = day


def check_member(member: Member) -> None:
    """Refuse (``MemberEditError``) a member that cannot be saved as typed."""
    if not member.name.strip():
        raise MemberEditError(MemberEditProblem.EMPTY_NAME)
    if len(member.name) > MAX_NAME_CHARS:
        raise MemberEditError(MemberEditProblem.NAME_TOO_LONG, member.name)
    if len(member.role) > MAX_ROLE_CHARS:
        raise MemberEditError(MemberEditProblem.ROLE_TOO_LONG, member.name)
    if (
        member.left_on is not None
        and member.joined_on is not None
        and member.left_on < member.joined_on
    ):
        raise MemberEditError(MemberEditProblem.LEFT_BEFORE_JOINED, member.name)
    if member.full_since is not None and member.party_status not in PARTY_STATUSES:
        raise MemberEditError(MemberEditProblem.FULL_SINCE_NOT_IN_PARTY, member.name)
    if member.admitted_on is not None and member.party_status not in PARTY_STATUSES:
        raise MemberEditError(MemberEditProblem.ADMITTED_NOT_IN_PARTY, member.name)
    if _admitted_after_full_since(member.admitted_on, member.full_since):
        raise MemberEditError(MemberEditProblem.ADMITTED_AFTER_FULL_SINCE, member.name)


def _admitted_after_full_since(admitted: date | None, full_since: date | None) -> bool:
    """A 入党日期 after the 转正日期: a 预备党员 becomes 正式党员 after being admitted."""
    return admitted is not None and full_since is not None and admitted > full_since


def members_from_signin_names(lines: Iterable[str]) -> list[Member]:
    """The people typed or pasted for a 签到表 (a line each: "姓名", or "姓名<Tab>职务"), as the
    branch's members: 正式党员 (a Party-day's sign-in lists Party members; 成员名单 corrects
    anyone who is not), each name once. ``MemberEditError`` for a name or role too long."""
    members: dict[str, Member] = {}
    for line in lines:
        name, _, role = line.strip().partition("\t")
        name, role = person_name(name), " ".join(role.split())
        if name and name not in members:
            member = Member(None, name, role, PartyStatus.FULL)
            check_member(member)
            members[name] = member
    return list(members.values())


def read_member_file(path: Path) -> MemberFile:
    """Every member in the roster file, or ``MemberImportError`` naming what is wrong."""
    try:
        sheet = read_sheet(path)
    except RosterError as exc:
        raise MemberImportError(exc.code, detail=exc.detail) from exc
    if header_columns(sheet.rows, _HEADERS) is None:
        for title, first_rows in sheet.other_sheets:
            if header_columns(first_rows, _HEADERS) is not None:
                raise MemberImportError(MemberFileErrorCode.WRONG_SHEET, detail=title)
    return members_from_rows(sheet.rows, sheet.merged)


_HEADERS = {
    "name": NAME_HEADERS,
    "role": (*POSITION_HEADERS, "职位", "role", "title"),
    "status": STATUS_HEADERS,
    "joined": JOINED_HEADERS,
    "left": LEFT_HEADERS,
    "full_since": FULL_SINCE_HEADERS,
    "admitted": ADMITTED_HEADERS,
}
#: Fields that decide who counts on which day: a second column for one of them is refused, not
#: left unread. (A role is only printed: of 职务 and 所在支部, the first column is taken.)
_ONE_COLUMN_EACH = ("name", "status", "joined", "left", "full_since", "admitted")


def members_from_rows(
    rows: list[list[str]], merged: tuple[MergedRange, ...] = ()
) -> MemberFile:
    """Every member in the rows (1-based row numbers as in the sheet).

    The list ends at its last row that is neither blank nor a line such as 制表人：王芳
    (``_footer_row``): what follows is left out (``MemberFile.footer``). Above it, a blank row
    or such a line is a problem.

    ``merged``: the sheet's merged ranges. Below the header row a merged cell hides values
    from the rows it covers: a range across columns makes its rows problems, a range down
    rows makes the rows after its first one problems (``MERGED``, unless the row has another
    problem, such as no name)."""
    header = header_columns(rows, _HEADERS)
    if header is None:
        raise MemberImportError(MemberFileErrorCode.NO_NAME_COLUMN)
    columns, header_row = header
    _refuse_a_field_twice(rows[header_row - 1], header_row)
    last = max(
        (
            n
            for n, row in enumerate(rows, start=1)
            if n > header_row and any(c.strip() for c in row) and not _footer_row(row, columns)
        ),
        default=header_row,
    )
    footer_row = next(
        (n for n in range(last + 1, len(rows) + 1) if any(c.strip() for c in rows[n - 1])), None
    )
    members: list[Member] = []
    problems: list[MemberProblem] = []
    seen: set[str] = set()
    merged_at = _merged_rows(merged, header_row)
    for number in range(header_row + 1, last + 1):
        row = rows[number - 1]
        member, problem = _member(row, columns, number, seen)
        if problem is None and number in merged_at:
            problem = MemberProblem(number, MemberProblemCode.MERGED, merged_at[number])
        if problem is not None:
            problems.append(problem)
        elif member is not None:
            seen.add(member.name)
            members.append(member)
    if problems:
        raise MemberImportError(None, tuple(problems))
    if not members:
        raise MemberImportError(MemberFileErrorCode.NO_MEMBERS)
    if len(members) > MAX_MEMBERS:
        raise MemberImportError(MemberFileErrorCode.TOO_MANY, detail=str(len(members)))
    fields = frozenset(columns)
    if footer_row is None:
        return MemberFile(members, fields=fields)
    footer = next(c for c in rows[footer_row - 1] if c.strip())
    return MemberFile(members, footer_row, " ".join(clean_line(footer).split()), fields)


def _footer_row(row: list[str], columns: dict[str, int]) -> bool:
    """A line under a list, not a member: its name cell is such a line (制表人：王芳), or its
    first filled cell is (合计 in the 序号 column, with the count under 姓名)."""
    column = columns["name"]
    name = row[column] if column < len(row) else ""
    return footer_like(name) or footer_like(next((c for c in row if c.strip()), ""))


def _refuse_a_field_twice(header: list[str], header_row: int) -> None:
    cells = header_cells(header)
    for key in _ONE_COLUMN_EACH:
        found = [i for i, cell in enumerate(cells) if cell in _HEADERS[key]]
        if len(found) > 1:
            from hongtu.core.exports.sheetml import column_letter

            first, second = found[:2]
            raise MemberImportError(
                MemberFileErrorCode.SAME_FIELD_TWICE,
                detail=str(header_row),
                columns=(
                    column_letter(first + 1),
                    clean_line(header[first]).strip(),
                    column_letter(second + 1),
                    clean_line(header[second]).strip(),
                ),
            )


def _merged_rows(merged: tuple[MergedRange, ...], header_row: int) -> dict[int, str]:
    """Rows whose values a merged cell hides (row → the range), below the header row."""
    hidden: dict[int, str] = {}
    for cells in merged:
        first = cells.first_row if cells.columns > 1 else cells.first_row + 1
        for number in range(max(first, header_row + 1), cells.last_row + 1):
            hidden.setdefault(number, cells.coord)
    return hidden


def _member(
    row: list[str], columns: dict[str, int], number: int, seen: set[str]
) -> tuple[Member | None, MemberProblem | None]:
    def cell(key: str) -> str:
        column = columns.get(key)
        if column is None or column >= len(row):
            return ""
        return " ".join(clean_line(row[column]).split())  # a control character shows as U+FFFD

    if not any(c.strip() for c in row):
        return None, MemberProblem(number, MemberProblemCode.EMPTY_ROW, "")
    if _footer_row(row, columns):
        text = next(c for c in row if c.strip())
        return None, MemberProblem(number, MemberProblemCode.NOT_A_NAME, " ".join(text.split()))
    name, role, status_text = person_name(cell("name")), cell("role"), cell("status")
    joined_text, left_text, full_text = cell("joined"), cell("left"), cell("full_since")
    admitted_text = cell("admitted")
    code: MemberProblemCode | None = None
    status = parse_status(status_text)
    joined, left = _date_or_none(joined_text), _date_or_none(left_text)
    full_since, admitted = _date_or_none(full_text), _date_or_none(admitted_text)
    if full_since is not None and not status_text:
        status = PartyStatus.FULL  # a 转正日期 with no 政治面貌: a Party member, 正式 from then
    elif admitted is not None and not status_text:
        status = PartyStatus.PROBATIONARY  # a 入党日期 alone: 预备党员 from then
    if not name:
        code = MemberProblemCode.EMPTY_NAME
    elif len(name) > MAX_NAME_CHARS:
        code = MemberProblemCode.NAME_TOO_LONG
    elif name in seen:
        code = MemberProblemCode.DUPLICATE
    elif len(role) > MAX_ROLE_CHARS:
        code = MemberProblemCode.ROLE_TOO_LONG
    elif status is None:
        code = MemberProblemCode.UNKNOWN_STATUS
    elif joined is None and joined_text:
        return None, MemberProblem(number, MemberProblemCode.BAD_DATE, joined_text)
    elif left is None and left_text:
        return None, MemberProblem(number, MemberProblemCode.BAD_DATE, left_text)
    elif full_since is None and full_text:
        return None, MemberProblem(number, MemberProblemCode.BAD_DATE, full_text)
    elif admitted is None and admitted_text:
        return None, MemberProblem(number, MemberProblemCode.BAD_DATE, admitted_text)
    elif joined is not None and left is not None and left < joined:
        return None, MemberProblem(number, MemberProblemCode.LEFT_BEFORE_JOINED, name)
    elif full_since is not None and status not in PARTY_STATUSES:
        code = MemberProblemCode.FULL_SINCE_NOT_IN_PARTY
    elif admitted is not None and status not in PARTY_STATUSES:
        code = MemberProblemCode.ADMITTED_NOT_IN_PARTY
    elif _admitted_after_full_since(admitted, full_since):
        return None, MemberProblem(number, MemberProblemCode.ADMITTED_AFTER_FULL_SINCE, name)
    if code is not None:
        text = status_text if code in _STATUS_PROBLEMS else name
        return None, MemberProblem(number, code, text or " ".join(row).strip())
    assert status is not None
    member = Member(None, name, role, status, joined, left, full_since, admitted)
    return with_full_since(member), None


_STATUS_PROBLEMS = (
    MemberProblemCode.UNKNOWN_STATUS,
    MemberProblemCode.FULL_SINCE_NOT_IN_PARTY,
    MemberProblemCode.ADMITTED_NOT_IN_PARTY,
)


_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)


def _date(text: str) -> date | None:
    """A date cell (2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, or openpyxl's datetime text);
    None if blank; ``ValueError`` if it is not a date."""
    if not text:
        return None
    found = _DATE.fullmatch(text.strip())
    if found is None:
        raise ValueError(text)
    return date(int(found[1]), int(found[2]), int(found[3]))


def typed_date(text: str) -> date | None:
    """A date as an organiser types it (the forms a roster file may hold, full-width digits
    too); None if blank; ``ValueError`` if it is not a date or no such day (2021-02-30)."""
    return _date(ascii_digits(text).replace("／", "/").replace("－", "-"))


def _date_or_none(text: str) -> date | None:
    """The cell's date; None when blank or not a date (the caller tells them apart)."""
    try:
        return _date(text)
    except ValueError:
        return None
