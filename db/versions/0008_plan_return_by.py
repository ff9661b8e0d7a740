"""A plan may say when the branch must be back (返回时间（最晚）, "HH:MM"); the day's schedule is
checked against it. Existing plans say nothing (NULL).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("return_by", sa.String(5)))


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("return_by")
