"""Store documents; decide whether a document is new, changed or already known."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from incidents.domain import Document, DocumentKind
from incidents.store.models import DocumentRecord, SourceRecord
from incidents.store.types import utcnow


def content_hash(document: Document) -> str:
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def find_document(session: Session, key: str) -> DocumentRecord | None:
    return session.exec(select(DocumentRecord).where(DocumentRecord.key == key)).first()


@dataclass(frozen=True, slots=True)
class StoredState:
    """What the nightly job's checks need of a stored document, read without
    loading it (its text can be long)."""

    id: int
    content_hash: str
    status: str
    countries: str | None = None

    @property
    def country_codes(self) -> frozenset[str]:
        """The countries the stored text is about (see :func:`countries_column`)."""
        return frozenset(self.countries.split(",")) if self.countries else frozenset()

    def holds(self, document: Document) -> bool:
        """Whether this is ``document`` stored as is (see :func:`stored_as_is`)."""
        return stored_as_is(self.content_hash, self.status, document)


def stored_as_is(stored_hash: str, status: str, document: Document) -> bool:
    """A stored document with this hash and status needs no new extraction: same
    text, and it did not fail last time."""
    return status != "failed" and stored_hash == content_hash(document)


def countries_column(countries: Iterable[str]) -> str | None:
    """How ``documents.countries`` holds a set of ISO2 codes: sorted, comma-separated."""
    return ",".join(sorted(set(countries))) or None


_STATE = (
    sa_select(
        col(DocumentRecord.id),
        col(DocumentRecord.content_hash),
        col(DocumentRecord.status),
        col(DocumentRecord.countries),
    )
    .where(col(DocumentRecord.key) == bindparam("key"))
    .limit(1)
)


def document_state(session: Session, key: str) -> StoredState | None:
    row = session.execute(_STATE, {"key": key}).first()
    return StoredState(*row) if row is not None else None


def source_id(session: Session, outlet: str | None) -> int | None:
    """The id of the source named ``outlet``, created on first sight."""
    if not outlet:
        return None
    found = session.execute(_SOURCE, {"name": outlet}).scalar()
    if found is not None:
        return int(found)
    record = SourceRecord(name=outlet)
    session.add(record)
    session.flush()
    return record.id


_SOURCE = sa_select(col(SourceRecord.id)).where(col(SourceRecord.name) == bindparam("name"))


def insert_document(
    session: Session,
    document: Document,
    lang: str,
    parent_id: int | None,
    countries: Iterable[str] = (),
) -> DocumentRecord:
    """Insert a document not stored before, with one INSERT (the nightly job's common
    case); return a detached record holding its id and kind."""
    table = DocumentRecord.__table__  # type: ignore[attr-defined]
    values = {
        "key": document.key,
        "kind": document.kind.value,
        "parent_id": parent_id,
        "lang": lang,
        "source": document.source,
        "outlet": document.outlet,
        "title": document.title,
        "url": document.url,
        "author": document.author,
        "commenter_country": document.commenter_country,
        "countries": countries_column(countries),
        "published_at": document.published,
        "text": document.text,
        "content_hash": content_hash(document),
        "ingested_at": utcnow(),
        "source_id": source_id(session, document.outlet),
        "status": "extracted",
        "error": None,
    }
    new_id = session.execute(sa_insert(table).returning(table.c.id), values).scalar_one()
    return DocumentRecord.model_construct(id=new_id, **values)  # type: ignore[arg-type]


def is_duplicate(session: Session, document: Document) -> bool:
    """Whether ``document``, under a key not stored yet, is already stored under
    another: an article with the same text, or with the same outlet and URL (a page
    saved twice, a feed entry also in the inbox); a comment with the same text under
    the same article."""
    digest = content_hash(document)
    if document.kind == DocumentKind.COMMENT:
        parent = document_state(session, document.parent_key) if document.parent_key else None
        if parent is None:
            return False
        query = select(DocumentRecord.id).where(
            DocumentRecord.parent_id == parent.id, DocumentRecord.content_hash == digest
        )
        return session.exec(query).first() is not None
    same_text = select(DocumentRecord.id).where(
        DocumentRecord.kind == DocumentKind.ARTICLE.value, DocumentRecord.content_hash == digest
    )
    if session.exec(same_text).first() is not None:
        return True
    if not document.url:
        return False
    same_page = select(DocumentRecord.id).where(
        DocumentRecord.kind == DocumentKind.ARTICLE.value,
        DocumentRecord.url == document.url,
        DocumentRecord.outlet == document.outlet,
    )
    return session.exec(same_page).first() is not None


def record_failure(session: Session, document: Document, error: str) -> None:
    """Keep a document that could not be processed, to be retried by the next run.
    A version stored before is left as it is: nothing already stored is lost."""
    if find_document(session, document.key) is not None:
        return
    session.add(
        DocumentRecord(
            key=document.key,
            kind=document.kind.value,
            lang=document.lang or "und",
            source=document.source,
            outlet=document.outlet,
            text=document.text,
            content_hash=content_hash(document),
            status="failed",
            error=error,
        )
    )


def upsert_document(
    session: Session,
    document: Document,
    lang: str,
    parent_id: int | None,
    existing: DocumentRecord | None = None,
    countries: Iterable[str] = (),
) -> tuple[DocumentRecord, bool]:
    """Insert or update ``document`` (``existing`` is its record when the caller has
    looked it up); return its record and whether its text changed."""
    digest = content_hash(document)
    record = existing if existing is not None else find_document(session, document.key)
    if record is not None and stored_as_is(record.content_hash, record.status, document):
        return record, False
    if record is None:
        record = DocumentRecord(
            key=document.key,
            content_hash=digest,
            text=document.text,
            kind=document.kind.value,
            lang=lang,
            source=document.source,
        )
    record.kind = document.kind.value
    record.parent_id = parent_id
    record.lang = lang
    record.source = document.source
    record.outlet = document.outlet
    record.title = document.title
    record.url = document.url
    record.author = document.author
    record.commenter_country = document.commenter_country
    record.countries = countries_column(countries)
    record.published_at = document.published
    record.text = document.text
    record.content_hash = digest
    record.source_id = source_id(session, document.outlet)
    record.status, record.error = "extracted", None
    session.add(record)
    session.flush()
    return record, True
