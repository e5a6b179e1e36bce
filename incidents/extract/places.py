"""Find place names in a processed text and tell event places from the others.

Names are looked up in the offline gazetteer as token n-grams (longest first).
A place keeps a *role*: ``event`` (a candidate place of what happened), or one of
``dateline``, ``speaker``, ``origin``, ``destination``, ``street`` (Algeria Street
is not Algeria) or ``organization`` (Nineveh police), which EVENTS.md says are
never event places. All places, whatever
their role, give the document its country context for disambiguation ("Damascus"
with Syria mentioned).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LIKE_NUM, LOWER, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

from incidents.bounded_memo import BoundedMemo
from incidents.extract.lexicon import Lexicon
from incidents.geocode import Gazetteer, GazetteerEntry, choose
from incidents.geocode.curated import load_place_types, load_vicinity_words
from incidents.geocode.names import is_arabic_script, name_key

EVENT_ROLE = "event"
#: Where a doc's :meth:`PlaceFinder._scan` is kept.
_SCAN = "incidents.place_scan"
#: Most words (and pairs of words) a place finder remembers the keys of before it
#: starts over.
MEMO_LIMIT = 200_000
_DATELINE_MARKS = frozenset({"-", "–", "—", "(", ":"})
#: Arabic proclitics glued to a place word («وبلدة», «ببلدة»).
_PROCLITICS = frozenset("وفبل")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer name found at tokens ``[start, end)`` of a doc."""

    start: int
    end: int
    candidates: tuple[GazetteerEntry, ...]
    role: str
    #: The folded text of the name as written.
    surface: str = ""


