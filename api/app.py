"""The FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from api.errors import COMMON_ERRORS, error_responses, install_error_handlers
from api.guard import RequestGuard
from api.routes import actors, articles, claims, cypher, explorer, graph, health, statements
from api.settings import Settings
from graph.connection import GraphDB
from graph.cypher import CypherRunner

def create_app(settings: Settings, db: GraphDB) -> FastAPI:
    """An app serving `db`. The caller owns the driver's lifetime."""
    app = FastAPI(
        title="News knowledge graph",
        description="Who is involved in the news, and who said, confirmed or denied what. "
        "Every error answers `{\"error\": {\"status\", \"code\", \"message\"}}`.",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.db = db
    app.state.cypher_runner = CypherRunner(db, settings.cypher_limits())
    install_error_handlers(app)
    app.add_middleware(RequestGuard, allowed_hosts=settings.trusted_hosts())
    for module in (health, actors, statements, claims, articles, graph, explorer):
        app.include_router(module.router, responses=error_responses(*COMMON_ERRORS))
    app.include_router(cypher.router, responses=error_responses(
        *COMMON_ERRORS, 422, 429,
        s400="Neo4j refused the query (its message included), the query is not read-only, a Host "
             "header not in KG_ALLOWED_HOSTS, or an API key in the query string"))
    return app
