"""Request size limits, as a pure ASGI middleware (it never buffers a body).

- A body larger than ``max_body_bytes`` is refused with a 413 problem: at once when
  its ``Content-Length`` says so, else (chunked or streamed bodies, or a length that
  lies) as soon as the bytes read pass the limit. The app is never handed more.
- A query string longer than ``max_query_bytes`` is refused with a 414 problem that
  names the parameter taking the most room.

Every answer also says ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import problems

#: Sent with every answer: a client must take the declared type, never guess HTML.
NOSNIFF = (b"x-content-type-options", b"nosniff")


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a body passes the limit; the app's handler for
    HTTP errors answers it (FastAPI re-raises HTTP errors met reading a body), and
    the middleware does if it reaches it."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=body_detail(limit))


def body_detail(limit: int) -> str:
    return f"the request body exceeds the limit of {limit} bytes (max_body_bytes)"


class RequestLimits:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_query_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_query_bytes = max_query_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        query: bytes = scope.get("query_string", b"")
        if len(query) > self.max_query_bytes:
            detail = (
                f"the query string exceeds the limit of {self.max_query_bytes} bytes "
                f"(largest parameter: '{_largest_parameter(query)}')"
            )
            await _answer(send, 414, detail, path)
            return
        declared = _content_length(scope)
        if declared == INVALID:
            await _answer(send, 400, "the Content-Length header is not a length", path)
            return
        if declared is not None and declared > self.max_body_bytes:
            await _answer(send, 413, body_detail(self.max_body_bytes), path)
            return

        limit = self.max_body_bytes
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), NOSNIFF]}
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except BodyTooLarge:
            if started:
                raise
            await _answer(send, 413, body_detail(limit), path)


#: What :func:`_content_length` answers for a header that is not one length.
INVALID = -1


def _content_length(scope: Scope) -> int | None:
    """The declared length of the body, None if not declared, or :data:`INVALID`."""
    values = [v for k, v in scope.get("headers", []) if k.lower() == b"content-length"]
    if not values:
        return None
    try:
        lengths = {int(v) for v in values}
    except ValueError:
        return INVALID
    if len(lengths) != 1 or min(lengths) < 0:
        return INVALID
    return lengths.pop()


_NAME = re.compile(r"[A-Za-z0-9_.\-\[\]]{1,64}")


def _largest_parameter(query: bytes) -> str:
    """The name of the parameter whose values take the most room (only echoed when
    it looks like a parameter name)."""
    sizes: Counter[str] = Counter()
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        sizes[name] += len(name) + len(value) + 2
    if not sizes:
        return "?"
    name = sizes.most_common(1)[0][0]
    return name if _NAME.fullmatch(name) else "?"


async def _answer(send: Send, status: int, detail: str, path: str) -> None:
    content = problems.encoded(problems.body(status, detail, path))
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", problems.MEDIA_TYPE.encode()),
        (b"content-length", str(len(content)).encode()),
        (b"connection", b"close"),
        NOSNIFF,
    ]
    start: dict[str, Any] = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": content})


class ConcurrencyLimit:
    """At most ``limit`` requests inside the app at once; the rest wait here, holding
    neither a worker thread nor a database connection.

    Without it, more requests than the pool has connections deadlock: the worker
    threads all wait for a connection, while the requests holding the connections wait
    for a worker thread to serialize their answer (found by ``benchmarks/load_test``).
    The API's engine gets at least ``limit`` connections (:func:`api.app.create_app`).
    """

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        async with self._slots:
            await self.app(scope, receive, send)
