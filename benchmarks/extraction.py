"""Extraction throughput on one core, as a ratio to spaCy's blank tokenizer on the same text."""

from __future__ import annotations

import spacy

from benchmarks.timing import best_of
from incidents.config import bundled_corpus
from incidents.domain import Document
from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer
from incidents.readers import read_folder_strictly


def _documents() -> list[Document]:
    return list(read_folder_strictly(bundled_corpus()))


def bench_extraction(repeats: int = 5) -> list[str]:
    documents = _documents()
    chars = sum(len(d.text) for d in documents)
    extractor = Extractor.build(Gazetteer.build())
    blank = {lang: spacy.blank(lang) for lang in ("fa", "ar", "en")}
    langs = [extractor.extract(d).lang for d in documents]

    def tokenize() -> None:
        for document, lang in zip(documents, langs, strict=True):
            blank[lang](document.text)

    def extract() -> None:
        for document in documents:
            extractor.extract(document)

    baseline = best_of(repeats, tokenize)
    measured = best_of(repeats, extract)
    return [
        f"corpus: {len(documents)} documents, {chars:,} characters (bundled samples)",
        f"blank tokenizer: {chars / baseline:,.0f} chars/s",
        f"extractor:       {chars / measured:,.0f} chars/s",
        f"ratio extractor / blank tokenizer: {baseline / measured:.3f}",
    ]
