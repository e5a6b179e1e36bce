"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error answer has ``type``, ``title``, ``status``, ``detail`` and ``instance`` (the
request path); a validation error adds ``errors``, one entry per bad parameter with
its location and name, so a client can tell which parameter to fix. Unexpected
failures are a 500 problem that says nothing about the internals.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """An RFC 9457 problem; ``errors`` on a 422, one per bad parameter."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict[str, str]] | None = None


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of the problems an operation may answer with."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {MEDIA_TYPE: {"schema": Problem.model_json_schema()}},
        }
        for status in statuses
    }


def body(status: int, detail: str, instance: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }


def encoded(content: dict[str, Any]) -> bytes:
    """JSON whose ``<``, ``>`` and ``&`` are ``\\u`` escapes: a problem echoes the
    request's path, and no sniffing client should ever read markup in it."""
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.encode()


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return encoded(content)


def problem(request: Request, status: int, detail: str, **extra: Any) -> JSONResponse:
    content = body(status, detail, request.url.path, **extra)
    return ProblemResponse(content, status_code=status)


def _parameter(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


def install(app: FastAPI) -> None:
    """Answer HTTP errors, validation errors and crashes with problem details."""

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = problem(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "in": str(error["loc"][0]) if error.get("loc") else "request",
                "parameter": _parameter(tuple(error.get("loc", ()))),
                "message": error.get("msg", "invalid"),
            }
            for error in exc.errors()
        ]
        names = ", ".join(dict.fromkeys(e["parameter"] for e in errors))
        return problem(request, 422, f"invalid parameter(s): {names}", errors=errors)

    @app.exception_handler(Exception)
    async def crash_problem(request: Request, exc: Exception) -> JSONResponse:
        return problem(request, 500, "the server failed to answer this request")
