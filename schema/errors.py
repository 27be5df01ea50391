"""Every error the service raises, under one root. The API maps each class to a status code."""

from __future__ import annotations


class KGError(Exception):
    """Root of all errors this project raises on purpose."""

    code = "kg_error"


class InvalidArticle(KGError):
    """An article was refused before anything was written. `reason` is a short machine code."""

    code = "invalid_article"

    def __init__(self, reason: str, message: str, path: str | None = None):
        self.reason = reason
        self.path = path
        where = f"{path}: " if path else ""
        super().__init__(f"{where}{reason.replace('_', ' ')}: {message}")


class NotFound(KGError):
    """A requested node does not exist."""

    code = "not_found"


class GraphUnavailable(KGError):
    """Neo4j cannot be reached or refused the connection."""

    code = "graph_unavailable"


class LocalServerError(KGError):
    """The project's local Neo4j server could not be set up, started or stopped."""

    code = "local_server_error"


class BulkImportError(KGError):
    """Extracted articles could not be turned into files for Neo4j's offline importer, or the
    import could not run."""

    code = "bulk_import_error"


class QueryRejected(KGError):
    """A researcher's Cypher was refused, by the guard before it ran or by Neo4j.

    `reason` is a short machine code: `write`, `load_csv`, `procedure`, `too_deep`, `neo4j`...
    """

    code = "query_rejected"

    def __init__(self, message: str, reason: str = "neo4j"):
        self.reason = reason
        super().__init__(message)


class QueryTimedOut(QueryRejected):
    """A researcher's Cypher ran past its deadline and was stopped."""

    code = "query_timeout"

    def __init__(self, message: str):
        super().__init__(message, reason="timeout")


class TooManyQueries(KGError):
    """Every slot for researchers' Cypher is busy; `retry_after_s` says when to try again."""

    code = "too_many_queries"

    def __init__(self, message: str, retry_after_s: int):
        self.retry_after_s = retry_after_s
        super().__init__(message)


class Unauthorized(KGError):
    """A write came without an API key."""

    code = "unauthorized"


class Forbidden(KGError):
    """A write came with a wrong API key, or writes are disabled (no key configured)."""

    code = "forbidden"
