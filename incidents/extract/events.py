"""Turn the rule hits of one processed document into event mentions (EVENTS.md).

Per sentence: cues decide whether its triggers state events (denials, background,
statistics and claims state none; a hypothetical or a question removes the clause
it sits in); each remaining trigger gets the nearest event place of its sentence
(or the last one of the document before it), its casualty figures and its date.
Mentions of the same type at the same place in one document are then one event.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
from spacy.attrs import IS_DIGIT, LENGTH
from spacy.tokens import Doc, Span

from incidents.domain import CASUALTY_TYPES, EventType
from incidents.extract.counts import (
    CASUALTY_LABELS,
    CLAUSE_BREAKS,
    Casualties,
    read_casualties,
)
from incidents.extract.doc_words import lowers, texts
from incidents.extract.lexicon import Lexicon
from incidents.extract.nlp import SPANS_KEY
from incidents.extract.places import EVENT_ROLE, PlaceMention
from incidents.extract.policy import CombinationPolicy, Decision
from incidents.geocode import GazetteerEntry
from incidents.normalize.event_dates import (
    published_years,
    refers_to_the_same_day,
    resolve_event_date,
)
from incidents.normalize.folding import fold

DEFAULT_POLICY = CombinationPolicy()
SENTENCE_BLOCKERS = frozenset({"NEGATION", "BACKGROUND", "STATISTIC", "EXERCISE"})
#: Sports and other metaphor-prone contexts block a sentence that reports no casualties.
SPORTS = "SPORTS"
#: So do other topics that name weapons and attacks without one happening: the arms
#: trade and industry, sanctions, exhibitions, fiction, history told by historians.
TOPIC = "TOPIC"
CLAUSE_BLOCKERS = frozenset({"HYPOTHETICAL"})
#: Where a sentence may be parted ("..., but", "while ..., "): not cues of their own.
CONTRAST, SUBORDINATE = "CONTRAST", "SUBORDINATE"
#: "the deadliest attack since 2017", «الأعنف منذ سنوات»: the past it names only
#: measures the news, so it makes the sentence no history.
COMPARED = "COMPARED"
STRUCTURE_LABELS = frozenset({CONTRAST, SUBORDINATE, COMPARED})
#: How far after a comparison its "since ..." phrase may start.
COMPARED_REACH = 3
#: "arrested five men planning attacks": an intention hedges only what follows it.
INTENT = "INTENT"
#: A threat hedges what follows it too, except a deployment made in response to it.
THREAT = "THREAT"
#: Roles of places that say where something came from or went, never where it happened.
PASSING_ROLES = frozenset({"origin", "destination"})
#: "police defused a bomb": no explosion, though other events may stand.
DEFUSED = "DEFUSED"
BLAST_TYPES = frozenset({EventType.EXPLOSION, EventType.SUICIDE_BOMBING, EventType.SHELLING})
#: "وقف إطلاق النار" (ceasefire): the words of an event inside a phrase that is not one.
MASK = "MASK"
#: "Police and rescue teams were deployed": a security force deployed beside the
#: rescuers lifts the mask that a deployment of rescuers alone sets.
MASK_LIFTED = "MASK_LIFTED"
#: "a gas cylinder exploded": an accident, not a security event.
ACCIDENT = "ACCIDENT"
#: Cues whose reach a contrast ends ("blamed a gas leak, but a bomb caused the blast").
PARTED_CUES = SENTENCE_BLOCKERS | {ACCIDENT, DEFUSED}
#: Rules for a bare "bombardment" (قصف): shelling, unless aircraft do it.
GENERIC_BOMBARDMENT = frozenset({"ar.shell.qasf"})
#: "arrested in connection with the bombings": the trigger after it only refers back.
REFERENCE = "REFERENCE"
#: "marked the anniversary of the port blast", "sentenced three men for the bombing",
#: "condemned the attack": an event named as the object of a commemoration, a trial or
#: a reaction is told elsewhere or long ago. The frame voids the triggers that follow it
#: closely in its clause (and, in Persian, which puts the verb last, those just before
#: it: "انفجار بیروت را تسلیت گفت"); other events of the sentence stand.
FRAME = "FRAME"
#: How far a frame reaches after its cue (Persian: only its genitive chain, "سالگرد
#: شهدای انفجار کرمان", since the verb of a new event comes last) and before it.
FRAME_REACH = {"fa": 4}
DEFAULT_FRAME_REACH = 12
FRAME_REACH_BEFORE = {"fa": 4}
EVENT_LABELS = frozenset(t.value for t in EventType)
#: Rules that name an attacker acting ("gunmen shot"), void in the passive voice.
ACTIVE_ONLY = frozenset({"en.shooting.gunman_kills"})
_PASSIVE = frozenset({"been", "was", "were", "being", "got"})


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One trigger that states an event, in folded-text token terms."""

    type: EventType
    sentence: Span
    trigger: Span
    place: GazetteerEntry | None
    place_span: PlaceMention | None
    place_inherited: bool
    killed: int | None
    injured: int | None
    date: dt.date | None
    date_source: str | None
    rule: str
    source: str = "rules"
    score: float = 0.8


