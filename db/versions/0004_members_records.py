"""Branch rosters (members with join/leave dates) and the record of each Party-day.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("name", sa.String(30), nullable=False),
        sa.Column("role", sa.String(60), nullable=False),
        sa.Column("party_status", sa.String(16), nullable=False),
        sa.Column("joined_on", sa.Date),
        sa.Column("left_on", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_members_branch_id", "members", ["branch_id"])
    op.create_table(
        "activity_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("host", sa.String(30), nullable=False),
        sa.Column("recorder", sa.String(30), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default=sa.text("1")),
    )
    op.create_index("ix_activity_records_branch_day", "activity_records", ["branch_id", "day"])
    op.create_table(
        "record_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer,
                  sa.ForeignKey("activity_records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("snapshot", sa.JSON, nullable=False),
    )
    op.create_index("ix_record_history_record_id", "record_history", ["record_id"])
    op.create_table(
        "record_attendance",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer,
                  sa.ForeignKey("activity_records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.UniqueConstraint("record_id", "member_id", name="uq_record_attendance_member"),
    )
    op.create_table(
        "record_guests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer,
                  sa.ForeignKey("activity_records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(30), nullable=False),
        sa.Column("note", sa.String(100), nullable=False),
    )
    op.create_table(
        "record_done",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer,
                  sa.ForeignKey("activity_records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("stop_uid", sa.String(32)),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
    )
    op.create_table(
        "record_photos",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer,
                  sa.ForeignKey("activity_records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("thumbnail_path", sa.String(500), nullable=False),
        sa.Column("caption", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("record_photos")
    op.drop_table("record_done")
    op.drop_table("record_guests")
    op.drop_table("record_attendance")
    op.drop_index("ix_record_history_record_id", "record_history")
    op.drop_table("record_history")
    op.drop_index("ix_activity_records_branch_day", "activity_records")
    op.drop_table("activity_records")
    op.drop_index("ix_members_branch_id", "members")
    op.drop_table("members")
    op.drop_table("branches")
