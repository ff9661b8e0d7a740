"""Each organiser correction may carry where it came from: who confirmed it, when, the source
and a confidence (a site-corrections file taken from another organiser or the district office).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("site_edits") as batch:
        batch.add_column(sa.Column("provenance", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("site_edits") as batch:
        batch.drop_column("provenance")