@dataclass(frozen=True, slots=True)
class RawClaim:
    type: EventType
    sentence: Span
    perpetrator: Span
    place: GazetteerEntry | None


def sentence_events(
    doc: Doc,
    places: list[PlaceMention],
    resolved: dict[int, GazetteerEntry | None],
    lex: Lexicon,
    published: dt.date | None,
    scores: dict[int, dict[str, float]] | None = None,
    policy: CombinationPolicy = DEFAULT_POLICY,
    doc_text: str | None = None,
    parts: list[tuple[Span, list[Span]]] | None = None,
) -> tuple[list[RawEvent], list[RawClaim]]:
    """Every event (and claim) a document states, one per type and sentence, in text order.

    ``scores`` are the trained model's type probabilities per sentence (keyed by the
    sentence's first token); :mod:`incidents.extract.policy` combines them with the rules.
    ``doc_text`` is the doc's text when the caller has it (``Doc.text`` joins every token),
    and ``parts`` its :func:`sentences_with_spans` when already read.
    """
    events: list[RawEvent] = []
    claims: list[RawClaim] = []
    last_place: tuple[GazetteerEntry, PlaceMention] | None = None
    pending_references: list[RawEvent] = []
    untold: set[EventType] = set()  # types the sentence before named but did not report
    years = published_years(published) if published else ()
    whole = doc.text if doc_text is None else doc_text
    year_tokens = _four_digit_tokens(doc) if years and _FOUR_DIGITS.search(whole) else {}
    if year_tokens:
        for i in _compared_tokens(doc.spans[SPANS_KEY]):
            year_tokens.pop(i, None)  # "the deadliest since 2017"
    for sentence, spans in sentences_with_spans(doc) if parts is None else parts:
        text = whole[sentence.start_char : sentence.end_char]
        if not text.strip():
            continue
        labels = {s.label_ for s in spans}
        here = [m for m in places if sentence.start <= m.start < sentence.end]
        event_places = [m for m in here if m.role == EVENT_ROLE and resolved.get(m.start)]
        # "قطع محتجون طريق عاليه": a closed road named after its town is there.
        road_places = event_places or [
            m for m in here if m.role == "street" and resolved.get(m.start)
        ]
        triggers = _triggers(spans, sentence, lex.lang)
        # "...the January 2023 suicide bombing. The bombing killed more than 80 people.":
        # the definite noun goes on telling the history the sentence before told, unless
        # the sentence dates it to the news ("The bombing on Monday killed 12").
        if untold and not _dated_recently(text, published):
            triggers = [t for t in triggers if not _refers_to_untold(t, sentence, untold, lex.lang)]
        references = [s for s in spans if s.label_ == REFERENCE]
        earlier = _earlier_years(sentence, year_tokens, years)
        named_events = [s for s in spans if s.label_ in EVENT_LABELS]
        dates_nouns = earlier and _years_date_nouns(earlier, named_events)
        if dates_nouns and _dated_recently(text, published):
            # "A memorial for the victims of the 2016 Karrada bombing was cut short on
            # Friday when a gunman opened fire": each year dates the noun after it, and
            # the rest of the sentence is this week's news.
            triggers = [t for t in triggers if not _dated_by(t, earlier)]
        elif earlier:
            labels.add("BACKGROUND")
        if _topic_without_casualties(labels):
            labels.add("BACKGROUND")  # "a bombardment of sixes", "a drone factory opened"
        passing = [m for m in here if m.role in PASSING_ROLES]
        # "rockets fired from X towards Y": no place of its own, and none borrowed.
        inherit = None if passing and not event_places else last_place
        if not event_places and last_place is None:
            # "پلیس زاهدان سه نفر را دستگیر کرد": with no other place, a force acts
            # where it is named for.
            event_places = [m for m in here if m.role == "organization" and resolved.get(m.start)]
        claimed = _claimed_triggers(triggers, spans, lex)
        if claimed:
            place = _nearest(event_places, claimed[0])
            entry = resolved[place.start] if place else (last_place[0] if last_place else None)
            claims.extend(_claims(sentence, spans, claimed, lex, entry))
            triggers = [t for t in triggers if t not in claimed]
        reported: set[EventType] = set()
        if not labels & SENTENCE_BLOCKERS:
            probabilities = scores.get(sentence.start) if scores is not None else None
            may_add = _model_may_add(sentence, labels)
            decisions = policy.decide([t.label_ for t in triggers], probabilities, may_add)
            # Read once per sentence, shared by its events (and the toll of the one before).
            casualty_spans = [s for s in spans if s.label_ in CASUALTY_LABELS]
            needed = decisions or labels & CASUALTY_LABELS
            casualties = read_casualties(sentence, casualty_spans, lex) if needed else Casualties()
            same_day = _last_text_date(events) if refers_to_the_same_day(text) else None
            found = [
                _place_by_passing(
                    _event(
                        sentence,
                        d,
                        triggers,
                        road_places if d.type == EventType.ROAD_CLOSURE else event_places,
                        resolved,
                        inherit,
                        casualties,
                        _date_near(d, triggers, sentence, text, published) or same_day,
                        published,
                    ),
                    passing,
                    resolved,
                )
                for d in _exclusive(decisions)
            ]
            found = [
                also
                for event in found
                for also in _with_coordinated_places(event, event_places, resolved)
            ]
            reported = _event_types([e.trigger for e in found])
            referring = [e for e in found if _referred_to(e.trigger, references)]
            pending_references.extend(referring)
            found = [e for e in found if e not in referring]
            update = _toll_update(sentence, casualties, lex, casualty_spans)
            if found:
                if update is not None:
                    _update_earlier(events, found, update)
                events.extend(found)
            elif labels & CASUALTY_LABELS and "CLAIM" not in labels:
                target = _last_casualty_event(events)
                if target is not None:
                    events[target] = _fill_casualties(events[target], casualties, update)
        # What the sentence named as history (a past, a tally, a frame such as a trial)
        # and did not report carries on into a definite noun in the next; a denial and
        # a foiled or hedged attack do not ("The group denied responsibility for the
        # attack. The attack killed 12 people.").
        named = _event_types(named_events)
        untold = named - reported if labels & HISTORY_CUES else set()
        specific = [m for m in event_places if resolved[m.start].kind != "country"]  # type: ignore[union-attr]
        if specific:
            chosen = _most_specific(specific, resolved)
            last_place = (resolved[chosen.start], chosen)  # type: ignore[assignment]
    # "after the bombing" refers to a bombing told elsewhere; told nowhere else, it is news.
    stated = {e.type for e in events}
    for kind in list(stated):
        stated |= ABSORBS.get(kind, set())  # "در این انفجار" after a suicide bombing
    events.extend(e for e in pending_references if e.type not in stated)
    return events, claims


