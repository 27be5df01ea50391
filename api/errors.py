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
