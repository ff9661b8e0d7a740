"""The Open Packaging Conventions parts both Office writers share (``sheetml``, ``wordml``):
the content types, the package's relationships, its core and app properties, and the zip.

Every part named in ``content_types`` is an Override with its content type; the package holds
exactly the parts given to ``package`` (and the media given with them).
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from io import BytesIO

from hongtu.core.text import clean_text
from hongtu.core.text import escape_markup as escape

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CORE = "docProps/core.xml"
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_APP = "docProps/app.xml"


def package(
    main: str,
    parts: dict[str, tuple[str, str]],
    *,
    rels: dict[str, str],
    title: str,
    creator: str,
    now: datetime | None = None,
    media: dict[str, bytes] | None = None,
) -> bytes:
    """The zipped package: ``parts`` (name → (content type, XML)), ``main`` the office
    document's own part (the package relationship points at it), the parts' ``rels`` (name →
    XML, typed by their extension), the properties and the ``media`` (name → bytes, stored as
    they are, typed by extension)."""
    media = media or {}
    everything = {
        **parts,
        _CORE: (_CORE_TYPE, _core(title, creator, now)),
        _APP: (f"{OFFICE}.extended-properties+xml", _app()),
    }
    files = {
        "[Content_Types].xml": _content_types(everything, media),
        "_rels/.rels": relationships(
            [("officeDocument", main), (_CORE_REL, _CORE), ("extended-properties", _APP)]
        ),
        **{name: xml for name, (_kind, xml) in everything.items()},
        **rels,
    }
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in files.items():
            archive.writestr(name, (_XML_HEAD + xml).encode("utf-8"))
        for name, data in media.items():
            archive.writestr(name, data, zipfile.ZIP_STORED)  # JPEG: compressed already
    return buffer.getvalue()


_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_MEDIA_TYPES = {"jpeg": "image/jpeg"}


def relationships(targets: list[tuple[str, str]], first: int = 1) -> str:
    """A relationships part: (type, target) pairs, ids ``rId{first}``…; a type without a
    scheme is one of the office document relationship types."""
    entries = "".join(
        f'<Relationship Id="rId{n}" Type="{kind if "://" in kind else f"{REL}/{kind}"}"'
        f' Target="{escape(target)}"/>'
        for n, (kind, target) in enumerate(targets, start=first)
    )
    return f'<Relationships xmlns="{_PKG_REL}">{entries}</Relationships>'


def _content_types(parts: dict[str, tuple[str, str]], media: dict[str, bytes]) -> str:
    extensions = sorted({name.rsplit(".", 1)[-1] for name in media})
    defaults = "".join(
        f'<Default Extension="{ext}" ContentType="{_MEDIA_TYPES[ext]}"/>' for ext in extensions
    )
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, (kind, _) in parts.items()
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{defaults}{overrides}'
        "</Types>"
    )


def _core(title: str, creator: str, now: datetime | None) -> str:
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(clean_text(title))}</dc:title>"
        f"<dc:creator>{escape(creator)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _app() -> str:
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>HongTu</Application></Properties>'
    )