def sentences_with_spans(doc: Doc) -> list[tuple[Span, list[Span]]]:
    """Each sentence of ``doc`` with its rule spans (those starting in it, in the
    order of the span group), a sentence parted where a contrast ends the reach of a
    sentence-level cue (see :func:`_parted`)."""
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]
    grouped: list[list[Span]] = [[] for _ in sentences]
    for span in doc.spans[SPANS_KEY]:
        grouped[bisect_right(starts, span.start) - 1].append(span)
    out: list[tuple[Span, list[Span]]] = []
    for sentence, spans in zip(sentences, grouped, strict=True):
        cuts = [s for s in spans if s.label_ in STRUCTURE_LABELS]
        if cuts:
            spans = _without_compared_past(spans, cuts)
        out.extend(_parted(doc, sentence, spans, cuts) if cuts else [(sentence, spans)])
    return out


def _without_compared_past(spans: list[Span], structure: list[Span]) -> list[Span]:
    """``spans`` less the structure spans, and less the history or tally cues that
    only complete a comparison ("the worst since 2017", «الأعنف منذ سنوات»)."""
    reach = _compared_tokens(structure)
    return [
        s
        for s in spans
        if s.label_ not in STRUCTURE_LABELS
        and not (s.label_ in ("BACKGROUND", "STATISTIC") and s.start in reach)
    ]


def _compared_tokens(spans: Iterable[Span]) -> set[int]:
    """Tokens the comparisons among ``spans`` cover with the few after them, where a
    year or a 'since ...' names no history."""
    return {
        i for s in spans if s.label_ == COMPARED for i in range(s.start, s.end + COMPARED_REACH + 1)
    }


def _parted(
    doc: Doc, sentence: Span, spans: list[Span], cuts: list[Span]
) -> list[tuple[Span, list[Span]]]:
    """``sentence`` in parts when a contrast parts a sentence-level cue (or an accident
    or a defused bomb) from an event after it ("police denied a blast in Mosul, but a
    bomb went off in Kirkuk"; "while the army held drills near Basra, rockets hit
    Zubair": the opening clause ends at its comma); else whole. Each part is then read
    as a sentence of its own. A cue after the contrast still covers what came before
    ("I heard of a blast, but the governor denied it")."""
    bounds = {c.start for c in cuts if c.label_ == CONTRAST and c.start > sentence.start}
    for cut in cuts:
        if cut.label_ == SUBORDINATE and cut.start == sentence.start:
            comma = next((t.i for t in doc[cut.end : sentence.end] if t.text in ",،"), None)
            if comma is not None and comma + 1 < sentence.end:
                bounds.add(comma + 1)
    edges = [sentence.start, *sorted(bounds), sentence.end]
    parts = [(doc[a:b], [s for s in spans if a <= s.start < b]) for a, b in pairwise(edges)]
    blocked = [any(s.label_ in PARTED_CUES for s in part) for _, part in parts]
    first = blocked.index(True) if True in blocked else len(parts)
    later = parts[first + 1 :]
    if True in blocked[first + 1 :] or not any(
        s.label_ in EVENT_LABELS for _, p in later for s in p
    ):
        return [(sentence, spans)]
    return parts


