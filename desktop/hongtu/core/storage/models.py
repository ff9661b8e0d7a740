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
    # who confirmed it, when, the source and a confidence (``site_rows.provenance_to_json``);
    # None for the organiser's own edit
    provenance: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

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
    return_by: Mapped[str | None] = mapped_column(String(5))  # "HH:MM"; NULL: not said
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


class BranchRow(Base):
    """A Party branch (党支部), named as the plans name it."""

    __tablename__ = "branches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MemberRow(Base):
    """One person's time in a branch: a member who leaves keeps the row with ``left_on``."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(30))
    role: Mapped[str] = mapped_column(String(60), default="")
    party_status: Mapped[str] = mapped_column(String(16))
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    # 转正日期: 预备党员 before it, 正式党员 from it on (migration 0007); null when not known
    full_since: Mapped[date | None] = mapped_column(Date)
    # 入党日期: 入党积极分子 before it (migration 0009); null when not known
    admitted_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class RecordRow(Base):
    """The record of one Party-day (活动记录), one per plan; every correction raises ``version``
    and keeps the state it replaced in ``record_history``."""

    __tablename__ = "activity_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), unique=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="RESTRICT"))
    day: Mapped[date] = mapped_column(Date)
    # the theme the day was held under (the plan's title when recorded; a rename of the plan
    # since does not change it, a correction may)
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    host: Mapped[str] = mapped_column(String(30), default="")
    recorder: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(16), default="recorded")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    attendance: Mapped[list[AttendanceRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="AttendanceRow.id"
    )
    guests: Mapped[list[GuestRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="GuestRow.position"
    )
    done: Mapped[list[DoneRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="DoneRow.position"
    )
    photos: Mapped[list[PhotoRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="PhotoRow.position"
    )


class RecordHistoryRow(Base):
    """A record as it stood before a correction (JSON snapshot of every part)."""

    __tablename__ = "record_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("activity_records.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class AttendanceRow(Base):
    __tablename__ = "record_attendance"
    __table_args__ = (
        UniqueConstraint("record_id", "member_id", name="uq_record_attendance_member"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("activity_records.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    state: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(200), default="")
    # 政治面貌 that day as the roster had it when the record was saved (migration 0011: what the
    # roster said then): the 台账 counts the day by it, whatever the roster says since
    party_status: Mapped[str | None] = mapped_column(String(16))


class GuestRow(Base):
    __tablename__ = "record_guests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("activity_records.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(String(100), default="")


class DoneRow(Base):
    """A planned stop or activity as it went: done, changed, skipped, or added on the day."""

    __tablename__ = "record_done"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("activity_records.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    stop_uid: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(String(200), default="")


class PhotoRow(Base):
    """A photo stored once by content hash in the data folder, with its thumbnail."""

    __tablename__ = "record_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("activity_records.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(500))
    thumbnail_path: Mapped[str] = mapped_column(String(500))
    caption: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)
