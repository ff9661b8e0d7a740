"""Each activity record keeps the theme (活动主题) its day was held under, as it keeps the day and
the places: renaming the plan afterwards (reusing it for next month) no longer renames that past
day in the 台账. Existing records take their plan's title as it is now.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("activity_records") as batch:
        batch.add_column(sa.Column("title", sa.Text, nullable=False, server_default=""))
    op.execute(
        "UPDATE activity_records SET title ="
        " (SELECT plans.title FROM plans WHERE plans.id = activity_records.plan_id)"
        " WHERE EXISTS (SELECT 1 FROM plans WHERE plans.id = activity_records.plan_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("activity_records") as batch:
        batch.drop_column("title")
