"""A small SVG glyph per event type, drawn white on the type's colour.

Hand-drawn in a 24×24 box so the page needs no icon font (Font Awesome would be
one more vendored package and a font download). The strings are constants of this
module, never data, so they go into the page as they are.
"""

from __future__ import annotations

from incidents.domain import EventType

#: The inner shapes of each glyph (24×24 view box, white fill or stroke).
_GLYPHS: dict[str, str] = {
    # A burst: an eight-pointed star.
    EventType.EXPLOSION.value: (
        '<path d="M12 2l2.2 5.6L20 5l-2.6 5.8L23 12l-5.6 1.9L20 19l-5.8-2.6L12 22'
        'l-2.2-5.6L4 19l2.6-5.8L1 12l5.6-1.9L4 5l5.8 2.6z"/>'
    ),
    # A burst with a figure's head: the bomber.
    EventType.SUICIDE_BOMBING.value: (
        '<path d="M12 3l2 4.5 4.8-1.8-1.8 4.8L21.5 12 17 14l1.8 4.8-4.8-1.8L12 21.5'
        ' 10 17l-4.8 1.8L7 14 2.5 12 7 10 5.2 5.2 10 7z"/>'
        '<circle cx="12" cy="12" r="3" fill="currentColor"/>'
    ),
    # An aircraft seen from above.
    EventType.AIRSTRIKE.value: (
        '<path d="M11 2h2l1 7 8 4v2l-8-2-.6 5 2.6 2v2l-4-1-4 1v-2l2.6-2L10 13l-8 2v-2l8-4z"/>'
    ),
    # A shell.
    EventType.SHELLING.value: (
        '<path d="M12 2c2.5 2 3.5 5 3.5 8v8h-7v-8c0-3 1-6 3.5-8z"/>'
        '<rect x="7.5" y="19" width="9" height="3" rx="1"/>'
    ),
    # Two crossed blades.
    EventType.ARMED_CLASH.value: (
        '<path d="M4 3l9.5 9.5-1.4 1.4L2.6 4.4zM20 3l1.4 1.4-13 13L7 16z'
        'M3 19l3-3 2 2-3 3zM21 19l-3-3-2 2 3 3z"/>'
    ),
    # A crosshair.
    EventType.SHOOTING.value: (
        '<circle cx="12" cy="12" r="6.5" fill="none" stroke="#fff" stroke-width="2.2"/>'
        '<path d="M11 1h2v6h-2zM11 17h2v6h-2zM1 11h6v2H1zM17 11h6v2h-6z"/>'
    ),
    # Two figures.
    EventType.ATTACK_ON_CIVILIANS.value: (
        '<circle cx="8" cy="7" r="3"/><circle cx="16.5" cy="8" r="2.5"/>'
        '<path d="M2.5 20c0-4 2.5-7 5.5-7s5.5 3 5.5 7zM13.5 20c.3-2.5 0-5 -1-6.5'
        ' 1-.9 2.4-1.5 4-1.5 3 0 5 2.8 5 8z"/>'
    ),
    # A hooded head.
    EventType.KIDNAPPING.value: (
        '<path d="M12 2a7 7 0 0 1 7 7v4c0 5-3.5 9-7 9s-7-4-7-9V9a7 7 0 0 1 7-7z"/>'
        '<path d="M8 10h8v2.5H8z" fill="currentColor"/>'
    ),
    # Handcuffs.
    EventType.ARREST.value: (
        '<circle cx="7" cy="14" r="4.5" fill="none" stroke="#fff" stroke-width="2.4"/>'
        '<circle cx="17" cy="14" r="4.5" fill="none" stroke="#fff" stroke-width="2.4"/>'
        '<path d="M10 6h4v3h-4z"/><path d="M9 7.5h6" stroke="#fff" stroke-width="1.5"/>'
    ),
    # A road barrier.
    EventType.ROAD_CLOSURE.value: (
        '<rect x="2" y="8" width="20" height="6" rx="1"/>'
        '<path d="M5 14h2.5v7H5zM16.5 14H19v7h-2.5z"/>'
        '<path d="M6 8l4 6H7.5l-4-6zM13 8l4 6h-2.5l-4-6z" fill="currentColor"/>'
    ),
    # A shield.
    EventType.SECURITY_DEPLOYMENT.value: (
        '<path d="M12 2l8 3v6c0 5-3.4 9.3-8 11-4.6-1.7-8-6-8-11V5z"/>'
    ),
}
#: A dot, for a type this table does not know.
_OTHER = '<circle cx="12" cy="12" r="5"/>'


def glyph_svg(event_type: str) -> str:
    """The glyph of ``event_type`` as an inline ``<svg>`` (white; ``currentColor`` is
    the marker's colour, for cut-outs)."""
    shapes = _GLYPHS.get(event_type, _OTHER)
    return (
        '<svg class="incident-glyph" viewBox="0 0 24 24" aria-hidden="true" fill="#fff">'
        f"{shapes}</svg>"
    )


def known_glyphs() -> frozenset[str]:
    return frozenset(_GLYPHS)
