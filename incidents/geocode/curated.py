"""Read the hand-curated data files shipped in ``incidents/geocode/data/``.

GeoNames' city lists carry neither country centroids, nor the districts of
Damascus or Baghdad that news names, nor the short forms Persian and Arabic news
use for countries; these files fill that gap. Each is a small tab-separated table
(``#`` lines are comments, the first other line is the header) or a word list, so
that an editor can review a change line by line. A malformed line raises
:class:`GeocodingError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files

from incidents.errors import GeocodingError

COUNTRIES_FILE = "countries.tsv"
PLACES_FILE = "places.tsv"
DEMONYMS_FILE = "demonyms.tsv"
ALIASES_FILE = "aliases.tsv"
NOT_PLACES_FILE = "not_places.txt"
PLACE_TYPES_FILE = "place_types.tsv"
VICINITY_FILE = "vicinity.tsv"
#: Values of the ``towns`` column of ``countries.tsv`` (see the file's header).
TOWN_COVERAGE = {"all", "latin", "large"}


@dataclass(frozen=True, slots=True)
class CuratedCountry:
    """One row of ``countries.tsv``: a country and the names news gives it."""

    iso2: str
    name: str
    lat: float
    lon: float
    coord_source: str
    towns: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CuratedPlace:
    """One row of ``places.tsv``: a district (with its parent city) or a region."""

    name: str
    kind: str
    country: str
    parent: str | None
    geonameid: int | None
    lat: float
    lon: float
    coord_source: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CuratedAlias:
    """One row of ``aliases.tsv``: extra names for a GeoNames town, and the exonym
    to show instead of GeoNames' romanization (None: keep it)."""

    geonameid: int
    name: str | None
    names: tuple[str, ...]


def _read_text(filename: str) -> str:
    resource = files("incidents.geocode").joinpath("data").joinpath(filename)
    try:
        return resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GeocodingError(
            f"cannot read gazetteer data file incidents/geocode/data/{filename}: {error}; "
            "is the package installed with its data files?"
        ) from error


def _rows(filename: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, {column: value})`` for each data line of a TSV file."""
    header: list[str] | None = None
    for number, line in enumerate(_read_text(filename).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise GeocodingError(
                f"incidents/geocode/data/{filename}:{number}: expected {len(header)} "
                f"tab-separated columns ({', '.join(header)}), found {len(cells)}"
            )
        yield number, dict(zip(header, cells, strict=True))


def _names(*cells: str) -> tuple[str, ...]:
    return tuple(name.strip() for cell in cells for name in cell.split("|") if name.strip())


def _float(filename: str, number: int, row: dict[str, str], column: str) -> float:
    try:
        return float(row[column])
    except ValueError as error:
        raise GeocodingError(
            f"incidents/geocode/data/{filename}:{number}: column {column!r} "
            f"is not a number: {row[column]!r}"
        ) from error


def _choice(filename: str, number: int, row: dict[str, str], column: str, allowed: set[str]) -> str:
    if row[column] not in allowed:
        raise GeocodingError(
            f"incidents/geocode/data/{filename}:{number}: column {column!r} must be "
            f"one of {', '.join(sorted(allowed))}, not {row[column]!r}"
        )
    return row[column]


def load_countries() -> tuple[CuratedCountry, ...]:
    """The rows of ``countries.tsv``."""
    return tuple(
        CuratedCountry(
            iso2=row["iso2"],
            name=row["name"],
            lat=_float(COUNTRIES_FILE, number, row, "lat"),
            lon=_float(COUNTRIES_FILE, number, row, "lon"),
            coord_source=row["coord_source"],
            towns=_choice(COUNTRIES_FILE, number, row, "towns", TOWN_COVERAGE),
            names=_names(row["name"], row["en"], row["fa"], row["ar"]),
        )
        for number, row in _rows(COUNTRIES_FILE)
    )


def load_places() -> tuple[CuratedPlace, ...]:
    """The rows of ``places.tsv``: districts and regions."""
    places = []
    for number, row in _rows(PLACES_FILE):
        kind = _choice(PLACES_FILE, number, row, "kind", {"district", "region"})
        geonameid = row["geonameid"]
        places.append(
            CuratedPlace(
                name=row["name"],
                kind=kind,
                country=row["country"],
                parent=row["parent"] or None,
                geonameid=int(geonameid) if geonameid.isdigit() else None,
                lat=_float(PLACES_FILE, number, row, "lat"),
                lon=_float(PLACES_FILE, number, row, "lon"),
                coord_source=row["coord_source"],
                names=_names(row["name"], row["en"], row["fa"], row["ar"]),
            )
        )
    return tuple(places)


def load_aliases() -> tuple[CuratedAlias, ...]:
    """The rows of ``aliases.tsv``."""
    aliases = []
    for number, row in _rows(ALIASES_FILE):
        if not row["geonameid"].isdigit():
            raise GeocodingError(
                f"incidents/geocode/data/{ALIASES_FILE}:{number}: geonameid must be a "
                f"number, not {row['geonameid']!r}"
            )
        aliases.append(
            CuratedAlias(
                geonameid=int(row["geonameid"]),
                name=row["name"] or None,
                names=_names(row["name"], row["en"], row["fa"], row["ar"]),
            )
        )
    return tuple(aliases)


def load_demonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(iso2, base forms)`` for each row of ``demonyms.tsv``."""
    return tuple(
        (row["iso2"], _names(row["en"], row["fa"], row["ar"])) for _, row in _rows(DEMONYMS_FILE)
    )


def load_not_places() -> tuple[str, ...]:
    """The words of ``not_places.txt``: news words that must never resolve to a place."""
    words = []
    for line in _read_text(NOT_PLACES_FILE).splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return tuple(words)


def load_place_types() -> dict[str, tuple[str, ...]]:
    """Per language, the words of ``place_types.tsv`` that announce a place name."""
    return _words_by_language(PLACE_TYPES_FILE)


def load_vicinity_words() -> dict[str, tuple[str, ...]]:
    """Per language, the words of ``vicinity.tsv`` that put an event near a town."""
    return _words_by_language(VICINITY_FILE)


def _words_by_language(filename: str) -> dict[str, tuple[str, ...]]:
    words: dict[str, tuple[str, ...]] = {}
    for number, row in _rows(filename):
        lang = _choice(filename, number, row, "lang", {"fa", "ar", "en"})
        words[lang] = words.get(lang, ()) + _names(row["words"])
    return words
