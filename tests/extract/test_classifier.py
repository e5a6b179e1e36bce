"""The shipped sentence classifiers, and that training them is reproducible."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents.extract.classifier import SentenceClassifier
from incidents.extract.nlp import build_nlp
from incidents.extract.training.corpus import load_corpus, split_of
from incidents.extract.training.train import labelled_sentences, train_language
from incidents.normalize import fold

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("lang", "event", "quiet"),
    [
        (
            "en",
            "A car bomb exploded in Baghdad, killing five people.",
            "The football team won the cup.",
        ),
        ("ar", "انفجرت سيارة مفخخة في بغداد وقتل خمسة أشخاص.", "فاز الفريق بالكأس أمس."),
        (
            "fa",
            "یک خودروی بمب‌گذاری‌شده در بغداد منفجر شد و پنج نفر کشته شدند.",
            "تیم فوتبال دیروز قهرمان شد.",
        ),
    ],
)
def test_shipped_models_load_and_separate_events_from_quiet_news(
    lang: str, event: str, quiet: str
) -> None:
    classifier = SentenceClassifier.load(lang)
    assert classifier is not None, f"no shipped model for {lang}; run `incidents train`"
    doc = build_nlp(lang)(fold(event) + "\n" + fold(quiet))
    scores = list(classifier.score_sentences([s for s in doc.sents if s.text.strip()]).values())
    assert max(scores[0].values()) > max(scores[1].values())
    assert set(scores[0]) == {
        "explosion",
        "airstrike",
        "shelling",
        "suicide_bombing",
        "armed_clash",
        "shooting",
        "attack_on_civilians",
        "kidnapping",
        "arrest",
        "road_closure",
        "security_deployment",
    }


def test_missing_model_is_none(tmp_path: Path) -> None:
    assert SentenceClassifier.load("en", folder=tmp_path) is None


def test_splits_are_stable_and_disjoint() -> None:
    assert split_of("en-0001") == split_of("en-0001")
    documents = load_corpus(("en",))
    ids = {
        split: {d.document.key for d in documents if d.split == split}
        for split in ("train", "dev", "test")
    }
    assert not ids["train"] & ids["test"] and not ids["dev"] & ids["test"]
    assert len(ids["test"]) >= 0.1 * len(documents)


def test_training_is_reproducible() -> None:
    sentences = labelled_sentences(load_corpus(("en",), ("train",))[:40], "en")
    probe = ["A roadside bomb exploded near a police patrol in Kirkuk.", "Prices rose again."]
    runs = []
    for _ in range(2):
        nlp = train_language("en", sentences, seed=7, epochs=2, log=lambda _m: None)
        runs.append([sorted(doc.cats.items()) for doc in nlp.pipe(probe)])
    assert runs[0] == runs[1]
