"""Per-language word lists for reading casualty figures (``lexicons/{lang}.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from incidents.bounded_memo import BoundedMemo
from incidents.errors import ExtractionError
from incidents.normalize.folding import fold

# Arabic proclitics that can be glued to a number word or digits (و3, وثلاثة, بخمسة).
_CLITIC = re.compile(r"^(و|ف|ب|ل)(?=\S)")
#: Most words a lexicon remembers the reading of before it starts over.
MEMO_LIMIT = 100_000


def _memo() -> BoundedMemo[str, Any]:
    return BoundedMemo(MEMO_LIMIT)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded word lists of one language."""

    lang: str
    numbers: dict[str, int]
    teens: dict[str, int]
    joiners: frozenset[str]
    vague: frozenset[str]
    persons: frozenset[str]
    duals: dict[str, tuple[str, int]]
    singular_casualties: dict[str, str]
    singular_persons: frozenset[str]
    speakers: frozenset[str]
    origin: frozenset[str]
    destination: frozenset[str]
    speech: frozenset[str]
    streets: frozenset[str]
    determiners: frozenset[str]
    organizations: frozenset[str]
    including: frozenset[str]
    toll_words: frozenset[str]
    not_counted_units: frozenset[str]
    #: "no reports of casualties": words that make a "no casualties" phrase say nothing.
    report_words: frozenset[str] = frozenset()
    #: "القريبة من", "not far from": words that make the origin word after them say
    #: where, not whence.
    proximity: frozenset[str] = frozenset()
    #: Words read before, remembered (news repeats its words): :meth:`strip_clitic`'s
    #: results, and what :mod:`incidents.extract.counts` reads of them.
    stripped: BoundedMemo[str, str] = field(default_factory=_memo, compare=False, repr=False)
    number_values: BoundedMemo[str, int | None] = field(
        default_factory=_memo, compare=False, repr=False
    )
    #: Whether the figure reader may read anything from a word, per word.
    counting_words: BoundedMemo[str, bool] = field(default_factory=_memo, compare=False, repr=False)

    def strip_clitic(self, word: str) -> str:
        """Drop one Arabic proclitic (و ف ب ل) when the rest is a known word or a number."""
        if self.lang != "ar":
            return word
        found = self.stripped.get(word)
        if found is None:
            found = self.stripped.remember(word, self._strip_clitic(word))
        return found

    def _strip_clitic(self, word: str) -> str:
        rest = _CLITIC.sub("", word, count=1)
        known = (
            rest in self.numbers
            or rest in self.vague
            or rest in self.duals
            or rest in self.singular_persons
        )
        if rest != word and (known or rest.isdigit()):
            return rest
        return word


def _generated_duals(data: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """The Arabic duals of the singular nouns of a lexicon, besides those it lists.

    A masculine noun takes ``ان`` (جنديان, قتيلان) and a feminine one ending in ة
    takes ``تان`` / ``تين`` (إصابتين, طفلتان). The masculine ``ين`` form is left to the
    listed duals: it is also the plural of nouns with a sound plural (عاملين, workers).
    ``dual_nouns`` lists nouns that count casualties only in the dual (إصابة), and
    ``not_duals`` the words such a form would misread (طالبان is the Taliban).
    """
    bases = {fold(w).lower(): "persons" for w in data.get("singular_persons", [])}
    bases |= {fold(k).lower(): v for k, v in data.get("singular_casualties", {}).items()}
    bases |= {fold(k).lower(): v for k, v in data.get("dual_nouns", {}).items()}
    names = {fold(w) for w in data.get("not_duals", [])}
    duals: dict[str, tuple[str, int]] = {}
    for base, kind in bases.items():
        if len(base) < 3 or base.startswith(fold("ال")) or base.endswith(fold("ا")):
            continue  # too short to inflect safely, definite, or accusative already
        if base.endswith(fold("ة")):
            forms = [base[:-1] + fold(ending) for ending in ("تان", "تين")]
        else:
            forms = [base + fold("ان")]
        duals |= {form: (kind, 2) for form in forms if form not in names}
    return duals


#: Persian counters whose -ی form is an adjective ("یک تیم ۵ نفری", a five-man team).
_NO_EZAFE = frozenset({"نفر", "تن"})


def _ezafe_forms(words: frozenset[str]) -> frozenset[str]:
    """Persian person nouns with the ezafe -ی that ties them to what follows ("سه
    نیروی امنیتی", three security men), for nouns not already ending in ی."""
    return frozenset(
        w + fold("ی")
        for w in words
        if len(w) >= 3 and w not in _NO_EZAFE and not w.endswith(fold("ی"))
    )


def load_lexicon(lang: str) -> Lexicon:
    """Load and fold ``lexicons/{lang}.json``."""
    resource = resources.files("incidents.extract.lexicons").joinpath(f"{lang}.json")
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ExtractionError(f"cannot load lexicon {resource}: {exc}") from exc

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w).lower() for w in data.get(key, []))

    return Lexicon(
        lang=lang,
        numbers={fold(k).lower(): int(v) for k, v in data["numbers"].items()},
        teens={fold(k): int(v) for k, v in data.get("teens", {}).items()},
        joiners=words("number_joiners"),
        vague=words("vague"),
        persons=words("persons")
        | (_ezafe_forms(words("persons")) if lang == "fa" else frozenset()),
        duals={
            **(_generated_duals(data) if lang == "ar" else {}),
            **{fold(k): (v[0], int(v[1])) for k, v in data.get("duals", {}).items()},
        },
        singular_casualties={fold(k): v for k, v in data.get("singular_casualties", {}).items()},
        singular_persons=words("singular_persons")
        | (_ezafe_forms(words("singular_persons")) if lang == "fa" else frozenset()),
        speakers=words("speakers"),
        origin=words("origin"),
        destination=words("destination"),
        speech=words("speech"),
        streets=words("streets"),
        determiners=words("determiners"),
        organizations=words("organizations"),
        including=words("including"),
        toll_words=words("toll_words"),
        not_counted_units=words("not_counted_units"),
        report_words=words("report_words"),
        proximity=words("proximity"),
    )
