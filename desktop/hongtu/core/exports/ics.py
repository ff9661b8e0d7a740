"""iCalendar: the day as calendar entries for members' phones.

Events: one for the gathering (集合) and one per stop visit (VISIT item). The activities of a
visit (参观学习, 重温入党誓词 …) are listed with their times in the visit's DESCRIPTION rather than
as events of their own: they lie inside the visit, and overlapping events would show the day as
double-booked on a phone. Travel legs and the return are not events either.

UIDs are stable, ``{plan_id}-{stop_id}-{item index within stop}@hongtu`` (the visit is item 0;
the gathering uses the stop id ``gather``; an unsaved plan uses ``unsaved``), so importing a
re-export updates the entries instead of duplicating them; SEQUENCE grows with each export.
Times carry TZID=Asia/Shanghai with an explicit VTIMEZONE (CST, +08:00, no daylight saving).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from hongtu import __version__
from hongtu.core.document import DocumentRow, PlanDocument
from hongtu.core.exports._text import xml_text
from hongtu.core.plans import ItemKind

TZID = "Asia/Shanghai"
SHANGHAI = ZoneInfo(TZID)
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def render_ics(doc: PlanDocument, now: datetime | None = None) -> bytes:
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", f"-//HongTu//HongTu {__version__}//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _clean(doc.title).replace("\n", " "))  # not escaped by icalendar
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_vtimezone())
    for row, start, end in _timed_rows(doc):
        if row.kind is ItemKind.GATHER or row.kind is ItemKind.VISIT:
            cal.add_component(_event(doc, row, start, end, now))
    data: bytes = cal.to_ical()
    return data


def _vtimezone() -> Timezone:
    tz = Timezone()
    tz.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=8))
    standard.add("tzoffsetto", timedelta(hours=8))
    standard.add("tzname", "CST")
    tz.add_component(standard)
    return tz


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
) -> Event:
    event = Event()
    stop_key = row.stop_id if row.kind is ItemKind.VISIT else "gather"
    index = row.item_index if row.item_index is not None else 0
    plan_key = doc.plan_id if doc.plan_id is not None else "unsaved"
    event.add("uid", f"{plan_key}-{stop_key}-{index}@hongtu")
    event.add("dtstamp", now)
    event.add("sequence", int((now - _EPOCH).total_seconds() // 60))
    event.add("dtstart", start)
    event.add("dtend", end if end > start else _plus(start, timedelta(minutes=1)))
    event.add("summary", _clean(_summary(doc, row)))
    event.add("location", _clean(row.place))
    event.add("description", _clean(_description(doc, row)))
    if row.point is not None:
        event.add("geo", (row.point.lat, row.point.lon))
    event.add("transp", "OPAQUE")
    return event


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
    if doc.contact or doc.phone:
        contact = " ".join(part for part in (doc.contact, doc.phone) if part)
        lines.append(f"{labels.contact}：{contact}")
    if doc.notes:
        lines.append(f"{labels.notes}：" + "；".join(doc.notes))
    return "\n".join(lines)


def _clean(text: str) -> str:
    return xml_text(text)
