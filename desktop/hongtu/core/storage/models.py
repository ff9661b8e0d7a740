"""ORM tables. Schema changes are Alembic migrations in the top-level ``db/versions``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class SiteRow(Base):
    """A site as the catalogue (or the organiser, for places they added) describes it.

    Catalogue rows are refreshed by every re-seed; the organiser's corrections live in
    ``site_edits`` so a re-seed can never overwrite them.
    """

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str | None] = mapped_column(String(64), unique=True)
    origin: Mapped[str] = mapped_column(String(16), default="catalogue")
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    category: Mapped[str] = mapped_column(String(32))
    district: Mapped[str] = mapped_column(String(32), default="")
    district_adcode: Mapped[str | None] = mapped_column(String(6))
    in_taiyuan: Mapped[bool] = mapped_column(Boolean, default=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    crs_origin: Mapped[str | None] = mapped_column(String(8))
    coord_confidence: Mapped[str] = mapped_column(String(16), default="unknown")
    coord_basis: Mapped[str] = mapped_column(Text, default="")
    coord_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    significance: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    last_verified: Mapped[date | None] = mapped_column(Date)
    visit_minutes: Mapped[int | None] = mapped_column(Integer)
    search_keys: Mapped[str] = mapped_column(Text, default="")
    catalogue_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)

    edits: Mapped[list[SiteEditRow]] = relationship(
        back_populates="site", cascade="all, delete-orphan", lazy="selectin"
    )


class SiteEditRow(Base):
    """One field of a site as the organiser corrected it (position, hours, phone, ...)."""

    __tablename__ = "site_edits"
    __table_args__ = (UniqueConstraint("site_id", "field", name="uq_site_edits_site_field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[Any] = mapped_column(JSON)
    edited_at: Mapped[datetime] = mapped_column(DateTime)

    site: Mapped[SiteRow] = relationship(back_populates="edits")
