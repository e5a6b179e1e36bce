"""Fold Persian / Arabic / English text for matching, keeping a map back to the original.

Folding is one-way and for matching only: evidence is always cut from the original
text through :attr:`FoldedText.origin`.

What is folded:
- Arabic and Persian letter variants: ي ى → ی, ك → ک, ة ۀ → ه, أ إ آ ٱ → ا;
- Persian (۰-۹) and Arabic-Indic (٠-٩) digits → ASCII, ٫ → ".", ٬ → ",";
- removed: vowel marks and other Arabic diacritics, tatweel, zero-width
  non-joiners and joiners, bidi controls, soft hyphens;
- Arabic presentation forms and other compatibility characters (NFKC).

Removing the zero-width non-joiner makes ``جاده‌ها`` and ``جادهها`` the same string,
so patterns match text whose ZWNJs were stripped by a scraper.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

_LETTERS = {
    "ي": "ی",
    "ى": "ی",
    "ك": "ک",
    "ة": "ه",
    "ۀ": "ه",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "٫": ".",
    "٬": ",",
    "ـ": "",  # tatweel
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\u200b": "",  # zero-width space
    "\u00ad": "",  # soft hyphen
    "\ufeff": "",  # byte order mark
}
_BIDI = {chr(c) for c in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
for _digit in range(10):
    _LETTERS[chr(0x06F0 + _digit)] = str(_digit)  # Persian digits
    _LETTERS[chr(0x0660 + _digit)] = str(_digit)  # Arabic-Indic digits


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _LETTERS:
        return _LETTERS[char]
    if char in _BIDI:
        return ""
    category = unicodedata.category(char)
    if category == "Mn":  # vowel marks, shadda, sukun, superscript alef...
        return ""
    if ord(char) < 0x80:
        return char
    composed = unicodedata.normalize("NFKC", char)
    if composed != char:
        return "".join(_fold_char(c) for c in composed)
    return char


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded text plus, for each folded character, its index in the original."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open folded range to the original text's half-open range."""
        if start >= end:
            point = self.origin[start] if start < len(self.origin) else self.original_length
            return point, point
        return self.origin[start], self.origin[end - 1] + 1


def fold_text(original: str) -> FoldedText:
    """Fold ``original`` for matching and remember where every character came from.

    Each distinct character is folded once (cached), the text is translated in one
    ``str.translate`` call, and the offset map is built with NumPy from the few
    characters that fold to nothing or to more than one character.
    """
    table = {ord(c): f for c in set(original) if (f := _fold_char(c)) != c}
    folded = original.translate(table)
    if len(folded) == len(original) and all(len(f) == 1 for f in table.values()):
        return FoldedText(folded, tuple(range(len(original))), len(original))
    counts = np.ones(len(original), dtype=np.int64)
    resized = {chr(o): len(f) for o, f in table.items() if len(f) != 1}
    for found in re.finditer("[" + re.escape("".join(resized)) + "]", original):
        counts[found.start()] = resized[found.group()]
    origin = np.repeat(np.arange(len(original)), counts)
    return FoldedText(folded, tuple(origin.tolist()), len(original))


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for :func:`fold`, filled one code point at a time."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold ``text`` for matching (lexicon entries, gazetteer names, patterns)."""
    return text.translate(_FOLD_TABLE)
