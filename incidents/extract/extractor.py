"""The rule extractor: one document in, its event mentions and claims out.

Pipelines, lexicons and the gazetteer are built once (``Extractor.build``) and
reused for every document of a run.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from incidents.domain import (
    Claim,
    Document,
    DocumentKind,
    EventMention,
    EventType,
    PlaceMatch,
    Span,
)
from incidents.errors import ExtractionError
from incidents.extract.classifier import SentenceClassifier, models_dir
from incidents.extract.events import (
    DEFAULT_POLICY,
    RawClaim,
    RawEvent,
    sentence_events,
    sentences_for_the_model,
    sentences_with_spans,
)
from incidents.extract.lexicon import Lexicon, load_lexicon
from incidents.extract.nlp import build_nlp, drop_unread_attrs
from incidents.extract.places import PlaceFinder, PlaceMention, named_places, resolve
from incidents.extract.policy import CombinationPolicy, load_policies
from incidents.geocode import Gazetteer, GazetteerEntry, to_place_match
from incidents.normalize.folding import FoldedText, fold_text
from incidents.normalize.language import SUPPORTED_LANGUAGES, detect_language

INHERITED_PLACE_FACTOR = 0.85
NO_PLACE_FACTOR = 0.6
COMMENT_FACTOR = 0.75


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    document_key: str
    lang: str
    events: tuple[EventMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    countries: frozenset[str] = field(default=frozenset())


@dataclass(frozen=True, slots=True)
class PlacesRead:
    """A processed text with its place mentions, resolved (see :meth:`Extractor.read_places`)."""

    folded: FoldedText
    doc: Doc
    mentions: list[PlaceMention]
    countries: set[str]
    resolved: dict[int, GazetteerEntry | None]


@dataclass
class Extractor:
    """Rules and trained sentence classifiers for fa / ar / en over folded text, places
    from the offline gazetteer, combined by one :class:`CombinationPolicy`."""

    gazetteer: Gazetteer
    pipelines: dict[str, Language]
    lexicons: dict[str, Lexicon]
    places: dict[str, PlaceFinder]
    classifiers: dict[str, SentenceClassifier | None] = field(default_factory=dict)
    policies: dict[str, CombinationPolicy] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        gazetteer: Gazetteer,
        languages: Iterable[str] = SUPPORTED_LANGUAGES,
        use_model: bool = True,
        models: Path | None = None,
    ) -> Extractor:
        """Rules for ``languages``, plus each language's trained model when shipped."""
        langs = tuple(languages)
        pipelines = {lang: build_nlp(lang) for lang in langs}
        lexicons = {lang: load_lexicon(lang) for lang in langs}
        places = {
            lang: PlaceFinder(pipelines[lang].vocab, gazetteer, lexicons[lang]) for lang in langs
        }
        for nlp in pipelines.values():
            drop_unread_attrs(nlp.vocab)  # every flag is added
        return cls(
            gazetteer=gazetteer,
            pipelines=pipelines,
            lexicons=lexicons,
            places=places,
            classifiers={
                lang: SentenceClassifier.load(lang, models) if use_model else None for lang in langs
            },
            policies=load_policies(models or models_dir()) if use_model else {},
        )

    def read_places(self, text: str, lang: str, context: Collection[str] = ()) -> PlacesRead:
        """Fold and process ``text`` and resolve every place it names, in the context of
        the countries it is about (and ``context``). The evaluation of geocoding reads
        places through this too, so it scores what extraction does."""
        folded = fold_text(text)
        doc = self.pipelines[lang](folded.text)
        finder = self.places[lang]
        mentions, countries = finder.locate(doc, folded.text, context)
        named = named_places(mentions)
        resolved = {
            m.start: resolve(m, finder.countries_for(m, mentions, doc, countries, context), named)
            for m in mentions
        }
        return PlacesRead(folded, doc, mentions, countries, resolved)

    def extract(self, document: Document, context: Collection[str] = ()) -> ExtractionResult:
        """Events and claims stated in ``document``.

        ``context`` holds country codes from elsewhere (a comment's article) that
        help choose between places of the same name.
        """
        return self.finish([self.prepare(document, context)])[0]

    def prepare(self, document: Document, context: Collection[str] = ()) -> Prepared:
        """The first half of :meth:`extract`: the text read, its places resolved and
        the sentences the model is to score chosen. :meth:`finish` completes many
        prepared documents at once, so that the model scores all their sentences in
        one call (its cost is mostly per call). Raises :class:`ExtractionError` for
        a language without a pipeline."""
        lang = document.lang or detect_language(document.text)
        if lang not in self.pipelines:
            raise ExtractionError(f"{document.key}: language {lang!r} is not supported")
        read = self.read_places(document.text, lang, context)
        classifier = self.classifiers.get(lang)
        policy = self.policies.get(lang, DEFAULT_POLICY)
        parts = sentences_with_spans(read.doc)
        asked = (
            sentences_for_the_model(read.doc, parts)
            if classifier is not None and policy.uses_model
            else None
        )
        return Prepared(document, lang, read, asked, parts)

    def finish(self, prepared: Sequence[Prepared]) -> list[ExtractionResult]:
        """Events and claims of prepared documents (see :meth:`prepare`), in order; the
        same as extracting each alone."""
        scores: list[dict[int, dict[str, float]] | None] = [
            None if p.asked is None else {} for p in prepared
        ]
        for lang in {p.lang for p in prepared if p.asked}:
            classifier = self.classifiers[lang]
            assert classifier is not None
            owners = [
                (i, s) for i, p in enumerate(prepared) if p.lang == lang for s in p.asked or ()
            ]
            found = classifier.score([s for _, s in owners])
            for (i, sentence), probabilities in zip(owners, found, strict=True):
                scores[i][sentence.start] = probabilities  # type: ignore[index]
        return [self._events(p, s) for p, s in zip(prepared, scores, strict=True)]

    def _events(
        self, prepared: Prepared, scores: dict[int, dict[str, float]] | None
    ) -> ExtractionResult:
        document, lang, read = prepared.document, prepared.lang, prepared.read
        published = document.published.date() if document.published else None
        policy = self.policies.get(lang, DEFAULT_POLICY)
        raw_events, raw_claims = sentence_events(
            read.doc,
            read.mentions,
            read.resolved,
            self.lexicons[lang],
            published,
            scores,
            policy,
            read.folded.text,
            prepared.parts,
        )
        events = _merge(document, read.folded, raw_events, self.places[lang])
        claims = tuple(_claim(document, read.folded, c) for c in raw_claims)
        return ExtractionResult(document.key, lang, events, claims, frozenset(read.countries))


