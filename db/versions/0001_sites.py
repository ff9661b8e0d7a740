"""Site catalogue and the organiser's per-field corrections.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), unique=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("district", sa.String(32), nullable=False),
        sa.Column("district_adcode", sa.String(6)),
        sa.Column("in_taiyuan", sa.Boolean, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("crs_origin", sa.String(8)),
        sa.Column("coord_confidence", sa.String(16), nullable=False),
        sa.Column("coord_basis", sa.Text, nullable=False),
        sa.Column("coord_verified", sa.Boolean, nullable=False),
        sa.Column("facts", sa.JSON, nullable=False),
        sa.Column("significance", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("last_verified", sa.Date),
        sa.Column("visit_minutes", sa.Integer),
        sa.Column("search_keys", sa.Text, nullable=False),
        sa.Column("catalogue_version", sa.Integer),
        sa.Column("updated_at", sa.DateTime),
    )
    op.create_table(
        "site_edits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "site_id", sa.Integer, sa.ForeignKey("sites.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.JSON),
        sa.Column("edited_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("site_id", "field", name="uq_site_edits_site_field"),
    )
    op.create_index("ix_site_edits_site_id", "site_edits", ["site_id"])


def downgrade() -> None:
    op.drop_index("ix_site_edits_site_id", "site_edits")
    op.drop_table("site_edits")
    op.drop_table("sites")
