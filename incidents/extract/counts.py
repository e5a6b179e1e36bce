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

from incidents.extract.lexicon import Lexicon

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
        "risen climbed reached stood stands now دست کم حداقل بیش از بالغ بر حدود "
        "نزدیک به شد شدند شده شدن اند است تن نفر دیگر ما لا یقل عن اکثر من نحو حوالی "
        "قرابه یزید اخرین اخرون الی ارتفعت ارتفع بلغ بلغت زهاء"
    ).split()
)
_WINDOW = 6
#: "killed or wounded 20": a combined total with no split gives both null (EVENTS.md).
_EITHER = frozenset({"or", "یا", "او"})
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
    word = lex.strip_clitic(word)
    digits = word.replace(",", "")
    if digits.isdigit() and len(digits) <= 6:
        return int(digits)
    return lex.numbers.get(word)


def find_figures(sentence: Span, lex: Lexicon) -> list[Figure]:
    """Every number phrase in ``sentence`` (indices are sentence-relative)."""
    words = [t.lower_ for t in sentence]
    figures: list[Figure] = []
    i = 0
    while i < len(words):
        word = lex.strip_clitic(words[i])
        if word in lex.duals:
            kind, dual = lex.duals[word]
            figures.append(Figure(i, i + 1, dual, kind))
            i += 1
            continue
        if word in lex.vague:
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
        ):
            figures.append(Figure(i, i + 1, 1))  # "مقتل شخص", "وإصابة آخر", "مقتل أكاديمي"
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
    casualty_spans = _outermost(casualty_spans)
    if _combined_total(sentence, casualty_spans):
        return Casualties()
    for span in sorted(casualty_spans, key=lambda s: s.start):
        label = span.label_
        if label in NONE_LABELS:
            for which in NONE_LABELS[label]:
                found.setdefault(which, 0)
            continue
        if label in found:
            continue
        start, end = span.start - sentence.start, span.end - sentence.start
        figure = _toll_figure(sentence, start, end, by_start, lex) or _own_figure(
            sentence, start, end, by_start, lex
        )
        order = ("forward", "backward") if lex.lang == "ar" else ("backward", "forward")
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
        if figure is not None:
            claimed.update(range(figure.start, figure.end))
            found[label] = figure.value
        elif _singular_person_before(sentence, start, lex):
            found[label] = 1
    return Casualties(killed=found.get(KILLED), injured=found.get(INJURED))


def _own_figure(
    sentence: Span, start: int, end: int, by_start: dict[int, Figure], lex: Lexicon
) -> Figure | None:
    """The casualty phrase holds its figure: a dual (قتيلين), a number inside the phrase
    ("لقي ثلاثة أشخاص حتفهم") or a lone singular (قتيل)."""
    for i in range(start, end):
        figure = by_start.get(i)
        if figure is not None and figure.kind in ("killed", "injured"):
            return figure
        if figure is not None and i > start:  # "جان یک زن و دو کودکش را گرفت" → 3
            return _with_following_summands(sentence, figure, by_start, lex, limit=end)
    word = sentence[start].lower_
    if word in lex.singular_casualties and not (start > 0 and _is_figure_end(start, sentence)):
        return Figure(start, end, 1)
    return None


def _is_figure_end(index: int, sentence: Span) -> bool:
    previous = sentence[index - 1].text
    return previous.isdigit()


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
        if _blocks(sentence[i], i, triggers):
            return None
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
        if i < 1 or sentence[i].lower_ not in lex.joiners:
            break
        j = i
        while j > 0 and (
            sentence[j - 1].lower_ in lex.persons or sentence[j - 1].lower_ in _TRANSPARENT
        ):
            j -= 1
        other = by_end.get(j)
        if other is None or other.value is None or other.start in claimed or j == i:
            break
        total, first = total + other.value, other.start
    return Figure(first, figure.end, total)


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop a span inside a longer span of the same label ("مصرعه" in "لقي شخص مصرعه")."""
    return [
        s
        for s in spans
        if not any(
            o is not s
            and o.label_ == s.label_
            and o.start <= s.start
            and s.end <= o.end
            and (o.end - o.start) > (s.end - s.start)
            for o in spans
        )
    ]


def _combined_total(sentence: Span, spans: list[Span]) -> bool:
    """A killed word and an injured word side by side, with no figure of their own:
    "killed or wounded 20", "۲۳ شهید و زخمی", "مقتل وإصابة 6 أشخاص", "قتلى وجرحى"."""
    words = {s.label_: s for s in spans}
    killed, injured = words.get(KILLED), words.get(INJURED)
    if killed is None or injured is None:
        return False
    first, second = sorted((killed, injured), key=lambda s: s.start)
    between = [t.lower_ for t in sentence.doc[first.end : second.start]]
    if not all(word in _EITHER or word in ("و", "and") for word in between) or len(between) > 1:
        return False
    if len(first) > 1:  # "لقي شخص مصرعه": the first phrase holds its own count
        return False
    own = [t.lower_ for t in (*first, *second)]
    return not any(word in _DUALS_AND_SINGULARS for word in own)


def _with_following_summands(
    sentence: Span,
    figure: Figure,
    by_start: dict[int, Figure],
    lex: Lexicon,
    limit: int | None = None,
) -> Figure:
    """ "killing a police officer and three civilians" → 4: after a figure, up to three
    words naming who (not a break), then "and", then another figure."""
    total, last = figure.value, figure.end
    while total is not None:
        i = last
        while (
            i < min(len(sentence), last + 3)
            and sentence[i].is_alpha
            and sentence[i].lower_ not in lex.joiners
            and i not in by_start
        ):
            i += 1
        if i < len(sentence) and _clitic_joined(sentence[i].lower_, lex) and i in by_start:
            k = i  # "حاكم ولاية بلخ واثنين من مرافقيه": the joiner is glued to the figure
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
    clause_start = start
    while clause_start > 0 and sentence[clause_start - 1].text not in CLAUSE_BREAKS:
        if clause_start - 1 in triggers:
            break
        clause_start -= 1
    for figure in sorted(figures, key=lambda f: -f.start):
        if not clause_start <= figure.start < start or figure.start in claimed:
            continue
        if figure.value is None or _after_including(sentence, figure.start, lex):
            continue
        following = sentence[figure.end].lower_ if figure.end < len(sentence) else ""
        first = sentence[figure.start].lower_
        # An article or determiner became a figure only because it names one person.
        single = first in lex.singular_persons or first in _ARTICLES or first in lex.determiners
        if figure.kind == "persons" or following in lex.persons or single:
            return figure
    return None


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
    before = {sentence[i].lower_ for i in range(max(0, start - 2), start)}
    if not before & lex.toll_words and sentence[start].lower_ not in lex.toll_words:
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
    return word in lex.singular_persons or (
        lex.lang == "en" and word in lex.persons and not word.endswith("s")
    )


def _clitic_joined(word: str, lex: Lexicon) -> bool:
    return lex.lang == "ar" and word.startswith("و") and lex.strip_clitic(word) != word


def _singular_person_before(sentence: Span, start: int, lex: Lexicon) -> bool:
    """ "زن سوری کشته شد": one person word, no figure, just before the casualty word."""
    for i in range(start - 1, max(-1, start - 6), -1):
        token = sentence[i]
        if token.text in CLAUSE_BREAKS:
            return False
        if lex.lang == "fa" and token.lower_ in lex.singular_persons:
            return True
    return False
