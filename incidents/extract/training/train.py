"""Train the sentence classifiers reproducibly: ``incidents train``.

Sentences come from the annotated corpus's *train* split and from the bundled sample
corpus (``samples/expected.json``, which no split contains): each sentence of a
document is labelled with the types of the gold events whose evidence it is (none
for the others, which are the negatives). Training is CPU-only with a fixed seed,
a fixed number of epochs and a fixed batch order, so the same corpus gives the same
weights. The *dev* split reports how well each model does; *test* is never used here.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from incidents.config import bundled_corpus
from incidents.domain import EventType
from incidents.extract.classifier import COMPONENT, models_dir
from incidents.extract.nlp import build_nlp
from incidents.extract.training.corpus import GoldDocument, load_corpus
from incidents.normalize.folding import fold
from incidents.readers import read_folder_strictly

LABELS = tuple(t.value for t in EventType)
#: spaCy's ensemble text classifier: a small CNN over hashed word features (with
#: prefixes, suffixes and shapes, which generalize across Persian and Arabic word
#: forms) beside a bag-of-words linear model. The bag-of-words model alone is about
#: four times cheaper but, trained on this corpus, scored dev sentences at F1 0.29
#: (ar) / 0.54 (fa) against 0.81 / 0.63 and never helped the rules. Width 32 scores
#: Persian dev sentences at F1 0.75 (width 64: 0.70, 16: 0.65) with the same dev event
#: F1 (0.968), for about a quarter of the arithmetic per token.
MODEL_CONFIG = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 32,
            "rows": [2000, 2000, 1000, 1000, 500],
            "attrs": ["NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE"],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 32,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    },
    "linear_model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "length": 2**14,
        "ngram_size": 2,
        "no_output_layer": False,
    },
}


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    text: str  # folded
    labels: frozenset[str]


def labelled_sentences(documents: list[GoldDocument], lang: str) -> list[LabelledSentence]:
    """Split gold documents into sentences (as the extractor does) and label each one."""
    splitter = build_nlp(lang)
    out = []
    for gold in documents:
        evidence = [(fold(e["evidence"]).strip(), e["type"]) for e in gold.events]
        doc = splitter(fold(gold.document.text))
        for sentence in doc.sents:
            text = sentence.text.strip()
            if not text:
                continue
            labels = frozenset(t for ev, t in evidence if ev and (ev in text or text in ev))
            out.append(LabelledSentence(text, labels))
    return out


def sample_documents() -> list[GoldDocument]:
    """The bundled sample corpus as gold documents (its languages detected per text)."""
    corpus = bundled_corpus()
    gold = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    return [
        GoldDocument(document, tuple(gold[document.key]), "train")
        for document in read_folder_strictly(corpus)
        if document.key in gold
    ]


def _examples(nlp: Language, sentences: list[LabelledSentence]) -> list[Example]:
    return [
        Example.from_dict(
            nlp.make_doc(s.text), {"cats": {label: float(label in s.labels) for label in LABELS}}
        )
        for s in sentences
    ]


def train_language(
    lang: str,
    train: list[LabelledSentence],
    seed: int = 0,
    epochs: int = 30,
    log: Callable[[str], None] = print,
) -> Language:
    """A fresh ``textcat_multilabel`` pipeline for ``lang`` trained on ``train``."""
    fix_random_seed(seed)
    nlp = spacy.blank(lang)
    textcat = nlp.add_pipe(COMPONENT, config={"model": MODEL_CONFIG, "threshold": 0.5})
    for label in LABELS:
        textcat.add_label(label)  # type: ignore[attr-defined]
    examples = _examples(nlp, train)
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(seed)
    for epoch in range(epochs):
        batch_order = examples[:]
        order.shuffle(batch_order)
        losses: dict[str, float] = {}
        for batch in minibatch(batch_order, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        if epoch % 5 == 4 or epoch == epochs - 1:
            log(f"  {lang} epoch {epoch + 1}: loss {losses.get(COMPONENT, 0.0):.3f}")
    return nlp


def sentence_scores(
    nlp: Language, sentences: list[LabelledSentence], threshold: float = 0.5
) -> dict[str, float]:
    """Micro precision / recall / F1 of the classifier's labels on ``sentences``."""
    tp = fp = fn = 0
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        predicted = {label for label, p in doc.cats.items() if p >= threshold}
        tp += len(predicted & sentence.labels)
        fp += len(predicted - sentence.labels)
        fn += len(sentence.labels - predicted)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def train_all(
    languages: tuple[str, ...],
    out: Path | None = None,
    seed: int = 0,
    epochs: int = 30,
    log: Callable[[str], None] = print,
) -> dict[str, dict[str, float]]:
    """Train and save one model per language, then the policy chosen for each on dev;
    return the models' dev sentence scores."""
    out = out or models_dir()
    report = {}
    samples = sample_documents()
    for lang in languages:
        extra = [d for d in samples if d.document.lang == lang]
        train = labelled_sentences(load_corpus((lang,), ("train",)) + extra, lang)
        dev = labelled_sentences(load_corpus((lang,), ("dev",)), lang)
        positives = sum(1 for s in train if s.labels)
        log(f"{lang}: {len(train)} training sentences ({positives} with events), {len(dev)} dev")
        nlp = train_language(lang, train, seed=seed, epochs=epochs, log=log)
        report[lang] = sentence_scores(nlp, dev)
        log(f"  {lang} dev: " + ", ".join(f"{k} {v:.3f}" for k, v in report[lang].items()))
        nlp.to_disk(out / lang)
    _choose_policies(languages, out, log)
    return report


def _choose_policies(languages: tuple[str, ...], out: Path, log: Callable[[str], None]) -> None:
    """Tune the combination policy of each new model on dev and ship it beside them."""
    from incidents.extract.extractor import Extractor
    from incidents.extract.policy import load_policies, save_policies
    from incidents.extract.training.tune import tune_policies
    from incidents.geocode import Gazetteer

    log("choosing the combination policy on dev")
    kept = load_policies(out)
    extractor = Extractor.build(Gazetteer.build(), models=out)
    chosen = tune_policies(extractor, languages, log=lambda _: None)
    for lang, (policy, f1) in chosen.items():
        log(
            f"  {lang}: veto_below {policy.veto_below}, add_at_least {policy.add_at_least}, "
            f"dev event F1 {f1:.3f}"
        )
    previous = {lang: (p, None) for lang, p in kept.items() if lang not in chosen}
    save_policies(out, {**previous, **chosen})
