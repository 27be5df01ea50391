"""One JSON error shape for every endpoint: {"error": {"status", "code", "message"}}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from schema.errors import (
    Forbidden,
    GraphUnavailable,
    InvalidArticle,
    KGError,
    NotFound,
    QueryRejected,
    TooManyQueries,
    Unauthorized,
)

from api.models import ErrorOut

log = logging.getLogger("kg.api")

STATUS_BY_ERROR: dict[type[KGError], int] = {
    NotFound: 404,
    InvalidArticle: 422,
    QueryRejected: 400,
    Unauthorized: 401,
    Forbidden: 403,
    TooManyQueries: 429,
    GraphUnavailable: 503,
}


def error_body(status: int, code: str, message: str, **extra) -> dict:
    """The body every error response carries."""
    return {"error": {"status": status, "code": code, "message": message, **extra}}


# Statuses every route can answer: the request guard's 400 and Neo4j being unreachable. Each
# route adds its own (404 for ids, 422 for parameters, 401/403 for writes, 429 for /cypher).
COMMON_ERRORS = (400, 503)

# What each error status means, with an example body, for the OpenAPI responses of each route.
_ERROR_DOCS: dict[int, tuple[str, str, str]] = {
    400: ("Bad request: a Host header not in KG_ALLOWED_HOSTS, or an API key in the query string "
          "(keys go in the X-API-Key header only)", "key_in_query",
          "API keys are accepted only in the X-API-Key header, never in the URL"),
    401: ("No API key sent", "unauthorized", "this endpoint needs an API key in the X-API-Key header"),
    403: ("Writes disabled (no KG_API_KEY configured) or the key is not valid", "forbidden",
          "the API key is not valid"),
    404: ("No such id", "not_found", "no actor with id 'person:nobody'"),
    422: ("Invalid parameters or body, or a refused article (with its `reason`)", "invalid_request",
          "query.limit: Input should be less than or equal to 1000"),
    429: ("Too many queries at once; try again shortly", "too_many_queries",
          "too many Cypher queries at once"),
    503: ("Neo4j is unreachable", "graph_unavailable", "Neo4j is unreachable"),
}


def error_responses(*statuses: int, html_route: bool = False, **descriptions: str) -> dict[int | str, dict]:
    """OpenAPI `responses` for these error statuses: the ErrorOut model and an example.

    `descriptions` overrides a status's description (key `s400` for 400). On a route whose
    success is HTML, `html_route=True` keeps FastAPI from listing the JSON error model under
    text/html (it puts a response's model under the route's own media type).
    """
    docs: dict[int | str, dict] = {}
    for status in statuses:
        text, code, message = _ERROR_DOCS[status]
        json_doc: dict = {"example": error_body(status, code, message)}
        doc: dict = {"description": descriptions.get(f"s{status}", text),
                     "content": {"application/json": json_doc}}
        if html_route:
            json_doc["schema"] = {"$ref": "#/components/schemas/ErrorOut"}
        else:
            doc["model"] = ErrorOut
        docs[status] = doc
    return docs


def install_error_handlers(app: FastAPI) -> None:
    """Map project errors, validation errors and unknown routes to the one error shape."""

    @app.exception_handler(KGError)
    async def handle_kg_error(request: Request, exc: KGError) -> JSONResponse:
        status = next((s for cls, s in STATUS_BY_ERROR.items() if isinstance(exc, cls)), 500)
        extra = {"reason": exc.reason} if isinstance(exc, (InvalidArticle, QueryRejected)) else {}
        headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
        if isinstance(exc, TooManyQueries):
            headers = {"Retry-After": str(exc.retry_after_s)}
        return JSONResponse(error_body(status, exc.code, str(exc), **extra), status_code=status,
                            headers=headers)

    @app.exception_handler(RequestValidationError)
    async def handle_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in err["loc"]), "problem": err["msg"]}
            for err in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return JSONResponse(error_body(422, "invalid_request", message, details=details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def handle_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "http_error"
        return JSONResponse(error_body(exc.status_code, code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            error_body(500, "internal_error", "internal error; the server log has the details"),
            status_code=500,
        )
