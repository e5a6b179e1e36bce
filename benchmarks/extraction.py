"""Extraction throughput on one core, as a ratio to spaCy's blank tokenizer on the same
text, and peak memory of ``incidents extract`` beside a bare Python + spaCy process.

The text is the whole annotated corpus (news articles and reader comments in fa / ar /
en, with their negatives), which looks like a nightly batch far more than any one
article does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from benchmarks.timing import best_of
from incidents.domain import Document
from incidents.extract.extractor import Extractor
from incidents.extract.training.corpus import load_corpus
from incidents.geocode import default_cache_dir, load_gazetteer


def _documents() -> list[Document]:
    return [gold.document for gold in load_corpus()]


def bench_extraction(repeats: int = 3) -> list[str]:
    documents = _documents()
    chars = sum(len(d.text) for d in documents)
    extractor = Extractor.build(load_gazetteer(cache_dir=default_cache_dir()))
    blank = {lang: spacy.blank(lang) for lang in ("fa", "ar", "en")}
    langs = [extractor.extract(d).lang for d in documents]  # also warms every cache

    def tokenize() -> None:
        for document, lang in zip(documents, langs, strict=True):
            blank[lang](document.text)

    def extract() -> None:
        for document in documents:
            extractor.extract(document)

    baseline = best_of(repeats, tokenize)
    measured = best_of(repeats, extract)
    return [
        f"corpus: {len(documents)} documents, {chars:,} characters (the annotated corpus)",
        f"blank tokenizer: {chars / baseline:,.0f} chars/s",
        f"extractor:       {chars / measured:,.0f} chars/s",
        f"ratio extractor / blank tokenizer: {baseline / measured:.3f}",
    ]


def _peak_rss_mb(command: list[str], stdin: Path) -> float:
    """Peak resident memory of ``command``, read from its ``VmHWM`` (Linux) while it runs.

    ``getrusage(RUSAGE_CHILDREN)`` would not do: it keeps the largest child so far, and
    a child counts the parent's memory it was forked from.
    """
    peak_kb = 0
    with stdin.open("rb") as source:
        child = subprocess.Popen(command, stdin=source, stdout=subprocess.DEVNULL)
        status = Path(f"/proc/{child.pid}/status")
        while child.poll() is None:
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
            except (FileNotFoundError, ProcessLookupError):
                break
            time.sleep(0.02)
    if child.wait() != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return peak_kb / 1024


def bench_memory() -> list[str]:
    documents = _documents()
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "corpus.jsonl"
        lines.write_text(
            "".join(
                json.dumps({"id": d.key, "text": d.text, "lang": d.lang}, ensure_ascii=False) + "\n"
                for d in documents
            ),
            encoding="utf-8",
        )
        baseline = _peak_rss_mb(
            [sys.executable, "-c", "import spacy; [spacy.blank(l) for l in ('fa', 'ar', 'en')]"],
            lines,
        )
        command = [sys.executable, "-m", "incidents", "extract", "-", "--jsonl"]
        measured = _peak_rss_mb(command, lines)
    return [
        f"input: {len(documents)} documents as JSON Lines on stdin",
        f"python + spaCy blank pipelines: {baseline:,.0f} MB peak",
        f"incidents extract --jsonl:      {measured:,.0f} MB peak (target < 1,024 MB)",
        f"ratio: {measured / baseline:.1f}",
    ]
