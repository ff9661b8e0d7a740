"""Each member may carry a 入党日期 (the day they were admitted as 预备党员): a record of a day
before it counts the member as an 入党积极分子, 列席 and not in 应到, so someone admitted during
the year is not counted absent (or present) for the months before. Existing members have none
(as before: their status as entered, on every day).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("admitted_on", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("admitted_on")
