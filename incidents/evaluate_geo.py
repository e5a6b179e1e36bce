"""Score geocoding in context against the team's gold set (``incidents evaluate --geo``).

Each gold line is one place mention in a short text, with where it really is:
``{"id", "lang", "text", "mention", "name", "country", "lat", "lon", "precision",
"ambiguous", "coord_source"}``. The extractor reads the text as it reads news (folded,
tokenized, names found, the countries the text is about, minor towns admitted only
with evidence) and the name found over the gold mention is resolved in that context.

- **acc@161**: the chosen point lies within 161 km (100 miles) of the gold point, the
  geoparsing literature's measure.
- **exact**: the chosen place *is* the gold place: same country, same precision (a
  town and a district of it count as the same local precision) and within 10 km;
  within 3 km when the gold place is a district, so that Damascus is not Mezzeh.
- A mention the extractor finds no place for counts as wrong on both.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

from incidents.errors import ReaderError
from incidents.extract.extractor import Extractor
from incidents.geocode import GazetteerEntry

ACC_KM = 161.0
EXACT_KM = 10.0
EXACT_DISTRICT_KM = 3.0
_LOCAL = frozenset({"city", "district"})
_FIELDS = ("id", "lang", "text", "mention", "name", "country", "lat", "lon", "precision")


def gold_path() -> Path:
    return Path(str(resources.files("incidents.geocode").joinpath("data", "gold.jsonl")))


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str
    lang: str
    text: str
    mention: str
    name: str
    country: str
    lat: float
    lon: float
    precision: str
    ambiguous: bool


def load_gold(path: Path | None = None) -> list[GoldMention]:
    """The gold mentions; a bad line raises an error naming the file and line."""
    path = path or gold_path()
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            missing = [f for f in _FIELDS if f not in raw]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            if raw["mention"] not in raw["text"]:
                raise ValueError(f"mention {raw['mention']!r} is not in the text")
            rows.append(
                GoldMention(
                    id=str(raw["id"]),
                    lang=str(raw["lang"]),
                    text=str(raw["text"]),
                    mention=str(raw["mention"]),
                    name=str(raw["name"]),
                    country=str(raw["country"]),
                    lat=float(raw["lat"]),
                    lon=float(raw["lon"]),
                    precision=str(raw["precision"]),
                    ambiguous=bool(raw.get("ambiguous", False)),
                )
            )
        except (json.JSONDecodeError, ValueError, TypeError) as exc:
            raise ReaderError(str(path), str(exc), line=number) from exc
    return rows


@dataclass
class Tally:
    total: int = 0
    exact: int = 0
    near: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.total,
            "exact": round(self.exact / self.total, 3) if self.total else None,
            "acc_at_161_km": round(self.near / self.total, 3) if self.total else None,
        }


@dataclass
class GeoEvaluation:
    overall: Tally = field(default_factory=Tally)
    groups: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.as_dict(),
            "groups": {k: v.as_dict() for k, v in sorted(self.groups.items())},
        }


def is_exact(entry: GazetteerEntry, gold: GoldMention, km: float) -> bool:
    same_precision = entry.kind == gold.precision or {entry.kind, gold.precision} <= _LOCAL
    limit = EXACT_DISTRICT_KM if gold.precision == "district" else EXACT_KM
    return entry.country == gold.country and same_precision and km <= limit


def geocode_in_context(extractor: Extractor, gold: GoldMention) -> GazetteerEntry | None:
    """The place the extractor resolves the gold mention to, reading its whole text."""
    read = extractor.read_places(gold.text, gold.lang)
    start = gold.text.index(gold.mention)
    end = start + len(gold.mention)
    for mention in read.mentions:
        span = read.doc[mention.start : mention.end]
        begin, finish = read.folded.to_original(span.start_char, span.end_char)
        if begin < end and start < finish:
            return read.resolved[mention.start]
    return None


def evaluate_geo(extractor: Extractor, gold: Iterable[GoldMention]) -> GeoEvaluation:
    result = GeoEvaluation()
    for item in gold:
        entry = geocode_in_context(extractor, item)
        km = (
            float(great_circle((entry.lat, entry.lon), (item.lat, item.lon)).km)
            if entry is not None
            else None
        )
        exact = entry is not None and km is not None and is_exact(entry, item, km)
        near = km is not None and km <= ACC_KM
        groups = [item.lang, f"precision:{item.precision}"]
        if item.ambiguous:
            groups.append("ambiguous")
        for tally in (result.overall, *(result.groups[g] for g in groups)):
            tally.total += 1
            tally.exact += exact
            tally.near += near
        if not exact:
            result.errors.append(
                {
                    "id": item.id,
                    "mention": item.mention,
                    "gold": f"{item.name}, {item.country} ({item.precision})",
                    "found": None
                    if entry is None
                    else f"{entry.name}, {entry.country} ({entry.kind})",
                    "km": None if km is None else round(km, 1),
                }
            )
    return result


def format_geo_table(result: GeoEvaluation) -> str:
    lines = [f"{'':<24}{'mentions':>10}{'exact':>10}{'acc@161':>10}"]
    rows = [("all", result.overall), *sorted(result.groups.items())]
    for name, tally in rows:
        scores = tally.as_dict()
        lines.append(
            f"{name:<24}{tally.total:>10}{scores['exact'] or 0:>10.3f}"
            f"{scores['acc_at_161_km'] or 0:>10.3f}"
        )
    return "\n".join(lines)
