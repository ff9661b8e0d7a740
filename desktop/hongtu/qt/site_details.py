"""The details panel: every fact about a site, each with its source and confidence.

All text is escaped: catalogue and organiser text never becomes markup. The panel's only link,
编辑站点信息…, asks (``edit_info_requested``) for the dialog where the organiser fills in what
they confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from hongtu.core.confirmed_facts import RULE_FACTS, Shown, shown_fact
from hongtu.core.sites import (
    Confidence,
    Fact,
    PositionOrigin,
    Provenance,
    Site,
    VisitorAccess,
)
from hongtu.core.text import escape_markup as escape
from hongtu.qt.rules_text import rules_facts
from hongtu.qt.site_model import category_label


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteDetails", text)


def confidence_label(confidence: Confidence) -> str:
    return {
        Confidence.HIGH: tr("可信度高"),
        Confidence.MEDIUM: tr("可信度中"),
        Confidence.LOW: tr("可信度低"),
        Confidence.UNKNOWN: tr("可信度未知"),
    }[confidence]


def _fact_labels() -> list[tuple[str, str]]:
    return [
        ("address", tr("地址")),
        ("protection_level", tr("保护级别")),
        ("opening_hours", tr("开放时间")),
        ("closed_days", tr("闭馆日")),
        ("reservation", tr("预约")),
        ("admission", tr("门票")),
        ("phone", tr("电话")),
    ]


EDIT_INFO_URL = "hongtu:edit-info"


def site_details_html(site: Site, edit_link: bool = False) -> str:
    parts = [f"<h2 style='color:#8b0000;margin:0'>{escape(site.name)}</h2>"]
    if edit_link:
        parts.append(
            f"<p style='margin:2px 0'><a href='{EDIT_INFO_URL}'>{escape(tr('编辑站点信息…'))}</a>"
            f" <small style='color:#888'>{escape(tr('填写确认过的开放时间、预约等'))}</small></p>"
        )
    if site.aliases:
        aliases = tr("又名：{0}").format(tr("、").join(site.aliases))
        parts.append(f"<p style='color:#5d4037'>{escape(aliases)}</p>")
    parts.append(
        f"<p>{escape(category_label(site.category))} · {escape(site.district)}"
        + ("" if site.in_taiyuan else f" · <b>{escape(tr('太原市外'))}</b>")
        + "</p>"
    )
    parts.append(_position_html(site))
    parts.append("<table cellspacing='0' cellpadding='3' width='100%'>")
    for field, label in _fact_labels():
        if field in RULE_FACTS:
            parts.append(_rule_fact_row(field, label, site))
        else:
            parts.append(_fact_row(field, label, getattr(site, field), site))
    parts.append(_access_row(site))
    minutes = tr("{0} 分钟").format(site.visit_minutes)
    if site.visit_minutes_is_default:
        minutes += tr("（默认值，可修改）")
    parts.append(
        f"<tr><td valign='top'><b>{escape(tr('参观时长'))}</b></td><td>{escape(minutes)}</td></tr>"
    )
    parts.append("</table>")
    if site.significance:
        parts.append(f"<h3>{escape(tr('简介'))}</h3><p>{escape(site.significance)}</p>")
    if site.notes:
        parts.append(f"<h3>{escape(tr('组织提示'))}</h3><p>{escape(site.notes)}</p>")
    parts.append(_sources_html(site))
    return "\n".join(parts)


def _position_html(site: Site) -> str:
    position = site.position
    if position is None:
        text = tr("位置未知：没有可靠的坐标。可在地图上点击或粘贴坐标来标注。")
        return f"<p style='background:#fdecea;padding:4px'>{escape(text)}</p>"
    coordinate = f"{position.point.lat:.5f}, {position.point.lon:.5f} (WGS-84)"
    badge = ""
    if not position.verified:
        badge = (
            f"<span style='background:#fff3cd;color:#7a5b00'>&nbsp;{escape(tr('位置待核实'))}"
            "&nbsp;</span> "
        )
    if position.origin is PositionOrigin.USER:
        if site.key is None:  # a place the organiser added: placed, not corrected
            note = tr("组织者添加于 {0}").format(position.edited_on or "")
        else:
            note = tr("组织者更正于 {0}").format(position.edited_on or "")
        provenance = site.provenance_of("position")
        if provenance is not None:  # taken from a site-corrections file
            note = _provenance_text(provenance)
        return f"<p>{badge}{escape(coordinate_text(coordinate))}<br>{escape(note)}</p>"
    return (
        f"<p>{badge}{escape(coordinate_text(coordinate))} · "
        f"{escape(confidence_label(position.confidence))}<br>"
        f"<small>{escape(tr('依据：{0}').format(position.basis))}</small></p>"
    )


def coordinate_text(coordinate: str) -> str:
    """``坐标：37.87450, 112.55730`` / ``Coordinates: …``: the colon of the language."""
    return tr("坐标：{0}").format(coordinate)


_ASK_BY_PHONE = frozenset({"opening_hours", "closed_days", "reservation", "phone"})


def _fact_row(field: str, label: str, fact: Fact, site: Site) -> str:
    if not fact.known:
        value = f"<span style='color:#888'>{escape(tr('未知'))}</span>"
        if field in _ASK_BY_PHONE:
            value += f" <small style='color:#888'>{escape(tr('（请出行前电话确认）'))}</small>"
        return f"<tr><td valign='top' width='22%'><b>{escape(label)}</b></td><td>{value}</td></tr>"
    if fact.origin is PositionOrigin.USER:
        meta = _confirmed_by(site, field, tr("组织者填写"))
    else:
        refs = "".join(f"[{i + 1}]" for i in fact.source_ids if i < len(site.sources))
        meta = f"{confidence_label(fact.confidence)} {refs}".strip()
    return (
        f"<tr><td valign='top' width='22%'><b>{escape(label)}</b></td>"
        f"<td>{escape(fact.value or '')} <small style='color:#6d4c41'>({escape(meta)})</small>"
        "</td></tr>"
    )


def _rule_fact_row(field: str, label: str, site: Site) -> str:
    """Hours, closed days, booking: worded from the organiser's rules, notes after them."""
    shown = shown_fact(site, field)
    if shown.shown is Shown.UNKNOWN or shown.fact is None:
        return _fact_row(field, label, getattr(site, field), site)
    if shown.shown is Shown.CATALOGUE:
        return _fact_row(field, label, shown.fact, site)
    confirmed = _confirmed_by(
        site, "rules" if shown.shown is Shown.RULES else field, tr("组织者确认")
    )
    meta = f" <small style='color:#6d4c41'>({escape(confirmed)})</small>"
    note = ""
    if shown.note:
        note = f"<br><small>{escape(tr('组织者备注：{0}').format(shown.note))}</small>"
    if shown.shown is Shown.NOTE:
        value = f"<small style='color:#888'>{escape(tr('规则未填写'))}</small>"
        return (
            f"<tr><td valign='top' width='22%'><b>{escape(label)}</b></td><td>{value}{note}"
            "</td></tr>"
        )
    text = rules_facts(shown.rules).get(field, "")
    catalogue = ""
    if shown.fact.known and shown.fact.origin is not PositionOrigin.USER:
        refs = "".join(f"[{i + 1}]" for i in shown.fact.source_ids if i < len(site.sources))
        catalogue = (
            f"<br><small>{escape(tr('目录：{0}').format(shown.fact.value or ''))} {refs}</small>"
        )
    return (
        f"<tr><td valign='top' width='22%'><b>{escape(label)}</b></td>"
        f"<td>{escape(text)}{meta}{note}{catalogue}</td></tr>"
    )


