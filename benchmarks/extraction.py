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
from statistics import median

import spacy

from benchmarks.timing import best_of
from incidents.domain import Document
from incidents.extract.extractor import Extractor
from incidents.extract.jsonl_io import FILE_BATCH
from incidents.extract.training.corpus import load_corpus, load_probe
from incidents.geocode import default_cache_dir, load_gazetteer
from incidents.normalize.language import detect_language


def _documents() -> list[Document]:
    return [gold.document for gold in load_corpus()]


def _folds(documents: list[Document], count: int) -> list[list[Document]]:
    """``count`` folds of about the same number of characters, documents dealt in turn."""
    folds: list[list[Document]] = [[] for _ in range(count)]
    for at, document in enumerate(documents):
        folds[at % count].append(document)
    return folds


def bench_extraction(repeats: int = 3) -> list[str]:
    """Each timed pass reads text that neither pipeline has read before.

    Timing both over the same text again and again would measure spaCy's tokenizer
    cache: a second pass of the blank tokenizer over the same documents is about ten
    times faster than the first, since every token string is then a cache hit, which
    no nightly batch of new articles sees. So both are warmed on one fold of the
    documents (the vocabulary and the cache of common words fill as in a long run), and
    each later fold is read once by each.

    The two take turns batch by batch (the blank tokenizer first), and each one's time
    over a fold is the sum of its batches: on a shared machine whose speed drifts by a
    fifth within seconds, timing one whole fold and then the other measured the drift
    as much as the code.
    """
    documents = _documents() + [gold.document for gold in load_probe()]
    extractor = Extractor.build(load_gazetteer(cache_dir=default_cache_dir()))
    blank = {lang: spacy.blank(lang) for lang in ("fa", "ar", "en")}
    langs = {d.key: d.lang or detect_language(d.text) for d in documents}
    warm, *folds = _folds(documents, repeats + 1)

    def tokenize(fold: list[Document]) -> None:
        for document in fold:
            blank[langs[document.key]](document.text)

    def extract(fold: list[Document]) -> None:
        # As ``incidents extract FILE --jsonl`` does: prepared one by one, finished in
        # batches (the model scores a batch's sentences in one call).
        for at in range(0, len(fold), FILE_BATCH):
            extractor.finish([extractor.prepare(d) for d in fold[at : at + FILE_BATCH]])

    tokenize(warm)
    extract(warm)
    lines = [
        f"documents: {len(documents)} (annotated corpus and probe), "
        f"{sum(len(d.text) for d in documents):,} characters; warmed on "
        f"{sum(len(d.text) for d in warm):,}, then {repeats} unseen folds"
    ]
    ratios = []
    for number, fold in enumerate(folds, 1):
        chars = sum(len(d.text) for d in fold)
        baseline = measured = 0.0
        for at in range(0, len(fold), FILE_BATCH):
            batch = fold[at : at + FILE_BATCH]
            baseline += best_of(1, lambda batch=batch: tokenize(batch))
            measured += best_of(1, lambda batch=batch: extract(batch))
        ratios.append(baseline / measured)
        lines.append(
            f"fold {number}: {chars:,} chars; blank tokenizer {chars / baseline:,.0f} chars/s, "
            f"extractor {chars / measured:,.0f} chars/s, ratio {baseline / measured:.3f}"
        )
    lines.append(f"ratio extractor / blank tokenizer (median of folds): {median(ratios):.3f}")
    return lines


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
