"""Pure text normalization: letter and digit folding with offsets, language, dates."""

from incidents.normalize.folding import FoldedText, fold, fold_text
from incidents.normalize.language import detect_language

__all__ = ["FoldedText", "detect_language", "fold", "fold_text"]
