"""The HTML shown for an incident: popup, tooltip and legend fragments.

Everything taken from an incident goes through :func:`html.escape` here, the one
place data becomes HTML: place, evidence and source come from news articles and
reader comments and may hold markup. Links to a source are only made for http(s)
URLs, since escaping does not stop a ``javascript:`` URL from running when clicked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import urlsplit

from maps.icons import glyph_svg
from maps.markers import MapIncident, MapSource
from maps.style import color_for, legend_types, type_label


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _or_unknown(value: int | str | None) -> str:
    return "unknown" if value is None else str(value)


def safe_href(url: str | None) -> str | None:
    """``url`` escaped for an ``href``, or ``None`` unless absolute http(s) URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return _text(url.strip())


def incident_path(incident_id: int) -> str:
    """Where the API shows one incident."""
    return f"/incidents/{int(incident_id)}"


#: Sources listed in a popup; the rest are on the incident's page.
POPUP_SOURCES = 5


def _source_link(source: MapSource) -> str:
    label = f'<span dir="auto">{_text(source.label)}</span>'
    href = safe_href(source.url)
    if href is not None:
        rel = "noopener noreferrer nofollow"
        label = f'<a href="{href}" target="_blank" rel="{rel}">{label}</a>'
    if source.kind == "comment":
        label += " (reader comment)"
    return f"<li>{label}</li>"


def popup_html(incident: MapIncident) -> str:
    """The popup of one marker; the evidence keeps its own direction (rtl for fa/ar)."""
    lang = f' lang="{_text(incident.evidence_lang)}"' if incident.evidence_lang else ""
    reports = "1 report" if incident.n_reports == 1 else f"{incident.n_reports} reports"
    outlets = "1 source" if incident.n_sources == 1 else f"{incident.n_sources} sources"
    shown = incident.sources[:POPUP_SOURCES]
    more = incident.n_reports - len(shown)
    listed = "".join(_source_link(source) for source in shown)
    if more > 0:
        listed += f"<li>and {more} more on the incident page</li>"
    return (
        f'<div class="incident-popup" data-incident-id="{int(incident.id)}">'
        f'<div class="incident-type">{_text(type_label(incident.type))}</div>'
        f'<div class="incident-place" dir="auto">{_text(incident.place)}'
        f" ({_text(incident.country)})</div>"
        '<table class="incident-facts">'
        f"<tr><th>Date</th><td>{_text(_or_unknown(incident.date))}</td></tr>"
        f"<tr><th>Killed</th><td>{_or_unknown(incident.killed)}</td></tr>"
        f"<tr><th>Injured</th><td>{_or_unknown(incident.injured)}</td></tr>"
        f"<tr><th>Reports</th><td>{reports}, {outlets}</td></tr>"
        "</table>"
        f'<blockquote class="incident-evidence" dir="{incident.evidence_dir}"{lang}>'
        f"{_text(incident.evidence)}</blockquote>"
        f'<ul class="incident-sources">{listed}</ul>'
        f'<a class="incident-link" href="{incident_path(incident.id)}">'
        "Incident details</a>"
        "</div>"
    )


def tooltip_html(incident: MapIncident) -> str:
    """The hover text of one marker: type and place."""
    return f'{_text(type_label(incident.type))}: <span dir="auto">{_text(incident.place)}</span>'


def _legend_icon(event_type: str) -> str:
    return (
        f'<i class="legend-icon" style="background: {color_for(event_type)}">'
        f"{glyph_svg(event_type)}</i>"
    )


def legend_html(type_counts: Mapping[str, int], title: str) -> str:
    """The legend: each type that has incidents under the filters, with its icon and
    count, and what a marker's size, badge and dashed outline mean."""
    rows = [f'<div class="legend-title">{_text(title)}</div>']
    present = {t: n for t, n in type_counts.items() if n > 0}
    if not present:
        rows.append('<div class="legend-empty">No incidents to show</div>')
    for event_type in legend_types(present):
        rows.append(
            f'<div class="legend-row" data-type="{_text(event_type)}">'
            f"{_legend_icon(event_type)}{_text(type_label(event_type))}"
            f' <span class="legend-count">{int(present[event_type]):,}</span></div>'
        )
    if present:
        rows.append(
            '<div class="legend-note">Larger icon: more killed + injured; '
            "the badge is the number killed</div>"
            '<div class="legend-note">Dashed ring: only reported in a reader comment</div>'
        )
    return '<div class="incident-legend">' + "".join(rows) + "</div>"


def header_html(title: str, filters: Sequence[tuple[str, str]], total: int) -> str:
    """The header: the title, the active filters, and how many incidents match (the
    page's script keeps the count current as the view and the dates change)."""
    chips = "".join(
        f'<span class="filter-chip"><b>{_text(name)}</b> <span dir="auto">{_text(value)}</span>'
        "</span>"
        for name, value in filters
    )
    if not chips:
        chips = '<span class="filter-chip filter-none">no filters</span>'
    return (
        f'<div class="incident-header"><span class="header-title">{_text(title)}</span>'
        f'<span class="header-filters">{chips}</span>'
        f'<span class="header-count" id="incident-count">{int(total):,} incidents</span>'
        '<span class="header-inview" id="incident-inview"></span>'
        "</div>"
    )
