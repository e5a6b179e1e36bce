"""``incidents map --out FILE.html``: the map as a file that opens with no server.

The incidents are embedded in the page (up to a limit), the basemap too (a page
opened from a file cannot fetch), and the vendored scripts and styles are copied
beside it into ``FILE_files/``, as a browser's "save page" does. Nothing is loaded
from the network.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from incidents.errors import IncidentsError
from incidents.store.queries import IncidentFilter
from maps import static_dir
from maps.build import BASEMAP_PATH, build_incident_map
from maps.data import map_incidents, map_view
from maps.features import incidents_collection


@dataclass(frozen=True, slots=True)
class Exported:
    page: Path
    assets: Path
    incidents: int
    total: int


def export_map(
    session: Session,
    flt: IncidentFilter,
    out: Path,
    *,
    limit: int,
    title: str = "Incidents",
    tile_url: str | None = None,
    tile_attribution: str = "",
) -> Exported:
    """Write the map of the incidents matching ``flt`` (the ``limit`` most recent)
    to ``out`` and its assets to ``out``'s ``_files`` folder."""
    if out.suffix.lower() not in (".html", ".htm"):
        raise IncidentsError(f"--out {out}: the map is an HTML file; name it *.html")
    if not out.parent.is_dir():
        raise IncidentsError(f"--out {out}: folder {out.parent} does not exist")
    incidents = map_incidents(session, flt, limit)
    view = map_view(
        session,
        flt,
        title=title,
        features=incidents_collection(incidents, len(incidents)),
        basemap=json.loads((static_dir() / BASEMAP_PATH).read_text(encoding="utf-8")),
        tile_url=tile_url,
        tile_attribution=tile_attribution,
    )
    assets = out.with_name(f"{out.stem}_files")
    page = build_incident_map(view, static_url=assets.name)
    if assets.exists():
        shutil.rmtree(assets)
    shutil.copytree(static_dir(), assets, ignore=shutil.ignore_patterns("basemap"))
    out.write_text(page, encoding="utf-8")
    return Exported(out, assets, len(incidents), view.total)