def sentences_for_the_model(
    doc: Doc, parts: list[tuple[Span, list[Span]]] | None = None
) -> list[Span]:
    """The sentences whose scores :func:`sentence_events` may ask the policy to use.

    Those with a rule span, less those the rules settle alone: a sentence blocked by
    a sentence-level cue (or by a sports or topic cue with no casualty word), and one
    with no trigger where the model may not add an event either (a hypothetical, a
    claim, a question). Every sentence left out would have had its scores unread.
    ``parts`` are the doc's :func:`sentences_with_spans` when already read.
    """
    chosen = []
    for sentence, spans in sentences_with_spans(doc) if parts is None else parts:
        labels = {s.label_ for s in spans}
        if not labels or labels & SENTENCE_BLOCKERS:
            continue
        if _topic_without_casualties(labels):
            continue
        if not labels & EVENT_LABELS and not _model_may_add(sentence, labels):
            continue
        chosen.append(sentence)
    return chosen


def _topic_without_casualties(labels: set[str]) -> bool:
    """A sports or topic cue in a sentence that reports no casualties: background."""
    return bool(labels & {SPORTS, TOPIC}) and not labels & CASUALTY_LABELS


def _model_may_add(sentence: Span, labels: set[str]) -> bool:
    """Whether the model may add an event no rule found: not in a question, nor beside
    a hedge or a claim."""
    return not _questioned(sentence, (sentence.start, sentence.end)) and not (
        labels & (CLAUSE_BLOCKERS | {"CLAIM"})
    )


#: How a later sentence changes a toll told before: it replaces it ("the death toll
#: rose to 31") or adds another party to it ("two attackers were also killed").
REPLACE, ADD = "replace", "add"
_ADDITIVE = frozenset("also too نیز همچنین ایضا کذلک".split())


def _toll_update(
    sentence: Span, casualties: Casualties, lex: Lexicon, spans: Sequence[Span] = ()
) -> str | None:
    """Whether the figures of ``sentence`` update a toll told earlier in the text.

    In English "also" adds a party only next to its casualty word ("two civilians
    were also killed"); "the ministry also reported 32 dead" is another source's
    count of the same dead, not more of them."""
    if casualties.killed is None and casualties.injured is None:
        return None
    words = set(lowers(sentence.doc)[sentence.start : sentence.end])
    if words & lex.toll_words and words & _RISE_WORDS:
        return REPLACE
    if not words & _ADDITIVE:
        return None
    if lex.lang != "en":
        return ADD
    doc = sentence.doc
    for span in spans:
        if span.label_ not in ("KILLED", "INJURED"):
            continue
        near = [t.lower_ for t in doc[max(sentence.start, span.start - 2) : span.start]]
        near += [t.lower_ for t in doc[span.end : min(sentence.end, span.end + 1)]]
        if _ADDITIVE & set(near):
            return ADD
    return None


_RISE_WORDS = frozenset(
    "rose risen climbed reached jumped increased rises climbs reaches stands stood "
    "رسید رسیده افزایش ارتفعت ارتفع بلغت بلغ وصلت وصل".split()
)


def _last_casualty_event(events: list[RawEvent]) -> int | None:
    """The last event of a type with casualties, told in the last sentence with events."""
    if not events:
        return None
    last_sentence = events[-1].sentence.start
    for index in range(len(events) - 1, -1, -1):
        if events[index].sentence.start != last_sentence:
            return None
        if events[index].type in CASUALTY_TYPES:
            return index
    return None


def _update_earlier(events: list[RawEvent], found: list[RawEvent], update: str) -> None:
    """A sentence that updates a toll and restates its event ("the toll of the Omdurman
    shelling rose to 31"): the update goes to the earlier mention, which the document's
    event keeps (the first figure of a mention wins when mentions are merged)."""
    for new in found:
        if new.type not in CASUALTY_TYPES:
            continue
        for index, old in enumerate(events):
            if old.type == new.type and old.place is not None and old.place == new.place:
                events[index] = _fill_casualties(old, Casualties(new.killed, new.injured), update)
                break


#: Types that absorb another type stated in the same sentence: a suicide bombing is
#: not also an explosion (EVENTS.md); the gunfire of a clash is not a separate shooting.
#: A "suicide drone" (پهپاد انتحاری) is an air strike, not a suicide bombing.
ABSORBS = {
    EventType.SUICIDE_BOMBING: {EventType.EXPLOSION, EventType.SHOOTING},
    EventType.ARMED_CLASH: {EventType.SHOOTING, EventType.SHELLING},
    EventType.ATTACK_ON_CIVILIANS: {EventType.SHOOTING},
    EventType.AIRSTRIKE: {EventType.SUICIDE_BOMBING, EventType.SHOOTING},
    EventType.SHELLING: {EventType.SHOOTING},
}


#: Four digits in a row: the text may name a year (:func:`_four_digit_tokens`).
_FOUR_DIGITS = re.compile(r"[0-9]{4}")


def _four_digit_tokens(doc: Doc) -> dict[int, int]:
    """Token index → value of every token of four ASCII digits (a year, perhaps)."""
    lengths, digits = doc.to_array([LENGTH, IS_DIGIT]).T
    found = np.flatnonzero((lengths == 4) & (digits == 1)).tolist()
    return {i: int(text) for i in found if (text := doc[i].text).isascii()}


