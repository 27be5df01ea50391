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


class QueryRejected(KGError):
    """A researcher's Cypher was refused by Neo4j (syntax, a write, a timeout...)."""

    code = "query_rejected"


class Unauthorized(KGError):
    """A write came without an API key."""

    code = "unauthorized"


class Forbidden(KGError):
    """A write came with a wrong API key, or writes are disabled (no key configured)."""

    code = "forbidden"
