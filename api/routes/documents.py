"""``POST /documents``: submit articles (with their comments) for extraction now.

Guarded by a bearer token from the configuration (``INCIDENTS_API_TOKEN``); without
one, submissions are disabled (403). A request without a token is a 401 (with
``WWW-Authenticate: Bearer``), one with another token a 403; tokens are compared as
SHA-256 digests in constant time, so neither their content nor their length leaks.

The body is one record or a list of records in the JSON Lines reader's format
(``{"id", "text", "lang"?, "published"?, "url"?, "title"?, "source"?, "comments"?}``).
Each document is stored in its own transaction, as the nightly job does; a bad
record is reported by its index and the others go on. The extractor is built on
the first submission and kept for the process.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from api import problems
from api.deps import SettingsDep
from incidents.config import Settings
from incidents.errors import IncidentsError, ReaderError
from incidents.extract.extractor import Extractor
from incidents.pipeline import process_document
from incidents.readers.jsonl import documents_of_record

router = APIRouter(tags=["documents"], responses=problems.responses(422))
_bearer = HTTPBearer(auto_error=False)
_build_lock = threading.Lock()
#: One submission extracts at a time: the spaCy pipelines are shared and not thread-safe.
_work_lock = threading.Lock()
MAX_RECORDS = 500


def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    if settings.api_token is None:
        raise HTTPException(403, detail="submissions are disabled: set INCIDENTS_API_TOKEN")
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            401,
            detail="a bearer token is required (Authorization: Bearer <token>)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    expected = _digest(settings.api_token.get_secret_value())
    if not secrets.compare_digest(_digest(credentials.credentials), expected):
        raise HTTPException(403, detail="the bearer token is not valid")


def _digest(token: str) -> bytes:
    """A fixed-length digest, so comparing two tokens takes the same time whatever
    their lengths (``compare_digest`` returns early on a length mismatch)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


def _extractor(request: Request, settings: Settings) -> Extractor:
    with _build_lock:
        extractor: Extractor | None = getattr(request.app.state, "extractor", None)
        if extractor is None:
            from incidents.runtime import build_extractor

            extractor = request.app.state.extractor = build_extractor(settings)
        return extractor


class DocumentResult(BaseModel):
    key: str
    kind: str
    stored: bool
    reports: int
    incidents: list[int]


class RecordError(BaseModel):
    record: int
    detail: str


class Submission(BaseModel):
    documents: list[DocumentResult]
    errors: list[RecordError]


_BODY = TypeAdapter(dict[str, Any] | list[dict[str, Any]])


async def submitted_records(
    request: Request, _: Annotated[None, Depends(require_token)]
) -> list[dict[str, Any]]:
    """The body's records, read only once the token has passed: a caller without one
    learns nothing from how its body is parsed (FastAPI would parse a declared body
    before any dependency runs)."""
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, detail=f"'body' is not valid JSON: {exc}") from exc
    try:
        parsed = _BODY.validate_python(body)
    except ValidationError as exc:
        raise HTTPException(
            422, detail="'body' must be a record (a JSON object) or a list of records"
        ) from exc
    return parsed if isinstance(parsed, list) else [parsed]


@router.post(
    "/documents",
    response_model=Submission,
    status_code=201,
    responses=problems.responses(400, 401, 403, 413, 422),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _BODY.json_schema()}},
        }
    },
)
def submit_documents(
    request: Request,
    settings: SettingsDep,
    records: Annotated[list[dict[str, Any]], Depends(submitted_records)],
) -> Submission:
    """Extract, geocode and store the submitted documents; answer what each gave."""
    if not records or len(records) > MAX_RECORDS:
        raise HTTPException(422, detail=f"'body' must hold 1 to {MAX_RECORDS} records")
    extractor = _extractor(request, settings)
    results: list[DocumentResult] = []
    errors: list[RecordError] = []
    with _work_lock:
        _process(request, extractor, records, results, errors)
    return Submission(documents=results, errors=errors)


def _process(
    request: Request,
    extractor: Extractor,
    records: list[dict[str, Any]],
    results: list[DocumentResult],
    errors: list[RecordError],
) -> None:
    countries: dict[str, frozenset[str]] = {}
    for number, record in enumerate(records):
        try:
            if "id" not in record:
                raise ReaderError("body", "'id' is required for a submission", line=number)
            documents = documents_of_record(record, "api", "api", number)
        except ReaderError as exc:
            errors.append(RecordError(record=number, detail=exc.reason))
            continue
        for document in documents:
            context = countries.get(document.parent_key or "", frozenset())
            try:
                with Session(request.app.state.engine) as session, session.begin():
                    result, touched = process_document(session, extractor, document, context)
            except (IncidentsError, SQLAlchemyError) as exc:
                errors.append(RecordError(record=number, detail=f"{document.key}: {exc}"))
                continue
            if result is not None and document.parent_key is None:
                countries[document.key] = result.countries
            results.append(
                DocumentResult(
                    key=document.key,
                    kind=document.kind.value,
                    stored=result is not None,
                    reports=len(result.events) if result else 0,
                    incidents=sorted(touched),
                )
            )