def _earlier_years(
    sentence: Span, year_tokens: dict[int, int], years: Sequence[tuple[int, int]]
) -> list[int]:
    """Tokens of ``sentence`` that name an earlier year: "the 2015 bombing", "سال ۱۴۰۱",
    "عام 1445 هـ" are history, not news. A year is compared with the publication year
    in its own calendar (Gregorian, Solar Hijri, lunar Hijri): ``years`` holds those,
    from :func:`published_years`; none without a publication date. ``year_tokens`` are
    the doc's four-digit tokens (:func:`_four_digit_tokens`)."""
    return [
        i
        for i in range(sentence.start, sentence.end)
        if (year := year_tokens.get(i)) is not None
        and any(low <= year < current for low, current in years)
    ]


#: How far after an earlier year the noun it dates may end ("the 2023 Peshawar mosque
#: bombing").
YEAR_REACH = 4


def _year_dates(year: int, trigger: Span) -> bool:
    """Whether the year token at ``year`` stands close enough before ``trigger`` to be
    the year of that noun ("the 2016 Karrada bombing")."""
    return 0 < trigger.start - year <= YEAR_REACH


def _dated_by(trigger: Span, years: list[int]) -> bool:
    """Whether one of the year tokens ``years`` dates ``trigger``."""
    return any(_year_dates(year, trigger) for year in years)


def _years_date_nouns(years: list[int], triggers: list[Span]) -> bool:
    """Whether every year of ``years`` dates an event word after it ("the 2016 bombing"),
    rather than standing alone ("footage from 2014", "cleared mines after 2003")."""
    return all(any(_year_dates(year, t) for t in triggers) for year in years)


#: Where an event happened when its sentence names only where things came from or went:
#: forces deploy *to* a place and roads *to* a place are closed; a blast reported "from"
#: a town happened there. Strikes and shelling launched *from* a place did not.
PASSING_FALLBACK = {
    EventType.ROAD_CLOSURE: ("destination", "origin"),
    EventType.SECURITY_DEPLOYMENT: ("destination", "origin"),
    EventType.AIRSTRIKE: (),
    EventType.SHELLING: (),
}
DEFAULT_PASSING_FALLBACK = ("origin", "destination")


def _place_by_passing(
    event: RawEvent, passing: list[PlaceMention], resolved: dict[int, GazetteerEntry | None]
) -> RawEvent:
    """Place an event by the sentence's origin / destination names when it has no other."""
    if event.place is not None:
        return event
    for role in PASSING_FALLBACK.get(event.type, DEFAULT_PASSING_FALLBACK):
        target = next((m for m in passing if m.role == role and resolved.get(m.start)), None)
        if target is not None:
            return replace(event, place=resolved[target.start], place_span=target)
    return event


def _exclusive(decisions: list[Decision]) -> list[Decision]:
    present = {EventType(d.type) for d in decisions}
    absorbed: set[EventType] = set()
    for kind in present:
        absorbed |= ABSORBS.get(kind, set())
    return [d for d in decisions if d.type not in absorbed]


#: What may stand between two places of one list ("في إسطنبول وأنقرة", "in Hebron and
#: Bethlehem", «در استانبول و آنکارا», «القنيطرة ومواقع في محافظة درعا»), folded.
_LIST_LINKS = frozenset(
    "و and , ، or in the of في فی در علی on at "
    "مدینه مدینتی بلده بلدتی بلدات قریه قری محافظه منطقه مناطق مواقع حی احیاء "
    "شهر شهرهای استان استانهای روستای روستاهای "
    "city cities town towns village villages province provinces district districts areas".split()
)
_CONJUNCTIONS = frozenset({"و", "and", ",", "،"})
#: Words that open place names with a و of their own, not "and" («ولاية شمال
#: كردفان», «وادي حضرموت»), folded.
_WAW_WORDS = frozenset("ولایه ولایات ولایتی وادی وسط واسط".split())


def _with_coordinated_places(
    event: RawEvent,
    event_places: list[PlaceMention],
    resolved: dict[int, GazetteerEntry | None],
) -> list[RawEvent]:
    """An event and one more of its type at each place listed with its own in the same
    sentence ("arrests in Istanbul and Ankara" are two: EVENTS.md counts an event per
    type and place). A toll is not split between the places: the others get none,
    unless it is "no casualties", which holds for each."""
    mention = event.place_span
    if event.place_inherited or mention is None or mention not in event_places:
        return [event]
    if event.type == EventType.ROAD_CLOSURE:
        return [event]  # "the road between Sanaa and Marib" names its ends, not two closures
    ordered = sorted(event_places, key=lambda m: m.start)
    doc = event.sentence.doc
    at = ordered.index(mention)
    group = [mention]
    for step in (1, -1):
        i = at
        while 0 <= i + step < len(ordered):
            left, right = sorted((ordered[i], ordered[i + step]), key=lambda m: m.start)
            if not _listed_together(doc, left, right):
                break
            group.append(ordered[i + step])
            i += step
    if len(group) == 1:
        return [event]
    zero = event.killed in (0, None) and event.injured in (0, None)
    others = [
        replace(
            event,
            place=resolved[m.start],
            place_span=m,
            killed=event.killed if zero else None,
            injured=event.injured if zero else None,
        )
        for m in sorted(group[1:], key=lambda m: m.start)
        if resolved.get(m.start) is not None and resolved[m.start] != event.place
    ]
    return [event, *others]


