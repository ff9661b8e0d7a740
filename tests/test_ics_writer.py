"""The iCalendar file HongTu writes itself, read back by the ``icalendar`` package.

Any text a user can type comes back from a calendar reader exactly as the document holds it
(after the cleaning every format gets), every physical line keeps to RFC 5545's 75 octets
without cutting a character, and the events keep their times.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import icalendar
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hongtu.core.exports._text import xml_text
from hongtu.core.exports.ics import render_ics
from hongtu.core.plans import ItemKind
from test_exports import build_sample
from typed_text import typed_text

# what iCalendar escapes, and a four-octet character a fold could fall inside
TYPED = typed_text("红色，；;,\\:𠀀", max_size=120)
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _text_values(data: bytes) -> list[str]:
    """The values of the TEXT properties that carry user text, lines unfolded."""
    unfolded = data.decode("utf-8").replace("\r\n ", "").split("\r\n")
    names = ("X-WR-CALNAME:", "SUMMARY:", "LOCATION:", "DESCRIPTION:")
    return [line.split(":", 1)[1] for line in unfolded if line.startswith(names)]


def _escaped_as_text(value: str) -> bool:
    """Every ``;`` and ``,`` escaped, no bare line break (RFC 5545 §3.3.11)."""
    rest = re.sub(r"\\\\|\\;|\\,|\\n|\\N", "", value)
    return not any(c in rest for c in ";,\\\n\r")


def _calendar_name(calendar: icalendar.Calendar) -> str:
    """X-WR-CALNAME as calendar apps read it: TEXT, the default type of an X- property (RFC 5545
    §3.8.8.2). ``icalendar`` keeps an unknown property's value as written, so it is unescaped
    here by the RFC's four rules."""
    raw = calendar["X-WR-CALNAME"].to_ical().decode("utf-8")
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


@settings(max_examples=150, deadline=None)
@given(title=TYPED, place=TYPED, notes=st.lists(TYPED, max_size=3), contact=TYPED)
@example(title="\r", place="", notes=[], contact="")  # its CR and the next line's LF were one
def test_typed_text_comes_back_from_a_calendar_reader(title, place, notes, contact) -> None:
    _, _, doc = build_sample(evil=False)
    rows = tuple(
        replace(row, place=place) if row.kind is ItemKind.VISIT else row for row in doc.rows
    )
    doc = replace(doc, title=title, notes=tuple(notes), contact=contact, phone="", rows=rows)
    data = render_ics(doc, NOW)

    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert all(line.decode("utf-8") for line in lines[:-1])  # no character cut by a fold
    assert all(_escaped_as_text(value) for value in _text_values(data))
    calendar = icalendar.Calendar.from_ical(data)
    assert _calendar_name(calendar) == xml_text(title).replace("\n", " ")
    events = _events(data)
    visits = [e for e in events if "-gather-" not in str(e["UID"])]
    assert visits and all(str(e["LOCATION"]) == xml_text(place) for e in visits)
    description = str(visits[0]["DESCRIPTION"])
    assert description.startswith(xml_text(title) + "\n")
    if contact:
        assert f"{doc.labels.contact}：{xml_text(contact)}" in description


def test_a_long_line_folds_between_characters_and_unfolds_to_the_same_text() -> None:
    _, _, doc = build_sample(evil=False)
    title = "学习红色历史😀传承红色基因，" * 12  # 4-octet and 3-octet characters, 400+ octets
    data = render_ics(replace(doc, title=title), NOW)
    folded = [line for line in data.split(b"\r\n") if line.startswith(b" ")]
    assert len(folded) >= 5
    calendar = icalendar.Calendar.from_ical(data)
    assert _calendar_name(calendar) == title


def test_events_keep_their_order_times_and_place() -> None:
    _, _, doc = build_sample(evil=False)
    events = _events(render_ics(doc, NOW))
    expected = [r for r in doc.rows if r.kind in (ItemKind.GATHER, ItemKind.VISIT)]
    assert [e.decoded("DTSTART").strftime("%H:%M") for e in events] == [
        r.start.strftime("%H:%M") for r in expected
    ]
    assert all(e.decoded("DTEND") > e.decoded("DTSTART") for e in events)
    assert all(e.decoded("DTSTAMP") == NOW for e in events)
    for event, row in zip(events, expected, strict=True):
        if row.point is None:
            assert "GEO" not in event
        else:
            assert (event["GEO"].latitude, event["GEO"].longitude) == (
                row.point.lat,
                row.point.lon,
            )
