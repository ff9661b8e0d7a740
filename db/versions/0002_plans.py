"""Party-day plans and their ordered stops.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("branch", sa.String(200), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("participants", sa.Integer, nullable=False),
        sa.Column("organiser", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("transport", sa.String(16), nullable=False),
        sa.Column("gathering", sa.JSON, nullable=False),
        sa.Column("gathering_time", sa.String(5), nullable=False),
        sa.Column("returns_to_gathering", sa.Boolean, nullable=False),
        sa.Column("return_leg_override", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    op.create_table(
        "plan_stops",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("stop_uid", sa.String(32), nullable=False),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id", ondelete="RESTRICT")),
        sa.Column("custom", sa.JSON),
        sa.Column("visit_minutes", sa.Integer),
        sa.Column("activities", sa.JSON, nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False),
        sa.Column("start_override", sa.String(5)),
        sa.Column("leg_minutes_override", sa.Integer),
    )
    op.create_index("ix_plan_stops_plan_id", "plan_stops", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_plan_stops_plan_id", "plan_stops")
    op.drop_table("plan_stops")
    op.drop_table("plans")
