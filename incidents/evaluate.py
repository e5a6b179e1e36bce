"""Score the extractor against a gold file (the sample corpus's ``expected.json``).

An extracted event matches a gold event of the same document when the type is the
same and the place is the same (English name and country). Scores are reported per
language and per type, with exact-match accuracy of killed / injured on matched
events and the share of gold-negative documents where nothing was extracted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from incidents.domain import Document, EventMention
from incidents.errors import ReaderError
from incidents.extract.extractor import Extractor
from incidents.readers import iter_input_files, read_path


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


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_lang: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    killed: list[bool] = field(default_factory=list)
    injured: list[bool] = field(default_factory=list)
    negatives: list[bool] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def score(s: Score) -> dict[str, Any]:
            return {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
            }

        def share(values: list[bool]) -> float | None:
            return round(sum(values) / len(values), 3) if values else None

        return {
            "overall": score(self.overall),
            "by_lang": {k: score(v) for k, v in sorted(self.by_lang.items())},
            "by_type": {k: score(v) for k, v in sorted(self.by_type.items())},
            "killed_exact": share(self.killed),
            "injured_exact": share(self.injured),
            "negatives_without_event": share(self.negatives),
        }


def _same(gold: dict[str, Any], event: EventMention) -> bool:
    place = event.place
    return (
        gold["type"] == event.type.value
        and place is not None
        and gold["place"].casefold() == place.name.casefold()
        and gold["country"] == place.country
    )


def _score_document(
    ev: Evaluation,
    document: Document,
    lang: str,
    gold: list[dict[str, Any]],
    events: tuple[EventMention, ...],
) -> None:
    unmatched = list(events)
    if not gold:
        ev.negatives.append(not events)
    for g in gold:
        hit = next((e for e in unmatched if _same(g, e)), None)
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


def evaluate(extractor: Extractor, corpus: Path, gold_file: Path | None = None) -> Evaluation:
    """Extract from every document under ``corpus`` and compare with the gold file."""
    gold: dict[str, list[dict[str, Any]]] = json.loads(
        (gold_file or corpus / "expected.json").read_text(encoding="utf-8")
    )
    ev = Evaluation()
    contexts: dict[str, frozenset[str]] = {}

    def fail(error: ReaderError) -> None:
        raise error

    for path, key in iter_input_files(corpus):
        for document in read_path(path, key, fail):
            if document.key not in gold:
                continue
            result = extractor.extract(
                document, contexts.get(document.parent_key or "", frozenset())
            )
            if document.parent_key is None:
                contexts[document.key] = result.countries
            _score_document(ev, document, result.lang, gold[document.key], result.events)
    return ev


def format_table(ev: Evaluation) -> str:
    rows = [("", "P", "R", "F1", "tp", "fp", "fn")]
    groups: Iterable[tuple[str, Score]] = [
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
        f"negatives without event {d['negatives_without_event']}"
    )
    return "\n".join(lines)
