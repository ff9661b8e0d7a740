"""Each person of a recorded day keeps their 政治面貌 of that day (``record_attendance
.party_status``): the 台账 counts the day's 应到 and 列席 by it, so a roster changed after the
day (a 入党日期 moved earlier) no longer changes a recorded day's figures.

Existing records are given what they showed until now: each member's 政治面貌 on the record's
day by the roster as it is (their status, 入党日期 and 转正日期), so no figure of any 台账
changes with this migration (the database file is copied first, as before every migration).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

import datetime

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_IN_PARTY = ("full", "probationary")


def _day(value: object) -> datetime.date | None:
    """A date column as SQLite returns it through ``text()``: ISO text (or already a date)."""
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _status_on(
    status: str,
    admitted_on: datetime.date | None,
    full_since: datetime.date | None,
    day: datetime.date,
) -> str:
    """As hongtu.core.members.Member.status_on on the day of this migration (a migration does
    not follow later changes to the code)."""
    if status not in _IN_PARTY:
        return status
    if admitted_on is not None and day < admitted_on:
        return "activist"
    if full_since is None:
        return status
    return "probationary" if day < full_since else "full"


def upgrade() -> None:
    with op.batch_alter_table("record_attendance") as batch:
        batch.add_column(sa.Column("party_status", sa.String(16), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT a.id, r.day, m.party_status, m.admitted_on, m.full_since"
            " FROM record_attendance a"
            " JOIN activity_records r ON r.id = a.record_id"
            " JOIN members m ON m.id = a.member_id"
        )
    ).all()
    for attendance_id, day, status, admitted_on, full_since in rows:
        recorded_day = _day(day)
        assert recorded_day is not None  # activity_records.day is NOT NULL
        connection.execute(
            sa.text("UPDATE record_attendance SET party_status = :status WHERE id = :id"),
            {
                "status": _status_on(status, _day(admitted_on), _day(full_since), recorded_day),
                "id": attendance_id,
            },
        )


def downgrade() -> None:
    with op.batch_alter_table("record_attendance") as batch:
        batch.drop_column("party_status")
