"""iCalendar: the day as calendar entries for members' phones.

Events: one for the gathering (集合) and one per stop visit (VISIT item). The activities of a
visit (参观学习, 重温入党誓词 …) are listed with their times in the visit's DESCRIPTION rather than
as events of their own: they lie inside the visit, and overlapping events would show the day as
double-booked on a phone. Travel legs and the return are not events either.

UIDs are ``{calendar key}-{stop id}-{item index within stop}@hongtu`` (the visit is item 0;
the gathering uses the stop id ``gather``). The calendar key is the plan's number and the
moment it was first saved (``document.calendar_key``), so plan 1 of two branches' databases do
not share entries, and a re-export of the same plan updates its entries instead of duplicating
them. SEQUENCE is the minutes since 2024 plus the plan's stored version: it grows with every
export made in a later minute and with every saved change, even within the same minute.
Times carry TZID=Asia/Shanghai with an explicit VTIMEZONE (CST, +08:00, no daylight saving).

The file is written here, line by line, as RFC 5545 defines it (TEXT values escaped, lines
folded at 75 octets between characters, CRLF line ends): a calendar of a day's dozen events
needs no library, and a command-line export does not pay for importing one. The tests read
the files back with the ``icalendar`` package.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from hongtu import __version__
from hongtu.core.document import DocumentRow, PlanDocument
from hongtu.core.exports._text import xml_text
from hongtu.core.plans import ItemKind

TZID = "Asia/Shanghai"
# The day's clock, as the VTIMEZONE below defines it: +08:00 all year. (Not the tz database's
# Asia/Shanghai, which has summer time in 1986–1991 that the file does not declare.)
SHANGHAI = timezone(timedelta(hours=8), "CST")
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_FOLD_AT = 75  # octets per line, the line break not counted (RFC 5545 §3.1)
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


def render_ics(doc: PlanDocument, now: datetime | None = None) -> bytes:
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//HongTu//HongTu {__version__}//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _text(_clean(doc.title).replace("\n", " ")),
        f"X-WR-TIMEZONE:{TZID}",
        *_vtimezone(),
    ]
    for row, start, end in _timed_rows(doc):
        if row.kind is ItemKind.GATHER or row.kind is ItemKind.VISIT:
            lines += _event(doc, row, start, end, now)
    lines.append("END:VCALENDAR")
    return b"".join(_folded(line) for line in lines)


def _vtimezone() -> list[str]:
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{TZID}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZNAME:CST",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def _text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line feed escaped (RFC 5545 §3.3.11)."""
    return value.translate(_TEXT_ESCAPES)


def _folded(line: str) -> bytes:
    """The content line in UTF-8 with CRLF, folded before 75 octets, never inside a character:
    each continuation line starts with one space."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return data + b"\r\n"
    parts = []
    begin, room = 0, _FOLD_AT
    while len(data) - begin > room:
        cut = begin + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        parts.append(data[begin:cut])
        begin, room = cut, _FOLD_AT - 1  # the leading space counts
    parts.append(data[begin:])
    return b"\r\n ".join(parts) + b"\r\n"


def _timed_rows(doc: PlanDocument) -> list[tuple[DocumentRow, datetime, datetime]]:
    """Rows with real datetimes; a day that runs past midnight moves on to the next date."""
    result = []
    day = doc.date
    previous: time | None = None
    for row in doc.rows:
        if previous is not None and row.start < previous and day < date.max:
            day += timedelta(days=1)
        previous = row.start
        start = _at(day, row.start)
        end = _at(day, row.end)
        if end < start:
            end = _plus(end, timedelta(days=1))
        result.append((row, start, end))
    return result


_LAST_MOMENT = datetime.combine(date.max, time(23, 59), tzinfo=SHANGHAI)


def _plus(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta``, but never past the last minute a calendar can hold (9999-12-31)."""
    if moment > _LAST_MOMENT - delta:
        return _LAST_MOMENT
    return moment + delta


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=SHANGHAI)


def _event(
    doc: PlanDocument, row: DocumentRow, start: datetime, end: datetime, now: datetime
) -> list[str]:
    stop_key = row.stop_id if row.kind is ItemKind.VISIT else "gather"
    index = row.item_index if row.item_index is not None else 0
    if end <= start:
        end = _plus(start, timedelta(minutes=1))
    lines = [
        "BEGIN:VEVENT",
        "UID:" + _text(f"{doc.calendar_key}-{stop_key}-{index}@hongtu"),
        f"DTSTAMP:{now:%Y%m%dT%H%M%SZ}",
        f"SEQUENCE:{_sequence(doc, now)}",
        f"DTSTART;TZID={TZID}:{_local(start)}",
        f"DTEND;TZID={TZID}:{_local(end)}",
        "SUMMARY:" + _text(_clean(_summary(doc, row))),
        "LOCATION:" + _text(_clean(row.place)),
        "DESCRIPTION:" + _text(_description(doc, row)),
    ]
    if row.point is not None:
        lines.append(f"GEO:{row.point.lat!r};{row.point.lon!r}")
    lines += ["TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def _sequence(doc: PlanDocument, now: datetime) -> int:
    """Grows with every export made in a later minute (a site or a setting may have changed
    the times) and with every saved change of the plan (its version), even within a minute."""
    return int((now - _EPOCH).total_seconds() // 60) + doc.plan_version


def _local(moment: datetime) -> str:
    """A DATE-TIME in Shanghai's time (the TZID parameter says so), ``YYYYMMDDTHHMMSS``."""
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T{moment:%H%M%S}"


def _summary(doc: PlanDocument, row: DocumentRow) -> str:
    if row.kind is ItemKind.GATHER:
        return f"{row.title}（{doc.theme}）"
    return f"{row.stop_number}. {row.title}" if row.stop_number is not None else row.title


def _description(doc: PlanDocument, row: DocumentRow) -> str:
    labels = doc.labels
    lines = [doc.title, doc.time_text]
    if row.kind is ItemKind.VISIT:
        lines += [
            f"{r.time_range} {r.title}"
            for r in doc.rows
            if r.stop_id == row.stop_id and r.kind is ItemKind.ACTIVITY
        ]
        if row.details:
            lines.append(row.details)
    else:
        lines.append(f"{labels.gathering_place}：{doc.gathering_place}")
        lines.append(f"{labels.transport}：{doc.transport}")
    if doc.contact_text:
        lines.append(f"{labels.contact}：{doc.contact_text}")
    if doc.notes:
        lines.append(f"{labels.notes}：{doc.notes_text}")
    # each line cleaned on its own: a text ending in a lone CR would otherwise join the line
    # break after it into one CRLF, and lose a line (a title "\r" vanished)
    return "\n".join(_clean(line) for line in lines)


def _clean(text: str) -> str:
    return xml_text(text)
