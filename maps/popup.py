"""The HTML shown for an incident: popup, tooltip and legend fragments.

Everything taken from an incident goes through :func:`html.escape` here, the one
place data becomes HTML: place, evidence and source come from news articles and
reader comments and may hold markup. Links to a source are only made for http(s)
URLs, since escaping does not stop a ``javascript:`` URL from running when clicked.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import urlsplit

from maps.markers import MapIncident
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


def popup_html(incident: MapIncident) -> str:
    """The popup of one marker; the evidence keeps its own direction (rtl for fa/ar)."""
    lang = f' lang="{_text(incident.evidence_lang)}"' if incident.evidence_lang else ""
    href = safe_href(incident.url)
    source = f'<span dir="auto">{_text(incident.source)}</span>'
    if href is not None:
        rel = "noopener noreferrer nofollow"
        source = f'<a href="{href}" target="_blank" rel="{rel}">{source}</a>'
    if incident.source_kind == "comment":
        source += " (reader comment)"
    reports = "1 report" if incident.n_reports == 1 else f"{incident.n_reports} reports"
    return (
        f'<div class="incident-popup" data-incident-id="{int(incident.id)}">'
        f'<div class="incident-type">{_text(type_label(incident.type))}</div>'
        f'<div class="incident-place" dir="auto">{_text(incident.place)}'
        f" ({_text(incident.country)})</div>"
        '<table class="incident-facts">'
        f"<tr><th>Date</th><td>{_text(_or_unknown(incident.date))}</td></tr>"
        f"<tr><th>Killed</th><td>{_or_unknown(incident.killed)}</td></tr>"
        f"<tr><th>Injured</th><td>{_or_unknown(incident.injured)}</td></tr>"
        "</table>"
        f'<blockquote class="incident-evidence" dir="{incident.evidence_dir}"{lang}>'
        f"{_text(incident.evidence)}</blockquote>"
        f'<div class="incident-source">Source: {source}; {reports}</div>'
        f'<a class="incident-link" href="{incident_path(incident.id)}">'
        "Incident details</a>"
        "</div>"
    )


def tooltip_html(incident: MapIncident) -> str:
    """The hover text of one marker: type and place."""
    return f'{_text(type_label(incident.type))}: <span dir="auto">{_text(incident.place)}</span>'


def _swatch(color: str, dashed: bool = False) -> str:
    border = "border-style: dashed;" if dashed else ""
    return f'<i class="legend-swatch" style="background: {color};{border}"></i>'


def legend_html(incidents: Sequence[MapIncident], title: str) -> str:
    """The legend: the types on the map, what size and a dashed outline mean."""
    rows = [f'<div class="legend-title">{_text(title)}</div>']
    if not incidents:
        rows.append('<div class="legend-empty">No incidents to show</div>')
    for event_type in legend_types(i.type for i in incidents):
        rows.append(
            f'<div class="legend-row">{_swatch(color_for(event_type))}'
            f"{_text(type_label(event_type))}</div>"
        )
    if incidents:
        rows.append('<div class="legend-note">Larger circle: more killed + injured</div>')
    if any(i.source_kind == "comment" for i in incidents):
        rows.append(
            f'<div class="legend-row">{_swatch("#ffffff", dashed=True)}'
            "Only reported in a reader comment</div>"
        )
    return '<div class="incident-legend">' + "".join(rows) + "</div>"
