"""The annotated corpus the team writes (``training/data/{lang}.jsonl``) and its splits.

Each line is a short document with its gold events (EVENTS.md fields plus the
verbatim evidence sentence). The split is a fixed function of the document id
(70 % train, 15 % dev, 15 % test), so it never changes when lines are added or
reordered, and the test split is never trained or tuned on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from incidents.domain import Document, DocumentKind
from incidents.errors import ReaderError
from incidents.normalize.dates import parse_iso_datetime

LANGUAGES = ("fa", "ar", "en")
SPLITS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class GoldDocument:
    document: Document
    events: tuple[dict[str, Any], ...]
    split: str


def split_of(doc_id: str) -> str:
    """``train`` / ``dev`` / ``test`` for a document id, stable across runs and machines."""
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if bucket < 70 else "dev" if bucket < 85 else "test"


def data_dir() -> Path:
    return Path(str(resources.files("incidents.extract.training").joinpath("data")))


def probe_dir() -> Path:
    """Documents written after the corpus to probe it (see ``probe/README.md``)."""
    return Path(str(resources.files("incidents.extract.training").joinpath("probe")))


def load_probe(languages: tuple[str, ...] = LANGUAGES) -> list[GoldDocument]:
    """Every probe document of ``languages``, whatever split its id falls in."""
    return load_corpus(languages, SPLITS, probe_dir())


def load_corpus(
    languages: tuple[str, ...] = LANGUAGES,
    splits: tuple[str, ...] = SPLITS,
    folder: Path | None = None,
) -> list[GoldDocument]:
    """Gold documents of ``languages`` in ``splits`` (a missing language file is an error)."""
    folder = folder or data_dir()
    documents = []
    for lang in languages:
        path = folder / f"{lang}.jsonl"
        if not path.is_file():
            raise ReaderError(str(path), f"no annotated corpus for {lang!r}")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            gold = _gold(path, number, line, lang)
            if gold.split in splits:
                documents.append(gold)
    return documents


def _gold(path: Path, number: int, line: str, lang: str) -> GoldDocument:
    try:
        record = json.loads(line)
        published = parse_iso_datetime(record["published"]) if record.get("published") else None
        text = record["text"]
        events = tuple(record.get("events", []))
        kind = DocumentKind(record.get("kind", "article"))
    except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
        raise ReaderError(str(path), f"bad annotated document: {exc}", line=number) from exc
    doc_id = str(record.get("id", f"{lang}-{number}"))
    document = Document(
        key=doc_id, kind=kind, text=text, source=str(path), lang=lang, published=published
    )
    return GoldDocument(document, events, split_of(doc_id))
