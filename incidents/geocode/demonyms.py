"""Nationality adjectives (Syrian, سوری, السوري) and the country each one names.

A document that speaks of "a Syrian woman" or «زن سوری» is about Syria even when
it never names the country; the disambiguator uses these as context countries.
``demonyms.tsv`` lists base forms; the inflected forms news uses are generated
here, so the file stays short and a form is never forgotten for one country only.
"""

from __future__ import annotations

from collections.abc import Iterator

from incidents.geocode.curated import load_demonyms
from incidents.geocode.names import arabic_variants, is_arabic_script, name_key

#: Endings added to an Arabic-script base form (after folding, ة is ه):
#: Arabic feminine -ة, plurals -ون / -ين; Persian plurals -ها / -های / -ان.
_ARABIC_SCRIPT_ENDINGS = ("", "ه", "ون", "ین", "ها", "های", "ان")
_ARTICLE = "ال"


def _inflections(base_key: str) -> Iterator[str]:
    if is_arabic_script(base_key):
        for ending in _ARABIC_SCRIPT_ENDINGS:
            yield base_key + ending
            yield _ARTICLE + base_key + ending
    else:
        yield base_key
        yield base_key + "s"


def build_demonym_index() -> dict[str, str]:
    """Map every generated demonym key to its ISO2 code.

    A form generated for two countries names neither and is dropped, so the
    answer never depends on the order of the file.
    """
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for iso2, bases in load_demonyms():
        for base in bases:
            for form in _inflections(name_key(base)):
                if index.get(form, iso2) != iso2:
                    ambiguous.add(form)
                index[form] = iso2
    for form in ambiguous:
        del index[form]
    return index


def find_demonym(index: dict[str, str], word: str) -> str | None:
    """The ISO2 code ``word`` names as a nationality, trying Arabic proclitics
    (``والسوري``, ``للعراقيين``) when the word is not found as written."""
    key = name_key(word)
    if key in index:
        return index[key]
    for variant in arabic_variants(key):
        if variant.key in index:
            return index[variant.key]
    return None