def access_text(status: VisitorAccess) -> str:
    return {
        VisitorAccess.UNKNOWN: tr("未知"),
        VisitorAccess.OPEN: tr("有接待参观的记录"),
        VisitorAccess.EXTERIOR_ONLY: tr("未确认对外开放，可能只能在外观看"),
    }[status]


def _access_row(site: Site) -> str:
    access = site.access
    label = f"<td valign='top' width='22%'><b>{escape(tr('对外开放'))}</b></td>"
    text = escape(access_text(access.status))
    if access.status is VisitorAccess.UNKNOWN:
        return f"<tr>{label}<td><span style='color:#888'>{text}</span></td></tr>"
    if access.status is VisitorAccess.EXTERIOR_ONLY:
        text = f"<span style='background:#fdecea'>{text}</span>"
    if access.origin is PositionOrigin.USER:
        meta = _confirmed_by(site, "visitor_access", tr("组织者确认"))
    else:
        refs = "".join(f"[{i + 1}]" for i in access.source_ids if i < len(site.sources))
        meta = f"{confidence_label(access.confidence)} {refs}".strip()
    return f"<tr>{label}<td>{text} <small style='color:#6d4c41'>({escape(meta)})</small></td></tr>"


def _confirmed_by(site: Site, field: str, own: str) -> str:
    """Who confirmed the organiser-side value of ``field``: the file's provenance, or ``own``."""
    provenance = site.provenance_of(field)
    return _provenance_text(provenance) if provenance is not None else own


def _provenance_text(provenance: Provenance) -> str:
    # the corrections-file reader loads with the first site that was corrected from one, not at
    # start-up (the window's first paint does not need it)
    from hongtu.corrections_files import provenance_text

    return provenance_text(provenance)


def _sources_html(site: Site) -> str:
    if not site.sources:
        return ""
    items = []
    for number, source in enumerate(site.sources, start=1):
        items.append(
            f"<li value='{number}'>{escape(source.title)} — "
            f"<small>{escape(confidence_label(source.confidence))}</small><br>"
            f"<small style='color:#555'>{escape(source.url)}</small></li>"
        )
    verified = ""
    if site.last_verified:
        verified = (
            f"<p><small>{escape(tr('资料核对日期：{0}').format(f'{site.last_verified:%Y-%m-%d}'))}"
            "</small></p>"
        )
    return f"<h3>{escape(tr('资料来源'))}</h3><ol>{''.join(items)}</ol>{verified}"


class SiteDetailsPanel(QTextBrowser):
    edit_info_requested = Signal(int)  # the shown site's id: open 编辑站点信息

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.site_id: int | None = None
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.site_id = None
        self.setHtml(
            f"<p style='color:#888'>{escape(tr('在列表或地图上选择一个站点，查看详情。'))}</p>"
        )

    def show_site(self, site: Site) -> None:
        self.site_id = site.id
        self.setHtml(site_details_html(site, edit_link=True))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.toString() == EDIT_INFO_URL and self.site_id is not None:
            self.edit_info_requested.emit(self.site_id)
