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
from functools import cached_property, lru_cache

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


@dataclass(frozen=True)
class FoldedText:
    """Folded text, and where each folded character came from in the original.

    ``resized`` lists, in order, the original characters that fold to no character
    or to several (a ZWNJ, a vowel mark, a ligature): ``(index, folded length)``.
    Every other character folds to exactly one. :attr:`origin` is built from it only
    when asked, since most texts are read without cutting evidence from them.
    """

    text: str
    original_length: int
    resized: tuple[tuple[int, int], ...] = ()

    @cached_property
    def origin(self) -> tuple[int, ...]:
        """For each folded character, its index in the original."""
        if not self.resized:
            return tuple(range(self.original_length))
        counts = np.ones(self.original_length, dtype=np.int64)
        for index, length in self.resized:
            counts[index] = length
        return tuple(np.repeat(np.arange(self.original_length), counts).tolist())

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open folded range to the original text's half-open range."""
        if not self.resized:
            if start >= end:
                point = min(start, self.original_length)
                return point, point
            return start, end
        origin = self.origin
        if start >= end:
            point = origin[start] if start < len(origin) else self.original_length
            return point, point
        return origin[start], origin[end - 1] + 1


def fold_text(original: str) -> FoldedText:
    """Fold ``original`` for matching and remember where every character came from.

    The text is translated in one ``str.translate`` call through the table :func:`fold`
    uses (each distinct character folded once per process), and only the characters
    that fold to nothing or to several are located, by one regex scan.
    """
    if original.isascii():
        return FoldedText(original, len(original))  # ASCII folds to itself
    folded = original.translate(_FOLD_TABLE)
    resizing = _FOLD_TABLE.resizing
    if resizing is None:
        return FoldedText(folded, len(original))
    found = tuple(
        (m.start(), len(_FOLD_TABLE[ord(m.group())])) for m in resizing.finditer(original)
    )
    return FoldedText(folded, len(original), found)


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for :func:`fold`, filled one code point at a time, and
    a regex that finds the characters seen so far that fold to none or to several."""

    def __init__(self) -> None:
        super().__init__()
        self._resized: set[str] = set()
        self.resizing: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        if len(folded) != 1:
            self._resized.add(chr(code))
            self.resizing = re.compile("[" + re.escape("".join(sorted(self._resized))) + "]")
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold ``text`` for matching (lexicon entries, gazetteer names, patterns)."""
    return text.translate(_FOLD_TABLE)
