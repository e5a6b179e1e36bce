"""One exception root for the package; each error names what went wrong and where."""

from __future__ import annotations


class IncidentsError(Exception):
    """Root of every error this package raises on purpose."""


class ReaderError(IncidentsError):
    """An input file (or one line of it) could not be read.

    The message names the file and, where it applies, the line number.
    """

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ExtractionError(IncidentsError):
    """The extractor could not process a document."""


class GeocodingError(IncidentsError):
    """A geocoder failed (as opposed to finding nothing)."""


class StorageError(IncidentsError):
    """The database could not be read or written."""


class ConfigurationError(IncidentsError):
    """A setting is missing or invalid; the message names the setting."""