class PlaceFinder:
    """Finds gazetteer names and demonyms in the docs of one pipeline.

    Two lexeme flags (``Vocab.add_flag``) mark, once per vocabulary word, the words a
    gazetteer name may begin with and the demonyms; a doc is then scanned only from
    the tokens so marked, which is most of what makes finding places cheap.
    """

    def __init__(self, vocab: Vocab, gazetteer: Gazetteer, lex: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lex = lex
        # The functions that give a vocabulary's words their is_punct, like_num...
        getters = vocab.lex_attr_getters  # type: ignore[attr-defined]
        self._name_flag = vocab.add_flag(
            lambda word: _may_start_name(word, getters, lex) and gazetteer.may_begin_name(word)
        )
        self._end_flag = vocab.add_flag(gazetteer.may_end_name)
        # Where a doc's scan is kept: the flags it holds are this finder's own.
        self._scan_key = f"{_SCAN}.{self._name_flag}"
        self._place_words = frozenset(
            name_key(word) for word in load_place_types().get(lex.lang, ())
        )
        self._vicinity = frozenset(
            name_key(words) for words in load_vicinity_words().get(lex.lang, ())
        )
        self._demonym_flag = vocab.add_flag(
            lambda word: gazetteer.country_of_demonym(word) is not None
        )
        #: Each vocabulary word's key when a name may be keyed word by word (see
        #: :func:`_word_key`), remembered by its string-store id.
        self._word_keys: BoundedMemo[int, str | None] = BoundedMemo(MEMO_LIMIT)
        #: :meth:`Gazetteer.may_begin_words` of pairs of word keys, remembered.
        self._pairs: BoundedMemo[tuple[str, str], bool] = BoundedMemo(MEMO_LIMIT)

    def locate(
        self, doc: Doc, text: str, context: Collection[str] = ()
    ) -> tuple[list[PlaceMention], set[str]]:
        """The place mentions of ``doc`` and the countries it is about.

        First every name is read without minor towns, which gives the countries
        (plus ``context``, e.g. a comment's article's); then, if a minor town was
        passed over, the text is read again admitting a minor town where the
        document is about its country and a place word announces it («بلدة ...»,
        "the village of ..."), so that "شهر هرات" is still Herat, Afghanistan.
        """
        is_minor = self.gazetteer.is_minor
        minor_at: set[int] = set()  # starts where a minor town was passed over

        def known(candidates: tuple[GazetteerEntry, ...], start: int) -> tuple[GazetteerEntry, ...]:
            kept = tuple(c for c in candidates if not is_minor(c))
            if len(kept) < len(candidates):
                minor_at.add(start)
            return kept

        read: dict[int, PlaceMention | None] = {}
        mentions = self.find(doc, text, known, read)
        countries = self.countries(mentions, doc) | set(context)
        if not minor_at:
            return mentions, countries
        # Where no minor town was passed over, the second reading finds what the first did.
        same = {start: found for start, found in read.items() if start not in minor_at}

        def admitted(
            candidates: tuple[GazetteerEntry, ...], start: int
        ) -> tuple[GazetteerEntry, ...]:
            announced: bool | None = None
            kept = []
            for candidate in candidates:
                if is_minor(candidate):
                    if candidate.country not in countries:
                        continue
                    if announced is None:
                        announced = self._announced(doc, start)
                    if not announced:
                        continue
                kept.append(candidate)
            return tuple(kept)

        return self.find(doc, text, admitted, replay=same), countries

    def _scan(self, doc: Doc) -> _Scan:
        """What :meth:`find` and :meth:`countries` read of ``doc``, in one
        ``Doc.to_array`` call, once per doc (kept in its ``user_data``: both readings
        of :meth:`locate` and every :meth:`countries_for` ask again)."""
        found = doc.user_data.get(self._scan_key)
        if found is None:
            found = doc.user_data[self._scan_key] = self._read_scan(doc)
        return found  # type: ignore[no-any-return]

    def _read_scan(self, doc: Doc) -> _Scan:
        columns = doc.to_array(
            [self._name_flag, self._end_flag, self._demonym_flag, IDX, LENGTH, ORTH, LOWER]
        )
        names, may_end, demonyms, begins, lengths, orths, lowers = columns.T.tolist()
        hyphen = doc.vocab.strings["-"]
        return _Scan(
            flagged=[i for i, flag in enumerate(names) if flag],
            demonyms=[i for i, flag in enumerate(demonyms) if flag],
            may_end=may_end,
            begins=begins,
            ends=[begin + length for begin, length in zip(begins, lengths, strict=True)],
            hyphens=list(accumulate(orth == hyphen for orth in orths)),
            words=_Words(doc, orths, lowers),
        )

    def find(
        self,
        doc: Doc,
        text: str | None = None,
        accept: Callable[[tuple[GazetteerEntry, ...], int], tuple[GazetteerEntry, ...]]
        | None = None,
        read: dict[int, PlaceMention | None] | None = None,
        replay: Mapping[int, PlaceMention | None] | None = None,
    ) -> list[PlaceMention]:
        """Every gazetteer name in ``doc``, longest match first, with its role;
        ``accept`` keeps the candidates of a name starting at a token (all: None).
        ``read`` is filled with
        the name (or None) found at each token a name was looked for from; ``replay``
        gives such findings that hold for this ``accept`` too, taken as they are.

        Candidate surfaces are cut from ``doc.text`` by the tokens' character offsets
        (what ``Span.text`` would give), without building a span per n-gram tried.
        ``text`` is the doc's text when the caller has it (``Doc.text`` joins tokens).
        """
        gazetteer, lex = self.gazetteer, self.lex
        scan = self._scan(doc)
        if not scan.flagged:
            return []
        begins, ends, hyphens, may_end, words = (
            scan.begins,
            scan.ends,
            scan.hyphens,
            scan.may_end,
            scan.words,
        )
        keys = self._keys_of(words)
        text = doc.text if text is None else text
        size = len(doc)
        longest = gazetteer.max_tokens
        mentions: list[PlaceMention] = []
        covered = 0
        for start in scan.flagged:
            if start < covered:
                continue
            if replay is not None and start in replay:
                again = replay[start]
                if again is not None:
                    mentions.append(again)
                    covered = again.end
                continue
            # Hyphens are tokens of their own: "Pul-e-Khumri" is five tokens, one name.
            stop = min(start + 2 * longest, size)
            seen = hyphens[stop - 1] - (hyphens[start - 1] if start else 0)
            several: bool | None = None  # whether a name of several tokens may start here
            found: PlaceMention | None = None
            for n in range(min(longest + 2 * seen, stop - start), 0, -1):
                last = start + n - 1
                if n > 1:
                    if not may_end[last]:
                        continue
                    if several is None:
                        several = self._may_go_on(keys, begins, ends, start, size)
                    if not several:
                        continue
                surface = text[begins[start] : ends[last]]
                key = _joined_key(keys, begins, ends, start, last)
                candidates = gazetteer.lookup(surface) if key is None else gazetteer.lookup_key(key)
                if candidates and n > 1 and self._is_place_word(words.text(start)):
                    # «مدينة زنجبار» is Zanzibar City, or the town زنجبار (Zinjibar)
                    # announced by its place word: the context chooses.
                    rest = gazetteer.lookup(text[begins[start + 1] : ends[last]])
                    candidates += tuple(c for c in rest if c not in candidates)
                if candidates and accept is not None:
                    candidates = accept(candidates, start)
                if candidates:
                    role = _role(words, start, start + n, lex)
                    found = PlaceMention(start, start + n, candidates, role, surface)
                    mentions.append(found)
                    covered = start + n
                    break
            if read is not None:
                read[start] = found
        return mentions

    def _may_go_on(
        self, keys: _WordKeys, begins: list[int], ends: list[int], start: int, size: int
    ) -> bool:
        """Whether a name of several tokens may start at token ``start``. When the first
        two are words of letters with a space after each, every key of two tokens or
        more from ``start`` begins with their keys, so :meth:`Gazetteer.may_begin_words`
        judges them all at once; otherwise it may."""
        second = start + 1
        if second >= size or begins[second] == ends[start]:
            return True
        if second + 1 < size and begins[second + 1] == ends[second]:
            return True  # "Deir ez-Zor": the second word goes on
        first_key, second_key = keys(start), keys(second)
        if first_key is None or second_key is None:
            return True
        pair = (first_key, second_key)
        found = self._pairs.get(pair)
        if found is None:
            found = self._pairs.remember(pair, self.gazetteer.may_begin_words(*pair))
        return found

    def _keys_of(self, words: _Words) -> _WordKeys:
        """The keys of the words of a doc as :func:`_joined_key` reads them, each
        looked up when first asked for."""
        memo, orths, strings = self._word_keys, words.orths, words.strings

        def key(i: int) -> str | None:
            orth = orths[i]
            found = memo.get(orth, _UNSET)
            if found is _UNSET:
                found = memo.remember(orth, _word_key(strings[orth]))
            return found  # type: ignore[return-value]

        return key

    def countries(self, mentions: Sequence[PlaceMention], doc: Doc) -> set[str]:
        """Countries a text is about: named outright, through a demonym ("زن سوری" →
        SY), or through a name that exists in one country only ("أبين" says Yemen, so
        "زنجبار" beside it is Zinjibar, not Zanzibar). Minor towns say nothing."""
        is_minor = self.gazetteer.is_minor
        countries = {c.country for m in mentions for c in m.candidates if c.kind == "country"}
        for mention in mentions:
            known = {c.country for c in mention.candidates if not is_minor(c)}
            if len(known) == 1:
                countries |= known
        scan = self._scan(doc)
        for i in scan.demonyms:
            code = self.gazetteer.country_of_demonym(scan.words.text(i))
            if code:
                countries.add(code)
        return countries

    def countries_for(
        self,
        mention: PlaceMention,
        mentions: Sequence[PlaceMention],
        doc: Doc,
        countries: set[str],
        context: Collection[str] = (),
    ) -> set[str]:
        """The countries to choose ``mention``'s place by: those of the text, except
        that an ambiguous name does not vote for itself. «شهر اریحا» beside Idlib is
        Ariha in Syria, though Jericho, the only larger town of the name, would
        otherwise add Palestine to the text's countries by itself; «عمّان» beside «الشرطة
        الأردنية» is Amman, though folding drops the shadda that tells it from عمان,
        Oman, which would add Oman. (A Latin country name such as "Iraq" still votes:
        that a town somewhere has it as an alternate name does not make it ambiguous.)"""
        is_minor = self.gazetteer.is_minor
        candidates = mention.candidates
        country_or_town = (
            len({c.country for c in candidates}) > 1
            and any(c.kind == "country" for c in candidates)
            and is_arabic_script(mention.surface)
        )
        if not country_or_town and not any(is_minor(c) for c in candidates):
            return countries
        others = [m for m in mentions if m is not mention]
        return self.countries(others, doc) | set(context)

    def _announced(self, doc: Doc, start: int) -> bool:
        """Whether a place word stands just before the name starting at ``start``."""
        return any(self._is_place_word(t.text) for t in doc[max(0, start - 2) : start])

    def is_near(self, doc: Doc, start: int) -> bool:
        """Whether the words before the name at ``start`` put the event near it, not in
        it ("the outskirts of", «بريف», «حومه»): ACLED's geo_precision 2."""
        before = [name_key(t.text) for t in doc[max(0, start - 2) : start]]
        if not before:
            return False
        last = before[-1]
        return _listed(last, self._vicinity) or " ".join(before) in self._vicinity

    def _is_place_word(self, word: str) -> bool:
        return _listed(name_key(word), self._place_words)


def _listed(key: str, words: frozenset[str]) -> bool:
    """Whether ``key`` is one of ``words``, as written or after one Arabic proclitic."""
    return key in words or (len(key) > 3 and key[0] in _PROCLITICS and key[1:] in words)


def _may_start_name(word: str, getters: dict[int, Callable[[str], Any]], lex: Lexicon) -> bool:
    """Whether the vocabulary word ``word`` may start a place name, by its kind alone:
    not punctuation, space, a number or a line break; in English, capitalized and not
    a word of speech ("Said"). ``getters`` are the vocabulary's lexeme attribute
    functions, which give its tokens their ``is_punct`` and the rest."""
    if lex.lang == "en" and not (getters[IS_TITLE](word) or getters[IS_UPPER](word)):
        return False  # most English words, turned away first
    if getters[IS_PUNCT](word) or getters[IS_SPACE](word) or getters[LIKE_NUM](word):
        return False
    if "\n" in word:
        return False
    return lex.lang != "en" or getters[LOWER](word) not in lex.speech


_UNSET = object()
_WordKeys = Callable[[int], "str | None"]


def _word_key(word: str) -> str | None:
    """``name_key(word)`` for a word of letters only, else None. The key of a text of
    such words, one space apart, is their keys joined by spaces: every step of
    :func:`name_key` works letter by letter or needs a mark that is not a letter
    (apostrophe, hyphen, punctuation), and its spacing is one space between words."""
    if not word.isalpha():
        return None
    return name_key(word) or None


def _joined_key(
    keys: _WordKeys, begins: list[int], ends: list[int], start: int, last: int
) -> str | None:
    """The key of the text from token ``start`` to token ``last``, joined from its words'
    keys when each is a word of letters and a space parts each from the next; else
    None (the text must be keyed whole)."""
    first = keys(start)
    if first is None:
        return None
    if start == last:
        return first
    parts = [first]
    for i in range(start + 1, last + 1):
        key = keys(i)
        if key is None or begins[i] == ends[i - 1]:
            return None
        parts.append(key)
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class _Scan:
    """A doc as :meth:`PlaceFinder.find` reads it (see :meth:`PlaceFinder._scan`)."""

    #: Tokens that may start a name.
    flagged: list[int]
    #: Tokens that may be demonyms ("Syrian", «سوری»).
    demonyms: list[int]
    #: Per token: whether a name of several tokens may end with it.
    may_end: list[int]
    begins: list[int]
    ends: list[int]
    #: Per token: how many hyphen tokens there are up to it.
    hyphens: list[int]
    words: _Words


class _Words:
    """The words of a doc read from its arrays, without a ``Token`` per word."""

    __slots__ = ("lowers", "orths", "strings")

    def __init__(self, doc: Doc, orths: list[int], lowers: list[int]) -> None:
        self.orths = orths
        self.lowers = lowers
        self.strings = doc.vocab.strings

    def text(self, i: int) -> str:
        return self.strings[self.orths[i]]

    def lower(self, i: int) -> str:
        return self.strings[self.lowers[i]]

    def __len__(self) -> int:
        return len(self.orths)


def _role(words: _Words, start: int, end: int, lex: Lexicon) -> str:
    before = [words.lower(i) for i in range(max(0, start - 3), start)]
    after = [words.text(i) for i in range(end, min(end + 5, len(words)))]
    if _is_dateline(words, start, after):
        return "dateline"
    if any(tuple(before[-len(w) :]) == w for w in _WATERS.get(lex.lang, ())):
        return "water"
    if (before and before[-1] in lex.streets) or (
        lex.lang == "en" and after and after[0].lower() in lex.streets
    ):
        return "street"
    # Persian «از» is "from" only just before the name, or before «حومه» ("from the
    # outskirts of"); elsewhere it is also "of" and "than".
    origin_window = 2 if lex.lang != "fa" or (before and before[-1] in _FA_AROUND) else 1
    if any(
        word in lex.origin and not (at and before[at - 1] in lex.proximity)
        for at, word in enumerate(before)
        if at >= len(before) - origin_window
    ):
        return "origin"
    if any(word in lex.destination for word in before[-2:]):
        return "destination"
    if len(before) >= 2 and before[-2] in lex.speakers:
        return "speaker"
    if before and lex.strip_clitic(before[-1]) in lex.organizations:
        return "organization"  # "شرطة نينوى", "Kabul University": a name, not a scene
    return EVENT_ROLE


def _is_dateline(words: _Words, start: int, after: list[str]) -> bool:
    """``BEIRUT (Reuters) -`` / ``دمشق - سانا`` at the start of a line (articles, and
    news snippets pasted into comments), and the region of ``ERBIL, Kurdistan Region -``."""
    marked = any(mark in after[:3] for mark in _DATELINE_MARKS)
    if _at_line_start(words, start):  # "ERBIL, Kurdistan Region -": the mark comes later
        return marked or (after[:1] == [","] and any(m in after[1:5] for m in _DATELINE_MARKS))
    return (
        marked
        and start >= 2
        and words.text(start - 1) == ","
        and words.text(start - 2).isupper()
        and _at_line_start(words, start - 2)
    )


def _at_line_start(words: _Words, i: int) -> bool:
    """Whether token ``i`` starts a line (a token's trailing whitespace is a space or
    nothing: a line break is a token of its own)."""
    return i == 0 or "\n" in words.text(i - 1)


#: «از حومه موصل»: Persian words for a town's surroundings (folded).
_FA_AROUND = frozenset("حومه حومهی اطراف حوالی نزدیکی پیرامون".split())

#: Words before a name that make it a sea's ("the Gulf of Aden", «خليج عدن»), not a town's.
_WATERS = {
    "en": (("gulf", "of"), ("sea", "of"), ("strait", "of"), ("straits", "of"), ("bay", "of")),
    "ar": (("خلیج",), ("بحر",), ("مضیق",)),
    "fa": (("خلیج",), ("دریای",), ("تنگه",)),
}


def resolve(
    mention: PlaceMention, countries: Collection[str], named: Collection[str] = ()
) -> GazetteerEntry | None:
    """The one gazetteer entry a mention most likely means, in this context.

    ``named`` are the other places the text names: of two districts of the same name
    (Midan in Damascus, Midan in Aleppo) the one whose city the text names wins.
    """
    candidates = mention.candidates
    in_named_city = [c for c in candidates if c.kind == "district" and c.parent in named]
    if in_named_city and len(in_named_city) < len(candidates):
        candidates = tuple(in_named_city)
    return choose(candidates, countries, mention.surface)


def named_places(mentions: Sequence[PlaceMention]) -> frozenset[str]:
    """English names of every place any mention may be (for :func:`resolve`)."""
    return frozenset(c.name for m in mentions for c in m.candidates)
