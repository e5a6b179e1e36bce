"""How a marker looks: colour per event type, size per casualty count.

Kept apart from the Folium code so the legend and the markers read the same table,
and so the look can be tested without rendering a page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from incidents.domain import EventType

#: One colour per event type of the extraction spec (shared/EVENTS.md); violent events
#: in warm colours, strategic developments in cool ones.
TYPE_COLORS: dict[str, str] = {
    EventType.EXPLOSION.value: "#d62728",
    EventType.SUICIDE_BOMBING.value: "#7f0000",
    EventType.AIRSTRIKE.value: "#9467bd",
    EventType.SHELLING.value: "#ff7f0e",
    EventType.ARMED_CLASH.value: "#8c564b",
    EventType.SHOOTING.value: "#e377c2",
    EventType.ATTACK_ON_CIVILIANS.value: "#bcbd22",
    EventType.KIDNAPPING.value: "#17becf",
    EventType.ARREST.value: "#1f77b4",
    EventType.ROAD_CLOSURE.value: "#7f7f7f",
    EventType.SECURITY_DEPLOYMENT.value: "#2ca02c",
}
#: For a type the spec does not (yet) know; the marker is still drawn.
OTHER_COLOR = "#444444"

MIN_RADIUS = 6.0
MAX_RADIUS = 24.0
#: Outline of markers whose only source is a reader comment (lower confidence).
COMMENT_DASH = "4 3"


def color_for(event_type: str) -> str:
    """Fill colour of a marker of this type."""
    return TYPE_COLORS.get(event_type, OTHER_COLOR)


def type_label(event_type: str) -> str:
    """Label of a type: ``suicide_bombing`` -> ``Suicide bombing`` (not escaped)."""
    text = event_type.replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else "Unknown type"


def radius_for(casualties: int | None) -> float:
    """Marker radius in pixels, growing with the log of killed + injured.

    Log scale so a 100-casualty bombing does not hide its neighbours; unknown
    counts get the smallest size, like zero.
    """
    if not casualties:
        return MIN_RADIUS
    return min(MAX_RADIUS, MIN_RADIUS + 3.0 * math.log2(1 + casualties))


def legend_types(types: Iterable[str]) -> list[str]:
    """Types for the legend: those present, in palette order, unknown ones last."""
    present = set(types)
    known = [t for t in TYPE_COLORS if t in present]
    return known + sorted(present - set(TYPE_COLORS))
