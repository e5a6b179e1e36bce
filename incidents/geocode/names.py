"""Turn place names and text surfaces into the keys the gazetteer indexes.

Both sides of a lookup go through :func:`name_key`, so a name written with hamza
seats, vowel marks, Latin accents, a ZWNJ or odd spacing still meets its entry.
Arabic attaches conjunctions and prepositions to the next word (``وحلب``, ``بدمشق``,
``للعراق``) and writes the article ``ال`` where Persian does not (``الرقة`` / ``رقه``);
:func:`arabic_variants` lists the forms to try, most literal first, when a surface
is not found as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from incidents.normalize.folding import fold

#: Apostrophes and ayn/hamza letters of Latin transliteration ("Al ‘Ashārah",
#: "Ba'qubah") are dropped: news writes them inconsistently. Hyphens and dashes
#: separate words ("Deir ez-Zor" = "Deir ez Zor").
_SEPARATORS = str.maketrans(
    dict.fromkeys("'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4", None)
    | dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2212", " ")
)
#: The English possessive: "Kabul's Khair Khana" names Kabul.
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['\u2019]s(?=\s|$)")
#: Punctuation that sticks to a word in running text ("Damascus," / «دمشق»).
_PUNCTUATION = r"[\"()\[\]{}«»“”.,;:!?،؛؟…/\\|*]+"
_EDGE_PUNCT = re.compile(rf"(?:^|(?<=\s)){_PUNCTUATION}|{_PUNCTUATION}(?=\s|$)")

_ARABIC_LETTERS = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")

#: Proclitics that Arabic writes attached to a place name, one layer before two:
#: و (and), ف (so), ب (in/by), ل (to/for), and their combinations with each other
#: and with ال. Stripping the shortest first finds بالصور as ب + الصور (a word),
#: not بال + صور (Tyre). Arabic ك (as) is left out: Persian words starting with ک
#: are too many.
_PROCLITICS = (
    "و",
    "ف",
    "ب",
    "ل",
    "وب",
    "ول",
    "فب",
    "فل",
    "لل",
    "وال",
    "فال",
    "بال",
    "ولل",
    "فلل",
    "وبال",
)
_ARTICLE = "ال"
MIN_KEY_LENGTH = 3


@lru_cache(maxsize=65_536)
def name_key(text: str) -> str:
    """The index key of a name or surface: folded, accent-free, lowercase, one space.

    Decomposing first (NFD) lets ``fold`` drop Latin accents and the hamza of
    ``ئ`` / ``ؤ`` as it drops other marks, so ``اسرائیل`` and ``اسراییل`` meet.
    Remembered: a new word is asked about by several lexeme flags in a row.
    """
    folded = text if text.isascii() else fold(unicodedata.normalize("NFD", text))
    if folded.isalpha():  # one word of letters: no possessive, no punctuation, no space
        return folded.translate(_SEPARATORS).casefold()
    folded = _EDGE_PUNCT.sub("", _POSSESSIVE.sub("", folded).translate(_SEPARATORS))
    return " ".join(folded.casefold().split())


def is_arabic_script(key: str) -> bool:
    """Whether ``key`` starts with an Arabic-script letter (Persian, Arabic, Urdu...)."""
    return bool(key) and _ARABIC_LETTERS.match(key) is not None


def without_spaces(key: str) -> str | None:
    """The Arabic-script key with its spaces removed, or None when there are none.

    Persian writes compounds with a space, a ZWNJ (removed by folding) or nothing
    (``تل آویو`` / ``تلآویو``); indexing and looking up the space-free form joins them.
    """
    if " " not in key or not is_arabic_script(key):
        return None
    return key.replace(" ", "")


def _toggle_article(word: str) -> str | None:
    if word.startswith(_ARTICLE):
        bare = word[len(_ARTICLE) :]
        return bare if len(bare) >= MIN_KEY_LENGTH else None
    return _ARTICLE + word if len(word) >= MIN_KEY_LENGTH else None


class Variant(NamedTuple):
    """A form to try for a surface not found as written; ``added_article`` is True
    when ال was added rather than removed or a proclitic stripped. (A named tuple:
    the gazetteer's lexeme flags make several for every new Arabic word.)"""

    key: str
    added_article: bool


def arabic_variants(key: str) -> tuple[Variant, ...]:
    """Forms of an Arabic-script ``key`` to try when it is not found as written
    (see :func:`_first_word_variants`). Only the first word changes: proclitics attach
    to the start of the phrase, so the forms of a name of several words are those of
    its first word, followed by the rest as written."""
    if len(key) < MIN_KEY_LENGTH or not is_arabic_script(key):
        return ()
    first, _, rest = key.partition(" ")
    forms = _first_word_variants(first)
    if not rest:
        return forms
    tail = f" {rest}"
    return tuple(Variant(form.key + tail, form.added_article) for form in forms)


@lru_cache(maxsize=65_536)
def _first_word_variants(first: str) -> tuple[Variant, ...]:
    """Forms of the Arabic-script word ``first`` to try when it is not found as written;
    remembered, as lookups and lexeme flags ask about the same words again.

    The article is toggled first (``الرقه`` ↔ ``رقه``), then each proclitic that
    leaves at least three letters is stripped, shortest first, and the article
    toggled on each stem (``والموصل`` → ``الموصل``, ``موصل``).
    """
    candidates: list[str] = [first]
    for proclitic in _PROCLITICS:
        if first.startswith(proclitic) and len(first) - len(proclitic) >= MIN_KEY_LENGTH:
            candidates.append(first[len(proclitic) :])
    seen = {first}
    found: list[Variant] = []
    for index, word in enumerate(candidates):
        forms = [] if index == 0 else [Variant(word, added_article=False)]
        toggled = _toggle_article(word)
        if toggled is not None:
            forms.append(Variant(toggled, added_article=not word.startswith(_ARTICLE)))
        for form in forms:
            if form.key not in seen:
                seen.add(form.key)
                found.append(form)
    return tuple(found)


def load_stop_words() -> frozenset[str]:
    """spaCy's Persian, Arabic and English stop words, as index keys.

    Imported here, not at module import, because importing spaCy takes most of a
    second and only building a gazetteer needs these lists.
    """
    from spacy.lang.ar.stop_words import STOP_WORDS as ARABIC
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.fa.stop_words import STOP_WORDS as PERSIAN

    return frozenset(name_key(word) for word in (*PERSIAN, *ARABIC, *ENGLISH))


def strip_combining(text: str) -> str:
    """``text`` without combining marks ("Ḩarastā" → "Harasta")."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
