"""Journey: while the organiser corrects a recorded day in the window, ``hongtu record`` changes
the same day (a colleague, another process). 保存 does not throw away what was typed: the dialog
says what changed elsewhere, shows the newer record with the changes typed here on top of it
(the leave reason, the photo, the summary), and the next 保存 stores both; the history counts
each save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from hongtu.cli import main
from hongtu.core.records import Presence
from journey_helpers import click, ime_type, journey_window, no_chinese
from record_helpers import (
    drop_files,
    mark,
    open_record_dialog,
    photo_file,
    save,
    seed_branch,
)


def test_a_day_changed_elsewhere_keeps_what_was_typed_and_saves_both(
    qtbot, tmp_path: Path, lang
) -> None:
    db = str(tmp_path / "elsewhere.sqlite3")
    seeded = seed_branch(db, tmp_path)
    plan = str(seeded.past_plan)
    assert main(["--db", db, "record", plan, "--summary", "第一次的小结"]) == 0
    mine = photo_file(tmp_path / "合影.jpg", (180, 20, 20))
    theirs = photo_file(tmp_path / "献花.jpg", (20, 120, 20), orientation=1)
    with journey_window(qtbot, db) as (window, controller):
        dialog = open_record_dialog(qtbot, window, seeded.past_plan)
        mark(qtbot, dialog, "李四", Presence.LEAVE, "出差")
        assert drop_files(dialog, [mine])
        dialog.summary.selectAll()
        ime_type(dialog.summary, "这里写的小结")

        # meanwhile, elsewhere: 赵六 was absent, and a photo is added
        assert main(["--db", db, "record", plan, "--absent", "赵六", "--photo", str(theirs)]) == 0
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

        # the dialog stays, says what changed elsewhere, and shows both sides' changes
        assert dialog.isVisible() and dialog.saved is None
        said = dialog.problem.text()
        assert dialog.problem.isVisible() and "赵六" in said
        if lang == "en":
            assert no_chinese(said.replace("赵六", "")), said
            assert "Present → Absent" in said and "Photos changed" in said
        else:
            assert "赵六：出席 → 缺席" in said and "照片已修改" in said
        people = {a.name: (a.presence, a.reason) for a in dialog.attendance.attendance()}
        assert people["李四"] == (Presence.LEAVE, "出差")  # typed here
        assert people["赵六"] == (Presence.ABSENT, "")  # from elsewhere
        assert dialog.photos.list.count() == 2  # both photos
        assert dialog.summary.toPlainText() == "这里写的小结"
        counts = dialog.counts.text()
        assert ("Absent 1" in counts) if lang == "en" else ("缺席 1 人" in counts)
        assert ("corrections so far: 1" in dialog.notice.text()) if lang == "en" else (
            "已修改 1 次" in dialog.notice.text()
        )

        save(qtbot, dialog)  # a second look, then 保存 stores it
        record = controller.workspace.records.for_plan(seeded.past_plan)
        assert record is not None and record.version == 3
        stored = {a.name: (a.presence, a.reason) for a in record.attendance}
        assert stored["李四"] == (Presence.LEAVE, "出差")
        assert stored["赵六"] == (Presence.ABSENT, "")
        assert record.summary == "这里写的小结"
        assert len(record.photos) == 2
        history = controller.workspace.records.history(seeded.past_plan)
        assert [h["summary"] for h in history] == ["第一次的小结", "第一次的小结"]
