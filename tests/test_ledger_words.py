"""What the 台账 and the 活动方案 say on paper: the lunch restaurant is no site visited, the Word
活动记录 lists a line per stop, a member away on leave gets no 0.0%, and the Word documents carry
page numbers, a dated 落款 and headings that stay with what they head."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date

from docx import Document
from docx.shared import Cm

from factories import make_plan, make_site, site_map, site_stop
from hongtu.core.document import build_document
from hongtu.core.exports.docx import render_docx
from hongtu.core.exports.ledger_docx import render_ledger_docx
from hongtu.core.exports.ledger_summary import build_ledger_summary
from hongtu.core.ledger import PlanFacts, build_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import Activity, ActivityKind
from hongtu.core.record_items import planned_items
from hongtu.core.records import (
    ActivityRecord,
    Attendance,
    DoneItem,
    DoneState,
    PhotoRef,
    Presence,
)
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule

DAY = date(2026, 11, 20)
# Party members: only they count in 应到 … 出席率 (the others who come are 列席)
MEMBERS = (
    Member(1, "王芳", role="书记", party_status=PartyStatus.FULL),
    Member(2, "杨国华", party_status=PartyStatus.FULL),
    Member(3, "阿依古丽·买买提", party_status=PartyStatus.PROBATIONARY),
)


def _day_with_lunch() -> tuple[ActivityRecord, PlanFacts]:
    """高君宇故居 (参观学习, 誓词), lunch at a farm restaurant, 太原解放纪念馆 (参观学习 and a
    lunch there too), recorded as planned; 杨国华 away on business."""
    sites = site_map([make_site(1, "高君宇故居"), make_site(2, "太原解放纪念馆")])
    plan = make_plan(
        [
            site_stop(1, Activity(ActivityKind.TOUR, 60), Activity(ActivityKind.OATH, 15)),
            site_stop(2, Activity(ActivityKind.TOUR, 60), Activity(ActivityKind.LUNCH, 45)),
        ]
    )
    from hongtu.core.plans import CustomPlace, Stop

    plan.stops.insert(
        1,
        Stop(
            custom=CustomPlace("娄烦县某农家饭店", None),
            activities=[Activity(ActivityKind.LUNCH, 60)],
        ),
    )
    done = planned_items(plan, sites)
    attendance = (
        Attendance(1, "王芳", Presence.PRESENT),
        Attendance(2, "杨国华", Presence.LEAVE, "出差"),
        Attendance(3, "阿依古丽·买买提", Presence.PRESENT),
    )
    record = ActivityRecord(7, DAY, attendance, done=done, host="王芳", recorder="王芳")
    stops = tuple((s.id, n) for s, n in zip(plan.stops, ("高君宇故居", "娄烦县某农家饭店",
                                                        "太原解放纪念馆"), strict=True))
    return record, PlanFacts("追寻红色足迹", stops)


def test_a_stop_where_the_day_only_had_lunch_is_no_site_visited() -> None:
    record, facts = _day_with_lunch()
    ledger = build_ledger("第一党支部", 2026, [record], {7: facts}, MEMBERS, date(2026, 12, 31))
    assert ledger.days[0].places == ("高君宇故居", "太原解放纪念馆")
    assert ledger.places == (("高君宇故居", 1), ("太原解放纪念馆", 1))
    summary = build_ledger_summary(ledger)
    assert "娄烦" not in summary.places and "娄烦" not in summary.day_rows[0][2]


def test_the_word_ledger_lists_a_line_per_stop_without_lunch() -> None:
    record, facts = _day_with_lunch()
    changed = tuple(
        DoneItem(item.text, DoneState.CHANGED, item.stop_uid, "改在室外")
        if item.text.endswith("重温入党誓词")
        else item
        for item in record.done
    )
    record = ActivityRecord(7, DAY, record.attendance, done=changed)
    ledger = build_ledger("第一党支部", 2026, [record], {7: facts}, MEMBERS, date(2026, 12, 31))
    document = Document(io.BytesIO(render_ledger_docx(ledger)))
    page = document.tables[-1]
    content = {r.cells[0].text: r.cells[1].text for r in page.rows}["活动内容"]
    assert content.splitlines() == [
        "高君宇故居：参观学习、重温入党誓词（有调整：改在室外）",
        "太原解放纪念馆：参观学习",
    ]


def test_a_member_away_on_leave_gets_no_zero_percent() -> None:
    """杨国华, away on business the one day, printed "0.0%" like someone absent without a
    reason: a rate is no mark against approved leave."""
    record, facts = _day_with_lunch()
    ledger = build_ledger("第一党支部", 2026, [record], {7: facts}, MEMBERS, date(2026, 12, 31))
    rows = {row[0]: row for row in build_ledger_summary(ledger).member_rows}
    # 应到 实到 请假 缺席 出席率, then 列席 (nobody not in the Party came)
    assert rows["杨国华"][-6:] == ("1", "0", "1", "0", "—", "0")
    assert rows["王芳"][-2] == "100.0%"
    absent = ActivityRecord(
        7, DAY, (Attendance(2, "杨国华", Presence.ABSENT),), done=record.done
    )
    ledger = build_ledger("第一党支部", 2026, [absent], {7: facts}, MEMBERS, date(2026, 12, 31))
    assert build_ledger_summary(ledger).member_rows[0][-2] == "0.0%"  # absent: counted as is


def _footer_fields(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footers = [n for n in archive.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)]
        document = archive.read("word/document.xml").decode()
        assert footers and document.count("<w:footerReference") == document.count("<w:sectPr>")
        return re.findall(r'w:instr=" (\w+) "', archive.read(footers[0]).decode())


def test_word_documents_carry_page_numbers_a_dated_signature_and_wide_names() -> None:
    record, facts = _day_with_lunch()
    record = replace(record, photos=(PhotoRef("0" * 64, "photos/gone.jpg", caption="合影"),))
    ledger = build_ledger("市档案局第二党支部", 2026, [record], {7: facts}, MEMBERS,
                          date(2026, 12, 31))
    data = render_ledger_docx(ledger)
    assert _footer_fields(data) == ["PAGE", "NUMPAGES"]
    document = Document(io.BytesIO(data))
    title = document.paragraphs[0].text
    assert title == "市档案局第二党支部\n2026年主题党日活动台账"  # not "…主题党日活 / 动台账"
    members = document.tables[2]
    assert members.rows[0].cells[0].width >= Cm(3.5)  # "阿依古丽·买买提" on one line
    heading = next(p for p in document.paragraphs if p.text == "照片")
    assert heading.paragraph_format.keep_with_next  # never alone at a page's foot

    sites = site_map([make_site(1, "高君宇故居")])
    plan = make_plan([site_stop(1, Activity(ActivityKind.TOUR, 60))])
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    data = render_docx(doc, issued=date(2026, 11, 30))
    assert _footer_fields(data) == ["PAGE", "NUMPAGES"]
    paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs if p.text]
    assert paragraphs[-2:] == ["第一党支部", "2026年11月30日"]  # 落款: the branch, then the date
