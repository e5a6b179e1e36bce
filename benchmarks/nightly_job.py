"""The nightly job end to end over 10,000 documents (about 10 MB), with one and with
two extraction processes.

    python -m benchmarks nightly
    INCIDENTS_BENCH_DOCUMENTS=2000 python -m benchmarks nightly

Each run reads a JSON Lines inbox into a fresh SQLite database through
:func:`incidents.pipeline.run_job`: once all in this process (one core: the
baseline), then with a :class:`~incidents.executors.ProcessExecutor` of one and of
two extraction processes (models loaded once per process, documents streamed; this
process reads, checks and stores beside them). Printed: documents per second, per
core, the speed-ups, and the throughput in characters per second as a ratio to
spaCy's blank tokenizer over the same texts in the same run.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import spacy

from incidents.config import Settings, bundled_corpus
from incidents.executors import Executor, ProcessExecutor, SerialExecutor
from incidents.pipeline import run_job
from incidents.runtime import build_extractor
from incidents.sources import FolderSource
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade


def _count() -> int:
    return int(os.environ.get("INCIDENTS_BENCH_DOCUMENTS", "10000"))


def _inbox(folder: Path, n: int) -> tuple[Path, int, list[str]]:
    """``n`` articles (comments count) made distinct from the bundled ones."""
    records = [
        json.loads(line)
        for line in (bundled_corpus() / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts: list[str] = []
    folder.mkdir()
    with (folder / "inbox.jsonl").open("w", encoding="utf-8") as out:
        round_ = 0
        while len(texts) < n:
            for record in records:
                if len(texts) >= n:
                    break
                copy = dict(record, id=f"{record['id']}-{round_}")
                copy.pop("url", None)
                copy["text"] = f"{record['text']}\n\n(Bulletin {round_}.)"
                comments = []
                for comment in record.get("comments", []):
                    if len(texts) + 1 + len(comments) >= n:
                        break
                    comments.append(dict(comment, text=f"{comment['text']} ({round_})"))
                copy["comments"] = comments
                texts.append(copy["text"])
                texts.extend(c["text"] for c in comments)
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
            round_ += 1
    return folder, len(texts), texts


def _tokenizer_rate(texts: list[str]) -> float:
    blank = {lang: spacy.blank(lang) for lang in ("en", "fa", "ar")}
    chars = sum(len(t) for t in texts)
    started = time.perf_counter()
    for text in texts:
        blank["en"].tokenizer(text)
    return chars / (time.perf_counter() - started)


def bench_nightly() -> list[str]:
    n = _count()
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        inbox, documents, texts = _inbox(Path(folder) / "inbox", n)
        size = (inbox / "inbox.jsonl").stat().st_size
        chars = sum(len(t) for t in texts)
        lines.append(
            f"{documents:,} documents, {size / 1e6:.1f} MB of JSON Lines, {chars:,} characters"
        )
        blank = _tokenizer_rate(texts)
        rates: dict[str, float] = {}
        runs: list[tuple[str, int, int]] = [
            ("in-process", 1, 1),
            ("1 process", 1, 2),
            ("2 processes", 2, 2),
        ]
        for name, workers, cores in runs:
            url = f"sqlite:///{Path(folder) / (name.replace(' ', '-') + '.db')}"
            upgrade(url)
            engine = make_engine(url)
            started = time.perf_counter()
            if name == "in-process":
                executor: Executor = SerialExecutor(build_extractor(Settings(database_url=url)))
            else:
                executor = ProcessExecutor(Settings(database_url=url), workers)
            try:
                report = run_job([FolderSource(inbox)], engine, executor, lambda _: None)
            finally:
                executor.close()
                engine.dispose()
            seconds = time.perf_counter() - started
            rates[name] = documents / seconds
            lines.append(
                f"{name} ({cores} core{'s' if cores > 1 else ''} busy): {seconds:,.1f} s with "
                f"model loading, {rates[name]:,.1f} documents/s ({rates[name] / cores:,.1f} per "
                f"core), {chars / seconds:,.0f} chars/s = {chars / seconds / blank:.4f}x the "
                f"blank tokenizer; {report.reports:,} reports, {report.failed} failed"
            )
        two, one, alone = rates["2 processes"], rates["1 process"], rates["in-process"]
        lines.append(
            f"speed-up from 1 to 2 extraction processes: {two / one:.2f}x; over one core "
            f"in-process: {two / alone:.2f}x (blank tokenizer: {blank:,.0f} chars/s)"
        )
    return lines