def _listed_together(doc: Doc, left: PlaceMention, right: PlaceMention) -> bool:
    """Whether two place names are items of one list: at most three linking words apart
    (a conjunction among them, or و glued to the second name)."""
    between = [t.lower_ for t in doc[left.end : right.start]]
    if len(between) > 3 or not all(w in _LIST_LINKS or w[1:] in _LIST_LINKS for w in between):
        return False
    joined = any(w in _CONJUNCTIONS or (w[:1] == "و" and w[1:] in _LIST_LINKS) for w in between)
    first = doc[right.start].lower_
    return joined or (first.startswith("و") and first not in _WAW_WORDS)


#: Cues that make a sentence history, which a definite noun after it may go on telling.
HISTORY_CUES = frozenset({"BACKGROUND", "STATISTIC", FRAME})
#: Words that make the noun after them one already told ("the bombing", «این حمله»),
#: folded as the text is.
_DEFINITE = {
    lang: frozenset(fold(word) for word in words.split())
    for lang, words in (
        ("en", "the this that these those"),
        ("fa", "این آن همین همان"),
        ("ar", "هذا هذه ذلك تلك"),
    )
}


#: How many days before publication a date is still the news's.
RECENT_DAYS = 7


def _dated_recently(text: str, published: dt.date | None) -> bool:
    """Whether the sentence dates what it tells within the week before publication."""
    date = resolve_event_date(text, published)
    return date is not None and published is not None and (published - date).days <= RECENT_DAYS


def _event_types(triggers: list[Span]) -> set[EventType]:
    """The event types of ``triggers``, a blast's with the other blast types."""
    kinds = {EventType(t.label_) for t in triggers}
    return kinds | (set(BLAST_TYPES) if kinds & BLAST_TYPES else set())


def _refers_to_untold(trigger: Span, sentence: Span, untold: set[EventType], lang: str) -> bool:
    """Whether ``trigger`` is a noun made definite by a word before it ("the bombing",
    «این حمله», «هذا التفجير») of a type the sentence before named as history (in the
    past, a tally, a frame such as a trial) without reporting it. Arabic's article
    alone is not enough: «الانتحاري» after a foiled attack is the bomber who then blew
    himself up."""
    if not untold or EventType(trigger.label_) not in untold:
        return False
    before = trigger.doc[trigger.start - 1].lower_ if trigger.start > sentence.start else ""
    return before in _DEFINITE.get(lang, ())


def _last_text_date(events: list[RawEvent]) -> dt.date | None:
    """The date the text gave the latest event that has one."""
    return next((e.date for e in reversed(events) if e.date_source == "text"), None)


def _decision_trigger(decision: Decision, triggers: list[Span]) -> Span | None:
    """The trigger that states ``decision`` (None: the model alone decided it)."""
    return next((t for t in triggers if t.label_ == decision.type), None)


def _date_near(
    decision: Decision, triggers: list[Span], sentence: Span, text: str, published: dt.date | None
) -> dt.date | None:
    """The day the sentence gives the event ``decision`` states: of several relative
    days, the one nearest its trigger ("kidnapped on Sunday and freed today")."""
    trigger = _decision_trigger(decision, triggers)
    near = None if trigger is None else trigger.start_char - sentence.start_char
    return resolve_event_date(text, published, near)


def _event(
    sentence: Span,
    decision: Decision,
    triggers: list[Span],
    event_places: list[PlaceMention],
    resolved: dict[int, GazetteerEntry | None],
    last_place: tuple[GazetteerEntry, PlaceMention] | None,
    casualties: Casualties,
    date: dt.date | None,
    published: dt.date | None,
) -> RawEvent:
    """One event of a sentence: its trigger (or the whole sentence), place, and the
    sentence's figures and date (``date`` is None when the text gives none)."""
    kind = EventType(decision.type)
    trigger = _decision_trigger(decision, triggers)
    if trigger is None:  # the model alone: the sentence is the trigger
        trigger = Span(sentence.doc, sentence.start, sentence.end, label=decision.type)
    place_mention = _event_place(event_places, resolved, trigger, last_place)
    entry = (
        resolved[place_mention.start] if place_mention else (last_place[0] if last_place else None)
    )
    return RawEvent(
        type=kind,
        sentence=sentence,
        trigger=trigger,
        place=entry,
        place_span=place_mention or (last_place[1] if last_place else None),
        place_inherited=place_mention is None and last_place is not None,
        killed=casualties.killed if kind in CASUALTY_TYPES else None,
        injured=casualties.injured if kind in CASUALTY_TYPES else None,
        date=date or published,
        date_source="text" if date else ("published" if published else None),
        rule=trigger.id_ or "textcat",
        source=decision.source,
        score=decision.score,
    )


