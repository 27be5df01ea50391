"""Checks every HTTP request passes before any route sees it, answering in the one error shape.

- An API key in the query string is refused (400), and its value is blanked in the request
  itself first, so the access log, which prints the URL, never records it.
- The Host header must name this service (KG_ALLOWED_HOSTS): a page on another site that
  rebinds its DNS name to 127.0.0.1 sends its own name as Host and is refused (400).
- A JSON body must be strict JSON: NaN, Infinity, numbers that overflow a float and integers
  beyond 64 bits are refused (422) rather than turned into null or a driver error.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body

# Query parameter names (lower case, without - and _) that carry a key.
KEY_PARAMS = frozenset({"apikey", "key", "xapikey", "token", "accesstoken", "authorization"})
_INT64 = 2**63


class RequestGuard:
    """ASGI middleware: query-string keys, Host header, strict JSON bodies."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.any_host = "*" in allowed_hosts
        self.allowed_hosts = frozenset(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _redact_keys(scope):
            await _refuse(scope, receive, send, 400, "key_in_query",
                          "API keys are accepted only in the X-API-Key header, never in the URL")
            return
        headers = Headers(scope=scope)
        host = host_name(headers.get("host", ""))
        if not self.any_host and host not in self.allowed_hosts:
            await _refuse(scope, receive, send, 400, "host_not_allowed",
                          f"Host {host!r} is not one this service answers (KG_ALLOWED_HOSTS)")
            return
        if scope["method"] in ("POST", "PUT", "PATCH") and _is_json(headers.get("content-type")):
            body = await _read_body(receive)
            problem = json_problem(body)
            if problem:
                await _refuse(scope, receive, send, 422, "invalid_request", f"body: {problem}",
                              details=[{"where": "body", "problem": problem}])
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)


def host_name(host: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def json_problem(body: bytes) -> str | None:
    """Why `body` is not strict JSON the API accepts, or None when it is (or is empty)."""
    if not body:
        return None
    try:
        json.loads(body, parse_constant=_refuse_constant, parse_float=_finite_float,
                   parse_int=_int64)
    except _Refused as exc:
        return str(exc)
    except UnicodeDecodeError:
        return "not UTF-8"
    except ValueError:
        return "not valid JSON"  # FastAPI gives the position; only strictness is checked here
    except RecursionError:
        return "nested too deeply"
    return None


class _Refused(Exception):
    pass


def _refuse_constant(name: str) -> float:
    raise _Refused(f"{name} is not JSON (numbers must be finite)")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused(f"the number {text[:40]} is too large")
    return value


def _int64(text: str) -> int:
    if len(text.lstrip("-")) > 19 or not -_INT64 <= int(text) < _INT64:
        raise _Refused(f"the integer {text[:40]} does not fit in 64 bits")
    return int(text)


def _redact_keys(scope: Scope) -> bool:
    """Blank the values of key-like query parameters in place; True if there were any."""
    raw = scope.get("query_string", b"")
    if not raw:
        return False
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    if not any(_is_key_param(name) for name, _ in pairs):
        return False
    scope["query_string"] = urlencode(
        [(name, "REDACTED" if _is_key_param(name) else value) for name, value in pairs]
    ).encode("latin-1", "replace")
    return True


def _is_key_param(name: str) -> bool:
    return name.lower().replace("-", "").replace("_", "") in KEY_PARAMS


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, original: Receive) -> Receive:
    """The body already read, then whatever the client sends next (its disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, code: str, message: str,
                  **extra) -> None:
    await JSONResponse(error_body(status, code, message, **extra), status_code=status)(scope, receive, send)
