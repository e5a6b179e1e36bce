"""Score the extractor against gold annotations.

Two gold sources: the annotated corpus (``extract/training/data``, scored on one of
its splits) and the bundled sample corpus (``samples/expected.json``). An extracted
event matches a gold event of the same document when the type is the same and the
place is the same: same English name and country, or within 50 km of the gold
place: its ``lat`` / ``lon`` when the annotation gives them (a village the gazetteer
does not hold), else where the gazetteer puts it. Scores are reported per language
and per type, with exact-match accuracy of killed / injured and of the date on
matched events, and the share of gold-negative documents where nothing was
extracted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

from incidents.domain import Document, EventMention
from incidents.extract.extractor import Extractor
from incidents.extract.training.corpus import GoldDocument
from incidents.geocode import Gazetteer, choose
from incidents.readers import read_folder_strictly

MATCH_KM = 50.0


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _score_dict(s: Score) -> dict[str, Any]:
    return {
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
        "precision": round(s.precision, 3),
        "recall": round(s.recall, 3),
        "f1": round(s.f1, 3),
    }


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_lang: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    killed: list[bool] = field(default_factory=list)
    injured: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    negatives: list[bool] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": _score_dict(self.overall),
            "by_lang": {k: _score_dict(v) for k, v in sorted(self.by_lang.items())},
            "by_type": {k: _score_dict(v) for k, v in sorted(self.by_type.items())},
            "killed_exact": _share(self.killed),
            "injured_exact": _share(self.injured),
            "date_exact": _share(self.dates),
            "negatives_without_event": _share(self.negatives),
        }


class _Matcher:
    """Whether an extracted event is a gold event: same type, place by name or 50 km."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._points: dict[tuple[str, str], tuple[float, float] | None] = {}

    def point(self, place: str, country: str) -> tuple[float, float] | None:
        key = (place, country)
        if key not in self._points:
            entries = [e for e in self.gazetteer.lookup(place) if e.country == country]
            entry = choose(entries, {country})
            self._points[key] = (entry.lat, entry.lon) if entry else None
        return self._points[key]

    def same(self, gold: dict[str, Any], event: EventMention) -> bool:
        place = event.place
        if gold["type"] != event.type.value or place is None:
            return False
        if gold["place"].casefold() == place.name.casefold() and gold["country"] == place.country:
            return True
        if gold.get("lat") is not None and gold.get("lon") is not None:
            point: tuple[float, float] | None = (gold["lat"], gold["lon"])
        else:
            point = self.point(gold["place"], gold["country"])
        return point is not None and great_circle(point, (place.lat, place.lon)).km <= MATCH_KM


def _score_document(
    ev: Evaluation,
    matcher: _Matcher,
    document: Document,
    lang: str,
    gold: Iterable[dict[str, Any]],
    events: tuple[EventMention, ...],
) -> None:
    gold = list(gold)
    unmatched = list(events)
    if not gold:
        ev.negatives.append(not events)
    for g in gold:
        hit = next((e for e in unmatched if matcher.same(g, e)), None)
        for score in (ev.overall, ev.by_lang[lang], ev.by_type[g["type"]]):
            if hit:
                score.tp += 1
            else:
                score.fn += 1
        if hit is None:
            ev.errors.append({"document": document.key, "missed": g})
            continue
        unmatched.remove(hit)
        ev.killed.append(hit.killed == g.get("killed"))
        ev.injured.append(hit.injured == g.get("injured"))
        if g.get("date"):
            ev.dates.append(hit.date is not None and hit.date.isoformat() == g["date"])
        if hit.killed != g.get("killed") or hit.injured != g.get("injured"):
            ev.errors.append(
                {"document": document.key, "counts": [hit.killed, hit.injured], "expected": g}
            )
    for e in unmatched:
        for score in (ev.overall, ev.by_lang[lang], ev.by_type[e.type.value]):
            score.fp += 1
        ev.errors.append(
            {
                "document": document.key,
                "spurious": {
                    "type": e.type.value,
                    "place": e.place.name if e.place else None,
                    "evidence": e.evidence_text,
                },
            }
        )


def evaluate_gold(extractor: Extractor, documents: Iterable[GoldDocument]) -> Evaluation:
    """Score the extractor on annotated documents (one split of the training corpus)."""
    ev, matcher = Evaluation(), _Matcher(extractor.gazetteer)
    for gold in documents:
        result = extractor.extract(gold.document)
        _score_document(ev, matcher, gold.document, result.lang, gold.events, result.events)
    return ev


def evaluate_samples(
    extractor: Extractor, corpus: Path, gold_file: Path | None = None
) -> Evaluation:
    """Extract from every document under ``corpus`` and compare with ``expected.json``."""
    gold: dict[str, list[dict[str, Any]]] = json.loads(
        (gold_file or corpus / "expected.json").read_text(encoding="utf-8")
    )
    ev, matcher = Evaluation(), _Matcher(extractor.gazetteer)
    contexts: dict[str, frozenset[str]] = {}
    for document in read_folder_strictly(corpus):
        if document.key not in gold:
            continue
        context = contexts.get(document.parent_key or "", frozenset())
        result = extractor.extract(document, context)
        if document.parent_key is None:
            contexts[document.key] = result.countries
        _score_document(ev, matcher, document, result.lang, gold[document.key], result.events)
    return ev


def format_table(ev: Evaluation) -> str:
    rows = [("", "P", "R", "F1", "tp", "fp", "fn")]
    groups: list[tuple[str, Score]] = [
        ("all", ev.overall),
        *sorted(ev.by_lang.items()),
        *sorted(ev.by_type.items()),
    ]
    for name, s in groups:
        rows.append(
            (
                name,
                f"{s.precision:.2f}",
                f"{s.recall:.2f}",
                f"{s.f1:.2f}",
                str(s.tp),
                str(s.fp),
                str(s.fn),
            )
        )
    lines = ["  ".join(c.rjust(8) if i else c.ljust(20) for i, c in enumerate(r)) for r in rows]
    d = ev.as_dict()
    lines.append(
        f"killed exact {d['killed_exact']}  injured exact {d['injured_exact']}  "
        f"date exact {d['date_exact']}  negatives without event {d['negatives_without_event']}"
    )
    return "\n".join(lines)
