"""Store documents; decide whether a document is new, changed or already known."""

from __future__ import annotations

import hashlib

from sqlmodel import Session, select

from incidents.domain import Document
from incidents.store.models import DocumentRecord, SourceRecord


def content_hash(document: Document) -> str:
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def find_document(session: Session, key: str) -> DocumentRecord | None:
    return session.exec(select(DocumentRecord).where(DocumentRecord.key == key)).first()


def source_id(session: Session, outlet: str | None) -> int | None:
    """The id of the source named ``outlet``, created on first sight."""
    if not outlet:
        return None
    found = session.exec(select(SourceRecord).where(SourceRecord.name == outlet)).first()
    if found is None:
        found = SourceRecord(name=outlet)
        session.add(found)
        session.flush()
    return found.id


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
    session: Session, document: Document, lang: str, parent_id: int | None
) -> tuple[DocumentRecord, bool]:
    """Insert or update ``document``; return its record and whether its text changed."""
    digest = content_hash(document)
    record = find_document(session, document.key)
    if record is not None and record.content_hash == digest and record.status != "failed":
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
    record.published_at = document.published
    record.text = document.text
    record.content_hash = digest
    record.source_id = source_id(session, document.outlet)
    record.status, record.error = "extracted", None
    session.add(record)
    session.flush()
    return record, True
