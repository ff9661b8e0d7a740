"""ORM tables. Schema changes are Alembic migrations in the top-level ``db/versions``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
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


class PlanRow(Base):
    """A Party-day plan (活动方案). Deleting only sets ``deleted_at`` so it can be undone."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    branch: Mapped[str] = mapped_column(String(200), default="")
    day: Mapped[date] = mapped_column(Date)
    participants: Mapped[int] = mapped_column(Integer, default=20)
    organiser: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    transport: Mapped[str] = mapped_column(String(16), default="coach")
    gathering: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    gathering_time: Mapped[str] = mapped_column(String(5), default="08:00")
    returns_to_gathering: Mapped[bool] = mapped_column(Boolean, default=True)
    return_leg_override: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Raised by one on every save, delete and restore; a save names the version it was made
    # from and is refused when the row has moved on (another window or the CLI saved first).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    stops: Mapped[list[PlanStopRow]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        order_by="PlanStopRow.position",
        lazy="selectin",
    )


class PlanStopRow(Base):
    __tablename__ = "plan_stops"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    stop_uid: Mapped[str] = mapped_column(String(32))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"))
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    visit_minutes: Mapped[int | None] = mapped_column(Integer)
    activities: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    start_override: Mapped[str | None] = mapped_column(String(5))
    leg_minutes_override: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[PlanRow] = relationship(back_populates="stops")