def _triggers(spans: list[Span], sentence: Span, lang: str = "") -> list[Span]:
    """Event triggers of a sentence outside hedged or questioned clauses, one per type region."""
    labelled = [(span, span.label_) for span in spans]  # each span's label read once
    by_label: dict[str, list[Span]] = {}
    for span, label in labelled:
        by_label.setdefault(label, []).append(span)
    hedges = [s for label in CLAUSE_BLOCKERS for s in by_label.get(label, ())]
    frames = by_label.get(FRAME, [])
    reach = (FRAME_REACH.get(lang, DEFAULT_FRAME_REACH), FRAME_REACH_BEFORE.get(lang, 0))
    intents = by_label.get(INTENT, [])
    threats = by_label.get(THREAT, [])
    defused = DEFUSED in by_label or ACCIDENT in by_label
    lifts = by_label.get(MASK_LIFTED, [])
    masks = [m for m in by_label.get(MASK, []) if not any(u.start < m.start < u.end for u in lifts)]
    named = [(span, label) for span, label in labelled if label in EVENT_LABELS]
    breaks: list[int] | None = None  # read once, when a trigger needs its clause
    chosen: list[tuple[Span, str]] = []
    for span, label in sorted(named, key=lambda pair: (pair[0].start, pair[0].end)):
        if any(m.start <= span.start < m.end or span.start <= m.start < span.end for m in masks):
            continue
        if span.id_ in ACTIVE_ONLY and any(t.lower_ in _PASSIVE for t in span):
            continue  # "gunmen had been killed": the gunmen are the dead, not the shooters
        if defused and label in BLAST_TYPES:
            continue
        if breaks is None:
            breaks = _clause_breaks(sentence)
        clause = _clause(sentence, span.start, breaks)
        if _questioned(sentence, clause) or any(_hedges(h, span, clause) for h in hedges):
            continue
        if any(clause[0] <= i.start <= span.start for i in intents):
            continue
        if any(_framed(f, span, clause, reach) for f in frames):
            continue
        # A deployment "in response to a threat" is still a deployment (EVENTS.md).
        deployment = label == EventType.SECURITY_DEPLOYMENT
        if not deployment and any(clause[0] <= t.start <= span.start for t in threats):
            continue
        if any(c_label == label and c.start <= span.start < c.end for c, c_label in chosen):
            continue
        chosen.append((span, label))
    if any(label == EventType.AIRSTRIKE for _, label in chosen):
        # "قصفت طائرات حربية": a bombardment by aircraft is the air strike itself.
        return [s for s, _ in chosen if s.id_ not in GENERIC_BOMBARDMENT]
    return [s for s, _ in chosen]


def _hedges(hedge: Span, trigger: Span, clause: tuple[int, int]) -> bool:
    """A hedge ("may", "ربما", "احتمال") covers what follows it in its clause and the few
    words just before it ("a bomb may explode"), not a trigger far ahead of it ("forces
    deployed ... after reports of possible threats")."""
    if not clause[0] <= hedge.start < clause[1]:
        return False
    return trigger.start >= hedge.start or hedge.start - trigger.end <= 3


def _framed(frame: Span, trigger: Span, clause: tuple[int, int], reach: tuple[int, int]) -> bool:
    """Whether a frame cue (an anniversary, a verdict, a condemnation) governs a trigger:
    in the same clause, starting inside the cue or at most ``reach[0]`` words after it,
    or ending at most ``reach[1]`` words before it."""
    if not clause[0] <= frame.start < clause[1]:
        return False
    after, before = reach
    if frame.start <= trigger.start <= frame.end + after:
        return True
    return 0 <= frame.start - trigger.end <= before


def _referred_to(trigger: Span, references: list[Span]) -> bool:
    """A trigger inside or right after a back-reference ("after this attack", "in
    connection with the bombings", "موقع الانفجار") names an event told elsewhere
    (if the document tells it nowhere else, the reference is kept as the event)."""
    return any(r.start <= trigger.start <= r.end + 1 for r in references)


def _clause_breaks(sentence: Span) -> list[int]:
    """Indices of the tokens of ``sentence`` that end a clause (for :func:`_clause`)."""
    words = texts(sentence.doc)
    return [i for i in range(sentence.start, sentence.end) if words[i] in CLAUSE_BREAKS]


def _clause(sentence: Span, index: int, breaks: list[int]) -> tuple[int, int]:
    """The clause of ``sentence`` holding token ``index``: after the last clause break
    before it, through the first one after it (``breaks``: :func:`_clause_breaks`)."""
    at = bisect_left(breaks, index)
    start = breaks[at - 1] + 1 if at else sentence.start
    if at < len(breaks) and breaks[at] == index:
        at += 1
    end = breaks[at] + 1 if at < len(breaks) else sentence.end
    return start, end


def _questioned(sentence: Span, clause: tuple[int, int]) -> bool:
    last = sentence.doc[clause[1] - 1]
    return last.text in ("?", "؟")


