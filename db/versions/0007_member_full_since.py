"""Each member may carry a 转正日期 (the day a 预备党员 became 正式党员): a record of a day
before it counts and prints the member as 预备党员, from it on as 正式党员, so a past year's
台账 no longer shows today's 政治面貌. Existing members have none (as before: their status as
entered, on every day).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("full_since", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("full_since")
