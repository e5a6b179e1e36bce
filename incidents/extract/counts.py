"""Read killed / injured figures from one sentence, following EVENTS.md.

Figures sit next to a casualty word (``KILLED`` / ``INJURED`` spans from the rules):
before it in Persian and English ("۱۵ کشته", "15 people were killed"), after it in
Arabic and in English verb phrases ("مقتل 5 أشخاص", "killing 15"). A figure is
digits in any script, number words ("بیست و پنج", "twenty-five", "خمسة وعشرون"),
or an Arabic dual (قتيلين). "at least 15" / "more than 50" read as 15 / 50; a vague
count ("several", چند نفر, العديد) is ``None``; per-party counts joined by "and" are
summed ("3 attackers and a policeman" → 4); an explicit "no casualties" is 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from incidents.extract.doc_words import lowers
from incidents.extract.lexicon import Lexicon
from incidents.normalize.folding import fold

KILLED = "KILLED"
INJURED = "INJURED"
NONE_LABELS = {"NO_CASUALTIES": (KILLED, INJURED), "NO_KILLED": (KILLED,), "NO_INJURED": (INJURED,)}
#: Rule labels that carry casualty information.
CASUALTY_LABELS = frozenset({KILLED, INJURED, *NONE_LABELS})

CLAUSE_BREAKS = frozenset(',،؛;/:()«»[]—–.!?؟"')
# Words that may stand between a figure and its casualty word without breaking the link.
_TRANSPARENT = frozenset(
    (
        "his her its their at least more than over about nearly some up to around almost roughly "
        "another were was have has had been people are is being reportedly rose "
        "risen climbed reached stood stands now دست کم دستکم حداقل بیش از بالغ بر حدود "
        "نزدیک به شد شدند شده شدن اند است تن نفر دیگر را ما لا یقل عن اکثر من نحو حوالی "
        "قرابه یزید اخرین اخرون الی ارتفعت ارتفع بلغ بلغت زهاء"
    ).split()
)
_WINDOW = 6
#: "killed or wounded 20": a combined total with no split gives both null (EVENTS.md).
_EITHER = frozenset({"or", "یا", "او"})
_BETWEEN = frozenset({"between", "بین", "مابین"})
# Casualty words that carry their own count (قتيلين = 2, قتيل = 1), never a combined total.
_DUALS_AND_SINGULARS = frozenset("قتیلین قتیلان جریحین جریحان قتیل جریح مصاب قتیلا جریحا".split())
_ARTICLES = frozenset({"a", "an"})


@dataclass(frozen=True, slots=True)
class Figure:
    """A number phrase in a sentence: tokens ``[start, end)``, value (None when vague)."""

    start: int
    end: int
    value: int | None
    kind: str | None = None  # for Arabic duals: "killed", "injured" or "persons"


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None = None
    injured: int | None = None


def _number_value(word: str, lex: Lexicon) -> int | None:
    """The number ``word`` writes (digits, a number word, a Persian compound), or None;
    remembered per word by the lexicon."""
    memo = lex.number_values
    if word in memo:
        return memo[word]
    return memo.remember(word, _read_number(word, lex))


def _read_number(word: str, lex: Lexicon) -> int | None:
    word = lex.strip_clitic(word.rstrip("."))
    digits = word.replace(",", "")
    if digits.isdigit() and len(digits) <= 6:
        return int(digits)
    value = lex.numbers.get(word)
    if value is None and lex.lang == "fa" and "و" in word:
        return _joined_number(word, lex)
    return value


def _joined_number(word: str, lex: Lexicon) -> int | None:
    """A Persian number written as one word once folding drops its ZWNJ ("بیست‌وسه"
    → "بیستوسه", 23; "دویستوپنجاه", 250): larger part, "و", smaller part."""
    for at, letter in enumerate(word[1:-1], start=1):
        if letter != "و" or (left := lex.numbers.get(word[:at])) is None:
            continue
        rest = word[at + 1 :]
        right = lex.numbers.get(rest)
        if right is None:
            right = _joined_number(rest, lex)
        if right is not None and right < left:
            return left + right
    return None


def find_figures(sentence: Span, lex: Lexicon) -> list[Figure]:
    """Every number phrase in ``sentence`` (indices are sentence-relative)."""
    words = lowers(sentence.doc)[sentence.start : sentence.end]
    figures: list[Figure] = []
    i = 0
    memo = lex.counting_words
    while i < len(words):
        counting = memo.get(words[i])
        if counting is None:
            counting = memo.remember(words[i], _may_count(words[i], lex))
        if not counting:
            i += 1  # what every branch below does with such a word
            continue
        word = lex.strip_clitic(words[i])
        if word in lex.duals:
            kind, dual = lex.duals[word]
            # "سبعة مواطنين": after a number the same spelling is the counted plural;
            # "قتيلين مدنيين": after a dual, a person dual is its adjective.
            adjective = (
                kind == "persons"
                and dual == 2
                and word == words[i]  # "ومجند" is another person, not an adjective
                and bool(figures)
                and figures[-1].end == i
                and figures[-1].kind is not None
                and figures[-1].value == 2
            )
            if not _after_a_number(figures, i) and not adjective:
                figures.append(Figure(i, i + 1, dual, kind))
            i += 1
            continue
        if word in lex.vague:
            if not _describes_one(words, i + 1, lex) and not _counts_a_unit(words, i + 1, lex):
                figures.append(Figure(i, i + 1, None))
            i += 1
            continue
        if word in lex.teens and i + 1 < len(words) and words[i + 1] in ("عشر", "عشره"):
            figures.append(Figure(i, i + 2, lex.teens[word]))
            i += 2
            continue
        if lex.lang == "ar" and (
            word in lex.singular_persons
            or (word.endswith("ا") and word[:-1] in lex.singular_persons)
            or _the_one_killed(words, i, word, lex)
        ):
            # "مقتل شخص", "وإصابة آخر", "مقتل أكاديمي"; after a number ("١٢ شخصاً") the
            # singular is the counted noun of that number, not one more person.
            if not _after_a_number(figures, i):
                figures.append(Figure(i, i + 1, 1))
            i += 1
            continue
        if word in lex.determiners and _names_one_person(sentence, i, lex):
            figures.append(Figure(i, i + 1, 1))  # "killing the driver", "its rider"
            i += 1
            continue
        value = _number_value(words[i], lex)
        if value is None or (word in _ARTICLES and not _article_counts(sentence, i, lex)):
            i += 1
            continue
        if value == 1 and lex.lang == "ar" and figures and figures[-1].end == i:
            i += 1  # "مدني واحد": after the noun it counts, واحد is its adjective
            continue
        start, total = i, int(value)
        i += 1
        while i < len(words):
            nxt, skip = words[i], 1
            if nxt in lex.joiners and i + 1 < len(words):
                nxt, skip = words[i + 1], 2
            part = _number_value(nxt, lex)
            if part is None and lex.lang == "ar" and nxt in ("عشر", "عشره") and 3 <= total <= 9:
                part = 10
            if part is None or nxt in _ARTICLES:
                break
            if word in _ARTICLES and part not in (12, 100, 1000):
                break  # "a 19-year-old": the article is not part of the number
            total = total * part if part in (12, 100, 1000) and total < part else total + part
            i += skip
        if not _counts_a_unit(words, i, lex):  # "a 19-year-old", "مرد ۷۰ ساله", "از دو طرف"
            figures.append(Figure(start, i, total))
    return figures


def _may_count(lower: str, lex: Lexicon) -> bool:
    """Whether :func:`find_figures` may read anything from the word ``lower``: a dual,
    a vague count, a teen, an Arabic singular person (bare, accusative or definite), a
    determiner, or a number. Any other word it passes over."""
    word = lex.strip_clitic(lower)
    if word in lex.duals or word in lex.vague or word in lex.teens or word in lex.determiners:
        return True
    if lex.lang == "ar" and (
        word in lex.singular_persons
        or (word.endswith("ا") and word[:-1] in lex.singular_persons)
        or (word.startswith("ال") and word[2:] in lex.singular_persons)
    ):
        return True
    return _number_value(lower, lex) is not None


#: Arabic passive casualty verbs (folded) after which a definite singular person is
#: the one casualty: "قتل الشاب طارق" (the young man Tariq was killed).
_PASSIVE_CASUALTY_VERBS = frozenset(
    "قتل استشهد اصیب جرح توفی لقی قضی اغتیل قتلت استشهدت اصیبت جرحت توفیت".split()
)


def _the_one_killed(words: list[str], i: int, word: str, lex: Lexicon) -> bool:
    """A definite singular person right after an Arabic passive casualty verb."""
    return (
        i > 0
        and word.startswith("ال")
        and word[2:] in lex.singular_persons
        and lex.strip_clitic(words[i - 1]) in _PASSIVE_CASUALTY_VERBS
    )


def _after_a_number(figures: list[Figure], i: int) -> bool:
    return bool(figures) and figures[-1].end == i and figures[-1].kind is None


def _describes_one(words: list[str], at: int, lex: Lexicon) -> bool:
    """ "an unknown gunman": an English vague word before one singular person is an
    adjective, not a count (a vague count names people in the plural)."""
    if lex.lang != "en" or at >= len(words):
        return False
    word = words[at]
    return word in lex.persons and not (
        word.endswith("s") or word.endswith("men") or word in _PLURAL_PERSONS
    )


def _counts_a_unit(words: list[str], end: int, lex: Lexicon) -> bool:
    """Whether the number ending before ``end`` counts years, sides, hours... not people."""
    following = [w for w in words[end : end + 3] if w != "-"]
    return bool(following) and following[0] in lex.not_counted_units


def _article_counts(sentence: Span, i: int, lex: Lexicon) -> bool:
    """ "a"/"an" counts as 1 only before a person word ("a policeman", "a prominent
    tribal sheikh"), or as the "a" of "a dozen"."""
    nxt = sentence[i + 1].lower_ if i + 1 < len(sentence) else ""
    return nxt in ("dozen", "hundred", "thousand") or _names_one_person(sentence, i, lex)


_PLURAL_PERSONS = frozenset({"people", "children", "police", "troops", "staff", "personnel"})


def _names_one_person(sentence: Span, i: int, lex: Lexicon) -> bool:
    """Up to three describing words, then one singular person word ("a prominent tribal
    sheikh"); an age ("a 19-year-old Palestinian") also describes one person."""
    words = [t.lower_ for t in sentence[i + 1 : i + 8]]
    if len(words) >= 5 and words[1:5] == ["-", "year", "-", "old"]:
        return not (len(words) > 5 and words[5].endswith("s"))
    for j in range(i + 1, min(len(sentence), i + 4)):
        word = sentence[j].lower_
        if word in lex.persons:
            following = sentence[j + 1].lower_ if j + 1 < len(sentence) else ""
            if word in _PLURAL_PERSONS and following in lex.persons:
                continue  # "a police officer"
            return not (word.endswith("s") or word.endswith("men") or word in _PLURAL_PERSONS)
        if not sentence[j].is_alpha or word in lex.joiners:
            return False
    return False


def read_casualties(sentence: Span, casualty_spans: list[Span], lex: Lexicon) -> Casualties:
    """Killed and injured figures stated in ``sentence`` (``None`` when not stated)."""
    figures = find_figures(sentence, lex)
    by_start = {f.start: f for f in figures}
    by_end = {f.end: f for f in figures}
    trigger_tokens = {
        t.i - sentence.start for s in casualty_spans if s.label_ in (KILLED, INJURED) for t in s
    }
    claimed: set[int] = set()
    found: dict[str, int | None] = {}
    last_end: dict[str, int] = {}
    casualty_spans = _outermost(casualty_spans)
    if _combined_total(sentence, casualty_spans, lex):
        return Casualties()
    for span in sorted(casualty_spans, key=lambda s: s.start):
        label = span.label_
        if label in NONE_LABELS:
            if not _unreported(sentence, span, lex):
                for which in NONE_LABELS[label]:
                    found.setdefault(which, 0)
            continue
        start, end = span.start - sentence.start, span.end - sentence.start
        repeated = label in found
        if repeated and (
            label not in last_end
            or found[label] is None
            or not _adds_a_party(sentence, last_end[label], start, lex)
        ):
            continue
        figure = _span_figure(
            sentence, start, end, label, figures, by_start, by_end, trigger_tokens, claimed, lex
        )
        if figure is not None and repeated:
            # "شش نفر را کشتند؛ هر دو مهاجم نیز کشته شدند": another party, summed.
            if figure.value is not None and not _after_including(sentence, figure.start, lex):
                claimed.update(range(figure.start, figure.end))
                found[label] = (found[label] or 0) + figure.value
                last_end[label] = end
            continue
        if figure is not None:
            claimed.update(range(figure.start, figure.end))
            found[label] = figure.value
            last_end[label] = end
        elif not repeated:
            persons = _singular_persons_before(sentence, start, lex)
            if persons:
                found[label] = persons
                last_end[label] = end
    return Casualties(killed=found.get(KILLED), injured=found.get(INJURED))


def _unreported(sentence: Span, span: Span, lex: Lexicon) -> bool:
    """ "no reports of casualties", "گزارشی از تلفات منتشر نشده", "دون ورود معلومات عن
    ضحايا": nothing is known of casualties, which is not "no casualties" (null)."""
    first = max(sentence.start, span.start - 4)
    return any(t.lower_ in lex.report_words for t in sentence.doc[first : span.end])


def _span_figure(
    sentence: Span,
    start: int,
    end: int,
    label: str,
    figures: list[Figure],
    by_start: dict[int, Figure],
    by_end: dict[int, Figure],
    trigger_tokens: set[int],
    claimed: set[int],
    lex: Lexicon,
) -> Figure | None:
    """The figure of one casualty phrase ``[start, end)``."""
    figure = _toll_figure(sentence, start, end, by_start, lex)
    if figure is None and lex.lang == "ar":
        figure = _numeral_before(sentence, start, by_end.get(start), claimed, lex)
    figure = figure or _own_figure(sentence, start, end, label, by_start, lex)
    if figure is None:
        figure = _family_of(sentence, end, lex) or _object_pronoun(sentence, start, end, lex)
    order = ("forward", "backward") if lex.lang == "ar" else ("backward", "forward")
    if lex.lang == "fa" and sentence[end - 1].lower_ == "شدن":
        order = ("forward", "backward")  # "به کشته شدن ۳ نفر": the nominal form leads
    if figure is None and lex.lang == "en":
        ahead = _forward(sentence, end, by_start, trigger_tokens, claimed, lex)
        if ahead is not None and ahead.start - end <= 3:
            order = ("forward", "backward")  # "a gunman shot dead two policemen": the object
    for direction in order:
        if figure is not None:
            break
        if direction == "forward":
            figure = _forward(sentence, end, by_start, trigger_tokens, claimed, lex)
            if figure is not None:
                figure = _with_following_summands(sentence, figure, by_start, lex)
        else:
            figure = _backward(sentence, start, by_end, trigger_tokens, claimed, lex)
    if figure is None:
        figure = _subject_figure(sentence, start, figures, trigger_tokens, claimed, lex)
    return figure


def _numeral_before(
    sentence: Span, start: int, before: Figure | None, claimed: set[int], lex: Lexicon
) -> Figure | None:
    """ "38 قتيلاً و102 جريح", "سبعة قتلى وجريحين": in Arabic a numeral right before
    its counted noun is that noun's figure, taken before any other."""
    if before is None or before.kind is not None or before.value is None:
        return None
    if before.start in claimed:
        return None
    word = lex.strip_clitic(sentence[before.start].lower_).rstrip(".")
    if word.replace(",", "").isdigit():
        return before
    # A number word after a noun is its adjective ("مقتل مجندين اثنين وإصابة 9"): it
    # counts the casualty word only when that word is not a new "و" phrase and the
    # number does not follow a person noun.
    if word not in lex.numbers and word not in lex.teens:
        return None  # "مدنيا قتل": a person, not a numeral
    previous = sentence[before.start - 1].lower_ if before.start > 0 else ""
    joined = sentence[start].lower_.startswith(("و", "ف"))
    if joined or previous in lex.persons or lex.strip_clitic(previous) in lex.duals:
        return None
    return before


#: Words that join a second party's toll to the first ("... and", "also", نیز).
_ADDING = frozenset("and also too as well و نیز هم همچنین ایضا کذلک".split())
#: Words that contrast two figures of one toll (sources that differ), never a sum.
_CONTRASTING = frozenset(
    "while whereas but however according said says put toll included includes include "
    "اما ولی حالی گفته اعلام طبق بینما فیما لکن حسب بحسب".split()
)


def _adds_a_party(sentence: Span, previous_end: int, start: int, lex: Lexicon) -> bool:
    """Whether a second casualty phrase of the same kind, from ``previous_end`` to
    ``start``, reports another party ("six were killed; both attackers were also
    killed") rather than restating the toll or giving a rival figure."""
    between = [t.lower_ for t in sentence[previous_end:start]]
    if not between or len(between) > 14:
        return False
    if any(word in _CONTRASTING or word in lex.including for word in between):
        return False
    return any(word in _ADDING for word in between)


_FAMILY = frozenset({"family", "families"})


def _family_of(sentence: Span, end: int, lex: Lexicon) -> Figure | None:
    """ "killed a family of five": the family's size is the count."""
    words = [t.lower_ for t in sentence[end : end + 6]]
    for k in range(len(words) - 2):
        if words[k] in _FAMILY and words[k + 1] == "of":
            value = _number_value(words[k + 2], lex)
            if value is not None:
                return Figure(end + k + 2, end + k + 3, value)
        if words[k] in CLAUSE_BREAKS:
            break
    return None


_ONE_PRONOUNS = {"en": frozenset({"him", "her"}), "fa": frozenset({"او", "وی"})}
#: Arabic killing verbs with their object attached: «فأردوه قتيلاً», «اغتالوه», «قتلهما».
_ARABIC_OBJECT_VERBS = {
    fold(form): count
    for forms, count in (
        ("قتله قتلها قتلوه قتلته أرداه أردوه أردته أرداها أردوها اغتاله اغتالوه اغتالته", 1),
        ("قتلهما أرداهما أردوهما اغتالهما اغتالوهما", 2),
    )
    for form in forms.split()
}


def _object_pronoun(sentence: Span, start: int, end: int, lex: Lexicon) -> Figure | None:
    """ "shot him dead", "killing her", "او را از پای درآوردند", «أردوه»: one person."""
    if lex.lang == "ar":
        verb = sentence[start].lower_
        if verb not in _ARABIC_OBJECT_VERBS and verb[:1] in ("و", "ف"):
            verb = verb[1:]  # «فأردوه»
        count = _ARABIC_OBJECT_VERBS.get(verb)
        return Figure(start, start + 1, count) if count else None
    pronouns = _ONE_PRONOUNS.get(lex.lang)
    if not pronouns:
        return None
    if lex.lang == "en":
        for i in (end, start - 1):  # "killing him", "shot him dead"
            if 0 <= i < len(sentence) and sentence[i].lower_ in pronouns:
                following = sentence[i + 1] if i + 1 < len(sentence) else None
                possessive = following is not None and following.lower_ in lex.persons
                if not possessive:  # "killing her husband" names the husband
                    return Figure(i, i + 1, 1)
        return None
    if start >= 2 and sentence[start - 1].lower_ == "را" and sentence[start - 2].lower_ in pronouns:
        return Figure(start - 2, start - 1, 1)
    return None


_KINDS = {KILLED: "killed", INJURED: "injured"}


def _own_figure(
    sentence: Span, start: int, end: int, label: str, by_start: dict[int, Figure], lex: Lexicon
) -> Figure | None:
    """The casualty phrase holds its figure: a dual (قتيلين), a number inside the phrase
    ("لقي ثلاثة أشخاص حتفهم") or a lone singular (قتيل), of the phrase's own kind: the
    dual قتيلين in "قتيلين وثلاثة جرحى" counts the dead, never the wounded."""
    kind = _KINDS.get(label)
    for i in range(start, end):
        figure = by_start.get(i)
        if figure is not None and figure.kind in ("killed", "injured"):
            if figure.kind == kind:
                return figure
            continue
        if figure is not None and i > start:  # "جان یک زن و دو کودکش را گرفت" → 3
            return _with_following_summands(sentence, figure, by_start, lex, limit=end)
    word = _without_conjunction(sentence[start].lower_, lex.singular_casualties)
    if lex.singular_casualties.get(word) == kind and not (
        start > 0 and _is_figure_end(start, sentence)
    ):
        return Figure(start, end, 1)
    return None


def _without_conjunction(word: str, known: dict[str, str]) -> str:
    """ "وجريح": an Arabic "و"/"ف" glued to a known word."""
    if word not in known and word[:1] in ("و", "ف") and word[1:] in known:
        return word[1:]
    return word


def _is_figure_end(index: int, sentence: Span) -> bool:
    previous = sentence[index - 1].text
    return previous.isdigit()


#: Words after which a figure counts the attackers, not the victims ("با شلیک دو
#: فرد", "توسط سه مهاجم"), folded.
_AGENT_MARKERS = frozenset({"شلیک", "توسط"})


def _counts_attackers(sentence: Span, figure: Figure) -> bool:
    return figure.start > 0 and sentence[figure.start - 1].lower_ in _AGENT_MARKERS


def _blocks(token: Token, index: int, triggers: set[int]) -> bool:
    return token.text in CLAUSE_BREAKS or index in triggers


def _forward(
    sentence: Span,
    end: int,
    by_start: dict[int, Figure],
    triggers: set[int],
    claimed: set[int],
    lex: Lexicon,
) -> Figure | None:
    """A figure just after the casualty word ("killing 15", "مقتل مجندين اثنين")."""
    adjectives = 0
    for i in range(end, min(len(sentence), end + _WINDOW)):
        figure = by_start.get(i)
        if figure is not None and i not in claimed:
            return figure
        word = sentence[i].lower_
        if _blocks(sentence[i], i, triggers) or word in lex.including:
            return None  # "أصيب مدنيون بينهم ثلاثة أطفال": the children are part of a toll
        if word not in _TRANSPARENT and word not in lex.persons:
            adjectives += 1  # "مقتل مواطنين صينيين اثنين": Arabic adjectives follow the noun
            if lex.lang != "ar" or adjectives > 2 or not sentence[i].is_alpha:
                return None
    return None


def _backward(
    sentence: Span,
    start: int,
    by_end: dict[int, Figure],
    triggers: set[int],
    claimed: set[int],
    lex: Lexicon,
) -> Figure | None:
    for i in range(start, max(0, start - _WINDOW) - 1, -1):
        figure = by_end.get(i)
        if figure is not None and figure.start not in claimed:
            if _after_including(sentence, figure.start, lex):
                continue  # "۱۱ فلسطینی از جمله ۴ کودک": 4 is part of the 11
            if _counts_attackers(sentence, figure):
                continue  # "با شلیک دو فرد موتورسوار زخمی شد": the two fired
            return _with_summands(sentence, figure, by_end, claimed, lex)
        if i > 0 and _blocks(sentence[i - 1], i - 1, triggers):
            return None
    return None


def _with_summands(
    sentence: Span, figure: Figure, by_end: dict[int, Figure], claimed: set[int], lex: Lexicon
) -> Figure:
    """Add the counts of other parties joined by "and" ("3 attackers and a policeman")."""
    total, first = figure.value, figure.start
    while total is not None:
        i = first - 1
        while i >= 0 and sentence[i].lower_ in _TRANSPARENT:
            i -= 1
        glued = _clitic_joined(sentence[first].lower_, lex)  # "ستة من المسلحين وجنديين"
        if glued:
            i = first
        elif i < 1 or sentence[i].lower_ not in lex.joiners:
            break
        j, describing, person = i, 0, False
        while j > 0 and j not in by_end:
            word = sentence[j - 1].lower_
            if _is_person(word, lex) or word in _TRANSPARENT:
                person = person or _is_person(word, lex)
            elif sentence[j - 1].is_alpha and describing < 2 and word not in lex.joiners:
                describing += 1  # "۱۸ عضو الشباب و پنج سرباز", "13 security personnel and"
            else:
                break
            j -= 1
        other = by_end.get(j)
        if other is None or other.value is None or other.start in claimed or (j == i and not glued):
            break
        if describing and not person:
            break
        total, first = total + other.value, other.start
    return Figure(first, figure.end, total)


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop a span inside a longer span of the same label ("مصرعه" in "لقي شخص مصرعه"),
    and a killed or injured word inside a "none" phrase ("injuries" in "no injuries")."""
    return [
        s
        for s in spans
        if not any(
            o is not s
            and (o.label_ == s.label_ or (o.label_ in NONE_LABELS and s.label_ in _KINDS))
            and o.start <= s.start
            and s.end <= o.end
            and (o.end - o.start) > (s.end - s.start)
            for o in spans
        )
    ]


def _combined_total(sentence: Span, spans: list[Span], lex: Lexicon) -> bool:
    """A killed word and an injured word side by side, with no figure of their own:
    "killed or wounded 20", "۲۳ شهید و زخمی", "مقتل وإصابة 6 أشخاص", "قتلى وجرحى"."""
    words = {s.label_: s for s in spans}
    killed, injured = words.get(KILLED), words.get(INJURED)
    if killed is None or injured is None:
        return False
    first, second = sorted((killed, injured), key=lambda s: s.start)
    if first.start > 0 and sentence.doc[first.start - 1].lower_ in _BETWEEN:
        return True  # "سقط ١٢ شخصاً بين قتيل وجريح": 12 killed or injured, no split
    between = [t.lower_ for t in sentence.doc[first.end : second.start]]
    if not all(word in _EITHER or word in ("و", "and") for word in between) or len(between) > 1:
        return False
    if len(first) > 1:  # "لقي شخص مصرعه": the first phrase holds its own count
        return False
    if first.start > sentence.start and _one_person(sentence.doc[first.start - 1].lower_, lex):
        return False  # "مدنيا قتل وأصيب 4 آخرون": the first verb has its own subject
    own = [t.lower_ for t in (*first, *second)]
    return not any(_counts_itself(word, lex) for word in own)


def _counts_itself(word: str, lex: Lexicon) -> bool:
    """A casualty word that is its own figure: a dual (قتيلين, إصابتين) or a singular
    (قتيل, شهيد), with or without a glued و / ف."""
    for form in (word, word[1:] if word[:1] in ("و", "ف") else None):
        if form and (
            form in _DUALS_AND_SINGULARS
            or lex.duals.get(form, ("", 0))[0] in ("killed", "injured")
            or form in lex.singular_casualties
        ):
            return True
    return False


def _with_following_summands(
    sentence: Span,
    figure: Figure,
    by_start: dict[int, Figure],
    lex: Lexicon,
    limit: int | None = None,
) -> Figure:
    """ "killing a police officer and three civilians" → 4: after a figure, up to three
    words naming who (not a break), one more after a partitive ("أربعة من عناصر الأمن
    العام وثلاثة مسلحين"), then "and", then another figure."""
    total, last = figure.value, figure.end
    while total is not None:
        i = last
        reach = 4 if last < len(sentence) and sentence[last].lower_ in _PARTITIVES else 3
        while (
            i < min(len(sentence), last + reach)
            and sentence[i].is_alpha
            and sentence[i].lower_ not in lex.joiners
            and not _glued_persons(sentence[i].lower_, lex)
            and i not in by_start
        ):
            i += 1
        if i < len(sentence) and _clitic_joined(sentence[i].lower_, lex) and i in by_start:
            k = i  # "حاكم ولاية بلخ واثنين من مرافقيه": the joiner is glued to the figure
        elif i < len(sentence) and _glued_persons(sentence[i].lower_, lex) and i + 1 in by_start:
            k = i + 1  # "آمر فوج ومقاتلين اثنين": the number follows its glued noun
        elif i >= len(sentence) or sentence[i].lower_ not in lex.joiners:
            break
        else:
            k = i + 1
        while k < len(sentence) and sentence[k].lower_ in lex.determiners:
            k += 1  # "a woman and her two children"
        other = by_start.get(k)
        if (
            other is None
            and k > i + 1
            and k < len(sentence)
            and _one_person(sentence[k].lower_, lex)
        ):
            other = Figure(k, k + 1, 1)  # "killing a man and his son"
        if other is None or other.value is None or (limit is not None and other.start >= limit):
            break
        total, last = total + other.value, other.end
    return Figure(figure.start, last, total)


def _subject_figure(
    sentence: Span,
    start: int,
    figures: list[Figure],
    triggers: set[int],
    claimed: set[int],
    lex: Lexicon,
) -> Figure | None:
    """The counted subject of a distant verb: "دو مأمور انتظامی در پی تیراندازی ... به
    شهادت رسیدند", "Two policemen guarding a polio team were shot dead": the nearest
    figure of the clause before the verb that counts people."""
    clause_start = _clause_start(sentence, start, triggers)
    # The subject may stand before a comma that sets off an adverbial ("دو مأمور در پی
    # تیراندازی ...، بامداد امروز ... به شهادت رسیدند"); there only a counted person.
    outer_start = clause_start
    if clause_start > 1 and sentence[clause_start - 1].text in _COMMAS:
        outer_start = _clause_start(sentence, clause_start - 1, triggers)
    for figure in sorted(figures, key=lambda f: -f.start):
        if not outer_start <= figure.start < start or figure.start in claimed:
            continue
        if figure.value is None or _after_including(sentence, figure.start, lex):
            continue
        if _counts_attackers(sentence, figure):
            continue
        following = sentence[figure.end].lower_ if figure.end < len(sentence) else ""
        first = sentence[figure.start].lower_
        # An article or determiner became a figure only because it names one person.
        single = first in lex.singular_persons or first in _ARTICLES or first in lex.determiners
        counted = figure.kind == "persons" or following in lex.persons
        if counted or (single and figure.start >= clause_start):
            return figure
    return None


_COMMAS = frozenset({",", "،"})
#: "four of the ...", «أربعة من ...», «چهار تن از ...»: who the figure counts follows.
_PARTITIVES = frozenset({"of", "من", "از"})


def _clause_start(sentence: Span, start: int, triggers: set[int]) -> int:
    clause_start = start
    while clause_start > 0 and sentence[clause_start - 1].text not in CLAUSE_BREAKS:
        if clause_start - 1 in triggers:
            break
        clause_start -= 1
    return clause_start


def _after_including(sentence: Span, start: int, lex: Lexicon) -> bool:
    """Whether the figure at ``start`` follows "including" / "از جمله" / "من بينهم"."""
    one = sentence[start - 1].lower_ if start >= 1 else ""
    two = f"{sentence[start - 2].lower_} {one}" if start >= 2 else ""
    return one in lex.including or two in lex.including


def _toll_figure(
    sentence: Span, start: int, end: int, by_start: dict[int, Figure], lex: Lexicon
) -> Figure | None:
    """ "شمار کشته‌ها ... به ۲۲ نفر رسید", "the death toll from the blast rose to 31":
    after a toll word, the figure follows the next "to" however far it is."""
    before = {sentence[i].lower_ for i in range(max(0, start - 2), end)}
    if not before & lex.toll_words:
        return None
    for i in range(end, min(len(sentence), end + 14)):
        if sentence[i].text in CLAUSE_BREAKS:
            return None
        if sentence[i].lower_ in _TO_WORDS:
            for j in range(i + 1, min(len(sentence), i + 5)):
                if j in by_start:
                    return by_start[j]
    return None


_TO_WORDS = frozenset({"to", "به", "الی", "الى", "إلى"})


def _one_person(word: str, lex: Lexicon) -> bool:
    if lex.lang == "ar" and word.endswith("ا") and word[:-1] in lex.singular_persons:
        return True  # the accusative "مدنيا", "شابا"
    return word in lex.singular_persons or (
        lex.lang == "en" and word in lex.persons and not word.endswith("s")
    )


def _is_person(word: str, lex: Lexicon) -> bool:
    """A person word, in Arabic also with the article ("من المسلحين")."""
    if word in lex.persons:
        return True
    return lex.lang == "ar" and word.startswith("ال") and word[2:] in lex.persons


def _glued_persons(word: str, lex: Lexicon) -> bool:
    return lex.lang == "ar" and word.startswith("و") and word[1:] in lex.persons


def _clitic_joined(word: str, lex: Lexicon) -> bool:
    return lex.lang == "ar" and word.startswith("و") and lex.strip_clitic(word) != word


#: Persian possessive endings on a person word ("رانندهاش", "راننده‌ش" folded).
_FA_POSSESSIVE = ("اش", "ش", "شان")


def _fa_person(word: str, lex: Lexicon) -> bool:
    if word in lex.singular_persons:
        return True
    return any(
        word.endswith(ending) and word[: -len(ending)] in lex.singular_persons
        for ending in _FA_POSSESSIVE
    )


def _singular_persons_before(sentence: Span, start: int, lex: Lexicon) -> int:
    """ "زن سوری کشته شد" → 1, "قاضی و راننده‌اش زخمی شدند" → 2: person words with no
    figure, joined by "و", just before the casualty word (Persian)."""
    if lex.lang != "fa":
        return 0
    count, i, limit = 0, start - 1, max(-1, start - 6)
    while i > limit:
        token = sentence[i]
        if token.text in CLAUSE_BREAKS:
            break
        if _fa_person(token.lower_, lex):
            count += 1
            j = i - 1
            while j > max(-1, i - 3) and sentence[j].lower_ not in lex.joiners:
                if sentence[j].text in CLAUSE_BREAKS or not sentence[j].is_alpha:
                    j = -1
                    break
                j -= 1
            if j < 0 or sentence[j].lower_ not in lex.joiners:
                break
            # "قاضی و راننده‌اش", "زن جوان و مرد": a person (and an adjective) before "و".
            near = [k for k in (j - 1, j - 2) if k >= 0 and _fa_person(sentence[k].lower_, lex)]
            if not near:
                break
            i, limit = near[0], near[0] - 1
            continue
        i -= 1
    return count
