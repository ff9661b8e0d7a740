"""The documents' title says the branch and the Party-day once each, whatever the organiser typed.

An organiser often types the official title itself ("中共…第一党支部关于开展…主题党日活动的实施
方案"), or names the branch in a short one ("第一党支部七一参观学习"): the printed schedule, the
sign-in sheet, the 活动方案 and every other export must not print the branch twice, nor make the
Word document a "方案方案".
"""

from __future__ import annotations

import docx
import pytest

from factories import make_plan
from hongtu.core.document import DocumentLabels, build_document, plan_title
from hongtu.core.exports import ExportFormat, export_plan
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule

BRANCH = "中共太原市杏花岭区某某街道某某社区第一党支部"


def title_of(branch: str, typed: str) -> str:
    plan = make_plan()
    plan.branch, plan.title = branch, typed
    return build_document(plan, compute_schedule(plan, {}, DEFAULT_SETTINGS), {}).title


@pytest.mark.parametrize(
    ("branch", "typed", "title"),
    [
        ("第一党支部", "重温入党誓词", "第一党支部“重温入党誓词”主题党日活动"),
        ("第一党支部", "七一主题党日", "第一党支部七一主题党日"),
        ("第一党支部", "第一党支部七一参观学习", "“第一党支部七一参观学习”主题党日活动"),
        (
            BRANCH,
            f"{BRANCH}关于开展“学党史、悟思想”主题党日活动的实施方案",
            f"{BRANCH}关于开展“学党史、悟思想”主题党日活动的实施方案",
        ),
        ("", "重温入党誓词", "“重温入党誓词”主题党日活动"),
        (  # the branch field in its formal 委员会 form, the title naming it the usual way
            f"{BRANCH}委员会",
            f"{BRANCH}2026年12月“学习贯彻全会精神”主题党日活动",
            f"{BRANCH}2026年12月“学习贯彻全会精神”主题党日活动",
        ),
        (  # an official title naming the branch a little differently
            "某某社区第一党支部",
            "中共某某社区第一支部委员会“传承红色基因”主题党日活动",
            "中共某某社区第一支部委员会“传承红色基因”主题党日活动",
        ),
        ("第一党支部", "学习党支部工作条例", "第一党支部“学习党支部工作条例”主题党日活动"),
    ],
)
def test_the_branch_and_the_party_day_are_said_once(branch: str, typed: str, title: str) -> None:
    assert title_of(branch, typed) == title


def test_the_word_plan_is_a_plan_once(tmp_path) -> None:
    labels = DocumentLabels()
    for typed, heading in [
        ("七一主题党日活动方案", "第一党支部七一主题党日活动方案"),
        ("重温入党誓词", "第一党支部“重温入党誓词”主题党日活动方案"),
    ]:
        plan = make_plan()
        plan.title = typed
        doc = build_document(plan, compute_schedule(plan, {}, DEFAULT_SETTINGS), {})
        assert plan_title(doc, labels) == heading
        path = export_plan(doc, ExportFormat.DOCX, tmp_path / f"{typed}.docx")
        assert docx.Document(str(path)).paragraphs[0].text == heading