def _event_place(
    places: list[PlaceMention],
    resolved: dict[int, GazetteerEntry | None],
    trigger: Span,
    last_place: tuple[GazetteerEntry, PlaceMention] | None,
) -> PlaceMention | None:
    """Where a trigger's event happened: the nearest city or district of its sentence.

    A country named in the sentence is often an actor ("an Israeli strike", "the
    Lebanese army"), so it is the place only when no more specific place is at hand:
    neither in the sentence nor, within that country, earlier in the document.
    """
    specific = [p for p in places if resolved[p.start].kind != "country"]  # type: ignore[union-attr]
    if specific:
        return _inner(_nearest(specific, trigger), specific, resolved)
    countries = {resolved[p.start].country for p in places}  # type: ignore[union-attr]
    if last_place is not None and (not countries or last_place[0].country in countries):
        return None  # inherit the document's last place
    return _nearest(places, trigger)


def _inner(
    place: PlaceMention | None,
    places: list[PlaceMention],
    resolved: dict[int, GazetteerEntry | None],
) -> PlaceMention | None:
    """ "in Tripoli's Bab al-Tabbaneh district", "در منطقه کراده بغداد": a district named
    next to its city, or a town just before its province, is the more specific place."""
    if place is None:
        return None
    outer = resolved[place.start]
    for other in places:
        inner = resolved[other.start]
        if other is place or inner is None or outer is None:
            continue
        close = 0 <= other.start - place.end <= 2 or 0 <= place.start - other.end <= 2
        if close and inner.kind == "district" and inner.parent == outer.name:
            return other
        # "مدينة بابنوسة غربي كردفان", "Kankara in Katsina state": a town named just
        # before its province is the more specific place.
        if (
            outer.kind == "region"
            and inner.kind in ("city", "district")
            and inner.country == outer.country
            and 0 < place.start - other.end <= 3
        ):
            return other
    return place


def _nearest(places: list[PlaceMention], trigger: Span) -> PlaceMention | None:
    """The place inside the trigger phrase ("شددت قوات الشرطة في أسيوط من إجراءاتها"),
    else the nearest after it ("a blast in Homs"), else the nearest before it."""
    if not places:
        return None
    inside = [p for p in places if trigger.start <= p.start < trigger.end]
    if inside:
        return inside[0]
    after = [p for p in places if p.start >= trigger.end]
    if after:
        return min(after, key=lambda p: p.start)
    return max(places, key=lambda p: p.start)


def _most_specific(
    places: list[PlaceMention], resolved: dict[int, GazetteerEntry | None]
) -> PlaceMention:
    rank = {"district": 0, "city": 1, "region": 2, "country": 3}
    return min(places, key=lambda p: (rank.get(resolved[p.start].kind, 4), p.start))  # type: ignore[union-attr]


def _fill_casualties(
    event: RawEvent, casualties: Casualties, update: str | None = None
) -> RawEvent:
    """ "A car bomb exploded in Baghdad. Five people were killed." — the next sentence's
    toll; an update replaces ("the toll rose to 31") or adds to ("two attackers were
    also killed") what was told before."""
    return replace(
        event,
        killed=_combine(event.killed, casualties.killed, update),
        injured=_combine(event.injured, casualties.injured, update),
    )


def _combine(old: int | None, new: int | None, update: str | None) -> int | None:
    if old is None or new is None:
        return old if new is None else new
    if update == REPLACE:
        return new
    if update == ADD and old > 0:
        return old + new
    return old


def _claimed_triggers(triggers: list[Span], spans: list[Span], lex: Lexicon) -> list[Span]:
    """The triggers a claim cue governs: right after it ("claimed responsibility for the
    blast", "تبنى تنظيم داعش الهجوم", "عامل اصلی انفجار"), or, in Persian, just before
    it ("حمله انتحاری کابل رو شبکه حقانی طراحی کرده"). Other events in the sentence
    ("arrested members of the cell responsible for the attack") stand."""
    cues = [s for s in spans if s.label_ == "CLAIM"]
    before = 8 if lex.lang == "fa" else 0
    return [
        t
        for t in triggers
        if any(
            c.start - before <= t.start <= c.end + 4 and not _new_clause(t.doc, c.end, t.start, lex)
            for c in cues
        )
    ]


def _new_clause(doc: Doc, cue_end: int, trigger_start: int, lex: Lexicon) -> bool:
    """ "فككت الخلية المسؤولة عن الهجوم واعتقلت أفرادها": a verb glued to "و" opens a new
    clause, which the claim cue before it does not govern. An Arabic verb never takes
    the article, so "و" + a word without "ال" is taken for a verb."""
    if lex.lang != "ar":
        return False
    for token in doc[cue_end : trigger_start + 1]:
        word = token.lower_
        if len(word) > 3 and word[0] == "و" and not word[1:].startswith(("ال", "ل")):
            return True
    return False


def _claims(
    sentence: Span,
    spans: list[Span],
    triggers: list[Span],
    lex: Lexicon,
    place: GazetteerEntry | None,
) -> list[RawClaim]:
    cue = min((s for s in spans if s.label_ == "CLAIM"), key=lambda s: s.start)
    if lex.lang == "ar":
        end = min((t.start for t in triggers if t.start > cue.end), default=sentence.end)
        who = sentence.doc[cue.end : end]
    else:
        who = sentence.doc[sentence.start : cue.start]
    return [RawClaim(EventType(t.label_), sentence, who, place) for t in triggers]