def finish_each(
    extractor: Extractor,
    prepared: Sequence[Prepared],
    catch: type[Exception] | tuple[type[Exception], ...] = Exception,
) -> list[ExtractionResult | Exception]:
    """As :meth:`Extractor.finish`, but a document that fails (with ``catch``) gives its
    exception in its place: when the batch fails, each document is finished alone, so
    one bad document does not stop the others."""
    try:
        return list(extractor.finish(prepared))
    except catch:
        pass
    results: list[ExtractionResult | Exception] = []
    for one in prepared:
        try:
            results.append(extractor.finish([one])[0])
        except catch as exc:
            results.append(exc)
    return results


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document read for extraction (:meth:`Extractor.prepare`): its language, its
    text and places, its sentences with their rule spans, and the sentences the model
    is to score (None: no model)."""

    document: Document
    lang: str
    read: PlacesRead
    asked: list[SpacySpan] | None
    #: Its sentences with their rule spans (:func:`sentences_with_spans`), read once.
    parts: list[tuple[SpacySpan, list[SpacySpan]]]


def _evidence(document: Document, folded: FoldedText, start_char: int, end_char: int) -> Span:
    start, end = folded.to_original(start_char, end_char)
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _place(
    document: Document, folded: FoldedText, raw: RawEvent, places: PlaceFinder
) -> PlaceMatch | None:
    if raw.place is None or raw.place_span is None:
        return None
    doc = raw.sentence.doc
    token_span = doc[raw.place_span.start : raw.place_span.end]
    span = _evidence(document, folded, token_span.start_char, token_span.end_char)
    nearby = not raw.place_inherited and places.is_near(doc, raw.place_span.start)
    anchor = places.gazetteer.anchor_of(raw.place)
    return to_place_match(
        raw.place, span.of(document.text), span, near=nearby, anchor_geonameid=anchor
    )


def _confidence(document: Document, raw: RawEvent) -> float:
    score = raw.score
    if raw.place is None:
        score *= NO_PLACE_FACTOR
    elif raw.place_inherited:
        score *= INHERITED_PLACE_FACTOR
    if document.kind is DocumentKind.COMMENT:
        score *= COMMENT_FACTOR
    return round(score, 3)


_RANK = {"district": 0, "city": 1, "region": 2, "country": 3}


def _contains(outer: GazetteerEntry, inner: GazetteerEntry) -> bool:
    """Whether ``inner`` lies within ``outer`` (a district in its city, a place in its country)."""
    if outer.country != inner.country:
        return False
    if outer.kind == "country":
        return True
    return inner.kind == "district" and inner.parent == outer.name


def _same_place(a: GazetteerEntry | None, b: GazetteerEntry | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or _contains(a, b) or _contains(b, a)


def _merge(
    document: Document, folded: FoldedText, raws: list[RawEvent], places: PlaceFinder
) -> tuple[EventMention, ...]:
    """One event per type and place in a document (EVENTS.md: two blasts at one place are
    one event; an event is a type *and* a place, so one with no nameable place is
    dropped; an explosion where a suicide bombing happened is that bombing). A place and
    a place within it (Bab Touma, Damascus) are the same place;
    the most specific names the event. The first sentence is the evidence, and the
    first stated figure of each kind wins (the first official figure)."""
    clusters: list[list[RawEvent]] = []
    for raw in raws:
        home = next(
            (c for c in clusters if c[0].type == raw.type and _same_place(c[0].place, raw.place)),
            None,
        )
        if home is None:
            clusters.append([raw])
        else:
            home.append(raw)
    for cluster in list(clusters):
        host = next(
            (
                other
                for other in clusters
                if other is not cluster
                and cluster[0].type in DOCUMENT_ABSORBS.get(other[0].type, ())
                and _same_place(other[0].place, cluster[0].place)
            ),
            None,
        )
        if host is not None:
            host.extend(cluster)
            clusters.remove(cluster)
    mentions = (_mention(document, folded, cluster, places) for cluster in clusters)
    return tuple(m for m in mentions if m.place is not None)


#: Types that absorb another type told anywhere in the same document at the same
#: place (the sentence-level rule is :data:`incidents.extract.events.ABSORBS`): "the
#: attacker detonated his vest" after a suicide bombing is that bombing, not another
#: explosion (EVENTS.md).
DOCUMENT_ABSORBS = {EventType.SUICIDE_BOMBING: frozenset({EventType.EXPLOSION})}


def _specificity(raw: RawEvent) -> tuple[int, bool]:
    kind = raw.place.kind if raw.place is not None else ""
    return _RANK.get(kind, 4), raw.place_inherited


def _mention(
    document: Document, folded: FoldedText, cluster: list[RawEvent], places: PlaceFinder
) -> EventMention:
    first = cluster[0]
    located = [r for r in cluster if r.place is not None]
    placed = min(located, key=_specificity) if located else first
    evidence = [
        _evidence(document, folded, r.sentence.start_char, r.sentence.end_char) for r in cluster
    ]
    extra = tuple(dict.fromkeys(e for e in evidence[1:] if e != evidence[0]))
    trigger = _evidence(document, folded, first.trigger.start_char, first.trigger.end_char)
    return EventMention(
        type=first.type,
        evidence=evidence[0],
        evidence_text=evidence[0].of(document.text),
        trigger=trigger,
        extractor=f"{first.source}:{first.rule}",
        confidence=max(_confidence(document, r) for r in cluster),
        place=_place(document, folded, placed, places),
        killed=next((r.killed for r in cluster if r.killed is not None), None),
        injured=next((r.injured for r in cluster if r.injured is not None), None),
        date=first.date,
        date_source=first.date_source,
        extra_evidence=extra,
    )


def _claim(document: Document, folded: FoldedText, raw: RawClaim) -> Claim:
    evidence = _evidence(document, folded, raw.sentence.start_char, raw.sentence.end_char)
    who = _evidence(document, folded, raw.perpetrator.start_char, raw.perpetrator.end_char)
    perpetrator = who.of(document.text).strip(" ،,؛:-") or "unknown"
    place = to_place_match(raw.place, raw.place.name) if raw.place else None
    return Claim(raw.type, perpetrator, evidence, evidence.of(document.text), place)
